// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/RunLog.h"

#include "cache/CatalogWriter.h"
#include "cache/Database.h"
#include "cache/SqlTry.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cairn::cache {

core::Status writeRunEntities(Database &db, qint64 runId, QStringView change, QStringList keys)
{
    if (keys.isEmpty())
        return {};
    // One statement for all the lines, given the keys as one JSON array: the table's CHECK
    // (change IN (...)) makes SQLite build a small lookup table on every execution, once a
    // run this way rather than once a line.
    keys.sort();
    CAIRN_TRY_ASSIGN(Statement insert,
        db.prepare(QStringLiteral("INSERT INTO sync_run_entities(run_id, entity_key, change) "
                                  "SELECT ?1, value, ?3 FROM json_each(?2)")));
    insert.bind(1, runId);
    insert.bindUtf8(2, QJsonDocument(QJsonArray::fromStringList(keys)).toJson(QJsonDocument::Compact));
    insert.bind(3, change);
    return insert.exec();
}

core::Status pruneRuns(Database &db)
{
    CAIRN_TRY_ASSIGN(Statement prune,
        db.prepare(QStringLiteral("DELETE FROM sync_runs WHERE id <= (SELECT id FROM sync_runs ORDER BY id DESC "
                                  "LIMIT 1 OFFSET ?1)")));
    prune.bind(1, CatalogWriter::RunsKept);
    return prune.exec();
}

} // namespace cairn::cache
