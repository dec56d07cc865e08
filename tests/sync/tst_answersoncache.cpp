// SPDX-License-Identifier: GPL-3.0-or-later
// The answers engine on the SQLite cache (cache::CatalogQuery) must say exactly what it says
// on MemoryCatalog. Three catalogs are imported into temp caches the way `cairn import` and
// `cairn sample` do it: our Backstage-format catalog (tests/data/backstage), the bundled
// sample organisation Fennel (":/sample") and the core tests' work fixture (goal cycles,
// rollups, look-alike titles). A MemoryCatalog is built from what the cache holds, so any
// difference is a difference between the two CatalogLookup implementations. Every entity's
// full answer and a set of questions are compared as JSON; then the answers a person would
// check are asserted on both backends (rows "memory" and "cache").

#include "cache/CatalogWriter.h"
#include "core/AnswerEngine.h"
#include "core/AnswerFormatter.h"
#include "core/AskEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

#include "../core/fixtures/AnswerFixtures.h"
#include "fixtures/CatalogPair.h"

using namespace cairn;
using namespace cairn::core;
using cairn::fixtures::CatalogPair;
using cairn::fixtures::firstDifference;
using cairn::fixtures::importFiles;
using cairn::fixtures::writeEntities;

class TestAnswersOnCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void cacheHoldsWhatWasImported();
    void sameAnswerForEveryEntity_data();
    void sameAnswerForEveryEntity();
    void sameAnswerToEveryQuestion_data();
    void sameAnswerToEveryQuestion();

    // The Backstage-format test catalog (tests/data/backstage), on both backends.
    void examplesWhoOwnsArtistLookup_data() { addBackends(); }
    void examplesWhoOwnsArtistLookup();
    void examplesApiConsumers_data() { addBackends(); }
    void examplesApiConsumers();
    void examplesMembersOfTeamA_data() { addBackends(); }
    void examplesMembersOfTeamA();
    void examplesUnresolvedOwnerIsShown_data() { addBackends(); }
    void examplesUnresolvedOwnerIsShown();
    void examplesAmbiguousNameListsCandidates_data() { addBackends(); }
    void examplesAmbiguousNameListsCandidates();
    void examplesEveryKindAnswers_data() { addBackends(); }
    void examplesEveryKindAnswers();

    // Fennel, the bundled sample, on both backends.
    void sampleEveryKindHasEverySection_data() { addBackends(); }
    void sampleEveryKindHasEverySection();
    void sampleSlippedProject_data() { addBackends(); }
    void sampleSlippedProject();
    void sampleStaleProject_data() { addBackends(); }
    void sampleStaleProject();
    void sampleGoalProgress_data() { addBackends(); }
    void sampleGoalProgress();
    void sampleProjectsAtRisk_data() { addBackends(); }
    void sampleProjectsAtRisk();
    void sampleGoalsOfTeam_data() { addBackends(); }
    void sampleGoalsOfTeam();
    void sampleFrenchQuestions_data() { addBackends(); }
    void sampleFrenchQuestions();
    void sampleAccentsAndTypos_data() { addBackends(); }
    void sampleAccentsAndTypos();
    void sampleTryCommands_data() { addBackends(); }
    void sampleTryCommands();

    // Statements are kept compiled between queries; none may keep a read transaction open.
    void queriesSeeLaterWrites();

    // The core fixture: rollup and goal cycles.
    void workRollupAndCycles_data() { addBackends(); }
    void workRollupAndCycles();

private:
    static void addBackends();
    const CatalogLookup &lookup(const CatalogPair &pair) const;
    AskResult ask(const CatalogPair &pair, const QString &question) const;
    Answer answer(const CatalogPair &pair, const QString &ref) const;

    QTemporaryDir m_dir;
    CatalogPair m_examples;
    CatalogPair m_sample;
    CatalogPair m_work;
    AnswerOptions m_sampleOptions;
    AnswerOptions m_workOptions;
};

