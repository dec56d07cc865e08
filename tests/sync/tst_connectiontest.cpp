// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectionTest: what "Test connection" finds for a source as typed, against real sockets
// on this machine: a catalog that answers, one that refuses the token, a wrong path, a
// server that is not a catalog, a closed port, a host that does not exist, a server that
// never answers, a certificate nobody trusts; a bundle by URL and by file; a folder.
// Each probe runs on a worker, as the window runs it, while this thread serves.
#include "sync/BundleFetcher.h"
#include "sync/ConnectionTest.h"
#include "sync/SourceFactory.h"

#include <QFile>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include "support/FakeBackstageServer.h"
#include "support/FastHttpOptions.h"
#include "support/LoopbackHttpServer.h"

using cairn::sync::ConnectionTest;
using cairn::sync::SourceFactory;
using cairn::sync::test::CannedReply;
using cairn::sync::test::FakeBackstageServer;
using cairn::sync::test::LoopbackHttpServer;
using cairn::sync::test::RecordedRequest;
using Verdict = ConnectionTest::Verdict;
using Finding = ConnectionTest::Finding;

namespace {

ConnectionTest::Probe probe(const QString &kind, const QString &location, const QByteArray &token = {})
{
    ConnectionTest::Probe probe;
    probe.kind = kind;
    probe.location = location;
    probe.token = token;
    probe.sourceName = QStringLiteral("probe");
    probe.http = cairn::sync::test::fastHttpOptions();
    probe.http.maxAttempts = 1;
    return probe;
}

// On a worker, as the window does: this thread's event loop serves the loopback servers
// meanwhile (a TLS handshake needs both ends turning).
Finding runOffThread(const ConnectionTest::Probe &probe, const std::atomic<bool> *cancel = nullptr)
{
    QFutureWatcher<Finding> watcher;
    QSignalSpy done(&watcher, &QFutureWatcher<Finding>::finished);
    watcher.setFuture(QtConcurrent::run([probe, cancel] { return ConnectionTest::run(probe, cancel); }));
    if (!watcher.isFinished())
        [&done] { QVERIFY(done.wait(60000)); }();
    watcher.waitForFinished();
    return watcher.result();
}

FakeBackstageServer *catalogWith(int entities, QObject *parent, bool tls = false)
{
    auto *server = new FakeBackstageServer(QByteArrayLiteral("right-token"), parent);
    for (int i = 0; i < entities; ++i)
        server->putEntity(QStringLiteral("Component"), QStringLiteral("c%1").arg(i));
    if (!server->start(QHostAddress::LocalHost, tls))
        return nullptr;
    return server;
}

} // namespace

class TestConnectionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backstageCountsTheCatalogInOneSmallRequest();
    void wrongTokenIsRefused();
    void noTokenIsRefusedToo();
    void wrongPathIsNothingThere();
    void aServerThatIsNotACatalog();
    void closedPortIsRefused();
    void unknownHostIsNotFound();
    void silentServerGivesNoAnswer();
    void untrustedCertificateNamesTheReason();
    void trustedCertificateConnects();
    void cancelledBeforeItLeaves();
    void bundleFileCountsItsEntities();
    void bundleUrlWithTokenAndFailures();
    void folderCountsFilesAndEntities();
    void missingFolderOrFileIsNothingThere();
};

void TestConnectionTest::backstageCountsTheCatalogInOneSmallRequest()
{
    QScopedPointer<FakeBackstageServer> server(catalogWith(1234, nullptr));
    QVERIFY(server);
    const Finding finding = runOffThread(
        probe(SourceFactory::kindBackstage(), server->baseUrl().toString(), QByteArrayLiteral("right-token")));
    QCOMPARE(finding.verdict, Verdict::Reached);
    QCOMPARE(finding.entities, 1234);
    QVERIFY(finding.detail.isEmpty());
    QCOMPARE(server->requests().size(), 1);
    QCOMPARE(server->requests().constFirst().param(QStringLiteral("limit")), QStringLiteral("1"));
}

void TestConnectionTest::wrongTokenIsRefused()
{
    QScopedPointer<FakeBackstageServer> server(catalogWith(3, nullptr));
    QVERIFY(server);
    const Finding finding = runOffThread(
        probe(SourceFactory::kindBackstage(), server->baseUrl().toString(), QByteArrayLiteral("wrong-token")));
    QCOMPARE(finding.verdict, Verdict::TokenRefused);
    QVERIFY2(finding.detail.contains(QStringLiteral("401")), qPrintable(finding.detail));
    QVERIFY(!finding.detail.contains(QStringLiteral("wrong-token")));
}

