// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/KeptEntities.h"
#include "core/Clock.h"
#include "models/BackgroundReader.h"
#include "models/CacheChangeWatcher.h"
#include "models/ChangesModel.h"
#include "models/EntityTableModel.h"
#include "models/GoalTreeModel.h"
#include "models/ItemRoles.h"
#include "models/KindCountsModel.h"
#include "models/RemovedModel.h"
#include "ui/AboutDialog.h"
#include "ui/AskBar.h"
#include "ui/Banner.h"
#include "ui/DependencyGraphPanel.h"
#include "ui/DependencyGraphView.h"
#include "ui/DetailPane.h"
#include "ui/EmptyState.h"
#include "ui/EntityTableView.h"
#include "ui/Freshness.h"
#include "ui/HealthDashboard.h"
#include "ui/HeldRemovalsDialog.h"
#include "ui/HygieneView.h"
#include "ui/NavigationHistory.h"
#include "ui/OverviewPage.h"
#include "ui/PreferencesDialog.h"
#include "ui/ProgressDelegate.h"
#include "ui/Sidebar.h"
#include "ui/SnapshotsDialog.h"
#include "ui/SourcesDialog.h"
#include "ui/SyncController.h"
#include "ui/SyncMessages.h"
#include "ui/SyncProgressWidget.h"
#include "ui/ViewExporter.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QNetworkInformation>
#include <QProcess>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cairn::ui {

namespace {

// The kind a view id shows in the entity table; the other views have pages of their own.
bool isTableView(const QString &viewId)
{
    return viewId != u"overview" && viewId != u"health" && viewId != u"goal" && viewId != u"removed"
        && viewId != u"hygiene";
}

// A shortcut and the platform's own for the same thing, once each: the same sequence twice
// on one action makes it ambiguous, and then it does nothing.
QList<QKeySequence> withStandard(const QKeySequence &own, QKeySequence::StandardKey standard)
{
    QList<QKeySequence> keys { own };
    for (const QKeySequence &key : QKeySequence::keyBindings(standard)) {
        if (!keys.contains(key))
            keys.append(key);
    }
    return keys;
}

// A source whose removals wait for a person: its last run that read it was held by the
// mass-removal guard, or the person kept entities its upstream no longer has.
struct HeldSource
{
    QString name;
    int kept = 0;
};

// `runs` newest first.
QList<HeldSource> heldSources(const QList<cache::SourceInfo> &sources, const QList<cache::SyncRunRecord> &runs)
{
    QList<HeldSource> held;
    for (const cache::SourceInfo &source : sources) {
        bool lastHeld = false;
        for (const cache::SyncRunRecord &run : runs) {
            if (run.source != source.name || run.status == u"failed")
                continue;
            lastHeld = run.status == u"held";
            break;
        }
        if (lastHeld || source.keptEntities > 0)
            held.append({ source.name, source.keptEntities });
    }
    return held;
}

void setUpTable(QAbstractItemView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
}

} // namespace

MainWindow::MainWindow(cache::Cache &cache, QWidget *parent)
    : QMainWindow(parent)
    , m_cache(cache)
    , m_query(std::make_unique<cache::CatalogQuery>(cache))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Cairn"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/cairn.svg")));

    m_counts = new models::KindCountsModel(cache, this);
    m_changes = new models::ChangesModel(cache, this);
    m_removed = new models::RemovedModel(cache, 200, this);
    m_watcher = new models::CacheChangeWatcher(cache, this);
    m_history = new NavigationHistory(this);
    m_exporter = new ViewExporter(cache.path(), this);
    m_sync = new SyncController(cache.path(), this);
    m_refresher = new models::BackgroundReader(cache, this);

    createLayout();
    createActions();
    connectParts();
    restoreSettings();
    updateFreshness();
    updateNavigationActions();
    qApp->installEventFilter(this);
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
    // The refresher's jobs answer the sidebar, the changes, the detail pane and this
    // window: its thread ends first, while they all still exist (children go in the order
    // they were made, and the counts' model was made before it).
    m_detail->setReader(nullptr);
    delete m_refresher;
    m_refresher = nullptr;
}

