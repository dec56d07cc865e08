// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DependencyGraphPanel.h"

#include "cache/Cache.h"
#include "core/HealthWords.h"
#include "models/BackgroundReader.h"
#include "ui/DependencyGraphScene.h"
#include "ui/DependencyGraphView.h"
#include "ui/GraphColours.h"
#include "ui/GraphImageExport.h"
#include "ui/HealthColors.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace cairn::ui {

namespace {

using Hood = cache::DependencyNeighbourhood;

const QString DepthSetting = QStringLiteral("graph/depth");
const QString ExportFolderSetting = QStringLiteral("graph/exportFolder");

QToolButton *toolButton(QWidget *parent, QAction *action)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    button->setAccessibleName(action->text().remove(u'&'));
    return button;
}

QString colourName(const QColor &colour)
{
    return colour.name(QColor::HexRgb);
}

} // namespace

DependencyGraphPanel::DependencyGraphPanel(cache::Cache &cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_scene(new DependencyGraphScene(this))
{
    setObjectName(QStringLiteral("dependencyGraphPanel"));
    m_scene->setPalette(palette());
    m_view = new DependencyGraphView(m_scene, this);

    m_depth = new QSpinBox(this);
    m_depth->setObjectName(QStringLiteral("graphDepth"));
    m_depth->setRange(Hood::MinDepth, Hood::MaxDepth);
    m_depth->setPrefix(tr("Depth: "));
    m_depth->setAccessibleName(tr("Depth"));
    m_depth->setToolTip(tr("How many relations away from the entity the graph reaches, each way (1–3)"));
    m_depth->setValue(std::clamp(QSettings().value(DepthSetting, 2).toInt(), Hood::MinDepth, Hood::MaxDepth));

    // Shortcuts while the focus is anywhere in the panel, so they do not take the window's keys.
    auto makeAction = [this](const QString &icon, const QString &text, const QString &tip,
                          const QList<QKeySequence> &keys, void (DependencyGraphView::*slot)()) {
        auto *action = new QAction(QIcon(icon), text, this);
        action->setToolTip(tip);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, m_view, slot);
        this->addAction(action);
        return action;
    };
    QAction *zoomOut = makeAction(QStringLiteral(":/icons/zoom-out.svg"), tr("Zoom Out"), tr("Zoom out (Ctrl+-)"),
        { QKeySequence(Qt::CTRL | Qt::Key_Minus) }, &DependencyGraphView::zoomOut);
    QAction *zoomIn = makeAction(QStringLiteral(":/icons/zoom-in.svg"), tr("Zoom In"), tr("Zoom in (Ctrl+=)"),
        { QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus) },
        &DependencyGraphView::zoomIn);
    QAction *fit = makeAction(QStringLiteral(":/icons/zoom-fit.svg"), tr("Fit"), tr("Show the whole graph (Ctrl+0)"),
        { QKeySequence(Qt::CTRL | Qt::Key_0) }, &DependencyGraphView::fitAll);
    zoomOut->setObjectName(QStringLiteral("graphZoomOutAction"));
    zoomIn->setObjectName(QStringLiteral("graphZoomInAction"));
    fit->setObjectName(QStringLiteral("graphFitAction"));

    auto *exportMenu = new QMenu(this);
    QAction *png = exportMenu->addAction(tr("Export as &PNG…"));
    png->setObjectName(QStringLiteral("graphExportPngAction"));
    connect(png, &QAction::triggered, this, [this] { exportWithDialog(false); });
    QAction *svg = exportMenu->addAction(tr("Export as &SVG…"));
    svg->setObjectName(QStringLiteral("graphExportSvgAction"));
    connect(svg, &QAction::triggered, this, [this] { exportWithDialog(true); });
    m_export = new QToolButton(this);
    m_export->setObjectName(QStringLiteral("graphExportButton"));
    m_export->setIcon(QIcon(QStringLiteral(":/icons/export.svg")));
    m_export->setText(tr("Export"));
    m_export->setToolTip(tr("Save the graph as a PNG or SVG picture"));
    m_export->setAccessibleName(tr("Export the graph"));
    m_export->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setAutoRaise(true);
    m_export->setMenu(exportMenu);

    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("graphLegend"));
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setAccessibleName(tr("Colours of the graph"));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    bar->setSpacing(4);
    bar->addWidget(m_depth);
    bar->addSpacing(8);
    bar->addWidget(toolButton(this, zoomOut));
    bar->addWidget(toolButton(this, zoomIn));
    bar->addWidget(toolButton(this, fit));
    bar->addSpacing(8);
    bar->addWidget(m_export);
    bar->addStretch(1);
    bar->addWidget(m_legend);

    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("graphPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setMargin(24);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_view);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("graphNote"));
    m_note->setWordWrap(true);
    m_note->setContentsMargins(8, 2, 8, 4);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_note);
    setFocusProxy(m_view);
    setTabOrder(m_depth, m_view);

    connect(m_view, &DependencyGraphView::nodeActivated, this, [this](const core::EntityRef &ref) {
        if (ref != m_shown)
            Q_EMIT entityActivated(ref);
    });
    connect(m_depth, &QSpinBox::valueChanged, this, [this](int depth) {
        QSettings().setValue(DepthSetting, depth);
        reload();
    });
    updateLegend();
    showPlaceholder(tr("Select a component, API or resource to see what it depends on and what depends on it."));
}

