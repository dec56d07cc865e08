// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/MemoryCatalog.h"
#include "core/RelationType.h"

#include <QTest>

#include "fixtures/AnswerFixtures.h"

using namespace cairn::core;
using namespace cairn::fixtures;

class TestMemoryCatalog : public QObject
{
    Q_OBJECT

    static EntityRef ref(const char *text) { return EntityRef::parse(QString::fromUtf8(text)).value(); }

private Q_SLOTS:
    void findIsCaseInsensitive()
    {
        MemoryCatalog c(backstageExamples());
        QVERIFY(c.find(ref("Component:Default/Artist-Lookup")).value().has_value());
        QVERIFY(!c.find(ref("component:default/nope")).value().has_value());
    }

    void relationsBothWaysAndFiltered()
    {
        MemoryCatalog c(backstageExamples());
        const QList<Relation> owned = c.relationsFrom(ref("group:default/team-a"), relation::OwnerOf).value();
        QCOMPARE(owned.size(), 8);
        const QList<Relation> to = c.relationsTo(ref("group:default/team-a"), u"OWNEDBY").value();
        QCOMPARE(to.size(), 8);
        // The dangling owner stays visible.
        QCOMPARE(c.relationsTo(ref("group:default/guest"), relation::OwnedBy).value().size(), 1);
    }

    void entitiesOfKindByStatusSkipsRemoved()
    {
        MemoryCatalog c(workOrg());
        QCOMPARE(c.entitiesOfKind(u"project", { QStringLiteral("at-risk") }, 10).value().size(), 1);
        QCOMPARE(c.entitiesOfKind(u"Project", {}, 10).value().size(), 7);
        QCOMPARE(c.entitiesOfKind(u"project", {}, 2).value().size(), 2);
        for (const Entity &e : workOrg()) {
            if (e.name() == u"checkout-revamp")
                c.add(e, {}, QDateTime::currentDateTimeUtc());
        }
        QCOMPARE(c.entitiesOfKind(u"project", { QStringLiteral("at-risk") }, 10).value().size(), 0);
    }

    void nameCandidatesExactFirst()
    {
        MemoryCatalog c(backstageExamples());
        const QList<EntityRecord> r = c.nameCandidates(u"wayback", 10).value();
        QCOMPARE(r.size(), 4); // prefix of two components and two APIs
        const QList<EntityRecord> exact = c.nameCandidates(u"wayback search", 10).value();
        QCOMPARE(exact.first().entity.name(), QStringLiteral("wayback-search"));
        QCOMPARE(c.nameCandidates(u"wayback", 1).value().size(), 1);
    }

    void searchRanksNamesFirst()
    {
        MemoryCatalog c(backstageExamples());
        const QList<SearchHit> hits = c.search(u"artist", 10).value();
        QVERIFY(hits.size() >= 3);
        QVERIFY(hits.first().title.contains(QStringLiteral("artist"), Qt::CaseInsensitive));
        QVERIFY(c.search(u"zzzz", 10).value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMemoryCatalog)
#include "tst_memorycatalog.moc"
