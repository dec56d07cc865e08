// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/HealthStore.h"

#include "cache/CacheLog.h"
#include "cache/CatalogFacts.h"
#include "cache/Database.h"
#include "cache/HealthDocument.h"
#include "cache/HealthEvaluation.h"
#include "cache/HealthRecompute.h"
#include "cache/RiskGraph.h"
#include "cache/SqlTry.h"
#include "cache/Statement.h"
#include "core/DependencyRisk.h"
#include "core/Entity.h"
#include "core/JsonText.h"
#include "core/ScorecardEvaluator.h"
#include "core/ScorecardJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QQueue>
#include <QSet>

#include <algorithm>
#include <optional>

namespace cairn::cache {

namespace {

const QString FingerprintKey = QStringLiteral("fingerprint");
const QString TodayKey = QStringLiteral("today");

// How far the risk of a changed entity is followed up its dependents: a hub's change must
// not make one write walk an unbounded part of the catalog.
constexpr int MaxDependentsFollowed = 20000;

// From how many changed entities a write recomputes everything: one pass over the catalog
// (HealthStore::recomputeAll) is cheaper than that many lookups one by one.
constexpr qsizetype WholeCatalogFrom = 5000;

// The statements that write one entity's health.
class HealthRows
{
public:
    static core::Result<HealthRows> prepare(Database &db)
    {
        HealthRows rows;
        CAIRN_TRY_ASSIGN(rows.m_insert, health::prepareInsert(db));
        CAIRN_TRY_ASSIGN(rows.m_read,
            db.prepare(QStringLiteral(
                "INSERT OR IGNORE INTO health_reads(target_key, entity_id, seen) VALUES(:key, :id, :seen)")));
        CAIRN_TRY_ASSIGN(rows.m_worst,
            db.prepare(QStringLiteral("UPDATE entities SET health_score=:score, health_band=:band WHERE id=:id")));
        CAIRN_TRY_ASSIGN(rows.m_dropHealth, db.prepare(QStringLiteral("DELETE FROM health WHERE entity_id=:id")));
        CAIRN_TRY_ASSIGN(rows.m_dropReads, db.prepare(QStringLiteral("DELETE FROM health_reads WHERE entity_id=:id")));
        return rows;
    }

    // The entity's rows go; its worst score stays until write() or clearWorst() sets it
    // (one update of the entity's row instead of two).
    core::Status drop(qint64 id)
    {
        for (Statement *s : { &m_dropHealth, &m_dropReads }) {
            s->reset();
            s->bind(":id", id);
            CAIRN_TRY(s->exec());
        }
        return {};
    }

    core::Status clearWorst(qint64 id) { return setWorst(id, nullptr); }

    core::Status write(qint64 id, const QList<core::ScorecardResult> &results, const QStringList &reads,
        const core::HealthFacts &facts)
    {
        const core::ScorecardResult *worst = nullptr;
        for (const core::ScorecardResult &r : results) {
            CAIRN_TRY(health::insert(m_insert, id, health::StoredRow::of(r)));
            if (!worst || r.score < worst->score)
                worst = &r;
        }
        for (const QString &key : reads) {
            m_read.reset();
            m_read.bind(":key", key);
            m_read.bind(":id", id);
            m_read.bind(":seen", health::seenText(facts.live(key)));
            CAIRN_TRY(m_read.exec());
        }
        return setWorst(id, worst);
    }

private:
    core::Status setWorst(qint64 id, const core::ScorecardResult *worst)
    {
        m_worst.reset();
        m_worst.bind(":id", id);
        if (worst) {
            m_worst.bind(":score", worst->score);
            m_worst.bind(":band", core::ScorecardEvaluator::bandId(worst->band));
        } else {
            m_worst.bindNull(m_worst.parameterIndex(":score"));
            m_worst.bindNull(m_worst.parameterIndex(":band"));
        }
        return m_worst.exec();
    }

