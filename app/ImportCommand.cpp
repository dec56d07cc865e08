// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"
#include "app/CommandParser.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "app/SyncReport.h"
#include "sync/CatalogFileReader.h"
#include "sync/CatalogImporter.h"
#include "sync/FileSource.h"
#include "sync/SyncEngine.h"

#include <QDir>
#include <QFileInfo>

namespace cairn::app {

int runImport(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Imports catalog files (YAML, JSON, NDJSON, compass.yml) and folders of them into the cache. "
                       "The set of paths is one source: importing it again updates it, and what it no longer "
                       "holds is kept as removed upstream (a tombstone), never deleted."));
    parser.addPositionalArgument(
        QStringLiteral("PATH"), QStringLiteral("Files or folders to import."), QStringLiteral("PATH..."));
    const QCommandLineOption sourceOption(QStringLiteral("source"),
        QStringLiteral("Name of the source (default: derived from the paths)."), QStringLiteral("NAME"));
    const QCommandLineOption allowRemovals(
        QStringLiteral("allow-removals"), QStringLiteral("Apply a run that removes many entities."));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"), QStringLiteral("Show what would change; write nothing."));
    parser.addOptions({ sourceOption, allowRemovals, dryRun });
    if (const std::optional<int> stop = parseCommandArguments(parser, QStringLiteral("import"), arguments, context))
        return *stop;
    QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        context.err() << "cairn import: give at least one file or folder to import.\n";
        return ExitUsage;
    }
    for (QString &path : paths) {
        if (!path.startsWith(u':'))
            path = QFileInfo(path).absoluteFilePath();
    }
    // A path that holds nothing to import is said, not passed as "0 added": it is more often
    // the wrong path than an empty catalog.
    for (const QString &path : std::as_const(paths)) {
        const QFileInfo info(path);
        if (info.isDir() && !sync::CatalogFileReader::holdsCatalogFiles(path))
            context.err() << "cairn: warning: the folder " << QDir::toNativeSeparators(path)
                          << " holds no catalog files (.yaml, .yml, .json, .ndjson, .jsonl); nothing is imported "
                             "from it.\n";
        else if (info.isFile() && info.size() == 0)
            context.err() << "cairn: warning: " << QDir::toNativeSeparators(path)
                          << " is empty; nothing is imported from it.\n";
    }
    const QString sourceName
        = parser.isSet(sourceOption) ? parser.value(sourceOption) : sync::CatalogImporter::defaultSourceName(paths);
    return importFiles(context, paths, sourceName, QStringLiteral("files"),
        sync::SyncOptions { parser.isSet(allowRemovals), parser.isSet(dryRun), 0.10 });
}

int importFiles(CliContext &context, const QStringList &paths, const QString &sourceName, const QString &sourceKind,
    const sync::SyncOptions &options)
{
    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    sync::FileSource source(paths);
    sync::SyncEngine engine(*cache.value());
    const sync::SyncOutcome outcome
        = engine.run(sourceName, sourceKind, paths.join(QLatin1Char('\n')), source, options);
    return reportSyncOutcome(outcome, options.dryRun, context.out(), context.err());
}

} // namespace cairn::app
