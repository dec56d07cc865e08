// SPDX-License-Identifier: GPL-3.0-or-later
// The health dashboard in the real window, offscreen, on the sample organisation judged on
// 2026-11-24: opened from the sidebar, a click on a team's bar (found through the chart,
// as a person would point at it) narrows the components table to that team and band with
// a chip that clears it; the lists work from the keyboard; a commit by another connection
// shows in place; no scorecard at all has its own words; a dark palette reads dark. The
// pictures go beside the other screenshots (<build>/screenshots/health-*.png).

#include "cache/Cache.h"
#include "models/CacheChangeWatcher.h"
#include "models/EntityTableModel.h"
#include "models/ItemRoles.h"
#include "sync/FileSource.h"
#include "sync/SampleOrganisation.h"
#include "sync/ScorecardReader.h"
#include "sync/SyncEngine.h"
#include "ui/DetailPane.h"
#include "ui/EntityTableView.h"
#include "ui/HealthDashboard.h"
#include "ui/MainWindow.h"
#include "ui/NavigationHistory.h"
#include "ui/Sidebar.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QPieSeries>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QValueAxis>

#include "support/DarkPalette.h"
#include "tests/models/support/SettledModel.h"

using cairn::core::EntityRef;
namespace ui = cairn::ui;
namespace models = cairn::models;

namespace {

const QDate SampleToday(2026, 11, 24);

EntityRef ref(const char *text)
{
    return EntityRef::parse(QString::fromLatin1(text)).value();
}

QStringList names(models::EntityTableModel *model)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row, 0).data(models::RefRole).value<EntityRef>().name());
    std::sort(out.begin(), out.end());
    return out;
}

QStringList columnTexts(QAbstractItemModel *model, int column)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row, column).data().toString());
    return out;
}

// Where a point of the chart's values is in its view's viewport.
QPoint pointOf(QChartView *view, const QPointF &value)
{
    QChart *chart = view->chart();
    const QPointF inChart = chart->mapToPosition(value, chart->series().constFirst());
    return view->mapFromScene(chart->mapToScene(inChart));
}

void saveShot(const QImage &image, const QString &name)
{
    const QString folder = QStringLiteral(CAIRN_BINARY_DIR "/screenshots");
    QDir().mkpath(folder);
    QVERIFY(image.save(QDir(folder).filePath(name)));
}

} // namespace

class TestHealthDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void opensFromTheSidebarWithTheSamplesHealth();
    void clickingATeamsBarFiltersTheComponents();
    void teamsAndWorstComponentsFromTheKeyboard();
    void aScorecardsTeamsAndLevels();
    void showsAnotherConnectionsCommit();
    void saysSoWhenNoScorecardApplies();
    void readsDarkOnADarkPalette();

private:
    void openDashboard();
    ui::HealthDashboard *dashboard() const { return m_window->healthDashboard(); }

    QTemporaryDir m_dir;
    QString m_cachePath;
    std::unique_ptr<cairn::cache::Cache> m_cache;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestHealthDashboard::initTestCase()
{
    Q_INIT_RESOURCE(cairn_sample);
    Q_INIT_RESOURCE(cairn_icons);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CairnTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_healthdashboard"));
    // The built-in scorecards, as the desktop installs them at start.
    QVERIFY(cairn::sync::ScorecardReader::installForThisProcess(SampleToday).isEmpty());
    QVERIFY(m_dir.isValid());
}

