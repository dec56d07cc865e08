// SPDX-License-Identifier: GPL-3.0-or-later
// The window under a dark palette (as a system in dark mode gives it): the detail pane's
// page takes its colours from the palette, so its text reads light on dark. The picture
// is saved beside the other screenshots (<build>/screenshots/dark-detail.png).
#include "cache/Cache.h"
#include "models/CacheChangeWatcher.h"
#include "sync/SampleOrganisation.h"
#include "ui/DetailPane.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include "support/DarkPalette.h"

class TestDarkPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detailPageFollowsTheDarkPalette();
};

void TestDarkPalette::detailPageFollowsTheDarkPalette()
{
    Q_INIT_RESOURCE(cairn_sample);
    Q_INIT_RESOURCE(cairn_icons);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(cairn::tests::darkPalette());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite3"));
    {
        auto writer = cairn::cache::Cache::open(path);
        QVERIFY(writer);
        QVERIFY(cairn::sync::SampleOrganisation::load(**writer).ok);
    }
    auto cache = cairn::cache::Cache::open(path);
    QVERIFY(cache);
    cairn::ui::MainWindow window(**cache);
    window.changeWatcher()->stop();
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showView(QStringLiteral("component"));
    window.openEntity(cairn::core::EntityRef::parse(u"component:default/checkout-service").value());
    // The table's rows are read off the UI thread: the picture shows them, not an empty table.
    QTRY_VERIFY(!window.isReading());

    // The page's text colour is the palette's, not a colour fixed for a light theme.
    const QString html = window.detailPane()->browser()->toHtml();
    QVERIFY2(html.contains(QStringLiteral("#e6e6e6"), Qt::CaseInsensitive), qPrintable(html.left(600)));
    const QImage picture = window.grab().toImage();
    const QWidget *viewport = window.detailPane()->browser()->viewport();
    const QRect pane(viewport->mapTo(&window, QPoint(0, 0)), viewport->size());
    // Mostly dark behind the text.
    int darkPixels = 0;
    int counted = 0;
    for (int y = pane.top(); y < pane.bottom(); y += 9) {
        for (int x = pane.left(); x < pane.right(); x += 9) {
            ++counted;
            if (QColor(picture.pixel(x, y)).lightness() < 90)
                ++darkPixels;
        }
    }
    QVERIFY(counted > 0);
    QVERIFY2(darkPixels * 10 > counted * 8, qPrintable(QStringLiteral("%1 of %2").arg(darkPixels).arg(counted)));
    const QString folder = QStringLiteral(CAIRN_BINARY_DIR "/screenshots");
    QDir().mkpath(folder);
    QVERIFY(picture.save(QDir(folder).filePath(QStringLiteral("dark-detail.png"))));
}

QTEST_MAIN(TestDarkPalette)
#include "tst_darkpalette.moc"
