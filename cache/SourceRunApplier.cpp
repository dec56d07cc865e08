// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/SourceRunApplier.h"

#include "cache/Cache.h"
#include "cache/CacheLog.h"
#include "cache/CatalogWriter.h"
#include "cache/ContentHash.h"
#include "cache/Database.h"
#include "cache/RowsAhead.h"
#include "cache/RunLog.h"
#include "cache/SnapshotStore.h"
#include "cache/SqlTry.h"
#include "cache/Transaction.h"
#include "core/RelationType.h"

#include <QDateTime>
#include <QScopeGuard>

#include <algorithm>
#include <optional>

namespace cairn::cache {

namespace {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// How often the progress callback runs while writing: often enough to cancel promptly,
// rarely enough to cost nothing.
constexpr int ProgressEvery = 256;

// From how many rows a write flattens them ahead on a second thread (RowsAhead): more
// than a server's page, so that pages written while the server works stay on one thread.
constexpr qsizetype RowsAheadFrom = 4096;

} // namespace

SourceRunApplier::SourceRunApplier(Cache &cache, const SourceRunInput &input)
    : m_cache(cache)
    , m_db(cache.database())
    , m_input(input)
    , m_now(nowText())
    , m_startedAt(m_now)
{ }

core::Status SourceRunApplier::prepare()
{
    return readState();
}

core::Status SourceRunApplier::readState()
{
    if (m_input.sourceName.trimmed().isEmpty())
        return core::Error { QStringLiteral("A source needs a name.") };
    // Taken before reading: a commit while the state is read shows as a change.
    CAIRN_TRY_ASSIGN(const auto readAt, changeMarks());
    m_own.clear();
    m_ownLive = 0;
    m_sourceId = 0;
    m_sourceRevived = false;
    CAIRN_TRY(loadSource());
    CAIRN_TRY(prepareLookups());
    m_readAt = readAt;
    return {};
}

core::Result<std::pair<qint64, qint64>> SourceRunApplier::changeMarks()
{
    CAIRN_TRY_ASSIGN(const qint64 dataVersion, m_db.queryInt(QStringLiteral("PRAGMA data_version")));
    CAIRN_TRY_ASSIGN(const qint64 ownChanges, m_db.queryInt(QStringLiteral("SELECT total_changes()")));
    return std::pair { dataVersion, ownChanges };
}

core::Status SourceRunApplier::begin()
{
    // The plan is made from what the cache holds under the write lock, so it cannot go
    // stale before it is applied: the state prepare() read is used only if nothing was
    // committed since, by this connection or another. A dry run reads without the lock
    // and never writes.
    if (!m_input.dryRun) {
        CAIRN_TRY_ASSIGN(Transaction begun, Transaction::begin(m_db));
        m_tx.emplace(std::move(begun));
    }
    CAIRN_TRY_ASSIGN(const auto now, changeMarks());
    if (m_readAt != now)
        CAIRN_TRY(readState());
    m_sourceIdBefore = m_sourceId;
    return {};
}

QHash<QString, QString> SourceRunApplier::ownEtags() const
{
    QHash<QString, QString> out;
    out.reserve(m_ownLive);
    for (auto it = m_own.constBegin(); it != m_own.constEnd(); ++it) {
        if (!it->removed)
            out.insert(it.key(), it->etag);
    }
    return out;
}

core::Status SourceRunApplier::add(QList<core::SourcedEntity> part, PartWrite when)
{
    const qsizetype from = m_planned.size();
    if (when == PartWrite::AfterGuard && !m_input.dryRun) {
        // Kept until finish() writes it; the plan's pointers into it stay good, as the
        // deque never moves the parts it holds.
        m_heldParts.push_back(std::move(part));
        return plan(m_heldParts.back());
    }
    // Writing a part writes everything planned so far, so none may be waiting for the guard.
    Q_ASSERT(m_heldParts.empty());
    // The part goes when this returns, written or not: nothing may point into it.
    const auto release = qScopeGuard([this, from] { releaseParts(from); });
    CAIRN_TRY(plan(part));
    if (!m_input.dryRun) {
        m_writesAsItComes = true;
        CAIRN_TRY(writePlanned(false));
        // The search rows whose owners have arrived by now, rather than all at the commit.
        // The dirty pages are not flushed early (sqlite3_db_cacheflush): pages such as the
        // file header are dirtied again by every part, SQLite then rewrites their WAL frames
        // in place, and the commit has to read the whole WAL back to recompute its
        // checksums: 16 MB and 8,000 system calls for 5,000 entities, ~9 % of a first sync.
        CAIRN_TRY(writePendingFts(PendingOwners::Delivered));
    }
    return {};
}

void SourceRunApplier::releaseParts(qsizetype fromPlanned)
{
    for (qsizetype i = fromPlanned; i < m_planned.size(); ++i)
        m_planned[i].sourced = nullptr;
}

core::Result<RunSummary> SourceRunApplier::finish(const QList<core::EntityRef> &unchangedRefs, bool keepUndelivered)
{
    CAIRN_TRY(planRemovals(unchangedRefs, keepUndelivered));

    const int removals = int(m_removals.size());
    const int delivered = int(m_seen.size());
    const bool tooMany = removals > m_input.maxRemovalShare * m_ownLive;
    const bool emptied = m_ownLive > 0 && delivered == 0;
    m_summary.held = !m_input.allowRemovals && removals > 0 && (tooMany || emptied);
    m_summary.removed = removals;

    if (m_input.dryRun)
        return m_summary;

    if (m_summary.held) {
        // Nothing is applied; the log says what the run would have removed. Parts written
        // as they came are undone first (the source row too, if the run made it): every
        // write, the indexes' drop included, began by writing the source.
        if (m_sourceWritten) {
            m_tx.reset(); // rolled back
            m_bulkIndexes.forget(); // the rollback brought them back
            m_sourceWritten = false;
            m_sourceId = m_sourceIdBefore;
            CAIRN_TRY_ASSIGN(Transaction again, Transaction::begin(m_db));
            m_tx.emplace(std::move(again));
        }
        CAIRN_TRY(writeRunLog(QStringLiteral("held")));
        CAIRN_TRY(m_tx->commit());
        return m_summary;
    }

    if (removals > 0 && !m_cache.isInMemory()) {
        // Taken under our write lock from a separate reader connection, which sees none of
        // this run's writes: the snapshot is exactly the state this run starts from.
        SnapshotStore snapshots(m_cache);
        CAIRN_TRY_ASSIGN(SnapshotInfo snapshot, snapshots.create());
        m_summary.snapshotId = snapshot.id;
    }

    CAIRN_TRY(writeSourceOnce());
    CAIRN_TRY(writePlanned(true));
    CAIRN_TRY(writeHeldBackward(keepUndelivered));
    CAIRN_TRY(m_bulkIndexes.rebuild(m_db)); // before the queries below that use them
    releaseParts(0);
    m_heldParts.clear();
    CAIRN_TRY(writeTombstones());
    CAIRN_TRY(writePendingFts(PendingOwners::All));
    CAIRN_TRY(reindexOwned());
    CAIRN_TRY(writeRunLog(QStringLiteral("ok")));
    CAIRN_TRY(m_tx->commit());

    if (!m_summary.snapshotId.isEmpty()) {
        SnapshotStore snapshots(m_cache);
        // Best effort: the run is committed; older snapshots are pruned again next time.
        if (core::Result<int> pruned = snapshots.keepLast(qMax(1, m_input.snapshotsToKeep)); !pruned)
            qCWarning(cacheLog) << "older snapshots not pruned:" << pruned.errorString();
    }
    return m_summary;
}

core::Status SourceRunApplier::loadSource()
{
    {
        CAIRN_TRY_ASSIGN(Statement find,
            m_db.prepare(QStringLiteral("SELECT id, position, removed_at IS NOT NULL FROM sources WHERE name=?1")));
        find.bind(1, m_input.sourceName);
        CAIRN_TRY_ASSIGN(Statement::Step step, find.step());
        if (step == Statement::Step::Row) {
            m_sourceId = find.int64(0);
            m_sourcePosition = find.int32(1);
            m_sourceRevived = find.int64(2) != 0;
        }
    }
    if (m_sourceId == 0 || m_sourceRevived) {
        // A new (or re-added) source comes after every configured one.
        CAIRN_TRY_ASSIGN(qint64 maxPosition, m_db.queryInt(QStringLiteral("SELECT max(position) FROM sources")));
        m_sourcePosition = int(maxPosition) + 1;
    }
    if (m_sourceId == 0)
        return {};

    CAIRN_TRY_ASSIGN(Statement own,
        m_db.prepare(QStringLiteral("SELECT key, id, content_hash, display_name, removed_at IS NOT NULL, "
                                    "coalesce(etag, '') FROM entities WHERE source_id=?1")));
    own.bind(1, m_sourceId);
    for (;;) {
        CAIRN_TRY_ASSIGN(Statement::Step step, own.step());
        if (step == Statement::Step::Done)
            break;
        Existing e { own.int64(1), own.utf8(2), own.text(3), own.text(5), own.int64(4) != 0 };
        if (!e.removed)
            ++m_ownLive;
        m_own.insert(own.text(0), std::move(e));
    }
    return {};
}

core::Status SourceRunApplier::prepareLookups()
{
    CAIRN_TRY_ASSIGN(m_lookupOther,
        m_db.prepare(QStringLiteral("SELECT e.id, e.removed_at IS NOT NULL, e.display_name, s.name, s.position, "
                                    "s.removed_at IS NOT NULL FROM entities e JOIN sources s ON s.id = e.source_id "
                                    "WHERE e.key=?1")));
    // A first import, or a cache with one source, has nothing to conflict with: one query
    // here spares one per delivered entity.
    // Two range probes on the entities_source index, where `source_id <> ?` would scan.
    CAIRN_TRY_ASSIGN(Statement others,
        m_db.prepare(QStringLiteral("SELECT EXISTS(SELECT 1 FROM entities WHERE source_id < ?1) "
                                    "OR EXISTS(SELECT 1 FROM entities WHERE source_id > ?1)")));
    others.bind(1, m_sourceId);
    CAIRN_TRY(others.step());
    m_otherSourcesHaveEntities = others.int64(0) != 0;
    return {};
}

core::Status SourceRunApplier::plan(const QList<core::SourcedEntity> &entities)
{
    m_planned.reserve(m_planned.size() + entities.size());
    for (const core::SourcedEntity &sourced : entities) {
        const core::Entity entity = sourced.parsed(); // dropped at the end of the iteration
        const core::EntityRef ref = entity.ref();
        if (ref.isNull()) {
            m_summary.conflicts.append(
                QStringLiteral("A document without kind or name was skipped (%1).").arg(sourced.origin.toString()));
            continue;
        }
        CAIRN_TRY(planOne(ref, entity, &sourced));
    }
    return {};
}

core::Status SourceRunApplier::planRemovals(const QList<core::EntityRef> &unchangedRefs, bool keepUndelivered)
{
    for (const core::EntityRef &ref : unchangedRefs) {
        auto it = m_own.constFind(ref.key());
        if (it == m_own.constEnd() || it->removed || m_seen.contains(ref.key()))
            continue; // not ours, or not live: nothing to keep
        m_seen.insert(ref.key());
        ++m_summary.unchanged;
    }
    for (auto it = m_own.constBegin(); it != m_own.constEnd(); ++it) {
        if (it->removed || m_seen.contains(it.key()))
            continue;
        if (keepUndelivered) {
            ++m_summary.unchanged;
            ++m_summary.keptUnread;
            continue;
        }
        m_removals.append({ it->id, it.key() });
    }
    std::sort(m_removals.begin(), m_removals.end(), [](const Removal &a, const Removal &b) { return a.key < b.key; });
    // Named as their source spelled them (as `cairn removed` and `cairn show` do), not by
    // their lower-case key; read only for the few entities a run removes.
    CAIRN_TRY_ASSIGN(Statement spelled, m_db.prepare(QStringLiteral("SELECT ref FROM entities WHERE id=?1")));
    for (const Removal &r : m_removals) {
        spelled.reset();
        spelled.bind(1, r.id);
        CAIRN_TRY_ASSIGN(Statement::Step step, spelled.step());
        core::Result<core::EntityRef> ref
            = core::EntityRef::parse(step == Statement::Step::Row ? spelled.text(0) : r.key);
        m_summary.removedRefs.append(ref ? *ref : core::EntityRef());
    }
    return {};
}

core::Status SourceRunApplier::planOne(
    const core::EntityRef &ref, const core::Entity &entity, const core::SourcedEntity *sourced)
{
    const QString key = ref.key();
    if (m_seen.contains(key)) {
        m_summary.conflicts.append(
            QStringLiteral("%1 was delivered twice by source \u201c%2\u201d; the first copy was kept.")
                .arg(ref.toString(), m_input.sourceName));
        return {};
    }
    m_seen.insert(key);

    Planned p;
    p.key = key;
    p.sourced = sourced;
    const QString displayName = entity.displayName();
    auto own = m_own.constFind(key);
    if (own != m_own.constEnd()) {
        p.id = own->id;
        if (own->removed) {
            p.action = Action::Update; // live again
            p.change = Change::Added;
            p.ownerVisible = true;
        } else if (ContentHash::matches(own->hash, EntityRow::documentText(*sourced))) {
            // The text is hashed and dropped; it is made again only if the row is written.
            p.action = Action::Unchanged;
        } else {
            p.action = Action::Update;
            p.change = Change::Changed;
            p.ownerVisible = own->displayName != displayName;
        }
    } else {
        Statement::Step step = Statement::Step::Done;
        if (m_otherSourcesHaveEntities) {
            m_lookupOther.reset();
            m_lookupOther.bind(1, key);
            CAIRN_TRY_ASSIGN(step, m_lookupOther.step());
        }
        if (step == Statement::Step::Done) {
            p.action = Action::Insert;
            p.change = Change::Added;
            p.ownerVisible = true;
        } else {
            const qint64 otherId = m_lookupOther.int64(0);
            const bool otherRemoved = m_lookupOther.int64(1) != 0 || m_lookupOther.int64(5) != 0;
            const QString otherSource = m_lookupOther.text(3);
            const int otherPosition = m_lookupOther.int32(4);
            p.id = otherId;
            if (!otherRemoved && otherPosition < m_sourcePosition) {
                m_summary.conflicts.append(
                    QStringLiteral("%1 is also in source \u201c%2\u201d, configured earlier, which keeps it.")
                        .arg(ref.toString(), otherSource));
                m_conflictKeys.append({ key, otherSource });
                return {};
            }
            if (!otherRemoved)
                m_summary.conflicts.append(
                    QStringLiteral("%1 was in source \u201c%2\u201d; \u201c%3\u201d is configured earlier and "
                                   "takes it.")
                        .arg(ref.toString(), otherSource, m_input.sourceName));
            // Taken over from a later source, or from a tombstone another source left.
            p.action = Action::Update;
            p.change = Change::Added;
            p.ownerVisible = true;
        }
    }

    switch (p.change) {
    case Change::Added:
        ++m_summary.added;
        m_summary.addedRefs.append(ref);
        break;
    case Change::Changed:
        ++m_summary.changed;
        m_summary.changedRefs.append(ref);
        break;
    case Change::None:
        ++m_summary.unchanged;
        break;
    }
    m_deliveredNames.insert(key, displayName);
    m_planned.append(std::move(p));
    return {};
}

core::Status SourceRunApplier::readOwnerKeysBefore()
{
    // The owners that rows from before the run name, for reindexOwned(). Read when the first
    // part that makes an owner appear is written; owner keys an earlier part of this run
    // wrote may be among them, which only costs reindexOwned() a query that finds nothing
    // to re-index (this run's rows are in m_indexedIds).
    m_ownerKeysRead = true;
    CAIRN_TRY_ASSIGN(Statement owners,
        m_db.prepare(QStringLiteral("SELECT DISTINCT owner_key FROM entities WHERE owner_key IS NOT NULL")));
    for (;;) {
        CAIRN_TRY_ASSIGN(Statement::Step step, owners.step());
        if (step == Statement::Step::Done)
            return {};
        m_ownerKeysBefore.insert(owners.text(0));
    }
}

core::Status SourceRunApplier::writeSourceOnce()
{
    if (m_sourceWritten)
        return {};
    CAIRN_TRY(writeSource());
    m_sourceWritten = true;
    return {};
}

core::Status SourceRunApplier::insertRelation(qint64 originId, const QString &type, const QString &targetKey)
{
    m_addRelation.reset();
    m_addRelation.bind(1, originId);
    m_addRelation.bind(2, type);
    m_addRelation.bind(3, targetKey);
    return m_addRelation.exec();
}

core::Status SourceRunApplier::writeHeldBackward(bool keepUndelivered)
{
    // Ours after the run: delivered or passed on unchanged (m_seen, once planRemovals ran)
    // unless another source keeps it, or left unread and kept.
    QSet<QString> keptElsewhere;
    for (const auto &[key, otherSource] : std::as_const(m_conflictKeys))
        keptElsewhere.insert(key);
    const auto ours = [&](const QString &key) {
        if (m_seen.contains(key))
            return !keptElsewhere.contains(key);
        const auto own = m_own.constFind(key);
        return keepUndelivered && own != m_own.constEnd() && !own->removed;
    };
    // Half the relations of a Backstage catalog, which would cost a tenth of a first sync
    // and its index by target a third of the work after the last page, for nothing a
    // query does not read from the other end (CatalogQuery::relations, v_relations).
    for (const HeldBackward &relation : std::as_const(m_heldBackward)) {
        if (!ours(relation.targetKey))
            CAIRN_TRY(insertRelation(relation.originId, relation.type, relation.targetKey));
    }
    m_heldBackward.clear();
    return {};
}

core::Status SourceRunApplier::writeTombstones()
{
    CAIRN_TRY_ASSIGN(
        Statement tombstone, m_db.prepare(QStringLiteral("UPDATE entities SET removed_at=?2 WHERE id=?1")));
    for (const Removal &r : m_removals) {
        tombstone.reset();
        tombstone.bind(1, r.id);
        tombstone.bind(2, m_now);
        CAIRN_TRY(tombstone.exec());
    }
    return {};
}

core::Status SourceRunApplier::writeSource()
{
    if (m_sourceId == 0) {
        CAIRN_TRY_ASSIGN(Statement insert,
            m_db.prepare(QStringLiteral("INSERT INTO sources(name, kind, location, position, created_at) "
                                        "VALUES(?1, ?2, ?3, ?4, ?5)")));
        insert.bind(1, m_input.sourceName);
        insert.bind(2, m_input.sourceKind);
        insert.bind(3, m_input.location);
        insert.bind(4, m_sourcePosition);
        insert.bind(5, m_now);
        CAIRN_TRY(insert.exec());
        m_sourceId = m_db.lastInsertRowId();
        return {};
    }
    CAIRN_TRY_ASSIGN(Statement update,
        m_db.prepare(QStringLiteral("UPDATE sources SET kind=coalesce(nullif(?2, ''), kind), "
                                    "location=coalesce(nullif(?3, ''), location), position=?4, "
                                    "removed_at=NULL WHERE id=?1")));
    update.bind(1, m_sourceId);
    update.bind(2, m_input.sourceKind);
    update.bind(3, m_input.location);
    update.bind(4, m_sourcePosition);
    return update.exec();
}

core::Status SourceRunApplier::writePlanned(bool reportProgress)
{
    if (m_written == m_planned.size())
        return {};
    CAIRN_TRY(writeSourceOnce());
    if (!m_insertEntity.isValid()) {
        // A first sync fills empty tables: their indexes are built once each, before the
        // commit, instead of row by row (about five relation rows per Backstage entity,
        // which arrive in no order useful to the index by target). Except the entities' in
        // a run written part by part as a server sends it: rows are then written faster
        // than the pages come, and kept up between pages the entities' indexes leave less
        // to build after the last page, which nothing overlaps (real Backstage, 5,001
        // entities: full sync 1.30-1.42x the plain download with them built at the end,
        // 1.17-1.29x kept up). A run written whole after its download (a bundle) builds
        // both at the end, which costs less in all.
        if (!m_writesAsItComes)
            CAIRN_TRY(m_bulkIndexes.dropIfEmpty(m_db, QStringLiteral("entities")));
        CAIRN_TRY(m_bulkIndexes.dropIfEmpty(m_db, QStringLiteral("relations")));
        CAIRN_TRY_ASSIGN(m_insertEntity,
            m_db.prepare(QStringLiteral(
                "INSERT INTO entities(key, ref, kind, namespace, name, title, display_name, owner_key, type, "
                "lifecycle, status, source_id, document, content_hash, uid, etag, first_seen, updated_at, match_name, "
                "match_title) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                "?17, ?17, ?19, ?20)")));
        CAIRN_TRY_ASSIGN(m_updateEntity,
            m_db.prepare(
                QStringLiteral("UPDATE entities SET key=?1, ref=?2, kind=?3, namespace=?4, name=?5, title=?6, "
                               "display_name=?7, owner_key=?8, type=?9, lifecycle=?10, status=?11, source_id=?12, "
                               "document=?13, content_hash=?14, uid=?15, etag=?16, updated_at=?17, removed_at=NULL, "
                               "match_name=?19, match_title=?20 WHERE id=?18")));
        CAIRN_TRY_ASSIGN(m_dropRelations, m_db.prepare(QStringLiteral("DELETE FROM relations WHERE origin_id=?1")));
        CAIRN_TRY_ASSIGN(m_addRelation,
            m_db.prepare(QStringLiteral("INSERT INTO relations(origin_id, type, target_key) VALUES(?1, ?2, ?3)")));
        CAIRN_TRY_ASSIGN(m_dropFts, m_db.prepare(QStringLiteral("DELETE FROM entities_fts WHERE rowid=?1")));
        CAIRN_TRY_ASSIGN(m_addFts,
            m_db.prepare(QStringLiteral("INSERT INTO entities_fts(rowid, name, title, description, tags, owner_name) "
                                        "VALUES(?1, ?2, ?3, ?4, ?5, ?6)")));
    }
    if (!m_ownerKeysRead && std::any_of(m_planned.cbegin() + m_written, m_planned.cend(), [](const Planned &p) {
            return p.ownerVisible;
        }))
        CAIRN_TRY(readOwnerKeysBefore());

    const auto optional = [](Statement &s, int index, const QString &text) {
        if (text.isEmpty())
            s.bindNull(index);
        else
            s.bind(index, text);
    };
    const int total = int(m_planned.size());
    // A long run of writes (a bundle or folder, written whole after the guard) has its rows
    // flattened a chunk ahead on a second thread; a server's page is written alone.
    const auto writes = [](const Planned &p) { return p.action == Action::Insert || p.action == Action::Update; };
    std::optional<RowsAhead> ahead;
    if (std::count_if(m_planned.cbegin() + m_written, m_planned.cend(), writes) >= RowsAheadFrom) {
        QList<const core::SourcedEntity *> toWrite;
        for (qsizetype i = m_written; i < m_planned.size(); ++i) {
            if (writes(m_planned[i]))
                toWrite.append(m_planned[i].sourced);
        }
        ahead.emplace(std::move(toWrite));
    }
    for (qsizetype i = m_written; i < m_planned.size(); ++i) {
        Planned &p = m_planned[i];
        if (reportProgress && m_input.progress && i % ProgressEvery == 0 && !m_input.progress(int(i), total))
            return core::Error { QStringLiteral("The run of source \u201c%1\u201d was cancelled; nothing was changed.")
                                     .arg(m_input.sourceName) };
        if (!writes(p))
            continue;
        // Flattened here (or a chunk ahead), written, and dropped: a row's text is held only
        // until it is written.
        const EntityRow row = ahead ? ahead->next() : EntityRow::from(*p.sourced);
        Statement &s = p.action == Action::Insert ? m_insertEntity : m_updateEntity;
        s.reset();
        s.bind(1, row.ref.key());
        s.bind(2, row.ref.toString());
        s.bind(3, row.kind);
        s.bind(4, row.ref.ns());
        s.bind(5, row.ref.name());
        optional(s, 6, row.title);
        s.bind(7, row.displayName);
        optional(s, 8, row.ownerKey);
        optional(s, 9, row.type);
        optional(s, 10, row.lifecycle);
        optional(s, 11, row.status);
        s.bind(12, m_sourceId);
        s.bindUtf8(13, row.document);
        s.bindUtf8(14, row.contentHash);
        optional(s, 15, row.uid);
        optional(s, 16, row.etag);
        s.bind(17, m_now);
        if (p.action == Action::Update)
            s.bind(18, p.id);
        s.bind(19, row.matchName);
        optional(s, 20, row.matchTitle);
        CAIRN_TRY(s.exec());
        if (p.action == Action::Insert) {
            p.id = m_db.lastInsertRowId();
        } else {
            m_dropRelations.reset();
            m_dropRelations.bind(1, p.id);
            CAIRN_TRY(m_dropRelations.exec());
        }
        for (const core::StatedRelation &relation : row.relations) {
            if (m_input.relationsStatedAtBothEnds && core::relation::isBackward(relation.type)) {
                m_heldBackward.append({ p.id, relation.type, relation.targetKey });
                continue;
            }
            CAIRN_TRY(insertRelation(p.id, relation.type, relation.targetKey));
        }

        // The FTS row carries its owner's name. An owner this run has delivered so far is
        // named from the plan; any other (one a later part delivers, or one only the cache
        // holds) is named by finish(), once every name the run delivers is known.
        if (p.action == Action::Update) {
            m_dropFts.reset();
            m_dropFts.bind(1, p.id);
            CAIRN_TRY(m_dropFts.exec());
        }
        PendingFts fts { p.id, row.ref.name(), row.displayName == row.ref.name() ? QString() : row.displayName,
            row.description, row.tagsText, row.ownerKey };
        if (fts.ownerKey.isEmpty())
            CAIRN_TRY(insertFts(fts, QString()));
        else if (const auto owner = m_deliveredNames.constFind(fts.ownerKey); owner != m_deliveredNames.constEnd())
            CAIRN_TRY(insertFts(fts, *owner));
        else
            m_pendingFts.append(std::move(fts));
        m_indexedIds.insert(p.id);
        // Entities owned by one that appeared or was renamed carry its name in their FTS
        // row. What this run writes has the new name already, so only owners that rows
        // from before the run name need re-indexing: on a first import, none.
        if (p.ownerVisible && m_ownerKeysBefore.contains(p.key))
            m_renamedOwners.append(p.key);
    }
    m_written = m_planned.size();
    if (reportProgress && m_input.progress && !m_input.progress(total, total))
        return core::Error { QStringLiteral("The run of source \u201c%1\u201d was cancelled; nothing was changed.")
                                 .arg(m_input.sourceName) };
    return {};
}

core::Status SourceRunApplier::writePendingFts(PendingOwners which)
{
    QList<PendingFts> waiting;
    for (PendingFts &row : m_pendingFts) {
        if (which == PendingOwners::Delivered && !m_deliveredNames.contains(row.ownerKey)) {
            waiting.append(std::move(row));
            continue;
        }
        CAIRN_TRY_ASSIGN(const QString owner, ownerName(row.ownerKey));
        CAIRN_TRY(insertFts(row, owner));
    }
    m_pendingFts = std::move(waiting);
    return {};
}

core::Status SourceRunApplier::insertFts(const PendingFts &row, const QString &ownerName)
{
    m_addFts.reset();
    m_addFts.bind(1, row.id);
    m_addFts.bind(2, row.name);
    m_addFts.bind(3, row.title);
    m_addFts.bind(4, row.description);
    m_addFts.bind(5, row.tags);
    m_addFts.bind(6, ownerName);
    return m_addFts.exec();
}

core::Result<QString> SourceRunApplier::ownerName(const QString &ownerKey)
{
    if (ownerKey.isEmpty())
        return QString();
    if (auto it = m_deliveredNames.constFind(ownerKey); it != m_deliveredNames.constEnd())
        return *it;
    if (auto it = m_ownerNameCache.constFind(ownerKey); it != m_ownerNameCache.constEnd())
        return *it;
    CAIRN_TRY_ASSIGN(Statement find, m_db.prepare(QStringLiteral("SELECT display_name FROM entities WHERE key=?1")));
    find.bind(1, ownerKey);
    CAIRN_TRY_ASSIGN(Statement::Step step, find.step());
    const QString name = step == Statement::Step::Row ? find.text(0) : QString();
    m_ownerNameCache.insert(ownerKey, name);
    return name;
}

core::Status SourceRunApplier::reindexOwned()
{
    if (m_renamedOwners.isEmpty())
        return {};
    CAIRN_TRY_ASSIGN(Statement drop, m_db.prepare(QStringLiteral("DELETE FROM entities_fts WHERE rowid=?1")));
    CAIRN_TRY_ASSIGN(Statement owned, m_db.prepare(QStringLiteral("SELECT id FROM entities WHERE owner_key=?1")));
    CAIRN_TRY_ASSIGN(Statement reindex,
        m_db.prepare(QStringLiteral(
            "INSERT INTO entities_fts(rowid, name, title, description, tags, owner_name) "
            "SELECT id, name, CASE WHEN display_name = name THEN '' ELSE display_name END, "
            "coalesce(json_extract(document, '$.metadata.description'), ''), "
            "coalesce((SELECT group_concat(value, ' ') FROM json_each(document, '$.metadata.tags')), ''), ?2 "
            "FROM entities WHERE id=?1")));
    for (const QString &ownerKey : std::as_const(m_renamedOwners)) {
        owned.reset();
        owned.bind(1, ownerKey);
        QList<qint64> ids;
        for (;;) {
            CAIRN_TRY_ASSIGN(Statement::Step step, owned.step());
            if (step == Statement::Step::Done)
                break;
            const qint64 id = owned.int64(0);
            if (!m_indexedIds.contains(id))
                ids.append(id);
        }
        const QString name = m_deliveredNames.value(ownerKey);
        for (qint64 id : ids) {
            drop.reset();
            drop.bind(1, id);
            CAIRN_TRY(drop.exec());
            reindex.reset();
            reindex.bind(1, id);
            reindex.bind(2, name);
            CAIRN_TRY(reindex.exec());
        }
    }
    return {};
}

core::Status SourceRunApplier::writeRunLog(const QString &status)
{
    if (m_sourceId == 0)
        CAIRN_TRY(writeSource());
    CAIRN_TRY_ASSIGN(Statement run,
        m_db.prepare(
            QStringLiteral("INSERT INTO sync_runs(source_id, source_name, operation, started_at, finished_at, added, "
                           "changed, unchanged, removed, held, status, snapshot_id) "
                           "VALUES(?1, ?2, 'sync', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")));
    const bool held = status == u"held";
    run.bind(1, m_sourceId);
    run.bind(2, m_input.sourceName);
    run.bind(3, m_startedAt);
    run.bind(4, nowText());
    run.bind(5, m_summary.added);
    run.bind(6, m_summary.changed);
    run.bind(7, m_summary.unchanged);
    run.bind(8, held ? 0 : m_summary.removed);
    run.bind(9, held ? m_summary.removed : 0);
    run.bind(10, status);
    run.bindOptional(11, m_summary.snapshotId.isEmpty() ? QString() : m_summary.snapshotId);
    CAIRN_TRY(run.exec());
    m_summary.runId = m_db.lastInsertRowId();

    QStringList added, changed, removed, conflicts;
    for (const Planned &p : m_planned) {
        if (p.change == Change::Added)
            added.append(p.key);
        else if (p.change == Change::Changed)
            changed.append(p.key);
    }
    for (const Removal &r : m_removals)
        removed.append(r.key);
    for (const auto &conflict : m_conflictKeys)
        conflicts.append(conflict.first);
    CAIRN_TRY(writeRunEntities(m_db, m_summary.runId, u"added", std::move(added)));
    CAIRN_TRY(writeRunEntities(m_db, m_summary.runId, u"changed", std::move(changed)));
    CAIRN_TRY(writeRunEntities(m_db, m_summary.runId, held ? u"would-remove" : u"removed", std::move(removed)));
    CAIRN_TRY(writeRunEntities(m_db, m_summary.runId, u"conflict", std::move(conflicts)));
    return pruneRuns(m_db);
}

} // namespace cairn::cache
