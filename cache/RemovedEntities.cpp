// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/RemovedEntities.h"

#include "cache/Cache.h"
#include "cache/SqlTry.h"

namespace cairn::cache {

RemovedEntities::RemovedEntities(Cache &cache)
    : m_cache(cache)
{ }

core::Result<QList<RemovedEntity>> RemovedEntities::first(int limit) const
{
    return read(nullptr, limit);
}

core::Result<QList<RemovedEntity>> RemovedEntities::after(const RemovedEntity &last, int limit) const
{
    return read(&last, limit);
}

core::Result<QList<RemovedEntity>> RemovedEntities::read(const RemovedEntity *last, int limit) const
{
    // The run: the log keeps few runs, so each is probed on its (run_id, entity_key) key,
    // newest first (CROSS JOIN keeps that order; the table has no index by entity alone).
    static const QString select = QStringLiteral(
        "SELECT e.id, e.ref, e.display_name, e.removed_at, s.name, coalesce(o.display_name, e.owner_key, ''), "
        "(SELECT r.id FROM sync_runs r CROSS JOIN sync_run_entities x ON x.run_id = r.id AND x.entity_key = e.key "
        " WHERE x.change = 'removed' ORDER BY r.id DESC LIMIT 1) "
        "FROM entities e JOIN sources s ON s.id = e.source_id LEFT JOIN entities o ON o.key = e.owner_key "
        "WHERE e.removed_at IS NOT NULL %1 ORDER BY e.removed_at DESC, e.id DESC LIMIT ?3");
    CAIRN_TRY_ASSIGN(Statement q,
        m_cache.database().prepare(
            select.arg(last ? QStringLiteral("AND (e.removed_at, e.id) < (?1, ?2)") : QString())));
    if (last) {
        q.bind(1, last->removedAtKey);
        q.bind(2, last->id);
    }
    q.bind(3, limit);
    QList<RemovedEntity> out;
    CAIRN_TRY(collectRows(q, out, [](const Statement &s) {
        RemovedEntity r;
        r.id = s.int64(0);
        core::Result<core::EntityRef> ref = core::EntityRef::parse(s.text(1));
        r.ref = ref ? *ref : core::EntityRef();
        r.title = s.text(2);
        r.removedAtKey = s.text(3);
        r.removedAt = QDateTime::fromString(r.removedAtKey, Qt::ISODateWithMs);
        r.source = s.text(4);
        r.owner = s.text(5);
        r.runId = s.int64(6);
        return r;
    }));
    return out;
}

} // namespace cairn::cache