    Statement m_insert;
    Statement m_read;
    Statement m_worst;
    Statement m_dropHealth;
    Statement m_dropReads;
};

// health_dependencies: the dependency graph the stored risk paths were computed on, an
// entity's row at a time.
class StoredGraph
{
public:
    static core::Result<StoredGraph> prepare(Database &db)
    {
        StoredGraph graph;
        CAIRN_TRY_ASSIGN(graph.m_row,
            db.prepare(
                QStringLiteral("SELECT dependencies, stated_for FROM health_dependencies WHERE entity_key=:key")));
        CAIRN_TRY_ASSIGN(
            graph.m_drop, db.prepare(QStringLiteral("DELETE FROM health_dependencies WHERE entity_key=:key")));
        CAIRN_TRY_ASSIGN(graph.m_write, health::prepareGraphWrite(db));
        return graph;
    }

    core::Result<health::GraphRow> rowOf(const QString &key)
    {
        m_row.reset();
        m_row.bind(":key", key);
        CAIRN_TRY_ASSIGN(const Statement::Step step, m_row.step());
        return step == Statement::Step::Row ? health::graphRowFrom(m_row.utf8(0), m_row.utf8(1)) : health::GraphRow();
    }

    core::Status replace(const QString &key, const health::GraphRow &row)
    {
        if (!row.isEmpty())
            return health::writeGraphRow(m_write, key, health::GraphRowText::of(row));
        m_drop.reset();
        m_drop.bind(":key", key);
        return m_drop.exec();
    }

private:
    Statement m_row;
    Statement m_drop;
    Statement m_write;
};

QString pathText(const QStringList &path)
{
    return path.isEmpty() ? QString() : core::JsonText::stringArray(path);
}

} // namespace

// Facts read from the cache as they are needed, for an update of a few entities.
class HealthStore::Facts : public core::HealthFacts
{
public:
    core::Status prepare(Database &db)
    {
        CAIRN_TRY_ASSIGN(m_live,
            db.prepare(QStringLiteral(
                "SELECT kind, coalesce(lifecycle, '') FROM entities WHERE key=:key AND removed_at IS NULL")));
        CAIRN_TRY_ASSIGN(m_deps,
            db.prepare(QStringLiteral(
                "SELECT r.target_key FROM relations r JOIN entities o ON o.id = r.origin_id "
                "WHERE o.key=:key AND r.type = 'dependsOn' AND o.removed_at IS NULL "
                "UNION SELECT o.key FROM relations r JOIN entities o ON o.id = r.origin_id "
                "WHERE r.target_key=:key AND r.type = 'dependencyOf' AND o.removed_at IS NULL ORDER BY 1")));
        CAIRN_TRY_ASSIGN(m_dependents,
            db.prepare(
                QStringLiteral("SELECT o.key FROM relations r JOIN entities o ON o.id = r.origin_id "
                               "WHERE r.target_key=:key AND r.type = 'dependsOn' AND o.removed_at IS NULL "
                               "UNION SELECT r.target_key FROM relations r JOIN entities o ON o.id = r.origin_id "
                               "WHERE o.key=:key AND r.type = 'dependencyOf' AND o.removed_at IS NULL ORDER BY 1")));
        CAIRN_TRY_ASSIGN(m_statedFor,
            db.prepare(QStringLiteral("SELECT DISTINCT r.target_key FROM relations r JOIN entities o ON o.id = "
                                      "r.origin_id WHERE o.key=:key AND r.type = 'dependencyOf' AND o.removed_at IS "
                                      "NULL ORDER BY 1")));
        CAIRN_TRY_ASSIGN(m_failing,
            db.prepare(QStringLiteral("SELECT h.band = 'failing' FROM health h JOIN entities e ON e.id = h.entity_id "
                                      "WHERE e.key=:key AND h.scorecard=:scorecard AND e.removed_at IS NULL")));
        return {};
    }

