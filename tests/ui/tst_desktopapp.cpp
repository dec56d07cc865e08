// SPDX-License-Identifier: GPL-3.0-or-later
// cairn-desktop as a program: a first run on a new cache paints the window, creates the cache
// and says how long the first paint took; bad options are refused with a clear message.

#include "cache/CacheOwnership.h"
#include "cache/Database.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;

class TestDesktopApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsTheTimeToTheFirstPaint();
    void refusesABadDate();
    void refusesACacheFromANewerCairnAndLeavesIt();

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

void TestDesktopApp::refusesACacheFromANewerCairnAndLeavesIt()
{
    QTemporaryDir home;
    const QString path = home.filePath(QStringLiteral("newer.sqlite3"));
    {
        core::Result<cache::Database> db = cache::Database::open(path);
        QVERIFY2(db, qPrintable(db.errorString()));
        // Marked as Cairn's, as every cache of a newer Cairn is (CacheOwnership).
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE future(x); PRAGMA application_id=%1")
                             .arg(cache::CacheOwnership::ApplicationId)));
        QVERIFY(db->setUserVersion(999));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();

    QProcess app;
    app.setProcessEnvironment(environment(home));
    app.start(QStringLiteral(CAIRN_DESKTOP_EXECUTABLE),
        { QStringLiteral("--cache"), path, QStringLiteral("--quit-after-first-paint") });
    QVERIFY(app.waitForFinished(60000));
    QCOMPARE(app.exitCode(), 1);
    const QString err = QString::fromUtf8(app.readAllStandardError());
    // The fact from the cache, then the window's own advice (not the command line's).
    QVERIFY2(err.contains(QStringLiteral("newer Cairn")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("Upgrade Cairn to open it")), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("--cache")), qPrintable(err));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
}

QTEST_GUILESS_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
