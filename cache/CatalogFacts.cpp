// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/CatalogFacts.h"

#include "cache/Database.h"
#include "cache/SqlTry.h"
#include "cache/Statement.h"

#include <QFuture>
#include <QScopeGuard>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>
#include <vector>

namespace cairn::cache {

namespace {

// Texts of rows as they are read, one after another in one buffer: made into QStrings off
// the reading thread.
class Texts
{
public:
    void reserve(qsizetype count, qsizetype bytesEach)
    {
        m_ends.reserve(size_t(count));
        m_bytes.reserve(count * bytesEach);
    }
    void add(QByteArrayView utf8)
    {
        m_bytes.append(utf8);
        m_ends.push_back(m_bytes.size());
    }
    QByteArrayView at(size_t i) const
    {
        const qsizetype start = i == 0 ? 0 : m_ends[i - 1];
        return QByteArrayView(m_bytes).sliced(start, m_ends[i] - start);
    }
    QString text(size_t i) const { return QString::fromUtf8(at(i)); }

private:
    QByteArray m_bytes;
    std::vector<qsizetype> m_ends;
};

// The live entities, in id order.
struct LiveRows
{
    std::vector<qint64> ids;
    Texts keys;
    Texts kinds;
    Texts lifecycles;
};

// The dependsOn and dependencyOf relations, by origin.
struct RelationRows
{
    std::vector<qint64> origins;
    Texts targets;
    std::vector<char> dependsOn; // else dependencyOf
};

// What a run of relations states, its origins' keys found by id among the live ones.
struct Stated
{
    QHash<QString, QStringList> dependsOn; // by origin, in the order read
    std::vector<std::pair<QString, QString>> dependencyOf; // origin, target
};

Stated statedIn(
    const RelationRows &rows, size_t begin, size_t end, const std::vector<qint64> &ids, const QStringList &keys)
{
    Stated stated;
    const auto keyOf = [&ids, &keys](qint64 id) -> const QString * {
        const auto it = std::lower_bound(ids.cbegin(), ids.cend(), id);
        return it != ids.cend() && *it == id ? &keys.at(it - ids.cbegin()) : nullptr;
    };
    // An origin's dependsOn come together: gathered and added to its list at once.
    qint64 lastOrigin = -1;
    const QString *origin = nullptr; // of lastOrigin; null when it is not live
    QStringList gathered;
    const auto addGathered = [&stated, &origin, &gathered] {
        if (origin && !gathered.isEmpty())
            stated.dependsOn[*origin].append(gathered);
        gathered.clear();
    };
    for (size_t i = begin; i < end; ++i) {
        if (const qint64 id = rows.origins[i]; id != lastOrigin) {
            addGathered();
            lastOrigin = id;
            origin = keyOf(id);
        }
        if (!origin)
            continue;
        if (rows.dependsOn[i])
            gathered.append(rows.targets.text(i));
        else
            stated.dependencyOf.emplace_back(*origin, rows.targets.text(i));
    }
    addGathered();
    return stated;
}

} // namespace

core::Status CatalogFacts::load(Database &db)
{
    // SQLite is read on this thread, and the rows are made into facts on the pool while it
    // reads on: the live entities' while it reads the relations, and the relations' in two
    // halves at once. At 100,000 entities this halves what a recompute waits before it
    // evaluates anything (bench/README.md, Health).
    CAIRN_TRY_ASSIGN(
        const qint64 entities, db.queryInt(QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL")));
    LiveRows live;
    live.ids.reserve(size_t(entities));
    live.keys.reserve(entities, 48);
    live.kinds.reserve(entities, 9);
    live.lifecycles.reserve(entities, 10);
    // A scan of the table: the partial indexes SQLite would pick instead cover none of these
    // columns, and read the rows out of order. In id order, which the scan is in (SQLite
    // sorts nothing for it) and the search by id needs.
    CAIRN_TRY_ASSIGN(Statement liveRows,
        db.prepare(QStringLiteral(
            "SELECT id, key, kind, coalesce(lifecycle, '') FROM entities NOT INDEXED WHERE removed_at IS NULL "
            "ORDER BY id")));
    CAIRN_TRY(forEachRow(liveRows, [&live](const Statement &row) {
        live.ids.push_back(row.int64(0));
        live.keys.add(row.utf8View(1));
        live.kinds.add(row.utf8View(2));
        live.lifecycles.add(row.utf8View(3));
    }));

    // Live entities' keys by id, in id order: a relation's origin is found by binary search,
    // without a hash of 100,000 entries.
    QStringList keys;
    QFuture<void> liveMade = QtConcurrent::run([this, &live, &keys] {
        keys.reserve(qsizetype(live.ids.size()));
        m_live.reserve(qsizetype(live.ids.size()));
        // Kinds and lifecycles are a handful of words: each is made once and shared.
        QHash<QByteArray, QString> words;
        const auto word = [&words](QByteArrayView utf8) {
            // Looked up in place, without a copy: only a word not met before is kept.
            auto it = words.constFind(QByteArray::fromRawData(utf8.data(), utf8.size()));
            if (it == words.constEnd())
                it = words.insert(utf8.toByteArray(), QString::fromUtf8(utf8));
            return *it;
        };
        for (size_t i = 0; i < live.ids.size(); ++i) {
            keys.append(live.keys.text(i));
            m_live.insert(keys.constLast(), Other { word(live.kinds.at(i)), word(live.lifecycles.at(i)) });
        }
    });
    const auto waitForLive = qScopeGuard([&liveMade] { liveMade.waitForFinished(); });

    // Either end may state a dependency: A dependsOn B, or B dependencyOf A. The relations
    // are read alone and their origin looked up in memory: joined in SQL, each relation's
    // origin is a random read of the entities table. They come by origin (the table's key
    // leads with it).
    RelationRows relations;
    CAIRN_TRY_ASSIGN(Statement relationRows,
        db.prepare(QStringLiteral("SELECT origin_id, target_key, type = 'dependsOn' FROM relations "
                                  "WHERE type IN ('dependsOn', 'dependencyOf')")));
    CAIRN_TRY(forEachRow(relationRows, [&relations](const Statement &row) {
        relations.origins.push_back(row.int64(0));
        relations.targets.add(row.utf8View(1));
        relations.dependsOn.push_back(row.int64(2) != 0 ? 1 : 0);
    }));
    liveMade.waitForFinished();

    // In two halves, split where an origin's relations end: one on the pool, one here.
    const size_t count = relations.origins.size();
    size_t half = count / 2;
    while (half > 0 && half < count && relations.origins[half] == relations.origins[half - 1])
        ++half;
    QFuture<Stated> firstHalf
        = QtConcurrent::run([&relations, &live, &keys, half] { return statedIn(relations, 0, half, live.ids, keys); });
    const auto waitForFirst = qScopeGuard([&firstHalf] { firstHalf.waitForFinished(); });
    Stated second = statedIn(relations, half, count, live.ids, keys);
    // Taken out of the future first: Qt waits forever on a future whose result was taken.
    Stated first = std::exchange(firstHalf, {}).takeResult();
    // Appended, not replaced: were an origin's relations not all together, each half
    // would hold some of them.
    m_deps = std::move(first.dependsOn);
    m_deps.reserve(m_deps.size() + second.dependsOn.size());
    for (auto it = second.dependsOn.begin(); it != second.dependsOn.end(); ++it)
        m_deps[it.key()].append(std::move(it.value()));
    for (const Stated *stated : { &first, &second }) {
        for (const auto &[origin, target] : stated->dependencyOf) {
            m_deps[target].append(origin);
            m_statedFor[origin].append(target);
        }
    }
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
