// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/CatalogFacts.h"

#include "cache/Database.h"
#include "cache/SqlTry.h"
#include "cache/Statement.h"

#include <algorithm>
#include <vector>

namespace cairn::cache {

core::Status CatalogFacts::load(Database &db)
{
    CAIRN_TRY_ASSIGN(
        const qint64 entities, db.queryInt(QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL")));
    // Live entities' keys by id, in id order: a relation's origin is found by binary search,
    // without a hash of 100,000 entries.
    std::vector<qint64> ids;
    QStringList keys;
    ids.reserve(size_t(entities));
    keys.reserve(entities);
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
    // columns, and read the rows out of order. In id order, which the scan is in (SQLite
    // sorts nothing for it) and the search below needs.
    CAIRN_TRY_ASSIGN(Statement live,
        db.prepare(QStringLiteral(
            "SELECT id, key, kind, coalesce(lifecycle, '') FROM entities NOT INDEXED WHERE removed_at IS NULL "
            "ORDER BY id")));
    CAIRN_TRY(forEachRow(live, [&](const Statement &row) {
        ids.push_back(row.int64(0));
        keys.append(row.text(1));
        m_live.insert(keys.constLast(), Other { word(row.utf8View(2)), word(row.utf8View(3)) });
    }));
    const auto keyOf = [&ids, &keys](qint64 id) -> const QString * {
        const auto it = std::lower_bound(ids.cbegin(), ids.cend(), id);
        return it != ids.cend() && *it == id ? &keys.at(it - ids.cbegin()) : nullptr;
    };
    // Either end may state a dependency: A dependsOn B, or B dependencyOf A. The relations
    // are read alone and their origin looked up in memory: joined in SQL, each relation's
    // origin is a random read of the entities table. They come by origin (the table's key
    // leads with it), so an origin's dependsOn are gathered and added to its list at once;
    // in another order, fewer would be at once, and the lists are sorted all the same.
    CAIRN_TRY_ASSIGN(Statement deps,
        db.prepare(QStringLiteral("SELECT origin_id, target_key, type = 'dependsOn' FROM relations "
                                  "WHERE type IN ('dependsOn', 'dependencyOf')")));
    qint64 lastOrigin = -1;
    const QString *origin = nullptr; // of lastOrigin; null when it is not live
    QStringList gathered; // its dependsOn so far
    const auto addGathered = [this, &origin, &gathered] {
        if (origin && !gathered.isEmpty())
            m_deps[*origin].append(gathered);
        gathered.clear();
    };
    CAIRN_TRY(forEachRow(deps, [&](const Statement &row) {
        if (const qint64 id = row.int64(0); id != lastOrigin) {
            addGathered();
            lastOrigin = id;
            origin = keyOf(id);
        }
        if (!origin)
            return;
        if (row.int64(2) != 0)
            gathered.append(row.text(1));
        else {
            const QString target = row.text(1);
            m_deps[target].append(*origin);
            m_statedFor[*origin].append(target);
        }
    }));
    addGathered();
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

QStringList CatalogFacts::dependencies(const core::HealthSubject &entity) const
{
    return m_deps.value(entity.ref().key());
}

} // namespace cairn::cache
