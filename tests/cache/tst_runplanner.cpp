// SPDX-License-Identifier: GPL-3.0-or-later
// RunPlanner decides, without a database, what a run does to each delivered entity: insert,
// update, leave, skip; which changes a user is told of; what is removed and when the
// mass-removal guard holds; and which source keeps a ref two sources deliver.
#include "cache/ContentHash.h"
#include "cache/EntityRow.h"
#include "cache/RunPlanner.h"

#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

namespace {

using Own = RunPlanner::Own;
using Action = RunPlanner::Action;
using Change = RunPlanner::Change;

QString keyOf(const core::SourcedEntity &e)
{
    return e.parsed().ref().key();
}

// The cache's row of `e` as a run before this one stored it.
Own stored(const core::SourcedEntity &e, qint64 id, bool removed = false)
{
    return Own { id, ContentHash::of(EntityRow::documentText(e)), e.parsed().displayName(), QString(), removed };
}

const RunPlanner::Planned *plannedFor(const RunPlanner &planner, const QString &key)
{
    for (const RunPlanner::Planned &p : planner.planned()) {
        if (p.key == key)
            return &p;
    }
    return nullptr;
}

} // namespace

class TestRunPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFirstRunInsertsEverything()
    {
        const QList<core::SourcedEntity> part = test::components(3);
        RunPlanner planner(QStringLiteral("catalog"), 1, {});
        QVERIFY(planner.plan(part));
        planner.planRemovals({}, false);
        QCOMPARE(planner.planned().size(), 3);
        for (const RunPlanner::Planned &p : planner.planned()) {
            QCOMPARE(p.action, Action::Insert);
            QCOMPARE(p.change, Change::Added);
            QVERIFY(p.ownerVisible);
        }
        QCOMPARE(planner.summary().added, 3);
        QCOMPARE(planner.summary().addedRefs.size(), 3);
        QVERIFY(planner.removals().isEmpty());
        QVERIFY(!planner.holds(0.1, false));
        QCOMPARE(planner.deliveredNames().value(QStringLiteral("component:default/svc-1")), QStringLiteral("svc-1"));
    }

    // The same text is unchanged whatever form it came in; any other text is a change; a
    // tombstone delivered again is live again (added); a new display name must reach the
    // search rows of what the entity owns.
    void changesAreToldFromTheStoredHash()
    {
        const core::SourcedEntity same = test::component(QStringLiteral("same"));
        const core::SourcedEntity edited = test::component(QStringLiteral("edited"), QStringLiteral("team-b"));
        const core::SourcedEntity back = test::component(QStringLiteral("back"));
        const core::SourcedEntity renamed = test::group(QStringLiteral("team-a"), QStringLiteral("Team A, renamed"));
        QHash<QString, Own> own;
        own.insert(keyOf(same), stored(same, 1));
        own.insert(keyOf(edited), stored(test::component(QStringLiteral("edited")), 2));
        own.insert(keyOf(back), stored(back, 3, true));
        own.insert(keyOf(renamed), stored(test::group(QStringLiteral("team-a"), QStringLiteral("Team A")), 4));

        const core::SourcedEntity sameCompact
            = core::SourcedEntity::compact(same.entity.document(), core::DocumentOrigin {});
        RunPlanner planner(QStringLiteral("catalog"), 1, own);
        QVERIFY(planner.plan({ sameCompact, edited, back, renamed }));
        planner.planRemovals({}, false);

        QCOMPARE(plannedFor(planner, keyOf(same))->action, Action::Unchanged);
        QCOMPARE(plannedFor(planner, keyOf(same))->change, Change::None);
        const RunPlanner::Planned *e = plannedFor(planner, keyOf(edited));
        QCOMPARE(e->action, Action::Update);
        QCOMPARE(e->change, Change::Changed);
        QCOMPARE(e->id, 2);
        QVERIFY(!e->ownerVisible); // same display name
        const RunPlanner::Planned *b = plannedFor(planner, keyOf(back));
        QCOMPARE(b->action, Action::Update);
        QCOMPARE(b->change, Change::Added);
        QCOMPARE(b->id, 3);
        QVERIFY(plannedFor(planner, keyOf(renamed))->ownerVisible);

        const RunSummary &summary = planner.summary();
        QCOMPARE(summary.unchanged, 1);
        QCOMPARE(summary.changed, 2);
        QCOMPARE(summary.added, 1);
        QVERIFY(planner.removals().isEmpty());
    }

    void duplicatesAndNamelessDocumentsAreSkippedAndSaid()
    {
        QList<core::SourcedEntity> part = test::components(2);
        part.append(test::component(QStringLiteral("svc-0"), QStringLiteral("team-z")));
        part.append(
            core::SourcedEntity { core::Entity(QJsonObject { { QStringLiteral("kind"), QStringLiteral("Component") } }),
                core::DocumentOrigin { QStringLiteral("broken.yaml"), 7 } });
        RunPlanner planner(QStringLiteral("catalog"), 1, {});
        QVERIFY(planner.plan(part));
        QCOMPARE(planner.planned().size(), 2);
        QCOMPARE(planner.summary().added, 2);
        QCOMPARE(planner.summary().conflicts.size(), 2);
        QVERIFY(planner.summary().conflicts.at(0).contains(QStringLiteral("delivered twice")));
        QVERIFY(planner.summary().conflicts.at(1).contains(QStringLiteral("broken.yaml")));
    }

    // An entity another source has: an earlier-configured live one keeps it; a later one,
    // or a tombstone, gives it up.
    void anEarlierSourceKeepsItsRefs()
    {
        const QList<core::SourcedEntity> part = test::components(3);
        QHash<QString, RunPlanner::Elsewhere> elsewhere;
        elsewhere.insert(keyOf(part[0]), { 10, false, QStringLiteral("first"), 1 });
        elsewhere.insert(keyOf(part[1]), { 11, false, QStringLiteral("third"), 3 });
        elsewhere.insert(keyOf(part[2]), { 12, true, QStringLiteral("first"), 1 });
        int lookups = 0;
        RunPlanner planner(QStringLiteral("second"), 2, {}, [&](const QString &key) {
            ++lookups;
            const auto it = elsewhere.constFind(key);
            return core::Result<std::optional<RunPlanner::Elsewhere>>(
                it == elsewhere.constEnd() ? std::nullopt : std::optional(*it));
        });
        QVERIFY(planner.plan(part));
        planner.planRemovals({}, false);
        QCOMPARE(lookups, 3);

        QVERIFY(!plannedFor(planner, keyOf(part[0])));
        QCOMPARE(planner.conflictKeys(), QList<QString> { keyOf(part[0]) });
        QVERIFY(!planner.oursAfter(keyOf(part[0])));
        for (int i : { 1, 2 }) {
            const RunPlanner::Planned *p = plannedFor(planner, keyOf(part[i]));
            QCOMPARE(p->action, Action::Update);
            QCOMPARE(p->change, Change::Added);
            QCOMPARE(p->id, 10 + i);
            QVERIFY(planner.oursAfter(keyOf(part[i])));
        }
        QCOMPARE(planner.summary().added, 2);
        QCOMPARE(planner.summary().conflicts.size(), 2); // kept by "first", taken from "third"
    }

    void aLookupErrorStopsThePlan()
    {
        RunPlanner planner(QStringLiteral("second"), 2, {}, [](const QString &) {
            return core::Result<std::optional<RunPlanner::Elsewhere>>(core::Error { QStringLiteral("disk I/O error") });
        });
        const core::Status planned = planner.plan(test::components(1));
        QVERIFY(!planned);
        QCOMPARE(planned.error().message, QStringLiteral("disk I/O error"));
    }

    // Removals: what is neither delivered nor listed unchanged, sorted by key; kept when the
    // source was read only in part; the guard past the share, or when everything goes.
    void removalsAndTheGuard()
    {
        const QList<core::SourcedEntity> all = test::components(20);
        QHash<QString, Own> own;
        for (int i = 0; i < all.size(); ++i)
            own.insert(keyOf(all[i]), stored(all[i], i + 1));
        own.insert(QStringLiteral("component:default/gone-long-ago"), Own { 99, "x", QString(), QString(), true });

        {
            RunPlanner planner(QStringLiteral("catalog"), 1, own);
            QVERIFY(planner.plan(all.mid(0, 18)));
            planner.planRemovals({ all[18].entity.ref() }, false);
            QCOMPARE(planner.removals().size(), 1);
            QCOMPARE(planner.removals().first().key, keyOf(all[19]));
            QCOMPARE(planner.summary().unchanged, 19);
            QCOMPARE(planner.summary().removed, 1);
            QVERIFY(!planner.holds(0.10, false)); // 1 of 20
            QVERIFY(!planner.oursAfter(keyOf(all[19])));
        }
        {
            RunPlanner planner(QStringLiteral("catalog"), 1, own);
            QVERIFY(planner.plan(all.mid(0, 17)));
            planner.planRemovals({}, false);
            QCOMPARE(planner.removals().size(), 3);
            QVERIFY(std::is_sorted(planner.removals().cbegin(), planner.removals().cend(),
                [](const auto &a, const auto &b) { return a.key < b.key; }));
            QVERIFY(planner.holds(0.10, false)); // 3 of 20
            QVERIFY(!planner.holds(0.10, true));
            QVERIFY(!planner.holds(0.20, false));
        }
        {
            RunPlanner planner(QStringLiteral("catalog"), 1, own);
            QVERIFY(planner.plan({}));
            planner.planRemovals({}, false);
            QVERIFY(planner.holds(1.0, false)); // a source that returns nothing
        }
        {
            RunPlanner planner(QStringLiteral("catalog"), 1, own);
            QVERIFY(planner.plan(all.mid(0, 5)));
            planner.planRemovals({}, true);
            QVERIFY(planner.removals().isEmpty());
            QCOMPARE(planner.summary().keptUnread, 15);
            QCOMPARE(planner.summary().unchanged, 20);
            QVERIFY(planner.oursAfter(keyOf(all[19])));
            QVERIFY(!planner.oursAfter(QStringLiteral("component:default/gone-long-ago")));
        }
    }

    void ownEtagsAreTheLiveOnes()
    {
        QHash<QString, Own> own;
        own.insert(QStringLiteral("component:default/a"), Own { 1, "h", QString(), QStringLiteral("e1"), false });
        own.insert(QStringLiteral("component:default/b"), Own { 2, "h", QString(), QStringLiteral("e2"), true });
        RunPlanner planner(QStringLiteral("catalog"), 1, own);
        QCOMPARE(planner.ownLive(), 1);
        const QHash<QString, QString> etags = planner.ownEtags();
        QCOMPARE(etags.size(), 1);
        QCOMPARE(etags.value(QStringLiteral("component:default/a")), QStringLiteral("e1"));
    }
};

QTEST_GUILESS_MAIN(TestRunPlanner)
#include "tst_runplanner.moc"
