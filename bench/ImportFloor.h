// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Entity.h"

#include <QByteArray>
#include <QList>

#include <optional>

struct sqlite3;

namespace cairn::bench {

// The import floor (issue 2, "bench"): the rows an import of these entities writes
// (`entities` with every column, `relations`, `entities_fts`, the run log), inserted by a
// minimal program with raw prepared statements in one transaction. The row contents (JSON
// text, hash, relations, owner names, UTF-8) are computed by the constructor, before any
// clock starts: the floor measures SQLite, which an import or a sync also pays, and nothing
// of Cairn's own work. One place, so bench_import and bench_sync compare to the same floor.
class ImportFloor
{
public:
    explicit ImportFloor(const QList<core::Entity> &entities);

    // RowByRow, as bench_import and bench_sync have always measured: every index takes each
    // row as it is inserted, and the run log is one statement per entity. Bulk, as the cache
    // writes a first run today: the secondary indexes of `entities` and `relations` dropped in
    // the transaction and built again before it commits (cache::BulkIndexes), and the run log
    // one statement over the sorted keys (cache/RunLog.cpp); the floor cairn_import_floor uses.
    enum class Method { RowByRow, Bulk };

    // Inserts every row into `db`, a fresh file made by cache::Cache::open (the same schema,
    // WAL and pragmas as the cache). Milliseconds, or -1 after a message on stderr.
    qint64 insertInto(sqlite3 *db, Method method = Method::RowByRow) const;

    qsizetype rowCount() const { return m_rows.size(); }

private:
    // One entity's rows as the applier writes them, already in UTF-8.
    struct Row
    {
        QByteArray key, ref, kind, ns, name, title, displayName, ownerKey, type, lifecycle, status, document,
            contentHash, uid, etag, matchName, matchTitle, lastUpdate;
        std::optional<int> slips;
        QByteArray ftsTitle, description, tags, ownerName;
        struct Relation
        {
            QByteArray type, target; // the source is the entity itself
        };
        QList<Relation> relations;
    };

    QList<Row> m_rows;
};

} // namespace cairn::bench
