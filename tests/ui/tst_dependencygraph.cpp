// SPDX-License-Identifier: GPL-3.0-or-later
// The dependency graph in the real window, driven offscreen as a person would: Ctrl+G opens
// it for the entity shown, a click on a node opens that entity (history and all), the keys
// move around it, the depth, zoom and fit change what it shows, health colours and risk come
// from the cache, and it exports as PNG and SVG. Its picture under a dark palette is saved
// beside the other screenshots (<build>/screenshots/dark-graph.png).

#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/Database.h"
#include "cache/HealthPolicy.h"
#include "models/CacheChangeWatcher.h"
#include "sync/SampleOrganisation.h"
#include "sync/ScorecardReader.h"
#include "ui/DependencyGraphItems.h"
#include "ui/DependencyGraphPanel.h"
#include "ui/DependencyGraphScene.h"
#include "ui/DependencyGraphView.h"
#include "ui/DetailPane.h"
#include "ui/EntityTableView.h"
#include "ui/GraphColours.h"
#include "ui/MainWindow.h"
#include "ui/NavigationHistory.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "support/DarkPalette.h"
#include "tests/cache/support/CacheTestSupport.h"

using cairn::core::EntityRef;
namespace ui = cairn::ui;

namespace {

EntityRef ref(const char *text)
{
    return EntityRef::parse(QString::fromLatin1(text)).value();
}

// The window on a cache of its own with the sample organisation in it.
struct Session
{
    std::unique_ptr<cairn::cache::Cache> cache;
    std::unique_ptr<ui::MainWindow> window;
};

// "Today" in the sample organisation: its deploy dates are judged against it.
const QDate SampleToday(2026, 11, 24);

// The share of the pixels of `area` in `image` close to `colour`.
double shareNear(const QImage &image, const QRect &area, const QColor &colour)
{
    int near = 0;
    int all = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            ++all;
            if (std::abs(pixel.red() - colour.red()) + std::abs(pixel.green() - colour.green())
                    + std::abs(pixel.blue() - colour.blue())
                < 60)
                ++near;
        }
    }
    return all == 0 ? 0 : double(near) / all;
}

} // namespace

class TestDependencyGraph : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_samplePath;

    Session open(const QString &extraSql = {})
    {
        static int n = 0;
        const QString path = m_dir.filePath(QStringLiteral("cache-%1.sqlite3").arg(++n));
        QFile::copy(m_samplePath, path);
        Session session;
        session.cache = std::move(cairn::cache::Cache::open(path)).value();
        if (!extraSql.isEmpty()) {
            const cairn::core::Status written = session.cache->database().exec(extraSql);
            if (!written)
                qFatal("%s", qPrintable(written.errorString()));
        }
        session.window = std::make_unique<ui::MainWindow>(*session.cache);
        session.window->changeWatcher()->stop();
        session.window->resize(1400, 900);
        session.window->show();
        if (!QTest::qWaitForWindowExposed(session.window.get()))
            qFatal("the window was not shown");
        return session;
    }

    // Shows the graph of `centre` at `depth` through the window, as Ctrl+G does.
    static ui::DependencyGraphPanel *showGraph(ui::MainWindow &window, const EntityRef &centre, int depth)
    {
        window.showView(QStringLiteral("component"));
        window.openEntity(centre);
        ui::DependencyGraphPanel *graph = window.dependencyGraph();
        graph->setDepth(depth);
        auto *toggle = window.findChild<QAction *>(QStringLiteral("dependencyGraphAction"));
        if (!toggle)
            qFatal("no Dependency Graph action");
        if (!window.dependencyGraphDock()->isVisible())
            toggle->trigger();
        return graph;
    }

    static bool settled(ui::DependencyGraphPanel *graph, const EntityRef &centre)
    {
        return !graph->isReading() && graph->shownEntity() == centre;
    }

    static QPoint onScreen(ui::DependencyGraphView *view, ui::GraphNodeItem *node)
    {
        view->ensureVisible(node->nodeSceneRect(), 10, 10);
        return view->mapFromScene(node->nodeSceneRect().center());
    }

