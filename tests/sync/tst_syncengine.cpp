// SPDX-License-Identifier: GPL-3.0-or-later
// The sync engine with the real sources against loopback servers: the Backstage
// incremental protocol, the mass-removal guard, and every failure leaving the cache as it was.
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/Database.h"
#include "cache/KeptEntities.h"
#include "cache/Statement.h"
#include "sync/BackstageSource.h"
#include "sync/BundleSource.h"
#include "sync/SyncEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "support/FakeBackstageServer.h"
#include "support/FastHttpOptions.h"

using namespace std::chrono_literals;
using cairn::cache::Cache;
using cairn::cache::CatalogWriter;
using cairn::sync::BackstageSource;
using cairn::sync::BundleSource;
using cairn::sync::HttpClient;
using cairn::sync::SyncEngine;
using cairn::sync::SyncOptions;
using cairn::sync::SyncOutcome;
using cairn::sync::test::CannedReply;
using cairn::sync::test::FakeBackstageServer;
using cairn::sync::test::LoopbackHttpServer;
using cairn::sync::test::RecordedRequest;

class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void firstSyncFetchesFullPages();
    void invalidEntitiesInPagesAreSkippedInOrder();
    void serverTextIsStoredAsReceived();
    void relationStatedAtBothEndsIsStoredOnce();
    void unchangedCatalogTransfersOnlyTheListing();
    void changedAddedRemovedAreFetchedByRefs();
    void byRefsNullIsARemoval();
    void massRemovalIsHeldUntilAllowed();
    void catalogThatReturnsNothingIsHeld();
    void singleRemovalIsNotHeld();
    void confirmedRemovalsApplyExactlyWhatWasShown();
    void upstreamChangedSinceTheListIsHeldAgain();
    void keptEntitiesStayWhileLaterSyncsApply();
    void keptEntityBackUpstreamEndsItsDecision();
    void confirmedRemovalOverridesKeep();
    void serverErrorsThenSuccess();
    void tooManyRequestsHonoursRetryAfter();
    void failuresLeaveTheCacheAsItWas_data();
    void failuresLeaveTheCacheAsItWas();
    void cancelDuringSlowServer();
    void redirectToAnotherHostCarriesNoToken();
    void selfSignedCertificateIsRefused();
    void bundleNotModifiedKeepsEverything();

private:
    SyncOutcome syncBackstage(const SyncOptions &options = {}, const std::atomic<bool> *cancel = nullptr);
    QByteArray dump();
    QByteArray entityRows();
    int liveCount();
    bool isLive(int i);
    QList<QString> keptKeys();
    QString lastRunStatus();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<FakeBackstageServer> m_server;
    HttpClient::Options m_http;
    QUrl m_url; // where the source points; defaults to the fake server
};

namespace {

QList<QString> keysOf(const QList<cairn::core::EntityRef> &refs)
{
    QList<QString> keys;
    for (const cairn::core::EntityRef &ref : refs)
        keys.append(ref.key());
    std::sort(keys.begin(), keys.end());
    return keys;
}

QString name(int i)
{
    return QStringLiteral("service-%1").arg(i, 3, 10, QLatin1Char('0'));
}

// A Component spec that passes validation.
QJsonObject spec(const QString &type = QStringLiteral("service"), const QString &owner = QStringLiteral("team-a"))
{
    return { { QStringLiteral("type"), type }, { QStringLiteral("owner"), owner },
        { QStringLiteral("lifecycle"), QStringLiteral("production") } };
}

void fill(FakeBackstageServer &server, int count)
{
    for (int i = 0; i < count; ++i)
        server.putEntity(QStringLiteral("Component"), name(i), spec());
}

int countRequests(const QList<RecordedRequest> &requests, const QString &path)
{
    return int(std::count_if(requests.cbegin(), requests.cend(),
        [&path](const RecordedRequest &request) { return request.path.endsWith(path); }));
}

} // namespace