void TestHealthDashboard::init()
{
    QSettings().clear();
    static int n = 0;
    m_cachePath = m_dir.filePath(QStringLiteral("cache-%1.sqlite3").arg(++n));
    {
        auto writer = cairn::cache::Cache::open(m_cachePath);
        QVERIFY2(writer, qPrintable(writer.errorString()));
        const cairn::sync::SyncOutcome outcome = cairn::sync::SampleOrganisation::load(**writer);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
    }
    auto cache = cairn::cache::Cache::open(m_cachePath);
    QVERIFY2(cache, qPrintable(cache.errorString()));
    m_cache = std::move(cache).value();
    m_window = std::make_unique<ui::MainWindow>(*m_cache);
    cairn::core::AnswerOptions options;
    options.today = SampleToday;
    m_window->setAnswerOptions(options);
    m_window->changeWatcher()->stop(); // the tests say when to look
    m_window->resize(1500, 1000);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestHealthDashboard::cleanup()
{
    m_window.reset();
    m_cache.reset();
}

void TestHealthDashboard::openDashboard()
{
    // Picking "Health" in the sidebar, as a click would.
    QVERIFY(m_window->sidebar()->selectViewId(QStringLiteral("health")));
    QCOMPARE(m_window->currentViewId(), QStringLiteral("health"));
    QTRY_VERIFY(!m_window->isReading());
    // The charts a read made are shown by their layout's queued calls.
    QCoreApplication::processEvents();
    QVERIFY(dashboard()->isVisible());
    for (QChartView *donut : dashboard()->donutViews())
        QVERIFY(donut->isVisible());
}

void TestHealthDashboard::opensFromTheSidebarWithTheSamplesHealth()
{
    openDashboard();
    const models::HealthSummary &summary = dashboard()->summary();
    QCOMPARE(summary.components, 38);

    // A donut per scorecard, by band, named for a screen reader.
    const QList<QChartView *> donuts = dashboard()->donutViews();
    QCOMPARE(donuts.size(), 2);
    QCOMPARE(donuts.at(0)->chart()->title(), QStringLiteral("Component readiness"));
    QVERIFY(!donuts.at(0)->accessibleName().isEmpty());
    QVERIFY2(donuts.at(1)->accessibleDescription().contains(QStringLiteral("Failing 11")),
        qPrintable(donuts.at(1)->accessibleDescription()));
    auto *pie = qobject_cast<QPieSeries *>(donuts.at(1)->chart()->series().constFirst());
    QVERIFY(pie);
    QVERIFY(pie->holeSize() > 0);
    QCOMPARE(int(pie->sum()), 38);

    // The bars: one per team, most failing on top (a horizontal chart's last category).
    QChart *chart = dashboard()->teamChart();
    auto *teams = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Vertical).constFirst());
    QVERIFY(teams);
    QCOMPARE(teams->count(), 9);
    QCOMPARE(teams->categories().constLast(), QStringLiteral("Checkout & Payments"));
    QCOMPARE(teams->categories().constFirst(), QStringLiteral("media-team (not found)"));
    auto *bars = qobject_cast<QAbstractBarSeries *>(chart->series().constFirst());
    QCOMPARE(bars->count(), 3); // failing, needs attention, passing
    QVERIFY(!dashboard()->teamChartView()->accessibleName().isEmpty());
    // Whole components on the count axis (Checkout & Payments has 6).
    auto *counts = qobject_cast<QValueAxis *>(chart->axes(Qt::Horizontal).constFirst());
    QVERIFY(counts);
    QCOMPARE(counts->max(), 6.0);
    QCOMPARE(counts->tickInterval(), 2.0);

    // Every team in the table, the worst components in theirs.
    QCOMPARE(dashboard()->teamTable()->model()->rowCount(), 9);
    QVERIFY(!dashboard()->teamTable()->accessibleName().isEmpty());
    QAbstractItemModel *worst = dashboard()->worstTable()->model();
    QCOMPARE(worst->rowCount(), ui::HealthDashboard::WorstRows);
    QCOMPARE(worst->index(0, 0).data(models::RefRole).value<EntityRef>(), ref("component:default/legacy-shop"));
    QCOMPARE(worst->index(0, 0).data().toString(), QStringLiteral("Legacy shop (PHP)")); // its display name
    QCOMPARE(worst->index(0, 1).data(models::ValueRole).toInt(), 0);

    // The whole page, for a person to look at.
    auto *scroll = dashboard()->findChild<QScrollArea *>(QStringLiteral("healthScroll"));
    QVERIFY(scroll);
    saveShot(scroll->widget()->grab().toImage(), QStringLiteral("health-dashboard-page.png"));
}

