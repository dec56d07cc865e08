// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"
#include "app/CommandParser.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "cache/SnapshotStore.h"

#include <QLocale>

namespace cairn::app {

namespace {

// One line per snapshot, its id first (scripts take the first word); the reason last,
// "—" for a snapshot taken before Cairn kept reasons.
void printSnapshot(QTextStream &out, const cache::SnapshotInfo &info)
{
    const QString reason = info.reason.describe();
    out << info.id << "  " << info.createdAt.toLocalTime().toString(Qt::ISODate) << "  "
        << QLocale::c().formattedDataSize(info.sizeBytes) << "  ";
    if (info.problem.isEmpty())
        out << info.liveEntities << " entities  ";
    else
        out << "unreadable (" << info.problem << ")  ";
    out << (reason.isEmpty() ? QStringLiteral("\u2014") : reason) << "\n";
}

} // namespace

int runSnapshot(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Snapshots of the cache (complete copies next to it). Cairn takes one before any run that removes "
        "entities and keeps the last 5.\n  create        take one now\n  list          list them, newest first\n"
        "  restore ID    put the cache back as it was (the current state is snapshotted first)"));
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("create, list or restore ID."),
        QStringLiteral("create|list|restore ID"));
    if (const std::optional<int> stop = parseCommandArguments(parser, QStringLiteral("snapshot"), arguments, context))
        return *stop;
    const QStringList words = parser.positionalArguments();
    const QString action = words.value(0);
    const bool known = (action == u"create" || action == u"list") ? words.size() == 1
        : action == u"restore"                                    ? words.size() == 2
                                                                  : false;
    if (!known) {
        context.err() << "cairn snapshot: use `cairn snapshot create`, `cairn snapshot list` or "
                         "`cairn snapshot restore ID`.\n";
        return ExitUsage;
    }
    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    cache::SnapshotStore store(*cache.value());

    if (action == u"create") {
        core::Result<cache::SnapshotInfo> created = store.create(cache::SnapshotReason::byHand());
        if (!created)
            return context.fail(created.errorString());
        context.out() << "Snapshot taken:\n";
        printSnapshot(context.out(), created.value());
        // The snapshot exists; failing to prune older ones loses nothing, but say so.
        if (core::Result<int> pruned = store.keepLast(cache::SnapshotStore::DefaultKept); !pruned)
            context.err() << "cairn: could not remove older snapshots: " << pruned.errorString() << "\n";
        return ExitOk;
    }
    if (action == u"list") {
        core::Result<QList<cache::SnapshotInfo>> snapshots = store.list();
        if (!snapshots)
            return context.fail(snapshots.errorString());
        if (snapshots->isEmpty())
            context.out() << "No snapshots yet. `cairn snapshot create` takes one.\n";
        for (const cache::SnapshotInfo &info : std::as_const(snapshots.value()))
            printSnapshot(context.out(), info);
        return ExitOk;
    }
    core::Result<QString> before = store.restore(words.at(1));
    if (!before && before.errorKind() == core::ErrorKind::NotFound) // the person's to correct: say where ids are
        return context.fail(QStringLiteral("there is no snapshot %1 in %2. `cairn snapshot list` shows them.")
                                .arg(words.at(1), store.folder()));
    if (!before && before.errorKind() == core::ErrorKind::NewerVersion)
        return context.fail(before.errorString() + QStringLiteral(" Upgrade Cairn to restore it."));
    if (!before)
        return context.fail(before.errorString());
    context.out() << "Restored snapshot " << words.at(1) << ". The state before the restore was kept as snapshot "
                  << before.value() << ".\n";
    return ExitOk;
}

} // namespace cairn::app