void TestSyncEngine::initTestCase()
{
    for (const char *var : { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
        qunsetenv(var);
}

void TestSyncEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = Cache::open(m_dir->filePath(QStringLiteral("cache.sqlite3")));
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    m_cache = std::move(opened).value();
    m_server = std::make_unique<FakeBackstageServer>();
    QVERIFY(m_server->start());
    m_http = cairn::sync::test::fastHttpOptions();
    m_url = m_server->baseUrl();
}

void TestSyncEngine::cleanup()
{
    m_cache.reset();
    m_server.reset();
    m_dir.reset();
}

SyncOutcome TestSyncEngine::syncBackstage(const SyncOptions &options, const std::atomic<bool> *cancel)
{
    BackstageSource::Settings settings;
    settings.sourceName = QStringLiteral("bs");
    settings.baseUrl = m_url;
    settings.token = m_server->token();
    settings.pageSize = 3; // several pages even for a handful of entities
    settings.listingPageSize = 3;
    settings.batchSize = 2;
    settings.http = m_http;
    BackstageSource source(settings);
    SyncEngine engine(*m_cache);
    engine.setCancelFlag(cancel);
    SyncOutcome outcome
        = engine.run(QStringLiteral("bs"), QStringLiteral("backstage"), m_url.toString(), source, options);
    for (const auto &problem : std::as_const(outcome.problems)) // a rejected document fails the test with its reason
        qWarning("rejected %s: %s", qPrintable(problem.ref), qPrintable(problem.message));
    return outcome;
}

// Everything the cache holds except the sync log, row by row: what "the cache is as it
// was" means for a failed run, which may (and should) add a 'failed' row to the log.
QByteArray TestSyncEngine::dump()
{
    QByteArray out;
    cairn::cache::Database &db = m_cache->database();
    auto tables
        = db.prepare(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                    "'sqlite_%' AND name NOT IN ('sync_runs', 'sync_run_entities') ORDER BY name"));
    if (!tables)
        return "error: " + tables.errorString().toUtf8();
    QStringList names;
    while (true) {
        auto step = tables->step();
        if (!step || step.value() != cairn::cache::Statement::Step::Row)
            break;
        names.append(tables->text(0));
    }
    for (const QString &table : std::as_const(names)) {
        out += "== " + table.toUtf8() + '\n';
        auto rows = db.prepare(QStringLiteral("SELECT * FROM \"%1\"").arg(table));
        if (!rows)
            return "error: " + rows.errorString().toUtf8();
        while (true) {
            auto step = rows->step();
            if (!step || step.value() != cairn::cache::Statement::Step::Row)
                break;
            for (int c = 0; c < rows->columnCount(); ++c)
                out += (rows->isNull(c) ? QByteArray("NULL") : rows->blob(c).toHex()) + '|';
            out += '\n';
        }
    }
    return out;
}

QByteArray TestSyncEngine::entityRows()
{
    auto rows = m_cache->database().queryText(QStringLiteral(
        "SELECT group_concat(key || '|' || coalesce(etag, '') || '|' || updated_at, ';') FROM entities"));
    return rows ? rows->toUtf8() : QByteArray("error");
}

int TestSyncEngine::liveCount()
{
    auto count = m_cache->database().queryInt(QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL"));
    return count ? int(count.value()) : -1;
}

bool TestSyncEngine::isLive(int i)
{
    auto count = m_cache->database().queryInt(
        QStringLiteral("SELECT count(*) FROM entities WHERE key = 'component:default/%1' AND removed_at IS NULL")
            .arg(name(i)));
    return count && count.value() == 1;
}

QList<QString> TestSyncEngine::keptKeys()
{
    QList<QString> keys;
    const QList<cairn::cache::KeptEntity> list
        = cairn::cache::KeptEntities(*m_cache).list(QStringLiteral("bs")).value();
    for (const cairn::cache::KeptEntity &kept : list)
        keys.append(kept.ref.key());
    return keys;
}

QString TestSyncEngine::lastRunStatus()
{
    auto runs = CatalogWriter(*m_cache).recentRuns(1);
    return runs && !runs->isEmpty() ? runs->first().status : QString();
}

void TestSyncEngine::firstSyncFetchesFullPages()
{
    fill(*m_server, 7);
    const SyncOutcome outcome = syncBackstage();
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.summary.added, 7);
    QCOMPARE(liveCount(), 7);
    // 7 entities at 3 a page: 3 full pages, no listing, no by-refs.
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(outcome.requests, 3);
    for (const RecordedRequest &request : m_server->requests()) {
        QVERIFY(request.path.endsWith(u"/entities/by-query"));
        QVERIFY(!request.query.hasQueryItem(QStringLiteral("fields")));
        QCOMPARE(request.header("Authorization"), "Bearer " + m_server->token());
    }
}

