// SPDX-License-Identifier: GPL-3.0-or-later
// Scorecards judged one criterion at a time: each check type passing and failing with the
// evidence a person is shown, the weights into a score, the score into a band and a level,
// and the risk through dependencies (cycles included).

#include "core/DependencyRisk.h"
#include "core/HealthWords.h"
#include "core/ScorecardEvaluator.h"
#include "core/ScorecardJson.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace cairn::core;
using namespace Qt::StringLiterals;

namespace {

const QDate Today(2026, 11, 24);

class FakeFacts : public HealthFacts
{
public:
    QHash<QString, Other> liveEntities;
    QHash<QString, QStringList> deps;

    std::optional<Other> live(const QString &key) const override
    {
        const auto it = liveEntities.constFind(key);
        return it == liveEntities.constEnd() ? std::nullopt : std::optional(*it);
    }
    QStringList dependencies(const HealthSubject &entity) const override { return deps.value(entity.ref().key()); }
};

// The document's metadata and spec, written with ' for " so the tests read as JSON does.
HealthSubject component(QByteArray metadataAndSpec)
{
    const QByteArray json = "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\","
        + metadataAndSpec.replace('\'', '"') + "}";
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    Q_ASSERT_X(error.error == QJsonParseError::NoError, "component", qPrintable(error.errorString()));
    return HealthSubject::of(Entity(document.object()));
}

Criterion criterion(CriterionType type, int weight = 100)
{
    Criterion c;
    c.id = QStringLiteral("c");
    c.name = QStringLiteral("C");
    c.weight = weight;
    c.type = type;
    return c;
}

Scorecard card(QList<Criterion> criteria)
{
    Scorecard s;
    s.id = QStringLiteral("test");
    s.name = QStringLiteral("Test");
    s.criteria = std::move(criteria);
    return s;
}

CriterionResult judge(const Criterion &c, const HealthSubject &entity, const FakeFacts &facts = {})
{
    const ScorecardResult r = ScorecardEvaluator(Today).evaluate(card({ c }), entity, facts);
    return r.criteria.constFirst();
}

// The results as the cache stores them and reads them back: JSON text, parsed.
QJsonArray stored(const ScorecardResult &r)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(ScorecardJson::resultsToJson(r), &error);
    Q_ASSERT_X(error.error == QJsonParseError::NoError, "stored", qPrintable(error.errorString()));
    return document.array();
}

} // namespace

class TestScorecardEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ownerMustResolve()
    {
        FakeFacts facts;
        const HealthSubject e = component("'metadata':{'name':'a'},'spec':{'owner':'payments'}");
        CriterionResult r = judge(criterion(CriterionType::OwnerResolves), e, facts);
        QVERIFY(!r.passed);
        QCOMPARE(r.evidence.finding, Finding::Unresolved);
        QCOMPARE(r.evidence.seen, QStringLiteral("group:default/payments"));
        QCOMPARE(HealthWords::evidence(r.evidence),
            QStringLiteral("spec.owner names group:default/payments, which is not in the catalog"));

        facts.liveEntities.insert(QStringLiteral("group:default/payments"), { QStringLiteral("group"), {} });
        r = judge(criterion(CriterionType::OwnerResolves), e, facts);
        QVERIFY(r.passed);
        QCOMPARE(r.evidence.finding, Finding::Found);

        r = judge(criterion(CriterionType::OwnerResolves), component("'metadata':{'name':'a'},'spec':{}"), facts);
        QVERIFY(!r.passed);
        QCOMPARE(HealthWords::evidence(r.evidence), QStringLiteral("spec.owner is missing"));
    }

    void ownerReadIsRecorded()
    {
        // What the health read is what makes the cache evaluate it again when that changes.
        QStringList reads;
        Scorecard s = card({ criterion(CriterionType::OwnerResolves) });
        ScorecardEvaluator(Today).evaluate(
            s, component("'metadata':{'name':'a'},'spec':{'owner':'user:bo'}"), FakeFacts(), &reads);
        QCOMPARE(reads, QStringList { QStringLiteral("user:default/bo") });
    }

    void descriptionMustNotBeBlank()
    {
        QVERIFY(!judge(criterion(CriterionType::HasDescription),
            component("'metadata':{'name':'a','description':'   '},'spec':{}"))
                     .passed);
        QVERIFY(judge(criterion(CriterionType::HasDescription),
            component("'metadata':{'name':'a','description':'Does things'},'spec':{}"))
                    .passed);
    }

    void linkByTypeIconTitleOrAnnotation_data()
    {
        QTest::addColumn<QByteArray>("metadata");
        QTest::addColumn<bool>("passes");
        QTest::newRow("type") << QByteArray("{'name':'a','links':[{'url':'https://x/r','type':'runbook'}]}") << true;
        QTest::newRow("title") << QByteArray("{'name':'a','links':[{'url':'https://x/r','title':'Runbook'}]}") << true;
        QTest::newRow("other link") << QByteArray("{'name':'a','links':[{'url':'https://x/d','type':'dashboard'}]}")
                                    << false;
        QTest::newRow("none") << QByteArray("{'name':'a'}") << false;
    }
    void linkByTypeIconTitleOrAnnotation()
    {
        QFETCH(QByteArray, metadata);
        QFETCH(bool, passes);
        Criterion c = criterion(CriterionType::HasLink);
        c.link = LinkCategory::Runbook;
        const CriterionResult r = judge(c, component("\"metadata\":" + metadata + ",\"spec\":{}"));
        QCOMPARE(r.passed, passes);
        if (!passes)
            QCOMPARE(HealthWords::evidence(r.evidence),
                QStringLiteral("no runbook link, in metadata.links or a well-known annotation"));
    }

    void repositoryFromSourceLocationAnnotation()
    {
        Criterion c = criterion(CriterionType::HasLink);
        c.link = LinkCategory::Repository;
        const CriterionResult r = judge(c,
            component("'metadata':{'name':'a','annotations':{'backstage.io/source-location':'url:https://git/"
                      "x'}},'spec':{}"));
        QVERIFY(r.passed);
    }

    void onCallMustNameALiveUserOrGroup()
    {
        FakeFacts facts;
        Criterion c = criterion(CriterionType::OnCallResolves);
        const HealthSubject e
            = component("'metadata':{'name':'a','annotations':{'cairn.dev/on-call':'ana'}},'spec':{}");
        QVERIFY(!judge(c, e, facts).passed);
        facts.liveEntities.insert(QStringLiteral("user:default/ana"), { QStringLiteral("user"), {} });
        QVERIFY(judge(c, e, facts).passed);
        // A component of that name is not someone to call.
        facts.liveEntities.clear();
        facts.liveEntities.insert(QStringLiteral("component:default/ana"), { QStringLiteral("component"), {} });
        const HealthSubject named
            = component("'metadata':{'name':'a','annotations':{'cairn.dev/on-call':'component:ana'}},'spec':{}");
        QVERIFY(!judge(c, named, facts).passed);
    }

    void lifecycleSetAndNotDeprecated()
    {
        const Criterion c = criterion(CriterionType::LifecycleActive);
        QVERIFY(judge(c, component("'metadata':{'name':'a'},'spec':{'lifecycle':'production'}")).passed);
        const CriterionResult deprecated
            = judge(c, component("'metadata':{'name':'a'},'spec':{'lifecycle':'Deprecated'}"));
        QVERIFY(!deprecated.passed);
        QCOMPARE(deprecated.evidence.finding, Finding::Deprecated);
        QVERIFY(!judge(c, component("'metadata':{'name':'a'},'spec':{}")).passed);
    }

    void dependenciesExistAndAreNotDeprecated()
    {
        FakeFacts facts;
        const QString self = QStringLiteral("component:default/a");
        facts.deps.insert(self, { QStringLiteral("component:default/b"), QStringLiteral("resource:default/db") });
        facts.liveEntities.insert(
            QStringLiteral("component:default/b"), { QStringLiteral("component"), QStringLiteral("production") });
        const HealthSubject e = component("'metadata':{'name':'a'},'spec':{}");
        const Criterion c = criterion(CriterionType::DependenciesHealthy);
        CriterionResult r = judge(c, e, facts);
        QVERIFY(!r.passed);
        QCOMPARE(r.evidence.finding, Finding::DependencyMissing);
        QCOMPARE(
            HealthWords::evidence(r.evidence), QStringLiteral("depends on resource:default/db, not in the catalog"));

        facts.liveEntities.insert(
            QStringLiteral("resource:default/db"), { QStringLiteral("resource"), QStringLiteral("deprecated") });
        r = judge(c, e, facts);
        QVERIFY(!r.passed);
        QCOMPARE(HealthWords::evidence(r.evidence), QStringLiteral("depends on deprecated resource:default/db"));

        facts.liveEntities[QStringLiteral("resource:default/db")].lifecycle = QStringLiteral("production");
        r = judge(c, e, facts);
        QVERIFY(r.passed);
        QCOMPARE(HealthWords::evidence(r.evidence),
            QStringLiteral("2 dependencies, all in the catalog and none deprecated"));
    }

    void annotationChecks_data()
    {
        QTest::addColumn<int>("check");
        QTest::addColumn<QString>("value");
        QTest::addColumn<double>("number");
        QTest::addColumn<QString>("annotation");
        QTest::addColumn<bool>("passes");
        QTest::addColumn<QString>("evidence");
        const int atMost = int(AnnotationCheck::AtMost);
        const int atLeast = int(AnnotationCheck::AtLeast);
        const int age = int(AnnotationCheck::AgeAtMostDays);
        const int equals = int(AnnotationCheck::Equals);
        const int present = int(AnnotationCheck::Present);
        QTest::newRow("at most, met") << atMost << QString() << 0.0 << u"0"_s << true << u"x is 0 (limit 0)"_s;
        QTest::newRow("at most, over") << atMost << QString() << 0.0 << u"3"_s << false
                                       << u"x is 3, above the maximum of 0"_s;
        QTest::newRow("at least, under") << atLeast << QString() << 70.0 << u"52"_s << false
                                         << u"x is 52, below the minimum of 70"_s;
        QTest::newRow("at least, decimal")
            << atLeast << QString() << 99.9 << u"99.95"_s << true << u"x is 99.95 (limit 99.9)"_s;
        QTest::newRow("not a number") << atLeast << QString() << 70.0 << u"lots"_s << false
                                      << u"x is \u201clots\u201d, which is not a number or date"_s;
        QTest::newRow("recent") << age << QString() << 30.0 << u"2026-11-23"_s << true
                                << u"x is 2026-11-23 (limit 30)"_s;
        QTest::newRow("date-time") << age << QString() << 30.0 << u"2026-11-01T10:00:00Z"_s << true
                                   << u"x is 2026-11-01T10:00:00Z (limit 30)"_s;
        QTest::newRow("old") << age << QString() << 30.0 << u"2026-06-11"_s << false
                             << u"x is 2026-06-11, more than 30 days ago"_s;
        QTest::newRow("future") << age << QString() << 30.0 << u"2027-01-01"_s << false
                                << u"x is 2027-01-01, after today (2026-11-24)"_s;
        QTest::newRow("equals") << equals << u"Tier-1"_s << 0.0 << u"tier-1"_s << true << u"x is tier-1"_s;
        QTest::newRow("differs") << equals << u"tier-1"_s << 0.0 << u"tier-2"_s << false
                                 << u"x is \u201ctier-2\u201d, not \u201ctier-1\u201d"_s;
        QTest::newRow("present") << present << QString() << 0.0 << u"yes"_s << true << u"x is yes"_s;
        QTest::newRow("missing") << present << QString() << 0.0 << u""_s << false << u"x is missing"_s;
    }
    void annotationChecks()
    {
        QFETCH(int, check);
        QFETCH(QString, value);
        QFETCH(double, number);
        QFETCH(QString, annotation);
        QFETCH(bool, passes);
        QFETCH(QString, evidence);
        Criterion c = criterion(CriterionType::Annotation);
        c.annotation = QStringLiteral("x");
        c.check = AnnotationCheck(check);
        c.value = value;
        c.number = number;
        const HealthSubject e = component(
            QStringLiteral("'metadata':{'name':'a','annotations':{'x':'%1'}},'spec':{}").arg(annotation).toUtf8());
        const CriterionResult r = judge(c, e);
        QCOMPARE(r.passed, passes);
        QCOMPARE(HealthWords::evidence(r.evidence), evidence);
    }

    // An annotation's number is read as the double QString::toDouble gives, to the last bit:
    // met at that limit, not met at the next double up. Plain decimals take a fast path; the
    // other forms (exponents, more than 15 digits, "5.", ".5", spaces) Qt's own reading.
    void numbersReadAsQtReadsThem()
    {
        QStringList texts { u"0"_s, u"-0"_s, u"+7"_s, u"007"_s, u"99.95"_s, u"99.9"_s, u"0.1"_s, u"0.3"_s, u"-2.5"_s,
            u"123456789012345"_s, u"1234567890123456"_s, u"0.000000000000001"_s, u"9007199254740993"_s, u"5."_s,
            u".5"_s, u"1e3"_s, u" 42 "_s, u"80.09999999999999"_s };
        QRandomGenerator random(20261205);
        for (int i = 0; i < 2000; ++i) {
            QString digits = QString::number(random.bounded(Q_INT64_C(1), Q_INT64_C(1000000000000000)));
            const int decimals = int(random.bounded(qsizetype(digits.size())));
            if (decimals > 0)
                digits.insert(digits.size() - decimals, u'.');
            texts.append(random.bounded(4) == 0 ? u"-"_s + digits : digits);
        }
        Criterion c = criterion(CriterionType::Annotation);
        c.annotation = QStringLiteral("x");
        c.check = AnnotationCheck::AtLeast;
        for (const QString &text : std::as_const(texts)) {
            bool ok = false;
            const double qt = text.trimmed().toDouble(&ok);
            QVERIFY2(ok, qPrintable(text));
            const HealthSubject e = component(
                QStringLiteral("'metadata':{'name':'a','annotations':{'x':'%1'}},'spec':{}").arg(text).toUtf8());
            c.number = qt;
            QVERIFY2(judge(c, e).passed, qPrintable(text));
            c.number = std::nextafter(qt, std::numeric_limits<double>::infinity());
            QVERIFY2(!judge(c, e).passed, qPrintable(text));
        }
    }

    void weightsMakeTheScoreBandAndLevel()
    {
        Criterion owner = criterion(CriterionType::HasDescription, 30);
        owner.id = QStringLiteral("description");
        Criterion lifecycle = criterion(CriterionType::LifecycleActive, 45);
        lifecycle.id = QStringLiteral("lifecycle");
        Criterion link = criterion(CriterionType::HasLink, 25);
        link.id = QStringLiteral("docs");
        link.link = LinkCategory::Documentation;
        Scorecard s = card({ owner, lifecycle, link });
        s.levels = MaturityThresholds { 40, 70, 100 };
        const ScorecardEvaluator evaluator(Today);

        ScorecardResult r = evaluator.evaluate(
            s, component("'metadata':{'name':'a','description':'d'},'spec':{'lifecycle':'production'}"), FakeFacts());
        QCOMPARE(r.score, 75);
        QCOMPARE(r.band, HealthBand::NeedsAttention);
        QCOMPARE(r.level, MaturityLevel::Silver);
        QCOMPARE(r.failedIds(), QStringList { QStringLiteral("docs") });

        r = evaluator.evaluate(s, component("'metadata':{'name':'a'},'spec':{'lifecycle':'production'}"), FakeFacts());
        QCOMPARE(r.score, 45);
        QCOMPARE(r.band, HealthBand::Failing);
        QCOMPARE(r.level, MaturityLevel::Bronze);

        r = evaluator.evaluate(s, component("'metadata':{'name':'a'},'spec':{}"), FakeFacts());
        QCOMPARE(r.score, 0);
        QCOMPARE(r.level, MaturityLevel::None);
    }

    void bandsAtTheirEdges()
    {
        QCOMPARE(ScorecardEvaluator::bandFor(49), HealthBand::Failing);
        QCOMPARE(ScorecardEvaluator::bandFor(50), HealthBand::NeedsAttention);
        QCOMPARE(ScorecardEvaluator::bandFor(99), HealthBand::NeedsAttention);
        QCOMPARE(ScorecardEvaluator::bandFor(100), HealthBand::Passing);
    }

    void filtersAreAnded()
    {
        Scorecard s = card({ criterion(CriterionType::HasDescription) });
        s.appliesTo.kinds = { QStringLiteral("component") };
        s.appliesTo.types = { QStringLiteral("service") };
        s.appliesTo.tags = { QStringLiteral("java"), QStringLiteral("go") };
        s.appliesTo.owners = { QStringLiteral("payments") };
        s.appliesTo.annotations = { QStringLiteral("cairn.dev/tier=1") };
        const QByteArray base = "'metadata':{'name':'a','tags':['go'],'annotations':{'cairn.dev/tier':'1'}},";
        QVERIFY(ScorecardEvaluator::applies(s, component(base + "'spec':{'type':'service','owner':'group:payments'}")));
        QVERIFY(!ScorecardEvaluator::applies(s, component(base + "'spec':{'type':'website','owner':'payments'}")));
        QVERIFY(!ScorecardEvaluator::applies(s, component(base + "'spec':{'type':'service','owner':'other'}")));
        QVERIFY(!ScorecardEvaluator::applies(s,
            component("'metadata':{'name':'a','tags':['go'],'annotations':{'cairn.dev/"
                      "tier':'2'}},'spec':{'type':'service','owner':'payments'}")));
    }

    void resultsRoundTripThroughTheirStoredForm()
    {
        Criterion c = criterion(CriterionType::Annotation);
        c.annotation = QStringLiteral("cairn.dev/test-coverage");
        c.check = AnnotationCheck::AtLeast;
        c.number = 70;
        const Scorecard s = card({ c });
        const ScorecardResult r = ScorecardEvaluator(Today).evaluate(s,
            component("'metadata':{'name':'a','annotations':{'cairn.dev/test-coverage':'52'}},'spec':{}"), FakeFacts());
        const QList<CriterionResult> back = ScorecardJson::resultsFromJson(stored(r), s);
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.constFirst().passed, false);
        QCOMPARE(HealthWords::evidence(back.constFirst().evidence),
            QStringLiteral("cairn.dev/test-coverage is 52, below the minimum of 70"));
    }

    void evidenceStoredTheSameWithoutItsFactsNames()
    {
        // The cache evaluates without naming facts (they are not stored): what it stores must
        // be what an evaluation that names them stores, and reads back with the names.
        QList<Criterion> criteria;
        for (const CriterionType type : { CriterionType::OwnerResolves, CriterionType::HasDescription,
                 CriterionType::HasLink, CriterionType::OnCallResolves, CriterionType::LifecycleActive,
                 CriterionType::DependenciesHealthy, CriterionType::Annotation }) {
            criteria.append(criterion(type, 10));
            criteria.last().id = QStringLiteral("c%1").arg(criteria.size());
        }
        criteria.last().annotation = QStringLiteral("cairn.dev/open-incidents");
        criteria.last().check = AnnotationCheck::AtMost;
        const Scorecard s = card(criteria);
        FakeFacts facts;
        facts.deps.insert(QStringLiteral("component:default/a"), { QStringLiteral("component:default/gone") });
        const HealthSubject e = component(
            "'metadata':{'name':'a','description':'Does things','annotations':{'cairn.dev/open-incidents':'2',"
            "'cairn.dev/on-call':'user:bo'},'links':[{'url':'https://git.example.com/a','type':'repository'}]},"
            "'spec':{'owner':'team-a','lifecycle':'production'}");
        const ScorecardResult named = ScorecardEvaluator(Today).evaluate(s, e, facts);
        const ScorecardResult unnamed
            = ScorecardEvaluator(Today, ScorecardEvaluator::FactNames::Unnamed).evaluate(s, e, facts);
        QCOMPARE(ScorecardJson::resultsToJson(unnamed), ScorecardJson::resultsToJson(named));
        QCOMPARE(unnamed.score, named.score);
        for (qsizetype i = 0; i < criteria.size(); ++i) {
            QVERIFY(unnamed.criteria.at(i).evidence.fact.isEmpty());
            QCOMPARE(named.criteria.at(i).evidence.fact, ScorecardJson::factOf(criteria.at(i)));
            QCOMPARE(ScorecardJson::resultsFromJson(stored(unnamed), s).at(i).evidence.fact,
                named.criteria.at(i).evidence.fact);
        }
    }

    void dependenciesAreNotAmongTheReads()
    {
        // A dependency's change is followed through the dependency graph; the reads are the
        // other entities the health names (owner, on-call).
        FakeFacts facts;
        facts.deps.insert(QStringLiteral("component:default/a"), { QStringLiteral("component:default/b") });
        QStringList reads;
        ScorecardEvaluator(Today).evaluate(
            card({ criterion(CriterionType::DependenciesHealthy), criterion(CriterionType::OwnerResolves, 0) }),
            component("'metadata':{'name':'a'},'spec':{'owner':'group:team-a'}"), facts, &reads);
        QCOMPARE(reads, QStringList { QStringLiteral("group:default/team-a") });
    }

    void evidenceOfAnyTextSurvivesItsStoredForm()
    {
        Criterion c = criterion(CriterionType::Annotation);
        c.annotation = QStringLiteral("cairn.dev/tier");
        c.check = AnnotationCheck::Equals;
        const Scorecard s = card({ c });
        ScorecardResult r;
        r.scorecardId = s.id;
        const QString odd = QStringLiteral("a \"quoted\" back\\slash\nnew line\ttab\x01\x1f ") + QChar(0xe9)
            + QString::fromUtf8("\xf0\x9f\x98\x80") + QStringLiteral(" </script>");
        r.criteria.append(CriterionResult {
            c.id, c.name, c.weight, false, Evidence { {}, Finding::Different, odd, QStringLiteral("1\r\n") } });
        const QList<CriterionResult> back = ScorecardJson::resultsFromJson(stored(r), s);
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.constFirst().evidence.seen, odd);
        QCOMPARE(back.constFirst().evidence.expected, QStringLiteral("1\r\n"));
        QCOMPARE(back.constFirst().evidence.finding, Finding::Different);
    }

    void riskFindsTheShortestPathThroughCycles()
    {
        // a -> b -> c -> a (a cycle), b -> d -> e (failing), c -> e (failing): shortest is a b c? No:
        // a -> b -> d -> e and a -> b -> c -> e are both three steps; u"c"_s sorts before u"d"_s.
        const QHash<QString, QStringList> deps { { u"a"_s, { u"b"_s } }, { u"b"_s, { u"c"_s, u"d"_s } },
            { u"c"_s, { u"a"_s, u"e"_s } }, { u"d"_s, { u"e"_s } } };
        const auto dependencies = [&deps](const QString &k) { return deps.value(k); };
        const auto failing = [](const QString &k) { return k == u"e"; };
        QCOMPARE(
            DependencyRisk::pathFrom(u"a"_s, dependencies, failing), (QStringList { u"a"_s, u"b"_s, u"c"_s, u"e"_s }));
        // A failing entity is not at risk through itself, only through what it depends on.
        QCOMPARE(DependencyRisk::pathFrom(u"e"_s, dependencies, failing), QStringList());
        // A cycle with nothing failing ends.
        const auto none = [](const QString &) { return false; };
        QCOMPARE(DependencyRisk::pathFrom(u"a"_s, dependencies, none), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestScorecardEvaluator)
#include "tst_scorecardevaluator.moc"
