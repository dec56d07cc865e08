// SPDX-License-Identifier: GPL-3.0-or-later
// Every source of errors says what kind of failure it is (core::ErrorKind), so that a
// window can say "offline" and the command line pick its exit code without reading the
// message: HTTP by transport error and status, the guard, SQLite, cancellations, lookups.
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/Database.h"
#include "cache/SnapshotStore.h"
#include "sync/HttpClient.h"
#include "sync/SourceFactory.h"
#include "sync/SyncWorker.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "support/FastHttpOptions.h"
#include "support/LoopbackHttpServer.h"

using cairn::cache::Cache;
using cairn::cache::CatalogWriter;
using cairn::cache::Database;
using cairn::cache::SnapshotStore;
using cairn::core::ErrorKind;
using cairn::sync::HttpClient;
using cairn::sync::HttpRequest;
using cairn::sync::SourceFactory;
using cairn::sync::SyncOptions;
using cairn::sync::SyncOutcome;
using cairn::sync::SyncWorker;
using cairn::sync::test::CannedReply;
using cairn::sync::test::LoopbackHttpServer;
using cairn::sync::test::RecordedRequest;

namespace {

HttpClient::Options onceOnly()
{
    HttpClient::Options options = cairn::sync::test::fastHttpOptions();
    options.maxAttempts = 1;
    return options;
}

// A loopback URL nothing listens on.
QUrl refusedUrl()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return {};
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/catalog").arg(port));
}

QByteArray component(int i)
{
    return QStringLiteral("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc-%1\n"
                          "spec:\n  type: service\n  owner: team-a\n  lifecycle: production\n")
        .arg(i)
        .toUtf8();
}

} // namespace

class TestErrorKinds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void httpStatus_data();
    void httpStatus();
    void connectionRefusedIsOffline();
    void untrustedCertificateIsTls();
    void cancelledRequestIsCancelled();
    void notAnHttpUrlIsInvalidInput();
    void syncOutcomeCarriesTheKind();
    void massRemovalIsHeld();
    void cancelledRunIsCancelled();
    void readOnlyDatabase();
    void fullDatabase();
    void corruptFile();
    void cacheThatCannotBeCreatedIsReadOnly();
    void unknownSnapshotAndSourceAreNotFound();

private:
    cairn::cache::SourceInfo addSource(
        const QString &name, const QString &kind, const QString &location, const QJsonObject &options = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Cache> m_cache;
};

void TestErrorKinds::initTestCase()
{
    for (const char *name : { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
        qunsetenv(name);
}

void TestErrorKinds::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = Cache::open(m_dir->filePath(QStringLiteral("cache.sqlite3")));
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    m_cache = std::move(opened).value();
}

void TestErrorKinds::cleanup()
{
    m_cache.reset();
    m_dir.reset();
}

cairn::cache::SourceInfo TestErrorKinds::addSource(
    const QString &name, const QString &kind, const QString &location, const QJsonObject &options)
{
    auto added = CatalogWriter(*m_cache).addSource(name, kind, location, options);
    return added ? added.value() : cairn::cache::SourceInfo {};
}

void TestErrorKinds::httpStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<ErrorKind>("kind");
    QTest::newRow("401") << 401 << ErrorKind::Authentication;
    QTest::newRow("403") << 403 << ErrorKind::Authentication;
    QTest::newRow("404") << 404 << ErrorKind::NotFound;
    QTest::newRow("410") << 410 << ErrorKind::NotFound;
    QTest::newRow("429") << 429 << ErrorKind::Server;
    QTest::newRow("500") << 500 << ErrorKind::Server;
    QTest::newRow("503") << 503 << ErrorKind::Server;
    QTest::newRow("400") << 400 << ErrorKind::Other;
}

