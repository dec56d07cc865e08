// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/RunChanges.h"

#include "cache/Cache.h"
#include "cache/SqlTry.h"

namespace cairn::cache {

namespace {

QDateTime timeOf(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace

RunChanges::RunChanges(Cache &cache)
    : m_cache(cache)
{ }

core::Result<QList<RunChange>> RunChanges::latest(int maxLines, int maxRuns, const QDateTime &since) const
{
    QList<RunChange> out;
    if (maxLines <= 0 || maxRuns <= 0)
        return out;
    Database &db = m_cache.database();
    // The log keeps few runs (CatalogWriter::RunsKept): scanning them is cheap; each one's
    // lines are probed on their key.
    CAIRN_TRY_ASSIGN(Statement runs,
        db.prepare(QStringLiteral("SELECT id FROM sync_runs r WHERE started_at >= ?1 AND EXISTS "
                                  "(SELECT 1 FROM sync_run_entities x WHERE x.run_id = r.id) "
                                  "ORDER BY id DESC LIMIT ?2")));
    runs.bind(1, since.isValid() ? since.toUTC().toString(Qt::ISODateWithMs) : QString());
    runs.bind(2, maxRuns);
    QList<qint64> ids;
    CAIRN_TRY(collectRows(runs, ids, [](const Statement &s) { return s.int64(0); }));

    CAIRN_TRY_ASSIGN(Statement lines,
        db.prepare(QStringLiteral("SELECT run_id, source, operation, started_at, finished_at, status, change, entity, "
                                  "ref, kind, title, removed_at FROM v_sync_run_entities WHERE run_id = ?1 "
                                  "ORDER BY entity LIMIT ?2")));
    for (const qint64 id : std::as_const(ids)) {
        if (out.size() >= maxLines)
            break;
        lines.reset();
        lines.bind(1, id);
        lines.bind(2, qint64(maxLines - out.size()));
        CAIRN_TRY(collectRows(lines, out, [](const Statement &s) {
            RunChange c;
            c.runId = s.int64(0);
            c.source = s.text(1);
            c.operation = s.text(2);
            c.startedAt = timeOf(s.text(3));
            c.finishedAt = timeOf(s.text(4));
            c.status = s.text(5);
            c.change = s.text(6);
            c.entityKey = s.text(7);
            if (!s.isNull(8)) {
                core::Result<core::EntityRef> ref = core::EntityRef::parse(s.text(8));
                if (ref) {
                    c.ref = *ref;
                    c.kind = s.text(9);
                    c.title = s.text(10);
                }
            }
            c.removedAt = timeOf(s.text(11));
            return c;
        }));
    }
    return out;
}

} // namespace cairn::cache
