// SPDX-License-Identifier: GPL-3.0-or-later
// The Hygiene view in the real main window, offscreen, as a person uses it: open it from
// the sidebar, double-click a finding and land on its entity (with back and forward),
// Enter on another, sort, export it as CSV; and a clean catalog says so.

#include "cache/Cache.h"
#include "core/HygieneWords.h"
#include "models/CacheChangeWatcher.h"
#include "models/HygieneModel.h"
#include "models/ItemRoles.h"
#include "sync/SampleOrganisation.h"
#include "ui/DetailPane.h"
#include "ui/EmptyState.h"
#include "ui/HygieneView.h"
#include "ui/MainWindow.h"
#include "ui/NavigationHistory.h"
#include "ui/Sidebar.h"
#include "ui/ViewExporter.h"

#include <QFile>
#include <QHeaderView>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;

namespace {

const QDate SampleToday(2026, 11, 24);

core::EntityRef ref(const char16_t *text)
{
    return core::EntityRef::parse(QStringView(text)).value();
}

// The row of the view (as sorted) whose entity is `entity`; -1 when none.
int rowOf(const ui::HygieneView &view, const core::EntityRef &entity)
{
    const QAbstractItemModel *model = view.model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(models::RefRole).value<core::EntityRef>() == entity)
            return row;
    }
    return -1;
}

} // namespace

