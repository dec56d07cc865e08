// SPDX-License-Identifier: GPL-3.0-or-later
// Syncing from the window, offscreen, against a bundle on a loopback web server: F5 shows
// the progress and brings the rows in place (selection kept), Esc cancels and changes
// nothing, a failing server shows the window's own words with Retry, an unreachable one
// says "Offline".

#include "cache/Cache.h"
#include "models/CacheChangeWatcher.h"
#include "models/EntityTableModel.h"
#include "models/ItemRoles.h"
#include "sync/SourceRegistry.h"
#include "sync/TokenStore.h"
#include "ui/Banner.h"
#include "ui/DetailPane.h"
#include "ui/EntityTableView.h"
#include "ui/HeldRemovalsDialog.h"
#include "ui/MainWindow.h"
#include "ui/SyncController.h"
#include "ui/SyncProgressWidget.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include "support/FastHttpOptions.h"
#include "support/LoopbackHttpServer.h"
#include "tests/models/support/SettledModel.h"

using cairn::core::EntityRef;
using cairn::sync::test::CannedReply;
using cairn::sync::test::LoopbackHttpServer;
using cairn::sync::test::RecordedRequest;
namespace ui = cairn::ui;

namespace {

QByteArray component(int i, const QByteArray &description = "A service")
{
    return "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\",\"metadata\":{\"name\":\"svc-"
        + QByteArray::number(i) + "\",\"description\":\"" + description
        + "\"},\"spec\":{\"type\":\"service\",\"owner\":\"group:default/team-a\",\"lifecycle\":\"production\"}}";
}

QByteArray bundleOf(int count, int changed = -1)
{
    QByteArray body = "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Group\",\"metadata\":{\"name\":\"team-a\"},"
                      "\"spec\":{\"type\":\"team\",\"children\":[]}}\n";
    for (int i = 0; i < count; ++i)
        body += component(i, i == changed ? "Rewritten upstream" : "A service") + '\n';
    return body;
}

} // namespace

class TestSyncInWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void syncsWithProgressAndShowsTheRowsInPlace();
    void escapeCancelsAndChangesNothing();
    void aFailingServerShowsABannerAndRetryWorks();
    void anUnreachableServerSaysOffline();
    void aHeldRunOpensItsListAndApplyRemovesExactlyThat();
    void applyAfterUpstreamChangedShowsTheNewList();
    void keepMyCopyKeepsThemAndLaterSyncsStillBringChanges();

private:
    void openWindow();
    // 40 components synced, then a bundle of `left`: held, its dialog open.
    ui::HeldRemovalsDialog *holdARun(int left);
    bool isLive(int component);
    int liveEntities();
    QPushButton *bannerButton(const QString &actionName);

    QTemporaryDir m_dir;
    QString m_cachePath;
    LoopbackHttpServer *m_server = nullptr;
    std::function<CannedReply(const RecordedRequest &)> m_reply;
    std::unique_ptr<cairn::cache::Cache> m_cache;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestSyncInWindow::initTestCase()
{
    Q_INIT_RESOURCE(cairn_icons);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CairnTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_syncinwindow"));
    QVERIFY(m_dir.isValid());
}

void TestSyncInWindow::init()
{
    QSettings().clear();
    m_server = new LoopbackHttpServer(this);
    m_reply = [](const RecordedRequest &) { return CannedReply::json(bundleOf(40)); };
    m_server->setHandler([this](const RecordedRequest &request) { return m_reply(request); });
    QVERIFY(m_server->start());
    static int n = 0;
    m_cachePath = m_dir.filePath(QStringLiteral("cache-%1.sqlite3").arg(++n));
    auto cache = cairn::cache::Cache::open(m_cachePath);
    QVERIFY2(cache, qPrintable(cache.errorString()));
    m_cache = std::move(cache).value();
    const cairn::sync::TokenStore tokens;
    auto added = cairn::sync::SourceRegistry(*m_cache, tokens)
                     .add({ QStringLiteral("web"), QStringLiteral("bundle"),
                         m_server->url(QStringLiteral("/catalog.ndjson")).toString(), {}, {} });
    QVERIFY2(added, qPrintable(added.errorString()));
    QCOMPARE(added->problem, cairn::sync::SourceRegistry::Problem::None);
}

