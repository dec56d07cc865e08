// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ProjectTimeline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cairn::core;

namespace {

Entity project(const char *spec)
{
    QJsonObject doc { { QStringLiteral("apiVersion"), QStringLiteral("cairn.dev/v1") },
        { QStringLiteral("kind"), QStringLiteral("Project") },
        { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), QStringLiteral("p") } } },
        { QStringLiteral("spec"), QJsonDocument::fromJson(QByteArray(spec)).object() } };
    return Entity(doc);
}

} // namespace

class TestProjectTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slipIsShownPlainly()
    {
        const Entity p = project(R"({"status":"off-track","targetDate":"2027-02-14","updates":[
            {"date":"2026-10-01","status":"on-track","targetDate":"2026-12-31"},
            {"date":"2026-11-01","status":"on-track","targetDate":"2027-01-15"},
            {"date":"2026-11-15","status":"at-risk","targetDate":"2027-01-15"},
            {"date":"2026-11-20","status":"off-track","targetDate":"2027-01-31"}]})");
        const TimelineSummary s = ProjectTimeline::fromEntity(p).summarize(QDate(2026, 11, 25));
        QCOMPARE(s.status, QStringLiteral("off-track"));
        QCOMPARE(s.targetMoves, 3);
        QCOMPARE(s.slipDays, 45);
        QCOMPARE(s.slipText(), QStringLiteral("target moved 3 times, +45 days since first set"));
        QCOMPARE(s.firstTarget, QDate(2026, 12, 31));
        QCOMPARE(s.currentTarget, QDate(2027, 2, 14));
        QCOMPARE(s.statusChanges.size(), 3);
        QCOMPARE(s.statusChanges.last().from, QStringLiteral("at-risk"));
        QCOMPARE(s.statusChanges.last().to, QStringLiteral("off-track"));
        QVERIFY(!s.stale);
    }

    void neverMovedSaysNothing()
    {
        const Entity p = project(
            R"({"status":"on-track","targetDate":"2027-01-01","updates":[{"date":"2026-11-20","targetDate":"2027-01-01"}]})");
        const TimelineSummary s = ProjectTimeline::fromEntity(p).summarize(QDate(2026, 11, 25));
        QCOMPARE(s.targetMoves, 0);
        QVERIFY(s.slipText().isEmpty());
    }

    void updatesAreSortedByDate()
    {
        const Entity p = project(R"({"updates":[{"date":"2026-11-20","status":"at-risk","targetDate":"2027-01-15"},
                                               {"date":"2026-10-02","status":"on-track","targetDate":"2026-12-01"}]})");
        const TimelineSummary s = ProjectTimeline::fromEntity(p).summarize(QDate(2026, 11, 25));
        QCOMPARE(s.updates.first().date, QDate(2026, 10, 2));
        QCOMPARE(s.status, QStringLiteral("at-risk")); // no spec status: the last update's
        QCOMPARE(s.slipDays, 45);
    }

    void staleAfterConfigurableDays_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("staleDays");
        QTest::addColumn<bool>("stale");
        QTest::newRow("pending 20 days, default 14") << QStringLiteral("pending") << 14 << true;
        QTest::newRow("on-track 20 days, default 14") << QStringLiteral("on-track") << 14 << true;
        QTest::newRow("at-risk 20 days, 30 allowed") << QStringLiteral("at-risk") << 30 << false;
        QTest::newRow("off-track 20 days, exactly 20") << QStringLiteral("off-track") << 20 << false;
        QTest::newRow("paused 20 days") << QStringLiteral("paused") << 14 << true;
        QTest::newRow("done never stale") << QStringLiteral("done") << 14 << false;
        QTest::newRow("cancelled never stale") << QStringLiteral("cancelled") << 14 << false;
    }

    void staleAfterConfigurableDays()
    {
        QFETCH(QString, status);
        QFETCH(int, staleDays);
        QFETCH(bool, stale);
        const QByteArray spec
            = QStringLiteral(R"({"status":"%1","updates":[{"date":"2026-11-05","text":"x"}]})").arg(status).toUtf8();
        const TimelineSummary s
            = ProjectTimeline::fromEntity(project(spec.constData())).summarize(QDate(2026, 11, 25), staleDays);
        QCOMPARE(s.daysSinceUpdate, 20);
        QCOMPARE(s.stale, stale);
        QCOMPARE(s.staleText().isEmpty(), !stale);
    }

    void neverUpdatedIsStale()
    {
        const TimelineSummary s
            = ProjectTimeline::fromEntity(project(R"({"status":"on-track"})")).summarize(QDate(2026, 11, 25));
        QVERIFY(s.stale);
        QCOMPARE(s.staleText(), QStringLiteral("no update ever"));
        QCOMPARE(s.daysSinceUpdate, -1);
    }

    void authorIsAPerson()
    {
        const Entity p = project(R"({"updates":[{"date":"2026-11-20","author":"jdoe","text":"hi"}]})");
        QCOMPARE(
            ProjectTimeline::fromEntity(p).updates().first().author.toString(), QStringLiteral("user:default/jdoe"));
    }
};

QTEST_GUILESS_MAIN(TestProjectTimeline)
#include "tst_projecttimeline.moc"