void TestHealthDashboard::clickingATeamsBarFiltersTheComponents()
{
    openDashboard();
    QChartView *view = dashboard()->teamChartView();
    auto *teams = qobject_cast<QBarCategoryAxis *>(view->chart()->axes(Qt::Vertical).constFirst());
    const int checkout = int(teams->categories().indexOf(QStringLiteral("Checkout & Payments")));
    QVERIFY(checkout >= 0);
    // Its segments: 2 failing, 2 needing attention, 2 passing. The middle of the first.
    const QPoint failing = pointOf(view, QPointF(1.0, checkout));
    QVERIFY(view->viewport()->rect().contains(failing));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, failing);

    QCOMPARE(m_window->currentViewId(), QStringLiteral("component"));
    ui::EntityTableView *table = m_window->tableView();
    models::EntityTableModel *model = table->model();
    QVERIFY(cairn::tests::settle(*model));
    QCOMPARE(names(model), (QStringList { QStringLiteral("invoice-generator"), QStringLiteral("voucher-engine") }));
    QCOMPARE(model->totalCount(), 2);
    QCOMPARE(table->findChild<QLabel *>(QStringLiteral("countLabel"))->text(), QStringLiteral("2 shown"));
    // The chip says what the table shows.
    QCOMPARE(table->scopeLabel(), QStringLiteral("Owned by Checkout & Payments · Failing"));
    QToolButton *chip = table->scopeChip();
    QVERIFY(chip->isVisible());
    QVERIFY(chip->text().contains(QStringLiteral("Checkout && Payments"))); // "&" is not a mnemonic
    QVERIFY(!chip->accessibleName().isEmpty());

    // Back on the dashboard, the team's name: all its components.
    m_window->showView(QStringLiteral("health"));
    QTRY_VERIFY(!m_window->isReading());
    const QPoint bar = pointOf(view, QPointF(0, checkout));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(bar.x() - 30, bar.y()));
    QCOMPARE(m_window->currentViewId(), QStringLiteral("component"));
    QVERIFY(cairn::tests::settle(*model));
    QCOMPARE(model->totalCount(), 6);
    QCOMPARE(table->scopeLabel(), QStringLiteral("Owned by Checkout & Payments"));
    QCOMPARE(names(model),
        (QStringList { QStringLiteral("basket-service"), QStringLiteral("checkout-service"),
            QStringLiteral("invoice-generator"), QStringLiteral("payment-gateway"),
            QStringLiteral("promotions-service"), QStringLiteral("voucher-engine") }));
    m_window->grab().save(QDir(QStringLiteral(CAIRN_BINARY_DIR "/screenshots"))
                              .filePath(QStringLiteral("health-filtered-components.png")));

    // The chip clears it.
    QTest::mouseClick(chip, Qt::LeftButton);
    QVERIFY(!chip->isVisible());
    QVERIFY(table->scopeLabel().isEmpty());
    QVERIFY(cairn::tests::settle(*model));
    QCOMPARE(model->totalCount(), 38);
    QCOMPARE(table->findChild<QLabel *>(QStringLiteral("countLabel"))->text(), QStringLiteral("38 shown"));
}