void MainWindow::createLayout()
{
    m_sidebar = new Sidebar(this);
    m_sidebar->setModel(m_counts);

    m_banner = new Banner(this);

    m_overview = new OverviewPage(m_cache.path(), m_changes, this);

    m_tablePage = new QWidget(this);
    m_kindTabs = new QTabBar(m_tablePage);
    m_kindTabs->setObjectName(QStringLiteral("kindTabs"));
    m_kindTabs->addTab(QIcon(QStringLiteral(":/icons/system.svg")), tr("Systems"));
    m_kindTabs->addTab(QIcon(QStringLiteral(":/icons/overview.svg")), tr("Domains"));
    m_kindTabs->setDrawBase(false);
    m_kindTabs->setAccessibleName(tr("Systems or domains"));
    m_table = new EntityTableView(m_cache, m_tablePage);
    auto *tableLayout = new QVBoxLayout(m_tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(0);
    tableLayout->addWidget(m_kindTabs);
    tableLayout->addWidget(m_table, 1);

    m_goalTree = new QTreeView(this);
    m_goalTree->setObjectName(QStringLiteral("goalTree"));
    m_goalTree->setAccessibleName(tr("Goals and their projects"));
    setUpTable(m_goalTree);
    m_goalTree->setUniformRowHeights(true);
    m_goalTree->setItemDelegateForColumn(2, new ProgressDelegate(models::ProgressRole, m_goalTree));
    m_goalTree->header()->setDefaultSectionSize(140);
    m_goalTree->header()->resizeSection(0, 320);

    m_removedTable = new QTableView(this);
    m_removedTable->setObjectName(QStringLiteral("removedTable"));
    m_removedTable->setAccessibleName(tr("Removed upstream"));
    m_removedTable->setModel(m_removed);
    setUpTable(m_removedTable);
    m_removedTable->verticalHeader()->hide();
    m_removedTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_removedTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_removedTable->horizontalHeader()->setStretchLastSection(true);
    m_removedTable->horizontalHeader()->setDefaultSectionSize(160);
    m_removedTable->setShowGrid(false);
    new EmptyState(m_removedTable, [] {
        return tr("Nothing was removed upstream. When an entity disappears from its source, Cairn keeps it here, "
                  "readable, with when and where it vanished.");
    });

    m_views = new QStackedWidget(this);
    m_views->addWidget(m_overview);
    // Its numbers go over the whole catalog: read on the window's reader.
    m_health = new HealthDashboard(*m_refresher, this);
    m_views->addWidget(m_health);
    m_views->addWidget(m_tablePage);
    m_views->addWidget(m_goalTree);
    m_views->addWidget(m_removedTable);
    m_hygiene = new HygieneView(m_cache, this);
    m_views->addWidget(m_hygiene);

    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(m_banner);
    centreLayout->addWidget(m_views, 1);

    m_detail = new DetailPane(*m_query, this);
    m_detail->setReader(m_refresher);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(centre);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({ 200, 640, 440 });
    setCentralWidget(m_splitter);

    // Under the views by default, where a graph flowing left to right has its width; a
    // person may float it onto another screen. Hidden until asked for (Ctrl+G).
    m_graph = new DependencyGraphPanel(m_cache, this);
    m_graphDock = new QDockWidget(tr("Dependency Graph"), this);
    m_graphDock->setObjectName(QStringLiteral("dependencyGraphDock"));
    m_graphDock->setWidget(m_graph);
    addDockWidget(Qt::BottomDockWidgetArea, m_graphDock);
    m_graphDock->hide();

    m_askBar = new AskBar(*m_query, this, this);

    m_freshness = new QLabel(this);
    m_freshness->setObjectName(QStringLiteral("freshnessLabel"));
    m_freshness->setAccessibleName(tr("How old the data is"));
    statusBar()->addWidget(m_freshness, 1);
    m_syncProgress = new SyncProgressWidget(*m_sync, this);
    statusBar()->addPermanentWidget(m_syncProgress);
    m_held = new QLabel(this);
    m_held->setObjectName(QStringLiteral("heldLabel"));
    m_held->setTextFormat(Qt::RichText);
    m_held->hide();
    // A kept list opens at once; a held run is read again (it may have changed upstream),
    // and the list it holds opens when it ends.
    connect(m_held, &QLabel::linkActivated, this, [this](const QString &link) {
        const QString source = QUrl::fromPercentEncoding(link.toUtf8());
        core::Result<int> kept = cache::KeptEntities(m_cache).count(source);
        if (kept && *kept > 0)
            reviewKept(source);
        else
            syncSource(source);
    });
    statusBar()->addPermanentWidget(m_held);
    m_network = new QLabel(tr("Offline"), this);
    m_network->setObjectName(QStringLiteral("networkLabel"));
    m_network->setToolTip(tr("No server could be reached. Everything shown comes from the local copy, which "
                             "stays fully usable."));
    m_network->hide();
    statusBar()->addPermanentWidget(m_network);
    statusBar()->setSizeGripEnabled(true);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_syncAll = file->addAction(QIcon(QStringLiteral(":/icons/sync.svg")), tr("&Sync All Sources"));
    m_syncAll->setObjectName(QStringLiteral("syncAllAction"));
    m_syncAll->setShortcuts(withStandard(QKeySequence(Qt::Key_F5), QKeySequence::Refresh));
    m_syncAll->setIconText(tr("Sync"));
    m_syncAll->setToolTip(tr("Read every source again and update the local copy (F5)"));
    connect(m_syncAll, &QAction::triggered, this, &MainWindow::syncAll);
    m_syncMenu = file->addMenu(QIcon(QStringLiteral(":/icons/sync.svg")), tr("Sync &Source"));
    m_syncMenu->setObjectName(QStringLiteral("syncSourceMenu"));
    connect(m_syncMenu, &QMenu::aboutToShow, this, &MainWindow::fillSyncMenu);
    m_cancelSync = file->addAction(QIcon(QStringLiteral(":/icons/cancel.svg")), tr("&Cancel Sync"));
    m_cancelSync->setObjectName(QStringLiteral("cancelSyncAction"));
    m_cancelSync->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelSync->setEnabled(false);
    connect(m_cancelSync, &QAction::triggered, m_sync, &SyncController::cancel);
    m_retrySync = new QAction(QIcon(QStringLiteral(":/icons/sync.svg")), tr("Retry"), this);
    m_retrySync->setObjectName(QStringLiteral("retrySyncAction"));
    m_retrySync->setToolTip(tr("Sync the sources that failed again"));
    connect(m_retrySync, &QAction::triggered, this, [this] {
        if (m_sync->retry())
            m_retrySync->setEnabled(false);
    });
    QAction *sources = file->addAction(tr("S&ources…"));
    sources->setObjectName(QStringLiteral("sourcesAction"));
    sources->setToolTip(tr("Add, edit, test or remove the catalogs Cairn reads"));
    connect(sources, &QAction::triggered, this, &MainWindow::showSources);
    m_reviewHeld = new QAction(tr("Review…"), this);
    m_reviewHeld->setObjectName(QStringLiteral("reviewHeldAction"));
    m_reviewHeld->setToolTip(tr("See what the held sync would remove, and apply the removals or keep your copy"));
    connect(m_reviewHeld, &QAction::triggered, this, [this] {
        for (const sync::SyncOutcome &outcome : m_sync->lastProblems()) {
            if (outcome.summary.held) {
                reviewRemovals(outcome);
                return;
            }
        }
    });
    file->addSeparator();
    m_export = file->addAction(QIcon(QStringLiteral(":/icons/export.svg")), tr("&Export View as CSV…"));
    m_export->setObjectName(QStringLiteral("exportAction"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setToolTip(tr("Write what the view shows (its columns, filter and order) to a CSV file"));
    connect(m_export, &QAction::triggered, this, &MainWindow::exportCurrentView);
    QAction *snapshots = file->addAction(tr("Sna&pshots…"));
    snapshots->setObjectName(QStringLiteral("snapshotsAction"));
    snapshots->setToolTip(tr("List, take and restore the cache's snapshots"));
    connect(snapshots, &QAction::triggered, this, &MainWindow::showSnapshots);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_copyRef = edit->addAction(QIcon(QStringLiteral(":/icons/copy.svg")), tr("&Copy Reference"));
    m_copyRef->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyRef, &QAction::triggered, this, [this] {
        const core::EntityRef ref = m_detail->currentRef();
        if (!ref.isNull())
            QApplication::clipboard()->setText(ref.toString());
    });
    QAction *find = edit->addAction(QIcon(QStringLiteral(":/icons/filter.svg")), tr("&Filter"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        if (!isTableView(m_viewId))
            showView(QStringLiteral("component"));
        m_table->focusFilter();
    });
    QAction *ask = edit->addAction(QIcon(QStringLiteral(":/icons/search.svg")), tr("&Ask…"));
    ask->setObjectName(QStringLiteral("askAction"));
    ask->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(ask, &QAction::triggered, m_askBar, &AskBar::activate);
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("&Preferences…"));
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, &MainWindow::showPreferences);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int row = 0; row < m_counts->rowCount(); ++row) {
        const QModelIndex index = m_counts->index(row, 0);
        const QString viewId = index.data(models::ViewIdRole).toString();
        QAction *action = view->addAction(Sidebar::iconFor(viewId), index.data(Qt::DisplayRole).toString());
        if (row < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row)));
        connect(action, &QAction::triggered, this, [this, viewId] { showView(viewId); });
    }
    view->addSeparator();
    QAction *graph = m_graphDock->toggleViewAction();
    graph->setObjectName(QStringLiteral("dependencyGraphAction"));
    graph->setText(tr("Dependency &Graph"));
    graph->setIconText(tr("Graph"));
    graph->setIcon(QIcon(QStringLiteral(":/icons/graph.svg")));
    graph->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    graph->setToolTip(tr("What the entity depends on and what depends on it, coloured by health (Ctrl+G)"));
    connect(graph, &QAction::triggered, this, [this](bool shown) {
        if (shown)
            m_graph->view()->setFocus(Qt::ShortcutFocusReason);
    });
    view->addAction(graph);
    QAction *reload = view->addAction(tr("&Reload from Cache"));
    reload->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    reload->setToolTip(tr("Read the local cache again (a sync elsewhere is noticed within a second anyway)"));
    connect(reload, &QAction::triggered, this, &MainWindow::refreshFromCache);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    m_back = go->addAction(QIcon(QStringLiteral(":/icons/back.svg")), tr("&Back"));
    m_back->setObjectName(QStringLiteral("backAction"));
    m_back->setShortcuts(withStandard(QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence::Back));
    m_back->setToolTip(tr("Back to the previous entity (Alt+Left)"));
    connect(m_back, &QAction::triggered, this, &MainWindow::goBack);
    m_forward = go->addAction(QIcon(QStringLiteral(":/icons/forward.svg")), tr("&Forward"));
    m_forward->setObjectName(QStringLiteral("forwardAction"));
    m_forward->setShortcuts(withStandard(QKeySequence(Qt::ALT | Qt::Key_Right), QKeySequence::Forward));
    m_forward->setToolTip(tr("Forward to the next entity (Alt+Right)"));
    connect(m_forward, &QAction::triggered, this, &MainWindow::goForward);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Cairn"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        AboutDialog dialog(m_cache.path(), this);
        dialog.exec();
    });
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    QToolBar *toolbar = addToolBar(tr("Navigation"));
    toolbar->setObjectName(QStringLiteral("navigationToolbar"));
    toolbar->setMovable(false);
    toolbar->setIconSize(QSize(20, 20));
    toolbar->addAction(m_back);
    toolbar->addAction(m_forward);
    toolbar->addSeparator();
    toolbar->addAction(m_export);
    toolbar->addAction(graph);
    toolbar->addSeparator();
    // Sync All on a click; the arrow's menu syncs one source.
    auto *syncButton = new QToolButton(toolbar);
    syncButton->setObjectName(QStringLiteral("syncButton"));
    syncButton->setDefaultAction(m_syncAll);
    syncButton->setMenu(m_syncMenu);
    syncButton->setPopupMode(QToolButton::MenuButtonPopup);
    syncButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addWidget(syncButton);
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addWidget(m_askBar);
}

