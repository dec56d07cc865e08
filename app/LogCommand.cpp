// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"
#include "app/CommandParser.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "cache/CatalogWriter.h"

namespace cairn::app {

int runLog(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Shows recent sync runs, newest first: source, start, duration, "
                                                    "counts, status and error."));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("How many runs (default 20)."),
        QStringLiteral("N"), QStringLiteral("20"));
    parser.addOption(limit);
    if (const std::optional<int> stop = parseCommandArguments(parser, QStringLiteral("log"), arguments, context))
        return *stop;
    bool valid = false;
    const int count = parser.value(limit).toInt(&valid);
    if (!valid || count <= 0 || !parser.positionalArguments().isEmpty()) {
        context.err() << "cairn log: --limit needs a positive number; no other arguments.\n";
        return ExitUsage;
    }
    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    core::Result<QList<cache::SyncRunRecord>> runs = cache::CatalogWriter(*cache.value()).recentRuns(count);
    if (!runs)
        return context.fail(runs.errorString());
    if (runs->isEmpty()) {
        context.out() << "No sync runs yet.\n";
        return ExitOk;
    }
    for (const cache::SyncRunRecord &run : std::as_const(runs.value())) {
        const qint64 ms = run.finishedAt.isValid() ? run.startedAt.msecsTo(run.finishedAt) : -1;
        context.out() << run.startedAt.toLocalTime().toString(Qt::ISODate) << "  " << run.source.leftJustified(16)
                      << ' ' << run.status.leftJustified(6) << ' '
                      << (ms >= 0 ? QStringLiteral("%1 ms").arg(ms) : QStringLiteral("-")) << "  +" << run.added << " ~"
                      << run.changed << " =" << run.unchanged << " -" << run.removed;
        if (run.held > 0)
            context.out() << " held " << run.held;
        if (run.operation != u"sync")
            context.out() << "  (" << run.operation << ')';
        if (!run.snapshotId.isEmpty())
            context.out() << "  snapshot " << run.snapshotId;
        context.out() << '\n';
        if (!run.error.isEmpty())
            context.out() << "    error: " << QString(run.error).replace(u'\n', QStringLiteral("\n    ")) << '\n';
    }
    return ExitOk;
}

} // namespace cairn::app