namespace {

const QString ExamplesDir = QStringLiteral(CAIRN_TEST_DATA_DIR "/backstage");

EntityRef refOf(const QString &text)
{
    return EntityRef::parse(text).value();
}

QStringList names(const QList<EntitySummary> &list)
{
    QStringList out;
    for (const EntitySummary &s : list)
        out.append(s.ref.name());
    return out;
}

// team-a as tests/data/backstage/org/team-a.yaml has it: four users in default, and a second
// guest in the development namespace.
const QStringList &teamAMembers()
{
    static const QStringList refs { QStringLiteral("user:default/ada.moreau"), QStringLiteral("user:default/guest"),
        QStringLiteral("user:default/kofi.mensah"), QStringLiteral("user:default/lin.zhou"),
        QStringLiteral("user:development/guest") };
    return refs;
}

QStringList refs(const QList<EntitySummary> &list)
{
    QStringList out;
    for (const EntitySummary &s : list)
        out.append(s.ref.toString().toLower());
    return out;
}

QStringList sortedNames(const QList<EntitySummary> &list)
{
    QStringList out = names(list);
    out.sort();
    return out;
}

// Questions asked of both backends and compared whole (JSON).
const QStringList &exampleQuestions()
{
    static const QStringList q {
        QStringLiteral("who owns artist-lookup?"),
        QStringLiteral("qui possède artist-lookup ?"),
        QStringLiteral("who consumes the wayback-archive API?"),
        QStringLiteral("members of team-a"),
        QStringLiteral("who owns playback-order"),
        QStringLiteral("what is wayback-archive"),
        QStringLiteral("what is artst-lookup"),
        QStringLiteral("what does team-a own?"),
        QStringLiteral("pourquoi artist-lookup"),
        QStringLiteral("what does the wayback-search component depend on"),
        QStringLiteral("what depends on the wayback-archive component"),
        QStringLiteral("who is on team-b"),
        QStringLiteral("who is on team-c"),
        QStringLiteral("artist-lookup"),
        QStringLiteral("guest"),
        QStringLiteral("what is example-all"),
        QStringLiteral("who owns nothing-like-this-at-all"),
    };
    return q;
}

const QStringList &sampleQuestions()
{
    static const QStringList q {
        QStringLiteral("who owns checkout-service"),
        QStringLiteral("why one-page-checkout"),
        QStringLiteral("how is one-page-checkout going"),
        QStringLiteral("qui possède payment-gateway"),
        QStringLiteral("projects at risk"),
        QStringLiteral("projets à risque"),
        QStringLiteral("what depends on voucher-engine"),
        QStringLiteral("show group:storefront"),
        QStringLiteral("goals of data"),
        QStringLiteral("objectifs de fulfilment"),
        QStringLiteral("what does storefront own"),
        QStringLiteral("c'est quoi checkout-service"),
        QStringLiteral("pourquoi demand-forecasting-v2"),
        QStringLiteral("comment va demand-forecasting-v2"),
        QStringLiteral("who is amelie durand"),
        QStringLiteral("who is krzystof szczepanski"),
        QStringLiteral("who is kzrysztof szczepanski"),
        QStringLiteral("members of checkout"),
        QStringLiteral("how do I deploy checkout-service"),
        QStringLiteral("what does checkout-service depend on"),
        QStringLiteral("who owns image-resizer"),
        QStringLiteral("why profitable-growth-2027"),
    };
    return q;
}

const QStringList &workQuestions()
{
    static const QStringList q {
        QStringLiteral("who owns billing"),
        QStringLiteral("c'est quoi amelie poulain"),
        QStringLiteral("how is cloud savings going?"),
        QStringLiteral("goals of payments"),
        QStringLiteral("why loop-a"),
        QStringLiteral("projects at risk"),
        QStringLiteral("qui dépend de payments-db"),
        QStringLiteral("what is runway-9"),
    };
    return q;
}

} // namespace

void TestAnswersOnCache::addBackends()
{
    QTest::addColumn<bool>("onCache");
    QTest::newRow("memory") << false;
    QTest::newRow("cache") << true;
}

const CatalogLookup &TestAnswersOnCache::lookup(const CatalogPair &pair) const
{
    QFETCH(bool, onCache);
    return onCache ? static_cast<const CatalogLookup &>(*pair.query) : static_cast<const CatalogLookup &>(*pair.memory);
}

AskResult TestAnswersOnCache::ask(const CatalogPair &pair, const QString &question) const
{
    const AnswerOptions &options = &pair == &m_work ? m_workOptions : m_sampleOptions;
    Result<AskResult> r = AskEngine(lookup(pair), options).ask(question);
    if (!r)
        qFatal("%s: %s", qPrintable(question), qPrintable(r.errorString()));
    return r.value();
}

