// SPDX-License-Identifier: GPL-3.0-or-later
// Help ▸ About Cairn: the version and the libraries the program runs with, and a button
// that opens the cache's folder (issue 16). Its picture is saved beside the other
// screenshots (<build>/screenshots/about.png).
#include "cache/Database.h"
#include "ui/AboutDialog.h"
#include "ui/GraphLayout.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace cairn;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saysWhichVersionsAndWhereTheCacheIs()
    {
        QCoreApplication::setApplicationVersion(QStringLiteral("1.2.3"));
        const QString cache = QDir::temp().filePath(QStringLiteral("about-test/cache.sqlite3"));
        ui::AboutDialog dialog(cache);
        QUrl opened;
        dialog.setFolderOpener([&opened](const QUrl &url) { opened = url; });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        const QString text = dialog.details()->text();
        QVERIFY2(text.contains(u"1.2.3"), qPrintable(text));
        QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
        QVERIFY2(text.contains(cache::Database::sqliteVersion()), qPrintable(text));
        const QString graphviz = ui::GraphLayout::graphvizVersion();
        QVERIFY(!graphviz.isEmpty());
        QVERIFY2(text.contains(graphviz), qPrintable(text));
        QVERIFY2(text.contains(u"GPL-3.0-or-later"), qPrintable(text));
        QVERIFY2(text.contains(QDir::toNativeSeparators(cache).toHtmlEscaped()), qPrintable(text));

        QTest::mouseClick(dialog.openFolderButton(), Qt::LeftButton);
        QCOMPARE(opened, QUrl::fromLocalFile(QDir::temp().filePath(QStringLiteral("about-test"))));

        const QString folder = QStringLiteral(CAIRN_BINARY_DIR "/screenshots");
        QDir().mkpath(folder);
        QVERIFY(dialog.grab().save(folder + QStringLiteral("/about.png")));
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
