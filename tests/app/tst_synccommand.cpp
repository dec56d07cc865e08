// SPDX-License-Identifier: GPL-3.0-or-later
// `cairn source`, `cairn sync` and `cairn log` as a user runs them: the real executable.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "support/FakeBackstageServer.h"

using cairn::sync::test::FakeBackstageServer;

class TestSyncCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void folderSourceSyncLogAndRemove();
    void bundleMassRemovalIsHeldThenAllowed();
    void gzipBundleFile();
    void backstageTokenNeverReachesCacheOrOutput();
    void usageErrors();
    void sourceRefusalsAreWordedWithTheirExitCodes();
    void aDamagedCacheIsMovedAsideBeforeItIsSynced();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run cairn(const QStringList &arguments, const QByteArray &input = {}, const QStringList &environment = {});
    QByteArray cacheBytes() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_cache;
};

namespace {

QByteArray component(const QString &name, const QString &type = QStringLiteral("service"))
{
    return QStringLiteral(R"({"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"%1"},)"
                          R"("spec":{"type":"%2","owner":"team-a","lifecycle":"production"}})")
        .arg(name, type)
        .toUtf8();
}

QByteArray bundleOf(int first, int count)
{
    QByteArray ndjson;
    for (int i = first; i < first + count; ++i)
        ndjson += component(QStringLiteral("svc-%1").arg(i)) + '\n';
    return ndjson;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

} // namespace

void TestSyncCommand::initTestCase()
{
    QVERIFY(QFileInfo::exists(QStringLiteral(CAIRN_EXECUTABLE)));
}

void TestSyncCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cache = m_dir->filePath(QStringLiteral("cache.sqlite3"));
}

TestSyncCommand::Run TestSyncCommand::cairn(
    const QStringList &arguments, const QByteArray &input, const QStringList &environment)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *var :
        { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "CAIRN_CACHE" })
        env.remove(QString::fromLatin1(var));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg")));
    // No keychain service here: fail fast rather than wait for D-Bus activation.
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
        QStringLiteral("unix:path=") + m_dir->filePath(QStringLiteral("no-bus")));
    for (const QString &pair : environment)
        env.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CAIRN_EXECUTABLE), QStringList { QStringLiteral("--cache"), m_cache } + arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    // Keep this thread's event loop going: a fake server in this process answers the syncs.
    QElapsedTimer timer;
    timer.start();
    while (process.state() != QProcess::NotRunning && timer.elapsed() < 60000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        process.waitForFinished(10);
    }
    Run run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QByteArray TestSyncCommand::cacheBytes() const
{
    QByteArray all;
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        QFile file(m_cache + suffix);
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

void TestSyncCommand::folderSourceSyncLogAndRemove()
{
    const QString folder = m_dir->filePath(QStringLiteral("repo"));
    QVERIFY(QDir().mkpath(folder));
    const QString file = folder + QStringLiteral("/catalog-info.yaml");
    QVERIFY(writeFile(file,
        component(QStringLiteral("a")) + "\n---\n" + component(QStringLiteral("b")) + "\n---\n"
            + component(QStringLiteral("c")) + '\n'));

    Run run = cairn({ QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("repo"),
        QStringLiteral("--folder"), folder });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = cairn({ QStringLiteral("source"), QStringLiteral("list") });
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("repo  files  ") + folder), qPrintable(run.out));

    run = cairn({ QStringLiteral("sync"), QStringLiteral("repo") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"3 added, 0 changed, 0 unchanged, 0 removed"), qPrintable(run.out));
    QVERIFY(!run.err.contains(u'\r') && !run.out.contains(u'\r')); // no progress line off a terminal

    // One edited, one added, one gone: a third of three is above the guard's share.
    QVERIFY(writeFile(file,
        component(QStringLiteral("a"), QStringLiteral("website")) + "\n---\n" + component(QStringLiteral("b"))
            + "\n---\n" + component(QStringLiteral("d")) + '\n'));
    run = cairn({ QStringLiteral("sync"), QStringLiteral("--all") });
    QCOMPARE(run.code, 3);
    QVERIFY2(run.err.contains(u"HELD"), qPrintable(run.err));
    run = cairn({ QStringLiteral("sync"), QStringLiteral("--allow-removals") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"1 added, 1 changed, 1 unchanged, 1 removed"), qPrintable(run.out));

    run = cairn({ QStringLiteral("log") });
    QCOMPARE(run.code, 0);
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 3, qPrintable(run.out));
    QVERIFY2(lines.at(0).contains(u"ok") && lines.at(0).contains(u"+1 ~1 =1 -1"), qPrintable(run.out));
    QVERIFY2(lines.at(1).contains(u"held"), qPrintable(run.out));
    QVERIFY2(lines.at(2).contains(u"+3 ~0 =0 -0"), qPrintable(run.out));

    run = cairn({ QStringLiteral("source"), QStringLiteral("remove"), QStringLiteral("repo") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"Its 3 entities are kept as removed upstream"), qPrintable(run.out));
    run = cairn({ QStringLiteral("source"), QStringLiteral("list") });
    QVERIFY(!run.out.contains(u"repo"));
    run = cairn({ QStringLiteral("log") });
    QVERIFY2(run.out.split(u'\n').first().contains(u"remove-source"), qPrintable(run.out));
}

