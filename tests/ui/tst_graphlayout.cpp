// SPDX-License-Identifier: GPL-3.0-or-later
// Graphviz's layout as the dependency graph uses it: every node placed at its own size, none
// over another, edges from the tail's border to the head's with their arrowheads, labels
// beside the nodes; on made graphs and on the sample organisation's neighbourhoods.

#include "cache/Cache.h"
#include "sync/SampleOrganisation.h"
#include "ui/DependencyGraphItems.h"
#include "ui/DependencyGraphScene.h"
#include "ui/GraphLayout.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace cairn;
using ui::GraphLayout;

namespace {

// How far a point may be from a box and still count as on its border (Graphviz rounds to points).
constexpr qreal Slack = 3;

bool nearBorder(const QRectF &box, const QPointF &point)
{
    return box.adjusted(-Slack, -Slack, Slack, Slack).contains(point)
        && !box.adjusted(Slack, Slack, -Slack, -Slack).contains(point);
}

// No two boxes overlap; returns the first pair that does.
QString overlapping(const QList<QRectF> &boxes)
{
    for (qsizetype i = 0; i < boxes.size(); ++i) {
        for (qsizetype j = i + 1; j < boxes.size(); ++j) {
            if (boxes.at(i).intersects(boxes.at(j)))
                return QStringLiteral("%1 and %2").arg(i).arg(j);
        }
    }
    return {};
}

GraphLayout::Input chain(int length)
{
    GraphLayout::Input input;
    for (int i = 0; i < length; ++i)
        input.nodes.append({ QSizeF(140 + 10 * i, 40) });
    for (int i = 0; i + 1 < length; ++i)
        input.edges.append({ i, i + 1, QSizeF(60, 14), false });
    return input;
}

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aChainFlowsLeftToRight()
    {
        const GraphLayout::Input input = chain(4);
        core::Result<GraphLayout::Placed> placed = GraphLayout::compute(input);
        QVERIFY2(placed, qPrintable(placed.errorString()));
        QCOMPARE(placed->nodes.size(), 4);
        QCOMPARE(placed->edges.size(), 3);
        for (int i = 0; i < 4; ++i) {
            // Its own size, inside the bounds.
            QCOMPARE(placed->nodes.at(i).size(), input.nodes.at(i).size);
            QVERIFY(placed->bounds.adjusted(-1, -1, 1, 1).contains(placed->nodes.at(i)));
        }
        for (int i = 0; i + 1 < 4; ++i) {
            // The tail's rank before the head's, with the room asked for between them.
            QVERIFY(placed->nodes.at(i).right() + input.rankSeparation - Slack <= placed->nodes.at(i + 1).left());
            const GraphLayout::PlacedEdge &edge = placed->edges.at(i);
            QVERIFY(!edge.path.isEmpty());
            QVERIFY(nearBorder(placed->nodes.at(i), edge.path.pointAtPercent(0)));
            // The arrowhead ends on the head's border, pointing into it.
            QCOMPARE(edge.arrows.size(), 1);
            QVERIFY(nearBorder(placed->nodes.at(i + 1), edge.arrows.constFirst().p2()));
            QVERIFY(edge.arrows.constFirst().dx() > 0);
            // The label sits between the two, on no node.
            QVERIFY(edge.labelCentre.x() > placed->nodes.at(i).right());
            QVERIFY(edge.labelCentre.x() < placed->nodes.at(i + 1).left());
        }
        // Top to bottom when asked.
        GraphLayout::Input down = chain(3);
        down.flow = Qt::Vertical;
        core::Result<GraphLayout::Placed> vertical = GraphLayout::compute(down);
        QVERIFY(vertical);
        QVERIFY(vertical->nodes.at(0).bottom() < vertical->nodes.at(1).top());
    }

    void anArrowCanPointBackAtTheTail()
    {
        // An API ranked before its provider, the provider's arrow pointing at the API.
        GraphLayout::Input input;
        input.nodes = { { QSizeF(120, 40) }, { QSizeF(120, 40) } };
        input.edges = { { 0, 1, QSizeF(50, 14), true } };
        core::Result<GraphLayout::Placed> placed = GraphLayout::compute(input);
        QVERIFY2(placed, qPrintable(placed.errorString()));
        QVERIFY(placed->nodes.at(0).right() < placed->nodes.at(1).left());
        QCOMPARE(placed->edges.constFirst().arrows.size(), 1);
        const QLineF arrow = placed->edges.constFirst().arrows.constFirst();
        QVERIFY(nearBorder(placed->nodes.at(0), arrow.p2()));
        QVERIFY(arrow.dx() < 0);
    }

    void cyclesParallelEdgesAndLoneNodes()
    {
        GraphLayout::Input input;
        for (int i = 0; i < 6; ++i)
            input.nodes.append({ QSizeF(130, 38) });
        input.edges = { { 0, 1, {}, false }, { 1, 2, {}, false }, { 2, 0, {}, false }, { 0, 1, QSizeF(40, 12), true },
            { 3, 4, {}, false } }; // node 5 has no edge
        core::Result<GraphLayout::Placed> placed = GraphLayout::compute(input);
        QVERIFY2(placed, qPrintable(placed.errorString()));
        QCOMPARE(placed->nodes.size(), 6);
        QCOMPARE(overlapping(placed->nodes), QString());
        for (const GraphLayout::PlacedEdge &edge : placed->edges)
            QVERIFY(!edge.path.isEmpty());
    }