Answer TestAnswersOnCache::answer(const CatalogPair &pair, const QString &ref) const
{
    const AnswerOptions &options = &pair == &m_work ? m_workOptions : m_sampleOptions;
    Result<Answer> a = AnswerEngine(lookup(pair), options).answer(refOf(ref));
    if (!a)
        qFatal("%s: %s", qPrintable(ref), qPrintable(a.errorString()));
    return a.value();
}

void TestAnswersOnCache::initTestCase()
{
    Q_INIT_RESOURCE(cairn_sample);
    QVERIFY(m_dir.isValid());
    m_sampleOptions.today = QDate(2026, 11, 24); // "today" in the sample organisation
    m_workOptions.today = fixtures::kToday();
    QVERIFY(importFiles(m_examples, m_dir.filePath(QStringLiteral("examples.sqlite3")), QStringLiteral("examples"),
        { ExamplesDir + QStringLiteral("/all.yaml"), ExamplesDir + QStringLiteral("/org.yaml") }));
    QVERIFY(importFiles(m_sample, m_dir.filePath(QStringLiteral("sample.sqlite3")), QStringLiteral("sample"),
        { QStringLiteral(":/sample") }));
    QVERIFY(writeEntities(m_work, m_dir.filePath(QStringLiteral("work.sqlite3")), fixtures::workOrg()));
}

void TestAnswersOnCache::cacheHoldsWhatWasImported()
{
    QMap<QString, int> kinds;
    for (const EntityRef &r : std::as_const(m_examples.refs))
        kinds[r.kind().toLower()] += 1;
    for (const char *kind : { "component", "api", "resource", "system", "domain", "group", "user", "location" })
        QVERIFY2(kinds.value(QString::fromLatin1(kind)) > 0, kind);
    kinds.clear();
    for (const EntityRef &r : std::as_const(m_sample.refs))
        kinds[r.kind().toLower()] += 1;
    for (const char *kind : { "component", "api", "resource", "system", "domain", "group", "user", "project", "goal" })
        QVERIFY2(kinds.value(QString::fromLatin1(kind)) > 0, kind);
    QCOMPARE(m_sample.refs.size(), qsizetype(147));
    QCOMPARE(m_work.refs.size(), fixtures::workOrg().size());
}

void TestAnswersOnCache::sameAnswerForEveryEntity_data()
{
    QTest::addColumn<int>("catalog");
    QTest::newRow("examples") << 0;
    QTest::newRow("sample") << 1;
    QTest::newRow("work") << 2;
}

void TestAnswersOnCache::sameAnswerForEveryEntity()
{
    QFETCH(int, catalog);
    const CatalogPair &pair = catalog == 0 ? m_examples : catalog == 1 ? m_sample : m_work;
    const AnswerOptions &options = catalog == 2 ? m_workOptions : m_sampleOptions;
    const AnswerEngine onMemory(*pair.memory, options);
    const AnswerEngine onCache(*pair.query, options);
    QVERIFY(!pair.refs.isEmpty());
    for (const EntityRef &ref : pair.refs) {
        Result<Answer> m = onMemory.answer(ref);
        Result<Answer> c = onCache.answer(ref);
        QVERIFY2(m && c, qPrintable(ref.toString() + u' ' + m.errorString() + c.errorString()));
        const QString diff
            = firstDifference(AnswerFormatter::toJson(m.value()), AnswerFormatter::toJson(c.value()), ref.toString());
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("memory != cache at ") + diff));
    }
}

void TestAnswersOnCache::sameAnswerToEveryQuestion_data()
{
    QTest::addColumn<int>("catalog");
    QTest::addColumn<QString>("question");
    for (const QString &q : exampleQuestions())
        QTest::addRow("examples: %s", qPrintable(q)) << 0 << q;
    for (const QString &q : sampleQuestions())
        QTest::addRow("sample: %s", qPrintable(q)) << 1 << q;
    for (const QString &q : workQuestions())
        QTest::addRow("work: %s", qPrintable(q)) << 2 << q;
}

