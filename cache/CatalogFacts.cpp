// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/CatalogFacts.h"

#include "cache/Database.h"
#include "cache/SqlTry.h"
#include "cache/Statement.h"
#include "core/Entity.h"

#include <algorithm>

namespace cairn::cache {

core::Status CatalogFacts::load(Database &db)
{
    QHash<qint64, QString> keyOfId; // live entities only
    CAIRN_TRY_ASSIGN(Statement live,
        db.prepare(
            QStringLiteral("SELECT id, key, kind, coalesce(lifecycle, '') FROM entities WHERE removed_at IS NULL")));
    CAIRN_TRY(forEachRow(live, [this, &keyOfId](const Statement &row) {
        const QString key = row.text(1);
        keyOfId.insert(row.int64(0), key);
        m_live.insert(key, Other { row.text(2), row.text(3) });
    }));
    // Either end may state a dependency: A dependsOn B, or B dependencyOf A. The relations
    // are read alone and their origin looked up in memory: joined in SQL, each relation's
    // origin is a random read of the entities table.
    CAIRN_TRY_ASSIGN(Statement deps,
        db.prepare(QStringLiteral("SELECT origin_id, target_key, type = 'dependsOn' FROM relations "
                                  "WHERE type IN ('dependsOn', 'dependencyOf')")));
    CAIRN_TRY(forEachRow(deps, [this, &keyOfId](const Statement &row) {
        const auto origin = keyOfId.constFind(row.int64(0));
        if (origin == keyOfId.constEnd())
            return;
        if (row.int64(2) != 0)
            m_deps[*origin].append(row.text(1));
        else
            m_deps[row.text(1)].append(*origin);
    }));
    for (QStringList &list : m_deps) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    return {};
}

std::optional<core::HealthFacts::Other> CatalogFacts::live(const QString &key) const
{
    const auto it = m_live.constFind(key);
    return it == m_live.constEnd() ? std::nullopt : std::optional(*it);
}

QStringList CatalogFacts::dependencies(const core::Entity &entity) const
{
    return m_deps.value(entity.ref().key());
}

} // namespace cairn::cache
