// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/AnswerEngine.h"
#include "core/MemoryCatalog.h"

#include <QTest>

#include "fixtures/AnswerFixtures.h"

using namespace cairn::core;
using namespace cairn::fixtures;

namespace {

EntityRef ref(const char *text)
{
    return EntityRef::parse(QString::fromUtf8(text)).value();
}

QStringList names(const QList<EntitySummary> &list)
{
    QStringList out;
    for (const EntitySummary &s : list)
        out.append(s.ref.name());
    return out;
}

} // namespace

class TestAnswerEngine : public QObject
{
    Q_OBJECT

    std::unique_ptr<CatalogLookup> m_examples;
    std::unique_ptr<CatalogLookup> m_org;
    AnswerOptions m_options;

    Answer answer(const CatalogLookup &lookup, const char *text)
    {
        Result<Answer> a = AnswerEngine(lookup, m_options).answer(ref(text));
        if (!a)
            qFatal("no answer for %s: %s", text, qPrintable(a.errorString()));
        return a.value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_examples = makeCatalog(backstageExamples());
        m_org = makeCatalog(workOrg());
        m_options.today = kToday();
    }

    void whoOwnsArtistLookupIsTeamAWithMembers()
    {
        const Answer a = answer(*m_examples, "component:default/artist-lookup");
        QVERIFY(a.who.owner.has_value());
        QCOMPARE(a.who.owner->entity.ref, ref("group:default/team-a"));
        QVERIFY(a.who.owner->entity.resolved);
        QCOMPARE(a.who.owner->entity.email, QStringLiteral("team-a@example.com"));
        QCOMPARE(names(a.who.owner->members),
            (QStringList { QStringLiteral("breanna.davison"), QStringLiteral("guest"), QStringLiteral("janelle.dawe"),
                QStringLiteral("nigel.manning") }));
    }

    void whatOfArtistLookup()
    {
        const Answer a = answer(*m_examples, "component:default/artist-lookup");
        QCOMPARE(a.what.entity.kind, QStringLiteral("Component"));
        QCOMPARE(a.what.entity.type, QStringLiteral("service"));
        QCOMPARE(a.what.lifecycle, QStringLiteral("experimental"));
        QCOMPARE(a.what.description, QStringLiteral("Artist Lookup"));
        QCOMPARE(a.what.tags, (QStringList { QStringLiteral("java"), QStringLiteral("data") }));
        QVERIFY(a.what.system && a.what.system->resolved);
        QCOMPARE(a.what.system->ref, ref("system:default/artist-engagement-portal"));
        // The domain comes through the system.
        QVERIFY(a.what.domain && a.what.domain->resolved);
        QCOMPARE(a.what.domain->title, QStringLiteral("Artists"));
        QVERIFY(a.what.knownKind);
    }

    void componentWithoutGoalSaysSo()
    {
        const Answer a = answer(*m_examples, "component:default/artist-lookup");
        QVERIFY(a.why.goals.isEmpty());
        QCOMPARE(a.why.nothingExplains, QStringLiteral("No goal is linked to this component"));
    }

    void unresolvedOwnerIsShownNotHidden()
    {
        const Answer a = answer(*m_examples, "component:default/playback-order");
        QVERIFY(a.who.owner.has_value());
        QCOMPARE(a.who.owner->entity.ref, ref("group:default/guest"));
        QVERIFY(!a.who.owner->entity.resolved);
        QVERIFY2(a.who.owner->note.contains(QStringLiteral("user:default/guest")), qPrintable(a.who.owner->note));
    }

    void apiConsumersAndProviders()
    {
        const Answer a = answer(*m_examples, "api:default/wayback-archive");
        QCOMPARE(a.who.dependentCount, 1);
        QCOMPARE(a.who.dependents.first().entity.ref, ref("component:default/wayback-search"));
        QCOMPARE(a.who.dependents.first().relation, QStringLiteral("consumesApi"));
        QCOMPARE(names(a.how.providers), QStringList { QStringLiteral("wayback-archive") });
        QVERIFY(a.how.providers.first().ref.isKind(u"component"));
    }