// Pages are checked on the thread pool while the page before is written: what each
// page's check refused is still said in the order of the pages, the last page included,
// and everything valid is written.
void TestSyncEngine::invalidEntitiesInPagesAreSkippedInOrder()
{
    fill(*m_server, 8);
    QJsonObject ownerless = spec();
    ownerless.remove(QStringLiteral("owner"));
    m_server->putEntity(QStringLiteral("Component"), name(1), ownerless); // the first page
    m_server->putEntity(QStringLiteral("Component"), name(7), ownerless); // the last
    const SyncOutcome outcome = syncBackstage();
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.summary.added, 6);
    QCOMPARE(liveCount(), 6);
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(outcome.problems.size(), 2);
    QCOMPARE(outcome.problems[0].ref, QStringLiteral("Component:default/") + name(1));
    QCOMPARE(outcome.problems[1].ref, QStringLiteral("Component:default/") + name(7));
    for (const cairn::sync::CatalogProblem &problem : outcome.problems)
        QVERIFY2(problem.message.contains(u"spec.owner"), qPrintable(problem.message));
}

void TestSyncEngine::serverTextIsStoredAsReceived()
{
    // A real catalog's key order (metadata first), not the sorted one Qt would write.
    static const QByteArray text = R"({"metadata":{"name":"ledger","namespace":"default","uid":"u-1","etag":"e-1"},)"
                                   R"("apiVersion":"backstage.io/v1alpha1","kind":"Component",)"
                                   R"("spec":{"type":"service","owner":"team-a","lifecycle":"production"}})";
    m_server->interceptor = [](const RecordedRequest &) -> std::optional<CannedReply> {
        return CannedReply::json(R"({"items":[)" + text + R"(],"totalItems":1,"pageInfo":{}})");
    };
    const SyncOutcome outcome = syncBackstage();
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.summary.added, 1);
    auto stored = m_cache->database().queryText(QStringLiteral(
        "SELECT document || ' ' || owner_key || ' ' || etag FROM entities WHERE key = 'component:default/ledger'"));
    QVERIFY2(stored.ok(), qPrintable(stored.errorString()));
    QCOMPARE(stored.value(), QString::fromUtf8(text) + QStringLiteral(" group:default/team-a e-1"));
}

void TestSyncEngine::relationStatedAtBothEndsIsStoredOnce()
{
    // As the catalog's stitcher gives them: ownedBy on the component, ownerOf on the group,
    // and the group's ownerOf of a component the catalog does not have.
    m_server->interceptor = [](const RecordedRequest &) -> std::optional<CannedReply> {
        return CannedReply::json(
            R"({"items":[{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"ledger",)"
            R"("namespace":"default","uid":"u-1","etag":"e-1"},"spec":{"type":"service","owner":"team-a",)"
            R"("lifecycle":"production"},"relations":[{"type":"ownedBy","targetRef":"group:default/team-a"}]},)"
            R"({"apiVersion":"backstage.io/v1alpha1","kind":"Group","metadata":{"name":"team-a","namespace":"default",)"
            R"("uid":"u-2","etag":"e-2"},"spec":{"type":"team","children":[]},"relations":[)"
            R"({"type":"ownerOf","targetRef":"component:default/ledger"},)"
            R"({"type":"ownerOf","targetRef":"component:default/elsewhere"}]}],"totalItems":2,"pageInfo":{}})");
    };
    const SyncOutcome outcome = syncBackstage();
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.summary.added, 2);
    auto stored = m_cache->database().queryText(QStringLiteral(
        "SELECT group_concat(type || ' ' || target_key, ', ') FROM (SELECT type, target_key FROM relations "
        "ORDER BY type, target_key)"));
    QVERIFY2(stored.ok(), qPrintable(stored.errorString()));
    QCOMPARE(stored.value(), QStringLiteral("ownedBy group:default/team-a, ownerOf component:default/elsewhere"));
    // Read from the group's end, the ledger is still owned by it.
    auto owned = m_cache->database().queryText(
        QStringLiteral("SELECT group_concat(target, ', ') FROM (SELECT DISTINCT target FROM v_relations "
                       "WHERE source = 'group:default/team-a' AND type = 'ownerOf' ORDER BY target)"));
    QVERIFY2(owned.ok(), qPrintable(owned.errorString()));
    QCOMPARE(owned.value(), QStringLiteral("component:default/elsewhere, component:default/ledger"));
}

