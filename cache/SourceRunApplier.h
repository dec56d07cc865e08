// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/BulkIndexes.h"
#include "cache/EntityRowWriter.h"
#include "cache/RunPlanner.h"
#include "cache/SearchIndexer.h"
#include "cache/SourceRun.h"
#include "cache/Statement.h"
#include "cache/Transaction.h"
#include "core/Result.h"

#include <QHash>
#include <QSet>

#include <deque>
#include <optional>

namespace cairn::cache {

class Cache;
class Database;

// Carries out one run of a source (behind SourceRunStream; internal to cache/), in one
// transaction: reads the source's state, lets RunPlanner decide what each entity needs,
// applies the mass-removal guard, and writes through EntityRowWriter (entities and
// relations) and SearchIndexer (entities_fts), then the tombstones and the run log.
//
// Each row is flattened (EntityRow) only when it is written, and dropped once written; a
// long run of writes has its rows flattened a chunk ahead (cache::RowsAhead).
//
// Parts added with PartWrite::Now are written as soon as they are planned, before the
// guard can be known: a held run then rolls them back and only logs itself. Parts added
// with PartWrite::AfterGuard (what a source read whole: CatalogWriter::applySourceRun's one
// part, a bundle's or a folder's in SyncEngine) are written by finish(), after it.
class SourceRunApplier
{
public:
    SourceRunApplier(Cache &cache, const SourceRunInput &input);

    // prepare() reads the source's state without the write lock, so that a caller can do it
    // while it waits on a server; begin() takes the lock (none for a dry run) and reads the
    // state again only if the cache changed since (or prepare() was not called).
    core::Status prepare();
    core::Status begin();
    // The etag of each of the source's live entities by key, as prepare() read them.
    // Kept entities (KeptEntities) are left out: upstream no longer has them.
    QHash<QString, QString> ownEtags() const;
    core::Status add(QList<core::SourcedEntity> part, PartWrite when);
    // `keepUndelivered`: the source could be read only in part, so its live entities that
    // were not delivered are kept (counted unchanged and in RunSummary::keptUnread) rather
    // than tombstoned.
    core::Result<RunSummary> finish(const QList<core::EntityRef> &unchangedRefs, bool keepUndelivered);

private:
    core::Status readState(); // the source's row, its entities and the lookups, from scratch
    core::Result<QHash<QString, RunPlanner::Own>> loadSource();
    // The keys a person chose to keep for this source (kept_entities).
    core::Result<QSet<QString>> loadKept();
    // Deletes the keep decisions the applied run ended (RunPlanner::keepsEnded).
    core::Status endKeeps();
    core::Result<std::optional<RunPlanner::Elsewhere>> lookupElsewhere(const QString &key);
    core::Result<std::pair<qint64, qint64>> changeMarks();
    core::Status spellRemovedRefs();
    // Forgets the documents of planned entities from `fromPlanned` on: written or about to
    // be dropped, only their keys and changes are needed after.
    void releaseParts(qsizetype fromPlanned);
    core::Status writeSource();
    core::Status writeSourceOnce();
    core::Status prepareWriters();
    core::Status writePlanned(bool reportProgress);
    core::Status writeRunLog(const QString &status);
    // The changed and removed entities' health, and what depends on them (HealthStore).
    core::Status updateHealth();
    core::Error cancelled() const;

    Cache &m_cache;
    Database &m_db;
    const SourceRunInput &m_input;
    QString m_now;
    QString m_startedAt;
    std::optional<Transaction> m_tx;

    qint64 m_sourceId = 0; // 0: new source
    qint64 m_sourceIdBefore = 0; // as loaded, for a held run that rolls back
    int m_sourcePosition = 0;
    bool m_sourceRevived = false;
    bool m_sourceWritten = false;
    // What the source's state was read from: the cache's commits by other connections
    // (PRAGMA data_version) and this connection's own changes (total_changes()).
    std::optional<std::pair<qint64, qint64>> m_readAt;

    std::optional<RunPlanner> m_planner;
    Statement m_lookupOther; // another source's entity by key, for the planner
    qsizetype m_written = 0; // planned()[0, m_written) are written (or need no writing)
    std::deque<QList<core::SourcedEntity>> m_heldParts; // PartWrite::AfterGuard parts, until finish()

    BulkIndexes m_bulkIndexes;
    bool m_writesAsItComes = false; // parts are written as they are added (PartWrite::Now)
    std::optional<EntityRowWriter> m_rows;
    std::optional<SearchIndexer> m_search;
};

} // namespace cairn::cache
