// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/HealthEvaluation.h"
#include "cache/Statement.h"
#include "core/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <utility>

namespace cairn::cache {

class Database;

// The health a recompute finds stored, read in entity order beside its scan of the
// entities, so that it writes only what differs: on the first open of a day most of the
// catalog is judged as it was the day before, and rewriting it all costs a write of
// tens of megabytes for nothing.
//
// Two cursors step through `health` and `health_reads` in their key order (entity id
// first), a row at a time, as the scan asks for each entity. The recompute writes those
// tables while they step: only rows of entities it has asked for, which the cursors have
// passed, and SQLite lets a statement step on through a table its own connection changes
// behind it (tst_health checks it at a scale where the writes and the reads interleave).
class StoredHealth
{
public:
    struct Read
    {
        QByteArray target;
        QByteArray seen;
    };
    // A fingerprint of stored columns (128-bit XXH3; a real difference goes unseen with a
    // chance of 2^-128): what is stored is compared with what a recompute finds by these,
    // made on SQLite's own bytes, instead of a copy of every stored row's texts made on
    // the writer's thread and freed on another.
    struct Digest
    {
        quint64 low = 0;
        quint64 high = 0;
        bool operator==(const Digest &) const = default;
    };
    // Of a health row's columns but its entity, scorecard and risk path.
    static Digest digestOf(const health::StoredRow &row);
    // Of an entity's reads, in the order given (stored: by target).
    static Digest digestOf(const QList<Read> &reads);
    // Of one text (a risk path).
    static Digest digestOf(QByteArrayView text);
    // Of a health_dependencies row's two columns (health::GraphRowText).
    static Digest digestOfGraphRow(QByteArrayView dependencies, QByteArrayView statedFor);
    struct RowDigest
    {
        QByteArray scorecard;
        Digest digest;
    };
    // One entity's stored health rows (risk path aside) and reads, in key order.
    struct OfEntity
    {
        QList<RowDigest> rows;
        Digest reads; // of none when it has none
        bool anyReads = false;
    };
    // A health row's key: entity id, scorecard id.
    using RowKey = std::pair<qint64, QByteArray>;

    core::Status open(Database &db);
    // What is stored for `id`, which must be greater than every id asked for before; the
    // ids stored in between, which nothing asks for (removed entities, other kinds), are
    // appended to `unasked`.
    core::Result<OfEntity> take(qint64 id, QList<qint64> &unasked);
    // The ids stored after the last one asked for, appended to `unasked`.
    core::Status takeRest(QList<qint64> &unasked);
    // The digests of the risk paths of the rows passed so far (digestOf the JSON array as
    // stored), by row, handed over.
    QHash<RowKey, Digest> takeRiskPaths() { return std::exchange(m_riskPaths, {}); }

private:
    // A statement stepped one row ahead: `id` is that row's entity id, none at the end.
    struct Cursor
    {
        Statement q;
        bool atRow = false;
        qint64 id = 0;
        core::Status next();
    };
    template<typename Each> core::Status passUpTo(Cursor &cursor, qint64 id, QList<qint64> &unasked, Each each);

    Cursor m_rows;
    Cursor m_reads;
    QHash<RowKey, Digest> m_riskPaths;
};

} // namespace cairn::cache
