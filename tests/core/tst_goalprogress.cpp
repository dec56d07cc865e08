// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/GoalProgress.h"

#include <QTest>

#include "fixtures/AnswerFixtures.h"

using namespace cairn::core;
using namespace cairn::fixtures;

class TestGoalProgress : public QObject
{
    Q_OBJECT

    std::unique_ptr<CatalogLookup> m_org;

    GoalRollup of(const CatalogLookup &lookup, const char *goal)
    {
        Result<GoalRollup> r = GoalProgress(lookup).of(EntityRef::parse(QString::fromUtf8(goal)).value());
        if (!r)
            qFatal("%s", qPrintable(r.errorString()));
        return r.value();
    }

private Q_SLOTS:
    void initTestCase() { m_org = makeCatalog(workOrg()); }

    void measuredProgressWins()
    {
        const GoalRollup r = of(*m_org, "goal:default/grow-conversion");
        QCOMPARE(r.basis, ProgressBasis::Measured);
        QCOMPARE(*r.fraction, 3.1 / 4);
        QCOMPARE(r.unit, QStringLiteral("%"));
    }

    void projectsRollUpDoneCountsOneCancelledExcluded()
    {
        // cut-costs: vendor-cleanup done (1.0), cloud-savings off-track (0.0), old-idea cancelled (left out).
        const GoalRollup r = of(*m_org, "goal:default/cut-costs");
        QCOMPARE(r.basis, ProgressBasis::Rollup);
        QCOMPARE(r.inputs, 2);
        QCOMPARE(r.excluded, 1);
        QCOMPARE(*r.fraction, 0.5);
    }

    void subGoalsRollUp()
    {
        // revenue-2027: mean of grow-conversion (0.775) and cut-costs (0.5).
        const GoalRollup r = of(*m_org, "goal:default/revenue-2027");
        QCOMPARE(r.inputs, 2);
        QCOMPARE(*r.fraction, (3.1 / 4 + 0.5) / 2);
    }

    void cycleTerminatesAndIsReported()
    {
        const GoalRollup r = of(*m_org, "goal:default/loop-a");
        QVERIFY(!r.cycle.isEmpty());
        QCOMPARE(r.cycle.first(), r.cycle.last());
        // loop-work (on-track, 0.0) counts; the looping sub-goal does not.
        QVERIFY(r.fraction.has_value());
        QCOMPARE(*r.fraction, 0.0);
    }

    void ownRules()
    {
        const auto goal = [](const char *spec) {
            return Entity(QJsonObject { { QStringLiteral("kind"), QStringLiteral("Goal") },
                { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), QStringLiteral("g") } } },
                { QStringLiteral("spec"), QJsonDocument::fromJson(QByteArray(spec)).object() } });
        };
        QCOMPARE(*GoalProgress::ownProgress(goal(R"({"score":0.7})"))->fraction, 0.7);
        QCOMPARE(GoalProgress::ownProgress(goal(R"({"score":0.7})"))->basis, ProgressBasis::Score);
        QCOMPARE(*GoalProgress::ownProgress(goal(R"({"status":"done"})"))->fraction, 1.0);
        QVERIFY(!GoalProgress::ownProgress(goal(R"({"status":"cancelled"})"))->fraction);
        QCOMPARE(
            *GoalProgress::ownProgress(goal(R"({"progress":{"current":12,"target":10}})"))->fraction, 1.0); // clamped
        QVERIFY(!GoalProgress::ownProgress(goal(R"({"progress":{"current":1,"target":0},"status":"on-track"})")));
        QVERIFY(!GoalProgress::ownProgress(goal(R"({"status":"on-track"})")));
    }

    void projectFractions()
    {
        const auto projectWith = [](const char *status) {
            return Entity(QJsonObject { { QStringLiteral("kind"), QStringLiteral("Project") },
                { QStringLiteral("spec"), QJsonObject { { QStringLiteral("status"), QString::fromUtf8(status) } } } });
        };
        QCOMPARE(*GoalProgress::projectFraction(projectWith("done")), 1.0);
        QCOMPARE(*GoalProgress::projectFraction(projectWith("at-risk")), 0.0);
        QCOMPARE(*GoalProgress::projectFraction(projectWith("pending")), 0.0);
        QVERIFY(!GoalProgress::projectFraction(projectWith("cancelled")));
    }

    void noInputsIsUnknown()
    {
        const GoalRollup r = of(
            *makeCatalog(entitiesFromJson(
                R"([{"apiVersion":"cairn.dev/v1","kind":"Goal","metadata":{"name":"lonely"},"spec":{"status":"on-track"}}])")),
            "goal:default/lonely");
        QCOMPARE(r.basis, ProgressBasis::None);
        QVERIFY(!r.fraction);
    }
};

QTEST_GUILESS_MAIN(TestGoalProgress)
#include "tst_goalprogress.moc"