void TestSyncEngine::unchangedCatalogTransfersOnlyTheListing()
{
    fill(*m_server, 7);
    QVERIFY(syncBackstage().ok);
    const QByteArray entitiesBefore = entityRows();
    m_server->clearRequests();

    const SyncOutcome second = syncBackstage();
    QVERIFY2(second.ok, qPrintable(second.error));
    QCOMPARE(second.summary.unchanged, 7);
    QCOMPARE(second.summary.added + second.summary.changed + second.summary.removed, 0);
    QCOMPARE(countRequests(m_server->requests(), QStringLiteral("/by-refs")), 0);
    QCOMPARE(m_server->requests().size(), 3); // the listing's 3 pages
    for (const RecordedRequest &request : m_server->requests())
        QCOMPARE(request.param(QStringLiteral("fields")),
            QStringLiteral("kind,metadata.namespace,metadata.name,metadata.uid,metadata.etag"));
    QCOMPARE(second.requests, 3);
    QVERIFY(!second.notModified); // a full listing, diffed

    // The listing's validator is now stored: the third run is answered with 304s.
    m_server->clearRequests();
    const SyncOutcome third = syncBackstage();
    QVERIFY2(third.ok, qPrintable(third.error));
    QCOMPARE(third.summary.unchanged, 7);
    QCOMPARE(m_server->statuses(), (QList<int> { 304, 304, 304 }));
    for (const RecordedRequest &request : m_server->requests())
        QVERIFY(request.hasHeader("If-None-Match"));
    QCOMPARE(third.requests, 3);
    QVERIFY(third.notModified);
    // Entities untouched by runs that changed nothing (only the source's state moved).
    QCOMPARE(entityRows(), entitiesBefore);
    QCOMPARE(liveCount(), 7);
}

void TestSyncEngine::changedAddedRemovedAreFetchedByRefs()
{
    fill(*m_server, 12); // one removal in 12 stays under the guard's 10 %
    QVERIFY(syncBackstage().ok);
    QVERIFY(syncBackstage().ok); // stores the listing validator
    m_server->putEntity(
        QStringLiteral("Component"), name(1), spec(QStringLiteral("website"), QStringLiteral("team-b")));
    m_server->putEntity(QStringLiteral("Component"), QStringLiteral("brand-new"), spec());
    QVERIFY(m_server->removeEntity(QStringLiteral("Component"), name(2)));
    m_server->clearRequests();

    const SyncOutcome outcome = syncBackstage();
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(!outcome.summary.held);
    QCOMPARE(outcome.summary.added, 1);
    QCOMPARE(outcome.summary.changed, 1);
    QCOMPARE(outcome.summary.removed, 1);
    QCOMPARE(outcome.summary.unchanged, 10);
    QCOMPARE(outcome.summary.removedRefs.first().key(), QStringLiteral("component:default/service-002"));
    QCOMPARE(outcome.summary.changedRefs.first().key(), QStringLiteral("component:default/service-001"));
    // Two refs fetched, in one batch of 2.
    const QList<RecordedRequest> &requests = m_server->requests();
    QCOMPARE(countRequests(requests, QStringLiteral("/by-refs")), 1);
    const RecordedRequest &byRefs = requests.last();
    const QJsonArray refs = QJsonDocument::fromJson(byRefs.body).object().value(u"entityRefs").toArray();
    QCOMPARE(refs.size(), 2);
    QCOMPARE(outcome.requests, int(requests.size()));
    auto type = m_cache->database().queryText(
        QStringLiteral("SELECT type || ' ' || owner_key FROM entities WHERE key = 'component:default/service-001'"));
    QVERIFY(type.ok());
    QCOMPARE(type.value(), QStringLiteral("website group:default/team-b"));
    auto removed = m_cache->database().queryInt(QStringLiteral(
        "SELECT count(*) FROM entities WHERE key = 'component:default/service-002' AND removed_at IS NOT NULL"));
    QCOMPARE(removed.value(), 1); // a tombstone, not a deletion
}

void TestSyncEngine::byRefsNullIsARemoval()
{
    fill(*m_server, 20);
    QVERIFY(syncBackstage().ok);
    m_server->putEntity(QStringLiteral("Component"), name(3), spec(QStringLiteral("library")));
    // Deleted between the listing and the fetch: the server answers null for it.
    FakeBackstageServer *server = m_server.get();
    server->interceptor = [server](const RecordedRequest &request) -> std::optional<CannedReply> {
        if (request.path.endsWith(u"/by-refs"))
            server->removeEntity(QStringLiteral("Component"), name(3));
        return std::nullopt;
    };
    const SyncOutcome outcome = syncBackstage();
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.summary.removed, 1);
    QCOMPARE(outcome.summary.changed, 0);
    QCOMPARE(outcome.summary.unchanged, 19);
    QCOMPARE(liveCount(), 19);
}

