// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DependencyGraphScene.h"

#include "core/HealthWords.h"
#include "core/ScorecardEvaluator.h"
#include "ui/GraphLayout.h"
#include "ui/KindNames.h"

#include <QLocale>

namespace cairn::ui {

namespace {

using Hood = cache::DependencyNeighbourhood;

constexpr qreal Margin = 24;

// The band as the rest of the window words it; empty for none.
QString bandWord(const QString &band)
{
    const std::optional<core::HealthBand> known = core::ScorecardEvaluator::bandFromId(band);
    return known ? core::HealthWords::band(*known) : QString();
}

QString edgeWords(Hood::EdgeType type)
{
    switch (type) {
    case Hood::EdgeType::DependsOn:
        return DependencyGraphScene::tr("depends on");
    case Hood::EdgeType::ProvidesApi:
        return DependencyGraphScene::tr("provides");
    case Hood::EdgeType::ConsumesApi:
        return DependencyGraphScene::tr("consumes");
    }
    return {};
}

// The line under the name: the kind, the health in words, and whether Cairn holds it.
QString subtitleOf(const Hood::Node &node)
{
    QStringList parts { KindNames::singular(node.kind) };
    if (const QString band = bandWord(node.healthBand); !band.isEmpty())
        parts.append(band);
    if (node.presence == Hood::Presence::Missing)
        parts.append(DependencyGraphScene::tr("not in the catalog"));
    else if (node.presence == Hood::Presence::Removed)
        parts.append(DependencyGraphScene::tr("removed upstream"));
    return parts.join(QStringLiteral(" · "));
}

QString describe(const Hood::Node &node, int omittedDependents, int omittedDependencies)
{
    QString kind = KindNames::singular(node.kind);
    if (!node.type.isEmpty())
        kind = DependencyGraphScene::tr("%1 (%2)").arg(kind, node.type);
    QStringList sentences { DependencyGraphScene::tr("%1, %2, %3").arg(node.title, kind, node.ref.toString()) };
    if (const QString band = bandWord(node.healthBand); !band.isEmpty())
        sentences.append(DependencyGraphScene::tr("Health: %1").arg(band));
    else if (node.presence == Hood::Presence::Live)
        sentences.append(DependencyGraphScene::tr("No scorecard applies"));
    if (node.presence == Hood::Presence::Missing)
        sentences.append(DependencyGraphScene::tr("Not in the catalog"));
    else if (node.presence == Hood::Presence::Removed)
        sentences.append(DependencyGraphScene::tr("Removed upstream"));
    for (const QStringList &path : node.riskPaths) {
        // "At risk through component:default/voucher-engine, which is failing", as the How
        // section says it.
        QString risk = core::HealthWords::risk(path);
        if (!risk.isEmpty())
            sentences.append(risk.left(1).toUpper() + risk.mid(1));
    }
    if (omittedDependents > 0)
        sentences.append(DependencyGraphScene::tr("%n more dependents not shown", nullptr, omittedDependents));
    if (omittedDependencies > 0)
        sentences.append(DependencyGraphScene::tr("%n more dependencies not shown", nullptr, omittedDependencies));
    return sentences.join(QStringLiteral(". ")) + u'.';
}

} // namespace

DependencyGraphScene::DependencyGraphScene(QObject *parent)
    : QGraphicsScene(parent)
{
    // Everything is placed once per graph: no index to keep up to date as items move.
    setItemIndexMethod(QGraphicsScene::NoIndex);
}

core::Result<DependencyGraph> DependencyGraphScene::prepare(
    cache::Cache &cache, const core::EntityRef &centre, int depth, const GraphFonts &fonts, int maxNodes)
{
    core::Result<Hood> neighbourhood = Hood::read(cache, centre, depth, maxNodes);
    if (!neighbourhood)
        return neighbourhood.error();
    return layOut(std::move(neighbourhood).value(), fonts);
}

core::Result<DependencyGraph> DependencyGraphScene::layOut(Hood neighbourhood, const GraphFonts &fonts)
{
    DependencyGraph graph;
    QList<int> omittedDependents(neighbourhood.nodes.size(), 0);
    QList<int> omittedDependencies(neighbourhood.nodes.size(), 0);
    for (const Hood::Omitted &omitted : std::as_const(neighbourhood.omitted))
        (omitted.direction == Hood::Direction::Dependents ? omittedDependents : omittedDependencies)[omitted.node]
            += omitted.count;

    GraphLayout::Input input;
    // Tight: a neighbourhood three deep is wide and tall already, and every edge's words
    // take a rank of their own between its two ends.
    input.nodeSeparation = 10;
    input.rankSeparation = 28;
    for (qsizetype i = 0; i < neighbourhood.nodes.size(); ++i) {
        const Hood::Node &node = neighbourhood.nodes.at(i);
        GraphNodeItem::Data data;
        data.ref = node.ref;
        data.title = node.title;
        data.subtitle = subtitleOf(node);
        data.band = node.healthBand;
        data.atRisk = !node.riskPaths.isEmpty();
        data.centre = i == 0;
        data.absent = node.presence != Hood::Presence::Live;
        data.omittedDependents = omittedDependents.at(i);
        data.omittedDependencies = omittedDependencies.at(i);
        data.description = describe(node, data.omittedDependents, data.omittedDependencies);
        input.nodes.append(GraphLayout::Node { GraphNodeItem::sizeFor(fonts, data.title, data.subtitle) });
        graph.nodes.append(std::move(data));
    }
    // Ranked by what uses what: a component before the API it consumes, an API before the
    // component that provides it, so that dependents sit left of the centre and dependencies
    // right of it. The arrow still reads as the relation does: the provider points at its API.
    for (const Hood::Edge &edge : std::as_const(neighbourhood.edges)) {
        const bool provides = edge.type == Hood::EdgeType::ProvidesApi;
        GraphLayout::Edge laid;
        laid.tail = provides ? edge.to : edge.from;
        laid.head = provides ? edge.from : edge.to;
        laid.arrowAtTail = provides;
        laid.labelSize = GraphEdgeItem::labelSizeFor(fonts, edgeWords(edge.type));
        input.edges.append(laid);
    }

    core::Result<GraphLayout::Placed> placed = GraphLayout::compute(input);
    if (!placed)
        return placed.error();
    graph.nodeRects = placed->nodes;
    graph.bounds = placed->bounds;
    for (qsizetype i = 0; i < neighbourhood.edges.size(); ++i) {
        const Hood::Edge &edge = neighbourhood.edges.at(i);
        GraphLayout::PlacedEdge &laid = placed->edges[i];
        GraphEdgeItem::Data data { {}, std::move(laid.arrows), edgeWords(edge.type), laid.labelCentre,
            edge.type != Hood::EdgeType::DependsOn };
        data.path.swap(laid.path); // QPainterPath has no move constructor in Qt 6.4: std::move would copy
        graph.edges.append(std::move(data));
    }
    graph.neighbourhood = std::move(neighbourhood);
    return graph;
}

void DependencyGraphScene::show(const DependencyGraph &graph, const GraphFonts &fonts)
{
    clearGraph();
    for (const GraphEdgeItem::Data &edge : graph.edges) {
        auto *item = new GraphEdgeItem(edge, fonts);
        addItem(item);
        m_edges.append(item);
    }
    for (qsizetype i = 0; i < graph.nodes.size(); ++i) {
        auto *item = new GraphNodeItem(graph.nodes.at(i), graph.nodeRects.at(i), fonts);
        addItem(item);
        m_nodes.append(item);
    }
    setSceneRect(graphRect());
}

void DependencyGraphScene::clearGraph()
{
    Q_EMIT cleared();
    m_nodes.clear();
    m_edges.clear();
    clear();
    setSceneRect(QRectF());
}

GraphNodeItem *DependencyGraphScene::nodeFor(const core::EntityRef &ref) const
{
    for (GraphNodeItem *node : m_nodes) {
        if (node->data().ref == ref)
            return node;
    }
    return nullptr;
}

QRectF DependencyGraphScene::graphRect() const
{
    QRectF bounds;
    for (const GraphNodeItem *node : m_nodes)
        bounds |= node->sceneBoundingRect();
    for (const GraphEdgeItem *edge : m_edges)
        bounds |= edge->sceneBoundingRect();
    return bounds.adjusted(-Margin, -Margin, Margin, Margin);
}

} // namespace cairn::ui
