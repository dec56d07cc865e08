// SPDX-License-Identifier: GPL-3.0-or-later
// The window on a first run, under Xvfb when it is installed (offscreen otherwise): it
// loads the sample organisation and saves its main views as PNGs in the build folder
// (<build>/screenshots), where a person looks at them. Each must be a real picture of the
// window, not a blank or missing file.

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savesTheMainViews();
};

void TestScreenshots::savesTheMainViews()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString folder = QStringLiteral(CAIRN_BINARY_DIR "/screenshots");
    // Only the tour's own pictures: other tests (dark palette, French) save theirs beside
    // them, perhaps at the same time.
    const QStringList expected { QStringLiteral("01-overview"), QStringLiteral("02-components-detail"),
        QStringLiteral("03-project-history"), QStringLiteral("04-goal-tree"), QStringLiteral("05-team"),
        QStringLiteral("06-person"), QStringLiteral("07-ask-while-typing"), QStringLiteral("08-ask-answer"),
        QStringLiteral("09-removed-upstream"), QStringLiteral("10-health-dashboard"),
        QStringLiteral("11-health-filtered-components"), QStringLiteral("12-dependency-graph"),
        QStringLiteral("13-hygiene"), QStringLiteral("14-ask-works-on"), QStringLiteral("15-ask-what-changed") };
    for (const QString &name : expected)
        QFile::remove(QDir(folder).filePath(name + QStringLiteral(".png")));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("CAIRN_CACHE"));
    const QStringList arguments { QStringLiteral("--cache"), home.filePath(QStringLiteral("cache.sqlite3")),
        QStringLiteral("--screenshots"), folder, QStringLiteral("--today"), QStringLiteral("2026-11-24") };
    QProcess app;
    const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
    if (xvfb.isEmpty()) {
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(CAIRN_DESKTOP_EXECUTABLE), arguments);
    } else {
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        app.setProcessEnvironment(env);
        app.start(xvfb,
            QStringList { QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1600x1000x24"),
                QStringLiteral(CAIRN_DESKTOP_EXECUTABLE) }
                + arguments);
    }
    QVERIFY(app.waitForFinished(120000));
    const QString out = QString::fromUtf8(app.readAllStandardOutput());
    const QString err = QString::fromUtf8(app.readAllStandardError());
    QVERIFY2(app.exitCode() == 0, qPrintable(out + err));

    const QStringList written = out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(written.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QString &path = written.at(i);
        QCOMPARE(QFileInfo(path).completeBaseName(), expected.at(i));
        QImage image(path);
        QVERIFY2(!image.isNull(), qPrintable(path));
        QVERIFY2(image.width() >= 1000 && image.height() >= 600, qPrintable(path));
        // A window with text, icons and tables has many colours; a blank grab has one or two.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height() && colours.size() < 64; y += 7) {
            for (int x = 0; x < image.width() && colours.size() < 64; x += 5)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() >= 16, qPrintable(path));
    }
    qInfo("screenshots in %s", qPrintable(folder));
}

QTEST_GUILESS_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