void TestSyncEngine::massRemovalIsHeldUntilAllowed()
{
    fill(*m_server, 10);
    QVERIFY(syncBackstage().ok);
    for (int i = 0; i < 6; ++i)
        QVERIFY(m_server->removeEntity(QStringLiteral("Component"), name(i)));
    const QByteArray before = dump();

    const SyncOutcome held = syncBackstage();
    QVERIFY2(held.ok, qPrintable(held.error));
    QVERIFY(held.summary.held);
    QCOMPARE(held.summary.removed, 6);
    QCOMPARE(dump(), before);
    QCOMPARE(liveCount(), 10);
    QCOMPARE(lastRunStatus(), QStringLiteral("held"));

    const SyncOutcome applied = syncBackstage(SyncOptions { true, false, 0.10 });
    QVERIFY2(applied.ok, qPrintable(applied.error));
    QVERIFY(!applied.summary.held);
    QCOMPARE(applied.summary.removed, 6);
    QVERIFY(!applied.summary.snapshotId.isEmpty()); // taken before the removals
    QCOMPARE(liveCount(), 4);
}

void TestSyncEngine::catalogThatReturnsNothingIsHeld()
{
    fill(*m_server, 5);
    QVERIFY(syncBackstage().ok);
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_server->removeEntity(QStringLiteral("Component"), name(i)));
    const QByteArray before = dump();
    const SyncOutcome held = syncBackstage();
    QVERIFY2(held.ok, qPrintable(held.error));
    QVERIFY(held.summary.held);
    QCOMPARE(held.summary.removed, 5);
    QCOMPARE(dump(), before);
    QCOMPARE(liveCount(), 5);
}

void TestSyncEngine::singleRemovalIsNotHeld()
{
    fill(*m_server, 20);
    QVERIFY(syncBackstage().ok);
    QVERIFY(m_server->removeEntity(QStringLiteral("Component"), name(7)));
    const SyncOutcome outcome = syncBackstage();
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(!outcome.summary.held);
    QCOMPARE(outcome.summary.removed, 1);
    QCOMPARE(liveCount(), 19);
}

// The person is shown the held list and applies it: the next run, with those removals
// confirmed, removes exactly them (after a snapshot) and brings the edits that came since.
void TestSyncEngine::confirmedRemovalsApplyExactlyWhatWasShown()
{
    fill(*m_server, 10);
    QVERIFY(syncBackstage().ok);
    for (int i = 0; i < 6; ++i)
        QVERIFY(m_server->removeEntity(QStringLiteral("Component"), name(i)));
    const SyncOutcome held = syncBackstage();
    QVERIFY2(held.ok, qPrintable(held.error));
    QVERIFY(held.summary.held);
    QVERIFY(!held.summary.upstreamChanged);
    QCOMPARE(held.errorKind, cairn::core::ErrorKind::Held);
    QCOMPARE(held.summary.liveBefore, 10);
    QCOMPARE(held.summary.removedRefs.size(), 6);

    m_server->putEntity(QStringLiteral("Component"), name(7), spec(QStringLiteral("website")));
    SyncOptions confirmed;
    confirmed.confirmedRemovals = held.summary.removedRefs;
    const SyncOutcome applied = syncBackstage(confirmed);
    QVERIFY2(applied.ok, qPrintable(applied.error));
    QVERIFY(!applied.summary.held);
    QVERIFY(!applied.summary.upstreamChanged);
    QCOMPARE(applied.errorKind, cairn::core::ErrorKind::Other);
    QCOMPARE(keysOf(applied.summary.removedRefs), keysOf(held.summary.removedRefs));
    QCOMPARE(applied.summary.changed, 1);
    QVERIFY(!applied.summary.snapshotId.isEmpty());
    QCOMPARE(liveCount(), 4);
    for (int i = 0; i < 6; ++i)
        QVERIFY(!isLive(i));
    QCOMPARE(lastRunStatus(), QStringLiteral("ok"));
}

// Upstream moved between the list and the confirmation: nothing is applied, and the run is
// held again with the new list, which the person can then confirm.
void TestSyncEngine::upstreamChangedSinceTheListIsHeldAgain()
{
    fill(*m_server, 10);
    QVERIFY(syncBackstage().ok);
    for (int i = 0; i < 6; ++i)
        QVERIFY(m_server->removeEntity(QStringLiteral("Component"), name(i)));
    const SyncOutcome held = syncBackstage();
    QVERIFY(held.summary.held);

    QVERIFY(m_server->removeEntity(QStringLiteral("Component"), name(6)));
    m_server->putEntity(QStringLiteral("Component"), name(8), spec(QStringLiteral("website")));
    const QByteArray before = dump();
    SyncOptions confirmed;
    confirmed.confirmedRemovals = held.summary.removedRefs;
    const SyncOutcome again = syncBackstage(confirmed);
    QVERIFY2(again.ok, qPrintable(again.error));
    QVERIFY(again.summary.held);
    QVERIFY(again.summary.upstreamChanged);
    QCOMPARE(again.errorKind, cairn::core::ErrorKind::Held);
    QCOMPARE(again.summary.removedRefs.size(), 7);
    QVERIFY(keysOf(again.summary.removedRefs).contains(QStringLiteral("component:default/service-006")));
    QCOMPARE(dump(), before); // the edit waits with the rest
    QCOMPARE(liveCount(), 10);
    QCOMPARE(lastRunStatus(), QStringLiteral("held"));

    confirmed.confirmedRemovals = again.summary.removedRefs;
    const SyncOutcome applied = syncBackstage(confirmed);
    QVERIFY2(applied.ok, qPrintable(applied.error));
    QVERIFY(!applied.summary.held);
    QCOMPARE(applied.summary.removed, 7);
    QCOMPARE(liveCount(), 3);
}