void MainWindow::connectParts()
{
    connect(m_sidebar->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) { showView(current.data(models::ViewIdRole).toString()); });
    connect(m_kindTabs, &QTabBar::currentChanged, this, [this](int tab) {
        if (m_viewId == u"system")
            m_table->setKind(tab == 0 ? QStringLiteral("system") : QStringLiteral("domain"));
    });
    connect(m_table, &EntityTableView::currentEntityChanged, this, [this](const core::EntityRef &ref) {
        if (!ref.isNull())
            openEntity(ref);
    });
    auto openSelected = [this](const QModelIndex &current) {
        const core::EntityRef ref = current.data(models::RefRole).value<core::EntityRef>();
        if (!ref.isNull())
            openEntity(ref);
    };
    connect(m_removedTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, openSelected);
    connect(m_hygiene, &HygieneView::entityActivated, this, &MainWindow::openEntity);
    connect(m_detail, &DetailPane::entityLinkActivated, this, &MainWindow::openEntity);
    connect(m_graph, &DependencyGraphPanel::entityActivated, this, &MainWindow::openEntity);
    connect(m_graph, &DependencyGraphPanel::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_detail, &DetailPane::linkHovered, this, [this](const QString &url) {
        if (url.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(url);
    });
    connect(m_overview, &OverviewPage::entityActivated, this, &MainWindow::openEntity);
    connect(m_overview, &OverviewPage::viewRequested, this, &MainWindow::showView);
    connect(m_health, &HealthDashboard::entityActivated, this, &MainWindow::openEntity);
    connect(m_health, &HealthDashboard::scopeRequested, this, &MainWindow::showHealthScope);
    connect(m_askBar, &AskBar::entityChosen, this, &MainWindow::openEntity);
    connect(m_askBar, &AskBar::answered, this, &MainWindow::showAnswer);
    connect(m_history, &NavigationHistory::changed, this, &MainWindow::updateNavigationActions);
    connect(m_watcher, &models::CacheChangeWatcher::changed, this, &MainWindow::refreshFromCache);
    connect(m_exporter, &ViewExporter::finished, this, &MainWindow::exportFinished);
    connect(m_sync, &SyncController::started, this, [this] {
        m_syncAll->setEnabled(false);
        m_cancelSync->setEnabled(true);
    });
    // A committed run is in the cache now: show it without waiting for the watcher's poll.
    connect(m_sync, &SyncController::sourceFinished, this, [this](const sync::SyncOutcome &outcome) {
        if (outcome.ok && !outcome.summary.held)
            m_watcher->checkNow();
    });
    connect(m_sync, &SyncController::finished, this, &MainWindow::onSyncFinished);
    // The platform's word on the network, where it has one (NetworkManager, Windows, macOS).
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        QNetworkInformation *network = QNetworkInformation::instance();
        auto reachability = [this](QNetworkInformation::Reachability reachable) {
            m_networkGone = reachable == QNetworkInformation::Reachability::Disconnected;
            updateNetworkLabel();
        };
        reachability(network->reachability());
        connect(network, &QNetworkInformation::reachabilityChanged, this, reachability);
    }
    connect(m_exporter, &ViewExporter::statusMessage, statusBar(), &QStatusBar::showMessage);

    // "3 min ago" must not stay "just now" all afternoon.
    auto *clock = new QTimer(this);
    clock->setInterval(30 * 1000);
    connect(clock, &QTimer::timeout, this, &MainWindow::readStatus);
    clock->start();
}

