// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>

#include <optional>

namespace cairn::app {

class CliContext;

// Parses one command's arguments with its own options. Returns an exit code when the
// command must stop here (--help printed: 0; a usage error printed: 2), nothing otherwise.
std::optional<int> parseCommandArguments(
    QCommandLineParser &parser, const QString &commandName, const QStringList &arguments, CliContext &context);

} // namespace cairn::app