void TestSyncInWindow::cleanup()
{
    m_window.reset();
    m_cache.reset();
    delete m_server;
    m_server = nullptr;
}

void TestSyncInWindow::openWindow()
{
    m_window = std::make_unique<ui::MainWindow>(*m_cache);
    m_window->changeWatcher()->stop(); // the sync's own end says when to look
    m_window->syncController()->setHttpOptions(cairn::sync::test::fastHttpOptions());
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->showView(QStringLiteral("component"));
}

int TestSyncInWindow::liveEntities()
{
    return m_cache->database()
        .queryInt(QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL"))
        .value();
}

QPushButton *TestSyncInWindow::bannerButton(const QString &actionName)
{
    return m_window->banner()->findChild<QPushButton *>(actionName + QStringLiteral("Button"));
}

void TestSyncInWindow::syncsWithProgressAndShowsTheRowsInPlace()
{
    // The bundle arrives slowly enough that the progress is seen on its way.
    m_reply = [](const RecordedRequest &) {
        CannedReply reply = CannedReply::json(bundleOf(40));
        reply.mode = CannedReply::Mode::Drip;
        reply.dripChunk = 2048;
        reply.dripIntervalMs = 20;
        return reply;
    };
    openWindow();
    ui::EntityTableView *table = m_window->tableView();
    QVERIFY(cairn::tests::settle(*table->model()));
    QCOMPARE(table->model()->rowCount(), 0);

    QSignalSpy finished(m_window->syncController(), &ui::SyncController::finished);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(m_window->syncController()->isRunning());
    QVERIFY(m_window->syncProgress()->isVisible());
    QVERIFY2(m_window->syncProgress()->text().startsWith(QStringLiteral("Syncing “web”")),
        qPrintable(m_window->syncProgress()->text()));
    // A picture of the sync on its way, beside the other screenshots.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->syncProgress()->text().contains(QStringLiteral("downloading")), 20000);
    const QString folder = QStringLiteral(CAIRN_BINARY_DIR "/screenshots");
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(m_window->grab().save(folder + QStringLiteral("/sync-progress.png")));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 20000);
    QVERIFY(!m_window->syncProgress()->isVisible());
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Synced “web”: 41 added, 0 changed, 0 removed."));
    QVERIFY(m_window->bannerText().isEmpty());
    QTRY_COMPARE(table->model()->rowCount(), 40);

    // Pick a row, scroll, then sync an upstream edit: the row stays picked, the table
    // where it was, and the detail shows the new text.
    const EntityRef picked = EntityRef::parse(QStringLiteral("component:default/svc-7")).value();
    QVERIFY(table->selectRef(picked));
    m_window->openEntity(picked);
    QScrollBar *scroll = table->table()->verticalScrollBar();
    QTRY_VERIFY(scroll->maximum() > 0); // once the rows are laid out
    scroll->setValue(scroll->maximum() / 2);
    const int scrolled = scroll->value();
    m_reply = [](const RecordedRequest &) { return CannedReply::json(bundleOf(41, 7)); };
    m_window->syncAll();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, 20000);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Synced “web”: 1 added, 1 changed, 0 removed."));
    QTRY_COMPARE(table->model()->rowCount(), 41);
    QVERIFY(cairn::tests::settle(*table->model()));
    QCOMPARE(table->currentRef(), picked);
    QCOMPARE(scroll->value(), scrolled);
    QCOMPARE(m_window->detailPane()->currentRef(), picked);
    QTRY_VERIFY2(m_window->detailPane()->browser()->toPlainText().contains(QStringLiteral("Rewritten upstream")),
        qPrintable(m_window->detailPane()->browser()->toPlainText().left(300)));
}