// "Keep my copy": later syncs bring additions and edits, the kept stay live, are never
// tombstoned, and do not count toward the guard.
void TestSyncEngine::keptEntitiesStayWhileLaterSyncsApply()
{
    fill(*m_server, 10);
    QVERIFY(syncBackstage().ok);
    for (int i = 0; i < 6; ++i)
        QVERIFY(m_server->removeEntity(QStringLiteral("Component"), name(i)));
    const SyncOutcome held = syncBackstage();
    QVERIFY(held.summary.held);
    QVERIFY(cairn::cache::KeptEntities(*m_cache).keep(QStringLiteral("bs"), held.summary.removedRefs));
    QCOMPARE(CatalogWriter(*m_cache).sources().value().first().keptEntities, 6);

    m_server->putEntity(QStringLiteral("Component"), name(7), spec(QStringLiteral("website")));
    m_server->putEntity(QStringLiteral("Component"), QStringLiteral("brand-new"), spec());
    const SyncOutcome next = syncBackstage();
    QVERIFY2(next.ok, qPrintable(next.error));
    QVERIFY(!next.summary.held);
    QCOMPARE(next.summary.added, 1);
    QCOMPARE(next.summary.changed, 1);
    QCOMPARE(next.summary.removed, 0);
    QCOMPARE(next.summary.keptByDecision, 6);
    QCOMPARE(liveCount(), 11);
    for (int i = 0; i < 6; ++i)
        QVERIFY(isLive(i));

    // Not counted by the guard: two more removals are 2 of the 5 entities the guard counts,
    // past a 25 % share (among all 11 live ones they would not be).
    QVERIFY(m_server->removeEntity(QStringLiteral("Component"), name(6)));
    QVERIFY(m_server->removeEntity(QStringLiteral("Component"), name(9)));
    SyncOptions quarter;
    quarter.maxRemovalShare = 0.25;
    const SyncOutcome guarded = syncBackstage(quarter);
    QVERIFY2(guarded.ok, qPrintable(guarded.error));
    QVERIFY(guarded.summary.held);
    QCOMPARE(guarded.summary.removed, 2);
    QCOMPARE(keysOf(guarded.summary.removedRefs),
        (QList<QString> {
            QStringLiteral("component:default/service-006"), QStringLiteral("component:default/service-009") }));
    QCOMPARE(keptKeys().size(), 6);
}

void TestSyncEngine::keptEntityBackUpstreamEndsItsDecision()
{
    fill(*m_server, 10);
    QVERIFY(syncBackstage().ok);
    for (int i = 0; i < 6; ++i)
        QVERIFY(m_server->removeEntity(QStringLiteral("Component"), name(i)));
    const SyncOutcome held = syncBackstage();
    QVERIFY(cairn::cache::KeptEntities(*m_cache).keep(QStringLiteral("bs"), held.summary.removedRefs));

    m_server->putEntity(QStringLiteral("Component"), name(2), spec(QStringLiteral("library")));
    const SyncOutcome back = syncBackstage();
    QVERIFY2(back.ok, qPrintable(back.error));
    QVERIFY(!back.summary.held);
    QCOMPARE(back.summary.keptReturned, 1);
    QCOMPARE(back.summary.keptByDecision, 5);
    QVERIFY(!keptKeys().contains(QStringLiteral("component:default/service-002")));
    QCOMPARE(keptKeys().size(), 5);
    QCOMPARE(CatalogWriter(*m_cache).sources().value().first().keptEntities, 5);
}

