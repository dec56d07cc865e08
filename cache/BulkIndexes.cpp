// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/BulkIndexes.h"

#include "cache/Database.h"
#include "cache/SqlTry.h"
#include "cache/Statement.h"

#include <utility>

namespace cairn::cache {

core::Status BulkIndexes::dropIfEmpty(Database &db, const QString &table)
{
    CAIRN_TRY_ASSIGN(qint64 hasRows, db.queryInt(QStringLiteral("SELECT EXISTS(SELECT 1 FROM \"%1\")").arg(table)));
    if (hasRows != 0)
        return {};
    QList<std::pair<QString, QString>> indexes; // name, definition
    {
        // Read to the end before the DROPs, which SQLite refuses while a statement runs.
        // No SQL: a UNIQUE or PRIMARY KEY constraint's own index; UNIQUE ones are left
        // alone too, they check the rows as they come.
        CAIRN_TRY_ASSIGN(Statement definitions,
            db.prepare(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type='index' AND tbl_name=?1 "
                                      "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name")));
        definitions.bind(1, table);
        CAIRN_TRY(collectRows(definitions, indexes, [](const Statement &row) {
            return std::pair { row.text(0), row.text(1) };
        }));
    }
    for (const auto &[name, sql] : std::as_const(indexes)) {
        CAIRN_TRY(db.exec(QStringLiteral("DROP INDEX \"%1\"").arg(name)));
        m_dropped.append(sql);
    }
    return {};
}

core::Status BulkIndexes::rebuild(Database &db)
{
    while (!m_dropped.isEmpty()) {
        CAIRN_TRY(db.exec(m_dropped.constFirst()));
        m_dropped.removeFirst();
    }
    return {};
}

} // namespace cairn::cache
