// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cairn::cache {

class Cache;

// The entities around one entity in the graph of what uses what, to a depth: what it
// depends on (dependsOn, the APIs it consumes and, from an API, the components that
// provide it) and what depends on it (dependents, the APIs it provides and their
// consumers), each direction followed `depth` relations away. Relations are read from
// whichever end stated them, so a catalog that states only one end reads the same.
//
// Bounded: at most `maxNodes` entities. A hub with thousands of dependents shows the
// first ones, shared fairly among the entities of a level, and says how many of each
// entity's neighbours were left out (`omitted`). Reading the neighbours' keys stays
// linear in the catalog; what the window lays out and draws is capped.
struct DependencyNeighbourhood
{
    enum class Direction { Dependencies, Dependents };

    // How the entity stands in the cache.
    enum class Presence {
        Live,
        Removed, // a tombstone: gone upstream, kept here
        Missing, // named by a relation, not in the cache
    };

    struct Node
    {
        core::EntityRef ref; // as spelled in the cache; as named by the relation when missing
        QString kind; // lower-case
        QString title; // display name
        QString type; // spec.type; empty when none
        // entities.health_band: "failing", "needs-attention", "passing"; empty when no
        // scorecard applies.
        QString healthBand;
        // At risk through a dependency: each distinct path of keys from the entity down to a
        // failing dependency (v_health.at_risk_via, split), the worst scorecard's first;
        // empty when it is not at risk.
        QList<QStringList> riskPaths;
        Presence presence = Presence::Live;
        int distance = 0; // relations away from the centre
    };

    enum class EdgeType {
        DependsOn, // from depends on to
        ProvidesApi, // from (a component) provides to (an API)
        ConsumesApi, // from (a component) consumes to (an API)
    };

    // Between two nodes, as the relation reads forward (dependsOn, providesApi, consumesApi).
    struct Edge
    {
        int from = 0; // index into nodes
        int to = 0;
        EdgeType type = EdgeType::DependsOn;

        friend bool operator==(const Edge &, const Edge &) = default;
    };

    // Neighbours of nodes[node] in `direction` that the cap left out.
    struct Omitted
    {
        int node = 0;
        Direction direction = Direction::Dependents;
        int count = 0;
    };

    static constexpr int MinDepth = 1;
    static constexpr int MaxDepth = 3;
    static constexpr int DefaultMaxNodes = 100;

    core::EntityRef centre;
    int depth = 1;
    QList<Node> nodes; // nodes[0] is the centre; then nearer before farther, as reached
    QList<Edge> edges; // every relation of the three types between two nodes, once
    QList<Omitted> omitted;

    int omittedCount() const;
    // The index of the node with this ref; -1 when it is not in the neighbourhood.
    int indexOf(const core::EntityRef &ref) const;

    // The neighbourhood of `centre`, `depth` clamped to [MinDepth, MaxDepth]. A centre the
    // cache does not hold comes back as its one Missing node. Read in one transaction, so
    // a sync committing meanwhile is seen whole or not at all.
    static core::Result<DependencyNeighbourhood> read(
        Cache &cache, const core::EntityRef &centre, int depth, int maxNodes = DefaultMaxNodes);
};

} // namespace cairn::cache
