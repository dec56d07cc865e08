// SPDX-License-Identifier: GPL-3.0-or-later
// The real main window, driven offscreen as a person would: pick a kind, sort, filter, open
// an entity, follow a link and go back, ask, pick a candidate, export, and see a sync made
// by another connection appear in place.

#include "cache/Cache.h"
#include "models/CacheChangeWatcher.h"
#include "models/EntityTableModel.h"
#include "models/ItemRoles.h"
#include "sync/FileSource.h"
#include "sync/SampleOrganisation.h"
#include "sync/SyncEngine.h"
#include "ui/AnswerHtml.h"
#include "ui/AskBar.h"
#include "ui/DetailPane.h"
#include "ui/EntityTableView.h"
#include "ui/MainWindow.h"
#include "ui/NavigationHistory.h"
#include "ui/OverviewPage.h"
#include "ui/Sidebar.h"
#include "ui/ViewExporter.h"

#include <QAction>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextStream>
#include <QToolButton>

#include "tests/models/support/SettledModel.h"

using cairn::core::EntityRef;
namespace ui = cairn::ui;
namespace models = cairn::models;

namespace {

// "Today" in the sample organisation: its project updates are dated around it.
const QDate SampleToday(2026, 11, 24);

EntityRef ref(const char *text)
{
    return EntityRef::parse(QString::fromLatin1(text)).value();
}

// Every href in the detail pane's document.
QStringList anchors(QTextBrowser *browser)
{
    QStringList out;
    for (QTextBlock block = browser->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isAnchor())
                out.append(format.anchorHref());
        }
    }
    return out;
}

QStringList columnValues(QAbstractItemModel *model, int column)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row, column).data().toString());
    return out;
}

// One RFC 4180 record (quoted fields may hold commas and doubled quotes).
QStringList csvFields(const QString &line)
{
    QStringList fields { QString() };
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted && c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
            fields.last().append(u'"');
            ++i;
        } else if (c == u'"') {
            quoted = !quoted;
        } else if (c == u',' && !quoted) {
            fields.append(QString());
        } else {
            fields.last().append(c);
        }
    }
    return fields;
}

int columnOf(models::EntityTableModel *model, const QString &id)
{
    return int(model->columnIds().indexOf(id));
}