void MainWindow::setAnswerOptions(const core::AnswerOptions &options)
{
    const bool sameOverview = options.today == m_options.today && options.staleDays == m_options.staleDays;
    m_options = options;
    m_detail->setAnswerOptions(options);
    m_overview->setAnswerOptions(options);
    m_askBar->setAnswerOptions(options);
    m_hygiene->setAnswerOptions(options);
    // The constructor already started the overview's read; a second one only when it
    // would say something else.
    if (!sameOverview)
        m_overview->refresh();
}

QString MainWindow::currentViewId() const
{
    return m_viewId;
}

bool MainWindow::isReading() const
{
    if (m_viewId == u"overview")
        return !m_overview->isUpToDate();
    if (m_viewId == u"health")
        return m_health->isReading();
    if (m_viewId == u"goal")
        return m_goals && m_goals->isReading();
    if (isTableView(m_viewId))
        return m_table->model()->isReading();
    if (m_viewId == u"hygiene")
        return m_hygiene->isReading();
    return false;
}

void MainWindow::showView(const QString &viewId)
{
    if (viewId.isEmpty())
        return;
    if (m_sidebar->currentViewId() != viewId) {
        // Selecting the entry comes back here through the selection model.
        if (m_sidebar->selectViewId(viewId))
            return;
    }
    if (viewId == m_viewId)
        return;
    m_viewId = viewId;
    if (viewId == u"overview") {
        m_overview->refresh();
        m_views->setCurrentWidget(m_overview);
    } else if (viewId == u"health") {
        m_health->refresh();
        m_views->setCurrentWidget(m_health);
    } else if (viewId == u"goal") {
        showGoalTree();
        m_views->setCurrentWidget(m_goalTree);
        m_goalTree->expandToDepth(1);
    } else if (viewId == u"removed") {
        m_views->setCurrentWidget(m_removedTable);
    } else if (viewId == u"hygiene") {
        m_hygiene->open();
        m_views->setCurrentWidget(m_hygiene);
    } else {
        m_kindTabs->setVisible(viewId == u"system");
        const bool domains = viewId == u"system" && m_kindTabs->currentIndex() == 1;
        m_table->setKind(domains ? QStringLiteral("domain") : viewId);
        m_views->setCurrentWidget(m_tablePage);
    }
    m_export->setEnabled(viewId != u"overview" && viewId != u"health");
    Q_EMIT viewChanged(viewId);
}

