// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/BulkIndexes.h"
#include "cache/EntityRow.h"
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

// Carries out one run of a source (behind SourceRunStream; internal to cache/): plans
// from what the cache holds, applies the guard, writes with statements prepared once for
// the run, all in one transaction.
//
// The plan is deliberately light (a key, an action and an id per delivered entity): the
// guard and the summary need no more, and flattening every row up front (JSON text, hash,
// FTS strings) held a second copy of the whole run in memory. Each row is flattened when
// it is written (a long run of writes: a chunk ahead, cache::RowsAhead), inside the run's
// one transaction, and dropped once written. A compact document
// (SourcedEntity::json) is parsed twice, for its ref and name while planning and for its
// row while writing, and never kept parsed: 100k parsed documents held for a plan cost
// ~200 MB where a parse costs ~2 µs.
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
    QHash<QString, QString> ownEtags() const;
    core::Status add(QList<core::SourcedEntity> part, PartWrite when);
    // `keepUndelivered`: the source could be read only in part, so its live entities that
    // were not delivered are kept (counted unchanged and in RunSummary::keptUnread) rather
    // than tombstoned.
    core::Result<RunSummary> finish(const QList<core::EntityRef> &unchangedRefs, bool keepUndelivered);

private:
    enum class Action { Insert, Update, Unchanged, Skip };
    enum class Change { None, Added, Changed };

    struct Existing
    {
        qint64 id = 0;
        QByteArray hash;
        QString displayName;
        QString etag;
        bool removed = false;
    };

    struct Planned
    {
        QString key; // shares the ref's text, so costs no copy
        const core::SourcedEntity *sourced = nullptr; // until written; its part outlives this
        Action action = Action::Skip;
        Change change = Change::None;
        qint64 id = 0;
        bool ownerVisible = false; // newly live or renamed: owned entities need re-indexing
    };

    struct Removal
    {
        qint64 id;
        QString key;
    };

    // An entity's FTS row without its owner's name. One whose owner was not delivered yet
    // when its entity was written waits in m_pendingFts until the owner is (or finish()).
    struct PendingFts
    {
        qint64 id;
        QString name, title, description, tags, ownerKey;
    };

    core::Status loadSource();
    core::Status prepareLookups();
    core::Status plan(const QList<core::SourcedEntity> &entities);
    core::Status planOne(const core::EntityRef &ref, const core::Entity &entity, const core::SourcedEntity *sourced);
    core::Status planRemovals(const QList<core::EntityRef> &unchangedRefs, bool keepUndelivered);
    // Forgets the documents of planned entities from `fromPlanned` on: written or about to
    // be dropped, only their keys and changes are needed after.
    void releaseParts(qsizetype fromPlanned);
    core::Status writeSource();
    core::Status writeSourceOnce();
    core::Status writePlanned(bool reportProgress);
    core::Status writeTombstones();
    core::Result<std::pair<qint64, qint64>> changeMarks();
    core::Status readState(); // the source's row, its entities and the lookups, from scratch
    core::Status writeHeldBackward(bool keepUndelivered);
    core::Status insertRelation(qint64 originId, const QString &type, const QString &targetKey);
    // Delivered: only rows whose owner this run has delivered by now (the rest wait);
    // All: every row, the others named from the cache.
    enum class PendingOwners { Delivered, All };
    core::Status writePendingFts(PendingOwners which);
    core::Status insertFts(const PendingFts &row, const QString &ownerName);
    core::Status reindexOwned();
    core::Status writeRunLog(const QString &status);
    core::Status readOwnerKeysBefore();
    core::Result<QString> ownerName(const QString &ownerKey);

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

    // A backward relation held until finish() knows whether its target is one of ours.
    struct HeldBackward
    {
        qint64 originId = 0;
        QString type;
        QString targetKey;
    };

    QHash<QString, Existing> m_own; // this source's entities by key
    int m_ownLive = 0;
    QSet<QString> m_seen;
    QList<Planned> m_planned;
    qsizetype m_written = 0; // m_planned[0, m_written) are written (or need no writing)
    std::deque<QList<core::SourcedEntity>> m_heldParts; // PartWrite::AfterGuard parts, until finish()
    QList<Removal> m_removals;
    QList<HeldBackward> m_heldBackward; // see SourceRunInput::relationsStatedAtBothEnds
    QHash<QString, QString> m_deliveredNames;
    QHash<QString, QString> m_ownerNameCache;
    QSet<qint64> m_indexedIds;
    QList<PendingFts> m_pendingFts;
    QList<QString> m_renamedOwners;
    bool m_otherSourcesHaveEntities = true;
    // What the source's state was read from: the cache's commits by other connections
    // (PRAGMA data_version) and this connection's own changes (total_changes()).
    std::optional<std::pair<qint64, qint64>> m_readAt;
    bool m_ownerKeysRead = false;
    QSet<QString> m_ownerKeysBefore; // owner_key values in the cache before this run wrote
    RunSummary m_summary;
    QList<std::pair<QString, QString>> m_conflictKeys; // key, message

    BulkIndexes m_bulkIndexes;
    bool m_writesAsItComes = false; // parts are written as they are added (PartWrite::Now)

    Statement m_lookupOther;
    // Written rows, prepared once per run.
    Statement m_insertEntity, m_updateEntity, m_dropRelations, m_addRelation, m_dropFts, m_addFts;
};

} // namespace cairn::cache