    void componentApis()
    {
        const Answer a = answer(*m_examples, "component:default/wayback-search");
        QCOMPARE(a.how.providesApis.size(), 1);
        QCOMPARE(a.how.providesApis.first().ref, ref("api:default/wayback-search"));
        QCOMPARE(a.how.consumesApis.first().ref, ref("api:default/wayback-archive"));
    }

    void groupWho()
    {
        const Answer a = answer(*m_examples, "group:default/team-a");
        QCOMPARE(names(a.who.members).size(), 4);
        QVERIFY(a.who.parent && a.who.parent->resolved);
        QCOMPARE(a.who.parent->ref, ref("group:default/backstage"));
        // team-a owns every example but playback-order.
        QCOMPARE(a.who.ownsCount, 8);
        QVERIFY(!names(a.who.owns).contains(QStringLiteral("playback-order")));
        const Answer parent = answer(*m_examples, "group:default/backstage");
        QCOMPARE(names(parent.who.children), QStringList { QStringLiteral("team-a") });
    }

    void userWho()
    {
        const Answer a = answer(*m_examples, "user:default/janelle.dawe");
        QCOMPARE(a.entity.title, QStringLiteral("Janelle Dawe"));
        QCOMPARE(a.entity.email, QStringLiteral("janelle-dawe@example.com"));
        QCOMPARE(names(a.who.groups), QStringList { QStringLiteral("team-a") });
        QCOMPARE(a.who.ownsCount, 0);
        const Answer jdoe = answer(*m_org, "user:default/jdoe");
        QCOMPARE(names(jdoe.who.owns), QStringList { QStringLiteral("checkout-revamp") });
    }

    void systemAndDomainWhyIsTheirPurpose()
    {
        const Answer system = answer(*m_examples, "system:default/artist-engagement-portal");
        QCOMPARE(system.why.purpose, QStringLiteral("Everything related to artists"));
        QVERIFY(system.why.nothingExplains.isEmpty());
        const Answer domain = answer(*m_examples, "domain:default/artists");
        QCOMPARE(domain.why.purpose, QStringLiteral("Everything related to artists"));
        QCOMPARE(domain.how.links.size(), 2); // documentation (readme) and dashboard
    }

    void resourceAndLocationOfKinds()
    {
        const Answer db = answer(*m_examples, "resource:default/artists-db");
        QCOMPARE(db.what.entity.type, QStringLiteral("database"));
        QCOMPARE(db.who.owner->entity.ref, ref("group:default/team-a"));
        QCOMPARE(db.why.nothingExplains, QStringLiteral("No goal is linked to this resource"));
    }

    void projectWhyHasGoalChainsToTheTop()
    {
        const Answer a = answer(*m_org, "project:default/checkout-revamp");
        QCOMPARE(a.why.goals.size(), 1);
        QCOMPARE(a.why.goals.first().goal.ref, ref("goal:default/grow-conversion"));
        QCOMPARE(names(a.why.goals.first().ancestors), QStringList { QStringLiteral("revenue-2027") });
        QVERIFY(a.why.goals.first().cycle.isEmpty());
        QVERIFY(a.why.nothingExplains.isEmpty());
    }

    void projectWhoAndHow()
    {
        const Answer a = answer(*m_org, "project:default/checkout-revamp");
        QCOMPARE(a.who.owner->entity.ref, ref("user:default/jdoe"));
        QCOMPARE(names(a.who.owner->teams), QStringList { QStringLiteral("payments") });
        QCOMPARE(a.who.team->ref, ref("group:default/payments"));
        QCOMPARE(names(a.who.contributors), (QStringList { QStringLiteral("leadership"), QStringLiteral("amelie") }));
        QCOMPARE(a.what.description, QStringLiteral("Rebuild the **checkout**.")); // Markdown kept
        QCOMPARE(a.what.status, QStringLiteral("at-risk"));
        QVERIFY(a.how.timeline);
        QCOMPARE(a.how.timeline->slipText(), QStringLiteral("target moved once, +45 days since first set"));
        QCOMPARE(a.how.latestUpdates.size(), 2);
        QCOMPARE(a.how.latestUpdates.first().text, QStringLiteral("PSP delay")); // newest first
        QVERIFY(!a.how.health.has_value());
    }

