// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/DependencyNeighbourhood.h"

#include "cache/Cache.h"
#include "cache/Database.h"
#include "cache/SqlTry.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <numeric>
#include <optional>

namespace cairn::cache {

namespace {

using Hood = DependencyNeighbourhood;

// Relation types are compared lower-case, as GoalGraph does: a server may spell them as it
// likes. Towards the dependencies of K: K states dependsOn, consumesApi (K uses the API)
// or, for an API, apiProvidedBy (the API is served by its provider); or another entity
// states the inverse about K. Towards the dependents, the other way round.
constexpr QStringView DependenciesStatedByK = u"'dependson', 'consumesapi', 'apiprovidedby'";
constexpr QStringView DependenciesStatedAboutK = u"'dependencyof', 'apiconsumedby', 'providesapi'";

// Every key at one relation from ?1 in one direction, once, in key order. Both ends are
// read on an index: the origin's key (entities.key, then the relations' primary key) and
// the target (relations_to). Relations stated by a tombstone do not count, as in v_relations.
QString neighboursSql(QStringView statedByK, QStringView statedAboutK)
{
    return QStringLiteral("SELECT r.target_key FROM entities k JOIN relations r ON r.origin_id = k.id "
                          "WHERE k.key = ?1 AND k.removed_at IS NULL AND lower(r.type) IN (%1) "
                          "UNION "
                          "SELECT o.key FROM relations r JOIN entities o ON o.id = r.origin_id "
                          "WHERE r.target_key = ?1 AND o.removed_at IS NULL AND lower(r.type) IN (%2) "
                          "ORDER BY 1")
        .arg(statedByK, statedAboutK);
}

// What the window shows of a node.
constexpr QStringView NodeSql
    = u"SELECT e.ref, e.kind, e.display_name, coalesce(e.type, ''), coalesce(e.health_band, ''), "
      "e.removed_at IS NOT NULL, e.id FROM entities e WHERE e.key = ?1";

// The paths down to a failing dependency, the worst scorecard's first: v_health's
// at_risk_via, read on the health table's primary key instead of through the view, whose
// ref is not indexed, and one key a row.
constexpr QStringView RiskSql
    = u"SELECT h.scorecard, j.value FROM health h, json_each(h.risk_path) j "
      "WHERE h.entity_id = ?1 AND h.risk_path IS NOT NULL ORDER BY h.score, h.scorecard, j.key";

// The relations of the three kinds an entity states, for the edges between the nodes.
constexpr QStringView StatedSql
    = u"SELECT lower(r.type), r.target_key FROM entities k JOIN relations r ON r.origin_id = k.id "
      "WHERE k.key = ?1 AND k.removed_at IS NULL AND lower(r.type) IN "
      "('dependson', 'dependencyof', 'providesapi', 'apiprovidedby', 'consumesapi', 'apiconsumedby')";

// A relation `origin` states to `target`, read forward: who depends, provides or consumes.
struct Forward
{
    Hood::EdgeType type;
    bool reversed; // the origin states the inverse: the target is the edge's `from`
};

std::optional<Forward> forwardOf(QStringView type)
{
    if (type == u"dependson")
        return Forward { Hood::EdgeType::DependsOn, false };
    if (type == u"dependencyof")
        return Forward { Hood::EdgeType::DependsOn, true };
    if (type == u"providesapi")
        return Forward { Hood::EdgeType::ProvidesApi, false };
    if (type == u"apiprovidedby")
        return Forward { Hood::EdgeType::ProvidesApi, true };
    if (type == u"consumesapi")
        return Forward { Hood::EdgeType::ConsumesApi, false };
    if (type == u"apiconsumedby")
        return Forward { Hood::EdgeType::ConsumesApi, true };
    return std::nullopt;
}

// `room` shared among groups that want `wants` each: the smaller groups get all they want,
// the others equal shares of what is left. A hub's thousands of dependents then do not
// crowd out its handful of dependencies.
QList<int> shareFairly(const QList<int> &wants, int room)
{
    QList<int> given(wants.size(), 0);
    QList<int> order(wants.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&wants](int a, int b) { return wants.at(a) < wants.at(b); });
    qsizetype left = wants.size();
    for (int i : std::as_const(order)) {
        const int share = room > 0 ? int(room / left) : 0;
        given[i] = std::min(wants.at(i), share);
        room -= given.at(i);
        --left;
    }
    return given;
}

// A node followed in one direction, as one hashable value.
qint64 followKey(int node, Hood::Direction direction)
{
    return (qint64(node) << 1) | (direction == Hood::Direction::Dependents ? 1 : 0);
}

// An edge as one hashable value: nodes are far fewer than 2^30.
qint64 edgeKey(int from, int to, Hood::EdgeType type)
{
    return (qint64(from) << 32) | (qint64(to) << 2) | qint64(type);
}

// A read transaction on a connection that is not in one already: one snapshot for the
// many statements, so a sync that commits meanwhile is seen whole or not at all.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(Database &db)
        : m_db(db)
    { }
    ~ReadSnapshot()
    {
        if (m_begun)
            (void)m_db.exec(QStringLiteral("COMMIT"));
    }
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;

