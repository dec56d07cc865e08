// SPDX-License-Identifier: GPL-3.0-or-later
// The sync worker: its own thread and cache connection, progress and results by signal,
// cancel from the UI thread leaving the cache as it was.
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "sync/SourceFactory.h"
#include "sync/SyncWorker.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include "support/FakeBackstageServer.h"

using namespace std::chrono_literals;
using cairn::cache::Cache;
using cairn::cache::CatalogWriter;
using cairn::sync::HttpClient;
using cairn::sync::SourceFactory;
using cairn::sync::SyncOutcome;
using cairn::sync::SyncWorker;
using cairn::sync::test::CannedReply;
using cairn::sync::test::FakeBackstageServer;
using cairn::sync::test::RecordedRequest;

class TestSyncWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void syncsOnItsOwnThreadWithProgress();
    void cancelLeavesTheCacheAsItWas();
    void missingTokenVariableFailsWithoutSecrets();

private:
    QString entitySnapshot();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Cache> m_uiCache; // the UI thread's own connection
    std::unique_ptr<FakeBackstageServer> m_server;
};

namespace {

HttpClient::Options fastOptions()
{
    HttpClient::Options options;
    options.connectTimeout = 2s;
    options.idleTimeout = 5s;
    options.maxAttempts = 2;
    options.initialBackoff = 20ms;
    return options;
}

} // namespace

void TestSyncWorker::initTestCase()
{
    for (const char *var : { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
        qunsetenv(var);
}

void TestSyncWorker::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("cache.sqlite3"));
    auto opened = Cache::open(m_path);
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    m_uiCache = std::move(opened).value();
    m_server = std::make_unique<FakeBackstageServer>();
    QVERIFY(m_server->start());
    for (int i = 0; i < 40; ++i)
        m_server->putEntity(QStringLiteral("Component"), QStringLiteral("svc-%1").arg(i),
            { { QStringLiteral("type"), QStringLiteral("service") },
                { QStringLiteral("owner"), QStringLiteral("team-a") },
                { QStringLiteral("lifecycle"), QStringLiteral("production") } });
    qputenv("CAIRN_TEST_BS_TOKEN", m_server->token());
    auto added = CatalogWriter(*m_uiCache)
                     .addSource(QStringLiteral("bs"), SourceFactory::kindBackstage(), m_server->baseUrl().toString(),
                         QJsonObject { { SourceFactory::optionTokenEnv(), QStringLiteral("CAIRN_TEST_BS_TOKEN") } });
    QVERIFY2(added.ok(), qPrintable(added.errorString()));
}

void TestSyncWorker::cleanup()
{
    m_uiCache.reset();
    m_server.reset();
    m_dir.reset();
}

QString TestSyncWorker::entitySnapshot()
{
    auto rows = m_uiCache->database().queryText(QStringLiteral(
        "SELECT count(*) || ':' || coalesce(group_concat(key || etag || updated_at), '') FROM entities"));
    return rows ? rows.value() : rows.errorString();
}

void TestSyncWorker::syncsOnItsOwnThreadWithProgress()
{
    // The fake server lives on this (the "UI") thread: the sync can only finish if this
    // thread's event loop keeps running while the worker waits on the network.
    SyncWorker worker(m_path);
    worker.setHttpOptions(fastOptions());
    QSignalSpy progress(&worker, &SyncWorker::progress);
    QSignalSpy finished(&worker, &SyncWorker::finished);
    QSignalSpy allFinished(&worker, &SyncWorker::allFinished);
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(5);
    QVERIFY(worker.start({}, {}));
    QVERIFY(!worker.start({}, {})); // one run at a time
    QVERIFY(allFinished.wait(20000));
    QCOMPARE(finished.size(), 1);
    const auto outcome = finished.first().first().value<SyncOutcome>();
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.summary.added, 40);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.first().first().toString(), QStringLiteral("bs"));
    QVERIFY(ticks > 0); // the UI thread kept running its event loop
    // The UI thread's own connection sees the committed run.
    auto live
        = m_uiCache->database().queryInt(QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL"));
    QCOMPARE(live.value(), 40);

    // A second run of the same worker: incremental, nothing changed.
    QVERIFY(worker.start({ QStringLiteral("bs") }, {}));
    QVERIFY(allFinished.wait(20000));
    QCOMPARE(finished.last().first().value<SyncOutcome>().summary.unchanged, 40);
}

void TestSyncWorker::cancelLeavesTheCacheAsItWas()
{
    {
        SyncWorker first(m_path);
        first.setHttpOptions(fastOptions());
        QSignalSpy done(&first, &SyncWorker::allFinished);
        QVERIFY(first.start({}, {}));
        QVERIFY(done.wait(20000));
    }
    for (int i = 0; i < 5; ++i)
        m_server->putEntity(QStringLiteral("Component"), QStringLiteral("svc-%1").arg(i),
            { { QStringLiteral("type"), QStringLiteral("website") },
                { QStringLiteral("owner"), QStringLiteral("team-a") },
                { QStringLiteral("lifecycle"), QStringLiteral("production") } });
    const QString before = entitySnapshot();
    // A server that drips its answer: the run is waiting on the network when cancelled.
    m_server->interceptor = [](const RecordedRequest &) -> std::optional<CannedReply> {
        CannedReply reply = CannedReply::json(QByteArray(5000, ' ') + R"({"items":[]})");
        reply.mode = CannedReply::Mode::Drip;
        reply.dripIntervalMs = 50;
        return reply;
    };
    SyncWorker worker(m_path);
    worker.setHttpOptions(fastOptions());
    QSignalSpy finished(&worker, &SyncWorker::finished);
    QSignalSpy allFinished(&worker, &SyncWorker::allFinished);
    QVERIFY(worker.start({}, {}));
    QTest::qWait(400);
    QVERIFY(worker.isRunning());
    QElapsedTimer timer;
    timer.start();
    worker.cancel();
    QVERIFY(allFinished.wait(5000));
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    const auto outcome = finished.first().first().value<SyncOutcome>();
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.cancelled);
    QCOMPARE(entitySnapshot(), before);
    auto runs = CatalogWriter(*m_uiCache).recentRuns(1);
    QCOMPARE(runs->first().status, QStringLiteral("failed"));
}

void TestSyncWorker::missingTokenVariableFailsWithoutSecrets()
{
    qunsetenv("CAIRN_TEST_BS_TOKEN");
    SyncWorker worker(m_path);
    QSignalSpy finished(&worker, &SyncWorker::finished);
    QSignalSpy allFinished(&worker, &SyncWorker::allFinished);
    QVERIFY(worker.start({}, {}));
    QVERIFY(allFinished.wait(10000));
    const auto outcome = finished.first().first().value<SyncOutcome>();
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.contains(u"CAIRN_TEST_BS_TOKEN"), qPrintable(outcome.error));
    QVERIFY(m_server->requests().isEmpty());
}

QTEST_GUILESS_MAIN(TestSyncWorker)
#include "tst_syncworker.moc"
