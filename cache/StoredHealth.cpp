// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/StoredHealth.h"

#include "cache/Database.h"
#include "cache/SqlTry.h"

#include <limits>

#define XXH_INLINE_ALL // the state on the stack, and the hash inlined into its few callers
#include <xxhash.h>

namespace cairn::cache {

namespace {

// Columns fed one after another, each text after its length, so that no two different
// sequences of columns feed the same bytes.
class DigestBuilder
{
public:
    DigestBuilder() { XXH3_128bits_reset(&m_state); }
    DigestBuilder &add(qint64 number)
    {
        XXH3_128bits_update(&m_state, &number, sizeof number);
        return *this;
    }
    DigestBuilder &add(QByteArrayView text)
    {
        add(qint64(text.size()));
        XXH3_128bits_update(&m_state, text.data(), size_t(text.size()));
        return *this;
    }
    // One of an entity's reads, as they are compared, stored or found.
    DigestBuilder &addRead(QByteArrayView target, QByteArrayView seen) { return add(target).add(seen); }
    StoredHealth::Digest digest() const
    {
        const XXH128_hash_t hash = XXH3_128bits_digest(&m_state);
        return StoredHealth::Digest { hash.low64, hash.high64 };
    }

private:
    XXH3_state_t m_state;
};

// A health row's columns as they are compared, stored or found.
StoredHealth::Digest rowDigest(
    qint64 score, QByteArrayView band, QByteArrayView level, QByteArrayView failed, QByteArrayView results)
{
    return DigestBuilder().add(score).add(band).add(level).add(failed).add(results).digest();
}

} // namespace

StoredHealth::Digest StoredHealth::digestOf(const health::StoredRow &row)
{
    return rowDigest(row.score, row.band, row.level, row.failed, row.results);
}

StoredHealth::Digest StoredHealth::digestOf(QByteArrayView text)
{
    return DigestBuilder().add(text).digest();
}

StoredHealth::Digest StoredHealth::digestOfGraphRow(QByteArrayView dependencies, QByteArrayView statedFor)
{
    return DigestBuilder().add(dependencies).add(statedFor).digest();
}

StoredHealth::Digest StoredHealth::digestOf(const QList<Read> &reads)
{
    DigestBuilder digest;
    for (const Read &read : reads)
        digest.addRead(read.target, read.seen);
    return digest.digest();
}

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
        RowDigest r { row.utf8(1),
            rowDigest(row.int32(2), row.utf8View(3), row.utf8View(4), row.utf8View(5), row.utf8View(6)) };
        if (!row.isNull(7))
            m_riskPaths.insert(RowKey { id, r.scorecard }, digestOf(row.utf8View(7)));
        stored.rows.append(std::move(r));
    }));
    DigestBuilder reads;
    CAIRN_TRY(passUpTo(m_reads, id, unasked, [&](const Statement &row) {
        reads.addRead(row.utf8View(1), row.utf8View(2));
        stored.anyReads = true;
    }));
    stored.reads = reads.digest();
    return stored;
}

core::Status StoredHealth::takeRest(QList<qint64> &unasked)
{
    constexpr qint64 Last = std::numeric_limits<qint64>::max();
    CAIRN_TRY(passUpTo(m_rows, Last, unasked, [](const Statement &) {}));
    return passUpTo(m_reads, Last, unasked, [](const Statement &) {});
}

} // namespace cairn::cache
