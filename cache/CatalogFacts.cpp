// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/CatalogFacts.h"

#include "cache/Database.h"
#include "cache/SqlTry.h"
#include "cache/Statement.h"

#include <QFuture>
#include <QScopeGuard>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>
#include <vector>

namespace cairn::cache {

namespace {

// Rows handed to the pool at a time, to be made into facts while the writer reads on:
// enough that a handover costs nothing next to the making, few enough at 100,000
// entities that the last batch leaves little to wait for.
constexpr size_t RowsPerBatch = 8192;

// Texts of rows as they are read, one after another in one buffer: made into QStrings off
// the reading thread.
class Texts
{
public:
    void reserve(size_t count, qsizetype bytesEach)
    {
        m_ends.reserve(count);
        m_bytes.reserve(qsizetype(count) * bytesEach);
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

// A batch of live entities as read, in id order.
struct EntityRows
{
    std::vector<qint64> ids;
    Texts keys;
    Texts kinds;
    Texts lifecycles;
};

// The same made into facts.
struct Entities
{
    QStringList keys;
    std::vector<core::HealthFacts::Other> others;
    QStringList words; // what the others' kinds and lifecycles are lent from
};

Entities madeEntities(const EntityRows &rows)
{
    Entities out;
    out.keys.reserve(qsizetype(rows.ids.size()));
    out.others.reserve(rows.ids.size());
    // Kinds and lifecycles are a handful of words: each is made once a batch, and lent to
    // the entities without a count of references. The evaluation's threads copy them on
    // every look-up, and counting on one string from several threads at once costs more
    // than the look-up (bench/README.md, Health).
    QHash<QByteArray, QString> words;
    const auto word = [&words](QByteArrayView utf8) {
        // Looked up in place, without a copy: only a word not met before is kept.
        auto it = words.constFind(QByteArray::fromRawData(utf8.data(), utf8.size()));
        if (it == words.constEnd())
            it = words.insert(utf8.toByteArray(), QString::fromUtf8(utf8));
        return QString::fromRawData(it->constData(), it->size());
    };
    for (size_t i = 0; i < rows.ids.size(); ++i) {
        out.keys.append(rows.keys.text(i));
        out.others.push_back(core::HealthFacts::Other { word(rows.kinds.at(i)), word(rows.lifecycles.at(i)) });
    }
    out.words = words.values();
    return out;
}

// A batch of dependsOn and dependencyOf relations as read, by origin.
struct RelationRows
{
    std::vector<qint64> origins;
    Texts targets;
    std::vector<char> dependsOn; // else dependencyOf
};

// The same with their targets made into QStrings and their origins found among the live
// entities (by binary search of their ids, in id order): an index into those, -1 for
// an origin that is not live.
struct Relations
{
    std::vector<qsizetype> origins;
    QStringList targets;
    std::vector<char> dependsOn;
};

Relations madeRelations(RelationRows rows, const std::vector<qint64> &ids)
{
    Relations out { {}, {}, std::move(rows.dependsOn) };
    out.origins.reserve(rows.origins.size());
    out.targets.reserve(qsizetype(rows.origins.size()));
    for (size_t i = 0; i < rows.origins.size(); ++i) {
        const auto it = std::lower_bound(ids.cbegin(), ids.cend(), rows.origins[i]);
        out.origins.push_back(it != ids.cend() && *it == rows.origins[i] ? it - ids.cbegin() : -1);
        out.targets.append(rows.targets.text(i));
    }
    return out;
}

void sortUnique(QStringList &list)
{
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
}

// Into `byOrigin`, the dependsOn targets of the origins from `from` up to `to` (indexes of
// live entities), moved out of the batches, each list sorted.
void gather(std::vector<Relations> &batches, std::vector<QStringList> &byOrigin, qsizetype from, qsizetype to)
{
    for (Relations &batch : batches) {
        for (size_t i = 0; i < batch.origins.size(); ++i) {
            const qsizetype at = batch.origins[i];
            if (batch.dependsOn[i] && at >= from && at < to)
                byOrigin[size_t(at)].append(std::move(batch.targets[qsizetype(i)]));
        }
    }
    for (qsizetype at = from; at < to; ++at)
        sortUnique(byOrigin[size_t(at)]);
}

// Runs `make` on the pool for each batch a scan of `query` fills with `add`, while it reads
// on; appends the futures to `batches`, in the order read.
template<typename Rows, typename Made, typename Add, typename Make>
core::Status readInBatches(Statement &query, Add add, Make make, QList<QFuture<Made>> &batches)
{
    Rows rows;
    size_t count = 0;
    const auto handOver = [&] {
        batches.append(
            QtConcurrent::run([make, batch = std::exchange(rows, {})]() mutable { return make(std::move(batch)); }));
        count = 0;
    };
    CAIRN_TRY(forEachRow(query, [&](const Statement &row) {
        add(rows, row);
        if (++count == RowsPerBatch)
            handOver();
    }));
    if (count > 0)
        handOver();
    return {};
}

// Each future's result, in order; every one waited for whatever comes of the others.
template<typename T> std::vector<T> takeAll(QList<QFuture<T>> &futures)
{
    std::vector<T> all;
    all.reserve(size_t(futures.size()));
    // Taken out of the future first: Qt waits forever on a future whose result was taken.
    for (QFuture<T> &f : futures)
        all.push_back(std::exchange(f, {}).takeResult());
    return all;
}

} // namespace

core::Status CatalogFacts::load(Database &db)
{
    // SQLite is read on this thread, and the rows are made into facts on the pool while it
    // reads on, a batch at a time: at 100,000 entities the pool's share then costs the
    // recompute only what is left when the last row is read (bench/README.md, Health).
    //
    // A scan of the table: the partial indexes SQLite would pick instead cover none of these
    // columns, and read the rows out of order. In id order, which the scan is in (SQLite
    // sorts nothing for it) and the search by id needs.
    CAIRN_TRY_ASSIGN(Statement liveRows,
        db.prepare(QStringLiteral(
            "SELECT id, key, kind, coalesce(lifecycle, '') FROM entities NOT INDEXED WHERE removed_at IS NULL "
            "ORDER BY id")));
    std::vector<qint64> ids; // of the live entities, in id order
    QList<QFuture<Entities>> entityBatches;
    const auto waitForEntities = qScopeGuard([&entityBatches] {
        for (QFuture<Entities> &f : entityBatches)
            f.waitForFinished();
    });
    const auto addEntity = [&ids](EntityRows &rows, const Statement &row) {
        if (rows.ids.empty()) {
            rows.ids.reserve(RowsPerBatch);
            rows.keys.reserve(RowsPerBatch, 48);
            rows.kinds.reserve(RowsPerBatch, 9);
            rows.lifecycles.reserve(RowsPerBatch, 10);
        }
        ids.push_back(row.int64(0));
        rows.ids.push_back(ids.back());
        rows.keys.add(row.utf8View(1));
        rows.kinds.add(row.utf8View(2));
        rows.lifecycles.add(row.utf8View(3));
    };
    CAIRN_TRY(readInBatches<EntityRows>(liveRows, addEntity, &madeEntities, entityBatches));

    // Keys by id, in id order: a relation's origin is found by binary search, without a
    // hash of 100,000 entries. The hash of live entities is made while the relations are read.
    QStringList keys;
    QFuture<void> liveMade = QtConcurrent::run([this, &entityBatches, &keys, count = ids.size()] {
        keys.reserve(qsizetype(count));
        m_live.reserve(qsizetype(count));
        for (Entities &batch : takeAll(entityBatches)) {
            for (qsizetype i = 0; i < batch.keys.size(); ++i)
                m_live.emplace(batch.keys.at(i), std::move(batch.others[size_t(i)]));
            keys.append(std::move(batch.keys));
            m_words.append(std::move(batch.words));
        }
    });
    const auto waitForLive = qScopeGuard([&liveMade] { liveMade.waitForFinished(); });

    // Either end may state a dependency: A dependsOn B, or B dependencyOf A. The relations
    // are read alone and their origin looked up in memory: joined in SQL, each relation's
    // origin is a random read of the entities table. SQLite reads them from an index by
    // target, so an origin's relations come apart: they are gathered by origin below.
    CAIRN_TRY_ASSIGN(Statement relationRows,
        db.prepare(QStringLiteral("SELECT origin_id, target_key, type = 'dependsOn' FROM relations "
                                  "WHERE type IN ('dependsOn', 'dependencyOf')")));
    const auto addRelation = [](RelationRows &rows, const Statement &row) {
        if (rows.origins.empty()) {
            rows.origins.reserve(RowsPerBatch);
            rows.targets.reserve(RowsPerBatch, 32);
            rows.dependsOn.reserve(RowsPerBatch);
        }
        rows.origins.push_back(row.int64(0));
        rows.targets.add(row.utf8View(1));
        rows.dependsOn.push_back(row.int64(2) != 0 ? 1 : 0);
    };
    QList<QFuture<Relations>> relationBatches;
    const auto waitForRelations = qScopeGuard([&relationBatches] {
        for (QFuture<Relations> &f : relationBatches)
            f.waitForFinished();
    });
    const auto makeRelations = [&ids](RelationRows rows) { return madeRelations(std::move(rows), ids); };
    CAIRN_TRY(readInBatches<RelationRows>(relationRows, addRelation, makeRelations, relationBatches));
    std::vector<Relations> relations = takeAll(relationBatches);
    liveMade.waitForFinished();

    // Each live entity's dependencies, by its index: half of them gathered on the pool, half
    // here, then put in the hash in one go.
    std::vector<QStringList> byOrigin(ids.size());
    const auto half = qsizetype(ids.size() / 2);
    QFuture<void> firstHalf
        = QtConcurrent::run([&relations, &byOrigin, half] { gather(relations, byOrigin, 0, half); });
    const auto waitForFirst = qScopeGuard([&firstHalf] { firstHalf.waitForFinished(); });
    gather(relations, byOrigin, half, qsizetype(ids.size()));
    firstHalf.waitForFinished();
    m_deps.reserve(qsizetype(
        std::count_if(byOrigin.cbegin(), byOrigin.cend(), [](const QStringList &list) { return !list.isEmpty(); })));
    for (size_t at = 0; at < byOrigin.size(); ++at)
        if (!byOrigin[at].isEmpty())
            m_deps.emplace(keys.at(qsizetype(at)), std::move(byOrigin[at]));
    // B dependencyOf A is A's dependency too: such lists are sorted again.
    QSet<QString> unsorted;
    for (const Relations &batch : relations) {
        for (size_t i = 0; i < batch.origins.size(); ++i) {
            if (batch.dependsOn[i] || batch.origins[i] < 0)
                continue;
            const QString &origin = keys.at(batch.origins[i]);
            const QString &target = batch.targets.at(qsizetype(i));
            m_deps[target].append(origin);
            unsorted.insert(target);
            m_statedFor[origin].append(target);
        }
    }
    for (const QString &key : std::as_const(unsorted))
        sortUnique(m_deps[key]);
    for (QStringList &list : m_statedFor)
        sortUnique(list);
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
