// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/Result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace cairn::app {

class CliContext;

// Parses one command's arguments with its own options. Returns an exit code when the
// command must stop here (--help printed: 0; a usage error printed: 2), nothing otherwise.
std::optional<int> parseCommandArguments(
    QCommandLineParser &parser, const QString &commandName, const QStringList &arguments, CliContext &context);

// The options that choose entities, declared once for the commands that have them (`list`,
// `export`): --kind, --owner, --query and --include-removed, whose description says what
// the command does with removed entities.
struct EntityFilterOptions
{
    explicit EntityFilterOptions(const QString &includeRemovedDescription);

    QCommandLineOption kind;
    QCommandLineOption owner;
    QCommandLineOption query;
    QCommandLineOption includeRemoved;

    // --owner as a ref, a bare name taken as a group's; a null ref when it is not given.
    core::Result<core::EntityRef> ownerRef(const QCommandLineParser &parser) const;
};

} // namespace cairn::app