void TestHealthDashboard::teamsAndWorstComponentsFromTheKeyboard()
{
    openDashboard();
    // The team whose owner is not in the catalog: Enter on its row.
    QTableView *teams = dashboard()->teamTable();
    const int media
        = int(columnTexts(teams->model(), 0).indexOf(QStringLiteral("group:default/media-team (not in the catalog)")));
    QVERIFY(media >= 0);
    teams->setFocus();
    teams->setCurrentIndex(teams->model()->index(media, 0));
    QTest::keyClick(teams, Qt::Key_Return);
    QCOMPARE(m_window->currentViewId(), QStringLiteral("component"));
    models::EntityTableModel *model = m_window->tableView()->model();
    QVERIFY(cairn::tests::settle(*model));
    QCOMPARE(names(model), QStringList { QStringLiteral("image-resizer") });

    // Enter on a band's number: that team's components in that band, as its bar segment.
    m_window->showView(QStringLiteral("health"));
    QTRY_VERIFY(!m_window->isReading());
    const int checkout = int(columnTexts(teams->model(), 0).indexOf(QStringLiteral("Checkout & Payments")));
    QAbstractItemModel *teamModel = teams->model();
    int needsAttention = -1;
    for (int column = 0; column < teamModel->columnCount(); ++column) {
        if (teamModel->headerData(column, Qt::Horizontal).toString() == u"Needs attention")
            needsAttention = column;
    }
    QVERIFY(needsAttention > 0);
    teams->setFocus();
    teams->setCurrentIndex(teamModel->index(checkout, needsAttention));
    QTest::keyClick(teams, Qt::Key_Return);
    QCOMPARE(m_window->currentViewId(), QStringLiteral("component"));
    QVERIFY(cairn::tests::settle(*model));
    QCOMPARE(model->totalCount(), 2);
    QCOMPARE(m_window->tableView()->scopeLabel(), QStringLiteral("Owned by Checkout & Payments · Needs attention"));

    // A worst component opens in the detail pane, in the history.
    m_window->showView(QStringLiteral("health"));
    QTRY_VERIFY(!m_window->isReading());
    QTableView *worst = dashboard()->worstTable();
    worst->setFocus();
    worst->setCurrentIndex(worst->model()->index(0, 0));
    QTest::keyClick(worst, Qt::Key_Return);
    QCOMPARE(m_window->detailPane()->currentRef(), ref("component:default/legacy-shop"));
    worst->setCurrentIndex(worst->model()->index(1, 0));
    QTest::keyClick(worst, Qt::Key_Enter);
    const EntityRef second = worst->model()->index(1, 0).data(models::RefRole).value<EntityRef>();
    QCOMPARE(m_window->detailPane()->currentRef(), second);
    QVERIFY(m_window->history()->canGoBack());
    m_window->goBack();
    QCOMPARE(m_window->detailPane()->currentRef(), ref("component:default/legacy-shop"));
    QCOMPARE(m_window->currentViewId(), QStringLiteral("health")); // the dashboard stays
}

void TestHealthDashboard::aScorecardsTeamsAndLevels()
{
    openDashboard();
    QComboBox *chooser = dashboard()->scorecardChooser();
    QCOMPARE(chooser->count(), 3); // each component's worst, then the two scorecards
    dashboard()->setScorecard(QStringLiteral("operational-health"));
    QTRY_VERIFY(!m_window->isReading());
    QCOMPARE(dashboard()->summary().scorecard, QStringLiteral("operational-health"));
    QCOMPARE(chooser->currentData().toString(), QStringLiteral("operational-health"));
    // The levels appear beside the bands.
    QAbstractItemModel *teams = dashboard()->teamTable()->model();
    QStringList headers;
    for (int column = 0; column < teams->columnCount(); ++column)
        headers.append(teams->headerData(column, Qt::Horizontal).toString());
    QVERIFY2(headers.contains(QStringLiteral("Gold")), qPrintable(headers.join(u',')));

    // A segment now asks for that scorecard's band, and says so.
    QChartView *view = dashboard()->teamChartView();
    auto *axis = qobject_cast<QBarCategoryAxis *>(view->chart()->axes(Qt::Vertical).constFirst());
    const int top = int(axis->count()) - 1;
    const models::HealthSummary::Team team = dashboard()->chartTeams().constFirst();
    QVERIFY(team.bands[0] > 0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pointOf(view, QPointF(team.bands[0] / 2.0, top)));
    QCOMPARE(m_window->currentViewId(), QStringLiteral("component"));
    QVERIFY(cairn::tests::settle(*m_window->tableView()->model()));
    QCOMPARE(m_window->tableView()->model()->totalCount(), team.bands[0]);
    QCOMPARE(m_window->tableView()->scopeLabel(),
        QStringLiteral("Owned by %1 · Failing (Operational health)").arg(team.name));
}