DependencyGraphPanel::~DependencyGraphPanel()
{
    // Its jobs answer this panel: the reader's thread ends while the panel still exists.
    delete m_reader;
    m_reader = nullptr;
}

int DependencyGraphPanel::depth() const
{
    return m_depth->value();
}

void DependencyGraphPanel::setDepth(int depth)
{
    m_depth->setValue(depth);
}

void DependencyGraphPanel::setEntity(const core::EntityRef &ref)
{
    if (ref == m_ref)
        return;
    m_ref = ref;
    m_stale = true;
    if (isVisible())
        load();
}

void DependencyGraphPanel::reload()
{
    m_stale = true;
    if (isVisible())
        load();
}

bool DependencyGraphPanel::isReading() const
{
    return m_busy || (m_stale && isVisible() && !m_ref.isNull());
}

void DependencyGraphPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        load();
}

void DependencyGraphPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_scene->setPalette(palette());
        m_scene->update();
        updateLegend();
    } else if (event->type() == QEvent::FontChange) {
        reload(); // the boxes are measured for the font
    }
}

void DependencyGraphPanel::load()
{
    if (m_ref.isNull()) {
        m_stale = false;
        m_shown = {};
        m_scene->clearGraph();
        showPlaceholder(tr("Select a component, API or resource to see what it depends on and what depends on it."));
        Q_EMIT graphShown();
        return;
    }
    if (m_busy)
        return; // arrived() reads again: m_stale stays set
    m_busy = true;
    m_stale = false;
    if (!m_reader)
        m_reader = new models::BackgroundReader(m_cache, this);
    if (m_shown != m_ref)
        m_note->setText(tr("Reading what %1 depends on…").arg(m_ref.name()));
    m_reader->run([this, ref = m_ref, depth = depth(), fonts = GraphFonts::from(m_view->font())](
                      core::Result<cache::Cache *> connection) {
        core::Result<DependencyGraph> graph = connection
            ? DependencyGraphScene::prepare(**connection, ref, depth, fonts)
            : core::Result<DependencyGraph>(connection.error());
        models::BackgroundReader::deliver(
            this, [this, ref, depth, graph = std::move(graph)]() mutable { arrived(ref, depth, std::move(graph)); });
    });
}