    core::Status begin()
    {
        if (m_db.inTransaction())
            return {};
        core::Status begun = m_db.exec(QStringLiteral("BEGIN"));
        m_begun = bool(begun);
        return begun;
    }

private:
    Database &m_db;
    bool m_begun = false;
};

} // namespace

int DependencyNeighbourhood::omittedCount() const
{
    return std::accumulate(
        omitted.cbegin(), omitted.cend(), 0, [](int sum, const Omitted &o) { return sum + o.count; });
}

int DependencyNeighbourhood::indexOf(const core::EntityRef &ref) const
{
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (nodes.at(i).ref == ref)
            return int(i);
    }
    return -1;
}

core::Result<DependencyNeighbourhood> DependencyNeighbourhood::read(
    Cache &cache, const core::EntityRef &centre, int depth, int maxNodes)
{
    Database &db = cache.database();
    ReadSnapshot snapshot(db);
    CAIRN_TRY(snapshot.begin());
    CAIRN_TRY_ASSIGN(
        Statement dependenciesOf, db.prepare(neighboursSql(DependenciesStatedByK, DependenciesStatedAboutK)));
    CAIRN_TRY_ASSIGN(
        Statement dependentsOf, db.prepare(neighboursSql(DependenciesStatedAboutK, DependenciesStatedByK)));

    DependencyNeighbourhood hood;
    hood.centre = centre;
    hood.depth = std::clamp(depth, MinDepth, MaxDepth);
    maxNodes = std::max(maxNodes, 1);

    QList<QString> keys { centre.key() };
    QHash<QString, int> indexByKey { { centre.key(), 0 } };
    hood.nodes.append(Node { centre, centre.kind().toLower(), centre.name(), {}, {}, {}, Presence::Missing, 0 });

    struct Pending
    {
        int node;
        Direction direction;
    };
    // Every neighbour of an expanded node, to count at the end those the cap left out.
    struct Expanded
    {
        int node;
        Direction direction;
        QStringList neighbours;
    };
    QList<Expanded> expanded;
    QSet<qint64> queued { followKey(0, Direction::Dependencies), followKey(0, Direction::Dependents) };
    QList<Pending> frontier { { 0, Direction::Dependencies }, { 0, Direction::Dependents } };

    for (int level = 1; level <= hood.depth && !frontier.isEmpty(); ++level) {
        // Each pending node's neighbours, and among them those not in the neighbourhood
        // yet, each counted for the first node that reached it.
        QList<QStringList> newcomers;
        QSet<QString> claimed;
        // A newcomer claimed by one node and reached from another the other way round.
        QList<std::pair<QString, Direction>> alsoReached;
        QList<Pending> next;
        for (const Pending &pending : std::as_const(frontier)) {
            Statement &q = pending.direction == Direction::Dependencies ? dependenciesOf : dependentsOf;
            q.reset();
            q.bind(1, keys.at(pending.node));
            Expanded found { pending.node, pending.direction, {} };
            QStringList fresh;
            CAIRN_TRY(forEachRow(q, [&](const Statement &row) {
                QString key = row.text(0);
                if (key == keys.at(pending.node))
                    return;
                if (const auto known = indexByKey.constFind(key); known != indexByKey.cend()) {
                    // Reached again, perhaps the other way round (a cycle through the centre):
                    // followed that way too while the depth allows.
                    if (level < hood.depth && !queued.contains(followKey(*known, pending.direction))) {
                        queued.insert(followKey(*known, pending.direction));
                        next.append({ *known, pending.direction });
                    }
                } else if (!claimed.contains(key)) {
                    claimed.insert(key);
                    fresh.append(key);
                } else {
                    alsoReached.append({ key, pending.direction });
                }
                found.neighbours.append(std::move(key));
            }));
            expanded.append(std::move(found));
            newcomers.append(std::move(fresh));
        }

        QList<int> wants;
        for (const QStringList &fresh : std::as_const(newcomers))
            wants.append(int(fresh.size()));
        const QList<int> given = shareFairly(wants, maxNodes - int(hood.nodes.size()));
        for (qsizetype g = 0; g < newcomers.size(); ++g) {
            const Direction direction = frontier.at(g).direction;
            for (const QString &key : newcomers.at(g).first(given.at(g))) {
                const int index = int(hood.nodes.size());
                keys.append(key);
                indexByKey.insert(key, index);
                const core::Result<core::EntityRef> named = core::EntityRef::parse(key);
                Node node;
                node.ref = named ? *named : core::EntityRef();
                node.kind = node.ref.kind();
                node.title = node.ref.name();
                node.presence = Presence::Missing;
                node.distance = level;
                hood.nodes.append(std::move(node));
                queued.insert(followKey(index, direction));
                if (level < hood.depth)
                    next.append({ index, direction });
            }
        }
        for (const auto &[key, direction] : std::as_const(alsoReached)) {
            const auto added = indexByKey.constFind(key);
            if (level < hood.depth && added != indexByKey.cend() && !queued.contains(followKey(*added, direction))) {
                queued.insert(followKey(*added, direction));
                next.append({ *added, direction });
            }
        }
        frontier = std::move(next);
    }

    for (const Expanded &e : std::as_const(expanded)) {
        const auto left = std::count_if(e.neighbours.cbegin(), e.neighbours.cend(),
            [&indexByKey](const QString &key) { return !indexByKey.contains(key); });
        if (left > 0)
            hood.omitted.append(Omitted { e.node, e.direction, int(left) });
    }

    // What each node is: live, a tombstone, or only named.
    CAIRN_TRY_ASSIGN(Statement describe, db.prepare(NodeSql.toString()));
    CAIRN_TRY_ASSIGN(Statement risks, db.prepare(RiskSql.toString()));
    for (qsizetype i = 0; i < hood.nodes.size(); ++i) {
        describe.reset();
        describe.bind(1, keys.at(i));
        CAIRN_TRY_ASSIGN(Statement::Step step, describe.step());
        if (step == Statement::Step::Done)
            continue;
        Node &node = hood.nodes[i];
        if (core::Result<core::EntityRef> spelled = core::EntityRef::parse(describe.text(0)))
            node.ref = *spelled;
        node.kind = describe.text(1);
        node.title = describe.text(2);
        node.type = describe.text(3);
        node.healthBand = describe.text(4);
        node.presence = describe.int64(5) != 0 ? Presence::Removed : Presence::Live;
        risks.reset();
        risks.bind(1, describe.int64(6));
        QString scorecard;
        QStringList path;
        auto keep = [&node, &path] {
            if (!path.isEmpty() && !node.riskPaths.contains(path))
                node.riskPaths.append(path);
            path.clear();
        };
        CAIRN_TRY(forEachRow(risks, [&](const Statement &row) {
            if (row.text(0) != scorecard) {
                keep();
                scorecard = row.text(0);
            }
            path.append(row.text(1));
        }));
        keep();
    }

    // Every relation between two nodes, whichever of them states it, once.
    CAIRN_TRY_ASSIGN(Statement stated, db.prepare(StatedSql.toString()));
    QSet<qint64> seen;
    for (qsizetype i = 0; i < hood.nodes.size(); ++i) {
        stated.reset();
        stated.bind(1, keys.at(i));
        CAIRN_TRY(forEachRow(stated, [&](const Statement &row) {
            const std::optional<Forward> forward = forwardOf(row.text(0));
            const auto other = indexByKey.constFind(row.text(1));
            if (!forward || other == indexByKey.cend() || *other == i)
                return;
            const int from = forward->reversed ? *other : int(i);
            const int to = forward->reversed ? int(i) : *other;
            if (seen.contains(edgeKey(from, to, forward->type)))
                return;
            seen.insert(edgeKey(from, to, forward->type));
            hood.edges.append(Edge { from, to, forward->type });
        }));
    }
    return hood;
}

} // namespace cairn::cache
