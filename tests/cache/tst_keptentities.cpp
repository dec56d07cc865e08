// SPDX-License-Identifier: GPL-3.0-or-later
// A person's answers to a held mass removal, in the cache: "keep my copy" (KeptEntities),
// lasting across runs of the source and outside the guard; "apply the removals" as shown
// (SourceRunInput::confirmedRemovals), applied only when the run would remove exactly those;
// and schema 5, which brings the kept_entities table to a cache of schema 4.
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/Database.h"
#include "cache/EntityBriefs.h"
#include "cache/KeptEntities.h"
#include "cache/Schema.h"

#include <QTemporaryDir>
#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

namespace {

const QString Source = QStringLiteral("catalog");

core::EntityRef svc(int i)
{
    return core::EntityRef(QStringLiteral("Component"), QStringLiteral("default"), QStringLiteral("svc-%1").arg(i));
}

QList<core::EntityRef> svcs(int from, int to)
{
    QList<core::EntityRef> out;
    for (int i = from; i < to; ++i)
        out.append(svc(i));
    return out;
}

// svc-<from> .. svc-<to - 1>, each owned by `owner`.
QList<core::SourcedEntity> delivered(int from, int to, const QString &owner = QStringLiteral("team-a"))
{
    QList<core::SourcedEntity> out;
    for (int i = from; i < to; ++i)
        out.append(test::component(QStringLiteral("svc-%1").arg(i), owner));
    return out;
}

QList<QString> keysOf(const QList<core::EntityRef> &refs)
{
    QList<QString> out;
    for (const core::EntityRef &ref : refs)
        out.append(ref.key());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class TestKeptEntities : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;

    core::Result<RunSummary> runWith(QList<core::SourcedEntity> entities, const QList<core::EntityRef> &confirmed = {})
    {
        SourceRunInput in = test::run(Source, std::move(entities));
        in.confirmedRemovals = confirmed;
        return CatalogWriter(*m_cache).applySourceRun(in);
    }

    int live() { return int(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM v_entities"))); }
    bool isLive(const core::EntityRef &ref)
    {
        return test::count(*m_cache,
                   QStringLiteral("SELECT count(*) FROM entities WHERE key = '%1' AND removed_at IS NULL")
                       .arg(ref.key()))
            == 1;
    }
    QList<QString> keptKeys()
    {
        core::Result<QList<KeptEntity>> kept = KeptEntities(*m_cache).list(Source);
        QList<core::EntityRef> refs;
        for (const KeptEntity &k : kept.value())
            refs.append(k.ref);
        return keysOf(refs);
    }

private Q_SLOTS:
    void init()
    {
        m_cache = test::cacheForCurrentTest(m_dir);
        QVERIFY(m_cache);
    }
    void cleanup() { m_cache.reset(); }

    void keepingNeedsLiveEntitiesOfTheSource()
    {
        QVERIFY(runWith(delivered(0, 5)));
        QVERIFY(CatalogWriter(*m_cache).applySourceRun(
            test::run(QStringLiteral("other"), { test::component(QStringLiteral("x")) })));
        KeptEntities kept(*m_cache);

        const core::Status unknownSource = kept.keep(QStringLiteral("nowhere"), { svc(1) });
        QVERIFY(!unknownSource);
        QCOMPARE(unknownSource.errorString(), QStringLiteral("There is no source \u201cnowhere\u201d."));
        // Another source's entity, a ref the cache lacks and a kindless ref: refused whole.
        const core::Status refused = kept.keep(Source,
            { svc(1), core::EntityRef(QStringLiteral("Component"), QStringLiteral("default"), QStringLiteral("x")),
                svc(42), core::EntityRef(QString(), QStringLiteral("default"), QStringLiteral("svc-2")) });
        QVERIFY(!refused);
        QCOMPARE(refused.errorString(),
            QStringLiteral(
                "Nothing was kept: Component:default/x, Component:default/svc-42, :default/svc-2 are not live "
                "entities of source \u201ccatalog\u201d."));
        QCOMPARE(kept.count(Source).value(), 0);

        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        QVERIFY(kept.keep(Source, { svc(1), svc(3) }));
        QVERIFY(kept.keep(Source, { svc(3) })); // again: the first decision stands
        const QList<KeptEntity> list = kept.list(Source).value();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].ref.toString(), QStringLiteral("Component:default/svc-1"));
        QVERIFY(list[0].keptAt >= before && list[0].keptAt <= QDateTime::currentDateTimeUtc());
        QCOMPARE(kept.count(Source).value(), 2);
        QCOMPARE(kept.count(QStringLiteral("other")).value(), 0);

        const QList<SourceInfo> sources = CatalogWriter(*m_cache).sources().value();
        QCOMPARE(sources[0].name, Source);
        QCOMPARE(sources[0].keptEntities, 2);
        QCOMPARE(sources[1].keptEntities, 0);
        QCOMPARE(CatalogWriter(*m_cache).sources(CatalogWriter::Counts::Left).value()[0].keptEntities, 2);
        QCOMPARE(
            test::count(*m_cache, QStringLiteral("SELECT count(*) FROM v_kept_entities WHERE source = 'catalog'")), 2);

        QVERIFY(kept.release(Source, { svc(1), svc(4) })); // svc-4 was not kept: nothing to do
        QCOMPARE(keptKeys(), (QList<QString> { svc(3).key() }));
    }

    // Held, then applied as shown: exactly the listed refs are tombstoned, with a snapshot.
    void confirmedRemovalsApplyExactlyTheList()
    {
        QVERIFY(runWith(delivered(0, 10)));
        const RunSummary held = runWith(delivered(0, 6)).value();
        QVERIFY(held.held);
        QVERIFY(!held.upstreamChanged);
        QCOMPARE(held.liveBefore, 10);
        QCOMPARE(keysOf(held.removedRefs), keysOf(svcs(6, 10)));
        QCOMPARE(live(), 10);

        // The same upstream, with one edit and one addition since: applied whole.
        QList<core::SourcedEntity> now = delivered(0, 6);
        now[0] = test::component(QStringLiteral("svc-0"), QStringLiteral("team-b"));
        now.append(test::component(QStringLiteral("svc-new")));
        const RunSummary applied = runWith(now, held.removedRefs).value();
        QVERIFY(!applied.held);
        QVERIFY(!applied.upstreamChanged);
        QCOMPARE(applied.added, 1);
        QCOMPARE(applied.changed, 1);
        QCOMPARE(keysOf(applied.removedRefs), keysOf(svcs(6, 10)));
        QVERIFY(!applied.snapshotId.isEmpty());
        QCOMPARE(live(), 7);
        for (const core::EntityRef &ref : svcs(6, 10))
            QVERIFY(!isLive(ref));
    }

    // Upstream changed between the held run and the confirmation: held again, nothing
    // applied, with the new list.
    void anotherListIsHeldAgain()
    {
        QVERIFY(runWith(delivered(0, 10)));
        const RunSummary held = runWith(delivered(0, 6)).value();
        QVERIFY(held.held);

        const RunSummary again = runWith(delivered(0, 5), held.removedRefs).value();
        QVERIFY(again.held);
        QVERIFY(again.upstreamChanged);
        QCOMPARE(keysOf(again.removedRefs), keysOf(svcs(5, 10)));
        QCOMPARE(live(), 10);
        QVERIFY(isLive(svc(5)));
        // The new list, confirmed, applies.
        const RunSummary applied = runWith(delivered(0, 5), again.removedRefs).value();
        QVERIFY(!applied.held);
        QCOMPARE(live(), 5);
    }

    // Kept: later runs bring additions and edits; the kept stay live, are not counted by the
    // guard, and are never tombstoned.
    void keptEntitiesStayAndLaterRunsApply()
    {
        QVERIFY(runWith(delivered(0, 10)));
        const RunSummary held = runWith(delivered(0, 6)).value();
        QVERIFY(held.held);
        QVERIFY(KeptEntities(*m_cache).keep(Source, held.removedRefs));

        // An edit, an addition, and one more removal (svc-5): one of the 6 entities the
        // guard counts, past 10 % but under 20 %.
        QList<core::SourcedEntity> next = delivered(0, 5);
        next[1] = test::component(QStringLiteral("svc-1"), QStringLiteral("team-c"));
        next.append(test::component(QStringLiteral("svc-new")));
        SourceRunInput in = test::run(Source, next);
        in.maxRemovalShare = 0.20;
        const RunSummary after = CatalogWriter(*m_cache).applySourceRun(in).value();
        QVERIFY(!after.held);
        QCOMPARE(after.added, 1);
        QCOMPARE(after.changed, 1);
        QCOMPARE(after.removed, 1);
        QCOMPARE(after.keptByDecision, 4);
        QCOMPARE(keysOf(after.removedRefs), keysOf({ svc(5) }));
        for (const core::EntityRef &ref : svcs(6, 10))
            QVERIFY(isLive(ref));
        QCOMPARE(live(), 10); // 0..4, new, and the 4 kept
        QCOMPARE(keptKeys(), keysOf(svcs(6, 10)));

        // A run with only edits: the kept make no removal to hold.
        QList<core::SourcedEntity> edits = delivered(0, 5, QStringLiteral("team-d"));
        edits.append(test::component(QStringLiteral("svc-new"), QStringLiteral("team-d")));
        const RunSummary quiet = runWith(edits).value();
        QVERIFY(!quiet.held);
        QCOMPARE(quiet.changed, 6);
        QCOMPARE(quiet.removed, 0);
        QCOMPARE(quiet.keptByDecision, 4);
        QCOMPARE(keptKeys(), keysOf(svcs(6, 10)));
    }

    void aKeptEntityBackUpstreamEndsItsDecision()
    {
        QVERIFY(runWith(delivered(0, 10)));
        QVERIFY(KeptEntities(*m_cache).keep(Source, svcs(6, 10)));
        QList<core::SourcedEntity> back = delivered(0, 6);
        back.append(test::component(QStringLiteral("svc-7"), QStringLiteral("team-z")));
        const RunSummary summary = runWith(back).value();
        QVERIFY(!summary.held);
        QCOMPARE(summary.keptReturned, 1);
        QCOMPARE(summary.keptByDecision, 3);
        QCOMPARE(summary.changed, 1);
        QCOMPARE(keptKeys(), keysOf({ svc(6), svc(8), svc(9) }));
        // Gone again later: removed as any entity is (1 of 7 guarded, under a 20 % share).
        SourceRunInput in = test::run(Source, delivered(0, 6));
        in.maxRemovalShare = 0.20;
        const RunSummary gone = CatalogWriter(*m_cache).applySourceRun(in).value();
        QVERIFY(!gone.held);
        QCOMPARE(keysOf(gone.removedRefs), keysOf({ svc(7) }));
        QVERIFY(!isLive(svc(7)));
    }

    void aConfirmedRemovalOverridesAKeep()
    {
        QVERIFY(runWith(delivered(0, 10)));
        QVERIFY(KeptEntities(*m_cache).keep(Source, svcs(6, 10)));
        QVERIFY(!runWith(delivered(0, 6)).value().held);
        QCOMPARE(live(), 10);

        // Later, the person applies the removals of what they kept.
        const RunSummary applied = runWith(delivered(0, 6), svcs(6, 10)).value();
        QVERIFY(!applied.held);
        QCOMPARE(keysOf(applied.removedRefs), keysOf(svcs(6, 10)));
        QCOMPARE(live(), 6);
        QVERIFY(keptKeys().isEmpty());
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM kept_entities")), 0);

        // A confirmation whose kept entity came back upstream meets another list: held.
        QVERIFY(runWith(delivered(0, 10)));
        QVERIFY(KeptEntities(*m_cache).keep(Source, svcs(8, 10)));
        QVERIFY(!runWith(delivered(0, 8)).value().held);
        const RunSummary changed = runWith(delivered(0, 9), svcs(8, 10)).value();
        QVERIFY(changed.held);
        QVERIFY(changed.upstreamChanged);
        QCOMPARE(keysOf(changed.removedRefs), keysOf({ svc(9) }));
        QCOMPARE(keptKeys(), keysOf(svcs(8, 10))); // nothing applied: the decisions stand
    }

    void removingTheSourceEndsItsKeeps()
    {
        QVERIFY(runWith(delivered(0, 4)));
        QVERIFY(KeptEntities(*m_cache).keep(Source, { svc(1) }));
        QVERIFY(CatalogWriter(*m_cache).removeSource(Source));
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM kept_entities")), 0);
    }

    void aKindlessConfirmationIsRefused()
    {
        QVERIFY(runWith(delivered(0, 4)));
        const core::Result<RunSummary> refused = runWith(
            delivered(0, 2), { core::EntityRef(QString(), QStringLiteral("default"), QStringLiteral("svc-2")) });
        QVERIFY(!refused);
        QVERIFY2(
            refused.errorString().contains(u"must name an entity with its kind"), qPrintable(refused.errorString()));
        QCOMPARE(live(), 4);
    }

    void briefsNameKindTitleAndOwner()
    {
        QVERIFY(CatalogWriter(*m_cache).applySourceRun(test::run(Source,
            { test::component(QStringLiteral("svc-0"), QStringLiteral("team-a"),
                  QJsonObject { { QStringLiteral("title"), QStringLiteral("Service zero") },
                      { QStringLiteral("description"), QStringLiteral("Does *nothing*.") } }),
                test::group(QStringLiteral("team-a"), QStringLiteral("Team A")) })));
        const QList<EntityBrief> briefs = EntityBriefs::read(*m_cache, { svc(0), svc(9) }).value();
        QCOMPARE(briefs.size(), 2);
        QCOMPARE(briefs[0].ref.toString(), QStringLiteral("Component:default/svc-0"));
        QCOMPARE(briefs[0].kind, QStringLiteral("component"));
        QCOMPARE(briefs[0].title, QStringLiteral("Service zero"));
        QCOMPARE(briefs[0].description, QStringLiteral("Does *nothing*."));
        QCOMPARE(briefs[0].owner, QStringLiteral("Team A"));
        QCOMPARE(briefs[1].title, QStringLiteral("svc-9")); // not in the cache: its ref alone
        QVERIFY(briefs[1].owner.isEmpty());
    }

    // Schema 5 is kept_entities and its view, added to a schema-4 cache whose data stays.
    void migratesFromSchema4()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v4.sqlite3"));
        {
            auto made = Cache::open(path);
            QVERIFY2(made, qPrintable(made.errorString()));
            QVERIFY(CatalogWriter(**made).applySourceRun(test::run(Source, delivered(0, 3))));
            // What schema 4 was, but for its project triggers (migration 10 drops them if there):
            // migrations 5 to 7 only add (6 replaces v_components, which a migration from 4 then
            // replaces again), so removing what they added is schema 4.
            Database &db = (*made)->database();
            QVERIFY(db.exec(QStringLiteral(
                "DROP TABLE health_dependencies; "
                "DROP VIEW v_kept_entities; DROP TABLE kept_entities; DROP VIEW v_health; DROP TABLE health; "
                "DROP TABLE health_reads; DROP TABLE health_state; DROP TABLE health_scorecards; "
                "DROP INDEX entities_component_by_health; DROP VIEW v_components; "
                "ALTER TABLE entities DROP COLUMN health_score; ALTER TABLE entities DROP COLUMN health_band; "
                "CREATE VIEW v_components AS SELECT e.ref, e.name FROM entities e WHERE e.kind = 'component';")));
            QVERIFY(db.setUserVersion(4));
        }
        {
            auto v4 = Database::open(path);
            QVERIFY2(v4, qPrintable(v4.errorString()));
            QCOMPARE(v4->userVersion().value(), 4);
            QVERIFY(!v4->queryInt(QStringLiteral("SELECT count(*) FROM kept_entities")));
        }
        auto cache = Cache::open(path);
        QVERIFY2(cache, qPrintable(cache.errorString()));
        QCOMPARE((*cache)->database().userVersion().value(), Schema::latestVersion());
        QCOMPARE(Schema::latestVersion(), 10);
        QCOMPARE(test::count(**cache, QStringLiteral("SELECT count(*) FROM v_entities")), 3);
        QCOMPARE(test::count(**cache, QStringLiteral("SELECT count(*) FROM v_kept_entities")), 0);
        QVERIFY(KeptEntities(**cache).keep(Source, { svc(2) }));
        QCOMPARE(test::count(**cache,
                     QStringLiteral("SELECT count(*) FROM v_kept_entities WHERE ref = "
                                    "'Component:default/svc-2' AND kind = 'Component'")),
            1);
        QCOMPARE(
            (*cache)->database().queryText(QStringLiteral("PRAGMA integrity_check")).value(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestKeptEntities)
#include "tst_keptentities.moc"
