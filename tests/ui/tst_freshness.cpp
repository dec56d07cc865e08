// SPDX-License-Identifier: GPL-3.0-or-later
// The status bar's word on how old the data is: never a claim of live data.
#include "ui/Freshness.h"

#include <QTest>
#include <QTimeZone>

using cairn::cache::SourceInfo;
using cairn::cache::SyncRunRecord;
using cairn::ui::Freshness;

namespace {

const QDateTime Now(QDate(2026, 12, 2), QTime(12, 0), QTimeZone::utc());

SourceInfo source(const QString &name, const QString &kind = QStringLiteral("backstage"))
{
    SourceInfo info;
    info.name = name;
    info.kind = kind;
    return info;
}

SyncRunRecord run(const QString &source, const QString &status, qint64 secondsAgo)
{
    SyncRunRecord record;
    record.source = source;
    record.operation = QStringLiteral("sync");
    record.status = status;
    record.startedAt = Now.addSecs(-secondsAgo - 5);
    record.finishedAt = Now.addSecs(-secondsAgo);
    return record;
}

} // namespace

class TestFreshness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agesReadAsPeopleSayThem();
    void saysWhenEachSourceWasRead();
    void saysWhenASourceWasNeverRead();
    void aFailedSyncDoesNotMakeDataFresh();
    void aHeldRunStillReadTheSource();
};

void TestFreshness::agesReadAsPeopleSayThem()
{
    QCOMPARE(Freshness::age(Now.addSecs(-20), Now), QStringLiteral("just now"));
    QCOMPARE(Freshness::age(Now.addSecs(-5 * 60), Now), QStringLiteral("5 min ago"));
    QCOMPARE(Freshness::age(Now.addSecs(-3 * 3600 - 100), Now), QStringLiteral("3 h ago"));
    QCOMPARE(Freshness::age(Now.addDays(-4), Now), QStringLiteral("4 days ago"));
    // A clock that went backwards is not "in the future".
    QCOMPARE(Freshness::age(Now.addSecs(600), Now), QStringLiteral("just now"));
    // Across the change to summer time the clock on the wall jumps an hour: 01:30 to 04:30
    // in Paris on 29 March 2026 is two hours, not three.
    const QTimeZone paris("Europe/Paris");
    if (!paris.isValid())
        QSKIP("no time zone data on this machine");
    QCOMPARE(Freshness::age(QDateTime(QDate(2026, 3, 29), QTime(1, 30), paris),
                 QDateTime(QDate(2026, 3, 29), QTime(4, 30), paris)),
        QStringLiteral("2 h ago"));
}

void TestFreshness::saysWhenEachSourceWasRead()
{
    const QString text = Freshness::describe({ source(QStringLiteral("backstage-prod")) },
        { run(QStringLiteral("backstage-prod"), QStringLiteral("ok"), 3 * 3600) }, Now);
    QCOMPARE(text, QStringLiteral("Offline copy · synced 3 h ago from backstage-prod"));
    QCOMPARE(Freshness::describe({ source(QStringLiteral("sample"), QStringLiteral("sample")) },
                 { run(QStringLiteral("sample"), QStringLiteral("ok"), 120) }, Now),
        QStringLiteral("Offline copy · loaded 2 min ago from sample"));
}

void TestFreshness::saysWhenASourceWasNeverRead()
{
    QCOMPARE(Freshness::describe({ source(QStringLiteral("catalog")) }, {}, Now),
        QStringLiteral("Offline copy · catalog never synced"));
    QCOMPARE(Freshness::describe({}, {}, Now), QStringLiteral("Offline copy · no source yet"));
}

void TestFreshness::aFailedSyncDoesNotMakeDataFresh()
{
    const QString text = Freshness::describe({ source(QStringLiteral("catalog")) },
        { run(QStringLiteral("catalog"), QStringLiteral("failed"), 60),
            run(QStringLiteral("catalog"), QStringLiteral("ok"), 2 * 86400) },
        Now);
    QCOMPARE(text, QStringLiteral("Offline copy · synced 2 days ago from catalog (last sync failed 1 min ago)"));
}

void TestFreshness::aHeldRunStillReadTheSource()
{
    const QString text = Freshness::describe(
        { source(QStringLiteral("catalog")) }, { run(QStringLiteral("catalog"), QStringLiteral("held"), 600) }, Now);
    QCOMPARE(text, QStringLiteral("Offline copy · synced 10 min ago from catalog (removals held)"));
}

QTEST_GUILESS_MAIN(TestFreshness)
#include "tst_freshness.moc"