void TestConnectionTest::noTokenIsRefusedToo()
{
    QScopedPointer<FakeBackstageServer> server(catalogWith(3, nullptr));
    QVERIFY(server);
    const Finding finding = runOffThread(probe(SourceFactory::kindBackstage(), server->baseUrl().toString()));
    QCOMPARE(finding.verdict, Verdict::TokenRefused);
    QVERIFY(!server->requests().constFirst().hasHeader("Authorization"));
}

void TestConnectionTest::wrongPathIsNothingThere()
{
    QScopedPointer<FakeBackstageServer> server(catalogWith(3, nullptr));
    QVERIFY(server);
    const Finding finding = runOffThread(probe(SourceFactory::kindBackstage(),
        server->http().url(QStringLiteral("/api/not-the-catalog")).toString(), QByteArrayLiteral("right-token")));
    QCOMPARE(finding.verdict, Verdict::NothingThere);
    QVERIFY2(finding.detail.contains(QStringLiteral("404")), qPrintable(finding.detail));
}

void TestConnectionTest::aServerThatIsNotACatalog()
{
    LoopbackHttpServer web;
    web.setHandler([](const RecordedRequest &) {
        CannedReply reply;
        reply.body = QByteArrayLiteral("<!doctype html><html><body>Welcome</body></html>");
        reply.withHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html"));
        return reply;
    });
    QVERIFY(web.start());
    Finding finding = runOffThread(probe(SourceFactory::kindBackstage(), web.url(QStringLiteral("/")).toString()));
    QCOMPARE(finding.verdict, Verdict::NotACatalog);
    QCOMPARE(finding.host, QStringLiteral("127.0.0.1"));

    // JSON, but not the catalog's.
    web.setHandler([](const RecordedRequest &) { return CannedReply::json(QByteArrayLiteral("{\"status\":\"ok\"}")); });
    finding = runOffThread(probe(SourceFactory::kindBackstage(), web.url(QStringLiteral("/health")).toString()));
    QCOMPARE(finding.verdict, Verdict::NotACatalog);
}

