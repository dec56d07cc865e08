// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DependencyGraphView.h"

#include "ui/DependencyGraphItems.h"
#include "ui/DependencyGraphScene.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace cairn::ui {

namespace {

constexpr qreal ZoomStep = 1.25;
// Below this a fitted graph's names are too small to read: the view shows the centre
// instead, and Fit (Ctrl+0) still shows everything.
constexpr qreal ReadableZoom = 0.75;

} // namespace

DependencyGraphView::DependencyGraphView(DependencyGraphScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setObjectName(QStringLiteral("dependencyGraphView"));
    setAccessibleName(tr("Dependency graph"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::NoDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    viewport()->setCursor(Qt::OpenHandCursor);
    connect(scene, &DependencyGraphScene::cleared, this, [this] { m_current = nullptr; });
}

qreal DependencyGraphView::zoom() const
{
    return transform().m11();
}

void DependencyGraphView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, MinZoom, MaxZoom);
    if (qFuzzyCompare(zoom, this->zoom()))
        return;
    setTransform(QTransform::fromScale(zoom, zoom));
    Q_EMIT zoomChanged(zoom);
}

void DependencyGraphView::zoomBy(qreal factor)
{
    const qreal wanted = std::clamp(zoom() * factor, MinZoom, MaxZoom);
    if (qFuzzyCompare(wanted, zoom()))
        return;
    scale(wanted / zoom(), wanted / zoom());
    Q_EMIT zoomChanged(zoom());
}

void DependencyGraphView::zoomIn()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    zoomBy(ZoomStep);
    setTransformationAnchor(anchor);
}

void DependencyGraphView::zoomOut()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    zoomBy(1 / ZoomStep);
    setTransformationAnchor(anchor);
}

void DependencyGraphView::fitAll()
{
    const QRectF rect = m_scene->graphRect();
    if (rect.isEmpty())
        return;
    // A graph of two nodes is not blown up to fill the pane.
    const qreal fit = std::clamp(fittingZoom(rect), MinZoom, 1.5);
    setTransform(QTransform::fromScale(fit, fit));
    centerOn(rect.center());
    Q_EMIT zoomChanged(zoom());
}

qreal DependencyGraphView::fittingZoom(const QRectF &rect) const
{
    // The room once the scroll bars have gone, as they do when everything fits: measured
    // with them, the fit would leave a margin it did not need, or not fit once they went.
    const QSize room = maximumViewportSize() - QSize(4, 4);
    return std::min(room.width() / rect.width(), room.height() / rect.height());
}

void DependencyGraphView::present(const core::EntityRef &current)
{
    const QRectF rect = m_scene->graphRect();
    GraphNodeItem *centre = m_scene->centreNode();
    resetTransform();
    if (!rect.isEmpty()) {
        const qreal fit = fittingZoom(rect);
        if (fit >= ReadableZoom) {
            setTransform(QTransform::fromScale(std::min(fit, 1.0), std::min(fit, 1.0)));
            centerOn(rect.center());
        } else {
            setTransform(QTransform::fromScale(ReadableZoom, ReadableZoom));
            if (centre)
                centerOn(centre->nodeSceneRect().center());
        }
    }
    GraphNodeItem *wanted = m_scene->nodeFor(current);
    setCurrentNode(wanted ? wanted : centre);
    Q_EMIT zoomChanged(zoom());
}

void DependencyGraphView::setCurrentNode(GraphNodeItem *node)
{
    if (m_current)
        m_current->setCurrent(false);
    m_current = node;
    if (!node) {
        setAccessibleDescription({});
        return;
    }
    node->setCurrent(hasFocus());
    setAccessibleDescription(node->data().description);
}

GraphNodeItem *DependencyGraphView::nodeAt(const QPoint &viewportPoint) const
{
    for (QGraphicsItem *item : items(viewportPoint)) {
        if (auto *node = qgraphicsitem_cast<GraphNodeItem *>(item))
            return node;
    }
    return nullptr;
}