    void componentWhyGoesThroughProjects()
    {
        const Answer a = answer(*m_org, "component:default/checkout-service");
        QCOMPARE(names(a.why.projects), QStringList { QStringLiteral("checkout-revamp") });
        QCOMPARE(a.why.goals.size(), 1);
        QCOMPARE(a.why.goals.first().goal.ref.name(), QStringLiteral("grow-conversion"));
        QCOMPARE(a.what.tier, QStringLiteral("1"));
        QCOMPARE(names(a.how.dependsOn), QStringList { QStringLiteral("payments-db") });
        const Answer db = answer(*m_org, "resource:default/payments-db");
        QCOMPARE(db.who.dependentCount, 1);
        QCOMPARE(db.who.dependents.first().relation, QStringLiteral("dependsOn"));
    }

    void goalWhy()
    {
        const Answer a = answer(*m_org, "goal:default/revenue-2027");
        QCOMPARE(
            names(a.why.subGoals), (QStringList { QStringLiteral("cut-costs"), QStringLiteral("grow-conversion") }));
        QVERIFY(a.why.goals.first().ancestors.isEmpty());
        const Answer cut = answer(*m_org, "goal:default/cut-costs");
        QCOMPARE(names(cut.why.projects),
            (QStringList {
                QStringLiteral("cloud-savings"), QStringLiteral("old-idea"), QStringLiteral("vendor-cleanup") }));
        QVERIFY(cut.how.progress && cut.how.progress->fraction);
    }

    void goalCycleIsReportedNotFollowed()
    {
        const Answer a = answer(*m_org, "project:default/loop-work");
        QCOMPARE(a.why.goals.size(), 1);
        const GoalChain &chain = a.why.goals.first();
        QCOMPARE(names(chain.ancestors), QStringList { QStringLiteral("loop-b") });
        QCOMPARE(chain.cycle.size(), 3);
        QCOMPARE(chain.cycle.first(), chain.cycle.last());
        QCOMPARE(a.why.problems.size(), 1);
        QVERIFY(a.why.problems.first().contains(QStringLiteral("loop")));
        const Answer goal = answer(*m_org, "goal:default/loop-a");
        QVERIFY(!goal.why.goals.first().cycle.isEmpty());
        QVERIFY(goal.how.progress.has_value()); // the rollup terminates too
    }

    void unknownKindIsShownRaw()
    {
        const Answer a = answer(*m_org, "runway:default/runway-9");
        QVERIFY(!a.what.knownKind);
        QCOMPARE(a.what.rawSpec.value(u"length").toInt(), 3200);
        QCOMPARE(a.who.owner->entity.ref, ref("group:default/payments"));
    }

    void missingEntityIsAnError()
    {
        Result<Answer> a = AnswerEngine(*m_examples).answer(ref("component:default/nope"));
        QVERIFY(!a.ok());
        QVERIFY(a.errorString().contains(QStringLiteral("component:default/nope")));
    }

    void removedEntityIsStillAnswered()
    {
        MemoryCatalog catalog(backstageExamples());
        QList<Entity> list = backstageExamples();
        catalog.add(list.first(), QStringLiteral("examples"), QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC));
        const Answer a = answer(catalog, "component:default/artist-lookup");
        QVERIFY(a.entity.removed);
        QVERIFY(a.removedAt.isValid());
        QCOMPARE(a.source, QStringLiteral("examples"));
    }

    void listsAreCappedButCountsExact()
    {
        AnswerOptions small = m_options;
        small.listLimit = 2;
        Result<Answer> a = AnswerEngine(*m_examples, small).answer(ref("group:default/team-a"));
        QVERIFY(a.ok());
        QCOMPARE(a->who.owns.size(), 2);
        QCOMPARE(a->who.ownsCount, 8);
    }
};

QTEST_GUILESS_MAIN(TestAnswerEngine)
#include "tst_answerengine.moc"
