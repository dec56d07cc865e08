// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>

namespace cairn::cache {

class Database;

// The secondary indexes of a table that a write transaction is about to fill from empty,
// taken down for the write and built again, in one sorted pass each, before it commits.
// Inserting rows in random key order into an index costs a B-tree descent and a dirty
// page per row; building the index afterwards sorts once. Relations arrive in no order
// useful to their index by target, which made it the costliest thing a first sync wrote.
//
// Only inside an open write transaction: the drop and the rebuild are part of it, so a
// rollback (an error, a cancel, a held run, a crash) brings the index back with
// everything else, and other connections go on reading their snapshot, index included.
class BulkIndexes
{
public:
    // Drops the secondary indexes of `table` (not those behind UNIQUE or PRIMARY KEY) when
    // it has no rows; otherwise does nothing. The definitions are read from the schema,
    // so an index a later migration changes is rebuilt as defined then. While they are
    // down, queries on the table scan: only what this transaction wrote.
    core::Status dropIfEmpty(Database &db, const QString &table);
    // Builds the dropped indexes again; call before the commit. Nothing to do when none
    // was dropped.
    core::Status rebuild(Database &db);
    // After a rollback: the indexes are back, nothing is left to rebuild.
    void forget() { m_dropped.clear(); }
    bool pending() const { return !m_dropped.isEmpty(); }

private:
    QStringList m_dropped; // their CREATE INDEX statements
};

} // namespace cairn::cache
