// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/AskEngine.h"
#include "sync/SyncEngine.h"

#include <QString>
#include <QStringList>

namespace cairn::app {

class CliContext;

// One command of the command line: its name, a one-line summary and usage for --help,
// and the function that runs it with the arguments after its name.
struct Command
{
    QString name;
    QString usage;
    QString summary;
    int (*run)(CliContext &context, const QStringList &arguments);
};

// Every command, in the order --help lists them.
const QList<Command> &commands();

int runImport(CliContext &context, const QStringList &arguments);
int runList(CliContext &context, const QStringList &arguments);
int runShow(CliContext &context, const QStringList &arguments);
int runRemoved(CliContext &context, const QStringList &arguments);
int runHygiene(CliContext &context, const QStringList &arguments);
int runSnapshot(CliContext &context, const QStringList &arguments);
int runCheck(CliContext &context, const QStringList &arguments);
int runSample(CliContext &context, const QStringList &arguments);
int runAsk(CliContext &context, const QStringList &arguments);
int runExport(CliContext &context, const QStringList &arguments);
int runSource(CliContext &context, const QStringList &arguments);
int runSync(CliContext &context, const QStringList &arguments);
int runLog(CliContext &context, const QStringList &arguments);
int runPurge(CliContext &context, const QStringList &arguments);
int runHealth(CliContext &context, const QStringList &arguments);

// Prints an answer (or candidates, or search hits) as text or JSON; the exit code to return.
int printAskResult(CliContext &context, const core::Result<core::AskResult> &result, bool json);

// Runs catalog files into the cache as one source and reports it (import and sample).
int importFiles(CliContext &context, const QStringList &paths, const QString &sourceName, const QString &sourceKind,
    const sync::SyncOptions &options);

} // namespace cairn::app