// Writes `yaml` as a folder source named `source` through the sync engine, as a sync would.
void importYaml(const QString &cachePath, const QString &folder, const QString &source, const QByteArray &yaml)
{
    QDir().mkpath(folder);
    QFile file(folder + QStringLiteral("/catalog-info.yaml"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(yaml);
    file.close();
    auto cache = cairn::cache::Cache::open(cachePath);
    QVERIFY2(cache, qPrintable(cache.errorString()));
    cairn::sync::FileSource files({ folder });
    cairn::sync::SyncEngine engine(**cache);
    const cairn::sync::SyncOutcome outcome
        = engine.run(source, QStringLiteral("files"), folder, files, cairn::sync::SyncOptions { true, false, 0.10 });
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
}

const QByteArray TwinsYaml = "apiVersion: backstage.io/v1alpha1\n"
                             "kind: Component\n"
                             "metadata:\n"
                             "  name: wayback-archive\n"
                             "  title: Wayback archive\n"
                             "spec:\n"
                             "  type: service\n"
                             "  lifecycle: production\n"
                             "  owner: group:default/storefront\n"
                             "---\n"
                             "apiVersion: backstage.io/v1alpha1\n"
                             "kind: API\n"
                             "metadata:\n"
                             "  name: wayback-archive\n"
                             "  title: Wayback archive\n"
                             "spec:\n"
                             "  type: openapi\n"
                             "  lifecycle: production\n"
                             "  owner: group:default/storefront\n"
                             "  definition: \"openapi: 3.0.0\"\n";

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void opensOnTheOverviewWithCounts();
    void picksAKindSortsAndFilters();
    void opensAnEntityFollowsALinkAndGoesBack();
    void asksAQuestionAndLandsOnTheAnswer();
    void picksACandidateOfAnAmbiguousQuestion();
    void exportsWhatTheTableShows();
    void showsAnotherConnectionsSyncInPlace();
    void remembersTheColumnsOfEachKind();

private:
    QTemporaryDir m_dir;
    QString m_cachePath;
    std::unique_ptr<cairn::cache::Cache> m_cache;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    Q_INIT_RESOURCE(cairn_sample);
    Q_INIT_RESOURCE(cairn_icons);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CairnTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::init()
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
    m_window->resize(1400, 900);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_cache.reset();
}

void TestMainWindow::opensOnTheOverviewWithCounts()
{
    QCOMPARE(m_window->currentViewId(), QStringLiteral("overview"));
    // The projects and goals arrive from a worker.
    QTRY_VERIFY(m_window->overviewPage()->isUpToDate());
    const QString overview = m_window->overviewPage()->browser()->toPlainText();
    QVERIFY2(overview.contains(QStringLiteral("One-page checkout")), qPrintable(overview.left(400)));
    QVERIFY(overview.contains(QStringLiteral("PROJECTS THAT NEED ATTENTION")));
    QVERIFY(overview.contains(QStringLiteral("WHAT CHANGED")));
    // The sidebar counts what the cache holds.
    QAbstractItemModel *counts = m_window->sidebar()->model();
    bool sawComponents = false;
    for (int row = 0; row < counts->rowCount(); ++row) {
        const QModelIndex index = counts->index(row, 0);
        if (index.data(models::ViewIdRole).toString() == u"component") {
            QVERIFY(index.data(models::CountRole).toInt() >= 30);
            sawComponents = true;
        }
    }
    QVERIFY(sawComponents);
    QVERIFY2(m_window->freshnessLabel()->text().contains(QStringLiteral("sample")),
        qPrintable(m_window->freshnessLabel()->text()));
    QVERIFY(m_window->freshnessLabel()->text().startsWith(QStringLiteral("Offline copy")));
}

void TestMainWindow::picksAKindSortsAndFilters()
{
    // Picking "Components" in the sidebar, as a click would.
    QVERIFY(m_window->sidebar()->selectViewId(QStringLiteral("component")));
    QCOMPARE(m_window->currentViewId(), QStringLiteral("component"));
    ui::EntityTableView *table = m_window->tableView();
    models::EntityTableModel *model = table->model();
    QCOMPARE(model->kind(), QStringLiteral("component"));
    QVERIFY(cairn::tests::settle(*model));
    QVERIFY(model->rowCount() >= 30);

    // Sort by name, descending, by clicking the header twice.
    const int nameColumn = columnOf(model, QStringLiteral("name"));
    QVERIFY(nameColumn >= 0);
    QHeaderView *header = table->table()->horizontalHeader();
    const int x = header->sectionViewportPosition(nameColumn) + 5;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    if (header->sortIndicatorOrder() != Qt::DescendingOrder || header->sortIndicatorSection() != nameColumn)
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), nameColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QVERIFY(cairn::tests::settle(*model));
    const QStringList names = columnValues(model, nameColumn);
    QStringList expected = names;
    std::sort(expected.begin(), expected.end(),
        [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) > 0; });
    QCOMPARE(names, expected);

    // Filter as you type.
    QTest::keyClicks(table->filterEdit(), QStringLiteral("pay"));
    QTRY_VERIFY(model->filterText() == u"pay");
    QVERIFY(cairn::tests::settle(*model));
    QVERIFY(model->rowCount() > 0);
    QVERIFY(model->rowCount() < names.size());
    QVERIFY(columnValues(model, nameColumn).contains(QStringLiteral("payment-gateway")));
    // The sort survives the filter.
    const QStringList filtered = columnValues(model, nameColumn);
    QStringList filteredSorted = filtered;
    std::sort(filteredSorted.begin(), filteredSorted.end(),
        [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) > 0; });
    QCOMPARE(filtered, filteredSorted);

    QTest::keyClicks(table->filterEdit(), QStringLiteral("zzzz"));
    QTRY_COMPARE(model->rowCount(), 0);
    QVERIFY(cairn::tests::settle(*model));
    // An empty answer reads as one, once the rows and their count are in.
    auto *empty = table->table()->viewport()->findChild<QLabel *>(QStringLiteral("emptyState"));
    QVERIFY(empty);
    QTRY_VERIFY(empty->isVisible());
    QVERIFY2(empty->text().contains(QStringLiteral("payzzzz")), qPrintable(empty->text()));
}

