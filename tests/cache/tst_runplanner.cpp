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
        QVERIFY(!planner.guard(0.1, false).held);
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
            QVERIFY(!planner.guard(0.10, false).held); // 1 of 20
            QVERIFY(!planner.oursAfter(keyOf(all[19])));
        }
        {
            RunPlanner planner(QStringLiteral("catalog"), 1, own);
            QVERIFY(planner.plan(all.mid(0, 17)));
            planner.planRemovals({}, false);
            QCOMPARE(planner.removals().size(), 3);
            QVERIFY(std::is_sorted(planner.removals().cbegin(), planner.removals().cend(),
                [](const auto &a, const auto &b) { return a.key < b.key; }));
            QVERIFY(planner.guard(0.10, false).held); // 3 of 20
            QVERIFY(!planner.guard(0.10, true).held);
            QVERIFY(!planner.guard(0.20, false).held);
        }
        {
            RunPlanner planner(QStringLiteral("catalog"), 1, own);
            QVERIFY(planner.plan({}));
            planner.planRemovals({}, false);
            QVERIFY(planner.guard(1.0, false).held); // a source that returns nothing
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

    // Kept entities (a person's "keep my copy"): never removed and outside the guard, so a
    // run that removes a few more is judged on the rest; their decision ends when they come
    // back or when their removal is confirmed.
    void keptEntitiesAreNeitherRemovedNorGuarded()
    {
        const QList<core::SourcedEntity> all = test::components(20);
        QHash<QString, Own> own;
        for (int i = 0; i < all.size(); ++i)
            own.insert(keyOf(all[i]), stored(all[i], i + 1));
        // 5..14 kept (10 of 20), 19 kept and delivered again, a stale decision on a tombstone.
        QSet<QString> kept;
        for (int i = 5; i < 15; ++i)
            kept.insert(keyOf(all[i]));
        kept.insert(keyOf(all[19]));
        kept.insert(QStringLiteral("component:default/gone-long-ago"));
        own.insert(QStringLiteral("component:default/gone-long-ago"), Own { 99, "x", QString(), QString(), true });

        RunPlanner planner(QStringLiteral("catalog"), 1, own);
        planner.setKept(kept);
        // Delivered: 0..4 and 19; absent: 5..14 (kept) and 15, 16, 17, 18.
        QList<core::SourcedEntity> part = all.mid(0, 5);
        part.append(all[19]);
        QVERIFY(planner.plan(part));
        planner.planRemovals({}, false);
        QCOMPARE(planner.removals().size(), 4);
        QCOMPARE(planner.summary().keptByDecision, 10);
        QCOMPARE(planner.summary().keptReturned, 1);
        QCOMPARE(planner.summary().unchanged, 16);
        QCOMPARE(planner.summary().liveBefore, 20);
        // 4 of the 10 guarded: held at 10 %, through at 50 %.
        QVERIFY(planner.guard(0.10, false).held);
        QVERIFY(!planner.guard(0.50, false).held);
        QVERIFY(!planner.guard(0.50, false).upstreamChanged);
        QCOMPARE(planner.keepsEnded(),
            (QList<QString> { QStringLiteral("component:default/gone-long-ago"), keyOf(all[19]) }));
    }

    // Confirmed removals apply when they are exactly what the run would remove, kept ones
    // included (a confirmation overrides a keep); another set is an upstream change.
    void confirmedRemovalsMustMatchExactly()
    {
        const QList<core::SourcedEntity> all = test::components(10);
        QHash<QString, Own> own;
        for (int i = 0; i < all.size(); ++i)
            own.insert(keyOf(all[i]), stored(all[i], i + 1));
        const auto refsOf = [&all](std::initializer_list<int> indexes) {
            QList<core::EntityRef> refs;
            for (int i : indexes)
                refs.append(all[i].parsed().ref());
            return refs;
        };
        const auto planWith = [&](std::initializer_list<int> delivered, const QList<core::EntityRef> &confirmed,
                                  const QSet<QString> &kept = {}) {
            auto planner = std::make_unique<RunPlanner>(QStringLiteral("catalog"), 1, own);
            planner->setKept(kept);
            QList<core::SourcedEntity> part;
            for (int i : delivered)
                part.append(all[i]);
            if (!planner->plan(part))
                return std::unique_ptr<RunPlanner>();
            planner->planRemovals({}, false, confirmed);
            return planner;
        };
        {
            // 0..5 delivered: 6..9 would go, and exactly those were confirmed.
            const auto planner = planWith({ 0, 1, 2, 3, 4, 5 }, refsOf({ 9, 8, 7, 6 }));
            QVERIFY(planner);
            const RunPlanner::Verdict verdict = planner->guard(0.10, false);
            QVERIFY(!verdict.held);
            QVERIFY(!verdict.upstreamChanged);
        }
        {
            // One more went upstream since: held again, even though the share is small.
            const auto planner = planWith({ 0, 1, 2, 3, 4 }, refsOf({ 6, 7, 8, 9 }));
            QVERIFY(planner);
            const RunPlanner::Verdict verdict = planner->guard(0.90, false);
            QVERIFY(verdict.held);
            QVERIFY(verdict.upstreamChanged);
            QCOMPARE(planner->removals().size(), 5);
        }
        {
            // Fewer: one came back.
            const auto planner = planWith({ 0, 1, 2, 3, 4, 5, 6 }, refsOf({ 6, 7, 8, 9 }));
            QVERIFY(planner);
            QVERIFY(planner->guard(0.10, false).held);
            QVERIFY(planner->guard(0.10, false).upstreamChanged);
        }
        {
            // All came back: nothing to remove, nothing to hold; the change is still told.
            const auto planner = planWith({ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, refsOf({ 6, 7, 8, 9 }));
            QVERIFY(planner);
            QVERIFY(!planner->guard(0.10, false).held);
            QVERIFY(planner->guard(0.10, false).upstreamChanged);
        }
        {
            // 8 and 9 kept; confirming 6..9 removes the kept ones too and ends their keeps.
            const QSet<QString> kept { keyOf(all[8]), keyOf(all[9]) };
            const auto planner = planWith({ 0, 1, 2, 3, 4, 5 }, refsOf({ 6, 7, 8, 9 }), kept);
            QVERIFY(planner);
            QCOMPARE(planner->removals().size(), 4);
            QCOMPARE(planner->summary().keptByDecision, 0);
            QVERIFY(!planner->guard(0.10, false).held);
            QCOMPARE(planner->keepsEnded(), (QList<QString> { keyOf(all[8]), keyOf(all[9]) }));
            // Confirming only the unkept ones: the kept stay kept, and the set matches.
            const auto only = planWith({ 0, 1, 2, 3, 4, 5 }, refsOf({ 6, 7 }), kept);
            QVERIFY(only);
            QCOMPARE(only->removals().size(), 2);
            QCOMPARE(only->summary().keptByDecision, 2);
            QVERIFY(!only->guard(0.10, false).held);
            QVERIFY(only->keepsEnded().isEmpty());
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
        // A kept entity is not upstream: a listing answered "not modified" must not bring it back.
        planner.setKept({ QStringLiteral("component:default/a") });
        QVERIFY(planner.ownEtags().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRunPlanner)
#include "tst_runplanner.moc"