void TestAnswersOnCache::sameAnswerToEveryQuestion()
{
    QFETCH(int, catalog);
    QFETCH(QString, question);
    const CatalogPair &pair = catalog == 0 ? m_examples : catalog == 1 ? m_sample : m_work;
    const AnswerOptions &options = catalog == 2 ? m_workOptions : m_sampleOptions;
    Result<AskResult> m = AskEngine(*pair.memory, options).ask(question);
    Result<AskResult> c = AskEngine(*pair.query, options).ask(question);
    QVERIFY(m && c);
    QVERIFY2(m->outcome != AskOutcome::NotFound || question.contains(u"nothing-like"),
        qPrintable(question + QStringLiteral(" was not understood")));
    QJsonObject onMemory = AnswerFormatter::toJson(m.value());
    QJsonObject onCache = AnswerFormatter::toJson(c.value());
    if (m->outcome == AskOutcome::Search) {
        // Full-text search is where the two may differ by design: the cache also indexes the
        // owner's name and orders name/title prefixes first, then unranked FTS hits. Every hit
        // MemoryCatalog finds must be found on the cache too; the rest must be the same.
        const QJsonArray memoryHits = onMemory.take(QStringLiteral("hits")).toArray();
        const QJsonArray cacheHits = onCache.take(QStringLiteral("hits")).toArray();
        for (const QJsonValue hit : memoryHits)
            QVERIFY2(cacheHits.contains(hit), qPrintable(QString::fromUtf8(QJsonDocument(hit.toObject()).toJson())));
        QVERIFY(cacheHits.size() >= memoryHits.size());
    }
    const QString diff = firstDifference(onMemory, onCache, QStringLiteral("ask"));
    QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("memory != cache at ") + diff));
}

void TestAnswersOnCache::examplesWhoOwnsArtistLookup()
{
    for (const char *q :
        { "who owns artist-lookup?", "qui possède artist-lookup ?", "à qui appartient Artist-Lookup" }) {
        const AskResult r = ask(m_examples, QString::fromUtf8(q));
        QCOMPARE(r.outcome, AskOutcome::Answer);
        QCOMPARE(r.focus, AnswerFocus::Who);
        QVERIFY2(r.headline.contains(QStringLiteral("team-a")), qPrintable(r.headline));
        QVERIFY(r.answer->who.owner.has_value());
        const OwnerAnswer &owner = *r.answer->who.owner;
        QCOMPARE(owner.entity.ref, refOf(QStringLiteral("group:default/team-a")));
        QVERIFY(owner.entity.resolved);
        QCOMPARE(owner.entity.email, QStringLiteral("team-a@example.com"));
        QCOMPARE(refs(owner.members), teamAMembers());
    }
}

void TestAnswersOnCache::examplesApiConsumers()
{
    const AskResult r = ask(m_examples, QStringLiteral("who consumes the wayback-archive API?"));
    QCOMPARE(r.outcome, AskOutcome::Answer);
    QVERIFY(r.answer->entity.ref.isKind(u"api"));
    QCOMPARE(names(r.items), QStringList { QStringLiteral("wayback-search") });
    const Answer api = answer(m_examples, QStringLiteral("api:default/wayback-archive"));
    QCOMPARE(api.who.dependentCount, 1);
    QCOMPARE(api.who.dependents.first().relation, QStringLiteral("consumesApi"));
    QCOMPARE(names(api.how.providers), QStringList { QStringLiteral("wayback-archive") });
}

void TestAnswersOnCache::examplesMembersOfTeamA()
{
    const AskResult r = ask(m_examples, QStringLiteral("members of team-a"));
    QCOMPARE(r.outcome, AskOutcome::Answer);
    QCOMPARE(r.focus, AnswerFocus::Who);
    QCOMPARE(refs(r.items), teamAMembers());
    const Answer team = answer(m_examples, QStringLiteral("group:default/team-a"));
    QCOMPARE(team.who.parent->ref, refOf(QStringLiteral("group:default/backstage")));
    QVERIFY(team.who.ownsCount > 5);
    // team-c states its members itself (spec.members), its users say nothing: the same answer.
    QCOMPARE(refs(ask(m_examples, QStringLiteral("members of team-c")).items),
        (QStringList { QStringLiteral("user:default/ines.duarte"), QStringLiteral("user:default/olu.adeyemi"),
            QStringLiteral("user:default/tomas.novak") }));
}

