// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/Result.h"

#include <QWidget>

class QLabel;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace cairn::cache {
class Cache;
}
namespace cairn::models {
class BackgroundReader;
}

namespace cairn::ui {

struct DependencyGraph;
class DependencyGraphScene;
class DependencyGraphView;

// The dependency graph of the entity the window shows (View ▸ Dependency Graph, Ctrl+G):
// its dependencies and dependents to the depth a person picks (1–3), the APIs it provides
// and consumes, coloured by health, with zoom, fit and export as PNG or SVG. Clicking a node
// asks the window to open that entity (entityActivated), which then shows its graph here.
//
// The neighbourhood is read and laid out on a reader of its own (its own thread and
// connection), and only while the panel is visible: a hidden panel remembers which entity
// it owes and reads it when shown. Asked again while a read runs, it reads once more after,
// for the latest entity only.
class DependencyGraphPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DependencyGraphPanel)

public:
    explicit DependencyGraphPanel(cache::Cache &cache, QWidget *parent = nullptr);
    ~DependencyGraphPanel() override;

    void setEntity(const core::EntityRef &ref);
    core::EntityRef entity() const { return m_ref; }
    // The entity of the graph on screen; null when none is.
    core::EntityRef shownEntity() const { return m_shown; }
    // Reads the graph again: the cache changed. The zoom and scroll stay.
    void reload();

    int depth() const;
    void setDepth(int depth);

    // True while the graph asked for is not on screen yet (a test or a tour waits for it).
    bool isReading() const;

    // Writes the graph shown as a PNG or, for a path ending in .svg, an SVG.
    core::Status exportImage(const QString &path);

    DependencyGraphView *view() const { return m_view; }
    DependencyGraphScene *scene() const { return m_scene; }
    QSpinBox *depthBox() const { return m_depth; }
    QLabel *noteLabel() const { return m_note; }

    // Room for three ranks of boxes when it first docks under the views.
    QSize sizeHint() const override { return QSize(900, 380); }

Q_SIGNALS:
    void entityActivated(const cairn::core::EntityRef &ref);
    // For the window's status bar: an export written or refused.
    void statusMessage(const QString &text, int timeoutMs);
    // A graph, or why there is none, is on screen.
    void graphShown();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void load();
    void arrived(const core::EntityRef &ref, int depth, core::Result<DependencyGraph> graph);
    void showPlaceholder(const QString &text);
    void updateLegend();
    void exportWithDialog(bool svg);

    cache::Cache &m_cache;
    models::BackgroundReader *m_reader = nullptr; // made on first use
    DependencyGraphScene *m_scene = nullptr;
    DependencyGraphView *m_view = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QSpinBox *m_depth = nullptr;
    QToolButton *m_export = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_legend = nullptr;

    core::EntityRef m_ref; // asked for
    core::EntityRef m_shown; // on screen
    int m_shownDepth = 0;
    bool m_stale = true; // m_ref (or the cache) changed since the last read began
    bool m_busy = false; // a read is on the reader
};

} // namespace cairn::ui