void TestMainWindow::opensAnEntityFollowsALinkAndGoesBack()
{
    m_window->showView(QStringLiteral("component"));
    const EntityRef checkout = ref("component:default/checkout-service");
    ui::EntityTableView *table = m_window->tableView();
    QVERIFY(cairn::tests::settle(*table->model()));
    QVERIFY(table->selectRef(checkout));
    ui::DetailPane *detail = m_window->detailPane();
    QCOMPARE(detail->currentRef(), checkout);
    const QString text = detail->browser()->toPlainText();
    for (const char *section : { "WHAT", "WHY", "WHO", "HOW" })
        QVERIFY2(text.contains(QString::fromLatin1(section)), section);

    // Follow the owner's link, as a click on it does.
    const QStringList links = anchors(detail->browser());
    QString ownerLink;
    for (const QString &href : links) {
        if (href.startsWith(QStringLiteral("cairn:group:"), Qt::CaseInsensitive))
            ownerLink = href;
    }
    QVERIFY2(!ownerLink.isEmpty(), qPrintable(links.join(u' ')));
    Q_EMIT detail->browser()->anchorClicked(QUrl(ownerLink));
    const EntityRef owner = ui::AnswerHtml::refFromUrl(QUrl(ownerLink)).value();
    QCOMPARE(detail->currentRef(), owner);
    QVERIFY(detail->browser()->toPlainText().contains(QStringLiteral("Members")));

    // Alt+Left goes back, Alt+Right forward again.
    QVERIFY(m_window->history()->canGoBack());
    QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(detail->currentRef(), checkout);
    QCOMPARE(table->currentRef(), checkout);
    QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(detail->currentRef(), owner);

    // The mouse's back button too.
    QTest::mouseClick(detail->browser()->viewport(), Qt::BackButton);
    QCOMPARE(detail->currentRef(), checkout);

    // Web links and e-mail addresses are links the system opens.
    m_window->openEntity(owner);
    QVERIFY(anchors(detail->browser()).join(u' ').contains(QStringLiteral("mailto:")));
}

void TestMainWindow::asksAQuestionAndLandsOnTheAnswer()
{
    ui::AskBar *ask = m_window->askBar();
    QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
    QVERIFY(ask->edit()->hasFocus());
    QTest::keyClicks(ask->edit(), QStringLiteral("checkout"));
    QVERIFY(ask->isPopupVisible()); // results while typing
    QVERIFY(ask->resultsView()->model()->rowCount() > 0);

    ask->edit()->clear();
    QTest::keyClicks(ask->edit(), QStringLiteral("who owns checkout-service"));
    QTest::keyClick(ask->edit(), Qt::Key_Return);
    ui::DetailPane *detail = m_window->detailPane();
    QCOMPARE(detail->currentRef(), ref("component:default/checkout-service"));
    const QString text = detail->browser()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("WHO")), qPrintable(text.left(300)));
    QVERIFY(!ask->isPopupVisible());

    // A list answer about an entity shows the list above its answers; what changed shows
    // the runs' lines.
    ask->edit()->clear();
    QTest::keyClicks(ask->edit(), QStringLiteral("what does helene mercier work on"));
    QTest::keyClick(ask->edit(), Qt::Key_Return);
    QCOMPARE(detail->currentRef(), ref("user:default/helene-mercier"));
    QVERIFY2(detail->browser()->toPlainText().contains(QStringLiteral("One payment service provider")),
        qPrintable(detail->browser()->toPlainText().left(400)));
    ask->edit()->clear();
    QTest::keyClicks(ask->edit(), QStringLiteral("what changed"));
    QTest::keyClick(ask->edit(), Qt::Key_Return);
    const QString changes = detail->browser()->toPlainText();
    QVERIFY2(changes.contains(QStringLiteral("Added")) && changes.contains(QStringLiteral("checkout-service")),
        qPrintable(changes.left(400)));

    // Picking a match with the keyboard lands on it too.
    ask->edit()->clear();
    QTest::keyClicks(ask->edit(), QStringLiteral("payment-gate"));
    QTest::keyClick(ask->edit(), Qt::Key_Down);
    QTest::keyClick(ask->edit(), Qt::Key_Return);
    QCOMPARE(detail->currentRef(), ref("component:default/payment-gateway"));
}