void TestSyncCommand::bundleMassRemovalIsHeldThenAllowed()
{
    const QString bundle = m_dir->filePath(QStringLiteral("org.ndjson"));
    QVERIFY(writeFile(bundle, bundleOf(0, 10)));
    Run run = cairn(
        { QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("org"), QStringLiteral("--bundle"), bundle });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = cairn({ QStringLiteral("sync") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"10 added"), qPrintable(run.out));

    QVERIFY(writeFile(bundle, bundleOf(0, 4))); // 60 % gone
    run = cairn({ QStringLiteral("sync"), QStringLiteral("org") });
    QCOMPARE(run.code, 3);
    QVERIFY2(run.err.contains(u"would remove 6 entities"), qPrintable(run.err));

    run = cairn({ QStringLiteral("sync"), QStringLiteral("org"), QStringLiteral("--allow-removals"),
        QStringLiteral("--dry-run") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"would remove:"), qPrintable(run.out));

    run = cairn({ QStringLiteral("sync"), QStringLiteral("org"), QStringLiteral("--allow-removals") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"0 added, 0 changed, 4 unchanged, 6 removed"), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"A snapshot was taken before the removals"), qPrintable(run.out));

    // The file is as it was at the last sync: "not modified", every entity unchanged.
    run = cairn({ QStringLiteral("sync"), QStringLiteral("org") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"0 added, 0 changed, 4 unchanged, 0 removed"), qPrintable(run.out));
}

void TestSyncCommand::gzipBundleFile()
{
    const QString bundle = m_dir->filePath(QStringLiteral("org.ndjson.gz"));
    QVERIFY(writeFile(bundle, cairn::sync::test::LoopbackHttpServer::gzip(bundleOf(0, 5))));
    Run run = cairn(
        { QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("gz"), QStringLiteral("--bundle"), bundle });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = cairn({ QStringLiteral("sync"), QStringLiteral("gz") });
    QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
    QVERIFY2(run.out.contains(u"5 added"), qPrintable(run.out));
}

void TestSyncCommand::backstageTokenNeverReachesCacheOrOutput()
{
    FakeBackstageServer server(QByteArrayLiteral("s3cret-Token-0042"));
    QVERIFY(server.start());
    for (int i = 0; i < 3; ++i)
        server.putEntity(QStringLiteral("Component"), QStringLiteral("svc-%1").arg(i),
            { { QStringLiteral("type"), QStringLiteral("service") },
                { QStringLiteral("owner"), QStringLiteral("team-a") },
                { QStringLiteral("lifecycle"), QStringLiteral("production") } });
    const QString token = QString::fromLatin1(server.token());
    const QString url = server.baseUrl().toString();

    Run run = cairn({ QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("bs"),
        QStringLiteral("--backstage"), url, QStringLiteral("--token-env"), QStringLiteral("BS_TOKEN") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(u"token from $BS_TOKEN"));
    run = cairn({ QStringLiteral("sync"), QStringLiteral("bs") }, {}, { QStringLiteral("BS_TOKEN=") + token });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"3 added"), qPrintable(run.out));
    QVERIFY(!server.requests().isEmpty());
    QCOMPARE(server.requests().first().header("Authorization"), "Bearer " + server.token());
    QVERIFY(!(run.out + run.err).contains(token));

    // A wrong token: the error names the source and the status, never the token.
    run = cairn({ QStringLiteral("sync"), QStringLiteral("bs") }, {}, { QStringLiteral("BS_TOKEN=wrong-") + token });
    QCOMPARE(run.code, 1);
    QVERIFY(!(run.out + run.err).contains(token));
    run = cairn({ QStringLiteral("sync"), QStringLiteral("bs") });
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"BS_TOKEN"), qPrintable(run.err));

    // Through stdin into the keychain: with no keychain service here it is refused, and
    // the token is in no message; with one, it is stored there and not in the cache.
    run = cairn({ QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("bs2"), QStringLiteral("--backstage"),
                    url, QStringLiteral("--token-stdin") },
        token.toUtf8() + '\n');
    QVERIFY(!(run.out + run.err).contains(token));
    run = cairn({ QStringLiteral("log") });
    QVERIFY(!(run.out + run.err).contains(token));
    QVERIFY(!cacheBytes().isEmpty());
    QVERIFY(!cacheBytes().contains(token.toUtf8()));
}

