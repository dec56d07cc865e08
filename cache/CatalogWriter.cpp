// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/CatalogWriter.h"

#include "cache/Cache.h"
#include "cache/HealthStore.h"
#include "cache/RunLog.h"
#include "cache/SnapshotStore.h"
#include "cache/SourceRunStream.h"
#include "cache/SqlTry.h"
#include "cache/Transaction.h"
#include "core/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cairn::cache {

namespace {

QString nowText()
{
    return core::clock::nowUtc().toString(Qt::ISODateWithMs);
}
QDateTime fromText(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace

CatalogWriter::CatalogWriter(Cache &cache)
    : m_cache(cache)
{ }

core::Result<RunSummary> CatalogWriter::applySourceRun(const SourceRunInput &input)
{
    // One part, planned whole and written only once the guard has let it through. The
    // stream's copy of the input shares its entities (QList), so nothing is duplicated.
    SourceRunStream stream(m_cache, input);
    CAIRN_TRY(stream.begin());
    CAIRN_TRY(stream.add(input.entities, PartWrite::AfterGuard));
    return stream.finish(input.unchangedRefs);
}

core::Result<std::unique_ptr<SourceRunStream>> CatalogWriter::beginSourceRun(const SourceRunInput &settings)
{
    std::unique_ptr<SourceRunStream> stream(new SourceRunStream(m_cache, settings));
    CAIRN_TRY(stream->begin());
    return stream;
}

core::Result<std::unique_ptr<SourceRunStream>> CatalogWriter::prepareSourceRun(const SourceRunInput &settings)
{
    std::unique_ptr<SourceRunStream> stream(new SourceRunStream(m_cache, settings));
    CAIRN_TRY(stream->prepare());
    return stream;
}

core::Result<SourceInfo> CatalogWriter::addSource(
    const QString &name, const QString &kind, const QString &location, const QJsonObject &options)
{
    Database &db = m_cache.database();
    CAIRN_TRY_ASSIGN(Transaction tx, Transaction::begin(db));
    const QString optionsText = QString::fromUtf8(QJsonDocument(options).toJson(QJsonDocument::Compact));
    CAIRN_TRY_ASSIGN(Statement upsert,
        db.prepare(QStringLiteral("INSERT INTO sources(name, kind, location, options, position, created_at) "
                                  "VALUES(?1, ?2, ?3, ?4, (SELECT coalesce(max(position), 0) + 1 FROM sources), ?5) "
                                  "ON CONFLICT(name) DO UPDATE SET kind=excluded.kind, location=excluded.location, "
                                  "options=excluded.options, "
                                  "position=CASE WHEN removed_at IS NULL THEN position ELSE excluded.position END, "
                                  "removed_at=NULL")));
    upsert.bind(1, name);
    upsert.bind(2, kind);
    upsert.bind(3, location);
    upsert.bind(4, optionsText);
    upsert.bind(5, nowText());
    CAIRN_TRY(upsert.exec());
    CAIRN_TRY(tx.commit());
    CAIRN_TRY_ASSIGN(QList<SourceInfo> all, sources());
    for (const SourceInfo &s : all) {
        if (s.name == name)
            return s;
    }
    return core::Error { QStringLiteral("The source \u201c%1\u201d was saved but cannot be read back.").arg(name) };
}

core::Result<QList<SourceInfo>> CatalogWriter::sources(Counts counts)
{
    Database &db = m_cache.database();
    const QString countColumns = counts == Counts::Included
        ? QStringLiteral("(SELECT count(*) FROM entities e WHERE e.source_id = s.id AND e.removed_at IS NULL), "
                         "(SELECT count(*) FROM entities e WHERE e.source_id = s.id AND e.removed_at IS NOT NULL), ")
        : QStringLiteral("0, 0, ");
    // The kept entities are counted either way: a range of their own small table, and what
    // lets a window say a source holds back removals. CROSS JOIN keeps that small table
    // outside: without statistics (the cache runs no ANALYZE) SQLite would walk every entity
    // of the source through entities_source instead, a read of the whole catalog (0.8 s at a
    // million entities, twice before the window's first paint).
    const QString keptColumn
        = QStringLiteral("(SELECT count(*) FROM kept_entities k CROSS JOIN entities e ON e.key = k.entity_key "
                         "AND e.source_id = k.source_id AND e.removed_at IS NULL WHERE k.source_id = s.id) ");
    CAIRN_TRY_ASSIGN(Statement q,
        db.prepare(QStringLiteral("SELECT s.id, s.name, s.kind, s.location, s.options, s.position, s.created_at, ")
            + countColumns + keptColumn
            + QStringLiteral("FROM sources s WHERE s.removed_at IS NULL ORDER BY s.position")));
    QList<SourceInfo> out;
    for (;;) {
        CAIRN_TRY_ASSIGN(Statement::Step step, q.step());
        if (step == Statement::Step::Done)
            break;
        SourceInfo s;
        s.id = q.int64(0);
        s.name = q.text(1);
        s.kind = q.text(2);
        s.location = q.text(3);
        s.options = QJsonDocument::fromJson(q.utf8(4)).object();
        s.position = q.int32(5);
        s.createdAt = fromText(q.text(6));
        s.liveEntities = q.int32(7);
        s.removedEntities = q.int32(8);
        s.keptEntities = q.int32(9);
        out.append(std::move(s));
    }
    return out;
}

core::Result<QJsonObject> CatalogWriter::sourceOptions(const QString &name)
{
    CAIRN_TRY_ASSIGN(Statement q,
        m_cache.database().prepare(QStringLiteral("SELECT options FROM sources WHERE name=?1 AND removed_at IS NULL")));
    q.bind(1, name);
    CAIRN_TRY_ASSIGN(Statement::Step step, q.step());
    return step == Statement::Step::Row ? QJsonDocument::fromJson(q.utf8(0)).object() : QJsonObject();
}

core::Status CatalogWriter::saveSourceOptions(const QString &name, const QJsonObject &options)
{
    CAIRN_TRY_ASSIGN(Statement update,
        m_cache.database().prepare(
            QStringLiteral("UPDATE sources SET options=?2 WHERE name=?1 AND removed_at IS NULL")));
    update.bind(1, name);
    update.bindUtf8(2, QJsonDocument(options).toJson(QJsonDocument::Compact));
    return update.exec();
}

core::Result<RunSummary> CatalogWriter::removeSource(const QString &name)
{
    Database &db = m_cache.database();
    const QString startedAt = nowText();
    CAIRN_TRY_ASSIGN(Transaction tx, Transaction::begin(db));
    CAIRN_TRY_ASSIGN(
        Statement find, db.prepare(QStringLiteral("SELECT id FROM sources WHERE name=?1 AND removed_at IS NULL")));
    find.bind(1, name);
    CAIRN_TRY_ASSIGN(Statement::Step found, find.step());
    if (found == Statement::Step::Done)
        return core::Error { QStringLiteral("There is no source \u201c%1\u201d.").arg(name),
            core::ErrorKind::NotFound };
    const qint64 sourceId = find.int64(0);

    RunSummary summary;
    QStringList keys;
    {
        CAIRN_TRY_ASSIGN(Statement live,
            db.prepare(QStringLiteral("SELECT key, ref FROM entities WHERE source_id=?1 AND removed_at IS NULL "
                                      "ORDER BY key")));
        live.bind(1, sourceId);
        for (;;) {
            CAIRN_TRY_ASSIGN(Statement::Step step, live.step());
            if (step == Statement::Step::Done)
                break;
            keys.append(live.text(0));
            core::Result<core::EntityRef> ref = core::EntityRef::parse(live.text(1));
            summary.removedRefs.append(ref ? *ref : core::EntityRef());
        }
    }
    summary.removed = int(keys.size());
    if (!keys.isEmpty() && !m_cache.isInMemory()) {
        SnapshotStore snapshots(m_cache);
        CAIRN_TRY_ASSIGN(SnapshotInfo snapshot, snapshots.create(SnapshotReason::beforeSourceRemoval(name)));
        summary.snapshotId = snapshot.id;
    }
    const QString now = nowText();
    CAIRN_TRY_ASSIGN(Statement tombstone,
        db.prepare(QStringLiteral("UPDATE entities SET removed_at=?2 WHERE source_id=?1 AND removed_at IS NULL")));
    tombstone.bind(1, sourceId);
    tombstone.bind(2, now);
    CAIRN_TRY(tombstone.exec());
    // Keep decisions were about this source's runs, which end here; re-adding the source
    // starts without them.
    CAIRN_TRY_ASSIGN(Statement unkeep, db.prepare(QStringLiteral("DELETE FROM kept_entities WHERE source_id=?1")));
    unkeep.bind(1, sourceId);
    CAIRN_TRY(unkeep.exec());
    CAIRN_TRY_ASSIGN(Statement mark, db.prepare(QStringLiteral("UPDATE sources SET removed_at=?2 WHERE id=?1")));
    mark.bind(1, sourceId);
    mark.bind(2, now);
    CAIRN_TRY(mark.exec());

    CAIRN_TRY_ASSIGN(Statement run,
        db.prepare(
            QStringLiteral("INSERT INTO sync_runs(source_id, source_name, operation, started_at, finished_at, "
                           "removed, status, snapshot_id) VALUES(?1, ?2, 'remove-source', ?3, ?4, ?5, 'ok', ?6)")));
    run.bind(1, sourceId);
    run.bind(2, name);
    run.bind(3, startedAt);
    run.bind(4, now);
    run.bind(5, summary.removed);
    run.bindOptional(6, summary.snapshotId.isEmpty() ? QString() : summary.snapshotId);
    CAIRN_TRY(run.exec());
    summary.runId = db.lastInsertRowId();
    CAIRN_TRY(writeRunEntities(db, summary.runId, u"removed", keys));
    CAIRN_TRY(HealthStore::afterWrite(db, keys));
    CAIRN_TRY(tx.commit());
    return summary;
}

core::Result<bool> CatalogWriter::sourceHasLiveEntities(const QString &sourceName)
{
    CAIRN_TRY_ASSIGN(Statement q,
        m_cache.database().prepare(
            QStringLiteral("SELECT EXISTS(SELECT 1 FROM entities e JOIN sources s ON s.id = e.source_id "
                           "WHERE s.name=?1 AND e.removed_at IS NULL)")));
    q.bind(1, sourceName);
    CAIRN_TRY(q.step());
    return q.int64(0) != 0;
}

core::Result<int> CatalogWriter::purgeTombstones(const QDateTime &olderThan)
{
    Database &db = m_cache.database();
    const QString cutoff = olderThan.toUTC().toString(Qt::ISODateWithMs);
    CAIRN_TRY_ASSIGN(Transaction tx, Transaction::begin(db));
    QList<qint64> ids;
    QJsonArray keys;
    {
        CAIRN_TRY_ASSIGN(Statement q,
            db.prepare(QStringLiteral("SELECT id, key FROM entities WHERE removed_at IS NOT NULL AND removed_at < ?1 "
                                      "ORDER BY key")));
        q.bind(1, cutoff);
        for (;;) {
            CAIRN_TRY_ASSIGN(Statement::Step step, q.step());
            if (step == Statement::Step::Done)
                break;
            ids.append(q.int64(0));
            keys.append(q.text(1));
        }
    }
    if (!ids.isEmpty() && !m_cache.isInMemory()) {
        // Purging is the one deletion of upstream data: keep a way back.
        SnapshotStore snapshots(m_cache);
        CAIRN_TRY(snapshots.create(SnapshotReason::beforePurge()));
    }
    CAIRN_TRY_ASSIGN(Statement dropRelations, db.prepare(QStringLiteral("DELETE FROM relations WHERE origin_id=?1")));
    CAIRN_TRY_ASSIGN(Statement dropFts, db.prepare(QStringLiteral("DELETE FROM entities_fts WHERE rowid=?1")));
    CAIRN_TRY_ASSIGN(Statement dropEntity, db.prepare(QStringLiteral("DELETE FROM entities WHERE id=?1")));
    // A tombstone has no health of its own; rows left by a write that ran without
    // scorecards (HealthStore::afterWrite) would still hold the entity by its id.
    CAIRN_TRY_ASSIGN(Statement dropHealth, db.prepare(QStringLiteral("DELETE FROM health WHERE entity_id=?1")));
    CAIRN_TRY_ASSIGN(
        Statement dropHealthReads, db.prepare(QStringLiteral("DELETE FROM health_reads WHERE entity_id=?1")));
    for (qint64 id : std::as_const(ids)) {
        for (Statement *s : { &dropRelations, &dropFts, &dropHealth, &dropHealthReads, &dropEntity }) {
            s->reset();
            s->bind(1, id);
            CAIRN_TRY(s->exec());
        }
    }
    CAIRN_TRY_ASSIGN(Statement log,
        db.prepare(
            QStringLiteral("INSERT INTO purges(purged_at, older_than, count, entity_keys) VALUES(?1, ?2, ?3, ?4)")));
    log.bind(1, nowText());
    log.bind(2, cutoff);
    log.bind(3, qint64(ids.size()));
    log.bindUtf8(4, QJsonDocument(keys).toJson(QJsonDocument::Compact));
    CAIRN_TRY(log.exec());
    QStringList purged;
    for (const QJsonValue key : std::as_const(keys))
        purged.append(key.toString());
    // What read a purged entity (an owner kept only as a tombstone) is judged again.
    CAIRN_TRY(HealthStore::afterWrite(db, purged));
    CAIRN_TRY(tx.commit());
    return int(ids.size());
}

core::Result<qint64> CatalogWriter::recordFailedRun(
    const QString &sourceName, const QDateTime &startedAt, const QString &error)
{
    Database &db = m_cache.database();
    CAIRN_TRY_ASSIGN(Transaction tx, Transaction::begin(db));
    CAIRN_TRY_ASSIGN(Statement run,
        db.prepare(
            QStringLiteral("INSERT INTO sync_runs(source_id, source_name, started_at, finished_at, status, error) "
                           "VALUES((SELECT id FROM sources WHERE name=?1), ?1, ?2, ?3, 'failed', ?4)")));
    run.bind(1, sourceName);
    run.bind(2, startedAt.toUTC().toString(Qt::ISODateWithMs));
    run.bind(3, nowText());
    run.bind(4, error);
    CAIRN_TRY(run.exec());
    const qint64 id = db.lastInsertRowId();
    CAIRN_TRY(pruneRuns(db));
    CAIRN_TRY(tx.commit());
    return id;
}

core::Result<QList<SyncRunRecord>> CatalogWriter::recentRuns(int limit)
{
    Database &db = m_cache.database();
    CAIRN_TRY_ASSIGN(Statement q,
        db.prepare(
            QStringLiteral("SELECT id, source_name, operation, started_at, finished_at, added, changed, unchanged, "
                           "removed, held, status, error, snapshot_id FROM sync_runs ORDER BY id DESC LIMIT ?1")));
    q.bind(1, limit);
    QList<SyncRunRecord> out;
    for (;;) {
        CAIRN_TRY_ASSIGN(Statement::Step step, q.step());
        if (step == Statement::Step::Done)
            break;
        SyncRunRecord r;
        r.id = q.int64(0);
        r.source = q.text(1);
        r.operation = q.text(2);
        r.startedAt = fromText(q.text(3));
        r.finishedAt = fromText(q.text(4));
        r.added = q.int32(5);
        r.changed = q.int32(6);
        r.unchanged = q.int32(7);
        r.removed = q.int32(8);
        r.held = q.int32(9);
        r.status = q.text(10);
        r.error = q.text(11);
        r.snapshotId = q.text(12);
        out.append(std::move(r));
    }
    return out;
}

} // namespace cairn::cache