void TestMainWindow::picksACandidateOfAnAmbiguousQuestion()
{
    importYaml(m_cachePath, m_dir.filePath(QStringLiteral("twins")), QStringLiteral("twins"), TwinsYaml);
    ui::AskBar *ask = m_window->askBar();
    ask->activate();
    QTest::keyClicks(ask->edit(), QStringLiteral("what is wayback-archive"));
    QTest::keyClick(ask->edit(), Qt::Key_Return);
    QVERIFY(ask->isPopupVisible());
    QAbstractItemModel *candidates = ask->resultsView()->model();
    QCOMPARE(candidates->rowCount(), 2);
    QSet<EntityRef> offered;
    for (int row = 0; row < 2; ++row)
        offered.insert(candidates->index(row, 0).data(models::RefRole).value<EntityRef>());
    QCOMPARE(
        offered, (QSet<EntityRef> { ref("component:default/wayback-archive"), ref("api:default/wayback-archive") }));
    QTest::keyClick(ask->edit(), Qt::Key_Down);
    QTest::keyClick(ask->edit(), Qt::Key_Down);
    const EntityRef second = candidates->index(1, 0).data(models::RefRole).value<EntityRef>();
    QTest::keyClick(ask->edit(), Qt::Key_Return);
    QCOMPARE(m_window->detailPane()->currentRef(), second);
}

void TestMainWindow::exportsWhatTheTableShows()
{
    m_window->showView(QStringLiteral("component"));
    ui::EntityTableView *table = m_window->tableView();
    models::EntityTableModel *model = table->model();
    const int nameColumn = columnOf(model, QStringLiteral("name"));
    table->table()->sortByColumn(nameColumn, Qt::DescendingOrder);
    QTest::keyClicks(table->filterEdit(), QStringLiteral("service"));
    QTRY_VERIFY(model->filterText() == u"service");
    QVERIFY(cairn::tests::settle(*model));
    QVERIFY(model->rowCount() > 1);

    const QString target = m_dir.filePath(QStringLiteral("components.csv"));
    m_window->exporter()->setSaveFileAsker([&](const QString &suggested) {
        [&] { QVERIFY(suggested.endsWith(QStringLiteral(".csv"))); }();
        return QString(target);
    });
    QSignalSpy finished(m_window.get(), &ui::MainWindow::exportFinished);
    m_window->exportCurrentView();
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(2).toString()));

    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(csvFields(lines.takeFirst()), table->visibleColumnIds());
    QCOMPARE(lines.size(), model->rowCount());
    const int nameField = int(table->visibleColumnIds().indexOf(QStringLiteral("name")));
    QVERIFY(nameField >= 0);
    for (int row = 0; row < lines.size(); ++row)
        QCOMPARE(csvFields(lines.at(row)).at(nameField), model->index(row, nameColumn).data().toString());
}

void TestMainWindow::showsAnotherConnectionsSyncInPlace()
{
    m_window->showView(QStringLiteral("component"));
    ui::EntityTableView *table = m_window->tableView();
    models::EntityTableModel *model = table->model();
    QVERIFY(cairn::tests::settle(*model));
    const int before = model->rowCount();
    const EntityRef kept = ref("component:default/checkout-service");
    QVERIFY(table->selectRef(kept));
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);

    importYaml(m_cachePath, m_dir.filePath(QStringLiteral("twins")), QStringLiteral("twins"), TwinsYaml);
    QVERIFY(m_window->changeWatcher()->checkNow());
    QVERIFY(cairn::tests::settle(*model));

    QCOMPARE(model->rowCount(), before + 1);
    QCOMPARE(resets.count(), 0);
    QVERIFY(inserted.count() >= 1);
    QCOMPARE(table->currentRef(), kept); // the selection stayed on its row
    QCOMPARE(m_window->detailPane()->currentRef(), kept);
    QVERIFY(table->selectRef(ref("component:default/wayback-archive")));
}

void TestMainWindow::remembersTheColumnsOfEachKind()
{
    m_window->showView(QStringLiteral("component"));
    ui::EntityTableView *table = m_window->tableView();
    const QStringList defaults = table->visibleColumnIds();
    QVERIFY(defaults.contains(QStringLiteral("owner")));
    // Hide "owner" through the column chooser.
    QAction *ownerAction = nullptr;
    const QString ownerTitle
        = table->model()->headerData(columnOf(table->model(), QStringLiteral("owner")), Qt::Horizontal).toString();
    for (QAction *action : table->columnsButton()->menu()->actions()) {
        if (action->text() == ownerTitle)
            ownerAction = action;
    }
    QVERIFY(ownerAction);
    ownerAction->setChecked(false);
    QVERIFY(!table->visibleColumnIds().contains(QStringLiteral("owner")));

    m_window->showView(QStringLiteral("project"));
    QVERIFY(table->visibleColumnIds().contains(QStringLiteral("owner")));
    m_window->showView(QStringLiteral("component"));
    QVERIFY(!table->visibleColumnIds().contains(QStringLiteral("owner")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