private Q_SLOTS:
    void initTestCase()
    {
        Q_INIT_RESOURCE(cairn_sample);
        Q_INIT_RESOURCE(cairn_icons);
        QStandardPaths::setTestModeEnabled(true);
        // The built-in scorecards, as the window's program installs them at start.
        auto policy = std::make_shared<cairn::cache::HealthPolicy>();
        const cairn::sync::ScorecardSet scorecards = cairn::sync::ScorecardReader::builtIn();
        QVERIFY(scorecards.errors.isEmpty());
        policy->scorecards = scorecards.scorecards;
        policy->today = [] { return SampleToday; };
        cairn::cache::HealthPolicy::install(policy);
        QCoreApplication::setOrganizationName(QStringLiteral("CairnTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dependencygraph"));
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QVERIFY(m_dir.isValid());
        m_samplePath = m_dir.filePath(QStringLiteral("sample.sqlite3"));
        auto cache = cairn::cache::Cache::open(m_samplePath);
        QVERIFY(cache);
        QVERIFY(cairn::sync::SampleOrganisation::load(**cache).ok);
        // One file others can copy: the write-ahead log folded in.
        QVERIFY((*cache)->database().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }

    void init() { QSettings().clear(); }

    void opensForTheEntityShownAndNavigatesByClicks()
    {
        Session s = open();
        ui::MainWindow &window = *s.window;
        const EntityRef checkout = ref("component:default/checkout-service");
        const EntityRef gateway = ref("component:default/payment-gateway");
        auto *toggle = window.findChild<QAction *>(QStringLiteral("dependencyGraphAction"));
        QVERIFY(toggle);
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_G));
        QVERIFY(!window.dependencyGraphDock()->isVisible());

        ui::DependencyGraphPanel *graph = showGraph(window, checkout, 1);
        QVERIFY(window.dependencyGraphDock()->isVisible());
        QTRY_VERIFY(settled(graph, checkout));
        ui::DependencyGraphScene *scene = graph->scene();
        ui::DependencyGraphView *view = graph->view();
        // What checkout-service depends on, the APIs it consumes and the one it provides.
        QCOMPARE(scene->nodeItems().size(), 13);
        QCOMPARE(scene->centreNode()->data().ref, checkout);
        QVERIFY(scene->nodeFor(ref("api:default/checkout-api")));
        QVERIFY2(graph->noteLabel()->text().startsWith(QStringLiteral("12 entities around ")),
            qPrintable(graph->noteLabel()->text()));
        QVERIFY(view->accessibleName().contains(QStringLiteral("checkout-service")));

        // A click on a node opens it: the detail pane, the history, the table, and the graph.
        ui::GraphNodeItem *node = scene->nodeFor(gateway);
        QVERIFY(node);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onScreen(view, node));
        QCOMPARE(window.detailPane()->currentRef(), gateway);
        QVERIFY(window.history()->canGoBack());
        QTRY_COMPARE(window.tableView()->currentRef(), gateway);
        QTRY_VERIFY(settled(graph, gateway));
        QCOMPARE(scene->centreNode()->data().ref, gateway);
        // Its dependents now: checkout-service, order-service, refund-service.
        QVERIFY(scene->nodeFor(ref("component:default/refund-service")));

        // Back and forward move the graph with the window.
        window.goBack();
        QCOMPARE(window.detailPane()->currentRef(), checkout);
        QTRY_VERIFY(settled(graph, checkout));
        window.goForward();
        QTRY_VERIFY(settled(graph, gateway));

        // Clicking the centre or the empty background opens nothing new.
        QSignalSpy moved(window.history(), &ui::NavigationHistory::changed);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onScreen(view, scene->centreNode()));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(2, 2));
        QCOMPARE(window.detailPane()->currentRef(), gateway);
        QCOMPARE(moved.count(), 0);
        QVERIFY(!graph->isReading());

        // Ctrl+G again hides it.
        toggle->trigger();
        QVERIFY(!window.dependencyGraphDock()->isVisible());
    }

    void aDragPansAndOpensNothing()
    {
        Session s = open();
        const EntityRef checkout = ref("component:default/checkout-service");
        ui::DependencyGraphPanel *graph = showGraph(*s.window, checkout, 3);
        QTRY_VERIFY(settled(graph, checkout));
        ui::DependencyGraphView *view = graph->view();
        view->setZoom(2.0);
        QScrollBar *across = view->horizontalScrollBar();
        QVERIFY(across->maximum() > 200);
        across->setValue(across->maximum() / 2);
        // The drag starts on a node: a drag, not a click.
        QPoint from;
        for (ui::GraphNodeItem *node : graph->scene()->nodeItems()) {
            const QPoint at = view->mapFromScene(node->nodeSceneRect().center());
            if (view->viewport()->rect().adjusted(80, 20, -80, -20).contains(at)
                && node != graph->scene()->centreNode()) {
                from = at;
                break;
            }
        }
        QVERIFY(!from.isNull());
        QVERIFY(view->nodeAt(from));
        const int scrolled = across->value();
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, from);
        for (int step = 1; step <= 5; ++step) {
            const QPointF at(from + QPoint(-12 * step, 0));
            QMouseEvent move(
                QEvent::MouseMove, at, view->viewport()->mapToGlobal(at), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(view->viewport(), &move);
        }
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, from + QPoint(-60, 0));
        QCOMPARE(across->value(), scrolled + 60);
        QCOMPARE(s.window->detailPane()->currentRef(), checkout);
    }

    void theKeyboardReachesEveryNode()
    {
        Session s = open();
        const EntityRef checkout = ref("component:default/checkout-service");
        ui::DependencyGraphPanel *graph = showGraph(*s.window, checkout, 1);
        QTRY_VERIFY(settled(graph, checkout));
        ui::DependencyGraphView *view = graph->view();
        s.window->activateWindow();
        view->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(view->hasFocus());
        // The focus ring starts on the centre, which a screen reader is told about.
        QCOMPARE(view->currentNode(), graph->scene()->centreNode());
        QVERIFY(view->currentNode()->isCurrent());
        QVERIFY(view->accessibleDescription().contains(QStringLiteral("checkout-service")));

        // Right goes to a dependency, Left from the centre to the API it provides.
        QTest::keyClick(view, Qt::Key_Right);
        ui::GraphNodeItem *dependency = view->currentNode();
        QVERIFY(dependency != graph->scene()->centreNode());
        QVERIFY(dependency->nodeSceneRect().left() > graph->scene()->centreNode()->nodeSceneRect().right());
        QCOMPARE(view->accessibleDescription(), dependency->data().description);
        QTest::keyClick(view, Qt::Key_Home);
        QCOMPARE(view->currentNode(), graph->scene()->centreNode());
        QTest::keyClick(view, Qt::Key_Left);
        QCOMPARE(view->currentNode()->data().ref, ref("api:default/checkout-api"));

        // Every node can be reached with the arrows from the centre.
        QSet<ui::GraphNodeItem *> reached { graph->scene()->centreNode() };
        QList<ui::GraphNodeItem *> todo { graph->scene()->centreNode() };
        while (!todo.isEmpty()) {
            ui::GraphNodeItem *from = todo.takeFirst();
            for (const Qt::Key key : { Qt::Key_Left, Qt::Key_Right, Qt::Key_Up, Qt::Key_Down }) {
                view->setCurrentNode(from);
                QTest::keyClick(view, key);
                if (!reached.contains(view->currentNode())) {
                    reached.insert(view->currentNode());
                    todo.append(view->currentNode());
                }
            }
        }
        QCOMPARE(reached.size(), graph->scene()->nodeItems().size());
        view->setCurrentNode(graph->scene()->nodeFor(ref("component:default/voucher-engine")));

        // Enter opens the node under the ring.
        const EntityRef chosen = view->currentNode()->data().ref;
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(s.window->detailPane()->currentRef(), chosen);
        QTRY_VERIFY(settled(graph, chosen));
    }

    void depthZoomAndFit()
    {
        Session s = open();
        const EntityRef checkout = ref("component:default/checkout-service");
        ui::DependencyGraphPanel *graph = showGraph(*s.window, checkout, 1);
        QTRY_VERIFY(settled(graph, checkout));
        QCOMPARE(graph->scene()->nodeItems().size(), 13);
        graph->depthBox()->setValue(3);
        QTRY_VERIFY(settled(graph, checkout) && graph->scene()->nodeItems().size() == 26);
        QVERIFY(graph->scene()->nodeFor(ref("component:default/demand-forecasting")));
        // Remembered for the next graph, and the next session.
        QCOMPARE(QSettings().value(QStringLiteral("graph/depth")).toInt(), 3);

        ui::DependencyGraphView *view = graph->view();
        view->setFocus();
        const qreal before = view->zoom();
        QTest::keyClick(view, Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(view->zoom() > before * 1.2);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(view->zoom() < before);
        // Ctrl+wheel zooms under the mouse; a plain wheel scrolls.
        const qreal wheeled = view->zoom();
        const QPoint middle = view->viewport()->rect().center();
        QWheelEvent ctrlWheel(QPointF(middle), view->viewport()->mapToGlobal(QPointF(middle)), QPoint(), QPoint(0, 240),
            Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &ctrlWheel);
        QVERIFY(view->zoom() > wheeled * 1.2);
        QCOMPARE(view->zoom(), std::min(wheeled * std::pow(1.0015, 240), ui::DependencyGraphView::MaxZoom));

        // Fit shows the whole graph.
        view->setZoom(3);
        QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
        QTest::qWait(20); // the scroll bars go
        const QRect whole = view->mapFromScene(graph->scene()->graphRect()).boundingRect();
        QVERIFY2(view->viewport()->rect().adjusted(-2, -2, 2, 2).contains(whole),
            qPrintable(QStringLiteral("%1,%2 %3x%4 in %5x%6")
                           .arg(whole.x())
                           .arg(whole.y())
                           .arg(whole.width())
                           .arg(whole.height())
                           .arg(view->viewport()->width())
                           .arg(view->viewport()->height())));
        QVERIFY(view->zoom() < 3);
    }

    void healthColoursRiskAndReloadFromTheCache()
    {
        Session s = open();
        const EntityRef checkout = ref("component:default/checkout-service");
        ui::DependencyGraphPanel *graph = showGraph(*s.window, checkout, 1);
        QTRY_VERIFY(settled(graph, checkout));
        // The sample's health, computed by the built-in scorecards as it was imported: the
        // deprecated voucher-engine fails, checkout-service is at risk through it.
        ui::GraphNodeItem *voucher = graph->scene()->nodeFor(ref("component:default/voucher-engine"));
        QCOMPARE(voucher->data().band, QStringLiteral("failing"));
        QVERIFY(voucher->data().subtitle.contains(QStringLiteral("Failing")));
        QVERIFY(!voucher->data().atRisk);
        ui::GraphNodeItem *centre = graph->scene()->centreNode();
        QCOMPARE(centre->data().band, QStringLiteral("needs-attention"));
        QVERIFY(centre->data().atRisk);
        QVERIFY2(centre->data().description.contains(
                     QStringLiteral("At risk through component:default/voucher-engine, which is failing")),
            qPrintable(centre->data().description));
        QCOMPARE(
            graph->scene()->nodeFor(ref("component:default/payment-gateway"))->data().band, QStringLiteral("passing"));
        // No scorecard applies to a database: neutral, and said in words.
        ui::GraphNodeItem *database = graph->scene()->nodeFor(ref("resource:default/checkout-db"));
        QCOMPARE(database->data().band, QString());
        QVERIFY(database->data().description.contains(QStringLiteral("No scorecard applies")));

        // Health changed (another connection committed): the window reads the cache again,
        // and the graph with it.
        QVERIFY(s.cache->database().exec(QStringLiteral(
            "UPDATE entities SET health_band = 'failing' WHERE key = 'component:default/payment-gateway'")));
        s.window->refreshFromCache();
        QTRY_VERIFY(settled(graph, checkout)
            && graph->scene()->nodeFor(ref("component:default/payment-gateway"))->data().band
                == QStringLiteral("failing"));
        voucher = graph->scene()->nodeFor(ref("component:default/voucher-engine"));

        // On screen, each in its band's colour: the stripe down the left of the box.
        ui::DependencyGraphView *view = graph->view();
        view->setZoom(1.0);
        const qreal ratio = view->viewport()->grab().devicePixelRatio();
        auto stripe = [&](ui::GraphNodeItem *node) {
            view->ensureVisible(node->nodeSceneRect());
            const QImage shot = view->viewport()->grab().toImage();
            const QRect box = view->mapFromScene(node->nodeSceneRect()).boundingRect();
            const QRect area(int((box.left() + 2) * ratio), int((box.top() + 6) * ratio), int(2 * ratio),
                int((box.height() - 12) * ratio));
            return std::pair(shot, area);
        };
        const auto [failingShot, failingArea] = stripe(voucher);
        QVERIFY(shareNear(failingShot, failingArea, ui::GraphColours::bandHue(QStringLiteral("failing"))) > 0.6);
        const auto [passingShot, passingArea] = stripe(graph->scene()->nodeFor(ref("component:default/order-service")));
        QVERIFY(shareNear(passingShot, passingArea, ui::GraphColours::bandHue(QStringLiteral("passing"))) > 0.6);
    }

    void exportsPngAndSvg()
    {
        Session s = open();
        const EntityRef checkout = ref("component:default/checkout-service");
        ui::DependencyGraphPanel *graph = showGraph(*s.window, checkout, 2);
        QTRY_VERIFY(settled(graph, checkout));
        QTemporaryDir out;

        const QString png = out.filePath(QStringLiteral("checkout.png"));
        const cairn::core::Status wrotePng = graph->exportImage(png);
        QVERIFY2(wrotePng, qPrintable(wrotePng.errorString()));
        const QImage image(png);
        QVERIFY(!image.isNull());
        // Twice the scene's size: sharp on a HiDPI screen and in print.
        const QRectF source = graph->scene()->graphRect();
        QCOMPARE(image.width(), int(std::ceil(source.width() * 2)));
        QCOMPARE(image.height(), int(std::ceil(source.height() * 2)));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 5) {
            for (int x = 0; x < image.width(); x += 5)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY(colours.size() > 50);
        // voucher-engine's box, where the scene has it, in its band's colour.
        const QRectF voucher = graph->scene()->nodeFor(ref("component:default/voucher-engine"))->nodeSceneRect();
        const QRect inImage((voucher.topLeft() - source.topLeft()).toPoint() * 2, voucher.size().toSize() * 2);
        QVERIFY(shareNear(image, inImage, ui::GraphColours::bandHue(QStringLiteral("failing"))) > 0.05);
        // Nothing of the focus ring in a picture for others, and it is back on screen after.
        QVERIFY(graph->view()->currentNode());

        const QString svg = out.filePath(QStringLiteral("checkout.svg"));
        const cairn::core::Status wroteSvg = graph->exportImage(svg);
        QVERIFY2(wroteSvg, qPrintable(wroteSvg.errorString()));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString root;
        QStringList texts;
        bool inText = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && root.isEmpty())
                root = xml.name().toString();
            if (xml.isStartElement() && xml.name() == u"text")
                inText = true;
            else if (xml.isEndElement() && xml.name() == u"text")
                inText = false;
            else if (xml.isCharacters() && inText)
                texts.append(xml.text().toString().trimmed());
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(root, QStringLiteral("svg"));
        // The names are text in it, to search and copy.
        QVERIFY2(texts.contains(QStringLiteral("checkout-service")), qPrintable(texts.join(u'|')));
        QVERIFY(texts.contains(QStringLiteral("payment-gateway")));
        QVERIFY(texts.contains(QStringLiteral("depends on")));

        // A folder that does not exist: an error that names it, and no file.
        const QString nowhere = out.filePath(QStringLiteral("missing/folder/graph.png"));
        const cairn::core::Status refused = graph->exportImage(nowhere);
        QVERIFY(!refused);
        QVERIFY(!QFile::exists(nowhere));
    }

    void aHubShowsWhatTheCapLeftOut()
    {
        // 400 services depend on one hub: the graph shows the first ones and says how many
        // more there are, on the hub and under the graph.
        QList<cairn::core::SourcedEntity> entities { cairn::cache::test::component(QStringLiteral("hub")) };
        for (int i = 0; i < 400; ++i) {
            cairn::core::SourcedEntity service = cairn::cache::test::component(QStringLiteral("svc-%1").arg(i));
            QJsonObject document = service.entity.document();
            QJsonObject spec = document.value(QStringLiteral("spec")).toObject();
            spec.insert(QStringLiteral("dependsOn"), QJsonArray { QStringLiteral("component:hub") });
            document.insert(QStringLiteral("spec"), spec);
            service.entity = cairn::core::Entity(document);
            entities.append(service);
        }
        Session s = open();
        auto applied = cairn::cache::CatalogWriter(*s.cache).applySourceRun(
            cairn::cache::test::run(QStringLiteral("hubs"), entities));
        QVERIFY2(applied, qPrintable(applied.errorString()));
        const EntityRef hub = ref("component:default/hub");
        ui::DependencyGraphPanel *graph = showGraph(*s.window, hub, 1);
        QTRY_VERIFY(settled(graph, hub));
        QCOMPARE(graph->scene()->nodeItems().size(), cairn::cache::DependencyNeighbourhood::DefaultMaxNodes);
        const int left = 400 - (cairn::cache::DependencyNeighbourhood::DefaultMaxNodes - 1);
        QCOMPARE(graph->scene()->centreNode()->data().omittedDependents, left);
        QVERIFY(
            graph->scene()->centreNode()->data().description.contains(QStringLiteral("%1 more dependents").arg(left)));
        QVERIFY2(graph->noteLabel()->text().contains(QStringLiteral("%1 more are left out").arg(left)),
            qPrintable(graph->noteLabel()->text()));
    }

    void underADarkPalette()
    {
        QApplication::setPalette(cairn::tests::darkPalette());
        Session s = open();
        const EntityRef checkout = ref("component:default/checkout-service");
        ui::DependencyGraphPanel *graph = showGraph(*s.window, checkout, 2);
        s.window->resizeDocks({ s.window->dependencyGraphDock() }, { 480 }, Qt::Vertical);
        QTRY_VERIFY(settled(graph, checkout));
        QTest::qWait(50);

        // The background is the palette's, the names its light text.
        const QImage view = graph->view()->viewport()->grab().toImage();
        QVERIFY(shareNear(view, view.rect(), cairn::tests::darkPalette().color(QPalette::Base)) > 0.5);
        const qreal ratio = view.devicePixelRatio();
        const QRect box = graph->view()->mapFromScene(graph->scene()->centreNode()->nodeSceneRect()).boundingRect();
        const QImage centre = view.copy(QRect(box.topLeft() * ratio, box.size() * ratio));
        int light = 0;
        for (int y = 0; y < centre.height(); ++y) {
            for (int x = 0; x < centre.width(); ++x)
                light += QColor(centre.pixel(x, y)).lightness() > 170 ? 1 : 0;
        }
        QVERIFY2(light > 20, "the centre's name is not drawn light on dark");

        const QString folder = QStringLiteral(CAIRN_BINARY_DIR "/screenshots");
        QDir().mkpath(folder);
        QVERIFY(s.window->grab().save(QDir(folder).filePath(QStringLiteral("dark-graph.png"))));
        QApplication::setPalette(QPalette());
    }
};

QTEST_MAIN(TestDependencyGraph)
#include "tst_dependencygraph.moc"