void MainWindow::showHealthScope(const HealthScope &scope)
{
    showView(QStringLiteral("component"));
    m_table->setScope(scope.owner, scope.withoutOwner, scope.band, scope.scorecard, HealthDashboard::describe(scope));
}

void MainWindow::showGoalTree()
{
    // Made on first use: it reads every goal and project (on its reader thread), which the
    // start need not do for a view that may not be opened.
    if (m_goals)
        return;
    m_goals = new models::GoalTreeModel(m_cache, this);
    m_goalTree->setModel(m_goals);
    m_goalTree->header()->resizeSection(0, 300);
    m_goalTree->header()->resizeSection(2, 170);
    auto *empty = new EmptyState(m_goalTree, [this] {
        if (!m_goals->isLoaded())
            return m_goals->lastError().isEmpty() ? QString() : tr("The goals could not be read.");
        return tr("No goals in the catalog yet.");
    });
    connect(m_goals, &models::GoalTreeModel::readFinished, this, [this, empty, first = true]() mutable {
        empty->update();
        if (!m_goals->lastError().isEmpty())
            statusBar()->showMessage(tr("Could not read the goals: %1").arg(m_goals->lastError()), 15000);
        if (first && m_goals->isLoaded()) {
            first = false;
            m_goalTree->expandToDepth(1);
            // A goal opened before the tree arrived is selected now.
            showEntityWithoutRecording(m_detail->currentRef());
        }
    });
    connect(m_goalTree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            const core::EntityRef ref = current.data(models::RefRole).value<core::EntityRef>();
            if (!ref.isNull())
                openEntity(ref);
        });
}

void MainWindow::openEntity(const core::EntityRef &ref)
{
    if (ref.isNull())
        return;
    m_history->visit(ref);
    showEntityWithoutRecording(ref);
}