void TestAnswersOnCache::examplesUnresolvedOwnerIsShown()
{
    const Answer a = answer(m_examples, QStringLiteral("component:default/playback-order"));
    QVERIFY(a.who.owner.has_value());
    QCOMPARE(a.who.owner->entity.ref, refOf(QStringLiteral("group:default/guest")));
    QVERIFY(!a.who.owner->entity.resolved);
    QVERIFY2(a.who.owner->note.contains(QStringLiteral("user:default/guest")), qPrintable(a.who.owner->note));
    const AskResult r = ask(m_examples, QStringLiteral("who owns playback-order"));
    QVERIFY2(r.headline.contains(QStringLiteral("group:default/guest")), qPrintable(r.headline));
    QVERIFY2(r.headline.contains(QStringLiteral("not in the catalog")), qPrintable(r.headline));
}

void TestAnswersOnCache::examplesAmbiguousNameListsCandidates()
{
    const AskResult r = ask(m_examples, QStringLiteral("what is wayback-archive"));
    QCOMPARE(r.outcome, AskOutcome::Candidates);
    QVERIFY(!r.answer.has_value());
    QStringList refs;
    for (const NameCandidate &c : r.candidates)
        refs.append(c.record.entity.ref().toString().toLower());
    refs.sort();
    QCOMPARE(refs,
        (QStringList {
            QStringLiteral("api:default/wayback-archive"), QStringLiteral("component:default/wayback-archive") }));
}

void TestAnswersOnCache::examplesEveryKindAnswers()
{
    const Answer system = answer(m_examples, QStringLiteral("system:default/artist-engagement-portal"));
    QVERIFY(!system.why.purpose.isEmpty());
    QCOMPARE(system.what.domain->ref, refOf(QStringLiteral("domain:default/artists")));
    const Answer domain = answer(m_examples, QStringLiteral("domain:default/artists"));
    QVERIFY(!domain.why.purpose.isEmpty());
    QVERIFY(!domain.how.links.isEmpty());
    const Answer resource = answer(m_examples, QStringLiteral("resource:default/artists-db"));
    QCOMPARE(resource.what.entity.type, QStringLiteral("database"));
    QCOMPARE(resource.who.owner->entity.ref, refOf(QStringLiteral("group:default/team-a")));
    const Answer user = answer(m_examples, QStringLiteral("user:default/guest"));
    QCOMPARE(names(user.who.groups), QStringList { QStringLiteral("team-a") });
    const Answer location = answer(m_examples, QStringLiteral("location:default/example-all"));
    QCOMPARE(location.what.entity.kind, QStringLiteral("Location"));
    const Answer component = answer(m_examples, QStringLiteral("component:default/artist-lookup"));
    QCOMPARE(component.why.nothingExplains, QStringLiteral("No goal is linked to this component"));
    QVERIFY(!component.how.links.isEmpty());
    QCOMPARE(component.what.system->ref, refOf(QStringLiteral("system:default/artist-engagement-portal")));
}

