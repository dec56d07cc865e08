// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/CatalogQuery.h"
#include "cache/SourceRun.h"
#include "core/AnswerEngine.h"
#include "sync/TokenStore.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAbstractItemModel;
class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabBar;
class QTableView;
class QTreeView;

namespace cairn::cache {
class Cache;
}
namespace cairn::core {
struct AskResult;
}
namespace cairn::sync {
struct SyncOutcome;
}
namespace cairn::models {
class BackgroundReader;
class CacheChangeWatcher;
class ChangesModel;
class GoalTreeModel;
class KindCountsModel;
class RemovedModel;
} // namespace cairn::models

namespace cairn::ui {

class AskBar;
class Banner;
class DependencyGraphPanel;
class HeldRemovalsDialog;
class HygieneView;
class DetailPane;
class EntityTableView;
class HealthDashboard;
struct HealthScope;
class NavigationHistory;
class OverviewPage;
class Sidebar;
class SyncController;
class SyncProgressWidget;
class ViewExporter;

// The main window (DESIGN §7): the sidebar of views with their counts, the view (overview,
// a kind's table, the goal tree, removed upstream), the detail pane with the four answers
// and back/forward history, the ask bar, and a status bar that always says how old the
// data is. It reads through the UI thread's own connection and updates in place when the
// cache changes, whoever wrote it.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(cache::Cache &cache, QWidget *parent = nullptr);
    ~MainWindow() override;

    // A view id of the sidebar: "overview", "health", "project", "goal", "component", "api",
    // "system" (systems and domains), "resource", "group", "user", "removed", "hygiene".
    void showView(const QString &viewId);
    QString currentViewId() const;
    // True while the current view's rows are still on their way (they are read off the UI
    // thread); for a tour or a test that must see them.
    bool isReading() const;
    // Shows the entity in the detail pane and records it in the history.
    void openEntity(const core::EntityRef &ref);
    void goBack();
    void goForward();

    // A banner above the views; empty text hides it.
    void setBanner(const QString &text);
    QString bannerText() const;
    // A notice of its own above the views, under the banner (the damaged cache's, with
    // buttons and progress): the window takes it over; it goes when it deletes itself.
    void addNotice(QWidget *notice);

    // File ▸ Snapshots…: lists, takes and restores snapshots; the window reloads after a restore.
    void showSnapshots();

    // File ▸ Sync All Sources (F5): every configured source in priority order, on the sync worker.
    void syncAll();
    // File ▸ Sync Source ▸ one source.
    void syncSource(const QString &name);
    // The removals a held run would make (or those a person kept), to apply or keep.
    void reviewRemovals(const sync::SyncOutcome &held);
    void reviewKept(const QString &source);
    HeldRemovalsDialog *heldDialog() const;
    // File ▸ Sources: add, edit, test and remove sources; sync one.
    void showSources();
    // Edit ▸ Preferences: the language.
    void showPreferences();

    // Reads the cache again: counts, table rows, overview, detail, freshness, in place.
    void refreshFromCache();

    // File ▸ Export view as CSV: what the current view shows.
    void exportCurrentView();
    // Tests and screenshots pin "today" (stale projects, days ago).
    void setAnswerOptions(const core::AnswerOptions &options);

