// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"

#include <QFont>
#include <QGraphicsItem>
#include <QLineF>
#include <QList>
#include <QPainterPath>
#include <QString>

namespace cairn::ui {

// The three fonts of the graph, from the view's: the name, the line under it, the edges' words.
struct GraphFonts
{
    QFont title;
    QFont subtitle;
    QFont label;

    static GraphFonts from(const QFont &base);
};

// One entity of the dependency graph: a rounded box with its name and, under it, its kind
// and health in words (the colour is never the only sign), a border and fill in its health
// band's colours, a warning badge when it is at risk through a dependency, and "+N" badges
// on the side whose neighbours the cap left out (dependents left, dependencies right).
class GraphNodeItem final : public QGraphicsItem
{
public:
    struct Data
    {
        core::EntityRef ref;
        QString title;
        QString subtitle;
        QString band; // entities.health_band; empty when no scorecard applies
        bool atRisk = false; // through a dependency
        bool centre = false;
        bool absent = false; // not in the cache, or removed upstream: dashed
        int omittedDependents = 0;
        int omittedDependencies = 0;
        // The node in one sentence, for its tooltip and a screen reader.
        QString description;
    };

    enum { Type = UserType + 1 };

    GraphNodeItem(Data data, const QRectF &sceneRect, const GraphFonts &fonts);

    // The size a node needs for these lines, within a minimum and maximum width (a longer
    // name is elided). Any thread.
    static QSizeF sizeFor(const GraphFonts &fonts, const QString &title, const QString &subtitle);

    const Data &data() const { return m_data; }
    // The box, in scene coordinates (badges and focus ring outside it).
    QRectF nodeSceneRect() const { return mapRectToScene(m_rect); }
    void setCurrent(bool current);
    bool isCurrent() const { return m_current; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    QRectF omittedBadge(bool dependents) const;

    Data m_data;
    QRectF m_rect; // local: from (0, 0)
    GraphFonts m_fonts;
    bool m_current = false;
    bool m_hovered = false;
};

// One relation between two nodes: Graphviz's spline, its arrowhead and its words
// ("depends on", "provides", "consumes"); API relations dashed in the link colour.
class GraphEdgeItem final : public QGraphicsItem
{
public:
    struct Data
    {
        QPainterPath path;
        QList<QLineF> arrows; // base to tip
        QString label;
        QPointF labelCentre;
        bool api = false;
    };

    GraphEdgeItem(Data data, const GraphFonts &fonts);

    // The size of an edge's words, for the layout to keep room for them. Any thread.
    static QSizeF labelSizeFor(const GraphFonts &fonts, const QString &label);

    const Data &data() const { return m_data; }
    QRectF labelSceneRect() const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QRectF labelRect() const;

    Data m_data;
    GraphFonts m_fonts;
    QRectF m_bounds;
};

} // namespace cairn::ui