void MainWindow::showEntityWithoutRecording(const core::EntityRef &ref)
{
    if (m_detail->currentRef() != ref)
        m_detail->showEntity(ref);
    m_graph->setEntity(ref);
    if (isTableView(m_viewId) && m_table->currentRef() != ref)
        m_table->selectRef(ref);
    if (m_viewId == u"hygiene")
        m_hygiene->selectRef(ref);
    if (m_viewId == u"goal" && m_goals) {
        const QModelIndex index = m_goals->indexOf(ref);
        if (index.isValid() && m_goalTree->currentIndex() != index) {
            m_goalTree->setCurrentIndex(index);
            m_goalTree->scrollTo(index);
        }
    }
}

void MainWindow::showAnswer(const core::AskResult &result)
{
    if (result.outcome == core::AskOutcome::Answer && result.answer) {
        m_history->visit(result.answer->entity.ref);
        m_graph->setEntity(result.answer->entity.ref);
        if (isTableView(m_viewId))
            m_table->selectRef(result.answer->entity.ref);
    }
    m_detail->showAskResult(result);
}

void MainWindow::goBack()
{
    const core::EntityRef ref = m_history->back();
    if (!ref.isNull())
        showEntityWithoutRecording(ref);
}

void MainWindow::goForward()
{
    const core::EntityRef ref = m_history->forward();
    if (!ref.isNull())
        showEntityWithoutRecording(ref);
}

void MainWindow::updateNavigationActions()
{
    m_back->setEnabled(m_history->canGoBack());
    m_forward->setEnabled(m_history->canGoForward());
}

void MainWindow::setBanner(const QString &text)
{
    m_bannerFromSync = false;
    m_banner->showMessage(text);
}

QString MainWindow::bannerText() const
{
    return m_banner->text();
}

void MainWindow::syncAll()
{
    // The configured sources, named, so that progress can say "2 of 3". The table is a
    // handful of rows: read here, on the UI thread's connection.
    core::Result<QList<cache::SourceInfo>> sources
        = cache::CatalogWriter(m_cache).sources(cache::CatalogWriter::Counts::Left);
    if (!sources) {
        statusBar()->showMessage(tr("Could not read the sources to sync: %1").arg(sources.errorString()), 15000);
        return;
    }
    if (sources->isEmpty()) {
        statusBar()->showMessage(tr("There is no source to sync. Add one in File ▸ Sources."), 15000);
        return;
    }
    QStringList names;
    for (const cache::SourceInfo &source : std::as_const(*sources))
        names.append(source.name);
    startSync(names);
}

void MainWindow::syncSource(const QString &name)
{
    startSync({ name });
}

void MainWindow::startSync(const QStringList &sources)
{
    if (!m_sync->sync(sources))
        statusBar()->showMessage(tr("A sync is already running; wait for it or cancel it (Esc)."), 8000);
}

void MainWindow::fillSyncMenu()
{
    m_syncMenu->clear();
    core::Result<QList<cache::SourceInfo>> sources
        = cache::CatalogWriter(m_cache).sources(cache::CatalogWriter::Counts::Left);
    if (!sources) {
        m_syncMenu->addAction(tr("Could not read the sources: %1").arg(sources.errorString()))->setEnabled(false);
        return;
    }
    if (sources->isEmpty())
        m_syncMenu->addAction(tr("No sources configured"))->setEnabled(false);
    for (const cache::SourceInfo &source : std::as_const(*sources)) {
        QAction *action = m_syncMenu->addAction(source.name);
        action->setToolTip(source.location);
        action->setEnabled(!m_sync->isRunning());
        connect(action, &QAction::triggered, this, [this, name = source.name] { syncSource(name); });
    }
}

void MainWindow::onSyncFinished()
{
    m_syncAll->setEnabled(true);
    m_cancelSync->setEnabled(false);
    m_retrySync->setEnabled(true);
    const QList<sync::SyncOutcome> problems = m_sync->lastProblems();
    const auto held = std::find_if(
        problems.cbegin(), problems.cend(), [](const sync::SyncOutcome &outcome) { return outcome.summary.held; });
    if (!problems.isEmpty()) {
        QList<QAction *> actions;
        if (held != problems.cend())
            actions.append(m_reviewHeld);
        if (std::any_of(problems.cbegin(), problems.cend(),
                [](const sync::SyncOutcome &outcome) { return !outcome.summary.held; }))
            actions.append(m_retrySync);
        m_banner->showMessage(SyncMessages::banner(problems), actions);
        m_bannerFromSync = true;
    } else if (m_bannerFromSync) {
        // The problem the banner told of is over.
        m_banner->showMessage({});
        m_bannerFromSync = false;
    }
    const bool cancelled = std::any_of(m_sync->lastOutcomes().cbegin(), m_sync->lastOutcomes().cend(),
        [](const sync::SyncOutcome &outcome) { return outcome.cancelled; });
    if (cancelled)
        statusBar()->showMessage(tr("Sync cancelled; the source being synced is as it was."), 10000);
    else if (const QString summary = SyncMessages::summary(m_sync->lastOutcomes()); !summary.isEmpty())
        statusBar()->showMessage(summary, 10000);
    else
        statusBar()->clearMessage(); // the banner tells what became of the run
    m_watcher->checkNow();
    updateNetworkLabel();
    readStatus();
    // Nothing goes without a person seeing the list: a held run opens it at once.
    if (held != problems.cend())
        reviewRemovals(*held);
}

