// SPDX-License-Identifier: GPL-3.0-or-later
// The one write path: tombstones, idempotent re-runs, one transaction, the mass-removal
// guard, conflicts between sources, incremental runs, source removal, purges, FTS upkeep.
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/SearchIndexer.h"
#include "cache/SnapshotStore.h"

#include <QTemporaryDir>
#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

namespace {

core::EntityRef ref(const QString &text)
{
    return core::EntityRef::parse(text).value();
}

QStringList keysOf(const QList<core::EntityRef> &refs)
{
    QStringList out;
    for (const core::EntityRef &r : refs)
        out.append(r.key());
    out.sort();
    return out;
}

qint64 ftsHits(Cache &cache, const QString &match)
{
    auto stmt = cache.database().prepare(
        QStringLiteral("SELECT count(*) FROM entities_fts f JOIN entities e ON e.id = f.rowid "
                       "WHERE entities_fts MATCH ?1 AND e.removed_at IS NULL"));
    if (!stmt)
        return -1;
    stmt->bind(1, match);
    auto step = stmt->step();
    return step ? stmt->int64(0) : -1;
}

} // namespace

class TestCatalogWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;
    QString m_path;

    std::unique_ptr<Cache> openCache()
    {
        auto cache = Cache::open(m_path);
        if (!cache)
            qFatal("%s", qPrintable(cache.errorString()));
        return std::move(cache).value();
    }

