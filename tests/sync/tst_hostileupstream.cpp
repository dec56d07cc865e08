// SPDX-License-Identifier: GPL-3.0-or-later
// A hostile or broken upstream (issue 17, label `reliability`): a Backstage catalog whose
// page holds deep nesting, huge strings, bytes that are not UTF-8, numbers where text
// belongs, an entity with a million relations, refs of the wrong kind or one entity twice.
// Each is rejected or bounded with a message that names the entity and what is wrong; a
// rejected document changes nothing it names (its last good version stays), and a page
// that cannot be read fails the whole run with the cache exactly as it was.
#include "cache/Cache.h"
#include "cache/Database.h"
#include "cache/Statement.h"
#include "sync/BackstageSource.h"
#include "sync/SyncEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "support/FakeBackstageServer.h"
#include "support/FastHttpOptions.h"

using cairn::cache::Cache;
using cairn::sync::BackstageSource;
using cairn::sync::SyncEngine;
using cairn::sync::SyncOptions;
using cairn::sync::SyncOutcome;
using cairn::sync::test::CannedReply;
using cairn::sync::test::FakeBackstageServer;
using cairn::sync::test::RecordedRequest;

namespace {

// A component as the catalog sends it; its etag follows its content, as the catalog's does.
QByteArray component(const QString &name, const QByteArray &description = "A good service",
    const QByteArray &owner = "\"team-a\"", const QByteArray &extra = {})
{
    QByteArray text = R"({"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":")" + name.toUtf8()
        + R"(","namespace":"default","uid":"uid-)" + name.toUtf8() + R"(","etag":"ETAG","description":")" + description
        + R"("},"spec":{"type":"service","lifecycle":"production","owner":)" + owner + R"(}, "relations": [)" + extra
        + "]}";
    return text.replace("ETAG", "e-" + QByteArray::number(qHash(text), 16));
}

// The six good entities every page carries, so that no run removes anything.
QList<QByteArray> goodItems()
{
    QList<QByteArray> items;
    for (int i = 0; i < 6; ++i)
        items.append(component(QStringLiteral("good-%1").arg(i)));
    return items;
}

QByteArray page(const QList<QByteArray> &items)
{
    QByteArray body = R"({"items":[)";
    for (qsizetype i = 0; i < items.size(); ++i)
        body += (i ? "," : "") + items.at(i);
    return body + R"(],"totalItems":)" + QByteArray::number(items.size()) + R"(,"pageInfo":{}})";
}

// POST /entities/by-refs: each asked ref's item (found by its name), else null.
QByteArray byRefs(const QList<QByteArray> &items, const QByteArray &request)
{
    QByteArray body = R"({"items":[)";
    const QJsonArray refs = QJsonDocument::fromJson(request).object().value(QStringLiteral("entityRefs")).toArray();
    for (qsizetype i = 0; i < refs.size(); ++i) {
        const QByteArray name = refs.at(i).toString().section(u'/', -1).toUtf8();
        QByteArray found = "null";
        for (const QByteArray &item : items) {
            if (item.contains(R"("name":")" + name + "\""))
                found = item;
        }
        body += (i ? "," : "") + found;
    }
    return body + "]}";
}

} // namespace