void MainWindow::reviewRemovals(const sync::SyncOutcome &held)
{
    showHeldDialog(new HeldRemovalsDialog(m_cache, held, this));
}

HeldRemovalsDialog *MainWindow::heldDialog() const
{
    return m_heldDialog;
}

void MainWindow::reviewKept(const QString &source)
{
    core::Result<QList<cache::KeptEntity>> kept = cache::KeptEntities(m_cache).list(source);
    if (!kept) {
        statusBar()->showMessage(tr("Could not read what you kept of “%1”: %2").arg(source, kept.errorString()), 15000);
        return;
    }
    QList<core::EntityRef> refs;
    for (const cache::KeptEntity &entity : std::as_const(*kept))
        refs.append(entity.ref);
    showHeldDialog(HeldRemovalsDialog::forKept(m_cache, source, refs, this));
}

void MainWindow::showHeldDialog(HeldRemovalsDialog *dialog)
{
    // One decision at a time: a newer list replaces the one still open.
    if (m_heldDialog)
        m_heldDialog->close();
    m_heldDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &HeldRemovalsDialog::entityActivated, this, &MainWindow::openEntity);
    connect(dialog, &HeldRemovalsDialog::applyChosen, this,
        [this](const QString &source, const QList<core::EntityRef> &refs) {
            if (!m_sync->applyRemovals(source, refs))
                statusBar()->showMessage(tr("A sync is already running; wait for it or cancel it (Esc)."), 8000);
        });
    connect(dialog, &HeldRemovalsDialog::keepChosen, this, &MainWindow::keepRemovals);
    dialog->show();
}

void MainWindow::keepRemovals(const QString &source, const QList<core::EntityRef> &refs)
{
    // A write: on a worker with its own connection, as every write of the window.
    auto *watcher = new QFutureWatcher<core::Status>(this);
    connect(watcher, &QFutureWatcher<core::Status>::finished, this, [this, watcher, source, count = refs.size()] {
        watcher->deleteLater();
        const core::Status kept = watcher->result();
        if (!kept) {
            statusBar()->showMessage(
                tr("Could not keep the entities of “%1”: %2").arg(source, kept.errorString()), 15000);
            return;
        }
        if (m_bannerFromSync) {
            m_banner->showMessage({});
            m_bannerFromSync = false;
        }
        statusBar()->showMessage(
            tr("Kept %n entities of “%1”; later syncs still bring its other changes.", nullptr, int(count)).arg(source),
            15000);
        readStatus();
    });
    watcher->setFuture(QtConcurrent::run([path = m_cache.path(), source, refs]() -> core::Status {
        core::Result<std::unique_ptr<cache::Cache>> cache = cache::Cache::open(path);
        if (!cache)
            return cache.error();
        return cache::KeptEntities(**cache).keep(source, refs);
    }));
}

void MainWindow::showSources()
{
    auto *dialog = new SourcesDialog(m_cache.path(), m_tokens, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SourcesDialog::syncRequested, this, &MainWindow::syncSource);
    connect(dialog, &SourcesDialog::sourcesChanged, this, &MainWindow::refreshFromCache);
    // A sync changes the sources' counts and times.
    connect(m_sync, &SyncController::finished, dialog, &SourcesDialog::reload);
    dialog->open();
}

void MainWindow::showPreferences()
{
    auto *dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PreferencesDialog::restartRequested, this, [this] {
        // The same program with the same cache; the language comes from the settings now.
        QStringList arguments = QCoreApplication::arguments();
        const QString program = arguments.takeFirst();
        for (qsizetype i = arguments.indexOf(QStringLiteral("--language")); i >= 0;
             i = arguments.indexOf(QStringLiteral("--language")))
            arguments.remove(i, qMin<qsizetype>(2, arguments.size() - i));
        if (!close())
            return;
        if (!QProcess::startDetached(program, arguments))
            QMessageBox::warning(nullptr, tr("Cairn"), tr("Cairn could not start again; start it yourself."));
        QCoreApplication::quit();
    });
    dialog->open();
}

void MainWindow::updateNetworkLabel()
{
    m_network->setVisible(m_networkGone || m_sync->lastRunOffline());
}

void MainWindow::addNotice(QWidget *notice)
{
    // The centre column: the banner, then notices, then the views.
    auto *column = qobject_cast<QVBoxLayout *>(m_banner->parentWidget()->layout());
    column->insertWidget(column->indexOf(m_banner) + 1, notice);
}

