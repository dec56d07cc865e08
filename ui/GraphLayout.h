// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QLineF>
#include <QList>
#include <QPainterPath>
#include <QRectF>
#include <QSizeF>

namespace cairn::ui {

// Lays out a directed graph with Graphviz's dot, through its C library (cgraph and gvc):
// ranks along the edges, few crossings, splines routed around the nodes. The caller gives
// every node's and label's size (it measured the text itself, so Graphviz needs no fonts)
// and gets back where each one goes. Scene units in and out: one unit is one Graphviz point.
//
// Any thread. Graphviz keeps global state (its error handler, its layout's statics), so
// layouts run one at a time.
class GraphLayout final
{
    Q_DECLARE_TR_FUNCTIONS(cairn::ui::GraphLayout)

public:
    struct Node
    {
        QSizeF size;
    };

    struct Edge
    {
        // dot ranks the tail before the head (left of it when the flow is horizontal).
        int tail = 0;
        int head = 0;
        QSizeF labelSize; // empty: no label
        // Where the arrowhead goes: at the head (tail -> head) or back at the tail.
        bool arrowAtTail = false;
    };

    struct Input
    {
        QList<Node> nodes;
        QList<Edge> edges;
        Qt::Orientation flow = Qt::Horizontal; // the ranks' direction: left to right, or top down
        qreal nodeSeparation = 16; // between two nodes of a rank
        qreal rankSeparation = 56; // between ranks
    };

    struct PlacedEdge
    {
        QPainterPath path; // from the tail's border to the head's, arrowheads excluded
        QList<QLineF> arrows; // each from the arrowhead's base to its tip
        QPointF labelCentre; // meaningful when the edge has a label
    };

    struct Placed
    {
        QList<QRectF> nodes; // in the input's order
        QList<PlacedEdge> edges; // in the input's order
        QRectF bounds; // everything, from (0, 0)
    };

    // An error says what Graphviz said: no "dot" layout plugin, a graph it refused.
    static core::Result<Placed> compute(const Input &input);

    // The Graphviz library this program runs with ("2.43.0").
    static QString graphvizVersion();
};

} // namespace cairn::ui
