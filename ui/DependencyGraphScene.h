// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/DependencyNeighbourhood.h"
#include "core/Result.h"
#include "ui/DependencyGraphItems.h"

#include <QGraphicsScene>
#include <QList>

namespace cairn::cache {
class Cache;
}

namespace cairn::ui {

// An entity's dependency neighbourhood, worded, measured and laid out: everything the scene
// needs, made off the UI thread.
struct DependencyGraph
{
    cache::DependencyNeighbourhood neighbourhood;
    QList<GraphNodeItem::Data> nodes;
    QList<QRectF> nodeRects; // scene coordinates, nodes' order
    QList<GraphEdgeItem::Data> edges;
    QRectF bounds;
};

// The dependency graph as QGraphicsItems: prepare() reads and lays it out on any thread
// (a reader's), show() puts it on the scene on the UI thread.
class DependencyGraphScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DependencyGraphScene)

public:
    explicit DependencyGraphScene(QObject *parent = nullptr);

    // Reads the neighbourhood of `centre` from `cache` and lays it out with Graphviz:
    // dependents to the left of the centre, dependencies to its right.
    static core::Result<DependencyGraph> prepare(cache::Cache &cache, const core::EntityRef &centre, int depth,
        const GraphFonts &fonts, int maxNodes = cache::DependencyNeighbourhood::DefaultMaxNodes);
    // The words and layout for a neighbourhood already read. Any thread.
    static core::Result<DependencyGraph> layOut(cache::DependencyNeighbourhood neighbourhood, const GraphFonts &fonts);

    // Replaces what the scene shows.
    void show(const DependencyGraph &graph, const GraphFonts &fonts);
    void clearGraph();

    const QList<GraphNodeItem *> &nodeItems() const { return m_nodes; }
    const QList<GraphEdgeItem *> &edgeItems() const { return m_edges; }
    GraphNodeItem *centreNode() const { return m_nodes.isEmpty() ? nullptr : m_nodes.constFirst(); }
    GraphNodeItem *nodeFor(const core::EntityRef &ref) const;
    // The graph with a margin around it: what a fit or an export takes.
    QRectF graphRect() const;

Q_SIGNALS:
    // The items are about to go: pointers to them are no longer valid.
    void cleared();

private:
    QList<GraphNodeItem *> m_nodes;
    QList<GraphEdgeItem *> m_edges;
};

} // namespace cairn::ui