void DependencyGraphPanel::arrived(const core::EntityRef &ref, int depth, core::Result<DependencyGraph> graph)
{
    m_busy = false;
    if (m_stale) {
        // Asked for another entity, or the cache changed, while this one was read.
        if (isVisible())
            load();
        return;
    }
    if (!graph) {
        m_shown = {};
        m_scene->clearGraph();
        showPlaceholder(tr("Could not show the graph of %1: %2").arg(ref.toString(), graph.errorString()));
        m_note->clear();
        Q_EMIT graphShown();
        return;
    }
    // The same graph read again (the cache changed) keeps the person's zoom and place.
    const bool same = ref == m_shown && depth == m_shownDepth;
    const QTransform transform = m_view->transform();
    const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center());
    const core::EntityRef current = m_view->currentNode() ? m_view->currentNode()->data().ref : core::EntityRef();

    const GraphFonts fonts = GraphFonts::from(m_view->font());
    m_scene->show(*graph, fonts);
    m_stack->setCurrentWidget(m_view);
    m_shown = ref;
    m_shownDepth = depth;
    if (same) {
        m_view->setTransform(transform);
        m_view->centerOn(centre);
        GraphNodeItem *node = m_scene->nodeFor(current);
        m_view->setCurrentNode(node ? node : m_scene->centreNode());
    } else {
        m_view->present(ref);
    }

    const Hood &hood = graph->neighbourhood;
    const QString title = hood.nodes.constFirst().title;
    const int around = int(hood.nodes.size()) - 1;
    QString note = around == 0 ? tr("%1 has no dependencies, dependents or APIs in the catalog.").arg(title)
                               : tr("%n entities around %1.", nullptr, around).arg(title);
    if (const int omitted = hood.omittedCount(); omitted > 0)
        note += u' ' + tr("%n more are left out to keep the graph readable; the + badges say where.", nullptr, omitted);
    m_note->setText(note);
    m_view->setAccessibleName(tr("Dependency graph of %1").arg(title));
    Q_EMIT graphShown();
}

void DependencyGraphPanel::showPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
}

void DependencyGraphPanel::updateLegend()
{
    const GraphColours colours(palette());
    auto chip = [](const QColor &colour, const QString &glyph, const QString &words) {
        return QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp;%3")
            .arg(colourName(colour), glyph, words.toHtmlEscaped());
    };
    const QString square = QStringLiteral("&#9632;");
    auto bandChip = [&](core::HealthBand band) {
        return chip(HealthColors::forBand(band), square, core::HealthWords::band(band));
    };
    const QStringList parts { bandChip(core::HealthBand::Passing), bandChip(core::HealthBand::NeedsAttention),
        bandChip(core::HealthBand::Failing), chip(colours.nodeBorder({}), square, tr("No scorecard")),
        chip(colours.risk(), QStringLiteral("&#9650;"), tr("At risk through a dependency")) };
    m_legend->setText(parts.join(QStringLiteral("&nbsp;&nbsp; ")));
}

core::Status DependencyGraphPanel::exportImage(const QString &path)
{
    if (m_shown.isNull() || m_scene->nodeItems().isEmpty())
        return core::Error { tr("There is no graph to export: select an entity first.") };
    const QRectF source = m_scene->graphRect();
    const QColor background = GraphColours(palette()).background();
    // Nothing of the keyboard's ring in a picture meant for others.
    GraphNodeItem *current = m_view->currentNode();
    const bool ring = current && current->isCurrent();
    if (ring)
        current->setCurrent(false);
    core::Status written = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)
        ? GraphImageExport::writeSvg(
            *m_scene, source, background, path, tr("Dependency graph of %1").arg(m_shown.toString()), m_note->text())
        : GraphImageExport::writePng(*m_scene, source, background, path);
    if (ring)
        current->setCurrent(true);
    return written;
}

void DependencyGraphPanel::exportWithDialog(bool svg)
{
    if (m_shown.isNull()) {
        Q_EMIT statusMessage(tr("There is no graph to export: select an entity first."), 8000);
        return;
    }
    QSettings settings;
    const QString folder
        = settings.value(ExportFolderSetting, QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
              .toString();
    const QString suggested = QDir(folder).filePath(
        QStringLiteral("%1-dependencies.%2").arg(m_shown.name(), svg ? QStringLiteral("svg") : QStringLiteral("png")));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Dependency Graph"), suggested, svg ? tr("SVG image (*.svg)") : tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    settings.setValue(ExportFolderSetting, QFileInfo(path).absolutePath());
    const core::Status written = exportImage(path);
    if (written)
        Q_EMIT statusMessage(tr("Saved the dependency graph to %1").arg(QDir::toNativeSeparators(path)), 10000);
    else
        Q_EMIT statusMessage(tr("Could not export the graph: %1").arg(written.errorString()), 15000);
}

} // namespace cairn::ui