    std::optional<Other> live(const QString &key) const override
    {
        if (const auto it = m_liveSeen.constFind(key); it != m_liveSeen.constEnd())
            return *it;
        m_live.reset();
        m_live.bind(":key", key);
        core::Result<Statement::Step> step = m_live.step();
        std::optional<Other> other;
        if (step && *step == Statement::Step::Row)
            other = Other { m_live.text(0), m_live.text(1) };
        else
            remember(step);
        m_liveSeen.insert(key, other);
        return other;
    }

    QStringList dependencies(const core::HealthSubject &entity) const override
    {
        return dependenciesOf(entity.ref().key());
    }

    QStringList dependenciesOf(const QString &key) const { return remembered(m_deps, m_depsSeen, key); }
    QStringList dependentsOf(const QString &key) const { return remembered(m_dependents, m_dependentsSeen, key); }
    QStringList statedForOf(const QString &key) const { return remembered(m_statedFor, m_statedForSeen, key); }
    // As health_dependencies keeps it.
    health::GraphRow graphRowOf(const QString &key) const
    {
        return health::GraphRow::of(dependenciesOf(key), statedForOf(key), *this);
    }

    bool failing(const QString &key, const QString &scorecard) const
    {
        const QString memo = scorecard + u'\n' + key;
        if (const auto it = m_failingSeen.constFind(memo); it != m_failingSeen.constEnd())
            return *it;
        m_failing.reset();
        m_failing.bind(":key", key);
        m_failing.bind(":scorecard", scorecard);
        core::Result<Statement::Step> step = m_failing.step();
        remember(step);
        const bool failing = step && *step == Statement::Step::Row && m_failing.int64(0) != 0;
        m_failingSeen.insert(memo, failing);
        return failing;
    }

    // The first read that failed: the interface answers plain values, so a failure is kept
    // here and the update as a whole fails with it.
    const std::optional<core::Error> &error() const { return m_error; }

private:
    // A graph walk asks for the same keys again and again: each is read once.
    QStringList remembered(Statement &q, QHash<QString, QStringList> &seen, const QString &key) const
    {
        if (const auto it = seen.constFind(key); it != seen.constEnd())
            return *it;
        QStringList keys = column(q, key);
        seen.insert(key, keys);
        return keys;
    }

    QStringList column(Statement &q, const QString &key) const
    {
        q.reset();
        q.bind(":key", key);
        QStringList keys;
        remember(forEachRow(q, [&keys](const Statement &row) { keys.append(row.text(0)); }));
        return keys;
    }

    template<typename R> void remember(const R &result) const
    {
        if (!result && !m_error)
            m_error = result.error();
    }

