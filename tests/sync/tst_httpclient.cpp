// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/HttpClient.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <thread>

#include "support/FastHttpOptions.h"
#include "support/LoopbackHttpServer.h"

using namespace std::chrono_literals;
using cairn::sync::HttpClient;
using cairn::sync::HttpRequest;
using cairn::sync::test::CannedReply;
using cairn::sync::test::LoopbackHttpServer;
using cairn::sync::test::RecordedRequest;

namespace {

const QByteArray kToken = QByteArrayLiteral("s3cr3t-token-value");

// What the cairn.sync category printed while a test ran.
QStringList g_traces;
void recordTrace(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (qstrcmp(context.category, "cairn.sync") == 0)
        g_traces.append(message);
}

HttpClient::Options trustingFixture(HttpClient::Options options = cairn::sync::test::fastHttpOptions())
{
    options.extraCaCertificates = QSslCertificate::fromData(LoopbackHttpServer::certificatePem());
    return options;
}

HttpRequest request(const QUrl &url)
{
    HttpRequest r = HttpRequest::get(QStringLiteral("test-source"), url);
    r.bearerToken = kToken;
    return r;
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Only loopback is ever contacted; a proxy from the environment must not intervene.
        for (const char *name : { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
            qunsetenv(name);
        QVERIFY(!LoopbackHttpServer::certificatePem().isEmpty());
    }

    void getsBodyAndHeaders()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) {
            CannedReply reply = CannedReply::json("{\"ok\":true}");
            reply.withHeader("ETag", "\"abc\"");
            return reply;
        });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        auto response = client.send(request(server.url(QStringLiteral("/x?limit=1"))));
        QVERIFY2(response.ok(), qPrintable(response.errorString()));
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, QByteArray("{\"ok\":true}"));
        QCOMPARE(response->header("etag"), QByteArray("\"abc\""));
        QCOMPARE(response->attempts, 1);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests()[0].header("Authorization"), "Bearer " + kToken);
        QCOMPARE(server.requests()[0].param(QStringLiteral("limit")), QStringLiteral("1"));
    }

    void gzipIsRequestedAndDecoded()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        const QByteArray plain = QByteArray("{\"items\":[") + QByteArray(5000, ' ') + "]}";
        server.setHandler([&](const RecordedRequest &) {
            CannedReply reply = CannedReply::json(LoopbackHttpServer::gzip(plain));
            reply.withHeader("Content-Encoding", "gzip");
            return reply;
        });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        auto response = client.send(request(server.url()));
        QVERIFY2(response.ok(), qPrintable(response.errorString()));
        // gzip alone: offered br too, a Backstage catalog (Express) picks br, which costs it
        // twice gzip's CPU for a page about 5 % smaller.
        QCOMPARE(server.requests()[0].header("Accept-Encoding"), QByteArray("gzip"));
        QCOMPARE(response->body, plain);
    }

    void noCompressionWhenAskedAndStillDecoded()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        const QByteArray plain = QByteArray("{\"items\":[") + QByteArray(5000, ' ') + "]}";
        int calls = 0;
        server.setHandler([&](const RecordedRequest &) {
            // The second answer is compressed anyway, which a server may do: it is decoded.
            if (++calls == 1)
                return CannedReply::json(plain);
            CannedReply reply = CannedReply::json(LoopbackHttpServer::gzip(plain));
            reply.withHeader("Content-Encoding", "gzip");
            return reply;
        });
        HttpClient::Options options = cairn::sync::test::fastHttpOptions();
        options.compression = HttpClient::Options::Compression::None;
        HttpClient client(options);
        for (int i = 0; i < 2; ++i) {
            auto response = client.send(request(server.url()));
            QVERIFY2(response.ok(), qPrintable(response.errorString()));
            QCOMPARE(response->body, plain);
        }
        QCOMPARE(server.requests()[0].header("Accept-Encoding"), QByteArray("identity"));
    }

    void loopbackHosts()
    {
        QVERIFY(HttpClient::isLoopback(QUrl(QStringLiteral("http://127.0.0.1:7007/api/catalog"))));
        QVERIFY(HttpClient::isLoopback(QUrl(QStringLiteral("http://127.3.2.1/api/catalog"))));
        QVERIFY(HttpClient::isLoopback(QUrl(QStringLiteral("http://localhost:7007/api/catalog"))));
        QVERIFY(HttpClient::isLoopback(QUrl(QStringLiteral("http://LocalHost/"))));
        QVERIFY(HttpClient::isLoopback(QUrl(QStringLiteral("http://[::1]:7007/"))));
        QVERIFY(!HttpClient::isLoopback(QUrl(QStringLiteral("https://backstage.example.com/api/catalog"))));
        QVERIFY(!HttpClient::isLoopback(QUrl(QStringLiteral("http://10.0.0.7/"))));
        QVERIFY(!HttpClient::isLoopback(QUrl(QStringLiteral("http://localhost.example.com/"))));
    }

    void callersAcceptEncodingWins()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) { return CannedReply::json("{}"); });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        HttpRequest r = request(server.url());
        r.withHeader(QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("gzip"));
        auto response = client.send(r);
        QVERIFY2(response.ok(), qPrintable(response.errorString()));
        QCOMPARE(server.requests()[0].header("Accept-Encoding"), QByteArray("gzip"));
    }

    void deflateIsDecodedWrappedOrRaw()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        const QByteArray plain = QByteArray("[") + QByteArray(3000, '7') + "]";
        // qCompress: a 4-byte length, then a zlib stream (2-byte header, raw deflate, Adler-32).
        const QByteArray zlib = qCompress(plain, 6).mid(4);
        const QByteArray raw = zlib.mid(2, zlib.size() - 6);
        QByteArray body;
        server.setHandler([&](const RecordedRequest &) {
            CannedReply reply = CannedReply::json(body);
            reply.withHeader("Content-Encoding", "deflate");
            return reply;
        });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        for (const QByteArray &encoded : { zlib, raw }) {
            body = encoded;
            auto response = client.send(request(server.url()));
            QVERIFY2(response.ok(), qPrintable(response.errorString()));
            QCOMPARE(response->body, plain);
        }
    }

    void anEncodingNotAskedForIsRefused()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) {
            CannedReply reply = CannedReply::json("\x1b\x03\x00\xf8");
            reply.withHeader("Content-Encoding", "br");
            return reply;
        });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        auto response = client.send(request(server.url()));
        QVERIFY(!response.ok());
        QVERIFY2(response.errorString().contains(u"not asked for (Content-Encoding: br)"),
            qPrintable(response.errorString()));
        QCOMPARE(server.requests().size(), 1); // not retried: it would answer the same
    }

    void aBrokenGzipBodyIsRetriedThenFails()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        QByteArray broken = LoopbackHttpServer::gzip(QByteArray(4000, 'x'));
        broken.chop(12); // the stream stops short of its end
        server.setHandler([&](const RecordedRequest &) {
            CannedReply reply = CannedReply::json(broken);
            reply.withHeader("Content-Encoding", "gzip");
            return reply;
        });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        auto response = client.send(request(server.url()));
        QVERIFY(!response.ok());
        QVERIFY2(response.errorString().contains(u"does not decode"), qPrintable(response.errorString()));
        QCOMPARE(server.requests().size(), 3); // fastHttpOptions: three attempts
        QCOMPARE(response.errorKind(), cairn::core::ErrorKind::Server);
    }

    void serverErrorsAreRetriedThenSucceed()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        int calls = 0;
        server.setHandler([&](const RecordedRequest &) {
            return ++calls <= 2 ? CannedReply::json("{}", 500) : CannedReply::json("[1]");
        });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        auto response = client.send(request(server.url()));
        QVERIFY2(response.ok(), qPrintable(response.errorString()));
        QCOMPARE(response->body, QByteArray("[1]"));
        QCOMPARE(response->attempts, 3);
        QCOMPARE(server.requests().size(), 3);
    }

    void retriesAreBounded()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) {
            return CannedReply::json("{\"error\":{\"name\":\"Error\",\"message\":\"database down\"}}", 503);
        });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        auto response = client.send(request(server.url(QStringLiteral("/api"))));
        QVERIFY(!response.ok());
        QCOMPARE(server.requests().size(), 3);
        const QString message = response.errorString();
        QVERIFY2(message.contains(u"test-source") && message.contains(u"503") && message.contains(u"database down")
                && message.contains(u"3 attempts") && message.contains(u"/api"),
            qPrintable(message));
    }

    void retryAfterIsHonoured()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        int calls = 0;
        server.setHandler([&](const RecordedRequest &) {
            if (++calls == 1) {
                CannedReply reply = CannedReply::json("{}", 429);
                reply.withHeader("Retry-After", "1");
                return reply;
            }
            return CannedReply::json("{}");
        });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        QElapsedTimer timer;
        timer.start();
        auto response = client.send(request(server.url()));
        QVERIFY2(response.ok(), qPrintable(response.errorString()));
        QCOMPARE(server.requests().size(), 2);
        QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(timer.elapsed() < 4000);
    }

    void retryAfterAsHttpDate()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        int calls = 0;
        server.setHandler([&](const RecordedRequest &) {
            if (++calls == 1) {
                CannedReply reply = CannedReply::json("{}", 503);
                const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(2);
                reply.withHeader("Retry-After",
                    QLocale::c().toString(when, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1());
                return reply;
            }
            return CannedReply::json("{}");
        });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        QElapsedTimer timer;
        timer.start();
        auto response = client.send(request(server.url()));
        QVERIFY2(response.ok(), qPrintable(response.errorString()));
        // One second of slack for the date's whole-second resolution.
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
    }

    void otherClientErrorsAreNotRetried()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) { return CannedReply::json("{}", 404); });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        auto response = client.send(request(server.url(QStringLiteral("/api/catalog/entities"))));
        QVERIFY(!response.ok());
        QCOMPARE(server.requests().size(), 1);
        QVERIFY2(response.errorString().contains(u"404") && response.errorString().contains(u"Check the URL"),
            qPrintable(response.errorString()));
    }

    void unauthorizedNamesTheTokenButNeverShowsIt()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        // A server that echoes what it got must not make the token appear in the message.
        server.setHandler([](const RecordedRequest &r) {
            return CannedReply::json(
                "{\"error\":{\"message\":\"bad token " + r.header("Authorization").mid(7) + "\"}}", 401);
        });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        auto response = client.send(request(server.url(QStringLiteral("/x?token=abc&limit=2"))));
        QVERIFY(!response.ok());
        QCOMPARE(server.requests().size(), 1);
        const QString message = response.errorString();
        QVERIFY2(message.contains(u"401") && message.contains(u"Check the token"), qPrintable(message));
        QVERIFY2(!message.contains(QString::fromLatin1(kToken)), qPrintable(message));
        QVERIFY2(!message.contains(u"abc") && message.contains(u"limit=2"), qPrintable(message));
    }

    void truncatedBodyIsAnError()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) {
            CannedReply reply = CannedReply::json(QByteArray("{\"items\":[") + QByteArray(2000, ' ') + "]}");
            reply.mode = CannedReply::Mode::Truncate;
            return reply;
        });
        HttpClient::Options options = cairn::sync::test::fastHttpOptions();
        options.maxAttempts = 2;
        HttpClient client(options);
        auto response = client.send(request(server.url()));
        QVERIFY(!response.ok());
        QCOMPARE(server.requests().size(), 2); // a cut connection is worth one more try
        QVERIFY2(response.errorString().contains(u"before the whole response"), qPrintable(response.errorString()));
    }

    // What a body is held to (all of the Content-Length the server announced) is not asked
    // of an answer that has none: the length of a HEAD's or a 304's is the resource's.
    void anAnswerWithoutABodyMayAnnounceALength_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("head");
        QTest::newRow("HEAD, 200") << 200 << true;
        QTest::newRow("GET, 304") << 304 << false;
        QTest::newRow("GET, 204") << 204 << false;
    }

    void anAnswerWithoutABodyMayAnnounceALength()
    {
        QFETCH(int, status);
        QFETCH(bool, head);
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([status](const RecordedRequest &) {
            CannedReply reply;
            reply.status = status;
            reply.sendContentLength = false;
            return reply.withHeader("Content-Length", "5000");
        });
        HttpRequest r = request(server.url());
        if (head)
            r.method = HttpRequest::Method::Head;
        HttpClient client(cairn::sync::test::fastHttpOptions());
        auto response = client.send(r);
        QVERIFY2(response.ok(), qPrintable(response.errorString()));
        QCOMPARE(response->status, status);
        QVERIFY(response->body.isEmpty());
        QCOMPARE(server.requests().size(), 1);
    }

    void aChunkedBodyIsWholeWhateverLengthIsAnnouncedBesideIt()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) {
            CannedReply reply = CannedReply::json("8\r\n{\"a\":12}\r\n0\r\n\r\n");
            reply.sendContentLength = false;
            return reply.withHeader("Transfer-Encoding", "chunked").withHeader("Content-Length", "5000");
        });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        auto response = client.send(request(server.url()));
        QVERIFY2(response.ok(), qPrintable(response.errorString()));
        QCOMPARE(response->body, QByteArray("{\"a\":12}"));
        QCOMPARE(server.requests().size(), 1);
    }

    void idleTimeout()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) {
            CannedReply reply;
            reply.mode = CannedReply::Mode::Silent;
            return reply;
        });
        HttpClient::Options options = cairn::sync::test::fastHttpOptions();
        options.idleTimeout = 300ms;
        options.maxAttempts = 1;
        HttpClient client(options);
        QElapsedTimer timer;
        timer.start();
        auto response = client.send(request(server.url()));
        QVERIFY(!response.ok());
        QVERIFY2(response.errorString().contains(u"got no data for 0.3 s"), qPrintable(response.errorString()));
        // The message names the idle timeout; the clock only shows it was not some longer wait.
        QVERIFY2(timer.elapsed() >= 250 && timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
    }

    void connectTimeout()
    {
        // A server that accepts TCP but never completes the TLS handshake: the request is
        // never on the wire, so this is the connect timeout, not the idle one.
        LoopbackHttpServer server;
        QVERIFY(server.start());
        QUrl url = server.url();
        url.setScheme(QStringLiteral("https"));
        HttpClient::Options options = cairn::sync::test::fastHttpOptions();
        options.connectTimeout = 300ms;
        options.idleTimeout = 10s;
        options.maxAttempts = 1;
        HttpClient client(options);
        QElapsedTimer timer;
        timer.start();
        auto response = client.send(request(url));
        QVERIFY(!response.ok());
        QVERIFY2(
            response.errorString().contains(u"could not connect within 0.3 s"), qPrintable(response.errorString()));
        QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed()))); // not the 10 s idle one
        QVERIFY(server.requests().isEmpty());
    }

    void connectionRefusedIsRetriedAndExplained()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        HttpClient::Options options = cairn::sync::test::fastHttpOptions();
        options.maxAttempts = 2;
        HttpClient client(options);
        auto response = client.send(request(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port))));
        QVERIFY(!response.ok());
        QVERIFY2(response.errorString().contains(u"2 attempts")
                && response.errorString().contains(u"Check the URL and that the server is up"),
            qPrintable(response.errorString()));
    }

    void cancelSlotEndsAWaitPromptly()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) {
            CannedReply reply;
            reply.mode = CannedReply::Mode::Silent;
            return reply;
        });
        HttpClient::Options options = cairn::sync::test::fastHttpOptions();
        options.idleTimeout = 20s;
        HttpClient client(options);
        QTimer::singleShot(200, &client, &HttpClient::cancel);
        QElapsedTimer timer;
        timer.start();
        auto response = client.send(request(server.url()));
        QVERIFY(!response.ok());
        QVERIFY2(response.errorString().contains(u"cancelled"), qPrintable(response.errorString()));
        // Well before the 20 s the server would keep it waiting, with room for a slow machine.
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    }

    void cancelFlagFromAnotherThreadStopsASlowServer()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) {
            CannedReply reply = CannedReply::json(QByteArray(4000, 'x'));
            reply.mode = CannedReply::Mode::Drip; // 250 chunks, 100 ms apart: 25 s in all
            return reply;
        });
        HttpClient::Options options = cairn::sync::test::fastHttpOptions();
        options.idleTimeout = 20s;
        HttpClient client(options);
        std::atomic<bool> cancel = false;
        std::thread canceller([&cancel] {
            std::this_thread::sleep_for(300ms);
            cancel = true;
        });
        QElapsedTimer timer;
        timer.start();
        auto response = client.send(request(server.url()), &cancel);
        canceller.join();
        QVERIFY(!response.ok());
        QVERIFY2(response.errorString().contains(u"cancelled"), qPrintable(response.errorString()));
        // Well before the 20 s the server would keep it waiting, with room for a slow machine.
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    }

    void oversizedByContentLengthIsRefused()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) { return CannedReply::json(QByteArray(100'000, 'x')); });
        HttpClient::Options options = cairn::sync::test::fastHttpOptions();
        options.maxResponseBytes = 10'000;
        HttpClient client(options);
        auto response = client.send(request(server.url()));
        QVERIFY(!response.ok());
        QCOMPARE(server.requests().size(), 1); // not retried
        QVERIFY2(
            response.errorString().contains(u"more than the limit of 9.77 KB"), qPrintable(response.errorString()));
    }

    // The limit is 256 MiB unless CAIRN_MAX_RESPONSE_MB says otherwise, and the refusal says
    // how to raise it (a 1,000,000-entity bundle is 413 MB).
    void theLimitComesFromTheEnvironment()
    {
        QCOMPARE(HttpClient::Options {}.maxResponseBytes, qint64(256) * 1024 * 1024);
        const auto restore = qScopeGuard([] { qunsetenv("CAIRN_MAX_RESPONSE_MB"); });
        qputenv("CAIRN_MAX_RESPONSE_MB", "lots"); // nonsense is ignored, not a limit of 0
        QCOMPARE(HttpClient::Options {}.maxResponseBytes, qint64(256) * 1024 * 1024);
        qputenv("CAIRN_MAX_RESPONSE_MB", "1");
        HttpClient::Options options = cairn::sync::test::fastHttpOptions();
        QCOMPARE(options.maxResponseBytes, qint64(1024) * 1024);

        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) { return CannedReply::json(QByteArray(2'000'000, 'x')); });
        HttpClient client(options);
        auto response = client.send(request(server.url()));
        QVERIFY(!response.ok());
        QVERIFY2(response.errorString().contains(u"more than the limit of 1 MB"), qPrintable(response.errorString()));
        QVERIFY2(response.errorString().contains(u"CAIRN_MAX_RESPONSE_MB raises the limit"),
            qPrintable(response.errorString()));
    }

    void oversizedStreamIsStoppedWhileReading()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) {
            CannedReply reply = CannedReply::json(QByteArray(4'000'000, 'x'));
            reply.sendContentLength = false; // nothing to judge by until the bytes arrive
            reply.mode = CannedReply::Mode::Drip;
            reply.dripChunk = 4000;
            reply.dripIntervalMs = 5;
            return reply;
        });
        HttpClient::Options options = cairn::sync::test::fastHttpOptions();
        options.maxResponseBytes = 20'000;
        HttpClient client(options);
        QElapsedTimer timer;
        timer.start();
        auto response = client.send(request(server.url()));
        QVERIFY(!response.ok());
        QVERIFY2(response.errorString().contains(u"more than the limit"), qPrintable(response.errorString()));
        // The whole body would take five seconds; the limit is reached after 25 ms. The margin
        // is wide so that a loaded machine or a sanitizer build does not fail it.
        QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    }

    void gzipBombIsStoppedByTheDecodedSize()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        const QByteArray bomb = LoopbackHttpServer::gzip(QByteArray(8 * 1024 * 1024, '\0'));
        server.setHandler([&](const RecordedRequest &) {
            CannedReply reply = CannedReply::json(bomb);
            reply.withHeader("Content-Encoding", "gzip");
            return reply;
        });
        HttpClient::Options options = cairn::sync::test::fastHttpOptions();
        options.maxResponseBytes = 1024 * 1024;
        HttpClient client(options);
        QVERIFY(bomb.size() < options.maxResponseBytes);
        auto response = client.send(request(server.url()));
        QVERIFY(!response.ok());
        QVERIFY2(response.errorString().contains(u"more than the limit of 1 MB"), qPrintable(response.errorString()));
    }

    void sameHostRedirectKeepsTheToken()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &r) {
            if (r.path == u"/old") {
                CannedReply reply = CannedReply::json("{}", 301);
                reply.withHeader("Location", "/new");
                return reply;
            }
            return CannedReply::json("\"new\"");
        });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        auto response = client.send(request(server.url(QStringLiteral("/old"))));
        QVERIFY2(response.ok(), qPrintable(response.errorString()));
        QCOMPARE(response->body, QByteArray("\"new\""));
        QCOMPARE(response->url.path(), QStringLiteral("/new"));
        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(server.requests()[1].header("Authorization"), "Bearer " + kToken);
    }

    void redirectToAnotherHostDropsTheToken()
    {
        LoopbackHttpServer other;
        QVERIFY2(other.start(QHostAddress(QStringLiteral("127.0.0.2"))), "127.0.0.2 must be a loopback address");
        other.setHandler([](const RecordedRequest &) { return CannedReply::json("\"elsewhere\""); });
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([&](const RecordedRequest &) {
            CannedReply reply = CannedReply::json("{}", 302);
            reply.withHeader("Location", other.url(QStringLiteral("/moved")).toEncoded());
            return reply;
        });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        HttpRequest r = request(server.url(QStringLiteral("/start")));
        r.withHeader("Authorization", "Bearer smuggled"); // even a hand-made header is dropped
        auto response = client.send(r);
        QVERIFY2(response.ok(), qPrintable(response.errorString()));
        QCOMPARE(response->body, QByteArray("\"elsewhere\""));
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(server.requests()[0].hasHeader("Authorization"));
        QCOMPARE(other.requests().size(), 1);
        QVERIFY(!other.requests()[0].hasHeader("Authorization"));
    }

    void httpsToHttpRedirectIsRefused()
    {
        LoopbackHttpServer plain;
        QVERIFY(plain.start());
        plain.setHandler([](const RecordedRequest &) { return CannedReply::json("{}"); });
        LoopbackHttpServer secure;
        QVERIFY(secure.start(QHostAddress::LocalHost, true));
        secure.setHandler([&](const RecordedRequest &) {
            CannedReply reply = CannedReply::json("{}", 302);
            reply.withHeader("Location", plain.url(QStringLiteral("/insecure")).toEncoded());
            return reply;
        });
        HttpClient client(trustingFixture());
        auto response = client.send(request(secure.url(QStringLiteral("/start"))));
        QVERIFY(!response.ok());
        QCOMPARE(secure.requests().size(), 1); // the TLS exchange itself worked
        QVERIFY(plain.requests().isEmpty());
        QVERIFY2(response.errorString().contains(u"from https to http"), qPrintable(response.errorString()));
        QCOMPARE(response.errorKind(), cairn::core::ErrorKind::Tls);
    }

    void trustedCertificateWorks()
    {
        LoopbackHttpServer secure;
        QVERIFY(secure.start(QHostAddress::LocalHost, true));
        secure.setHandler([](const RecordedRequest &) { return CannedReply::json("\"tls\""); });
        HttpClient client(trustingFixture());
        auto response = client.send(request(secure.url()));
        QVERIFY2(response.ok(), qPrintable(response.errorString()));
        QCOMPARE(response->body, QByteArray("\"tls\""));
        QCOMPARE(secure.requests()[0].header("Authorization"), "Bearer " + kToken);
    }

    void selfSignedCertificateIsRefusedBeforeTheTokenIsSent()
    {
        LoopbackHttpServer secure;
        QVERIFY(secure.start(QHostAddress::LocalHost, true));
        secure.setHandler([](const RecordedRequest &) { return CannedReply::json("{}"); });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        auto response = client.send(request(secure.url(QStringLiteral("/api/catalog"))));
        QVERIFY(!response.ok());
        QCOMPARE(secure.connectionCount(), 1); // it did connect, and was not retried
        QVERIFY(secure.requests().isEmpty()); // no request line, no header, no token
        const QString message = response.errorString();
        QVERIFY2(message.contains(u"TLS certificate of 127.0.0.1")
                && message.contains(u"self-signed", Qt::CaseInsensitive) && message.contains(u"test-source"),
            qPrintable(message));
    }

    void redactedUrlHidesSecrets()
    {
        const QUrl url(
            QStringLiteral("https://user:pw@example.com/bundle.json?api_key=k1&limit=5&access_token=t&x=1#frag"));
        const QString shown = HttpClient::redactedUrl(url);
        QVERIFY2(!shown.contains(u"pw") && !shown.contains(u"user") && !shown.contains(u"k1") && !shown.contains(u"=t&")
                && shown.contains(u"limit=5") && shown.contains(u"x=1") && shown.contains(u"example.com/bundle.json"),
            qPrintable(shown));
    }

    void tracesAreOffByDefaultAndNeverCarrySecrets()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        int calls = 0;
        server.setHandler([&calls](const RecordedRequest &) {
            return ++calls == 1 ? CannedReply::json("{}", 503) : CannedReply::json("[]");
        });
        const QUrl url = server.url(QStringLiteral("/bundle.json?api_key=k3y-value&limit=5"));
        g_traces.clear();
        const QtMessageHandler previous = qInstallMessageHandler(recordTrace);
        const auto restore = qScopeGuard([previous] {
            qInstallMessageHandler(previous);
            QLoggingCategory::setFilterRules(QString());
        });

        HttpClient client(cairn::sync::test::fastHttpOptions());
        QVERIFY(client.send(request(url)).ok());
        QVERIFY2(g_traces.isEmpty(), qPrintable(g_traces.join(u'\n')));

        QLoggingCategory::setFilterRules(QStringLiteral("cairn.sync.debug=true"));
        calls = 0;
        QVERIFY(client.send(request(url)).ok());
        const QString traced = g_traces.join(u'\n');
        // The request, its retry after the 503, and the answer, as a person debugging a sync needs them.
        QVERIFY2(traced.contains(u"GET") && traced.contains(u"HTTP 503") && traced.contains(u"retry in")
                && traced.contains(u"HTTP 200") && traced.contains(u"limit=5"),
            qPrintable(traced));
        QVERIFY2(!traced.contains(QString::fromLatin1(kToken)) && !traced.contains(u"k3y-value"), qPrintable(traced));
    }

    void asyncCallbackIsDroppedWithItsContext()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) { return CannedReply::json("{}"); });
        HttpClient client(cairn::sync::test::fastHttpOptions());
        bool called = false;
        auto *context = new QObject;
        client.send(request(server.url()), context, [&](auto) { called = true; });
        delete context;
        int seen = 0;
        QObject alive;
        client.send(request(server.url()), &alive,
            [&](cairn::core::Result<cairn::sync::HttpResponse> r) { seen = r.ok() ? r->status : -1; });
        QTRY_COMPARE(seen, 200);
        QTest::qWait(50);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