void TestAnswersOnCache::sampleEveryKindHasEverySection()
{
    // component: what, why through projects, who with dependents, how with links and APIs.
    const Answer c = answer(m_sample, QStringLiteral("component:default/checkout-service"));
    QVERIFY(c.what.description.contains(QStringLiteral("paid order")));
    QVERIFY(c.what.system.has_value() && c.what.system->resolved);
    QVERIFY(c.what.domain.has_value() && c.what.domain->resolved);
    QVERIFY(names(c.why.projects).contains(QStringLiteral("one-page-checkout")));
    QVERIFY(!c.why.goals.isEmpty());
    QVERIFY(c.who.owner && c.who.owner->entity.resolved && !c.who.owner->members.isEmpty());
    QVERIFY(!c.how.links.isEmpty());
    QVERIFY(names(c.how.dependsOn).contains(QStringLiteral("voucher-engine")));
    QVERIFY(!c.how.providesApis.isEmpty() || !c.how.consumesApis.isEmpty());

    // reverse relations: checkout-service depends on the deprecated voucher-engine.
    const Answer voucher = answer(m_sample, QStringLiteral("component:default/voucher-engine"));
    QVERIFY(voucher.who.dependentCount > 0);
    QVERIFY(std::any_of(voucher.who.dependents.cbegin(), voucher.who.dependents.cend(),
        [](const Dependent &d) { return d.entity.ref.name() == u"checkout-service" && d.relation == u"dependsOn"; }));

    // api: providers and consumers.
    const Answer api = answer(m_sample, QStringLiteral("api:default/catalogue-api"));
    QVERIFY(!api.how.providers.isEmpty());
    QVERIFY(api.who.owner && api.who.owner->entity.resolved);

    // resource, system, domain.
    const Answer db = answer(m_sample, QStringLiteral("resource:default/catalogue-db"));
    QVERIFY(db.who.owner && db.who.owner->entity.resolved);
    QVERIFY(db.who.dependentCount > 0);
    const Answer system = answer(m_sample, c.what.system->ref.toString());
    QVERIFY(!system.why.purpose.isEmpty());
    const Answer domain = answer(m_sample, c.what.domain->ref.toString());
    QVERIFY(!domain.why.purpose.isEmpty());

    // group and user.
    const Answer group = answer(m_sample, QStringLiteral("group:default/storefront"));
    QVERIFY(!group.who.members.isEmpty());
    QVERIFY(group.who.parent.has_value());
    QVERIFY(group.who.ownsCount > 0);
    const Answer user = answer(m_sample, QStringLiteral("user:default/amelie-durand"));
    QCOMPARE(user.what.entity.title, QStringLiteral("Amélie Durand"));
    QVERIFY(!user.who.groups.isEmpty());
    QVERIFY(user.who.ownsCount > 0); // owns the Café Club project

    // project: goals to the top, team, contributors, timeline, updates.
    const Answer p = answer(m_sample, QStringLiteral("project:default/one-page-checkout"));
    QCOMPARE(p.what.status, QStringLiteral("at-risk"));
    QCOMPARE(p.why.goals.size(), 1);
    QCOMPARE(p.why.goals.first().goal.ref.name(), QStringLiteral("grow-conversion"));
    QCOMPARE(names(p.why.goals.first().ancestors), QStringList { QStringLiteral("profitable-growth-2027") });
    QCOMPARE(p.who.team->ref.name(), QStringLiteral("checkout"));
    QCOMPARE(sortedNames(p.who.contributors),
        (QStringList {
            QStringLiteral("amina-haddad"), QStringLiteral("helene-mercier"), QStringLiteral("storefront") }));
    QCOMPARE(p.how.latestUpdates.size(), 3);
    QCOMPARE(p.how.latestUpdates.first().date, QDate(2026, 11, 20));

    // goal: chain, sub-goals, contributing projects.
    const Answer g = answer(m_sample, QStringLiteral("goal:default/grow-conversion"));
    QCOMPARE(names(g.why.subGoals), QStringList { QStringLiteral("better-search") });
    QVERIFY(names(g.why.projects).contains(QStringLiteral("one-page-checkout")));

    // unresolved owner in the sample, shown.
    const Answer orphan = answer(m_sample, QStringLiteral("component:default/image-resizer"));
    QVERIFY(orphan.who.owner.has_value());
    QVERIFY(!orphan.who.owner->entity.resolved);
}

void TestAnswersOnCache::sampleSlippedProject()
{
    const Answer p = answer(m_sample, QStringLiteral("project:default/one-page-checkout"));
    QVERIFY(p.how.timeline.has_value());
    QCOMPARE(p.how.timeline->slipText(), QStringLiteral("target moved 3 times, +45 days since first set"));
    const AskResult r = ask(m_sample, QStringLiteral("how is one-page-checkout going"));
    QCOMPARE(r.outcome, AskOutcome::Answer);
    QVERIFY2(r.headline.contains(QStringLiteral("at-risk")), qPrintable(r.headline));
    QVERIFY2(
        r.headline.contains(QStringLiteral("target moved 3 times, +45 days since first set")), qPrintable(r.headline));
}

void TestAnswersOnCache::sampleStaleProject()
{
    const Answer p = answer(m_sample, QStringLiteral("project:default/demand-forecasting-v2"));
    QVERIFY(p.how.timeline->stale);
    QCOMPARE(p.how.timeline->daysSinceUpdate, qint64(34));
    QVERIFY(!p.how.timeline->staleText().isEmpty());
    const Answer fresh = answer(m_sample, QStringLiteral("project:default/one-page-checkout"));
    QVERIFY(!fresh.how.timeline->stale);
}