private Q_SLOTS:
    void init()
    {
        static int n = 0;
        m_path = m_dir.filePath(QStringLiteral("cache-%1.sqlite3").arg(++n));
        m_cache = openCache();
    }
    void cleanup() { m_cache.reset(); }

    void firstRunAddsEverything()
    {
        CatalogWriter writer(*m_cache);
        QList<core::SourcedEntity> entities = test::components(5);
        entities.append(test::group(QStringLiteral("team-a"), QStringLiteral("Team Aardvark")));
        auto summary = writer.applySourceRun(test::run(QStringLiteral("files"), entities));
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QCOMPARE(summary->added, 6);
        QCOMPARE(summary->changed, 0);
        QCOMPARE(summary->removed, 0);
        QVERIFY(!summary->held);
        QVERIFY(summary->runId > 0);
        QCOMPARE(summary->addedRefs.size(), 6);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM v_components")), 5);
        // ownedBy + ownerOf for each component, read from both ends.
        QCOMPARE(test::count(*m_cache,
                     QStringLiteral("SELECT count(*) FROM v_relations WHERE target = "
                                    "'group:default/team-a' AND type = 'ownedBy'")),
            5);
        QCOMPARE(test::count(*m_cache,
                     QStringLiteral("SELECT count(*) FROM v_relations WHERE source = "
                                    "'group:default/team-a' AND type = 'ownerOf'")),
            5);
        QCOMPARE(
            test::count(*m_cache, QStringLiteral("SELECT count(*) FROM sync_run_entities WHERE change='added'")), 6);
        auto sources = writer.sources();
        QVERIFY(sources);
        QCOMPARE(sources->size(), 1);
        QCOMPARE(sources->first().liveEntities, 6);
    }

    void reapplyingTheSameSetChangesNothing()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(10))));
        const qint64 updatedBefore = test::count(*m_cache,
            QStringLiteral("SELECT count(*) FROM entities WHERE updated_at = "
                           "(SELECT max(updated_at) FROM entities)"));
        auto again = writer.applySourceRun(test::run(QStringLiteral("files"), test::components(10)));
        QVERIFY(again);
        QCOMPARE(again->added, 0);
        QCOMPARE(again->changed, 0);
        QCOMPARE(again->removed, 0);
        QCOMPARE(again->unchanged, 10);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities")), 10);
        QCOMPARE(test::count(*m_cache,
                     QStringLiteral("SELECT count(*) FROM entities WHERE updated_at = "
                                    "(SELECT max(updated_at) FROM entities)")),
            updatedBefore);
        QCOMPARE(
            test::count(*m_cache, QStringLiteral("SELECT unchanged FROM v_sync_runs ORDER BY id DESC LIMIT 1")), 10);
    }

    void changedDocumentIsUpdated()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(3))));
        QList<core::SourcedEntity> next = test::components(3);
        next[1] = test::component(QStringLiteral("svc-1"), QStringLiteral("team-b"));
        auto summary = writer.applySourceRun(test::run(QStringLiteral("files"), next));
        QVERIFY(summary);
        QCOMPARE(summary->changed, 1);
        QCOMPARE(summary->unchanged, 2);
        QCOMPARE(keysOf(summary->changedRefs), QStringList { QStringLiteral("component:default/svc-1") });
        QCOMPARE(test::count(*m_cache,
                     QStringLiteral("SELECT count(*) FROM v_relations WHERE origin = "
                                    "'Component:default/svc-1' AND target = 'group:default/team-a'")),
            0);
        QCOMPARE(test::count(*m_cache,
                     QStringLiteral("SELECT count(*) FROM v_components WHERE owner = "
                                    "'group:default/team-b'")),
            1);
    }

    void tombstonesKeepTheDocumentAndComeBackToLife()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(20))));
        QList<core::SourcedEntity> fewer = test::components(20);
        fewer.removeAt(7);
        auto summary = writer.applySourceRun(test::run(QStringLiteral("files"), fewer));
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QVERIFY(!summary->held); // 1 of 20 is a handful
        QCOMPARE(summary->removed, 1);
        QCOMPARE(keysOf(summary->removedRefs), QStringList { QStringLiteral("component:default/svc-7") });
        QVERIFY(!summary->snapshotId.isEmpty()); // taken before the removal

        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities")), 20); // nothing deleted
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM v_components")), 19);
        QCOMPARE(test::count(*m_cache,
                     QStringLiteral("SELECT count(*) FROM v_removed WHERE name='svc-7' AND "
                                    "json_extract(document, '$.spec.owner') = 'team-a'")),
            1);
        // Relations of a tombstoned entity no longer show.
        QCOMPARE(test::count(*m_cache,
                     QStringLiteral("SELECT count(*) FROM v_relations WHERE origin = "
                                    "'Component:default/svc-7'")),
            0);

        auto back = writer.applySourceRun(test::run(QStringLiteral("files"), test::components(20)));
        QVERIFY(back);
        QCOMPARE(back->added, 1);
        QCOMPARE(back->unchanged, 19);
        QCOMPARE(keysOf(back->addedRefs), QStringList { QStringLiteral("component:default/svc-7") });
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM v_removed")), 0);
        QCOMPARE(test::count(*m_cache,
                     QStringLiteral("SELECT count(*) FROM v_relations WHERE origin = "
                                    "'Component:default/svc-7'")),
            2);
    }

    void massRemovalGuard_data()
    {
        QTest::addColumn<int>("kept");
        QTest::addColumn<bool>("allow");
        QTest::addColumn<bool>("held");
        QTest::newRow("nothing left") << 0 << false << true;
        QTest::newRow("60% removed") << 8 << false << true;
        QTest::newRow("1 of 20 removed") << 19 << false << false;
        QTest::newRow("2 of 20 removed (10%, not more)") << 18 << false << false;
        QTest::newRow("60% removed, allowed") << 8 << true << false;
        QTest::newRow("nothing left, allowed") << 0 << true << false;
    }

    void massRemovalGuard()
    {
        QFETCH(int, kept);
        QFETCH(bool, allow);
        QFETCH(bool, held);
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(20))));
        const QByteArray entitiesBefore
            = m_cache->database()
                  .queryText(QStringLiteral("SELECT group_concat(key || coalesce(removed_at, '-')) FROM entities"))
                  .value()
                  .toUtf8();
        SourceRunInput input = test::run(QStringLiteral("files"), test::components(kept));
        input.allowRemovals = allow;
        auto summary = writer.applySourceRun(input);
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QCOMPARE(summary->held, held);
        QCOMPARE(summary->removed, 20 - kept);
        QCOMPARE(summary->removedRefs.size(), 20 - kept);
        const QString entitiesAfter
            = m_cache->database()
                  .queryText(QStringLiteral("SELECT group_concat(key || coalesce(removed_at, '-')) FROM entities"))
                  .value();
        auto runs = writer.recentRuns(1);
        QVERIFY(runs);
        if (held) {
            QCOMPARE(entitiesAfter.toUtf8(), entitiesBefore); // nothing applied
            QVERIFY(summary->snapshotId.isEmpty());
            QCOMPARE(runs->first().status, QStringLiteral("held"));
            QCOMPARE(runs->first().held, 20 - kept);
            QCOMPARE(test::count(*m_cache,
                         QStringLiteral("SELECT count(*) FROM sync_run_entities WHERE run_id = %1 "
                                        "AND change = 'would-remove'")
                             .arg(summary->runId)),
                20 - kept);
        } else {
            QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM v_components")), kept);
            QCOMPARE(runs->first().status, QStringLiteral("ok"));
            QCOMPARE(runs->first().removed, 20 - kept);
        }
    }

    void failureHalfwayLeavesTheFileUnchanged()
    {
        {
            CatalogWriter writer(*m_cache);
            QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(50))));
        }
        m_cache.reset(); // checkpoint: the file alone holds the state
        const QByteArray before = test::fileBytes(m_path);
        m_cache = openCache();
        {
            CatalogWriter writer(*m_cache);
            QList<core::SourcedEntity> next = test::components(1000, QStringLiteral("new"));
            next.append(test::components(40)); // 10 removed, allowed
            SourceRunInput input = test::run(QStringLiteral("files"), next);
            input.allowRemovals = true;
            int calls = 0;
            input.progress = [&calls](int done, int total) {
                ++calls;
                return done < total / 2; // fail halfway through the writes
            };
            auto summary = writer.applySourceRun(input);
            QVERIFY(!summary);
            QVERIFY2(summary.errorString().contains(QStringLiteral("cancelled")), qPrintable(summary.errorString()));
            QVERIFY(calls > 1);
            QVERIFY(!m_cache->database().inTransaction());
            QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities")), 50);
        }
        m_cache.reset();
        QCOMPARE(test::fileBytes(m_path), before);
    }

    void constraintViolationRollsBackEverything()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(5))));
        // A trigger standing for any failure deep in the write (disk full, I/O error).
        QVERIFY(m_cache->database().exec(
            QStringLiteral("CREATE TEMP TRIGGER fail_on_boom BEFORE INSERT ON entities WHEN NEW.name = 'boom' "
                           "BEGIN SELECT RAISE(ABORT, 'injected fault'); END")));
        QList<core::SourcedEntity> next = test::components(3);
        next.append(test::component(QStringLiteral("new-one")));
        next.append(test::component(QStringLiteral("boom")));
        SourceRunInput input = test::run(QStringLiteral("files"), next);
        input.allowRemovals = true;
        auto summary = writer.applySourceRun(input);
        QVERIFY(!summary);
        QVERIFY2(summary.errorString().contains(QStringLiteral("injected fault")), qPrintable(summary.errorString()));
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM v_components")), 5);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities WHERE name = 'new-one'")), 0);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM sync_runs")), 1);
    }

    void dryRunWritesNothing()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(10))));
        const qint64 changesBefore = test::count(*m_cache, QStringLiteral("PRAGMA data_version"));
        SourceRunInput input = test::run(QStringLiteral("files"), test::components(5, QStringLiteral("other")));
        input.dryRun = true;
        input.allowRemovals = true;
        auto summary = writer.applySourceRun(input);
        QVERIFY(summary);
        QCOMPARE(summary->added, 5);
        QCOMPARE(summary->removed, 10);
        QCOMPARE(summary->runId, 0);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM v_components")), 10);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM sync_runs")), 1);
        QCOMPARE(test::count(*m_cache, QStringLiteral("PRAGMA data_version")), changesBefore);
    }

    void earlierSourceKeepsAConflictingRef()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(
            writer.applySourceRun(test::run(QStringLiteral("first"), { test::component(QStringLiteral("shared")) })));
        auto second = writer.applySourceRun(test::run(QStringLiteral("second"),
            { test::component(QStringLiteral("shared"), QStringLiteral("team-z")),
                test::component(QStringLiteral("own")) }));
        QVERIFY(second);
        QCOMPARE(second->added, 1);
        QCOMPARE(second->conflicts.size(), 1);
        QVERIFY2(second->conflicts.first().contains(QStringLiteral("first")), qPrintable(second->conflicts.first()));
        QCOMPARE(test::count(*m_cache,
                     QStringLiteral("SELECT count(*) FROM v_entities WHERE name = 'shared' AND "
                                    "source = 'first' AND owner = 'group:default/team-a'")),
            1);
        // The later source does not own it, so not delivering it later removes nothing.
        auto again
            = writer.applySourceRun(test::run(QStringLiteral("second"), { test::component(QStringLiteral("own")) }));
        QVERIFY(again);
        QCOMPARE(again->removed, 0);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM v_components WHERE name='shared'")), 1);

        // When the earlier source drops it, the later one can take it.
        SourceRunInput drop = test::run(QStringLiteral("first"), {});
        drop.allowRemovals = true;
        QVERIFY(writer.applySourceRun(drop));
        auto taken = writer.applySourceRun(test::run(QStringLiteral("second"),
            { test::component(QStringLiteral("shared"), QStringLiteral("team-z")),
                test::component(QStringLiteral("own")) }));
        QVERIFY(taken);
        QCOMPARE(taken->added, 1);
        QCOMPARE(test::count(*m_cache,
                     QStringLiteral("SELECT count(*) FROM v_entities WHERE name = 'shared' AND "
                                    "source = 'second'")),
            1);
    }

    void runLogNamesEachEntityAndWhatHappenedToIt()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(
            writer.applySourceRun(test::run(QStringLiteral("first"), { test::component(QStringLiteral("shared")) })));
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("second"),
            { test::component(QStringLiteral("b-kept")), test::component(QStringLiteral("a-edited")),
                test::component(QStringLiteral("c-gone")) })));
        SourceRunInput next = test::run(QStringLiteral("second"),
            { test::component(QStringLiteral("b-kept")),
                test::component(QStringLiteral("a-edited"), QStringLiteral("team-b")),
                test::component(QStringLiteral("shared")), test::component(QStringLiteral("d-new")) });
        next.allowRemovals = true;
        auto summary = writer.applySourceRun(next);
        QVERIFY2(summary, qPrintable(summary.errorString()));
        const QString logged = m_cache->database()
                                   .queryText(QStringLiteral("SELECT group_concat(entity_key || ' ' || change, ', ') "
                                                             "FROM (SELECT * FROM sync_run_entities WHERE run_id = %1 "
                                                             "ORDER BY entity_key)")
                                                  .arg(summary->runId))
                                   .value();
        QCOMPARE(logged,
            QStringLiteral("component:default/a-edited changed, component:default/c-gone removed, "
                           "component:default/d-new added, component:default/shared conflict"));
    }

    void incrementalRunKeepsUnchangedRefs()
    {
        CatalogWriter writer(*m_cache);
        QList<core::SourcedEntity> all;
        for (int i = 0; i < 10; ++i) {
            all.append(test::component(QStringLiteral("svc-%1").arg(i), QStringLiteral("team-a"),
                QJsonObject { { QStringLiteral("uid"), QStringLiteral("uid-%1").arg(i) },
                    { QStringLiteral("etag"), QStringLiteral("e%1").arg(i) } }));
        }
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("backstage"), all)));
        // The etags a sync diffs a listing against, as a prepared run reads them.
        const auto etagsNow = [&writer] {
            auto prepared = writer.prepareSourceRun(test::run(QStringLiteral("backstage"), {}));
            return prepared ? (*prepared)->ownEtags() : QHash<QString, QString>();
        };
        const QHash<QString, QString> etags = etagsNow();
        QCOMPARE(etags.size(), 10);
        QCOMPARE(etags.value(QStringLiteral("component:default/svc-3")), QStringLiteral("e3"));

        SourceRunInput input = test::run(QStringLiteral("backstage"),
            { test::component(QStringLiteral("svc-0"), QStringLiteral("team-b"),
                QJsonObject { { QStringLiteral("etag"), QStringLiteral("e0b") } }) });
        for (int i = 1; i < 9; ++i)
            input.unchangedRefs.append(ref(QStringLiteral("component:default/svc-%1").arg(i)));
        auto summary = writer.applySourceRun(input); // svc-9 is gone upstream: 1 of 10 not held (10%)
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QVERIFY(!summary->held);
        QCOMPARE(summary->changed, 1);
        QCOMPARE(summary->unchanged, 8);
        QCOMPARE(summary->removed, 1);
        QCOMPARE(etagsNow().value(QStringLiteral("component:default/svc-0")), QStringLiteral("e0b"));
        QVERIFY(!etagsNow().contains(QStringLiteral("component:default/svc-9"))); // tombstoned
    }

    void ftsFollowsChangesAndOwnerNames()
    {
        CatalogWriter writer(*m_cache);
        QList<core::SourcedEntity> entities {
            test::component(QStringLiteral("payments-api"), QStringLiteral("team-a"),
                QJsonObject { { QStringLiteral("title"), QStringLiteral("Checkout gateway") },
                    { QStringLiteral("description"), QStringLiteral("Takes the money") },
                    { QStringLiteral("tags"), QJsonArray { QStringLiteral("java"), QStringLiteral("pci") } } }),
            test::group(QStringLiteral("team-a"), QStringLiteral("Aardvarks")),
        };
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), entities)));
        QCOMPARE(ftsHits(*m_cache, QStringLiteral("pay*")), 1);
        QCOMPARE(ftsHits(*m_cache, QStringLiteral("checkout")), 1);
        QCOMPARE(ftsHits(*m_cache, QStringLiteral("money")), 1);
        QCOMPARE(ftsHits(*m_cache, QStringLiteral("pci")), 1);
        QCOMPARE(ftsHits(*m_cache, QStringLiteral("owner_name:aardvarks")), 1);

        // The owner is renamed in another source's run: its components follow.
        entities[1] = test::group(QStringLiteral("team-a"), QStringLiteral("Badgers"));
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), entities)));
        QCOMPARE(ftsHits(*m_cache, QStringLiteral("owner_name:aardvarks")), 0);
        QCOMPARE(ftsHits(*m_cache, QStringLiteral("owner_name:badgers")), 1);

        // Only the group changes, delivered alone by an incremental run.
        SourceRunInput incremental = test::run(
            QStringLiteral("files"), { test::group(QStringLiteral("team-a"), QStringLiteral("Capybaras")) });
        incremental.unchangedRefs.append(ref(QStringLiteral("component:default/payments-api")));
        QVERIFY(writer.applySourceRun(incremental));
        QCOMPARE(ftsHits(*m_cache, QStringLiteral("owner_name:capybaras")), 1);
        QCOMPARE(ftsHits(*m_cache, QStringLiteral("owner_name:badgers")), 0);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities_fts")), 2);
    }

    // A pasted log as a description: its beginning is searchable, the rest is kept in the
    // entity but not indexed, on the first write and when the owner's rename re-indexes it.
    void onlyTheBeginningOfAHugeTextIsIndexed()
    {
        CatalogWriter writer(*m_cache);
        const QString huge
            = QStringLiteral("zebra ") + QString(SearchIndexer::kIndexedChars, u'x') + QStringLiteral(" walrus");
        QList<core::SourcedEntity> entities {
            test::component(QStringLiteral("logged"), QStringLiteral("team-a"),
                QJsonObject { { QStringLiteral("description"), huge } }),
            test::group(QStringLiteral("team-a"), QStringLiteral("Aardvarks")),
        };
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), entities)));
        QCOMPARE(ftsHits(*m_cache, QStringLiteral("zebra")), 1);
        QCOMPARE(ftsHits(*m_cache, QStringLiteral("walrus")), 0);

        entities[1] = test::group(QStringLiteral("team-a"), QStringLiteral("Badgers"));
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), entities)));
        QCOMPARE(ftsHits(*m_cache, QStringLiteral("owner_name:badgers")), 1);
        QCOMPARE(ftsHits(*m_cache, QStringLiteral("zebra")), 1);
        QCOMPARE(ftsHits(*m_cache, QStringLiteral("walrus")), 0);
        QCOMPARE(test::count(*m_cache,
                     QStringLiteral("SELECT length(json_extract(document, '$.metadata.description')) FROM entities "
                                    "WHERE name = 'logged'")),
            huge.size());
    }

    void removingASourceTombstonesItsEntities()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("a"), test::components(4))));
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("b"), test::components(2, QStringLiteral("b")))));
        auto removed = writer.removeSource(QStringLiteral("a"));
        QVERIFY2(removed, qPrintable(removed.errorString()));
        QCOMPARE(removed->removed, 4);
        QVERIFY(!removed->snapshotId.isEmpty());
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM v_components")), 2);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM v_removed WHERE source = 'a'")), 4);
        QCOMPARE(writer.sources()->size(), 1);
        QCOMPARE(writer.recentRuns(1)->first().operation, QStringLiteral("remove-source"));
        QVERIFY(!writer.removeSource(QStringLiteral("a")));
    }

    void sourceOptionsAreSavedForConfiguredSourcesOnly()
    {
        CatalogWriter writer(*m_cache);
        QCOMPARE(writer.sourceOptions(QStringLiteral("nowhere")).value(), QJsonObject());
        const QJsonObject options { { QStringLiteral("tokenEnv"), QStringLiteral("TOKEN") } };
        QVERIFY(writer.addSource(QStringLiteral("bs"), QStringLiteral("backstage"),
            QStringLiteral("https://backstage.example.com/api/catalog"), options));
        QCOMPARE(writer.sourceOptions(QStringLiteral("bs")).value(), options);

        QJsonObject withState = options;
        withState.insert(QStringLiteral("state"), QJsonObject { { QStringLiteral("listing"), QStringLiteral("v1") } });
        QVERIFY(writer.saveSourceOptions(QStringLiteral("bs"), withState));
        QCOMPARE(writer.sourceOptions(QStringLiteral("bs")).value(), withState);
        // Kind and location stay as configured.
        QCOMPARE(writer.sources()->first().location, QStringLiteral("https://backstage.example.com/api/catalog"));
        QCOMPARE(writer.sources()->first().options, withState);

        // A removed source is not brought back by a late save.
        QVERIFY(writer.removeSource(QStringLiteral("bs")));
        QVERIFY(writer.saveSourceOptions(QStringLiteral("bs"), options));
        QCOMPARE(writer.sourceOptions(QStringLiteral("bs")).value(), QJsonObject());
        QVERIFY(writer.sources()->isEmpty());
    }

    void purgeIsExplicitAndLogged()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(20))));
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(19))));
        // Nothing old enough yet.
        QCOMPARE(writer.purgeTombstones(QDateTime::currentDateTimeUtc().addDays(-30)).value(), 0);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM v_removed")), 1);
        QTest::qWait(5);
        auto purged = writer.purgeTombstones(QDateTime::currentDateTimeUtc());
        QVERIFY2(purged, qPrintable(purged.errorString()));
        QCOMPARE(*purged, 1);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities")), 19);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities_fts")), 19);
        QCOMPARE(test::count(*m_cache,
                     QStringLiteral("SELECT count(*) FROM relations r WHERE NOT EXISTS "
                                    "(SELECT 1 FROM entities e WHERE e.id = r.origin_id)")),
            0);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count FROM purges ORDER BY id DESC LIMIT 1")), 1);
        QCOMPARE(m_cache->database()
                     .queryText(QStringLiteral("SELECT entity_keys FROM purges ORDER BY id DESC LIMIT 1"))
                     .value(),
            QStringLiteral("[\"component:default/svc-19\"]"));
    }

    void runLogKeepsTheLastFifty()
    {
        CatalogWriter writer(*m_cache);
        for (int i = 0; i < 55; ++i)
            QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(1 + i % 2))));
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM sync_runs")), CatalogWriter::RunsKept);
        QCOMPARE(test::count(*m_cache,
                     QStringLiteral("SELECT count(*) FROM sync_run_entities WHERE run_id NOT IN "
                                    "(SELECT id FROM sync_runs)")),
            0);
        QVERIFY(writer.recordFailedRun(QStringLiteral("files"), QDateTime::currentDateTimeUtc(),
            QStringLiteral("HTTP 500 from https://example.com")));
        auto runs = writer.recentRuns(1);
        QCOMPARE(runs->first().status, QStringLiteral("failed"));
        QCOMPARE(runs->first().error, QStringLiteral("HTTP 500 from https://example.com"));
    }
};

QTEST_GUILESS_MAIN(TestCatalogWriter)
#include "tst_catalogwriter.moc"