// A person who kept entities applies their removals later: the confirmation overrides the
// keep, and the decisions end.
void TestSyncEngine::confirmedRemovalOverridesKeep()
{
    fill(*m_server, 10);
    QVERIFY(syncBackstage().ok);
    for (int i = 0; i < 6; ++i)
        QVERIFY(m_server->removeEntity(QStringLiteral("Component"), name(i)));
    const SyncOutcome held = syncBackstage();
    QVERIFY(cairn::cache::KeptEntities(*m_cache).keep(QStringLiteral("bs"), held.summary.removedRefs));
    QVERIFY(!syncBackstage().summary.held);
    QCOMPARE(liveCount(), 10);

    QList<cairn::core::EntityRef> kept;
    const QList<cairn::cache::KeptEntity> list
        = cairn::cache::KeptEntities(*m_cache).list(QStringLiteral("bs")).value();
    for (const cairn::cache::KeptEntity &k : list)
        kept.append(k.ref);
    SyncOptions confirmed;
    confirmed.confirmedRemovals = kept;
    const SyncOutcome applied = syncBackstage(confirmed);
    QVERIFY2(applied.ok, qPrintable(applied.error));
    QVERIFY(!applied.summary.held);
    QCOMPARE(applied.summary.removed, 6);
    QVERIFY(!applied.summary.snapshotId.isEmpty());
    QCOMPARE(liveCount(), 4);
    QVERIFY(keptKeys().isEmpty());
    QCOMPARE(CatalogWriter(*m_cache).sources().value().first().keptEntities, 0);
}

void TestSyncEngine::serverErrorsThenSuccess()
{
    fill(*m_server, 4);
    m_server->failNext(2, 500);
    const SyncOutcome outcome = syncBackstage();
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(liveCount(), 4);
    QCOMPARE(m_server->statuses().mid(0, 3), (QList<int> { 500, 500, 200 }));
}

void TestSyncEngine::tooManyRequestsHonoursRetryAfter()
{
    fill(*m_server, 2);
    m_server->failNext(1, 429, "1");
    QElapsedTimer timer;
    timer.start();
    const SyncOutcome outcome = syncBackstage();
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(m_server->statuses().first(), 429);
    QCOMPARE(liveCount(), 2);
}

void TestSyncEngine::failuresLeaveTheCacheAsItWas_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("persistent 500") << QStringLiteral("500");
    QTest::newRow("truncated JSON") << QStringLiteral("truncate");
    QTest::newRow("body that is not JSON") << QStringLiteral("garbage");
    QTest::newRow("oversized response") << QStringLiteral("oversized");
    QTest::newRow("401 bad token") << QStringLiteral("401");
    QTest::newRow("silent server (idle timeout)") << QStringLiteral("silent");
}

void TestSyncEngine::failuresLeaveTheCacheAsItWas()
{
    QFETCH(QString, fault);
    fill(*m_server, 7);
    QVERIFY(syncBackstage().ok);
    m_server->putEntity(QStringLiteral("Component"), name(1), spec(QStringLiteral("website")));
    QVERIFY(m_server->removeEntity(QStringLiteral("Component"), name(2)));
    const QByteArray before = dump();

    // The fault hits the last request of the run (by-refs), after the listing went well.
    m_server->interceptor = [fault](const RecordedRequest &request) -> std::optional<CannedReply> {
        if (!request.path.endsWith(u"/by-refs"))
            return std::nullopt;
        CannedReply reply = CannedReply::json(QByteArray(R"({"items":[)") + QByteArray(4000, ' ') + "null]}");
        if (fault == u"500")
            reply.status = 500;
        else if (fault == u"401")
            reply.status = 401;
        else if (fault == u"truncate")
            reply.mode = CannedReply::Mode::Truncate;
        else if (fault == u"garbage")
            reply.body = "<html>proxy error</html>";
        else if (fault == u"silent")
            reply.mode = CannedReply::Mode::Silent;
        return reply;
    };
    if (fault == u"oversized")
        m_http.maxResponseBytes = 2000;
    m_http.idleTimeout = 500ms;
    m_http.initialBackoff = 10ms;
    const SyncOutcome outcome = syncBackstage();
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.error.isEmpty());
    QVERIFY2(outcome.error.contains(u"\"bs\""), qPrintable(outcome.error)); // names the source
    QVERIFY(!outcome.error.contains(QString::fromLatin1(m_server->token())));
    QCOMPARE(dump(), before);
    QCOMPARE(lastRunStatus(), QStringLiteral("failed"));
}

