// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"
#include "app/CommandParser.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "cache/CatalogQuery.h"
#include "cache/CatalogWriter.h"
#include "cache/SnapshotStore.h"
#include "core/Clock.h"

#include <limits>

namespace cairn::app {

namespace {

// Tombstones removed before `cutoff`, oldest last (as CatalogQuery::removed orders them).
core::Result<QList<cache::EntityDetails>> tombstonesBefore(cache::Cache &cache, const QDateTime &cutoff)
{
    cache::CatalogQuery catalog(cache);
    core::Result<QList<cache::EntityDetails>> removed = catalog.removed({}, std::numeric_limits<int>::max());
    if (!removed)
        return removed.error();
    QList<cache::EntityDetails> old;
    for (const cache::EntityDetails &details : std::as_const(removed.value())) {
        if (details.record.removedAt.isValid() && details.record.removedAt < cutoff)
            old.append(details);
    }
    return old;
}

void listTombstones(QTextStream &out, const QList<cache::EntityDetails> &tombstones)
{
    for (const cache::EntityDetails &details : tombstones)
        out << "  " << details.record.entity.ref().toString().leftJustified(48) << " removed "
            << details.record.removedAt.toUTC().toString(Qt::ISODate) << " from " << details.record.source << '\n';
}

} // namespace

int runPurge(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Deletes for good the entities removed upstream (tombstones) more than DAYS days ago, with their "
        "relations and search entries. A snapshot of the cache is taken first, and the purge is logged in "
        "the cache (table purges). Nothing else ever deletes what came from a source."));
    const QCommandLineOption olderThan(QStringLiteral("older-than"),
        QStringLiteral("Purge tombstones older than DAYS days (0: every tombstone)."), QStringLiteral("DAYS"));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"), QStringLiteral("List what would be purged; delete nothing."));
    parser.addOptions({ olderThan, dryRun });
    if (const std::optional<int> stop = parseCommandArguments(parser, QStringLiteral("purge"), arguments, context))
        return *stop;
    if (!parser.positionalArguments().isEmpty()) {
        context.err() << "cairn purge: unexpected \"" << parser.positionalArguments().join(QLatin1Char(' '))
                      << "\". Usage: cairn purge --older-than DAYS [--dry-run]\n";
        return ExitUsage;
    }
    // The retention period is always spelled out: a purge with a default would be the kind
    // of silent, broad deletion the cache rules forbid.
    if (!parser.isSet(olderThan)) {
        context.err() << "cairn purge: say how old the tombstones must be, e.g. cairn purge --older-than 90\n";
        return ExitUsage;
    }
    bool ok = false;
    const int days = parser.value(olderThan).toInt(&ok);
    // Beyond a century the cut-off date leaves the calendar Qt can write (it printed as
    // nothing), and no tombstone is that old.
    constexpr int MaxDays = 36500;
    if (!ok || days < 0 || days > MaxDays) {
        context.err() << "cairn purge: --older-than takes a number of days from 0 to " << MaxDays << ", not \""
                      << parser.value(olderThan) << "\".\n";
        return ExitUsage;
    }

    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    const QDateTime cutoff = core::clock::nowUtc().addDays(-days);
    core::Result<QList<cache::EntityDetails>> old = tombstonesBefore(*cache.value(), cutoff);
    if (!old)
        return context.fail(old.errorString());
    QTextStream &out = context.out();
    if (old->isEmpty()) {
        out << "Nothing to purge: no entity was removed upstream before " << cutoff.toString(Qt::ISODate) << ".\n";
        return ExitOk;
    }
    if (parser.isSet(dryRun)) {
        out << "Would purge " << old->size() << " entities removed upstream before " << cutoff.toString(Qt::ISODate)
            << ":\n";
        listTombstones(out, old.value());
        return ExitOk;
    }

    cache::SnapshotStore snapshots(*cache.value());
    core::Result<QList<cache::SnapshotInfo>> earlier = snapshots.list();
    const QString newestBefore = earlier && !earlier->isEmpty() ? earlier->constFirst().id : QString();
    cache::CatalogWriter writer(*cache.value());
    core::Result<int> purged = writer.purgeTombstones(cutoff);
    if (!purged)
        return context.fail(QStringLiteral("The purge failed and nothing was deleted: %1").arg(purged.errorString()));
    out << "Purged " << purged.value() << " entities removed upstream before " << cutoff.toString(Qt::ISODate)
        << " (logged in the cache):\n";
    listTombstones(out, old.value());
    // The writer snapshots the cache before it deletes anything; name that snapshot so the
    // purge can be undone, and keep the folder to its usual size.
    core::Result<QList<cache::SnapshotInfo>> now = snapshots.list();
    if (now && !now->isEmpty() && now->constFirst().id != newestBefore)
        out << "A snapshot was taken first: " << now->constFirst().id << " (cairn snapshot restore "
            << now->constFirst().id << " brings them back).\n";
    // The snapshot exists; failing to prune older ones loses nothing, but say so.
    if (core::Result<int> pruned = snapshots.keepLast(cache::SnapshotStore::DefaultKept); !pruned)
        context.err() << "cairn: could not remove older snapshots: " << pruned.errorString() << "\n";
    return ExitOk;
}

} // namespace cairn::app
