// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/HealthRecompute.h"

#include "cache/BulkIndexes.h"
#include "cache/CacheLog.h"
#include "cache/CatalogFacts.h"
#include "cache/Database.h"
#include "cache/HealthDocument.h"
#include "cache/HealthEvaluation.h"
#include "cache/SqlTry.h"
#include "cache/Statement.h"
#include "cache/StoredHealth.h"
#include "core/JsonText.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QScopeGuard>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <deque>
#include <memory>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

namespace cairn::cache {

namespace {

// Entities evaluated per task: large enough that handing a chunk over costs nothing next
// to evaluating it, small enough that the writer starts early and little waits in memory.
constexpr qsizetype ChunkSize = 256;

struct Input
{
    qint64 id = 0;
    QString key;
    QByteArray document;
    std::optional<std::pair<int, QString>> worstBefore; // entities.health_score, health_band
    StoredHealth::OfEntity stored;
};

struct Output
{
    qint64 id = 0;
    QString key;
    QList<health::StoredRow> rows;
    QList<int> scorecards; // each row's scorecard, as an index into the policy
    QList<qsizetype> changed; // the rows (indexes into `rows`) not stored as they are now
    QList<QByteArray> gone; // the scorecards of stored rows that no longer apply
    // What the evaluation read and what each read saw (health::seenText), in UTF-8 as
    // they are bound: converted here, on the pool, not on the writer's thread. Written
    // only when they differ from the stored ones, which are then deleted first.
    QList<StoredHealth::Read> reads;
    bool readsChanged = false;
    bool readsStored = false;
    std::optional<std::pair<int, QString>> worst;
    bool worstChanged = false;
};

// What of `out` differs from what `stored` holds for its entity.
void compare(Output &out, const StoredHealth::OfEntity &stored)
{
    for (qsizetype i = 0; i < out.rows.size(); ++i) {
        const health::StoredRow &row = out.rows.at(i);
        const auto was = std::find_if(stored.rows.cbegin(), stored.rows.cend(),
            [&row](const StoredHealth::RowDigest &r) { return r.scorecard == row.scorecard; });
        if (was == stored.rows.cend() || was->digest != StoredHealth::digestOf(row))
            out.changed.append(i);
    }
    for (const StoredHealth::RowDigest &was : stored.rows) {
        if (std::none_of(out.rows.cbegin(), out.rows.cend(),
                [&was](const health::StoredRow &r) { return r.scorecard == was.scorecard; }))
            out.gone.append(was.scorecard);
    }
    // Stored in key order, compared as SQLite orders text: byte by byte.
    std::sort(out.reads.begin(), out.reads.end(),
        [](const StoredHealth::Read &a, const StoredHealth::Read &b) { return a.target < b.target; });
    out.readsChanged = StoredHealth::digestOf(out.reads) != stored.reads;
    out.readsStored = stored.anyReads;
}

// The policy with texts of its own, for one chunk's evaluation. Every result holds copies
// of its scorecard's and criteria's ids and names; made of one shared string by several
// threads at once, each copy and its release count that string's references on one line of
// memory, which the cores then hand back and forth: an eighth of the evaluation's time
// (bench/README.md, Health).
HealthPolicy unshared(const HealthPolicy &policy)
{
    HealthPolicy copy = policy;
    const auto own = [](QString &text) { text = QString(text.constData(), text.size()); };
    for (core::Scorecard &s : copy.scorecards) {
        own(s.id);
        own(s.name);
        for (core::Criterion &c : s.criteria) {
            own(c.id);
            own(c.name);
            own(c.annotation);
            own(c.value);
        }
    }
    return copy;
}

// Lets go of the texts the writer will not write (most, a day later): freed here, on the
// thread that made them. Freed on the writer's thread, each would lock this thread's heap
// against its own allocations.
void forgetUnwritten(Output &out)
{
    for (qsizetype i = 0; i < out.rows.size(); ++i) {
        if (!out.changed.contains(i)) {
            health::StoredRow &row = out.rows[i];
            row = health::StoredRow { {}, row.score, {}, {}, {}, {}, row.failing };
        }
    }
    if (!out.readsChanged)
        out.reads = {};
}

QList<Output> evaluateChunk(const QList<Input> &chunk, const HealthPolicy &sharedPolicy,
    const core::ScorecardEvaluator &evaluator, const CatalogFacts &facts, const QHash<QString, int> &scorecardIndex)
{
    const HealthPolicy policy = unshared(sharedPolicy);
    QList<Output> outputs;
    outputs.reserve(chunk.size());
    for (const Input &in : chunk) {
        Output out;
        out.id = in.id;
        out.key = in.key;
        QStringList reads;
        const QList<core::ScorecardResult> results = health::evaluate(
            policy, evaluator, health::subjectFrom(in.document), CatalogFacts::OfEntity(facts, in.key), reads);
        const core::ScorecardResult *worst = nullptr;
        for (const core::ScorecardResult &r : results) {
            out.rows.append(health::StoredRow::of(r));
            out.scorecards.append(scorecardIndex.value(r.scorecardId));
            if (!worst || r.score < worst->score)
                worst = &r;
        }
        if (worst)
            out.worst = std::pair { worst->score, core::ScorecardEvaluator::bandId(worst->band) };
        out.worstChanged = out.worst != in.worstBefore;
        out.reads.reserve(reads.size());
        for (const QString &key : std::as_const(reads))
            out.reads.append(StoredHealth::Read { key.toUtf8(), health::seenText(facts.live(key)).toUtf8() });
        compare(out, in.stored);
        forgetUnwritten(out);
        outputs.append(std::move(out));
    }
    return outputs;
}

} // namespace

// What the risk pass needs of the evaluation: per scorecard, the entities it failed; per
// entity, its id and the scorecards that applied.
struct HealthRecompute::Verdicts
{
    QList<QSet<QString>> failing; // by scorecard index
    QHash<QString, std::pair<qint64, QList<int>>> scored; // key -> id, scorecards
};

// What the evaluation leaves for the writer once every entity is stored.
struct HealthRecompute::Pending
{
    // Entities whose worst score to set; nullopt to clear it (removed, or of another kind).
    std::vector<std::pair<qint64, std::optional<std::pair<int, QString>>>> worst;
    QList<qint64> unscored; // entities with stored health that the scan did not come to
    QHash<StoredHealth::RowKey, StoredHealth::Digest> riskPaths; // digests of those stored before
};

// Per scorecard, the entities it scored that are at risk through a dependency, with their path.
HealthRecompute::Risks HealthRecompute::risksOf(int scorecard, const Verdicts &verdicts, const RiskGraph &graph,
    const StoredRisks &stored, const QByteArray &scorecardId, int from, int to)
{
    const QSet<QString> &failingHere = verdicts.failing.at(scorecard);
    if (failingHere.isEmpty())
        return {};
    // On the graph's numbers, and its keys read where they are: the scorecards' walks run at
    // once, and copying the same keys and verdicts from both costs more than the walks.
    const auto paths = graph.numberedPaths(
        failingHere,
        [&verdicts, &graph, scorecard](int node) {
            const auto it = verdicts.scored.constFind(graph.keyOf(node));
            return it != verdicts.scored.constEnd() && it->second.contains(scorecard);
        },
        from, to);
    // Compared with the stored paths here, not on the writer's thread: it then writes only
    // what changed (a day later, a few hundred of some 40,000 at 100,000 entities). A row
    // the evaluation rewrote kept its risk path, so the stored one is what it holds.
    const QByteArray ownId(scorecardId.constData(), scorecardId.size()); // counted by this thread alone
    Risks risks;
    risks.atRisk.reserve(paths.size());
    for (const auto &found : paths) {
        const int node = found.first;
        const QList<int> &path = found.second; // named, not bound: a lambda takes it below
        QByteArray json = core::JsonText::arrayOf<QByteArray>(
            path.size(), [&graph, &path](qsizetype i) -> QStringView { return graph.keyOf(path.at(i)); });
        const qint64 id = verdicts.scored.constFind(graph.keyOf(node))->first;
        risks.atRisk.push_back(id);
        const auto was = stored.constFind(StoredHealth::RowKey { id, ownId });
        if (was == stored.constEnd() || *was != StoredHealth::digestOf(json))
            risks.changed.emplace_back(id, scorecard, std::move(json));
    }
    return risks;
}

HealthRecompute::HealthRecompute(Database &db, const HealthPolicy &policy, QDate today)
    : m_db(db)
    , m_policy(policy)
    , m_today(today)
{ }

core::Status HealthRecompute::run()
{
    // Each phase's wall time, for QT_LOGGING_RULES="cairn.cache.debug=true".
    QElapsedTimer phase;
    phase.start();
    const auto traced
        = [&phase](const char *what) { qCDebug(cacheLog) << "health recompute:" << what << phase.restart() << "ms"; };
    // The stored health stays: only what differs from it is written. Into empty tables (a
    // first import, a migration) the rows go in as a bulk load.
    BulkIndexes indexes;
    for (const QString &table :
        { QStringLiteral("health"), QStringLiteral("health_reads"), QStringLiteral("health_dependencies") })
        CAIRN_TRY(indexes.dropIfEmpty(m_db, table));
    traced("indexes taken down");
    CatalogFacts facts;
    CAIRN_TRY(facts.load(m_db));
    traced("facts read");
    // The graph's rows and who depends on whom are made on the pool beside the evaluation.
    QFuture<Graph> graphWork = QtConcurrent::run([&facts] { return graphOf(facts); });
    const auto waitForGraph = qScopeGuard([&graphWork] { graphWork.waitForFinished(); });
    Verdicts verdicts;
    verdicts.failing.resize(m_policy.scorecards.size());
    Pending pending;
    CAIRN_TRY(evaluate(facts, verdicts, pending));
    traced("evaluated and written");
    // Taken out of the future first: Qt waits forever on a future whose result was taken.
    Graph graph = std::exchange(graphWork, {}).takeResult();
    // The risk paths need every verdict and no SQL: they are found, and compared with the
    // stored ones, on the pool while this thread stores the graph and the worst scores and
    // rebuilds the indexes (none of which holds a risk path).
    QList<QByteArray> scorecardIds;
    for (const core::Scorecard &s : m_policy.scorecards)
        scorecardIds.append(s.id.toUtf8());
    QList<QFuture<Risks>> risks;
    const auto waitForRisks = qScopeGuard([&risks] {
        for (QFuture<Risks> &f : risks)
            f.waitForFinished();
    });
    // Each scorecard's walk in as many parts as the pool has threads: most scorecards fail
    // few entities, and one walk alone kept the writer waiting once it was done.
    const int parts = std::max(1, QThreadPool::globalInstance()->maxThreadCount());
    const int nodes = graph.risk.size();
    for (qsizetype s = 0; s < m_policy.scorecards.size(); ++s) {
        for (int part = 0; part < parts; ++part) {
            const int from = int(qint64(nodes) * part / parts);
            const int to = int(qint64(nodes) * (part + 1) / parts);
            risks.append(QtConcurrent::run([&verdicts, &graph, &pending, &scorecardIds, s, from, to] {
                return risksOf(int(s), verdicts, graph.risk, pending.riskPaths, scorecardIds.at(s), from, to);
            }));
        }
    }
    CAIRN_TRY(forgetUnscored(pending.unscored));
    CAIRN_TRY(writeGraph(graph.rows));
    traced("dependency graph written");
    CAIRN_TRY(writeWorst(pending));
    traced("worst scores written");
    CAIRN_TRY(indexes.rebuild(m_db));
    traced("indexes built");
    std::vector<Risk> changed;
    std::vector<std::vector<qint64>> atRisk(size_t(m_policy.scorecards.size()));
    for (qsizetype i = 0; i < risks.size(); ++i) {
        Risks some = std::exchange(risks[i], {}).takeResult();
        changed.insert(
            changed.end(), std::make_move_iterator(some.changed.begin()), std::make_move_iterator(some.changed.end()));
        std::vector<qint64> &ids = atRisk[size_t(i / parts)];
        ids.insert(ids.end(), some.atRisk.begin(), some.atRisk.end());
    }
    for (std::vector<qint64> &ids : atRisk)
        std::sort(ids.begin(), ids.end());
    traced("risk paths found");
    // Every task is done with the catalog's facts, the verdicts and the graph: freeing their
    // keys and lists is a phase of its own at scale (bench/README.md, Health), so it is done
    // on a pool thread while this one writes the risk paths and the caller commits.
    QThreadPool::globalInstance()->start(
        [held = std::make_shared<std::tuple<CatalogFacts, Verdicts, Graph>>(
             std::move(facts), std::move(verdicts), std::move(graph))]() mutable { held.reset(); });
    CAIRN_TRY(writeRisk(sorted(std::move(changed)), atRisk, pending.riskPaths, scorecardIds));
    traced("risk paths written");
    return {};
}

HealthRecompute::Graph HealthRecompute::graphOf(const CatalogFacts &facts)
{
    // A row per entity that has dependencies or states one for another, in key order.
    QStringList keys = facts.allDependencies().keys() + facts.allStatedFor().keys();
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    Graph graph;
    graph.rows.reserve(keys.size());
    for (const QString &key : std::as_const(keys))
        graph.rows.emplace_back(key,
            health::GraphRowText::of(
                health::GraphRow::of(facts.dependenciesOf(key), facts.allStatedFor().value(key), facts)));
    graph.risk = RiskGraph(facts.allDependencies());
    return graph;
}

core::Status HealthRecompute::forgetUnscored(QList<qint64> &ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    CAIRN_TRY_ASSIGN(Statement rows, m_db.prepare(QStringLiteral("DELETE FROM health WHERE entity_id = ?1")));
    CAIRN_TRY_ASSIGN(Statement reads, m_db.prepare(QStringLiteral("DELETE FROM health_reads WHERE entity_id = ?1")));
    for (const qint64 id : std::as_const(ids)) {
        for (Statement *q : { &rows, &reads }) {
            q->reset();
            q->bind(1, id);
            CAIRN_TRY(q->exec());
        }
    }
    return {};
}

core::Status HealthRecompute::writeGraph(const std::vector<std::pair<QString, health::GraphRowText>> &rows)
{
    // The stored rows' digests, for those that are unchanged to stay as they are.
    QHash<QString, StoredHealth::Digest> stored;
    CAIRN_TRY_ASSIGN(Statement read,
        m_db.prepare(QStringLiteral("SELECT entity_key, dependencies, stated_for FROM health_dependencies")));
    CAIRN_TRY(forEachRow(read, [&stored](const Statement &row) {
        stored.insert(row.text(0), StoredHealth::digestOfGraphRow(row.utf8View(1), row.utf8View(2)));
    }));
    CAIRN_TRY_ASSIGN(Statement add, health::prepareGraphWrite(m_db));
    for (const auto &[key, row] : rows) {
        const auto was = stored.constFind(key);
        const bool same
            = was != stored.constEnd() && *was == StoredHealth::digestOfGraphRow(row.dependencies, row.statedFor);
        if (was != stored.constEnd())
            stored.erase(was);
        if (!same)
            CAIRN_TRY(health::writeGraphRow(add, key, row));
    }
    // An entity with neither dependencies nor dependents any more keeps no row.
    CAIRN_TRY_ASSIGN(
        Statement remove, m_db.prepare(QStringLiteral("DELETE FROM health_dependencies WHERE entity_key = ?1")));
    for (auto it = stored.constBegin(); it != stored.constEnd(); ++it) {
        remove.reset();
        remove.bind(1, it.key());
        CAIRN_TRY(remove.exec());
    }
    return {};
}

core::Status HealthRecompute::evaluate(const CatalogFacts &facts, Verdicts &verdicts, Pending &pending)
{
    // The kinds the scorecards are limited to; none when one of them takes any kind.
    QStringList kinds;
    for (const core::Scorecard &s : m_policy.scorecards) {
        if (s.appliesTo.kinds.isEmpty()) {
            kinds.clear();
            break;
        }
        for (const QString &k : s.appliesTo.kinds)
            kinds.append(k.toLower());
    }
    const QString scored = QStringLiteral("removed_at IS NULL")
        + (kinds.isEmpty() ? QString() : QStringLiteral(" AND kind IN (SELECT value FROM json_each(:kinds))"));

    // In id order (a scan of the table, not of an index by kind): the health rows then go
    // in at the end of their table, and the entities' rows are read and updated in order.
    // The scan also finds those the scorecards do not look at that hold a worst score
    // (removed, or of another kind), for it to be cleared, without a scan of its own; their
    // documents are not read.
    CAIRN_TRY_ASSIGN(Statement entities,
        m_db.prepare(QStringLiteral("SELECT id, key, CASE WHEN %1 THEN document END, health_score, health_band "
                                    "FROM entities NOT INDEXED WHERE (%1) OR health_score IS NOT NULL OR "
                                    "health_band IS NOT NULL")
                         .arg(scored)));
    if (!kinds.isEmpty())
        entities.bind(":kinds", core::JsonText::stringArray(kinds));
    CAIRN_TRY_ASSIGN(Statement upsert, health::prepareUpsert(m_db));
    CAIRN_TRY_ASSIGN(
        Statement dropRow, m_db.prepare(QStringLiteral("DELETE FROM health WHERE entity_id = ?1 AND scorecard = ?2")));
    CAIRN_TRY_ASSIGN(
        Statement dropReads, m_db.prepare(QStringLiteral("DELETE FROM health_reads WHERE entity_id = ?1")));
    // In the table's key order, entity by entity as they are evaluated: each goes in at the end.
    CAIRN_TRY_ASSIGN(Statement read,
        m_db.prepare(QStringLiteral("INSERT INTO health_reads(entity_id, target_key, seen) VALUES(?1, ?2, ?3)")));

    QHash<QString, int> scorecardIndex;
    for (qsizetype i = 0; i < m_policy.scorecards.size(); ++i)
        scorecardIndex.insert(m_policy.scorecards.at(i).id, int(i));

    const auto write = [&](const QList<Output> &outputs) -> core::Status {
        for (const Output &out : outputs) {
            for (qsizetype i = 0; i < out.rows.size(); ++i)
                if (out.rows.at(i).failing)
                    verdicts.failing[out.scorecards.at(i)].insert(out.key);
            if (!out.rows.isEmpty())
                verdicts.scored.insert(out.key, { out.id, out.scorecards });
            for (const qsizetype i : out.changed)
                CAIRN_TRY(health::insert(upsert, out.id, out.rows.at(i)));
            for (const QByteArray &scorecard : out.gone) {
                dropRow.reset();
                dropRow.bind(1, out.id);
                dropRow.bindUtf8(2, scorecard);
                CAIRN_TRY(dropRow.exec());
            }
            if (out.readsChanged && out.readsStored) {
                dropReads.reset();
                dropReads.bind(1, out.id);
                CAIRN_TRY(dropReads.exec());
            }
            for (qsizetype i = 0; out.readsChanged && i < out.reads.size(); ++i) {
                read.reset();
                read.bind(1, out.id);
                read.bindUtf8(2, out.reads.at(i).target);
                read.bindUtf8(3, out.reads.at(i).seen);
                CAIRN_TRY(read.exec());
            }
            if (out.worstChanged)
                pending.worst.emplace_back(out.id, out.worst);
        }
        return {};
    };

    // Evaluated ahead, a chunk per pool thread, while the writer stores the oldest chunk;
    // the tasks read the facts, the policy and this object, so they are waited for on
    // every way out. A chunk's inputs stay the writer's, freed by it once their outputs
    // are written: freed on a pool thread, each would lock the writer's heap against its
    // own allocations.
    struct InFlight
    {
        std::unique_ptr<const QList<Input>> inputs;
        QFuture<QList<Output>> outputs;
    };
    std::deque<InFlight> inFlight;
    const auto waitForInFlight = qScopeGuard([&inFlight] {
        for (InFlight &f : inFlight)
            f.outputs.waitForFinished();
    });
    const auto writeOldest = [&]() -> core::Status {
        InFlight oldest = std::move(inFlight.front());
        inFlight.pop_front();
        // Taken out of the future first: Qt waits forever on a future whose result was taken.
        return write(std::exchange(oldest.outputs, {}).takeResult());
    };
    const qsizetype ahead = std::max(1, QThreadPool::globalInstance()->maxThreadCount());
    // What is stored: evidence without its facts' names.
    const core::ScorecardEvaluator evaluator(m_today, core::ScorecardEvaluator::FactNames::Unnamed);
    QList<Input> chunk;
    const auto handOver = [&]() -> core::Status {
        auto inputs = std::make_unique<const QList<Input>>(std::exchange(chunk, {}));
        const QList<Input> *in = inputs.get();
        inFlight.push_back(
            InFlight { std::move(inputs), QtConcurrent::run([this, &evaluator, &facts, &scorecardIndex, in] {
                          return evaluateChunk(*in, m_policy, evaluator, facts, scorecardIndex);
                      }) });
        return qsizetype(inFlight.size()) > ahead ? writeOldest() : core::Status();
    };
    StoredHealth stored;
    CAIRN_TRY(stored.open(m_db));
    CAIRN_TRY(forEachRow(entities, [&](const Statement &row) -> core::Status {
        if (row.isNull(2)) { // not scored, and holds a worst score
            pending.worst.emplace_back(row.int64(0), std::nullopt);
            return {};
        }
        Input in { row.int64(0), row.text(1), row.utf8(2, health::kDocumentRoom), std::nullopt, {} };
        if (!row.isNull(3))
            in.worstBefore = std::pair { row.int32(3), row.text(4) };
        CAIRN_TRY_ASSIGN(in.stored, stored.take(in.id, pending.unscored));
        if (chunk.isEmpty())
            chunk.reserve(ChunkSize);
        chunk.append(std::move(in));
        return chunk.size() < ChunkSize ? core::Status() : handOver();
    }));
    CAIRN_TRY(stored.takeRest(pending.unscored));
    pending.riskPaths = stored.takeRiskPaths();
    if (!chunk.isEmpty())
        CAIRN_TRY(handOver());
    while (!inFlight.empty())
        CAIRN_TRY(writeOldest());
    return {};
}

core::Status HealthRecompute::writeWorst(Pending &pending)
{
    // Each entity's worst scorecard where it changed, and theirs cleared that no scorecard
    // looked at (removed, or of another kind), in the table's order.
    std::sort(
        pending.worst.begin(), pending.worst.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    CAIRN_TRY_ASSIGN(Statement setWorst,
        m_db.prepare(QStringLiteral("UPDATE entities SET health_score=:score, health_band=:band WHERE id=:id")));
    for (const auto &[id, w] : pending.worst) {
        setWorst.reset();
        setWorst.bind(":id", id);
        if (w) {
            setWorst.bind(":score", w->first);
            setWorst.bind(":band", w->second);
        } else {
            setWorst.bindNull(setWorst.parameterIndex(":score"));
            setWorst.bindNull(setWorst.parameterIndex(":band"));
        }
        CAIRN_TRY(setWorst.exec());
    }
    return {};
}

std::vector<HealthRecompute::Risk> HealthRecompute::sorted(std::vector<Risk> risks) const
{
    // In the table's key order: each update finds its page next to the last one's.
    std::sort(risks.begin(), risks.end(), [this](const auto &a, const auto &b) {
        return std::tie(std::get<0>(a), m_policy.scorecards.at(std::get<1>(a)).id)
            < std::tie(std::get<0>(b), m_policy.scorecards.at(std::get<1>(b)).id);
    });
    return risks;
}

core::Status HealthRecompute::writeRisk(const std::vector<Risk> &changed,
    const std::vector<std::vector<qint64>> &atRisk, const StoredRisks &stored, const QList<QByteArray> &scorecardIds)
{
    CAIRN_TRY_ASSIGN(Statement setRisk,
        m_db.prepare(QStringLiteral("UPDATE health SET risk_path=?1 WHERE entity_id=?2 AND scorecard=?3")));
    const auto set = [&setRisk](qint64 id, const QByteArray &scorecard, const QByteArray *path) {
        setRisk.reset();
        if (path)
            setRisk.bindUtf8(1, *path);
        else
            setRisk.bindNull(1);
        setRisk.bind(2, id);
        setRisk.bindUtf8(3, scorecard);
        return setRisk.exec();
    };
    for (const auto &[id, scorecard, path] : changed)
        CAIRN_TRY(set(id, scorecardIds.at(scorecard), &path));
    // Rows no longer at risk, in the table's order; a row deleted since changes nothing.
    QList<StoredHealth::RowKey> cleared;
    for (auto it = stored.constBegin(); it != stored.constEnd(); ++it) {
        const auto &[id, scorecard] = it.key();
        const qsizetype s = scorecardIds.indexOf(scorecard);
        if (s < 0 || !std::binary_search(atRisk.at(size_t(s)).cbegin(), atRisk.at(size_t(s)).cend(), id))
            cleared.append(it.key());
    }
    std::sort(cleared.begin(), cleared.end());
    for (const auto &[id, scorecard] : std::as_const(cleared))
        CAIRN_TRY(set(id, scorecard, nullptr));
    return {};
}

} // namespace cairn::cache