void TestSyncCommand::usageErrors()
{
    QCOMPARE(cairn({ QStringLiteral("sync"), QStringLiteral("a"), QStringLiteral("b") }).code, 2);
    QCOMPARE(cairn({ QStringLiteral("sync"), QStringLiteral("a"), QStringLiteral("--all") }).code, 2);
    QCOMPARE(cairn({ QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("x") }).code, 2);
    QCOMPARE(cairn({ QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("x"),
                       QStringLiteral("--backstage"), QStringLiteral("https://user:pw@example.com/api/catalog") })
                 .code,
        2);
    const Run missing = cairn({ QStringLiteral("sync"), QStringLiteral("nope") });
    QCOMPARE(missing.code, 1);
    QVERIFY(missing.err.contains(u"no source \"nope\""));
}

// sync::SourceRegistry decides; the command line words each refusal and keeps the exit
// codes scripts rely on: 2 for a command line to correct, 1 for a request turned down.
void TestSyncCommand::sourceRefusalsAreWordedWithTheirExitCodes()
{
    const auto add = [this](const QStringList &rest) {
        return cairn(QStringList { QStringLiteral("source"), QStringLiteral("add") } + rest);
    };
    Run run = add({ QStringLiteral(" "), QStringLiteral("--folder"), m_dir->path() });
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(u"the name must be a single line"), qPrintable(run.err));
    run = add({ QStringLiteral("bs"), QStringLiteral("--backstage"), QStringLiteral("ftp://example.com/api") });
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(u"--backstage needs the http(s) URL"), qPrintable(run.err));
    run = add({ QStringLiteral("bs"), QStringLiteral("--backstage"), QStringLiteral("https://example.com/api?t=1") });
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(u"must not carry a user, password or query"), qPrintable(run.err));
    QVERIFY(!QFile::exists(m_cache)); // refused before the cache was opened

    const QString missing = m_dir->filePath(QStringLiteral("no-such"));
    run = add({ QStringLiteral("b"), QStringLiteral("--bundle"), missing });
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(QStringLiteral("the bundle file %1 does not exist").arg(missing)), qPrintable(run.err));
    run = add({ QStringLiteral("f"), QStringLiteral("--folder"), missing });
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(QStringLiteral("the folder %1 does not exist").arg(missing)), qPrintable(run.err));

    QCOMPARE(add({ QStringLiteral("f"), QStringLiteral("--folder"), m_dir->path() }).code, 0);
    run = add({ QStringLiteral("f"), QStringLiteral("--backstage"), QStringLiteral("https://example.com/api"),
        QStringLiteral("--no-token") });
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"there is already a source \"f\" (files"), qPrintable(run.err));
    run = add({ QStringLiteral("bs"), QStringLiteral("--backstage"), QStringLiteral("https://example.com/api"),
        QStringLiteral("--token-stdin") });
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"no token was given"), qPrintable(run.err));
    run = cairn({ QStringLiteral("source"), QStringLiteral("list") });
    QCOMPARE(run.out.count(u'\n'), 1); // "f" alone: nothing refused was stored

    run = cairn({ QStringLiteral("source"), QStringLiteral("remove"), QStringLiteral("nope") });
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"there is no source \"nope\". `cairn source list` shows them."), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestSyncCommand)
// The sync checks the cache while it waits on the server instead of before it: damage
// found that way is still moved aside before anything is said, as every command does.
void TestSyncCommand::aDamagedCacheIsMovedAsideBeforeItIsSynced()
{
    const QString folder = m_dir->filePath(QStringLiteral("big"));
    QVERIFY(QDir().mkpath(folder));
    QByteArray yaml;
    for (int i = 0; i < 300; ++i)
        yaml += component(QStringLiteral("c%1").arg(i)) + "\n---\n";
    QVERIFY(writeFile(folder + QStringLiteral("/catalog-info.yaml"), yaml));
    Run run = cairn(
        { QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("big"), QStringLiteral("--folder"), folder });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = cairn({ QStringLiteral("sync") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"300 added"), qPrintable(run.out));

    // Garbage over the last quarter (rows and indexes); the schema pages stay readable, so
    // the file opens and only the check finds the damage.
    QFile file(m_cache);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    for (qsizetype i = bytes.size() * 3 / 4; i < bytes.size(); ++i)
        bytes[i] = char((i * 131 + 7) % 251);
    QVERIFY(file.seek(0));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();

    // The sync that finds the damage fails, and reports nothing of the run it wrote into
    // the damaged file (that run went aside with it).
    run = cairn({ QStringLiteral("sync") });
    QCOMPARE(run.code, 1);
    const QStringList aside = QFileInfo(m_cache).dir().entryList(
        { QFileInfo(m_cache).fileName() + QStringLiteral(".damaged-*") }, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QVERIFY2(run.err.contains(aside.first()), qPrintable(run.err));
    QVERIFY2(!run.out.contains(u"added") && !run.err.contains(u"added"), qPrintable(run.out + run.err));
    // The next one works on the fresh cache, which has no sources yet.
    run = cairn({ QStringLiteral("sync") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"No sources to sync"), qPrintable(run.out));
}

#include "tst_synccommand.moc"
