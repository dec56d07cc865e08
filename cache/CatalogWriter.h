// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SourceRun.h"
#include "cache/SourceRunStream.h"
#include "core/Result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace cairn::cache {

class Cache;

// The one write path for imports and syncs. Every operation is one transaction: it
// commits whole or not at all. Nothing that came from a source is ever deleted here,
// except by purgeTombstones(), which is explicit and logged.
class CatalogWriter
{
public:
    explicit CatalogWriter(Cache &cache);

    // Applies what one source delivered (see SourceRunInput). The source is created on its
    // first run, after every configured source in priority. Entities of this source that
    // are neither delivered nor listed unchanged get a tombstone — unless the mass-removal
    // guard holds the run, in which case only the run log row is written. A snapshot is
    // taken before any removal is applied. A ref owned by a live, earlier-configured
    // source is a conflict: that source keeps it.
    core::Result<RunSummary> applySourceRun(const SourceRunInput &input);

    // The same run, delivered in parts (SourceRunStream): `settings` is an input whose
    // entities and unchangedRefs are left empty; parts go to add(), unchanged refs to
    // finish(). Takes the write lock until the stream is finished or destroyed.
    core::Result<std::unique_ptr<SourceRunStream>> beginSourceRun(const SourceRunInput &settings);
    // The same stream with the source's state read but no lock taken yet: for a caller
    // that reads it while it waits on a server (SourceRunStream::ownEtags). The lock is
    // taken by the first add() or finish(), which read the state again only if the cache
    // changed in between.
    core::Result<std::unique_ptr<SourceRunStream>> prepareSourceRun(const SourceRunInput &settings);

    // Registers a source (for `cairn source add`) or updates its kind, location and options.
    core::Result<SourceInfo> addSource(
        const QString &name, const QString &kind, const QString &location, const QJsonObject &options = {});
    // Configured sources in priority order (removed sources are left out).
    // Without the counts (zero), for a caller that needs only the list: counting reads every
    // entity's index entry, a visible wait in a large catalog (the window's first paint).
    enum class Counts { Included, Left };
    core::Result<QList<SourceInfo>> sources(Counts counts = Counts::Included);
    // One configured source's options (its sync state among them), without the entity
    // counts sources() adds up: a sync reads and saves them on every run. Unknown or
    // removed source: empty options, and saving changes nothing.
    core::Result<QJsonObject> sourceOptions(const QString &name);
    core::Status saveSourceOptions(const QString &name, const QJsonObject &options);
    // Removing a source is explicit: its live entities get tombstones (kept, purged only by
    // purgeTombstones), a snapshot is taken first, and it is logged as a run with
    // operation "remove-source". The source row is kept, marked removed, so its
    // tombstones still name it; adding it again later puts it last in priority.
    core::Result<RunSummary> removeSource(const QString &name);

    // Whether the source has any live entity: one index probe, to decide between a first
    // and an incremental fetch before reading the etags (SourceRunStream::ownEtags).
    core::Result<bool> sourceHasLiveEntities(const QString &sourceName);

    // Deletes tombstoned entities removed before `olderThan` (their relations and FTS rows
    // too) and logs the purge with the refs. Returns how many were purged.
    core::Result<int> purgeTombstones(const QDateTime &olderThan);

    // Logs a run that failed before it reached the cache (network, parse, cancel), so the
    // sync log shows it. Nothing else is written.
    core::Result<qint64> recordFailedRun(const QString &sourceName, const QDateTime &startedAt, const QString &error);

    // Sync log, newest first.
    core::Result<QList<SyncRunRecord>> recentRuns(int limit = 50);

    static constexpr int RunsKept = 50;

private:
    Cache &m_cache;
};

} // namespace cairn::cache