void TestSyncEngine::cancelDuringSlowServer()
{
    fill(*m_server, 7);
    QVERIFY(syncBackstage().ok);
    m_server->putEntity(QStringLiteral("Component"), name(1), spec(QStringLiteral("website")));
    const QByteArray before = dump();
    m_server->interceptor = [](const RecordedRequest &) -> std::optional<CannedReply> {
        CannedReply reply = CannedReply::json(QByteArray(2000, ' ') + R"({"items":[]})");
        reply.mode = CannedReply::Mode::Drip; // a byte stream slow enough never to end in time
        reply.dripIntervalMs = 50;
        return reply;
    };
    std::atomic<bool> cancel { false };
    QTimer::singleShot(300, this, [&cancel] { cancel.store(true); });
    QElapsedTimer timer;
    timer.start();
    m_http.idleTimeout = 10s;
    const SyncOutcome outcome = syncBackstage({}, &cancel);
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.cancelled);
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(dump(), before);
    QCOMPARE(lastRunStatus(), QStringLiteral("failed"));
}

void TestSyncEngine::redirectToAnotherHostCarriesNoToken()
{
    fill(*m_server, 3);
    QVERIFY(syncBackstage().ok);
    const QByteArray before = dump();
    // Another loopback address is another host.
    LoopbackHttpServer other;
    QVERIFY(other.start(QHostAddress(QStringLiteral("127.0.0.2"))));
    other.setHandler([](const RecordedRequest &request) {
        return CannedReply::json(request.hasHeader("Authorization") ? QByteArray(R"({"items":[]})")
                                                                    : QByteArray(R"({"error":"Missing credentials"})"),
            401);
    });
    const QUrl target = other.url(QStringLiteral("/api/catalog/entities/by-query"));
    m_server->interceptor = [target](const RecordedRequest &) -> std::optional<CannedReply> {
        CannedReply reply;
        reply.status = 302;
        reply.headers.append({ QByteArrayLiteral("Location"), target.toEncoded() });
        return reply;
    };
    const SyncOutcome outcome = syncBackstage();
    QVERIFY(!outcome.ok);
    QVERIFY(!other.requests().isEmpty()); // the redirect was followed...
    for (const RecordedRequest &request : other.requests())
        QVERIFY(!request.hasHeader("Authorization")); // ...without the token
    QCOMPARE(dump(), before);
}

void TestSyncEngine::selfSignedCertificateIsRefused()
{
    FakeBackstageServer tls;
    QVERIFY(tls.start(QHostAddress::LocalHost, true));
    fill(tls, 3);
    fill(*m_server, 3);
    QVERIFY(syncBackstage().ok); // something in the cache to keep
    const QByteArray before = dump();
    m_url = tls.baseUrl();
    QCOMPARE(m_url.scheme(), QStringLiteral("https"));
    const SyncOutcome outcome = syncBackstage();
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.contains(u"127.0.0.1"), qPrintable(outcome.error)); // names the host
    QVERIFY(tls.requests().isEmpty()); // the token never left
    QCOMPARE(dump(), before);

    // The same server with its certificate trusted works: the refusal was the certificate's.
    m_http.extraCaCertificates = QSslCertificate::fromData(LoopbackHttpServer::certificatePem());
    const SyncOutcome trusted = syncBackstage(SyncOptions { true, false, 0.10 });
    QVERIFY2(trusted.ok, qPrintable(trusted.error));
}

void TestSyncEngine::bundleNotModifiedKeepsEverything()
{
    LoopbackHttpServer server;
    QVERIFY(server.start());
    QByteArray body = "[";
    for (int i = 0; i < 5; ++i)
        body += (i ? "," : "")
            + QByteArray(R"({"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":")")
            + name(i).toLatin1() + R"("},"spec":{"type":"service","owner":"team-a","lifecycle":"production"}})";
    body += "]";
    server.setHandler([&body](const RecordedRequest &request) {
        if (request.isFresh("\"v1\"")) {
            CannedReply reply;
            reply.status = 304;
            return reply;
        }
        return CannedReply::json(body).withHeader("ETag", "\"v1\"");
    });
    const auto run = [&] {
        BundleSource source(BundleSource::Settings { QStringLiteral("bundle"),
            server.url(QStringLiteral("/org.json")).toString(), {}, cairn::sync::test::fastHttpOptions() });
        return SyncEngine(*m_cache).run(QStringLiteral("bundle"), QStringLiteral("bundle"),
            server.url(QStringLiteral("/org.json")).toString(), source, {});
    };
    const SyncOutcome first = run();
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.summary.added, 5);
    const SyncOutcome second = run();
    QVERIFY2(second.ok, qPrintable(second.error));
    QCOMPARE(server.requests().last().header("If-None-Match"), "\"v1\"");
    QVERIFY(!first.notModified);
    QVERIFY(second.notModified);
    QCOMPARE(second.summary.unchanged, 5);
    QCOMPARE(second.summary.removed, 0);
    QCOMPARE(liveCount(), 5);
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