class TestHygieneView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Q_INIT_RESOURCE(cairn_sample);
        Q_INIT_RESOURCE(cairn_icons);
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CairnTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_hygieneview"));
        QVERIFY(m_dir.isValid());
    }

    void cleanup()
    {
        m_window.reset();
        m_cache.reset();
    }

    void doubleClickOpensTheEntity()
    {
        openWindow(true);
        QVERIFY(!m_window->hygieneView()->report()); // not read until opened
        QVERIFY(m_window->sidebar()->selectViewId(QStringLiteral("hygiene")));
        QCOMPARE(m_window->currentViewId(), QStringLiteral("hygiene"));
        ui::HygieneView *view = m_window->hygieneView();
        QVERIFY(view->isVisible());
        QVERIFY(!view->accessibleName().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isReading(), 10000);
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(view->report()->today(), SampleToday);
        // Sorted by problem: the report's order. The reference column is left to the CSV.
        QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), int(models::HygieneModel::Problem));
        QVERIFY(view->isColumnHidden(models::HygieneModel::Reference));
        QCOMPARE(view->model()->index(0, models::HygieneModel::Problem).data().toString(),
            QStringLiteral("Owner not in the catalog"));
        QVERIFY(!view->findChild<ui::EmptyState *>()->isVisible());

        // A click shows the stale project in the detail pane, as in the other views.
        const core::EntityRef project = ref(u"project:default/demand-forecasting-v2");
        const core::EntityRef elsewhere = ref(u"group:default/storefront");
        const int row = rowOf(*view, project);
        QVERIFY(row >= 0);
        const QModelIndex why = view->model()->index(row, models::HygieneModel::Why);
        QVERIFY(why.data().toString().contains(QStringLiteral("2026-10-21")));
        const QPoint centre = view->visualRect(why).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
        QTRY_COMPARE(m_window->detailPane()->currentRef(), project);
        // After a link led elsewhere, a double-click on the row (still current) opens it again.
        m_window->openEntity(elsewhere);
        QTRY_COMPARE(m_window->detailPane()->currentRef(), elsewhere);
        QCOMPARE(rowOf(*view, view->currentIndex().data(models::RefRole).value<core::EntityRef>()), row);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
        QTRY_COMPARE(m_window->detailPane()->currentRef(), project);
        QCOMPARE(m_window->history()->current(), project);

        // Enter does the same on the keyboard.
        const core::EntityRef component = ref(u"component:default/image-resizer");
        const int componentRow = rowOf(*view, component);
        QVERIFY(componentRow >= 0);
        view->setFocus();
        view->setCurrentIndex(view->model()->index(componentRow, models::HygieneModel::Name));
        QTRY_COMPARE(m_window->detailPane()->currentRef(), component);
        m_window->openEntity(elsewhere);
        QTRY_COMPARE(m_window->detailPane()->currentRef(), elsewhere);
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_COMPARE(m_window->detailPane()->currentRef(), component);

        // Back and Forward walk that history, and the view follows.
        m_window->goBack();
        QTRY_COMPARE(m_window->detailPane()->currentRef(), elsewhere);
        m_window->goBack();
        QTRY_COMPARE(m_window->detailPane()->currentRef(), component);
        m_window->goBack();
        QTRY_COMPARE(m_window->detailPane()->currentRef(), project);
        QCOMPARE(view->currentIndex().data(models::RefRole).value<core::EntityRef>(), project);
        m_window->goForward();
        QTRY_COMPARE(m_window->detailPane()->currentRef(), component);

        // Sorting by name puts "Demand forecasting v2" before "image-resizer" and "On-time ...".
        view->sortByColumn(models::HygieneModel::Name, Qt::AscendingOrder);
        QCOMPARE(view->model()->index(0, models::HygieneModel::Name).data().toString(),
            QStringLiteral("Demand forecasting v2"));
    }

    // File ▸ Export View as CSV writes every finding, as the view orders them.
    void exportsTheReport()
    {
        openWindow(true);
        m_window->showView(QStringLiteral("hygiene"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isReading(), 10000);
        const QString target = m_dir.filePath(QStringLiteral("hygiene.csv"));
        QString suggested;
        m_window->exporter()->setSaveFileAsker([&](const QString &name) {
            suggested = name;
            return QString(target);
        });
        QSignalSpy finished(m_window.get(), &ui::MainWindow::exportFinished);
        m_window->exportCurrentView();
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(2).toString()));
        QVERIFY2(QFileInfo(suggested).fileName().startsWith(QStringLiteral("cairn-hygiene-")), qPrintable(suggested));
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), QStringLiteral("Problem,Name,Kind,Why,Reference"));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("Owner not in the catalog,image-resizer,Component,")),
            qPrintable(lines.at(1)));
        QVERIFY2(lines.at(1).endsWith(QStringLiteral(",Component:default/image-resizer")), qPrintable(lines.at(1)));
    }

    // A clean catalog (here: an empty one) says so in the middle of the view.
    void aCleanCatalogSaysSo()
    {
        openWindow(false);
        m_window->showView(QStringLiteral("hygiene"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isReading(), 10000);
        QCOMPARE(m_window->hygieneView()->model()->rowCount(), 0);
        auto *empty = m_window->hygieneView()->findChild<ui::EmptyState *>();
        QVERIFY(empty);
        QTRY_VERIFY(empty->isVisible());
        QCOMPARE(empty->text(), core::HygieneWords::clean());
        if (const QString shot = qEnvironmentVariable("CAIRN_HYGIENE_SHOT"); !shot.isEmpty())
            QVERIFY(m_window->grab().save(shot));
    }

private:
    void openWindow(bool sample)
    {
        QSettings().clear();
        static int n = 0;
        const QString path = m_dir.filePath(QStringLiteral("cache-%1.sqlite3").arg(++n));
        auto cache = cache::Cache::open(path);
        QVERIFY2(cache, qPrintable(cache.errorString()));
        m_cache = std::move(cache).value();
        if (sample) {
            const sync::SyncOutcome outcome = sync::SampleOrganisation::load(*m_cache);
            QVERIFY2(outcome.ok, qPrintable(outcome.error));
        }
        m_window = std::make_unique<ui::MainWindow>(*m_cache);
        core::AnswerOptions options;
        options.today = SampleToday;
        m_window->setAnswerOptions(options);
        m_window->changeWatcher()->stop(); // the tests say when to look
        m_window->resize(1400, 900);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<cache::Cache> m_cache;
    std::unique_ptr<ui::MainWindow> m_window;
};

QTEST_MAIN(TestHygieneView)
#include "tst_hygieneview.moc"