void TestConnectionTest::closedPortIsRefused()
{
    QTcpServer reserve;
    QVERIFY(reserve.listen(QHostAddress::LocalHost));
    const quint16 port = reserve.serverPort();
    reserve.close();
    const Finding finding = runOffThread(
        probe(SourceFactory::kindBackstage(), QStringLiteral("http://127.0.0.1:%1/api/catalog").arg(port)));
    QCOMPARE(finding.verdict, Verdict::Refused);
    QCOMPARE(finding.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(finding.port, int(port));
}

void TestConnectionTest::unknownHostIsNotFound()
{
    // .invalid never resolves (RFC 6761), with or without a network.
    const Finding finding = runOffThread(
        probe(SourceFactory::kindBackstage(), QStringLiteral("https://catalog.cairn-test.invalid/api/catalog")));
    QCOMPARE(finding.verdict, Verdict::HostNotFound);
    QCOMPARE(finding.host, QStringLiteral("catalog.cairn-test.invalid"));
}

void TestConnectionTest::silentServerGivesNoAnswer()
{
    LoopbackHttpServer silent;
    silent.setHandler([](const RecordedRequest &) {
        CannedReply reply;
        reply.mode = CannedReply::Mode::Silent;
        return reply;
    });
    QVERIFY(silent.start());
    ConnectionTest::Probe quiet
        = probe(SourceFactory::kindBackstage(), silent.url(QStringLiteral("/api/catalog")).toString());
    quiet.http.idleTimeout = std::chrono::milliseconds(300);
    Finding finding = runOffThread(quiet);
    QCOMPARE(finding.verdict, Verdict::NoAnswer);
    QVERIFY2(finding.detail.contains(QStringLiteral("no data")), qPrintable(finding.detail));

    // By name: localhost may be ::1 first while the server listens on 127.0.0.1 only; the
    // address that answers is the one that counts.
    quiet.location = QStringLiteral("http://localhost:%1/api/catalog").arg(silent.serverPort());
    finding = runOffThread(quiet);
    QCOMPARE(finding.verdict, Verdict::NoAnswer);
    QCOMPARE(finding.host, QStringLiteral("localhost"));
}

void TestConnectionTest::untrustedCertificateNamesTheReason()
{
    QScopedPointer<FakeBackstageServer> server(catalogWith(3, nullptr, true));
    QVERIFY(server);
    const Finding finding = runOffThread(
        probe(SourceFactory::kindBackstage(), server->baseUrl().toString(), QByteArrayLiteral("right-token")));
    QCOMPARE(finding.verdict, Verdict::Tls);
    QVERIFY(!finding.tlsErrors.isEmpty());
    QCOMPARE(finding.tlsErrors.constFirst().error(), QSslError::SelfSignedCertificate);
    // The handshake failed before any request: the token never left.
    for (const RecordedRequest &request : server->requests())
        QVERIFY(!request.hasHeader("Authorization"));
}

void TestConnectionTest::trustedCertificateConnects()
{
    QScopedPointer<FakeBackstageServer> server(catalogWith(3, nullptr, true));
    QVERIFY(server);
    ConnectionTest::Probe trusted
        = probe(SourceFactory::kindBackstage(), server->baseUrl().toString(), QByteArrayLiteral("right-token"));
    trusted.http.extraCaCertificates = QSslCertificate::fromData(LoopbackHttpServer::certificatePem());
    const Finding finding = runOffThread(trusted);
    QCOMPARE(finding.verdict, Verdict::Reached);
    QCOMPARE(finding.entities, 3);
}

void TestConnectionTest::cancelledBeforeItLeaves()
{
    QScopedPointer<FakeBackstageServer> server(catalogWith(3, nullptr));
    QVERIFY(server);
    const std::atomic<bool> cancel { true };
    const Finding finding = runOffThread(
        probe(SourceFactory::kindBackstage(), server->baseUrl().toString(), QByteArrayLiteral("right-token")), &cancel);
    QCOMPARE(finding.verdict, Verdict::Cancelled);
    QVERIFY(server->requests().isEmpty());
}

void TestConnectionTest::bundleFileCountsItsEntities()
{
    const QString path = QStringLiteral(CAIRN_TEST_DATA_DIR "/catalog/array.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto parsed = cairn::sync::BundleFetcher::parse(file.readAll(), path);
    QVERIFY(parsed.ok());
    const Finding finding = runOffThread(probe(SourceFactory::kindBundle(), path));
    QCOMPARE(finding.verdict, Verdict::Reached);
    QCOMPARE(finding.entities, parsed->entities.size());
    QVERIFY(finding.entities > 0);

    // A YAML file is not a bundle.
    const Finding yaml
        = runOffThread(probe(SourceFactory::kindBundle(), QStringLiteral(CAIRN_TEST_DATA_DIR "/catalog/multi.yaml")));
    QCOMPARE(yaml.verdict, Verdict::Unreadable);
    QVERIFY(!yaml.detail.isEmpty());
}

void TestConnectionTest::bundleUrlWithTokenAndFailures()
{
    LoopbackHttpServer web;
    web.setHandler([](const RecordedRequest &request) {
        if (request.path == u"/private.json" && request.header("Authorization") != "Bearer bundle-token")
            return CannedReply::json(QByteArrayLiteral("{\"message\":\"no\"}"), 403);
        if (request.path == u"/private.json")
            return CannedReply::json(QByteArrayLiteral("[{\"kind\":\"Group\",\"metadata\":{\"name\":\"a\"}},"
                                                       "{\"kind\":\"Group\",\"metadata\":{\"name\":\"b\"}}]"));
        if (request.path == u"/page.html") {
            CannedReply reply;
            reply.body = QByteArrayLiteral("<html>not a bundle</html>");
            return reply;
        }
        return CannedReply::json(QByteArrayLiteral("{}"), 404);
    });
    QVERIFY(web.start());
    const QString privateUrl = web.url(QStringLiteral("/private.json")).toString();

    Finding finding = runOffThread(probe(SourceFactory::kindBundle(), privateUrl, QByteArrayLiteral("bundle-token")));
    QCOMPARE(finding.verdict, Verdict::Reached);
    QCOMPARE(finding.entities, 2);

    finding = runOffThread(probe(SourceFactory::kindBundle(), privateUrl, QByteArrayLiteral("other")));
    QCOMPARE(finding.verdict, Verdict::TokenRefused);

    finding = runOffThread(probe(SourceFactory::kindBundle(), web.url(QStringLiteral("/gone.json")).toString()));
    QCOMPARE(finding.verdict, Verdict::NothingThere);

    finding = runOffThread(probe(SourceFactory::kindBundle(), web.url(QStringLiteral("/page.html")).toString()));
    QCOMPARE(finding.verdict, Verdict::Unreadable);
}

void TestConnectionTest::folderCountsFilesAndEntities()
{
    const Finding finding
        = runOffThread(probe(SourceFactory::kindFiles(), QStringLiteral(CAIRN_TEST_DATA_DIR "/backstage")));
    QCOMPARE(finding.verdict, Verdict::Reached);
    QVERIFY(finding.files > 10);
    QVERIFY(finding.entities > finding.files);
}

void TestConnectionTest::missingFolderOrFileIsNothingThere()
{
    QCOMPARE(
        runOffThread(probe(SourceFactory::kindFiles(), QStringLiteral(CAIRN_TEST_DATA_DIR "/no-such-folder"))).verdict,
        Verdict::NothingThere);
    QCOMPARE(
        runOffThread(probe(SourceFactory::kindBundle(), QStringLiteral(CAIRN_TEST_DATA_DIR "/no-such.json"))).verdict,
        Verdict::NothingThere);
}

QTEST_GUILESS_MAIN(TestConnectionTest)
#include "tst_connectiontest.moc"
