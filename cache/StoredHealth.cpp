// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/StoredHealth.h"

#include "cache/Database.h"
#include "cache/SqlTry.h"

#include <limits>

namespace cairn::cache {

core::Status StoredHealth::Cursor::next()
{
    CAIRN_TRY_ASSIGN(const Statement::Step step, q.step());
    atRow = step == Statement::Step::Row;
    if (atRow)
        id = q.int64(0);
    return {};
}

core::Status StoredHealth::open(Database &db)
{
    // Both WITHOUT ROWID tables keyed by entity id first: in that order, a scan of the table
    // (health_reads' index by target would cover the query, in another order).
    CAIRN_TRY_ASSIGN(m_rows.q,
        db.prepare(QStringLiteral("SELECT entity_id, scorecard, score, band, level, failed, results, risk_path "
                                  "FROM health ORDER BY entity_id, scorecard")));
    CAIRN_TRY_ASSIGN(m_reads.q,
        db.prepare(
            QStringLiteral("SELECT entity_id, target_key, seen FROM health_reads ORDER BY entity_id, target_key")));
    CAIRN_TRY(m_rows.next());
    return m_reads.next();
}

template<typename Each>
core::Status StoredHealth::passUpTo(Cursor &cursor, qint64 id, QList<qint64> &unasked, Each each)
{
    while (cursor.atRow && cursor.id <= id) {
        if (cursor.id == id)
            each(std::as_const(cursor.q));
        else if (unasked.isEmpty() || unasked.constLast() != cursor.id)
            unasked.append(cursor.id);
        CAIRN_TRY(cursor.next());
    }
    return {};
}

core::Result<StoredHealth::OfEntity> StoredHealth::take(qint64 id, QList<qint64> &unasked)
{
    OfEntity stored;
    CAIRN_TRY(passUpTo(m_rows, id, unasked, [&](const Statement &row) {
        health::StoredRow r { row.utf8(1), row.int32(2), row.utf8(3), row.utf8(4), row.utf8(5), row.utf8(6) };
        if (!row.isNull(7))
            m_riskPaths.insert(RowKey { id, r.scorecard }, row.utf8(7));
        stored.rows.append(std::move(r));
    }));
    CAIRN_TRY(passUpTo(m_reads, id, unasked, [&](const Statement &row) {
        stored.reads.append(Read { row.utf8(1), row.utf8(2) });
    }));
    return stored;
}

core::Status StoredHealth::takeRest(QList<qint64> &unasked)
{
    constexpr qint64 Last = std::numeric_limits<qint64>::max();
    CAIRN_TRY(passUpTo(m_rows, Last, unasked, [](const Statement &) {}));
    return passUpTo(m_reads, Last, unasked, [](const Statement &) {});
}

} // namespace cairn::cache
