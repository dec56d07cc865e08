// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace cairn::app {

// The command line: global options (--cache FILE, --help, --version), then one command.
// Returns the process exit code (see ExitCode.h).
int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace cairn::app
