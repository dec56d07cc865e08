// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/BackstageClient.h"
#include "sync/HttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <atomic>

#include "support/FakeBackstageServer.h"
#include "support/FastHttpOptions.h"

using namespace std::chrono_literals;
using cairn::core::EntityRef;
using cairn::sync::BackstageClient;
using cairn::sync::HttpClient;
using cairn::sync::test::CannedReply;
using cairn::sync::test::FakeBackstageServer;
using cairn::sync::test::RecordedRequest;

namespace {

void addSeven(FakeBackstageServer &server)
{
    server.putEntity(QStringLiteral("Component"), QStringLiteral("ledger"),
        { { QStringLiteral("owner"), QStringLiteral("alice") } });
    server.putEntity(QStringLiteral("Component"), QStringLiteral("payments-api-service"));
    server.putEntity(QStringLiteral("Group"), QStringLiteral("team-a"));
    server.putEntity(QStringLiteral("User"), QStringLiteral("alice"));
    server.putEntity(QStringLiteral("System"), QStringLiteral("payments"));
    server.putEntity(QStringLiteral("API"), QStringLiteral("payments-api"));
    server.putEntity(QStringLiteral("Location"), QStringLiteral("generated-1"), {}, QStringLiteral("ops"));
}

QStringList keys(const QList<BackstageClient::ListedEntity> &entities)
{
    QStringList out;
    for (const auto &entity : entities)
        out.append(entity.ref.key());
    out.sort();
    return out;
}

} // namespace

class TestBackstageClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *name : { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
            qunsetenv(name);
    }

    void listingWalksEveryCursorPage()
    {
        FakeBackstageServer server;
        QVERIFY(server.start());
        addSeven(server);
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BackstageClient client(http, server.baseUrl(), server.token(), QStringLiteral("bs"));
        client.setPageSize(3);
        QList<std::tuple<BackstageClient::Phase, qint64, qint64>> progress;
        client.setProgress([&](BackstageClient::Phase phase, qint64 done, qint64 total) {
            progress.append({ phase, done, total });
        });
        auto listing = client.listEntities();
        QVERIFY2(listing.ok(), qPrintable(listing.errorString()));
        QVERIFY(!listing->notModified);
        QCOMPARE(listing->totalItems, 7);
        QCOMPARE(listing->entities.size(), 7);
        QCOMPARE(keys(listing->entities),
            (QStringList { QStringLiteral("api:default/payments-api"), QStringLiteral("component:default/ledger"),
                QStringLiteral("component:default/payments-api-service"), QStringLiteral("group:default/team-a"),
                QStringLiteral("location:ops/generated-1"), QStringLiteral("system:default/payments"),
                QStringLiteral("user:default/alice") }));
        for (const auto &entity : listing->entities)
            QVERIFY(!entity.uid.isEmpty() && entity.etag.size() == 40);

        // 3 + 3 + 1: the last page has no nextCursor and ends the walk.
        const auto &requests = server.requests();
        QCOMPARE(requests.size(), 3);
        const QString fields = QStringLiteral("kind,metadata.namespace,metadata.name,metadata.uid,metadata.etag");
        QCOMPARE(requests[0].path, QStringLiteral("/api/catalog/entities/by-query"));
        QVERIFY(!requests[0].query.hasQueryItem(QStringLiteral("cursor")));
        for (const RecordedRequest &r : requests) {
            QCOMPARE(r.param(QStringLiteral("limit")), QStringLiteral("3"));
            QCOMPARE(r.param(QStringLiteral("fields")), fields);
            QVERIFY(!r.query.hasQueryItem(QStringLiteral("filter")));
            // Sent whole: from this machine, uncompressed (see askPlainOnLoopback).
            QCOMPARE(r.header("Accept-Encoding"), QByteArray("identity"));
        }
        QVERIFY(requests[1].query.hasQueryItem(QStringLiteral("cursor")));
        QVERIFY(requests[2].query.hasQueryItem(QStringLiteral("cursor")));
        // The fake's cursors hold `+` and `/`; sent bare, a `+` would arrive as a space.
        QVERIFY2(requests[1].target.contains("%2B"), requests[1].target.constData());
        QCOMPARE(server.statuses(), (QList<int> { 200, 200, 200 }));
        QCOMPARE(progress.size(), 3);
        QCOMPARE(progress.last(), std::make_tuple(BackstageClient::Phase::Listing, qint64(7), qint64(7)));
    }

    void unchangedListingIsNotModified()
    {
        FakeBackstageServer server;
        QVERIFY(server.start());
        addSeven(server);
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BackstageClient client(http, server.baseUrl(), server.token(), QStringLiteral("bs"));
        client.setPageSize(3);
        auto first = client.listEntities();
        QVERIFY2(first.ok(), qPrintable(first.errorString()));
        QVERIFY(!first->validator.isEmpty());
        server.clearRequests();

        auto second = client.listEntities(first->validator);
        QVERIFY2(second.ok(), qPrintable(second.errorString()));
        QVERIFY(second->notModified);
        QCOMPARE(second->totalItems, 7);
        QCOMPARE(server.statuses(), (QList<int> { 304, 304, 304 }));
        for (const RecordedRequest &r : server.requests())
            QVERIFY(r.header("If-None-Match").startsWith("W/\""));

        // One edit changes one page: the listing is whole again, with the new etag.
        const QString oldEtag = server.putEntity(QStringLiteral("User"), QStringLiteral("alice"))
                                    .value(u"metadata")
                                    .toObject()
                                    .value(u"etag")
                                    .toString();
        server.putEntity(
            QStringLiteral("User"), QStringLiteral("alice"), { { QStringLiteral("profile"), QJsonObject {} } });
        server.clearRequests();
        auto third = client.listEntities(first->validator);
        QVERIFY2(third.ok(), qPrintable(third.errorString()));
        QVERIFY(!third->notModified);
        QCOMPARE(third->entities.size(), 7);
        for (const auto &entity : third->entities) {
            if (entity.ref.key() == u"user:default/alice")
                QVERIFY(entity.etag != oldEtag);
        }
        QVERIFY(server.statuses().contains(200));
    }

    void meanwhileRunsOnceWithTheFirstRequest()
    {
        FakeBackstageServer server;
        QVERIFY(server.start());
        addSeven(server);
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BackstageClient client(http, server.baseUrl(), server.token(), QStringLiteral("bs"));
        client.setPageSize(3);
        int calls = 0;
        const auto meanwhile = [&calls] { ++calls; };

        // A walk of three pages: the caller's work runs once, and the listing is the same.
        auto first = client.listEntities({}, meanwhile);
        QVERIFY2(first.ok(), qPrintable(first.errorString()));
        QCOMPARE(calls, 1);
        QCOMPARE(first->entities.size(), 7);
        QCOMPARE(server.requests().size(), 3);

        // The "changed since?" walk: once too, all pages 304.
        server.clearRequests();
        auto second = client.listEntities(first->validator, meanwhile);
        QVERIFY2(second.ok(), qPrintable(second.errorString()));
        QVERIFY(second->notModified);
        QCOMPARE(calls, 2);

        // A request that fails still ran it: the caller's work does not depend on the answer.
        BackstageClient refused(http, server.baseUrl(), "wrong-token", QStringLiteral("bs"));
        QVERIFY(!refused.listEntities({}, meanwhile));
        QCOMPARE(calls, 3);
    }

    void fetchByRefsKeepsOrderAndAbsence()
    {
        FakeBackstageServer server;
        QVERIFY(server.start());
        addSeven(server);
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BackstageClient client(http, server.baseUrl(), server.token(), QStringLiteral("bs"));
        const QList<EntityRef> refs { EntityRef(
                                          QStringLiteral("Group"), QStringLiteral("default"), QStringLiteral("team-a")),
            EntityRef(QStringLiteral("Component"), QStringLiteral("default"), QStringLiteral("gone")),
            EntityRef(QStringLiteral("component"), QStringLiteral("default"), QStringLiteral("ledger")),
            EntityRef(QStringLiteral("Location"), QStringLiteral("ops"), QStringLiteral("generated-1")),
            EntityRef(QStringLiteral("User"), QStringLiteral("default"), QStringLiteral("alice")) };
        auto fetched = client.fetchByRefs(refs, 2);
        QVERIFY2(fetched.ok(), qPrintable(fetched.errorString()));
        QCOMPARE(fetched->size(), 5);
        QCOMPARE(fetched->at(0)->entity.name(), QStringLiteral("team-a"));
        QVERIFY(!fetched->at(1).has_value());
        QCOMPARE(fetched->at(2)->entity.name(), QStringLiteral("ledger"));
        QCOMPARE(fetched->at(2)->entity.spec().value(u"owner").toString(), QStringLiteral("alice"));
        QCOMPARE(fetched->at(3)->entity.ns(), QStringLiteral("ops"));
        QCOMPARE(fetched->at(4)->entity.kind(), QStringLiteral("User"));
        QCOMPARE(QJsonDocument::fromJson(fetched->at(2)->json).object(), fetched->at(2)->entity.document());

        QCOMPARE(server.requests().size(), 3); // batches of 2, 2 and 1
        for (const RecordedRequest &r : server.requests()) {
            QCOMPARE(r.method, QByteArray("POST"));
            QCOMPARE(r.path, QStringLiteral("/api/catalog/entities/by-refs"));
            QVERIFY(r.query.isEmpty());
            QVERIFY(r.header("Content-Type").startsWith("application/json"));
            QCOMPARE(r.header("Accept-Encoding"), QByteArray("identity"));
        }
        const QJsonObject firstBody = QJsonDocument::fromJson(server.requests()[0].body).object();
        QCOMPARE(firstBody.keys(), QStringList { QStringLiteral("entityRefs") });
        QCOMPARE(firstBody.value(u"entityRefs").toArray().size(), 2);
    }

    void fetchAllReadsFullPages()
    {
        FakeBackstageServer server;
        QVERIFY(server.start());
        addSeven(server);
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BackstageClient client(http, server.baseUrl(), server.token(), QStringLiteral("bs"));
        client.setPageSize(4);
        auto all = client.fetchAll();
        QVERIFY2(all.ok(), qPrintable(all.errorString()));
        QCOMPARE(all->size(), 7);
        for (const cairn::core::SourcedEntity &sourced : *all) {
            QVERIFY(sourced.entity.document().contains(u"spec") && !sourced.entity.uid().isEmpty());
            // The text it came in, which is what the cache stores.
            QCOMPARE(QJsonDocument::fromJson(sourced.json).object(), sourced.entity.document());
            QCOMPARE(sourced.origin.file, HttpClient::redactedUrl(server.baseUrl()));
        }
        QCOMPARE(server.requests().size(), 2);
        for (const RecordedRequest &r : server.requests()) {
            QVERIFY(!r.query.hasQueryItem(QStringLiteral("fields")));
            // Full pages come one chunk per entity: gzip even from this machine.
            QCOMPARE(r.header("Accept-Encoding"), QByteArray("gzip"));
        }
    }

    void serverErrorsAreRetriedWithinAWalk()
    {
        FakeBackstageServer server;
        QVERIFY(server.start());
        addSeven(server);
        server.failNext(2, 500);
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BackstageClient client(http, server.baseUrl(), server.token(), QStringLiteral("bs"));
        auto listing = client.listEntities();
        QVERIFY2(listing.ok(), qPrintable(listing.errorString()));
        QCOMPARE(listing->entities.size(), 7);
        QCOMPARE(server.statuses(), (QList<int> { 500, 500, 200 }));
    }

    void wrongTokenSaysCheckTheToken()
    {
        FakeBackstageServer server;
        QVERIFY(server.start());
        addSeven(server);
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BackstageClient client(http, server.baseUrl(), QByteArrayLiteral("wrong-token"), QStringLiteral("bs"));
        auto listing = client.listEntities();
        QVERIFY(!listing.ok());
        QCOMPARE(server.requests().size(), 1);
        QVERIFY2(listing.errorString().contains(u"401") && listing.errorString().contains(u"Missing credentials")
                && listing.errorString().contains(u"Check the token")
                && !listing.errorString().contains(u"wrong-token"),
            qPrintable(listing.errorString()));
    }

    void truncatedJsonIsAClearError()
    {
        FakeBackstageServer server;
        QVERIFY(server.start());
        addSeven(server);
        // A body cut short by something in between, with a length that matches the cut.
        server.interceptor = [](const RecordedRequest &) -> std::optional<CannedReply> {
            return CannedReply::json("{\"items\":[{\"kind\":\"Component\",\"metadata\":{\"na");
        };
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BackstageClient client(http, server.baseUrl(), server.token(), QStringLiteral("bs"));
        auto listing = client.listEntities();
        QVERIFY(!listing.ok());
        QVERIFY2(listing.errorString().contains(u"invalid JSON") && listing.errorString().contains(u"bs")
                && listing.errorString().contains(u"entities/by-query"),
            qPrintable(listing.errorString()));
    }

    void fullPagesKeepTheServersText()
    {
        // As a real catalog sends entities: its own key order (metadata first), and here
        // also spaces, which a reformatting proxy might add.
        static const QByteArray first
            = R"({"metadata":{"name":"ledger","namespace":"default","uid":"u-1","etag":"e-1"},)"
              R"("apiVersion":"backstage.io/v1alpha1","kind":"Component",)"
              R"("spec":{"type":"service","owner":"team-a","lifecycle":"production"}})";
        static const QByteArray second = R"({ "metadata": { "name": "team-a", "uid": "u-2", "etag": "e-2" },)"
                                         R"( "kind": "Group", "apiVersion": "backstage.io/v1alpha1",)"
                                         R"( "spec": { "type": "team", "children": [] } })";
        FakeBackstageServer server;
        QVERIFY(server.start());
        server.interceptor = [](const RecordedRequest &) -> std::optional<CannedReply> {
            return CannedReply::json(
                "{\"items\": [" + first + ", " + second + "], \"totalItems\": 2, \"pageInfo\": {}}");
        };
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BackstageClient client(http, server.baseUrl(), server.token(), QStringLiteral("bs"));
        auto all = client.fetchAll();
        QVERIFY2(all.ok(), qPrintable(all.errorString()));
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).json, first);
        QCOMPARE(all->at(1).json, second);
        QCOMPARE(all->at(0).entity.name(), QStringLiteral("ledger"));
        QCOMPARE(all->at(0).entity.spec().value(u"owner").toString(), QStringLiteral("team-a"));
        QCOMPARE(all->at(1).entity.kind(), QStringLiteral("Group"));
        QCOMPARE(server.requests().size(), 1); // no nextCursor: one page
    }

    void brokenItemInAPageIsAClearError()
    {
        FakeBackstageServer server;
        QVERIFY(server.start());
        // Well-formed to a scan of its brackets and strings, but not JSON (a bare word).
        server.interceptor = [](const RecordedRequest &) -> std::optional<CannedReply> {
            return CannedReply::json(
                R"({"items":[{"kind":"Component","metadata":{"name":ledger}}],"totalItems":1,"pageInfo":{}})");
        };
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BackstageClient client(http, server.baseUrl(), server.token(), QStringLiteral("bs"));
        auto all = client.fetchAll();
        QVERIFY(!all.ok());
        QVERIFY2(all.errorString().contains(u"invalid JSON") && all.errorString().contains(u"at byte 49 of 88")
                && all.errorString().contains(u"entities/by-query"),
            qPrintable(all.errorString()));
    }

    void nextPageIsAskedForBeforeThisOneIsParsed()
    {
        FakeBackstageServer server;
        QVERIFY(server.start());
        addSeven(server);
        // The first page's envelope is good (it names the next page), one of its items is not.
        server.interceptor = [](const RecordedRequest &request) -> std::optional<CannedReply> {
            if (request.query.hasQueryItem(QStringLiteral("cursor")))
                return std::nullopt;
            return CannedReply::json(R"({"items":[{"kind":"Component","metadata":{"name":ledger}}],)"
                                     R"("totalItems":7,"pageInfo":{"nextCursor":"c2"}})");
        };
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BackstageClient client(http, server.baseUrl(), server.token(), QStringLiteral("bs"));
        auto all = client.fetchAll();
        QVERIFY(!all.ok());
        QVERIFY2(all.errorString().contains(u"invalid JSON"), qPrintable(all.errorString()));
        // The second page had been asked for while the first was read.
        QTRY_COMPARE(server.requests().size(), 2);
        QCOMPARE(server.requests().at(1).param(QStringLiteral("cursor")), QStringLiteral("c2"));
    }

    void cancelStopsBetweenRequests()
    {
        FakeBackstageServer server;
        QVERIFY(server.start());
        addSeven(server);
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BackstageClient client(http, server.baseUrl(), server.token(), QStringLiteral("bs"));
        client.setPageSize(2);
        std::atomic<bool> cancel = false;
        client.setCancelFlag(&cancel);
        client.setProgress([&](BackstageClient::Phase, qint64 done, qint64) {
            if (done >= 2)
                cancel = true;
        });
        auto listing = client.listEntities();
        QVERIFY(!listing.ok());
        QVERIFY2(listing.errorString().contains(u"cancelled"), qPrintable(listing.errorString()));
        QCOMPARE(server.requests().size(), 1);
    }

    void listingLinesAreReadPlainOrParsed()
    {
        FakeBackstageServer server;
        QVERIFY(server.start());
        // The second line spells its name with an escape: the scan leaves it to the parser.
        server.interceptor = [](const RecordedRequest &) -> std::optional<CannedReply> {
            return CannedReply::json("{\"items\":[{\"metadata\":{\"name\":\"foo\",\"uid\":\"u-1\",\"etag\":\"e-1\"},"
                                     "\"kind\":\"Component\"},{\"kind\":\"API\",\"metadata\":{\"namespace\":\"ops\","
                                     "\"name\":\"b\\u0061r\",\"uid\":\"u-2\",\"etag\":\"e-2\"}}],"
                                     "\"totalItems\":2,\"pageInfo\":{}}");
        };
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BackstageClient client(http, server.baseUrl(), server.token(), QStringLiteral("bs"));
        auto listing = client.listEntities();
        QVERIFY2(listing.ok(), qPrintable(listing.errorString()));
        QCOMPARE(listing->totalItems, 2);
        QCOMPARE(listing->entities.size(), 2);
        QCOMPARE(listing->entities[0].ref.key(), QStringLiteral("component:default/foo"));
        QCOMPARE(listing->entities[0].uid, QStringLiteral("u-1"));
        QCOMPARE(listing->entities[0].etag, QStringLiteral("e-1"));
        QCOMPARE(listing->entities[1].ref.toString(), QStringLiteral("API:ops/bar"));
        QCOMPARE(listing->entities[1].uid, QStringLiteral("u-2"));
        QCOMPARE(listing->entities[1].etag, QStringLiteral("e-2"));
    }

    void incompleteListingLineStopsTheListing()
    {
        FakeBackstageServer server;
        QVERIFY(server.start());
        server.interceptor = [](const RecordedRequest &) -> std::optional<CannedReply> {
            return CannedReply::json("{\"items\":[{\"kind\":\"Component\",\"metadata\":{\"name\":\"x\"}}],"
                                     "\"totalItems\":1,\"pageInfo\":{}}");
        };
        HttpClient http(cairn::sync::test::fastHttpOptions());
        BackstageClient client(http, server.baseUrl(), server.token(), QStringLiteral("bs"));
        auto listing = client.listEntities();
        QVERIFY(!listing.ok());
        QVERIFY2(listing.errorString().contains(u"metadata.uid"), qPrintable(listing.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestBackstageClient)
#include "tst_backstageclient.moc"