void TestErrorKinds::httpStatus()
{
    QFETCH(int, status);
    QFETCH(ErrorKind, kind);
    LoopbackHttpServer server;
    QVERIFY(server.start());
    server.setHandler([status](const RecordedRequest &) { return CannedReply::json("{}", status); });
    HttpClient client(onceOnly());
    auto response = client.send(HttpRequest::get(QStringLiteral("s"), server.url(QStringLiteral("/api/catalog"))));
    QVERIFY(!response.ok());
    QCOMPARE(response.errorKind(), kind);
}

void TestErrorKinds::connectionRefusedIsOffline()
{
    const QUrl url = refusedUrl();
    QVERIFY(url.isValid());
    HttpClient client(onceOnly());
    auto response = client.send(HttpRequest::get(QStringLiteral("s"), url));
    QVERIFY(!response.ok());
    QCOMPARE(response.errorKind(), ErrorKind::Offline);
}

void TestErrorKinds::untrustedCertificateIsTls()
{
    LoopbackHttpServer secure;
    QVERIFY(secure.start(QHostAddress::LocalHost, true));
    secure.setHandler([](const RecordedRequest &) { return CannedReply::json("{}"); });
    HttpClient client(onceOnly()); // the fixture's CA is not trusted here
    auto response = client.send(HttpRequest::get(QStringLiteral("s"), secure.url()));
    QVERIFY(!response.ok());
    QCOMPARE(response.errorKind(), ErrorKind::Tls);
}

void TestErrorKinds::cancelledRequestIsCancelled()
{
    LoopbackHttpServer server;
    QVERIFY(server.start());
    server.setHandler([](const RecordedRequest &) { return CannedReply::json("{}"); });
    HttpClient client(onceOnly());
    const std::atomic<bool> cancel { true };
    auto response = client.send(HttpRequest::get(QStringLiteral("s"), server.url()), &cancel);
    QVERIFY(!response.ok());
    QCOMPARE(response.errorKind(), ErrorKind::Cancelled);
}

void TestErrorKinds::notAnHttpUrlIsInvalidInput()
{
    HttpClient client(onceOnly());
    auto response
        = client.send(HttpRequest::get(QStringLiteral("s"), QUrl(QStringLiteral("ftp://example.com/bundle.json"))));
    QVERIFY(!response.ok());
    QCOMPARE(response.errorKind(), ErrorKind::InvalidInput);
}

void TestErrorKinds::syncOutcomeCarriesTheKind()
{
    // Through the whole path a window takes: source row, token, reader, engine.
    const QUrl url = refusedUrl();
    QVERIFY(url.isValid());
    const auto offline = addSource(QStringLiteral("down"), SourceFactory::kindBackstage(), url.toString());
    SyncOutcome outcome = SyncWorker::syncSource(*m_cache, offline, SyncOptions {}, onceOnly(), {}, nullptr);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorKind, ErrorKind::Offline);

    qunsetenv("CAIRN_TEST_NO_SUCH_TOKEN");
    const auto noToken = addSource(QStringLiteral("no-token"), SourceFactory::kindBackstage(), url.toString(),
        QJsonObject { { SourceFactory::optionTokenEnv(), QStringLiteral("CAIRN_TEST_NO_SUCH_TOKEN") } });
    outcome = SyncWorker::syncSource(*m_cache, noToken, SyncOptions {}, onceOnly(), {}, nullptr);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorKind, ErrorKind::Authentication);

    const auto missingBundle = addSource(
        QStringLiteral("gone"), SourceFactory::kindBundle(), m_dir->filePath(QStringLiteral("no-such-bundle.json")));
    outcome = SyncWorker::syncSource(*m_cache, missingBundle, SyncOptions {}, onceOnly(), {}, nullptr);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorKind, ErrorKind::NotFound);
}