void TestHealthDashboard::showsAnotherConnectionsCommit()
{
    openDashboard();
    QCOMPARE(dashboard()->teamTable()->model()->rowCount(), 9);
    // Another connection adds a bare component owned by a team of its own.
    const QString folder = m_dir.filePath(QStringLiteral("more-%1").arg(m_cachePath.size()));
    QDir().mkpath(folder);
    QFile file(folder + QStringLiteral("/catalog-info.yaml"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bare-bones\n"
               "spec:\n  type: service\n  lifecycle: production\n  owner: group:default/newcomers\n");
    file.close();
    {
        auto writer = cairn::cache::Cache::open(m_cachePath);
        QVERIFY(writer);
        cairn::sync::FileSource files({ folder });
        cairn::sync::SyncEngine engine(**writer);
        const cairn::sync::SyncOutcome outcome = engine.run(QStringLiteral("more"), QStringLiteral("files"), folder,
            files, cairn::sync::SyncOptions { true, false, 0.10 });
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
    }
    QVERIFY(m_window->changeWatcher()->checkNow());
    QTRY_VERIFY(!m_window->isReading());
    QTRY_COMPARE(dashboard()->summary().components, 39);
    QVERIFY(columnTexts(dashboard()->teamTable()->model(), 0)
                .contains(QStringLiteral("group:default/newcomers (not in the catalog)")));
}

void TestHealthDashboard::saysSoWhenNoScorecardApplies()
{
    {
        auto writer = cairn::cache::Cache::open(m_cachePath);
        QVERIFY(writer);
        QVERIFY((*writer)->database().exec(
            QStringLiteral("DELETE FROM health; UPDATE entities SET health_score = NULL, health_band = NULL;")));
    }
    openDashboard();
    auto *empty = dashboard()->findChild<QLabel *>(QStringLiteral("healthEmpty"));
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY2(empty->text().contains(QStringLiteral("No scorecard applies")), qPrintable(empty->text()));
}

void TestHealthDashboard::readsDarkOnADarkPalette()
{
    const QPalette light = QApplication::palette();
    QStyle *style = QStyleFactory::create(QStringLiteral("Fusion"));
    QApplication::setStyle(style);
    QApplication::setPalette(cairn::tests::darkPalette());
    openDashboard();
    QTest::qWait(50);
    const QImage picture = m_window->grab().toImage();
    saveShot(picture, QStringLiteral("health-dashboard-dark.png"));
    // The donut's chart, around the ring, is on the dark page.
    QChartView *donut = dashboard()->donutViews().constFirst();
    const QPoint corner = donut->mapTo(m_window.get(), QPoint(6, donut->height() - 6));
    QVERIFY2(QColor(picture.pixel(corner)).lightness() < 90, qPrintable(QColor(picture.pixel(corner)).name()));
    QChartView *bars = dashboard()->teamChartView();
    const QPoint barsCorner = bars->mapTo(m_window.get(), QPoint(bars->width() - 6, 6));
    QVERIFY2(QColor(picture.pixel(barsCorner)).lightness() < 90, qPrintable(QColor(picture.pixel(barsCorner)).name()));
    // Its axis labels are light.
    QCOMPARE(bars->chart()->axes(Qt::Vertical).constFirst()->labelsBrush().color(),
        cairn::tests::darkPalette().color(QPalette::Text));
    QApplication::setPalette(light);
}

QTEST_MAIN(TestHealthDashboard)
#include "tst_healthdashboard.moc"