void MainWindow::showSnapshots()
{
    auto *dialog = new SnapshotsDialog(m_cache.path(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SnapshotsDialog::restored, this, &MainWindow::refreshFromCache);
    dialog->open();
}

void MainWindow::refreshFromCache()
{
    // A read that fails (a locked or damaged file) leaves the view as it was and says so.
    QStringList errors;
    auto note = [&errors](const core::Status &status) {
        if (!status)
            errors.append(status.errorString());
    };
    // Right after another connection's commit every read comes from disk: the counts over
    // the whole catalog, the latest changes and the detail's answers are read on a reader.
    m_counts->refreshOn(*m_refresher);
    m_changes->refreshOn(*m_refresher);
    if (m_goals)
        m_goals->refresh();
    note(m_removed->refresh());
    m_hygiene->refresh();
    if (!errors.isEmpty())
        statusBar()->showMessage(tr("Could not read the cache again: %1").arg(errors.constFirst()), 15000);
    if (isTableView(m_viewId))
        m_table->refresh();
    if (m_viewId == u"overview")
        m_overview->refresh();
    if (m_viewId == u"health")
        m_health->refresh();
    m_detail->reload();
    m_graph->reload();
    readStatus();
}

core::Result<MainWindow::StatusFacts> MainWindow::readStatusFacts(cache::Cache &cache)
{
    cache::CatalogWriter reader(cache);
    core::Result<QList<cache::SourceInfo>> sources = reader.sources(cache::CatalogWriter::Counts::Left);
    if (!sources)
        return sources.error();
    core::Result<QList<cache::SyncRunRecord>> runs = reader.recentRuns(cache::CatalogWriter::RunsKept);
    if (!runs)
        return runs.error();
    return StatusFacts { std::move(sources).value(), std::move(runs).value() };
}

void MainWindow::updateFreshness()
{
    showStatus(readStatusFacts(m_cache));
}

void MainWindow::readStatus()
{
    // Right after another connection's commit these reads come from disk.
    m_refresher->fetch(
        this, &MainWindow::readStatusFacts, [this](const core::Result<StatusFacts> &facts) { showStatus(facts); });
}

void MainWindow::showStatus(const core::Result<StatusFacts> &facts)
{
    if (!facts) {
        m_freshness->setText(tr("Offline copy · could not read the sync log: %1").arg(facts.errorString()));
        return;
    }
    const QList<cache::SourceInfo> &sources = facts->sources;
    const QList<cache::SyncRunRecord> &runs = facts->runs;
    m_freshness->setText(Freshness::describe(sources, runs, core::clock::nowUtc()));
    m_freshness->setToolTip(tr("Cairn shows its local copy. It never claims to be live: this says when each "
                               "source was last read."));
    const QList<HeldSource> held = heldSources(sources, runs);
    QStringList links;
    for (const HeldSource &source : held) {
        const QString link
            = QStringLiteral("<a href=\"%1\">%2</a>")
                  .arg(QString::fromLatin1(QUrl::toPercentEncoding(source.name)), source.name.toHtmlEscaped());
        links.append(source.kept > 0 ? tr("%1 (%n kept)", nullptr, source.kept).arg(link) : link);
    }
    m_held->setVisible(!held.isEmpty());
    m_held->setText(tr("Held: %1").arg(links.join(QStringLiteral(", "))));
    m_held->setToolTip(tr("Removals from these sources wait for your decision; their other changes still arrive. "
                          "Click a source to review them."));
    Q_EMIT statusShown();
}

void MainWindow::exportCurrentView()
{
    if (isTableView(m_viewId)) {
        m_exporter->exportTable(m_table->model()->exportFilter(), m_table->visibleColumnIds(),
            m_table->kind().isEmpty() ? QStringLiteral("entities") : m_table->kind());
    } else if (m_viewId == u"goal") {
        showGoalTree();
        m_exporter->exportModel(*m_goals, QStringLiteral("goals"));
    } else if (m_viewId == u"removed") {
        m_exporter->exportModel(*m_removed, QStringLiteral("removed"));
    } else if (m_viewId == u"hygiene") {
        m_exporter->exportModel(*m_hygiene->shownModel(), QStringLiteral("hygiene"));
    }
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    showView(settings.value(QStringLiteral("window/view"), QStringLiteral("overview")).toString());
    if (m_viewId.isEmpty())
        showView(QStringLiteral("overview"));
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/view"), m_viewId);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_exporter->isRunning())
        m_exporter->cancelAndWait();
    // A cancelled run leaves its source as it was; the rest of the run is not started.
    if (m_sync->isRunning()) {
        m_sync->cancel();
        m_sync->wait(30000);
    }
    saveSettings();
    event->accept();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // The mouse's back and forward buttons, wherever the pointer is in this window.
    if (event->type() == QEvent::MouseButtonPress) {
        auto *widget = qobject_cast<QWidget *>(watched);
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (widget && widget->window() == this) {
            if (mouse->button() == Qt::BackButton) {
                goBack();
                return true;
            }
            if (mouse->button() == Qt::ForwardButton) {
                goForward();
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace cairn::ui
