// SPDX-License-Identifier: GPL-3.0-or-later
// The one clock every time-dependent rule reads: set for a scope, standing still, from the
// environment, and given back.
#include "core/Clock.h"

#include <QTest>
#include <QTimeZone>

using namespace cairn::core;

class TestClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isTheSystemClockUnlessSet()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const QDateTime now = clock::nowUtc();
        QVERIFY(now >= before && now <= QDateTime::currentDateTimeUtc());
        QCOMPARE(now.timeSpec(), Qt::UTC);
    }

    void aScopedClockStandsStillAndIsGivenBack()
    {
        const QDateTime at(QDate(2026, 10, 25), QTime(0, 59, 59, 999), QTimeZone::utc());
        {
            clock::ScopedSource frozen(at);
            QCOMPARE(clock::nowUtc(), at);
            QCOMPARE(clock::nowUtc(), at);
            QCOMPARE(clock::nowLocal(), at.toLocalTime());
            QCOMPARE(clock::today(), at.toLocalTime().date());
            {
                // A clock that jumps backwards, then the outer one again.
                clock::ScopedSource back(at.addDays(-1));
                QCOMPARE(clock::nowUtc(), at.addDays(-1));
            }
            QCOMPARE(clock::nowUtc(), at);
        }
        QVERIFY(qAbs(clock::nowUtc().msecsTo(QDateTime::currentDateTimeUtc())) < 60'000);
    }

    void aTimeInAnotherZoneIsTheSameMoment()
    {
        const QTimeZone paris("Europe/Paris");
        if (!paris.isValid())
            QSKIP("no time zone data on this machine");
        // 03:30 in Paris just after the change to summer time is 01:30 UTC.
        clock::ScopedSource summer(QDateTime(QDate(2026, 3, 29), QTime(3, 30), paris));
        QCOMPARE(clock::nowUtc(), QDateTime(QDate(2026, 3, 29), QTime(1, 30), QTimeZone::utc()));
    }

    void theEnvironmentSetsItOrIsRefused()
    {
        const clock::ScopedSource keep(std::function<QDateTime()> {}); // gives the system clock back after
        qputenv("CAIRN_NOW", "2026-11-24T09:00:00Z");
        QCOMPARE(clock::useEnvironment(), std::nullopt);
        QCOMPARE(clock::nowUtc(), QDateTime(QDate(2026, 11, 24), QTime(9, 0), QTimeZone::utc()));

        qputenv("CAIRN_NOW", "next tuesday");
        const std::optional<QString> wrong = clock::useEnvironment();
        QVERIFY(wrong.has_value());
        QVERIFY2(wrong->contains(u"not \"next tuesday\""), qPrintable(*wrong));
        QCOMPARE(clock::nowUtc(), QDateTime(QDate(2026, 11, 24), QTime(9, 0), QTimeZone::utc())); // unchanged
        qunsetenv("CAIRN_NOW");
        QCOMPARE(clock::useEnvironment(), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