    void aBadEdgeIsAnErrorNotACrash()
    {
        GraphLayout::Input input;
        input.nodes = { { QSizeF(100, 30) } };
        input.edges = { { 0, 3, {}, false } };
        QVERIFY(!GraphLayout::compute(input));
    }

    void layoutsOnSeveralThreadsAtOnce()
    {
        // Graphviz is not re-entrant: GraphLayout takes turns. Four at once all succeed alike.
        QList<QFuture<core::Result<GraphLayout::Placed>>> running;
        for (int i = 0; i < 4; ++i)
            running.append(QtConcurrent::run([] { return GraphLayout::compute(chain(12)); }));
        const core::Result<GraphLayout::Placed> first = running.first().result();
        QVERIFY(first);
        for (auto &future : running) {
            const core::Result<GraphLayout::Placed> placed = future.result();
            QVERIFY2(placed, qPrintable(placed.errorString()));
            QCOMPARE(placed->nodes, first->nodes);
        }
    }

    void theSampleNeighbourhoodsLayOutClean_data()
    {
        QTest::addColumn<QString>("centre");
        QTest::addColumn<int>("depth");
        QTest::newRow("checkout-service, 1") << QStringLiteral("component:default/checkout-service") << 1;
        QTest::newRow("checkout-service, 3") << QStringLiteral("component:default/checkout-service") << 3;
        QTest::newRow("payment-gateway, 3") << QStringLiteral("component:default/payment-gateway") << 3;
        QTest::newRow("catalogue-api, 2") << QStringLiteral("api:default/catalogue-api") << 2;
        QTest::newRow("event-bus, 3") << QStringLiteral("resource:default/event-bus") << 3;
    }

    void theSampleNeighbourhoodsLayOutClean()
    {
        QFETCH(QString, centre);
        QFETCH(int, depth);
        Q_INIT_RESOURCE(cairn_sample);
        QTemporaryDir dir;
        auto cache = cache::Cache::open(dir.filePath(QStringLiteral("cache.sqlite3")));
        QVERIFY(cache);
        QVERIFY(sync::SampleOrganisation::load(**cache).ok);

        const ui::GraphFonts fonts = ui::GraphFonts::from(QApplication::font());
        QElapsedTimer timer;
        timer.start();
        core::Result<ui::DependencyGraph> graph
            = ui::DependencyGraphScene::prepare(**cache, core::EntityRef::parse(centre).value(), depth, fonts);
        QVERIFY2(graph, qPrintable(graph.errorString()));
        qInfo("%s at depth %d: %lld nodes, %lld edges, read and laid out in %lld ms", qPrintable(centre), depth,
            graph->nodes.size(), graph->edges.size(), timer.elapsed());
        QVERIFY(graph->nodes.size() > 3);
        QCOMPARE(graph->nodeRects.size(), graph->nodes.size());
        QCOMPARE(graph->edges.size(), graph->neighbourhood.edges.size());

        // Every node placed, at the size its words need, inside the bounds, on no other.
        for (qsizetype i = 0; i < graph->nodes.size(); ++i) {
            const QRectF box = graph->nodeRects.at(i);
            QCOMPARE(
                box.size(), ui::GraphNodeItem::sizeFor(fonts, graph->nodes.at(i).title, graph->nodes.at(i).subtitle));
            QVERIFY(graph->bounds.adjusted(-1, -1, 1, 1).contains(box));
        }
        QCOMPARE(overlapping(graph->nodeRects), QString());

        // Every edge runs between its two nodes, with an arrowhead; its words on no node.
        for (qsizetype e = 0; e < graph->edges.size(); ++e) {
            const ui::GraphEdgeItem::Data &edge = graph->edges.at(e);
            const auto &relation = graph->neighbourhood.edges.at(e);
            QVERIFY(!edge.path.isEmpty());
            QCOMPARE(edge.arrows.size(), 1);
            // The arrow points at what is depended on, provided or consumed.
            QVERIFY2(nearBorder(graph->nodeRects.at(relation.to), edge.arrows.constFirst().p2()),
                qPrintable(QStringLiteral("edge %1").arg(e)));
            QVERIFY(!edge.label.isEmpty());
            const QSizeF words = ui::GraphEdgeItem::labelSizeFor(fonts, edge.label);
            const QRectF label(edge.labelCentre - QPointF(words.width() / 2, words.height() / 2), words);
            for (const QRectF &box : graph->nodeRects)
                QVERIFY2(!box.adjusted(1, 1, -1, -1).intersects(label), qPrintable(edge.label));
        }
        // Dependents to the left of the centre, dependencies to its right.
        const QRectF middle = graph->nodeRects.constFirst();
        for (const auto &relation : graph->neighbourhood.edges) {
            if (relation.from == 0 && relation.type == cache::DependencyNeighbourhood::EdgeType::DependsOn)
                QVERIFY(graph->nodeRects.at(relation.to).left() > middle.right());
            if (relation.to == 0 && relation.type == cache::DependencyNeighbourhood::EdgeType::DependsOn)
                QVERIFY(graph->nodeRects.at(relation.from).right() < middle.left());
        }
    }
};

QTEST_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
