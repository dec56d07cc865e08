// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/SourceRunApplier.h"

#include "cache/Cache.h"
#include "cache/CacheLog.h"
#include "cache/Database.h"
#include "cache/HealthStore.h"
#include "cache/RowsAhead.h"
#include "cache/RunLog.h"
#include "cache/SnapshotStore.h"
#include "cache/SqlTry.h"
#include "core/Clock.h"

#include <QDateTime>
#include <QScopeGuard>

#include <algorithm>

namespace cairn::cache {

namespace {

QString nowText()
{
    return core::clock::nowUtc().toString(Qt::ISODateWithMs);
}

// How often the progress callback runs while writing: often enough to cancel promptly,
// rarely enough to cost nothing.
constexpr int ProgressEvery = 256;

// From how many rows a write flattens them ahead on another thread (RowsAhead), and in
// chunks of how many: a server's page (500) in small chunks, so that all but the first
// overlap the writing; a bundle or folder (written whole after the guard) in large ones.
constexpr qsizetype RowsAheadFrom = 128;
constexpr qsizetype LongRunFrom = 4096;
constexpr qsizetype PageChunk = 64;
constexpr qsizetype LongRunChunk = 1024;

using Action = RunPlanner::Action;
using Change = RunPlanner::Change;

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
    m_sourceId = 0;
    m_sourceRevived = false;
    CAIRN_TRY_ASSIGN(auto own, loadSource());