GraphNodeItem *DependencyGraphView::neighbourTowards(int dx, int dy) const
{
    if (!m_current)
        return m_scene->centreNode();
    const QPointF from = m_current->nodeSceneRect().center();
    GraphNodeItem *best = nullptr;
    qreal bestScore = 0;
    for (GraphNodeItem *node : m_scene->nodeItems()) {
        if (node == m_current)
            continue;
        const QPointF d = node->nodeSceneRect().center() - from;
        const qreal ahead = dx != 0 ? d.x() * dx : d.y() * dy;
        if (ahead <= 1)
            continue;
        // Straight ahead beats a little nearer but far to the side.
        const qreal score = ahead + 2 * (dx != 0 ? std::abs(d.y()) : std::abs(d.x()));
        if (!best || score < bestScore) {
            best = node;
            bestScore = score;
        }
    }
    return best;
}

void DependencyGraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        // Under the mouse (the transformation anchor), as a map zooms.
        const int delta = event->angleDelta().y() != 0 ? event->angleDelta().y() : event->angleDelta().x();
        zoomBy(std::pow(1.0015, delta));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void DependencyGraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QGraphicsView::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressAt = event->position().toPoint();
    m_lastDragAt = m_pressAt;
    event->accept();
}

void DependencyGraphView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed) {
        QGraphicsView::mouseMoveEvent(event); // hover, item cursors
        return;
    }
    const QPoint at = event->position().toPoint();
    if (!m_dragging && (at - m_pressAt).manhattanLength() >= QApplication::startDragDistance()) {
        m_dragging = true;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    if (m_dragging) {
        const QPoint delta = at - m_lastDragAt;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - (isRightToLeft() ? -delta.x() : delta.x()));
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        m_lastDragAt = at;
    }
    event->accept();
}

void DependencyGraphView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QGraphicsView::mouseReleaseEvent(event);
        return;
    }
    const bool click = !m_dragging;
    m_pressed = false;
    m_dragging = false;
    viewport()->setCursor(Qt::OpenHandCursor);
    event->accept();
    if (!click)
        return;
    if (GraphNodeItem *node = nodeAt(event->position().toPoint())) {
        setCurrentNode(node);
        Q_EMIT nodeActivated(node->data().ref);
    }
}

void DependencyGraphView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    GraphNodeItem *next = nullptr;
    bool moved = false;
    if (modifiers == Qt::NoModifier) {
        switch (event->key()) {
        case Qt::Key_Left:
            next = neighbourTowards(-1, 0);
            moved = true;
            break;
        case Qt::Key_Right:
            next = neighbourTowards(1, 0);
            moved = true;
            break;
        case Qt::Key_Up:
            next = neighbourTowards(0, -1);
            moved = true;
            break;
        case Qt::Key_Down:
            next = neighbourTowards(0, 1);
            moved = true;
            break;
        case Qt::Key_Home:
            next = m_scene->centreNode();
            moved = true;
            break;
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Space:
            if (m_current) {
                Q_EMIT nodeActivated(m_current->data().ref);
                event->accept();
                return;
            }
            break;
        default:
            break;
        }
    }
    if (modifiers == Qt::NoModifier || modifiers == Qt::ShiftModifier) {
        if (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal) {
            zoomIn();
            event->accept();
            return;
        }
        if (event->key() == Qt::Key_Minus) {
            zoomOut();
            event->accept();
            return;
        }
    }
    if (moved) {
        // At an edge of the graph the ring stays where it is.
        if (next) {
            setCurrentNode(next);
            ensureVisible(next->nodeSceneRect(), 40, 40);
        }
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DependencyGraphView::focusInEvent(QFocusEvent *event)
{
    QGraphicsView::focusInEvent(event);
    if (!m_current)
        setCurrentNode(m_scene->centreNode());
    else
        m_current->setCurrent(true);
}

void DependencyGraphView::focusOutEvent(QFocusEvent *event)
{
    QGraphicsView::focusOutEvent(event);
    // The ring shows where the keys act; without the focus they act elsewhere.
    if (m_current)
        m_current->setCurrent(false);
}

bool DependencyGraphView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        const auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(1 + gesture->value());
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

} // namespace cairn::ui
