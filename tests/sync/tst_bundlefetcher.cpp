// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/BundleFetcher.h"
#include "sync/HttpClient.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "support/FastHttpOptions.h"
#include "support/LoopbackHttpServer.h"

using namespace std::chrono_literals;
using cairn::sync::BundleFetcher;
using cairn::sync::HttpClient;
using cairn::sync::test::CannedReply;
using cairn::sync::test::LoopbackHttpServer;
using cairn::sync::test::RecordedRequest;

namespace {

const QByteArray kArray = R"([
  {"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"ledger"},"spec":{"owner":"team-a"}},
  {"apiVersion":"backstage.io/v1alpha1","kind":"Group","metadata":{"name":"team-a"}}
])";

const QByteArray kNdjson = "{\"kind\":\"Component\",\"metadata\":{\"name\":\"a\"}}\n"
                           "\n"
                           "{\"kind\":\"Component\",\"metadata\":{\"name\":\"b\"}\n" // line 3: broken JSON
                           "{\"kind\":\"Component\",\"metadata\":{}}\r\n" // line 4: no name
                           "{\"kind\":\"User\",\"metadata\":{\"name\":\"c\"}}\n";

// The item scanner's edge cases, out here: inside the test class, moc mis-read these raw
// strings' brackets and generated nothing.
const QByteArray kCompactFirst = R"({"apiVersion":"backstage.io/v1alpha1","kind":"Component",)"
                                 R"("metadata":{"name":"ledger"},"spec":{"owner":"team-a"}})";
const QByteArray kTrailingMember = R"({"items":[{"kind":"A","metadata":{"name":"a"}}],})";
const QByteArray kEscapedItems = R"({"it\u0065ms":[{"kind":"A","metadata":{"name":"a"}}],"x":1})";
const QByteArray kScalarItems = R"([1, "x]", null, [2], {"kind":"A","metadata":{"name":"a}"}}, true])";
const QByteArray kBrokenItem = R"([{"kind":"A","metadata":{"name":"a"}}, {"kind": }])";
const QByteArray kTrailingComma = "[\n {\"kind\":\"A\",\"metadata\":{\"name\":\"a\"}},\n]";

} // namespace

class TestBundleFetcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *name : { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
            qunsetenv(name);
    }

    void parsesAnArray()
    {
        auto bundle = BundleFetcher::parse(kArray, QStringLiteral("b.json"));
        QVERIFY2(bundle.ok(), qPrintable(bundle.errorString()));
        QCOMPARE(bundle->entities.size(), 2);
        QCOMPARE(bundle->entities[1].parsed().kind(), QStringLiteral("Group"));
        QCOMPARE(bundle->entities[1].origin.toString(), QStringLiteral("b.json#/1"));
        QVERIFY(bundle->problems.isEmpty());
    }

    void parsesAnItemsObjectAndReportsBadItems()
    {
        const QByteArray data
            = R"({"items":[{"kind":"Component","metadata":{"name":"x"}}, 42, {"metadata":{"name":"y"}}]})";
        auto bundle = BundleFetcher::parse(data, QStringLiteral("https://h/b.json"));
        QVERIFY2(bundle.ok(), qPrintable(bundle.errorString()));
        QCOMPARE(bundle->entities.size(), 1);
        QCOMPARE(bundle->entities[0].origin.toString(), QStringLiteral("https://h/b.json#/items/0"));
        QCOMPARE(bundle->problems.size(), 2);
        QVERIFY2(bundle->problems[0].message.contains(u"#/items/1")
                && bundle->problems[0].message.contains(u"not a JSON object"),
            qPrintable(bundle->problems[0].message));
        QVERIFY(bundle->problems[1].message.contains(u"no \"kind\""));
    }

    void parsesNdjsonLineByLine()
    {
        auto bundle = BundleFetcher::parse(kNdjson, QStringLiteral("b.ndjson"));
        QVERIFY2(bundle.ok(), qPrintable(bundle.errorString()));
        QCOMPARE(bundle->entities.size(), 2);
        QCOMPARE(bundle->entities[0].origin.toString(), QStringLiteral("b.ndjson:1"));
        QCOMPARE(bundle->entities[1].origin.toString(), QStringLiteral("b.ndjson:5"));
        QCOMPARE(bundle->problems.size(), 2);
        QVERIFY2(bundle->problems[0].message.startsWith(u"b.ndjson:3"), qPrintable(bundle->problems[0].message));
        QVERIFY2(bundle->problems[1].message.startsWith(u"b.ndjson:4")
                && bundle->problems[1].message.contains(u"metadata.name"),
            qPrintable(bundle->problems[1].message));
    }

    void brokenDocumentIsOneError()
    {
        auto bundle = BundleFetcher::parse("[\n {\"kind\":\"A\",\n \"metadata\": }\n]", QStringLiteral("b.json"));
        QVERIFY(!bundle.ok());
        QVERIFY2(bundle.errorString().startsWith(u"b.json:3"), qPrintable(bundle.errorString()));
        auto notABundle = BundleFetcher::parse("{\"hello\":1}", QStringLiteral("b.json"));
        QVERIFY(!notABundle.ok());
        QVERIFY(notABundle.errorString().contains(u"docs/bundle-format.md"));
    }

    // Entities come as compact text (the stored form: keys sorted, no spaces), not parsed.
    void entitiesAreCompactText()
    {
        auto bundle = BundleFetcher::parse(kArray, QStringLiteral("b.json"));
        QVERIFY2(bundle.ok(), qPrintable(bundle.errorString()));
        const cairn::core::SourcedEntity &first = bundle->entities.at(0);
        QVERIFY(first.isCompact());
        QVERIFY(first.entity.document().isEmpty());
        QCOMPARE(first.json, kCompactFirst);
        QCOMPARE(first.parsed().name(), QStringLiteral("ledger"));
    }

    // What the item scanner does not take apart goes to the whole-document parse, which
    // accepts or refuses it exactly as before.
    void itemScannerEdgeCases()
    {
        // Trailing commas are not JSON: refused as a whole, at the comma's line.
        auto trailing = BundleFetcher::parse(kTrailingComma, QStringLiteral("b.json"));
        QVERIFY(!trailing.ok());
        QVERIFY2(trailing.errorString().startsWith(u"b.json:"), qPrintable(trailing.errorString()));
        auto trailingMember = BundleFetcher::parse(kTrailingMember, QStringLiteral("b.json"));
        QVERIFY(!trailingMember.ok());

        // An escaped "items" key is still the items array.
        auto escaped = BundleFetcher::parse(kEscapedItems, QStringLiteral("b.json"));
        QVERIFY2(escaped.ok(), qPrintable(escaped.errorString()));
        QCOMPARE(escaped->entities.size(), 1);
        QCOMPARE(escaped->entities.at(0).parsed().name(), QStringLiteral("a"));
        QCOMPARE(escaped->entities.at(0).origin.toString(), QStringLiteral("b.json#/items/0"));

        // Scalars, arrays and strings with brackets among the items: each one skipped.
        auto scalars = BundleFetcher::parse(kScalarItems, QStringLiteral("b.json"));
        QVERIFY2(scalars.ok(), qPrintable(scalars.errorString()));
        QCOMPARE(scalars->entities.size(), 1);
        QCOMPARE(scalars->entities.at(0).parsed().name(), QStringLiteral("a}"));
        QCOMPARE(scalars->entities.at(0).origin.toString(), QStringLiteral("b.json#/4"));
        QCOMPARE(scalars->problems.size(), 5);
        QVERIFY(scalars->problems.at(0).message.contains(u"b.json#/0"));

        // One broken item refuses the document, as a whole-document parse would.
        auto broken = BundleFetcher::parse(kBrokenItem, QStringLiteral("b.json"));
        QVERIFY(!broken.ok());
        QVERIFY2(broken.errorString().startsWith(u"b.json:1"), qPrintable(broken.errorString()));
    }

    void conditionalGetOverHttp()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        const QByteArray etag = "\"v1\"";
        const QByteArray modified = "Tue, 24 Nov 2026 10:00:00 GMT";
        server.setHandler([&](const RecordedRequest &r) {
            CannedReply reply = CannedReply::json(kArray);
            reply.withHeader("ETag", etag).withHeader("Last-Modified", modified);
            if (r.isFresh(etag)) {
                reply.status = 304;
                reply.body.clear();
            }
            return reply;
        });
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BundleFetcher fetcher(http, QStringLiteral("bundle"));
        const QString url = server.url(QStringLiteral("/bundle.json")).toString();
        auto first = fetcher.fetch(url);
        QVERIFY2(first.ok(), qPrintable(first.errorString()));
        QVERIFY(!first->notModified);
        QCOMPARE(first->entities.size(), 2);
        QVERIFY(first->entities[0].origin.file.endsWith(u"/bundle.json#/0"));
        QCOMPARE(first->validators.etag, etag);
        QCOMPARE(first->validators.lastModified, modified);
        QVERIFY(!server.requests()[0].hasHeader("If-None-Match"));

        auto second = fetcher.fetch(url, first->validators);
        QVERIFY2(second.ok(), qPrintable(second.errorString()));
        QVERIFY(second->notModified);
        QVERIFY(second->entities.isEmpty());
        QCOMPARE(second->validators.etag, etag);
        QCOMPARE(server.requests()[1].header("If-None-Match"), etag);
        QCOMPARE(server.requests()[1].header("If-Modified-Since"), modified);
    }

    void gzipOverHttp()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) {
            CannedReply reply = CannedReply::json(LoopbackHttpServer::gzip(kNdjson));
            reply.withHeader("Content-Encoding", "gzip");
            return reply;
        });
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BundleFetcher fetcher(http, QStringLiteral("bundle"));
        auto bundle = fetcher.fetch(server.url(QStringLiteral("/b.ndjson")).toString());
        QVERIFY2(bundle.ok(), qPrintable(bundle.errorString()));
        QCOMPARE(bundle->entities.size(), 2);
        QCOMPARE(bundle->problems.size(), 2);
    }

    void httpErrorNamesTheSource()
    {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setHandler([](const RecordedRequest &) { return CannedReply::json("{}", 404); });
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BundleFetcher fetcher(http, QStringLiteral("my-bundle"));
        auto bundle = fetcher.fetch(server.url(QStringLiteral("/missing.json?token=zzz")).toString());
        QVERIFY(!bundle.ok());
        QVERIFY2(bundle.errorString().contains(u"my-bundle") && bundle.errorString().contains(u"404")
                && !bundle.errorString().contains(u"zzz"),
            qPrintable(bundle.errorString()));
    }

    void localFileWithValidators()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("bundle.json"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(kArray);
        }
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BundleFetcher fetcher(http, QStringLiteral("local"));
        auto first = fetcher.fetch(path);
        QVERIFY2(first.ok(), qPrintable(first.errorString()));
        QCOMPARE(first->entities.size(), 2);
        QCOMPARE(first->entities[0].origin.file, path + QStringLiteral("#/0"));
        QVERIFY(!first->validators.etag.isEmpty());

        auto second = fetcher.fetch(QUrl::fromLocalFile(path).toString(), first->validators);
        QVERIFY2(second.ok(), qPrintable(second.errorString()));
        QVERIFY(second->notModified);

        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            file.write("\n");
        }
        auto third = fetcher.fetch(path, first->validators);
        QVERIFY2(third.ok(), qPrintable(third.errorString()));
        QVERIFY(!third->notModified);
        QCOMPARE(third->entities.size(), 2);
    }

    void missingFileIsAnError()
    {
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BundleFetcher fetcher(http, QStringLiteral("local"));
        auto bundle = fetcher.fetch(QStringLiteral("/nonexistent/cairn/bundle.json"));
        QVERIFY(!bundle.ok());
        QVERIFY2(bundle.errorString().contains(u"no such file") && bundle.errorString().contains(u"Check the path"),
            qPrintable(bundle.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestBundleFetcher)
#include "tst_bundlefetcher.moc"