    mutable Statement m_live;
    mutable Statement m_deps;
    mutable Statement m_dependents;
    mutable Statement m_statedFor;
    mutable Statement m_failing;
    mutable QHash<QString, std::optional<Other>> m_liveSeen;
    mutable QHash<QString, QStringList> m_depsSeen;
    mutable QHash<QString, QStringList> m_dependentsSeen;
    mutable QHash<QString, QStringList> m_statedForSeen;
    mutable QHash<QString, bool> m_failingSeen;
    mutable std::optional<core::Error> m_error;
};

HealthStore::HealthStore(Database &db, const HealthPolicy &policy)
    : m_db(db)
    , m_policy(policy)
    , m_today(policy.today())
{ }

core::Status HealthStore::afterWrite(Database &db, const QStringList &changedKeys)
{
    const std::shared_ptr<const HealthPolicy> policy = HealthPolicy::installed();
    if (!policy)
        return db.exec(QStringLiteral("DELETE FROM health_state"));
    HealthStore store(db, *policy);
    CAIRN_TRY_ASSIGN(const bool current, store.isCurrent());
    return current && changedKeys.size() < WholeCatalogFrom ? store.update(changedKeys) : store.recomputeAll();
}

core::Status HealthStore::ensureCurrent(Database &db)
{
    const std::shared_ptr<const HealthPolicy> policy = HealthPolicy::installed();
    if (!policy)
        return {};
    HealthStore store(db, *policy);
    CAIRN_TRY_ASSIGN(const bool current, store.isCurrent());
    return current ? core::Status() : store.recomputeAll();
}

core::Result<bool> HealthStore::isCurrent()
{
    CAIRN_TRY_ASSIGN(Statement q, m_db.prepare(QStringLiteral("SELECT key, value FROM health_state")));
    QHash<QString, QString> state;
    CAIRN_TRY(forEachRow(q, [&state](const Statement &row) { state.insert(row.text(0), row.text(1)); }));
    return state.value(FingerprintKey) == m_policy.fingerprint()
        && state.value(TodayKey) == m_today.toString(Qt::ISODate);
}

core::Status HealthStore::writeState()
{
    CAIRN_TRY(m_db.exec(QStringLiteral("DELETE FROM health_state")));
    CAIRN_TRY_ASSIGN(
        Statement put, m_db.prepare(QStringLiteral("INSERT INTO health_state(key, value) VALUES(:k, :v)")));
    for (const auto &[key, value] : { std::pair { FingerprintKey, m_policy.fingerprint() },
             std::pair { TodayKey, m_today.toString(Qt::ISODate) } }) {
        put.reset();
        put.bind(":k", key);
        put.bind(":v", value);
        CAIRN_TRY(put.exec());
    }
    return {};
}

core::Status HealthStore::writeScorecards()
{
    CAIRN_TRY(m_db.exec(QStringLiteral("DELETE FROM health_scorecards")));
    CAIRN_TRY_ASSIGN(Statement put,
        m_db.prepare(QStringLiteral("INSERT INTO health_scorecards(id, name, position, origin, definition) "
                                    "VALUES(:id, :name, :position, :origin, :definition)")));
    int position = 0;
    for (const core::Scorecard &s : m_policy.scorecards) {
        put.reset();
        put.bind(":id", s.id);
        put.bind(":name", s.name);
        put.bind(":position", position++);
        put.bind(":origin", s.origin);
        put.bind(":definition",
            QString::fromUtf8(QJsonDocument(core::ScorecardJson::toJson(s)).toJson(QJsonDocument::Compact)));
        CAIRN_TRY(put.exec());
    }
    return {};
}

core::Status HealthStore::recomputeAll()
{
    CAIRN_TRY(writeScorecards());
    CAIRN_TRY(HealthRecompute(m_db, m_policy, m_today).run());
    return writeState();
}

core::Status HealthStore::update(const QStringList &changedKeys)
{
    if (changedKeys.isEmpty())
        return {};
    Facts facts;
    CAIRN_TRY(facts.prepare(m_db));
    CAIRN_TRY_ASSIGN(HealthRows rows, HealthRows::prepare(m_db));
    // What is stored: evidence without its facts' names.
    const core::ScorecardEvaluator evaluator(m_today, core::ScorecardEvaluator::FactNames::Unnamed);

    // The dependencies this write changed. Only what it wrote can state them: a changed
    // entity's own (dependsOn), and those it states for others (dependencyOf), found by
    // comparing what it states for others now with what it stated. Each entity whose
    // dependencies differ from the stored graph is a place where risk may change.
    CAIRN_TRY_ASSIGN(StoredGraph graph, StoredGraph::prepare(m_db));
    QHash<QString, health::GraphRow> graphBefore; // the rows as they were before this update
    const auto storedRow = [&graph, &graphBefore](const QString &key) -> core::Result<health::GraphRow> {
        if (const auto it = graphBefore.constFind(key); it != graphBefore.constEnd())
            return *it;
        CAIRN_TRY_ASSIGN(health::GraphRow row, graph.rowOf(key));
        graphBefore.insert(key, row);
        return row;
    };
    QSet<QString> restated(changedKeys.cbegin(), changedKeys.cend());
    QSet<QString> seenDifferently; // depend on a changed entity that is seen differently now
    for (const QString &key : changedKeys) {
        CAIRN_TRY_ASSIGN(const health::GraphRow was, storedRow(key));
        const QStringList now = facts.statedForOf(key);
        for (const QString &k : was.statedFor)
            if (!now.contains(k))
                restated.insert(k);
        for (const QString &k : now)
            if (!was.statedFor.contains(k))
                restated.insert(k);
        // Those that depend on it read it, and their rows say what they saw of it: alike in
        // every row that lists it, so the first one tells whether it is seen differently now.
        const QStringList dependents = facts.dependentsOf(key);
        const QString seenNow = health::seenText(facts.live(key));
        for (const QString &k : dependents) {
            CAIRN_TRY_ASSIGN(const health::GraphRow row, storedRow(k));
            if (const qsizetype at = row.dependencies.indexOf(key); at >= 0) {
                if (row.seen.value(at) != seenNow)
                    seenDifferently.unite(QSet<QString>(dependents.cbegin(), dependents.cend()));
                break;
            }
        }
    }
    // Rewired: its dependencies changed. Re-read: it depends on what it did, but saw one of
    // them differently (a kind, a lifecycle, being live), so its health is judged again.
    // An entity restated for that alone has the dependencies it had (only its own write
    // or another's dependencyOf changes them): only what it sees of them is read again.
    QSet<QString> rewired;
    QSet<QString> reread;
    for (const QString &key : seenDifferently + restated) {
        CAIRN_TRY_ASSIGN(const health::GraphRow was, storedRow(key));
        const health::GraphRow now = restated.contains(key)
            ? facts.graphRowOf(key)
            : health::GraphRow::of(was.dependencies, was.statedFor, facts);
        if (was == now)
            continue;
        if (was.dependencies != now.dependencies)
            rewired.insert(key);
        else if (was.seen != now.seen)
            reread.insert(key);
        CAIRN_TRY(graph.replace(key, now));
    }
    if (facts.error())
        return *facts.error();

    // The entities to evaluate again: the changed ones, those whose dependencies changed
    // (a dependencyOf stated by another) or were seen differently, and every other entity
    // that read a changed one and saw something that is no longer so (health_reads.seen:
    // its kind, lifecycle, or being live).
    QSet<QString> affected(changedKeys.cbegin(), changedKeys.cend());
    affected.unite(rewired);
    affected.unite(reread);
    {
        CAIRN_TRY_ASSIGN(Statement readers,
            m_db.prepare(QStringLiteral("SELECT e.key, h.seen FROM health_reads h JOIN entities e ON e.id = "
                                        "h.entity_id WHERE h.target_key=:key")));
        for (const QString &key : changedKeys) {
            const QString now = health::seenText(facts.live(key));
            readers.reset();
            readers.bind(":key", key);
            CAIRN_TRY(forEachRow(readers, [&affected, &now](const Statement &row) {
                if (row.text(1) != now)
                    affected.insert(row.text(0));
            }));
        }
        if (facts.error())
            return *facts.error();
    }

    // An entity with its stored health rows, one row per scorecard (one row of NULLs when
    // it has none).
    CAIRN_TRY_ASSIGN(Statement find,
        m_db.prepare(QStringLiteral("SELECT e.id, e.document, e.removed_at IS NULL, h.scorecard, h.band = 'failing', "
                                    "coalesce(h.risk_path, '') FROM entities e LEFT JOIN health h ON h.entity_id = "
                                    "e.id WHERE e.key=:key")));
    // What the affected entities were (their stored rows are replaced below) and are now,
    // per scorecard: a failing verdict that changes, like a dependency that changes, is
    // where the risk of other entities can change.
    struct Verdict
    {
        bool failing = false;
        QString path; // as stored: compact JSON, empty for none
    };
    struct Evaluated
    {
        qint64 id = 0;
        QHash<QString, Verdict> before; // by scorecard
        QHash<QString, bool> failingNow; // by scorecard that applies now
    };
    QHash<QString, Evaluated> evaluated;
    const QSet<QString> changedSet(changedKeys.cbegin(), changedKeys.cend());
    bool someGone = false;
    for (const QString &key : std::as_const(affected)) {
        find.reset();
        find.bind(":key", key);
        CAIRN_TRY_ASSIGN(Statement::Step step, find.step());
        if (step == Statement::Step::Done) {
            // Purged (its rows are found by their missing entity below), or a key no entity
            // has that another's dependencyOf names.
            someGone = someGone || changedSet.contains(key);
            continue;
        }
        Evaluated &e = evaluated[key];
        e.id = find.int64(0);
        const bool live = find.int64(2) != 0;
        const core::HealthSubject entity
            = live ? health::subjectFrom(find.utf8(1, health::kDocumentRoom)) : core::HealthSubject();
        while (step == Statement::Step::Row) {
            if (!find.isNull(3))
                e.before.insert(find.text(3), Verdict { find.int64(4) != 0, find.text(5) });
            CAIRN_TRY_ASSIGN(step, find.step());
        }
        CAIRN_TRY(rows.drop(e.id));
        if (!live) {
            CAIRN_TRY(rows.clearWorst(e.id));
            continue;
        }
        QStringList reads;
        const QList<core::ScorecardResult> results = health::evaluate(m_policy, evaluator, entity, facts, reads);
        if (facts.error())
            return *facts.error();
        for (const core::ScorecardResult &r : results)
            e.failingNow.insert(r.scorecardId, r.band == core::HealthBand::Failing);
        CAIRN_TRY(rows.write(e.id, results, reads, facts));
    }
    if (someGone)
        CAIRN_TRY(
            m_db.exec(QStringLiteral("DELETE FROM health WHERE entity_id NOT IN (SELECT id FROM entities); "
                                     "DELETE FROM health_reads WHERE entity_id NOT IN (SELECT id FROM entities);")));

    CAIRN_TRY_ASSIGN(Statement stored,
        m_db.prepare(QStringLiteral("SELECT h.entity_id, coalesce(h.risk_path, '') FROM health h JOIN entities e ON "
                                    "e.id = h.entity_id WHERE e.key=:key AND h.scorecard=:scorecard AND "
                                    "e.removed_at IS NULL")));
    CAIRN_TRY_ASSIGN(Statement setRisk,
        m_db.prepare(QStringLiteral("UPDATE health SET risk_path=:path WHERE entity_id=:id AND scorecard=:scorecard")));
    const auto writeRisk = [&setRisk](qint64 id, const QString &scorecard, const QString &path) {
        setRisk.reset();
        if (path.isEmpty())
            setRisk.bindNull(setRisk.parameterIndex(":path"));
        else
            setRisk.bind(":path", path);
        setRisk.bind(":id", id);
        setRisk.bind(":scorecard", scorecard);
        return setRisk.exec();
    };

    for (const core::Scorecard &card : m_policy.scorecards) {
        const QString &scorecard = card.id;
        // Where the risk of entities may change for this scorecard: rewired entities, those
        // whose failing verdict changed (their dependents gain or lose a destination), and
        // those it applies to for the first time (their own path is new).
        QSet<QString> flipped;
        QSet<QString> starts = rewired;
        for (auto it = evaluated.constBegin(); it != evaluated.constEnd(); ++it) {
            const auto was = it->before.constFind(scorecard);
            const auto now = it->failingNow.constFind(scorecard);
            const bool failedBefore = was != it->before.constEnd() && was->failing;
            const bool failsNow = now != it->failingNow.constEnd() && *now;
            if (failedBefore != failsNow)
                flipped.insert(it.key());
            if (now != it->failingNow.constEnd() && was == it->before.constEnd())
                starts.insert(it.key());
        }
        starts.unite(flipped);

        // Up from there, as far as a path changes: an entity whose path (so whose distance to
        // a failing one) is what it was changes nothing for those that depend on it.
        QSet<QString> handled;
        QSet<QString> visited;
        QQueue<QString> queue;
        for (const QString &key : std::as_const(starts))
            queue.enqueue(key);
        while (!queue.isEmpty()) {
            const QString key = queue.dequeue();
            if (visited.contains(key))
                continue;
            if (visited.size() >= MaxDependentsFollowed) {
                qCWarning(cacheLog) << "risk followed up" << MaxDependentsFollowed << "dependents for" << scorecard
                                    << "and stopped; a recompute brings the rest up to date";
                break;
            }
            visited.insert(key);
            bool changed = flipped.contains(key);
            // The row to write: an evaluated entity's was just rewritten without a path.
            std::optional<std::pair<qint64, QString>> row; // id, path before
            QString current;
            if (const auto it = evaluated.constFind(key); it != evaluated.constEnd()) {
                if (it->failingNow.contains(scorecard))
                    row = std::pair { it->id, it->before.value(scorecard).path };
            } else {
                stored.reset();
                stored.bind(":key", key);
                stored.bind(":scorecard", scorecard);
                CAIRN_TRY_ASSIGN(const Statement::Step step, stored.step());
                if (step == Statement::Step::Row) {
                    row = std::pair { stored.int64(0), stored.text(1) };
                    current = row->second;
                }
            }
            if (!row) {
                changed = true; // not scored here, yet a step on others' paths: its distance is not stored
            } else {
                const QString path = pathText(core::DependencyRisk::pathFrom(
                    key, [&facts](const QString &k) { return facts.dependenciesOf(k); },
                    [&facts, &scorecard](const QString &k) { return facts.failing(k, scorecard); }));
                if (path != current)
                    CAIRN_TRY(writeRisk(row->first, scorecard, path));
                changed = changed || path != row->second;
                handled.insert(key);
            }
            if (changed)
                for (const QString &up : facts.dependentsOf(key))
                    queue.enqueue(up);
        }
        // The other evaluated entities keep the path they had.
        for (auto it = evaluated.constBegin(); it != evaluated.constEnd(); ++it) {
            if (handled.contains(it.key()) || !it->failingNow.contains(scorecard))
                continue;
            if (const QString path = it->before.value(scorecard).path; !path.isEmpty())
                CAIRN_TRY(writeRisk(it->id, scorecard, path));
        }
        if (facts.error())
            return *facts.error();
    }
    return {};
}

core::Result<QHash<QString, QList<core::ScorecardResult>>> HealthStore::evaluateAll()
{
    CatalogFacts facts;
    CAIRN_TRY(facts.load(m_db));
    const core::ScorecardEvaluator evaluator(m_today);
    QHash<QString, QList<core::ScorecardResult>> all;
    CAIRN_TRY_ASSIGN(Statement entities,
        m_db.prepare(QStringLiteral("SELECT key, document FROM entities WHERE removed_at IS NULL")));
    CAIRN_TRY(forEachRow(entities, [&](const Statement &row) {
        const core::HealthSubject entity = health::subjectFrom(row.utf8(1, health::kDocumentRoom));
        QStringList reads;
        QList<core::ScorecardResult> results = health::evaluate(m_policy, evaluator, entity, facts, reads);
        if (!results.isEmpty())
            all.emplace(row.text(0), std::move(results));
    }));
    // Risk, within what was evaluated here, one pass per scorecard over the graph a
    // recompute walks.
    const RiskGraph graph(facts.allDependencies());
    for (const core::Scorecard &scorecard : m_policy.scorecards) {
        const auto resultOf = [&all, &scorecard](const QString &key) -> const core::ScorecardResult * {
            const auto results = all.constFind(key);
            if (results != all.cend())
                for (const core::ScorecardResult &r : *results)
                    if (r.scorecardId == scorecard.id)
                        return &r;
            return nullptr;
        };
        QSet<QString> failing;
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            if (const core::ScorecardResult *r = resultOf(it.key()); r && r->band == core::HealthBand::Failing)
                failing.insert(it.key());
        const auto paths = graph.paths(failing, [&resultOf](const QString &key) { return resultOf(key) != nullptr; });
        for (const auto &[key, path] : paths)
            for (core::ScorecardResult &r : all[key])
                if (r.scorecardId == scorecard.id)
                    r.riskPath = path;
    }
    return all;
}

} // namespace cairn::cache