void TestSyncInWindow::escapeCancelsAndChangesNothing()
{
    m_reply = [](const RecordedRequest &) {
        CannedReply reply;
        reply.mode = CannedReply::Mode::Silent; // the server never answers
        return reply;
    };
    openWindow();
    QSignalSpy finished(m_window->syncController(), &ui::SyncController::finished);
    m_window->syncAll();
    QVERIFY(m_window->syncController()->isRunning());
    QTRY_VERIFY(!m_server->requests().isEmpty());
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 10000);
    QVERIFY(m_window->syncController()->lastOutcomes().constFirst().cancelled);
    QCOMPARE(m_window->statusBar()->currentMessage(),
        QStringLiteral("Sync cancelled; the source being synced is as it was."));
    QVERIFY(m_window->bannerText().isEmpty());
    QCOMPARE(liveEntities(), 0);
}

void TestSyncInWindow::aFailingServerShowsABannerAndRetryWorks()
{
    m_reply = [](const RecordedRequest &) { return CannedReply::json("{\"error\":\"boom\"}", 503); };
    openWindow();
    QSignalSpy finished(m_window->syncController(), &ui::SyncController::finished);
    m_window->syncAll();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 20000);
    QVERIFY2(m_window->bannerText().contains(QStringLiteral("The server of “web” failed.")),
        qPrintable(m_window->bannerText()));
    QVERIFY(!m_window->networkLabel()->isVisible()); // the server answered: the network is there
    QPushButton *retry = bannerButton(QStringLiteral("retrySyncAction"));
    QVERIFY(retry);
    QVERIFY(retry->isVisible());
    QVERIFY(m_window->grab().save(QStringLiteral(CAIRN_BINARY_DIR "/screenshots/sync-failed.png")));
    QCOMPARE(liveEntities(), 0);

    m_reply = [](const RecordedRequest &) { return CannedReply::json(bundleOf(5)); };
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, 20000);
    QVERIFY2(m_window->bannerText().isEmpty(), qPrintable(m_window->bannerText()));
    QCOMPARE(liveEntities(), 6);
    QTRY_COMPARE(m_window->tableView()->model()->rowCount(), 5);
}

void TestSyncInWindow::anUnreachableServerSaysOffline()
{
    // A port that was just listening and is closed now: connection refused.
    const QUrl url = m_server->url(QStringLiteral("/catalog.ndjson"));
    m_server->close();
    openWindow();
    QVERIFY(!m_window->networkLabel()->isVisible());
    QSignalSpy finished(m_window->syncController(), &ui::SyncController::finished);
    m_window->syncAll();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 20000);
    QVERIFY2(m_window->bannerText().contains(QStringLiteral("Cairn could not reach “web”")),
        qPrintable(m_window->bannerText()));
    QVERIFY(m_window->networkLabel()->isVisible());
    QCOMPARE(m_window->networkLabel()->text(), QStringLiteral("Offline"));
    Q_UNUSED(url);
}

ui::HeldRemovalsDialog *TestSyncInWindow::holdARun(int left)
{
    openWindow();
    QSignalSpy finished(m_window->syncController(), &ui::SyncController::finished);
    m_window->syncAll();
    if (!QTest::qWaitFor([&] { return finished.count() == 1; }, 20000) || liveEntities() != 41)
        return nullptr;
    m_reply = [left](const RecordedRequest &) { return CannedReply::json(bundleOf(left)); };
    m_window->syncAll();
    if (!QTest::qWaitFor([&] { return finished.count() == 2 && m_window->heldDialog(); }, 20000))
        return nullptr;
    return m_window->heldDialog();
}

bool TestSyncInWindow::isLive(int component)
{
    return m_cache->database()
               .queryInt(QStringLiteral("SELECT count(*) FROM entities WHERE key = 'component:default/svc-%1' "
                                        "AND removed_at IS NULL")
                             .arg(component))
               .value()
        == 1;
}

