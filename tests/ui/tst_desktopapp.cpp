// SPDX-License-Identifier: GPL-3.0-or-later
// cairn-desktop as a program: a first run on a new cache paints the window, creates the cache
// and says how long the first paint took; bad options are refused with a clear message.

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestDesktopApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsTheTimeToTheFirstPaint();
    void refusesABadDate();

private:
    static QProcessEnvironment environment(const QTemporaryDir &home);
};

QProcessEnvironment TestDesktopApp::environment(const QTemporaryDir &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("CAIRN_CACHE"));
    return env;
}

void TestDesktopApp::printsTheTimeToTheFirstPaint()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString cache = home.filePath(QStringLiteral("new/cache.sqlite3"));
    QProcess app;
    app.setProcessEnvironment(environment(home));
    app.start(QStringLiteral(CAIRN_DESKTOP_EXECUTABLE),
        { QStringLiteral("--cache"), cache, QStringLiteral("--quit-after-first-paint") });
    QVERIFY(app.waitForFinished(60000));
    const QString out = QString::fromUtf8(app.readAllStandardOutput());
    const QString err = QString::fromUtf8(app.readAllStandardError());
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QVERIFY2(app.exitCode() == 0, qPrintable(err));
    const QRegularExpressionMatch match
        = QRegularExpression(QStringLiteral("^first paint after (\\d+) ms$"), QRegularExpression::MultilineOption)
              .match(out);
    QVERIFY2(match.hasMatch(), qPrintable(out + err));
    QVERIFY(match.captured(1).toLongLong() > 0);
    QVERIFY(QFileInfo::exists(cache)); // created, with its folder
}

void TestDesktopApp::refusesABadDate()
{
    QTemporaryDir home;
    QProcess app;
    app.setProcessEnvironment(environment(home));
    app.start(QStringLiteral(CAIRN_DESKTOP_EXECUTABLE),
        { QStringLiteral("--cache"), home.filePath(QStringLiteral("c.sqlite3")), QStringLiteral("--today"),
            QStringLiteral("tomorrow"), QStringLiteral("--quit-after-first-paint") });
    QVERIFY(app.waitForFinished(60000));
    QCOMPARE(app.exitCode(), 2);
    QVERIFY(QString::fromUtf8(app.readAllStandardError()).contains(QStringLiteral("YYYY-MM-DD")));
    QVERIFY(!QFileInfo::exists(home.filePath(QStringLiteral("c.sqlite3"))));
}

QTEST_GUILESS_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