void TestErrorKinds::massRemovalIsHeld()
{
    const QString folder = m_dir->filePath(QStringLiteral("catalog"));
    QVERIFY(QDir().mkpath(folder));
    for (int i = 0; i < 10; ++i) {
        QFile file(QStringLiteral("%1/svc-%2.yaml").arg(folder).arg(i));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(component(i));
    }
    const auto source = addSource(QStringLiteral("files"), SourceFactory::kindFiles(), folder);
    SyncOutcome outcome = SyncWorker::syncSource(*m_cache, source, SyncOptions {}, onceOnly(), {}, nullptr);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.errorKind, ErrorKind::Other);
    for (int i = 0; i < 6; ++i)
        QVERIFY(QFile::remove(QStringLiteral("%1/svc-%2.yaml").arg(folder).arg(i)));
    outcome = SyncWorker::syncSource(*m_cache, source, SyncOptions {}, onceOnly(), {}, nullptr);
    QVERIFY2(outcome.ok, qPrintable(outcome.error)); // computed, not applied
    QVERIFY(outcome.summary.held);
    QCOMPARE(outcome.errorKind, ErrorKind::Held);
}

void TestErrorKinds::cancelledRunIsCancelled()
{
    const auto source = addSource(
        QStringLiteral("files"), SourceFactory::kindFiles(), QStringLiteral(CAIRN_TEST_DATA_DIR "/catalog"));
    const std::atomic<bool> cancel { true };
    const SyncOutcome outcome = SyncWorker::syncSource(*m_cache, source, SyncOptions {}, onceOnly(), {}, &cancel);
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.cancelled);
    QCOMPARE(outcome.errorKind, ErrorKind::Cancelled);
}

void TestErrorKinds::readOnlyDatabase()
{
    const QString path = m_dir->filePath(QStringLiteral("cache.sqlite3"));
    auto reader = Database::open(path, Database::Mode::ReadOnly);
    QVERIFY2(reader.ok(), qPrintable(reader.errorString()));
    cairn::core::Status written = reader->exec(QStringLiteral("CREATE TABLE t(x)"));
    QVERIFY(!written.ok());
    QCOMPARE(written.errorKind(), ErrorKind::ReadOnly);
}

void TestErrorKinds::fullDatabase()
{
    auto db = Database::open(m_dir->filePath(QStringLiteral("small.sqlite3")));
    QVERIFY2(db.ok(), qPrintable(db.errorString()));
    QVERIFY(db->exec(QStringLiteral("CREATE TABLE t(x); PRAGMA max_page_count=8;")).ok());
    auto insert = db->prepare(QStringLiteral("INSERT INTO t VALUES (randomblob(4000))"));
    QVERIFY(insert.ok());
    cairn::core::Status inserted;
    for (int i = 0; i < 100 && inserted.ok(); ++i) {
        inserted = insert->exec();
        insert->reset();
    }
    QVERIFY(!inserted.ok());
    QCOMPARE(inserted.errorKind(), ErrorKind::StorageFull);
}

void TestErrorKinds::corruptFile()
{
    const QString path = m_dir->filePath(QStringLiteral("garbage.sqlite3"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    auto db = Database::open(path, Database::Mode::ReadOnly);
    QVERIFY2(db.ok(), qPrintable(db.errorString())); // SQLite reads nothing until asked
    auto count = db->queryInt(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    QVERIFY(!count.ok());
    QCOMPARE(count.errorKind(), ErrorKind::Corrupt);
}

void TestErrorKinds::cacheThatCannotBeCreatedIsReadOnly()
{
    // A folder where the file should be: nothing can be written there.
    auto opened = Cache::open(m_dir->path());
    QVERIFY(!opened.ok());
    QCOMPARE(opened.errorKind(), ErrorKind::ReadOnly);
}

void TestErrorKinds::unknownSnapshotAndSourceAreNotFound()
{
    auto restored = SnapshotStore(*m_cache).restore(QStringLiteral("20000101T000000000"));
    QVERIFY(!restored.ok());
    QCOMPARE(restored.errorKind(), ErrorKind::NotFound);
    auto removed = CatalogWriter(*m_cache).removeSource(QStringLiteral("nope"));
    QVERIFY(!removed.ok());
    QCOMPARE(removed.errorKind(), ErrorKind::NotFound);
}

QTEST_GUILESS_MAIN(TestErrorKinds)
#include "tst_errorkinds.moc"
