// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"
#include "app/CommandParser.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "cache/CatalogQuery.h"
#include "cache/Database.h"

namespace cairn::app {

int runCheck(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checks the cache: integrity, schema version, entities per kind. Exits 1 when it is damaged."));
    if (const std::optional<int> stop = parseCommandArguments(parser, QStringLiteral("check"), arguments, context))
        return *stop;
    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    cache::CatalogQuery catalog(*cache.value());
    core::Result<cache::CacheCheck> check = catalog.check();
    if (!check)
        return context.fail(check.errorString());
    QTextStream &out = context.out();
    out << "Cache:          " << context.cachePath() << '\n'
        << "Schema version: " << check->schemaVersion << '\n'
        << "Integrity:      " << (check->ok ? "ok" : "DAMAGED") << '\n'
        << "Libraries:      Qt " << qVersion() << ", SQLite " << cache::Database::sqliteVersion() << '\n';
    for (const QString &problem : std::as_const(check->problems))
        out << "  " << problem << '\n';
    if (check->counted) { // else the tables cannot be trusted to count
        int live = 0;
        for (auto it = check->liveByKind.cbegin(); it != check->liveByKind.cend(); ++it)
            live += it.value();
        out << "Entities:       " << live << " live, " << check->removed << " removed upstream\n";
        for (auto it = check->liveByKind.cbegin(); it != check->liveByKind.cend(); ++it)
            out << "  " << it.key().leftJustified(14) << ' ' << it.value() << '\n';
    }
    if (!check->ok) {
        context.err() << "cairn: the cache is damaged. Restore a snapshot (`cairn snapshot list`) or move the file "
                         "aside and sync again.\n";
        return ExitError;
    }
    return ExitOk;
}

} // namespace cairn::app
