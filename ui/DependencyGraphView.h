// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"

#include <QGraphicsView>
#include <QPoint>

namespace cairn::ui {

class DependencyGraphScene;
class GraphNodeItem;

// Shows a DependencyGraphScene and lets a person move around it and through it:
// - a click on a node opens its entity (nodeActivated); a drag anywhere pans, as do the
//   scroll bars and the wheel;
// - Ctrl+wheel, a pinch, zoomIn()/zoomOut() zoom; fitAll() shows the whole graph;
// - from the keyboard, the arrows move a focus ring to the nearest node that way, Home
//   goes back to the centre, Enter or Space opens the node, + and - zoom. The node under the
//   ring is the view's accessible description, so a screen reader says where it is.
class DependencyGraphView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DependencyGraphView)

public:
    explicit DependencyGraphView(DependencyGraphScene *scene, QWidget *parent = nullptr);

    DependencyGraphScene *graphScene() const { return m_scene; }

    static constexpr qreal MinZoom = 0.1;
    static constexpr qreal MaxZoom = 4.0;
    qreal zoom() const;
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    void fitAll();
    // After a new graph: the whole of it when that reads (never above 100 %), else the centre
    // at a readable size; the focus ring on the node `current` when it is in the graph.
    void present(const core::EntityRef &current);

    GraphNodeItem *currentNode() const { return m_current; }
    void setCurrentNode(GraphNodeItem *node);
    // The node drawn at a point of the viewport; null for none.
    GraphNodeItem *nodeAt(const QPoint &viewportPoint) const;

Q_SIGNALS:
    void nodeActivated(const cairn::core::EntityRef &ref);
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    // The nearest node from the current one in a direction (dx, dy), or null.
    GraphNodeItem *neighbourTowards(int dx, int dy) const;
    void zoomBy(qreal factor);
    // The zoom at which `rect` fills the view without scroll bars.
    qreal fittingZoom(const QRectF &rect) const;

    DependencyGraphScene *m_scene;
    GraphNodeItem *m_current = nullptr;
    // A left press: where, and whether it became a drag (then its release opens nothing).
    QPoint m_pressAt;
    QPoint m_lastDragAt;
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace cairn::ui