    Sidebar *sidebar() const { return m_sidebar; }
    EntityTableView *tableView() const { return m_table; }
    DetailPane *detailPane() const { return m_detail; }
    AskBar *askBar() const { return m_askBar; }
    OverviewPage *overviewPage() const { return m_overview; }
    HealthDashboard *healthDashboard() const { return m_health; }
    // The components table narrowed to a team (and a band), as a click on the dashboard asks.
    void showHealthScope(const HealthScope &scope);
    NavigationHistory *history() const { return m_history; }
    QTreeView *goalTree() const { return m_goalTree; }
    QTableView *removedTable() const { return m_removedTable; }
    HygieneView *hygieneView() const { return m_hygiene; }
    QTabBar *kindTabs() const { return m_kindTabs; }
    QLabel *freshnessLabel() const { return m_freshness; }
    models::CacheChangeWatcher *changeWatcher() const { return m_watcher; }
    ViewExporter *exporter() const { return m_exporter; }
    SyncController *syncController() const { return m_sync; }
    SyncProgressWidget *syncProgress() const { return m_syncProgress; }
    Banner *banner() const { return m_banner; }
    // View ▸ Dependency Graph (Ctrl+G): a dock that follows the entity shown.
    QDockWidget *dependencyGraphDock() const { return m_graphDock; }
    DependencyGraphPanel *dependencyGraph() const { return m_graph; }
    // "Offline" while the network is gone or the last sync reached no server.
    QLabel *networkLabel() const { return m_network; }
    // Names the sources whose removals wait for a person's decision.
    QLabel *heldLabel() const { return m_held; }

Q_SIGNALS:
    void viewChanged(const QString &viewId);
    void exportFinished(bool ok, qint64 rows, const QString &error);
    // The status bar shows what the cache held when it was last read.
    void statusShown();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createLayout();
    void connectParts();
    void restoreSettings();
    void saveSettings() const;
    // The status bar's sources, freshness and held sources: now (the first paint), or read
    // on the refresher and shown when they arrive.
    struct StatusFacts
    {
        QList<cache::SourceInfo> sources;
        QList<cache::SyncRunRecord> runs; // newest first
    };
    static core::Result<StatusFacts> readStatusFacts(cache::Cache &cache);
    void updateFreshness();
    void readStatus();
    void showStatus(const core::Result<StatusFacts> &facts);
    void updateNavigationActions();
    void showAnswer(const core::AskResult &result);
    void showEntityWithoutRecording(const core::EntityRef &ref);
    void showGoalTree();
    void startSync(const QStringList &sources);
    void fillSyncMenu();
    void onSyncFinished();
    void updateNetworkLabel();
    void showHeldDialog(HeldRemovalsDialog *dialog);
    void keepRemovals(const QString &source, const QList<core::EntityRef> &refs);

    cache::Cache &m_cache;
    std::unique_ptr<cache::CatalogQuery> m_query;
    const sync::TokenStore m_tokens; // the system keychain, asked by the Sources dialog's workers
    core::AnswerOptions m_options;

    models::KindCountsModel *m_counts = nullptr;
    models::ChangesModel *m_changes = nullptr;
    models::GoalTreeModel *m_goals = nullptr;
    models::RemovedModel *m_removed = nullptr;
    models::CacheChangeWatcher *m_watcher = nullptr;
    // Reads after a commit that go over the whole catalog: counts, changes, the detail, the
    // status bar; one after another on one thread and connection of their own.
    models::BackgroundReader *m_refresher = nullptr;
    NavigationHistory *m_history = nullptr;
    ViewExporter *m_exporter = nullptr;

    SyncController *m_sync = nullptr;

    Sidebar *m_sidebar = nullptr;
    Banner *m_banner = nullptr;
    // The banner tells of the last sync's problems: the next sync's result replaces it.
    bool m_bannerFromSync = false;
    QStackedWidget *m_views = nullptr;
    OverviewPage *m_overview = nullptr;
    HealthDashboard *m_health = nullptr;
    QWidget *m_tablePage = nullptr;
    QTabBar *m_kindTabs = nullptr;
    EntityTableView *m_table = nullptr;
    QTreeView *m_goalTree = nullptr;
    QTableView *m_removedTable = nullptr;
    HygieneView *m_hygiene = nullptr;
    DetailPane *m_detail = nullptr;
    DependencyGraphPanel *m_graph = nullptr;
    QDockWidget *m_graphDock = nullptr;
    QSplitter *m_splitter = nullptr;
    AskBar *m_askBar = nullptr;
    QLabel *m_freshness = nullptr;
    SyncProgressWidget *m_syncProgress = nullptr;
    QLabel *m_network = nullptr;
    QLabel *m_held = nullptr;
    bool m_networkGone = false; // the platform says there is no network

    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    QAction *m_export = nullptr;
    QAction *m_copyRef = nullptr;
    QAction *m_syncAll = nullptr;
    QAction *m_cancelSync = nullptr;
    QAction *m_retrySync = nullptr;
    QAction *m_reviewHeld = nullptr;
    QPointer<HeldRemovalsDialog> m_heldDialog;
    QMenu *m_syncMenu = nullptr;
    QString m_viewId;
};

} // namespace cairn::ui
