// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/KeptEntities.h"

#include "cache/Cache.h"
#include "cache/Database.h"
#include "cache/SqlTry.h"
#include "cache/Transaction.h"
#include "core/Clock.h"

#include <QStringList>

namespace cairn::cache {

namespace {

core::Result<qint64> sourceId(Database &db, const QString &sourceName)
{
    CAIRN_TRY_ASSIGN(
        Statement find, db.prepare(QStringLiteral("SELECT id FROM sources WHERE name=?1 AND removed_at IS NULL")));
    find.bind(1, sourceName);
    CAIRN_TRY_ASSIGN(Statement::Step step, find.step());
    if (step == Statement::Step::Done)
        return core::Error { QStringLiteral("There is no source \u201c%1\u201d.").arg(sourceName),
            core::ErrorKind::NotFound };
    return find.int64(0);
}

// The decisions that hold: the entity is live and still the source's (another source may
// have taken it over since, which ends the decision in effect).
const QString HoldingJoin = QStringLiteral("FROM kept_entities k JOIN sources s ON s.id = k.source_id "
                                           "JOIN entities e ON e.key = k.entity_key AND e.source_id = k.source_id "
                                           "WHERE s.name=?1 AND s.removed_at IS NULL AND e.removed_at IS NULL ");

} // namespace

KeptEntities::KeptEntities(Cache &cache)
    : m_cache(cache)
{ }

core::Status KeptEntities::keep(const QString &sourceName, const QList<core::EntityRef> &refs)
{
    Database &db = m_cache.database();
    CAIRN_TRY_ASSIGN(Transaction tx, Transaction::begin(db));
    CAIRN_TRY_ASSIGN(const qint64 id, sourceId(db, sourceName));
    CAIRN_TRY_ASSIGN(Statement live,
        db.prepare(QStringLiteral("SELECT 1 FROM entities WHERE key=?1 AND source_id=?2 AND removed_at IS NULL")));
    CAIRN_TRY_ASSIGN(Statement insert,
        db.prepare(QStringLiteral("INSERT INTO kept_entities(source_id, entity_key, kept_at) VALUES(?1, ?2, ?3) "
                                  "ON CONFLICT(source_id, entity_key) DO NOTHING")));
    const QString now = core::clock::nowUtc().toString(Qt::ISODateWithMs);
    QStringList refused;
    for (const core::EntityRef &ref : refs) {
        if (ref.isNull() || ref.kind().isEmpty()) {
            refused.append(ref.isNull() ? QStringLiteral("(an empty reference)") : ref.toString());
            continue;
        }
        live.reset();
        live.bind(1, ref.key());
        live.bind(2, id);
        CAIRN_TRY_ASSIGN(Statement::Step found, live.step());
        if (found == Statement::Step::Done) {
            refused.append(ref.toString());
            continue;
        }
        insert.reset();
        insert.bind(1, id);
        insert.bind(2, ref.key());
        insert.bind(3, now);
        CAIRN_TRY(insert.exec());
    }
    if (!refused.isEmpty())
        return core::Error { QStringLiteral("Nothing was kept: %1 %2 of source \u201c%3\u201d.")
                                 .arg(refused.join(QStringLiteral(", ")),
                                     refused.size() == 1 ? QStringLiteral("is not a live entity")
                                                         : QStringLiteral("are not live entities"),
                                     sourceName),
            core::ErrorKind::NotFound }; // rolled back with the transaction
    return tx.commit();
}

core::Status KeptEntities::release(const QString &sourceName, const QList<core::EntityRef> &refs)
{
    Database &db = m_cache.database();
    CAIRN_TRY_ASSIGN(Transaction tx, Transaction::begin(db));
    CAIRN_TRY_ASSIGN(const qint64 id, sourceId(db, sourceName));
    CAIRN_TRY_ASSIGN(
        Statement drop, db.prepare(QStringLiteral("DELETE FROM kept_entities WHERE source_id=?1 AND entity_key=?2")));
    for (const core::EntityRef &ref : refs) {
        drop.reset();
        drop.bind(1, id);
        drop.bind(2, ref.key());
        CAIRN_TRY(drop.exec());
    }
    return tx.commit();
}

core::Result<QList<KeptEntity>> KeptEntities::list(const QString &sourceName) const
{
    CAIRN_TRY_ASSIGN(Statement q,
        m_cache.database().prepare(
            QStringLiteral("SELECT e.ref, k.kept_at ") + HoldingJoin + QStringLiteral("ORDER BY k.entity_key")));
    q.bind(1, sourceName);
    QList<KeptEntity> out;
    CAIRN_TRY(collectRows(q, out, [](const Statement &row) {
        core::Result<core::EntityRef> ref = core::EntityRef::parse(row.text(0));
        return KeptEntity { ref ? *ref : core::EntityRef(), QDateTime::fromString(row.text(1), Qt::ISODateWithMs) };
    }));
    return out;
}

core::Result<int> KeptEntities::count(const QString &sourceName) const
{
    CAIRN_TRY_ASSIGN(Statement q, m_cache.database().prepare(QStringLiteral("SELECT count(*) ") + HoldingJoin));
    q.bind(1, sourceName);
    CAIRN_TRY(q.step());
    return q.int32(0);
}

} // namespace cairn::cache