void TestAnswersOnCache::sampleGoalProgress()
{
    const Answer top = answer(m_sample, QStringLiteral("goal:default/profitable-growth-2027"));
    QVERIFY(top.how.progress.has_value());
    QCOMPARE(top.how.progress->basis, ProgressBasis::Measured);
    QVERIFY(qAbs(*top.how.progress->fraction - 312.0 / 400.0) < 1e-9);
    const Answer done = answer(m_sample, QStringLiteral("goal:default/handhelds-everywhere"));
    QCOMPARE(*done.how.progress->fraction, 1.0);
}

void TestAnswersOnCache::sampleProjectsAtRisk()
{
    for (const char *q : { "projects at risk", "projets à risque ?", "which projects are at risk" }) {
        const AskResult r = ask(m_sample, QString::fromUtf8(q));
        QCOMPARE(r.outcome, AskOutcome::List);
        QCOMPARE(sortedNames(r.items),
            (QStringList { QStringLiteral("legacy-shop-retirement"), QStringLiteral("one-page-checkout"),
                QStringLiteral("psp-consolidation") }));
    }
}

void TestAnswersOnCache::sampleGoalsOfTeam()
{
    const AskResult r = ask(m_sample, QStringLiteral("goals of data"));
    QCOMPARE(r.outcome, AskOutcome::Answer); // the team is the answer, its goals the items
    QCOMPARE(r.answer->entity.ref, refOf(QStringLiteral("group:default/data")));
    QVERIFY2(names(r.items).contains(QStringLiteral("reduce-food-waste")), qPrintable(names(r.items).join(u',')));
    const AskResult fr = ask(m_sample, QStringLiteral("objectifs de fulfilment"));
    QCOMPARE(fr.question.language, QStringLiteral("fr"));
    QVERIFY(names(fr.items).contains(QStringLiteral("on-time-deliveries")));
}

void TestAnswersOnCache::sampleFrenchQuestions()
{
    const AskResult who = ask(m_sample, QStringLiteral("qui possède payment-gateway"));
    QCOMPARE(who.outcome, AskOutcome::Answer);
    QCOMPARE(who.question.language, QStringLiteral("fr"));
    QVERIFY(who.answer->who.owner && who.answer->who.owner->entity.resolved);
    const AskResult what = ask(m_sample, QStringLiteral("c'est quoi checkout-service"));
    QCOMPARE(what.focus, AnswerFocus::What);
    QCOMPARE(what.answer->entity.ref.name(), QStringLiteral("checkout-service"));
    const AskResult why = ask(m_sample, QStringLiteral("pourquoi one-page-checkout"));
    QCOMPARE(why.focus, AnswerFocus::Why);
    QVERIFY2(why.headline.contains(QStringLiteral("Grow checkout conversion")), qPrintable(why.headline));
    const AskResult how = ask(m_sample, QStringLiteral("comment va demand-forecasting-v2"));
    QCOMPARE(how.focus, AnswerFocus::How);
    QCOMPARE(how.answer->entity.ref.name(), QStringLiteral("demand-forecasting-v2"));
}

void TestAnswersOnCache::sampleAccentsAndTypos()
{
    for (const char *q : { "who is amelie durand", "c'est quoi AMÉLIE DURAND", "qui est Amelie Durand ?" }) {
        const AskResult r = ask(m_sample, QString::fromUtf8(q));
        QCOMPARE(r.outcome, AskOutcome::Answer);
        QCOMPARE(r.answer->entity.ref, refOf(QStringLiteral("user:default/amelie-durand")));
    }
    const AskResult typo = ask(m_sample, QStringLiteral("who is krzystof szczepanski"));
    QCOMPARE(typo.outcome, AskOutcome::Answer);
    QCOMPARE(typo.match, MatchKind::Typo);
    QCOMPARE(typo.answer->entity.ref, refOf(QStringLiteral("user:default/krzysztof-szczepanski")));
    QVERIFY(!typo.matchNote.isEmpty());
    // A typo in the first letters: the cache finds it through the other, intact word.
    const AskResult head = ask(m_sample, QStringLiteral("who is Kzrysztof Szczepański"));
    QCOMPARE(head.match, MatchKind::Typo);
    QCOMPARE(head.answer->entity.ref, refOf(QStringLiteral("user:default/krzysztof-szczepanski")));
    const AskResult name = ask(m_sample, QStringLiteral("what is chekout-service"));
    QCOMPARE(name.outcome, AskOutcome::Answer);
    QCOMPARE(name.answer->entity.ref.name(), QStringLiteral("checkout-service"));
}

