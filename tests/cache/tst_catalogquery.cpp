// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"
#include "cache/CatalogQuery.h"
#include "cache/CatalogWriter.h"

#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

namespace {

core::EntityRef ref(const QString &text)
{
    return core::EntityRef::parse(text).value();
}

QStringList names(const QList<core::SearchHit> &hits)
{
    QStringList out;
    for (const core::SearchHit &h : hits)
        out.append(h.ref.name());
    return out;
}

} // namespace

class TestCatalogQuery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Cache> m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        m_cache = std::move(Cache::open(QStringLiteral(":memory:"))).value();
        CatalogWriter writer(*m_cache);
        QList<core::SourcedEntity> entities {
            test::component(QStringLiteral("payments-api"), QStringLiteral("team-a"),
                QJsonObject { { QStringLiteral("title"), QStringLiteral("Zahlungs Gateway") },
                    { QStringLiteral("description"), QStringLiteral("Moves the money") } }),
            test::component(QStringLiteral("checkout"), QStringLiteral("team-b"),
                QJsonObject { { QStringLiteral("title"), QStringLiteral("Payment checkout") },
                    { QStringLiteral("tags"), QJsonArray { QStringLiteral("frontend") } } }),
            test::component(QStringLiteral("ledger"), QStringLiteral("team-a"),
                QJsonObject { { QStringLiteral("description"), QStringLiteral("Double-entry payment records") } }),
            test::component(QStringLiteral("gone-soon")),
            test::group(QStringLiteral("team-a"), QStringLiteral("Équipe Paiements")),
            test::group(QStringLiteral("team-b"), QStringLiteral("Web")),
            test::entity(QStringLiteral("Project"), QStringLiteral("revamp"),
                QJsonObject { { QStringLiteral("owner"), QStringLiteral("team-a") },
                    { QStringLiteral("status"), QStringLiteral("at-risk") },
                    { QStringLiteral("startDate"), QStringLiteral("2026-09-01") },
                    { QStringLiteral("targetDate"), QStringLiteral("2027-01-15") },
                    { QStringLiteral("components"), QJsonArray { QStringLiteral("component:checkout") } } }),
            test::entity(QStringLiteral("Goal"), QStringLiteral("grow"),
                QJsonObject { { QStringLiteral("owner"), QStringLiteral("team-a") },
                    { QStringLiteral("status"), QStringLiteral("on-track") },
                    { QStringLiteral("progress"),
                        QJsonObject { { QStringLiteral("current"), 3.1 }, { QStringLiteral("target"), 4 } } } }),
        };
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), entities)));
        entities.removeAt(3);
        SourceRunInput again = test::run(QStringLiteral("files"), entities);
        again.allowRemovals = true;
        QVERIFY(writer.applySourceRun(again));
    }

    void detailsOfLiveAndRemoved()
    {
        CatalogQuery q(*m_cache);
        auto live = q.details(ref(QStringLiteral("component:default/CHECKOUT")));
        QVERIFY(live && live->has_value());
        QCOMPARE((*live)->record.entity.title(), QStringLiteral("Payment checkout"));
        QCOMPARE((*live)->record.source, QStringLiteral("files"));
        QVERIFY(!(*live)->record.isRemoved());
        QVERIFY((*live)->firstSeen.isValid());
        auto gone = q.details(ref(QStringLiteral("component:default/gone-soon")));
        QVERIFY(gone && gone->has_value());
        QVERIFY((*gone)->record.isRemoved());
        QCOMPARE((*gone)->record.entity.owner().key(), QStringLiteral("group:default/team-a"));
        auto none = q.find(ref(QStringLiteral("component:default/nope")));
        QVERIFY(none && !none->has_value());
    }

    void listFilters()
    {
        CatalogQuery q(*m_cache);
        auto all = q.list({});
        QVERIFY2(all, qPrintable(all.errorString()));
        QCOMPARE(all->size(), 7);
        QCOMPARE(all->first().entity.kind(), QStringLiteral("Component")); // ordered by kind, name
        QCOMPARE(all->first().entity.name(), QStringLiteral("checkout"));

        EntityFilter byOwner;
        byOwner.kind = QStringLiteral("COMPONENT");
        byOwner.owner = ref(QStringLiteral("group:default/team-a"));
        QCOMPARE(q.list(byOwner)->size(), 2);
        byOwner.includeRemoved = true;
        QCOMPARE(q.list(byOwner)->size(), 3);

        EntityFilter text;
        text.text = QStringLiteral("paym");
        auto hits = q.list(text);
        QCOMPARE(hits->size(), 3); // name, title, description
        text.limit = 1;
        text.offset = 1;
        QCOMPARE(q.list(text)->size(), 1);
    }

    void countsAndRemoved()
    {
        CatalogQuery q(*m_cache);
        auto counts = q.countsByKind();
        QCOMPARE(counts->value(QStringLiteral("component")), 3);
        QCOMPARE(counts->value(QStringLiteral("group")), 2);
        QCOMPARE(q.countsByKind(true)->value(QStringLiteral("component")), 4);
        auto removed = q.removed(QStringLiteral("Component"));
        QCOMPARE(removed->size(), 1);
        QCOMPARE(removed->first().record.entity.name(), QStringLiteral("gone-soon"));
        QCOMPARE(q.removed(QStringLiteral("group"))->size(), 0);
        auto check = q.check();
        QVERIFY(check && check->ok);
        QCOMPARE(check->removed, 1);
        QCOMPARE(check->liveByKind.value(QStringLiteral("project")), 1);
    }

    void relationsBothWays()
    {
        CatalogQuery q(*m_cache);
        auto owned = q.relationsFrom(ref(QStringLiteral("group:default/team-a")), u"ownerof");
        QVERIFY2(owned, qPrintable(owned.errorString()));
        QStringList targets;
        for (const core::Relation &r : *owned)
            targets.append(r.target.toString());
        targets.sort();
        // The tombstoned gone-soon no longer counts.
        QCOMPARE(targets,
            (QStringList { QStringLiteral("Component:default/ledger"), QStringLiteral("Component:default/payments-api"),
                QStringLiteral("Goal:default/grow"), QStringLiteral("Project:default/revamp") }));
        auto to = q.relationsTo(ref(QStringLiteral("component:default/checkout")));
        QVERIFY(to);
        bool workedOn = false;
        for (const core::Relation &r : *to)
            workedOn |= r.source.name() == u"revamp";
        QVERIFY(workedOn);
    }

    void searchPrefixesFirstThenFullText()
    {
        CatalogQuery q(*m_cache);
        auto hits = q.search(u"pay", 10);
        QVERIFY2(hits, qPrintable(hits.errorString()));
        QCOMPARE(names(*hits).first(), QStringLiteral("payments-api")); // name prefix first
        QCOMPARE(names(*hits).at(1), QStringLiteral("checkout")); // then title prefix
        QVERIFY(names(*hits).contains(QStringLiteral("ledger"))); // then description
        QCOMPARE(hits->first().kind, QStringLiteral("Component"));
        QCOMPARE(hits->first().owner.key(), QStringLiteral("group:default/team-a"));
        QCOMPARE(hits->at(1).title, QStringLiteral("Payment checkout"));

        QCOMPARE(names(*q.search(u"frontend", 10)), QStringList { QStringLiteral("checkout") }); // tags
        QCOMPARE(names(*q.search(u"money", 10)), QStringList { QStringLiteral("payments-api") }); // description
        QVERIFY(names(*q.search(u"paiements", 10)).contains(QStringLiteral("ledger"))); // owner's name
        QVERIFY(names(*q.search(u"equipe", 10)).contains(QStringLiteral("team-a"))); // accents folded
        QCOMPARE(q.search(u"gone", 10)->size(), 0); // tombstoned
        QCOMPARE(q.search(u"p", 2)->size(), 2); // bounded
    }

    void lookupForAnswers()
    {
        CatalogQuery q(*m_cache);
        auto candidates = q.nameCandidates(u"Payments API", 10);
        QVERIFY(candidates && !candidates->isEmpty());
        QCOMPARE(candidates->first().entity.name(), QStringLiteral("payments-api"));
        auto projects = q.entitiesOfKind(u"project", { QStringLiteral("at-risk"), QStringLiteral("off-track") }, 10);
        QCOMPARE(projects->size(), 1);
        QCOMPARE(q.entitiesOfKind(u"project", { QStringLiteral("done") }, 10)->size(), 0);
        QCOMPARE(q.entitiesOfKind(u"Goal", {}, 10)->size(), 1);
    }

    void anExactNameLeavesOutLongerNamesThatShareItsStart()
    {
        auto cache = std::move(Cache::open(QStringLiteral(":memory:"))).value();
        QVERIFY(CatalogWriter(*cache).applySourceRun(test::run(QStringLiteral("files"),
            { test::component(QStringLiteral("ledger-archive")), test::component(QStringLiteral("ledger")),
                test::component(QStringLiteral("ledger-sync")),
                test::group(QStringLiteral("finance"), QStringLiteral("Ledger")) })));
        const auto namesOf = [](const QList<core::EntityRecord> &records) {
            QStringList out;
            for (const core::EntityRecord &r : records)
                out.append(r.entity.ref().key());
            out.sort();
            return out;
        };
        CatalogQuery q(*cache);
        // Equal by name or by title: a longer name cannot be the answer, so it is not read.
        QCOMPARE(namesOf(q.nameCandidates(u"Ledger", 10).value()),
            (QStringList { QStringLiteral("component:default/ledger"), QStringLiteral("group:default/finance") }));
        // No equal one: every name that starts so is a candidate.
        QCOMPARE(namesOf(q.nameCandidates(u"ledg", 10).value()),
            (QStringList { QStringLiteral("component:default/ledger"),
                QStringLiteral("component:default/ledger-archive"), QStringLiteral("component:default/ledger-sync"),
                QStringLiteral("group:default/finance") }));
    }

    void viewsAreQueryable()
    {
        Database &db = m_cache->database();
        QCOMPARE(db.queryText(QStringLiteral("SELECT tags FROM v_components WHERE name='checkout'")).value(),
            QStringLiteral("frontend"));
        QCOMPARE(db.queryText(QStringLiteral("SELECT display_name || ' ' || email FROM v_groups WHERE name='team-a'"))
                     .value(),
            QStringLiteral("Équipe Paiements team-a@example.com"));
        QCOMPARE(db.queryText(QStringLiteral("SELECT status || ' ' || target_date FROM v_projects")).value(),
            QStringLiteral("at-risk 2027-01-15"));
        QCOMPARE(db.queryText(QStringLiteral("SELECT progress_current || '/' || progress_target FROM v_goals")).value(),
            QStringLiteral("3.1/4"));
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM v_removed")).value(), 1);
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM v_sync_runs WHERE status='ok'")).value(), 2);
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM v_entities")).value(), 7);
        for (const char *view : { "v_apis", "v_resources", "v_systems", "v_domains", "v_users" })
            QVERIFY(db.queryInt(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1StringView(view))));
    }
};

QTEST_GUILESS_MAIN(TestCatalogQuery)
#include "tst_catalogquery.moc"