void TestSyncInWindow::aHeldRunOpensItsListAndApplyRemovesExactlyThat()
{
    ui::HeldRemovalsDialog *dialog = holdARun(20);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(liveEntities(), 41); // nothing removed while a person decides
    QCOMPARE(dialog->refs().size(), 20);
    QVERIFY2(m_window->bannerText().contains(QStringLiteral("would remove 20 entities")),
        qPrintable(m_window->bannerText()));
    QVERIFY(bannerButton(QStringLiteral("reviewHeldAction")));
    QTRY_VERIFY(m_window->heldLabel()->isVisible());
    QVERIFY(m_window->heldLabel()->text().contains(QStringLiteral("web")));
    QTRY_VERIFY(m_window->heldLabel()->width() >= m_window->heldLabel()->sizeHint().width()); // laid out
    QVERIFY(m_window->grab().save(QStringLiteral(CAIRN_BINARY_DIR "/screenshots/held-in-window.png")));
    QVERIFY(dialog->grab().save(QStringLiteral(CAIRN_BINARY_DIR "/screenshots/held-dialog-from-sync.png")));

    // An entity of the list opens in the window's detail pane.
    const EntityRef first = dialog->refs().constFirst();
    Q_EMIT dialog->entityActivated(first);
    QCOMPARE(m_window->detailPane()->currentRef(), first);

    QSignalSpy finished(m_window->syncController(), &ui::SyncController::finished);
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 20000);
    QCOMPARE(liveEntities(), 21);
    for (int i = 0; i < 40; ++i)
        QCOMPARE(isLive(i), i < 20);
    QVERIFY(!m_window->heldDialog());
    QVERIFY2(m_window->bannerText().isEmpty(), qPrintable(m_window->bannerText()));
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Synced “web”: 0 added, 0 changed, 20 removed."));
    QTRY_VERIFY(!m_window->heldLabel()->isVisible());
}

void TestSyncInWindow::applyAfterUpstreamChangedShowsTheNewList()
{
    ui::HeldRemovalsDialog *dialog = holdARun(20);
    QVERIFY(dialog);
    // Upstream moves on while the list is open: five more go.
    m_reply = [](const RecordedRequest &) { return CannedReply::json(bundleOf(15)); };
    QSignalSpy finished(m_window->syncController(), &ui::SyncController::finished);
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        finished.count() == 1 && m_window->heldDialog() && m_window->heldDialog() != dialog, 20000);
    QCOMPARE(liveEntities(), 41); // what was confirmed is not what upstream now removes: nothing applied
    ui::HeldRemovalsDialog *again = m_window->heldDialog();
    QCOMPARE(again->refs().size(), 25);
    QVERIFY(m_window->syncController()->lastOutcomes().constFirst().summary.upstreamChanged);

    QTest::mouseClick(again->applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, 20000);
    QCOMPARE(liveEntities(), 16);
}

void TestSyncInWindow::keepMyCopyKeepsThemAndLaterSyncsStillBringChanges()
{
    ui::HeldRemovalsDialog *dialog = holdARun(20);
    QVERIFY(dialog);
    QVERIFY(dialog->keepButton());
    QTest::mouseClick(dialog->keepButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->statusBar()->currentMessage(),
        QStringLiteral("Kept 20 entities of “web”; later syncs still bring its other changes."));
    QCOMPARE(liveEntities(), 41);
    QTRY_VERIFY(m_window->heldLabel()->text().contains(QStringLiteral("(20 kept)")));
    QVERIFY(m_window->heldLabel()->isVisible());

    // Upstream edits one that stayed and adds one: they arrive; the kept ones stay.
    QByteArray next = bundleOf(20, 3);
    next += component(99) + '\n';
    m_reply = [next](const RecordedRequest &) { return CannedReply::json(next); };
    QSignalSpy finished(m_window->syncController(), &ui::SyncController::finished);
    m_window->syncAll();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 20000);
    QVERIFY(!m_window->heldDialog());
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Synced “web”: 1 added, 1 changed, 0 removed."));
    QCOMPARE(liveEntities(), 42);
    QVERIFY(isLive(30) && isLive(99));
    QTRY_VERIFY(m_window->heldLabel()->text().contains(QStringLiteral("(20 kept)")));
}

QTEST_MAIN(TestSyncInWindow)
#include "tst_syncinwindow.moc"