void TestAnswersOnCache::sampleTryCommands()
{
    // The questions `cairn sample` suggests: each gets a real answer, not a search.
    const AskResult owner = ask(m_sample, QStringLiteral("who owns checkout-service"));
    QCOMPARE(owner.outcome, AskOutcome::Answer);
    QVERIFY(owner.answer->who.owner->entity.resolved);
    const AskResult why = ask(m_sample, QStringLiteral("why one-page-checkout"));
    QCOMPARE(why.outcome, AskOutcome::Answer);
    QVERIFY(!why.answer->why.goals.isEmpty());
    const AskResult dependents = ask(m_sample, QStringLiteral("what depends on voucher-engine"));
    QCOMPARE(dependents.outcome, AskOutcome::Answer);
    QVERIFY(names(dependents.items).contains(QStringLiteral("checkout-service")));
    const AskResult group = ask(m_sample, QStringLiteral("show group:storefront"));
    QCOMPARE(group.outcome, AskOutcome::Answer);
    QCOMPARE(group.answer->entity.ref, refOf(QStringLiteral("group:default/storefront")));
}

void TestAnswersOnCache::workRollupAndCycles()
{
    const Answer costs = answer(m_work, QStringLiteral("goal:default/cut-costs"));
    QCOMPARE(costs.how.progress->basis, ProgressBasis::Rollup);
    QCOMPARE(costs.how.progress->inputs, 2);
    QCOMPARE(costs.how.progress->excluded, 1);
    QCOMPARE(*costs.how.progress->fraction, 0.5);
    const Answer loop = answer(m_work, QStringLiteral("goal:default/loop-a"));
    QVERIFY(!loop.why.problems.isEmpty());
    QVERIFY(!loop.why.goals.first().cycle.isEmpty());
    const AskResult billing = ask(m_work, QStringLiteral("who owns billing"));
    QCOMPARE(billing.outcome, AskOutcome::Candidates);
    QCOMPARE(billing.candidates.size(), 2);
    const AskResult amelie = ask(m_work, QStringLiteral("c'est quoi amelie poulain"));
    QCOMPARE(amelie.answer->entity.ref.name(), QStringLiteral("amelie"));
}

void TestAnswersOnCache::queriesSeeLaterWrites()
{
    CatalogPair pair;
    const QString path = m_dir.filePath(QStringLiteral("later.sqlite3"));
    QVERIFY(writeEntities(pair, path, fixtures::workOrg()));
    // Stopped early: more rows matched than asked for, so the statement was left mid-step.
    QCOMPARE(pair.query->nameCandidates(u"l", 1)->size(), 1);
    QCOMPARE(pair.query->search(u"lo", 1)->size(), 1);

    // Another connection (a sync on its worker) commits a new entity...
    {
        core::Result<std::unique_ptr<cache::Cache>> writer = cache::Cache::open(path);
        QVERIFY(writer);
        cache::SourceRunInput input;
        input.sourceName = QStringLiteral("later");
        input.sourceKind = QStringLiteral("files");
        input.location = QStringLiteral("later");
        input.entities.append(SourcedEntity {
            fixtures::entitiesFromJson("[{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\","
                                       "\"metadata\":{\"name\":\"late-arrival\"},\"spec\":{\"owner\":\"payments\"}}]")
                .first(),
            {} });
        QVERIFY(cache::CatalogWriter(*writer.value()).applySourceRun(input));
    }
    // ...and this connection's next queries see it.
    const EntityRef late = refOf(QStringLiteral("component:default/late-arrival"));
    QVERIFY(pair.query->find(late)->has_value());
    QCOMPARE(pair.query->nameCandidates(u"late arrival", 5)->size(), 1);
    const AskResult r = AskEngine(*pair.query, m_workOptions).ask(QStringLiteral("who owns late-arrival")).value();
    QCOMPARE(r.outcome, AskOutcome::Answer);
    QCOMPARE(r.answer->who.owner->entity.ref, refOf(QStringLiteral("group:default/payments")));
}

QTEST_GUILESS_MAIN(TestAnswersOnCache)
#include "tst_answersoncache.moc"
