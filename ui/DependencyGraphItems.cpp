// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DependencyGraphItems.h"

#include "ui/GraphColours.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QLocale>
#include <QPainter>

#include <cmath>

namespace cairn::ui {

namespace {

constexpr qreal PaddingX = 10;
constexpr qreal PaddingY = 6;
constexpr qreal Stripe = 5; // the band's colour down the left side
constexpr qreal MinWidth = 120;
constexpr qreal MaxWidth = 250;
constexpr qreal Radius = 6;
constexpr qreal RiskBadge = 16; // the warning triangle's side
constexpr qreal ArrowHalfWidth = 4.5;

} // namespace

GraphFonts GraphFonts::from(const QFont &base)
{
    GraphFonts fonts;
    fonts.title = base;
    fonts.title.setWeight(QFont::DemiBold);
    fonts.subtitle = base;
    fonts.label = base;
    // Smaller, never below what stays readable at 100 %.
    const qreal size = base.pointSizeF() > 0 ? base.pointSizeF() : 10;
    fonts.subtitle.setPointSizeF(std::max<qreal>(7.5, size * 0.88));
    fonts.label.setPointSizeF(std::max<qreal>(7.0, size * 0.82));
    return fonts;
}

// GraphNodeItem

GraphNodeItem::GraphNodeItem(Data data, const QRectF &sceneRect, const GraphFonts &fonts)
    : m_data(std::move(data))
    , m_rect(0, 0, sceneRect.width(), sceneRect.height())
    , m_fonts(fonts)
{
    setPos(sceneRect.topLeft());
    setZValue(1);
    setAcceptHoverEvents(true);
    // Clicks are the view's: a press may start a pan. Hover and tooltips stay the item's.
    setAcceptedMouseButtons(Qt::NoButton);
    setCursor(Qt::PointingHandCursor);
    setToolTip(m_data.description.toHtmlEscaped());
}

QSizeF GraphNodeItem::sizeFor(const GraphFonts &fonts, const QString &title, const QString &subtitle)
{
    const QFontMetricsF titleMetrics(fonts.title);
    const QFontMetricsF subtitleMetrics(fonts.subtitle);
    const qreal text = std::max(titleMetrics.horizontalAdvance(title), subtitleMetrics.horizontalAdvance(subtitle));
    const qreal width = std::clamp(std::ceil(text + 2 * PaddingX + Stripe), MinWidth, MaxWidth);
    const qreal height = std::ceil(titleMetrics.height() + subtitleMetrics.height() + 2 * PaddingY + 1);
    return QSizeF(width, height);
}

void GraphNodeItem::setCurrent(bool current)
{
    if (current == m_current)
        return;
    m_current = current;
    update();
}

QRectF GraphNodeItem::omittedBadge(bool dependents) const
{
    const int count = dependents ? m_data.omittedDependents : m_data.omittedDependencies;
    const QFontMetricsF metrics(m_fonts.label);
    const QString text = QStringLiteral("+%1").arg(QLocale().toString(count));
    const qreal width = metrics.horizontalAdvance(text) + 10;
    const qreal height = metrics.height() + 4;
    const qreal x = dependents ? m_rect.left() - width + 4 : m_rect.right() - 4;
    return QRectF(x, m_rect.center().y() - height / 2, width, height);
}

QRectF GraphNodeItem::boundingRect() const
{
    // The focus ring, the centre's halo and the badges reach outside the box.
    QRectF bounds = m_rect.adjusted(-6, -RiskBadge / 2 - 2, RiskBadge / 2 + 2, 6);
    if (m_data.omittedDependents > 0)
        bounds |= omittedBadge(true).adjusted(-1, -1, 1, 1);
    if (m_data.omittedDependencies > 0)
        bounds |= omittedBadge(false).adjusted(-1, -1, 1, 1);
    return bounds;
}

QPainterPath GraphNodeItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(m_rect, Radius, Radius);
    return path;
}

void GraphNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const GraphColours colours(scene() ? scene()->palette() : QPalette());
    painter->setRenderHint(QPainter::Antialiasing);

    if (m_data.centre) {
        QColor halo = colours.highlight();
        halo.setAlphaF(0.35f);
        painter->setPen(QPen(halo, 6));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(m_rect.adjusted(-1, -1, 1, 1), Radius + 1, Radius + 1);
    }
    if (m_current) {
        QPen ring(colours.highlight(), 2, Qt::DashLine);
        painter->setPen(ring);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(m_rect.adjusted(-5, -5, 5, 5), Radius + 4, Radius + 4);
    }

    QPainterPath box;
    box.addRoundedRect(m_rect, Radius, Radius);
    painter->fillPath(box, colours.nodeFill(m_data.band));
    if (const QColor hue = GraphColours::bandHue(m_data.band); hue.isValid()) {
        painter->save();
        painter->setClipPath(box);
        painter->fillRect(QRectF(m_rect.left(), m_rect.top(), Stripe, m_rect.height()), hue);
        painter->restore();
    }
    QPen border(m_hovered ? colours.highlight() : colours.nodeBorder(m_data.band), m_data.centre ? 2.5 : 1.5);
    if (m_data.absent)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(box);

    const QRectF text = m_rect.adjusted(PaddingX + Stripe, PaddingY, -PaddingX, -PaddingY);
    const QFontMetricsF titleMetrics(m_fonts.title);
    const QFontMetricsF subtitleMetrics(m_fonts.subtitle);
    painter->setPen(colours.text());
    painter->setFont(m_fonts.title);
    painter->drawText(QRectF(text.left(), text.top(), text.width(), titleMetrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter, titleMetrics.elidedText(m_data.title, Qt::ElideMiddle, text.width()));
    painter->setPen(colours.quietText());
    painter->setFont(m_fonts.subtitle);
    painter->drawText(
        QRectF(text.left(), text.top() + titleMetrics.height() + 1, text.width(), subtitleMetrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter, subtitleMetrics.elidedText(m_data.subtitle, Qt::ElideRight, text.width()));

    if (m_data.atRisk) {
        // A warning triangle astride the top-right corner.
        const QPointF corner = m_rect.topRight() + QPointF(-4, 2);
        QPolygonF triangle;
        triangle << corner + QPointF(0, -RiskBadge / 2) << corner + QPointF(RiskBadge / 2, RiskBadge / 2)
                 << corner + QPointF(-RiskBadge / 2, RiskBadge / 2);
        painter->setPen(QPen(colours.background(), 1.5));
        painter->setBrush(colours.risk());
        painter->drawPolygon(triangle);
        painter->setPen(QPen(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(corner + QPointF(0, -RiskBadge / 2 + 5.5), corner + QPointF(0, RiskBadge / 2 - 5));
        painter->drawPoint(corner + QPointF(0, RiskBadge / 2 - 2.5));
    }

    for (const bool dependents : { true, false }) {
        const int count = dependents ? m_data.omittedDependents : m_data.omittedDependencies;
        if (count <= 0)
            continue;
        const QRectF badge = omittedBadge(dependents);
        painter->setPen(QPen(colours.nodeBorder({}), 1));
        painter->setBrush(colours.badgeFill());
        painter->drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
        painter->setPen(colours.text());
        painter->setFont(m_fonts.label);
        painter->drawText(badge, Qt::AlignCenter, QStringLiteral("+%1").arg(QLocale().toString(count)));
    }
}

void GraphNodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = true;
    update();
}

void GraphNodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    update();
}

// GraphEdgeItem

GraphEdgeItem::GraphEdgeItem(Data data, const GraphFonts &fonts)
    : m_data(std::move(data))
    , m_fonts(fonts)
{
    setZValue(0);
    setAcceptedMouseButtons(Qt::NoButton);
    m_bounds = m_data.path.boundingRect();
    for (const QLineF &arrow : std::as_const(m_data.arrows))
        m_bounds |= QRectF(arrow.p1(), arrow.p2()).normalized();
    m_bounds = m_bounds.adjusted(-ArrowHalfWidth - 2, -ArrowHalfWidth - 2, ArrowHalfWidth + 2, ArrowHalfWidth + 2);
    if (!m_data.label.isEmpty())
        m_bounds |= labelRect().adjusted(-1, -1, 1, 1);
}

QSizeF GraphEdgeItem::labelSizeFor(const GraphFonts &fonts, const QString &label)
{
    const QFontMetricsF metrics(fonts.label);
    return QSizeF(std::ceil(metrics.horizontalAdvance(label) + 8), std::ceil(metrics.height() + 2));
}

QRectF GraphEdgeItem::labelRect() const
{
    const QSizeF size = labelSizeFor(m_fonts, m_data.label);
    return QRectF(m_data.labelCentre.x() - size.width() / 2, m_data.labelCentre.y() - size.height() / 2, size.width(),
        size.height());
}

QRectF GraphEdgeItem::labelSceneRect() const
{
    return mapRectToScene(labelRect());
}

QRectF GraphEdgeItem::boundingRect() const
{
    return m_bounds;
}

void GraphEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const GraphColours colours(scene() ? scene()->palette() : QPalette());
    const QColor colour = m_data.api ? colours.apiEdge() : colours.dependencyEdge();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(colour, 1.4);
    if (m_data.api)
        pen.setDashPattern({ 5, 3 });
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_data.path);

    painter->setPen(QPen(colour, 1));
    painter->setBrush(colour);
    for (const QLineF &arrow : std::as_const(m_data.arrows)) {
        if (arrow.length() <= 0)
            continue;
        const QLineF normal = arrow.normalVector().unitVector();
        const QPointF side(normal.dx() * ArrowHalfWidth, normal.dy() * ArrowHalfWidth);
        painter->drawPolygon(QPolygonF { arrow.p2(), arrow.p1() + side, arrow.p1() - side });
    }

    if (!m_data.label.isEmpty()) {
        const QRectF rect = labelRect();
        QColor behind = colours.background();
        behind.setAlphaF(0.85f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(behind);
        painter->drawRoundedRect(rect, 3, 3);
        painter->setPen(colours.quietText());
        painter->setFont(m_fonts.label);
        painter->drawText(rect, Qt::AlignCenter, m_data.label);
    }
}

} // namespace cairn::ui
