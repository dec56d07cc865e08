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
    CAIRN_TRY_ASSIGN(
        const qint64 entities, db.queryInt(QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL")));
    QHash<qint64, QString> keyOfId; // live entities only
    keyOfId.reserve(entities);
    m_live.reserve(entities);
    // Kinds and lifecycles are a handful of words: each is made once and shared.
    QHash<QByteArray, QString> words;
    const auto word = [&words](QByteArrayView utf8) {
        // Looked up in place, without a copy: only a word not met before is kept.
        auto it = words.constFind(QByteArray::fromRawData(utf8.data(), utf8.size()));
        if (it == words.constEnd())
            it = words.insert(utf8.toByteArray(), QString::fromUtf8(utf8));
        return *it;
    };
    // A scan of the table: the partial indexes SQLite would pick instead cover none of these
    // columns, and read the rows out of order.
    CAIRN_TRY_ASSIGN(Statement live,
        db.prepare(QStringLiteral(
            "SELECT id, key, kind, coalesce(lifecycle, '') FROM entities NOT INDEXED WHERE removed_at IS NULL")));
    CAIRN_TRY(forEachRow(live, [this, &keyOfId, &word](const Statement &row) {
        const QString key = row.text(1);
        keyOfId.insert(row.int64(0), key);
        m_live.insert(key, Other { word(row.utf8View(2)), word(row.utf8View(3)) });
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
        else {
            const QString target = row.text(1);
            m_deps[target].append(*origin);
            m_statedFor[*origin].append(target);
        }
    }));
    for (QHash<QString, QStringList> *lists : { &m_deps, &m_statedFor }) {
        for (QStringList &list : *lists) {
            std::sort(list.begin(), list.end());
            list.erase(std::unique(list.begin(), list.end()), list.end());
        }
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