    CAIRN_TRY_ASSIGN(m_lookupOther,
        m_db.prepare(QStringLiteral("SELECT e.id, e.removed_at IS NOT NULL OR s.removed_at IS NOT NULL, s.name, "
                                    "s.position FROM entities e JOIN sources s ON s.id = e.source_id "
                                    "WHERE e.key=:key")));
    // A first import, or a cache with one source, has nothing to conflict with: one query
    // here spares one per delivered entity. Two range probes on the entities_source index,
    // where `source_id <> ?` would scan.
    CAIRN_TRY_ASSIGN(Statement others,
        m_db.prepare(QStringLiteral("SELECT EXISTS(SELECT 1 FROM entities WHERE source_id < :id) "
                                    "OR EXISTS(SELECT 1 FROM entities WHERE source_id > :id)")));
    others.bind(":id", m_sourceId);
    CAIRN_TRY(others.step());
    RunPlanner::LookupElsewhere lookup;
    if (others.int64(0) != 0)
        lookup = [this](const QString &key) { return lookupElsewhere(key); };
    m_planner.emplace(m_input.sourceName, m_sourcePosition, std::move(own), std::move(lookup));
    CAIRN_TRY_ASSIGN(QSet<QString> kept, loadKept());
    m_planner->setKept(std::move(kept));
    m_readAt = readAt;
    return {};
}

core::Result<std::optional<RunPlanner::Elsewhere>> SourceRunApplier::lookupElsewhere(const QString &key)
{
    m_lookupOther.reset();
    m_lookupOther.bind(":key", key);
    CAIRN_TRY_ASSIGN(const Statement::Step step, m_lookupOther.step());
    if (step == Statement::Step::Done)
        return std::optional<RunPlanner::Elsewhere>();
    return std::optional(RunPlanner::Elsewhere {
        m_lookupOther.int64(0), m_lookupOther.int64(1) != 0, m_lookupOther.text(2), m_lookupOther.int32(3) });
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
    return m_planner ? m_planner->ownEtags() : QHash<QString, QString>();
}

core::Status SourceRunApplier::add(QList<core::SourcedEntity> part, PartWrite when)
{
    const qsizetype from = m_planner->planned().size();
    if (when == PartWrite::AfterGuard && !m_input.dryRun) {
        // Kept until finish() writes it; the plan's pointers into it stay good, as the
        // deque never moves the parts it holds.
        m_heldParts.push_back(std::move(part));
        return m_planner->plan(m_heldParts.back());
    }
    // Writing a part writes everything planned so far, so none may be waiting for the guard.
    Q_ASSERT(m_heldParts.empty());
    // The part goes when this returns, written or not: nothing may point into it.
    const auto release = qScopeGuard([this, from] { releaseParts(from); });
    CAIRN_TRY(m_planner->plan(part));
    if (!m_input.dryRun) {
        m_writesAsItComes = true;
        CAIRN_TRY(writePlanned(false));
        // The search rows whose owners have arrived by now, rather than all at the commit.
        // The dirty pages are not flushed early (sqlite3_db_cacheflush): pages such as the
        // file header are dirtied again by every part, SQLite then rewrites their WAL frames
        // in place, and the commit has to read the whole WAL back to recompute its checksums.
        if (m_search)
            CAIRN_TRY(m_search->writeWaiting(SearchIndexer::Waiting::Delivered));
    }
    return {};
}

void SourceRunApplier::releaseParts(qsizetype fromPlanned)
{
    QList<RunPlanner::Planned> &planned = m_planner->planned();
    for (qsizetype i = fromPlanned; i < planned.size(); ++i)
        planned[i].sourced = nullptr;
}

core::Result<RunSummary> SourceRunApplier::finish(const QList<core::EntityRef> &unchangedRefs, bool keepUndelivered)
{
    for (const core::EntityRef &ref : m_input.confirmedRemovals) {
        // A removal is confirmed for a ref whose kind is stated: one kind of name taken for
        // another is how mass deletions start.
        if (ref.isNull() || ref.kind().isEmpty())
            return core::Error { QStringLiteral("A confirmed removal must name an entity with its kind "
                                                "(kind:namespace/name); got \u201c%1\u201d.")
                                     .arg(ref.toString()) };
    }
    m_planner->planRemovals(unchangedRefs, keepUndelivered, m_input.confirmedRemovals);
    CAIRN_TRY(spellRemovedRefs());
    RunSummary &summary = m_planner->summary();
    const RunPlanner::Verdict verdict = m_planner->guard(m_input.maxRemovalShare, m_input.allowRemovals);
    summary.held = verdict.held;
    summary.upstreamChanged = verdict.upstreamChanged;

    if (m_input.dryRun)
        return summary;

    if (summary.held) {
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
        return summary;
    }

    if (!m_planner->removals().isEmpty() && !m_cache.isInMemory()) {
        // Taken under our write lock from a separate reader connection, which sees none of
        // this run's writes: the snapshot is exactly the state this run starts from.
        SnapshotStore snapshots(m_cache);
        CAIRN_TRY_ASSIGN(SnapshotInfo snapshot, snapshots.create(SnapshotReason::beforeRemovals(m_input.sourceName)));
        summary.snapshotId = snapshot.id;
    }

    CAIRN_TRY(writeSourceOnce());
    CAIRN_TRY(writePlanned(true));
    if (m_rows)
        CAIRN_TRY(m_rows->writeHeldBackward([this](const QString &key) { return m_planner->oursAfter(key); }));
    CAIRN_TRY(m_bulkIndexes.rebuild(m_db)); // before the queries below that use them
    releaseParts(0);
    m_heldParts.clear();
    QList<qint64> removed;
    for (const RunPlanner::Removal &r : m_planner->removals())
        removed.append(r.id);
    CAIRN_TRY(EntityRowWriter(m_db, m_sourceId, m_now, false).markRemoved(removed));
    CAIRN_TRY(endKeeps());
    if (m_search) {
        CAIRN_TRY(m_search->writeWaiting(SearchIndexer::Waiting::All));
        CAIRN_TRY(m_search->reindexOwned());
    }
    CAIRN_TRY(updateHealth());
    CAIRN_TRY(writeRunLog(QStringLiteral("ok")));
    CAIRN_TRY(m_tx->commit());

    if (!summary.snapshotId.isEmpty()) {
        SnapshotStore snapshots(m_cache);
        // Best effort: the run is committed; older snapshots are pruned again next time.
        if (core::Result<int> pruned = snapshots.keepLast(qMax(1, m_input.snapshotsToKeep)); !pruned)
            qCWarning(cacheLog) << "older snapshots not pruned:" << pruned.errorString();
    }
    return summary;
}

core::Status SourceRunApplier::updateHealth()
{
    QStringList changed;
    for (const RunPlanner::Planned &p : m_planner->planned())
        if (p.change != Change::None)
            changed.append(p.key);
    for (const RunPlanner::Removal &r : m_planner->removals())
        changed.append(r.key);
    return HealthStore::afterWrite(m_db, changed);
}

core::Result<QHash<QString, RunPlanner::Own>> SourceRunApplier::loadSource()
{
    {
        CAIRN_TRY_ASSIGN(Statement find,
            m_db.prepare(QStringLiteral("SELECT id, position, removed_at IS NOT NULL FROM sources WHERE name=:name")));
        find.bind(":name", m_input.sourceName);
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
    QHash<QString, RunPlanner::Own> own;
    if (m_sourceId == 0)
        return own;
    CAIRN_TRY_ASSIGN(Statement rows,
        m_db.prepare(QStringLiteral("SELECT key, id, content_hash, display_name, removed_at IS NOT NULL, "
                                    "coalesce(etag, '') FROM entities WHERE source_id=:id")));
    rows.bind(":id", m_sourceId);
    CAIRN_TRY(forEachRow(rows, [&own](const Statement &row) {
        own.insert(
            row.text(0), RunPlanner::Own { row.int64(1), row.utf8(2), row.text(3), row.text(5), row.int64(4) != 0 });
    }));
    return own;
}

core::Result<QSet<QString>> SourceRunApplier::loadKept()
{
    QSet<QString> kept;
    if (m_sourceId == 0)
        return kept;
    CAIRN_TRY_ASSIGN(
        Statement rows, m_db.prepare(QStringLiteral("SELECT entity_key FROM kept_entities WHERE source_id=:id")));
    rows.bind(":id", m_sourceId);
    CAIRN_TRY(forEachRow(rows, [&kept](const Statement &row) { kept.insert(row.text(0)); }));
    return kept;
}

core::Status SourceRunApplier::endKeeps()
{
    const QList<QString> &ended = m_planner->keepsEnded();
    if (ended.isEmpty())
        return {};
    CAIRN_TRY_ASSIGN(Statement drop,
        m_db.prepare(QStringLiteral("DELETE FROM kept_entities WHERE source_id=:id AND entity_key=:key")));
    for (const QString &key : ended) {
        drop.reset();
        drop.bind(":id", m_sourceId);
        drop.bind(":key", key);
        CAIRN_TRY(drop.exec());
    }
    return {};
}

core::Status SourceRunApplier::spellRemovedRefs()
{
    // Named as their source spelled them (as `cairn removed` and `cairn show` do), not by
    // their lower-case key; read only for the few entities a run removes.
    CAIRN_TRY_ASSIGN(Statement spelled, m_db.prepare(QStringLiteral("SELECT ref FROM entities WHERE id=:id")));
    for (const RunPlanner::Removal &r : m_planner->removals()) {
        spelled.reset();
        spelled.bind(":id", r.id);
        CAIRN_TRY_ASSIGN(Statement::Step step, spelled.step());
        core::Result<core::EntityRef> ref
            = core::EntityRef::parse(step == Statement::Step::Row ? spelled.text(0) : r.key);
        m_planner->summary().removedRefs.append(ref ? *ref : core::EntityRef());
    }
    return {};
}

core::Status SourceRunApplier::writeSourceOnce()
{
    if (m_sourceWritten)
        return {};
    CAIRN_TRY(writeSource());
    m_sourceWritten = true;
    return {};
}

core::Status SourceRunApplier::writeSource()
{
    if (m_sourceId == 0) {
        CAIRN_TRY_ASSIGN(Statement insert,
            m_db.prepare(QStringLiteral("INSERT INTO sources(name, kind, location, position, created_at) "
                                        "VALUES(:name, :kind, :location, :position, :now)")));
        insert.bind(":name", m_input.sourceName);
        insert.bind(":kind", m_input.sourceKind);
        insert.bind(":location", m_input.location);
        insert.bind(":position", m_sourcePosition);
        insert.bind(":now", m_now);
        CAIRN_TRY(insert.exec());
        m_sourceId = m_db.lastInsertRowId();
        return {};
    }
    CAIRN_TRY_ASSIGN(Statement update,
        m_db.prepare(QStringLiteral("UPDATE sources SET kind=coalesce(nullif(:kind, ''), kind), "
                                    "location=coalesce(nullif(:location, ''), location), position=:position, "
                                    "removed_at=NULL WHERE id=:id")));
    update.bind(":id", m_sourceId);
    update.bind(":kind", m_input.sourceKind);
    update.bind(":location", m_input.location);
    update.bind(":position", m_sourcePosition);
    return update.exec();
}

core::Status SourceRunApplier::prepareWriters()
{
    // A first sync fills empty tables: their indexes are built once each, before the
    // commit, instead of row by row (relation rows arrive in no order useful to the index
    // by target). Except the entities' in a run written part by part as a server sends it:
    // kept up between pages, they leave less to build after the last page, which nothing
    // overlaps (bench/README.md, Backstage item 19). A run written whole after its
    // download (a bundle) builds both at the end, which costs less in all.
    if (!m_writesAsItComes)
        CAIRN_TRY(m_bulkIndexes.dropIfEmpty(m_db, QStringLiteral("entities")));
    CAIRN_TRY(m_bulkIndexes.dropIfEmpty(m_db, QStringLiteral("relations")));
    m_rows.emplace(m_db, m_sourceId, m_now, m_input.relationsStatedAtBothEnds);
    CAIRN_TRY(m_rows->prepare());
    m_search.emplace(m_db, m_planner->deliveredNames());
    return m_search->prepare();
}

core::Error SourceRunApplier::cancelled() const
{
    return core::Error {
        QStringLiteral("The run of source \u201c%1\u201d was cancelled; nothing was changed.").arg(m_input.sourceName)
    };
}

core::Status SourceRunApplier::writePlanned(bool reportProgress)
{
    QList<RunPlanner::Planned> &planned = m_planner->planned();
    if (m_written == planned.size())
        return {};
    CAIRN_TRY(writeSourceOnce());
    if (!m_rows)
        CAIRN_TRY(prepareWriters());

    const int total = int(planned.size());
    // The rows are flattened a chunk ahead on another thread while this one writes.
    const auto writes
        = [](const RunPlanner::Planned &p) { return p.action == Action::Insert || p.action == Action::Update; };
    std::optional<RowsAhead> ahead;
    if (const qsizetype count = std::count_if(planned.cbegin() + m_written, planned.cend(), writes);
        count >= RowsAheadFrom) {
        QList<const core::SourcedEntity *> toWrite;
        for (qsizetype i = m_written; i < planned.size(); ++i) {
            if (writes(planned[i]))
                toWrite.append(planned[i].sourced);
        }
        ahead.emplace(std::move(toWrite), count >= LongRunFrom ? LongRunChunk : PageChunk);
    }
    for (qsizetype i = m_written; i < planned.size(); ++i) {
        RunPlanner::Planned &p = planned[i];
        if (reportProgress && m_input.progress && i % ProgressEvery == 0 && !m_input.progress(int(i), total))
            return cancelled();
        if (!writes(p))
            continue;
        // Flattened here (or a chunk ahead), written, and dropped: a row's text is held only
        // until it is written.
        const EntityRow row = ahead ? ahead->next() : EntityRow::from(*p.sourced);
        if (p.ownerVisible)
            CAIRN_TRY(m_search->ownerVisible(p.key));
        if (p.action == Action::Insert) {
            CAIRN_TRY_ASSIGN(p.id, m_rows->insert(row));
        } else {
            CAIRN_TRY(m_rows->update(p.id, row));
        }
        CAIRN_TRY(m_search->add(p.id, row, p.action == Action::Update));
    }
    m_written = planned.size();
    if (reportProgress && m_input.progress && !m_input.progress(total, total))
        return cancelled();
    return {};
}

core::Status SourceRunApplier::writeRunLog(const QString &status)
{
    if (m_sourceId == 0)
        CAIRN_TRY(writeSource());
    RunSummary &summary = m_planner->summary();
    CAIRN_TRY_ASSIGN(Statement run,
        m_db.prepare(QStringLiteral(
            "INSERT INTO sync_runs(source_id, source_name, operation, started_at, finished_at, added, "
            "changed, unchanged, removed, held, status, snapshot_id) VALUES(:source_id, :source_name, 'sync', "
            ":started_at, :finished_at, :added, :changed, :unchanged, :removed, :held, :status, :snapshot_id)")));
    const bool held = status == u"held";
    run.bind(":source_id", m_sourceId);
    run.bind(":source_name", m_input.sourceName);
    run.bind(":started_at", m_startedAt);
    run.bind(":finished_at", nowText());
    run.bind(":added", summary.added);
    run.bind(":changed", summary.changed);
    run.bind(":unchanged", summary.unchanged);
    run.bind(":removed", held ? 0 : summary.removed);
    run.bind(":held", held ? summary.removed : 0);
    run.bind(":status", status);
    if (!summary.snapshotId.isEmpty())
        run.bind(":snapshot_id", summary.snapshotId);
    CAIRN_TRY(run.exec());
    summary.runId = m_db.lastInsertRowId();

    QStringList added, changed, removed;
    for (const RunPlanner::Planned &p : m_planner->planned()) {
        if (p.change == Change::Added)
            added.append(p.key);
        else if (p.change == Change::Changed)
            changed.append(p.key);
    }
    for (const RunPlanner::Removal &r : m_planner->removals())
        removed.append(r.key);
    CAIRN_TRY(writeRunEntities(m_db, summary.runId, u"added", std::move(added)));
    CAIRN_TRY(writeRunEntities(m_db, summary.runId, u"changed", std::move(changed)));
    CAIRN_TRY(writeRunEntities(m_db, summary.runId, held ? u"would-remove" : u"removed", std::move(removed)));
    CAIRN_TRY(writeRunEntities(m_db, summary.runId, u"conflict", QStringList(m_planner->conflictKeys())));
    return pruneRuns(m_db);
}

} // namespace cairn::cache