class TestHostileUpstream : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<FakeBackstageServer> m_server;
    QList<QByteArray> m_items; // the catalog: every listing and page holds them all

    SyncOutcome sync()
    {
        BackstageSource::Settings settings;
        settings.sourceName = QStringLiteral("bs");
        settings.baseUrl = m_server->baseUrl();
        settings.token = m_server->token();
        settings.http = cairn::sync::test::fastHttpOptions();
        BackstageSource source(settings);
        return SyncEngine(*m_cache).run(QStringLiteral("bs"), QStringLiteral("backstage"), settings.baseUrl.toString(),
            source, SyncOptions { false, false, 0.10 });
    }

    // Every table but the run log, row by row: "the cache as it was".
    QStringList dump()
    {
        QStringList out;
        cairn::cache::Database &db = m_cache->database();
        const QStringList tables
            = db.queryText(QStringLiteral("SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE "
                                          "type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('sync_runs', "
                                          "'sync_run_entities') ORDER BY name)"))
                  .value()
                  .split(u',');
        for (const QString &table : tables) {
            auto rows = db.prepare(QStringLiteral("SELECT * FROM \"%1\"").arg(table));
            while (rows && rows->step().value() == cairn::cache::Statement::Step::Row) {
                QString row = table;
                for (int c = 0; c < rows->columnCount(); ++c)
                    row += u'|'
                        + (rows->isNull(c) ? QStringLiteral("NULL") : QString::fromLatin1(rows->blob(c).toHex()));
                out.append(row);
            }
        }
        return out;
    }

    QString documentOf(const QString &name)
    {
        return m_cache->database()
            .queryText(QStringLiteral("SELECT coalesce(max(document), '') FROM entities WHERE name = '%1'").arg(name))
            .value();
    }

    // A run with `hostile` among the good items: it applies the good ones and rejects
    // `hostile`, naming it and saying `why`.
    void rejectedWithTheRest(const QByteArray &hostile, const QString &ref, const QString &why)
    {
        m_items = (goodItems() << hostile);
        const SyncOutcome outcome = sync();
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.summary.removed, 0);
        bool named = false;
        for (const auto &problem : outcome.problems)
            named = named || (problem.ref.compare(ref, Qt::CaseInsensitive) == 0 && problem.message.contains(why));
        QStringList said;
        for (const auto &problem : outcome.problems)
            said.append(problem.ref + QStringLiteral(": ") + problem.message.left(300));
        QVERIFY2(named, qPrintable(said.join(u'\n')));
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *var : { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
            qunsetenv(var);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_cache = std::move(Cache::open(m_dir->filePath(QStringLiteral("cache.sqlite3"))).value());
        m_server = std::make_unique<FakeBackstageServer>();
        QVERIFY(m_server->start());
        m_server->interceptor = [this](const RecordedRequest &request) -> std::optional<CannedReply> {
            if (request.path.endsWith(u"/entities/by-refs"))
                return CannedReply::json(byRefs(m_items, request.body));
            return CannedReply::json(page(m_items));
        };
        // The last good version of "victim", which a broken one must not replace.
        m_items = (goodItems() << component(QStringLiteral("victim")));
        const SyncOutcome first = sync();
        QVERIFY2(first.ok && first.summary.added == 7, qPrintable(first.error));
    }

    void cleanup()
    {
        m_cache.reset();
        m_server.reset();
        m_dir.reset();
    }

    void deepNestingIsRejected()
    {
        const int depth = 100'000;
        const QByteArray nested = QByteArray(depth, '[') + QByteArray(depth, ']');
        const QStringList before = dump();
        m_items = (goodItems() << component(QStringLiteral("victim"), "x", "\"team-a\"", {})
                                      .replace(R"("relations": [])", R"("relations": [], "x": )" + nested));
        const SyncOutcome outcome = sync();
        qInfo("%s", qPrintable(outcome.ok ? outcome.problems.value(0).message : outcome.error));
        if (outcome.ok) { // read, and the document refused by itself
            QVERIFY(!outcome.problems.isEmpty());
            QVERIFY(documentOf(QStringLiteral("victim")).contains(u"A good service"));
        } else { // the page refused: nothing of the run stays
            QVERIFY2(!outcome.error.isEmpty(), "failed without a message");
            QCOMPARE(dump(), before);
        }
    }

    void numbersWhereTextBelongs()
    {
        // A name that is a number: the listing cannot tell which entity it is, and a listing
        // with a hole would read as a removal, so the run stops and changes nothing.
        QByteArray numberName = component(QStringLiteral("victim"), "renamed");
        numberName.replace(R"("name":"victim")", R"("name":12345)");
        const QStringList before = dump();
        m_items = (goodItems() << numberName);
        const SyncOutcome outcome = sync();
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.contains(u"metadata.name"), qPrintable(outcome.error));
        QCOMPARE(dump(), before);

        // An owner that is a number: that document is refused, its last good version stays.
        rejectedWithTheRest(component(QStringLiteral("victim"), "A good service", "42"),
            QStringLiteral("component:default/victim"), QStringLiteral("spec.owner"));
        QVERIFY(documentOf(QStringLiteral("victim")).contains(u"\"owner\":\"team-a\""));
    }

    void bytesThatAreNotUtf8()
    {
        m_items = (goodItems() << component(QStringLiteral("victim"), "caf\xe9 \xff\xfe broken"));
        const SyncOutcome outcome = sync();
        // JSON must be UTF-8: either the page is refused whole, or the bytes are read as
        // U+FFFD and said; never stored as they came, never a crash.
        if (outcome.ok) {
            const QString stored = documentOf(QStringLiteral("victim"));
            QVERIFY2(stored.contains(u"caf") && !stored.contains(u"café"), qPrintable(stored.left(300)));
        } else {
            QVERIFY(!outcome.error.isEmpty());
            QVERIFY(documentOf(QStringLiteral("victim")).contains(u"A good service"));
        }
    }

    // An 8 MB description is a legal document: it is stored whole.
    void aHugeDescriptionIsKeptWhole()
    {
        const QByteArray huge(8 * 1024 * 1024, 'a');
        m_items = (goodItems() << component(QStringLiteral("victim"), huge));
        const SyncOutcome outcome = sync();
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.summary.changed, 1);
        QVERIFY(documentOf(QStringLiteral("victim")).size() > 8 * 1024 * 1024);
    }

    // More relations than any real entity has: refused with the count, the last good
    // version kept (a million rows would cost the cache and every answer about it).
    void tooManyRelationsOnOneEntity()
    {
        QByteArray relations;
        for (int i = 0; i <= 100'000; ++i)
            relations += (i ? "," : "") + QByteArray(R"({"type":"dependsOn","targetRef":"component:default/x-)")
                + QByteArray::number(i) + "\"}";
        rejectedWithTheRest(component(QStringLiteral("victim"), "many", "\"team-a\"", relations),
            QStringLiteral("component:default/victim"),
            QStringLiteral("holds 100001 entries; an entity may state at most 100000"));
        QVERIFY(documentOf(QStringLiteral("victim")).contains(u"A good service"));
    }

    // Backstage keeps a component owned by an API, so Cairn does too, and says it: only a
    // group or a user can own.
    void refsOfTheWrongKind()
    {
        m_items = (goodItems() << component(QStringLiteral("victim"), "owned by an API", "\"api:default/payments\"",
                       R"({"type":"ownedBy","targetRef":"api:default/payments"})"));
        const SyncOutcome outcome = sync();
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.summary.changed, 1);
        QCOMPARE(outcome.unresolved.size(), 1);
        QCOMPARE(outcome.unresolved.constFirst().entity.name(), QStringLiteral("victim"));
        QCOMPARE(outcome.unresolved.constFirst().target, QStringLiteral("api:default/payments"));
        QVERIFY(outcome.unresolved.constFirst().notAnOwner);
    }

    // One entity twice in a page: the first copy delivered is kept and the run says so.
    void oneEntityTwiceInAPage()
    {
        m_items = (goodItems() << component(QStringLiteral("victim"), "first")
                               << component(QStringLiteral("victim"), "second"));
        const SyncOutcome outcome = sync();
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY2(outcome.summary.conflicts.join(u'\n').contains(u"Component:default/victim was delivered twice"),
            qPrintable(outcome.summary.conflicts.join(u'\n')));
        const QString stored = documentOf(QStringLiteral("victim"));
        QVERIFY2(
            stored.contains(u"\"first\"") != stored.contains(u"\"second\""), qPrintable(stored)); // one copy, whole
    }
};

QTEST_GUILESS_MAIN(TestHostileUpstream)
#include "tst_hostileupstream.moc"
