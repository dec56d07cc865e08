// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/Database.h"
#include "cache/Schema.h"
#include "cache/SnapshotStore.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

class TestSnapshotStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createListRestoreRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite3"));
        auto cache = Cache::open(path);
        QVERIFY(cache);
        CatalogWriter writer(**cache);
        QList<core::SourcedEntity> entities = test::components(6);
        entities.append(test::group(QStringLiteral("team-a"), QStringLiteral("Aardvarks")));
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), entities)));

        SnapshotStore store(**cache);
        QCOMPARE(store.folder(), path + QStringLiteral(".snapshots"));
        auto created = store.create();
        QVERIFY2(created, qPrintable(created.errorString()));
        QCOMPARE(created->liveEntities, 7);
        QCOMPARE(created->liveByKind.value(QStringLiteral("component")), 6);
        QCOMPARE(created->liveByKind.value(QStringLiteral("group")), 1);
        QVERIFY(created->sizeBytes > 0);
        QVERIFY(qAbs(created->createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        // Change the cache after the snapshot, then go back.
        SourceRunInput wipe = test::run(QStringLiteral("files"), test::components(2, QStringLiteral("other")));
        wipe.allowRemovals = true;
        auto applied = writer.applySourceRun(wipe);
        QVERIFY(applied);
        QVERIFY(!applied->snapshotId.isEmpty()); // removals snapshot first
        QCOMPARE(test::count(**cache, QStringLiteral("SELECT count(*) FROM v_entities")), 2);

        auto listed = store.list();
        QVERIFY(listed);
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->first().id, applied->snapshotId); // newest first
        QCOMPARE(listed->last().id, created->id);

        auto restored = store.restore(created->id);
        QVERIFY2(restored, qPrintable(restored.errorString()));
        QCOMPARE(test::count(**cache, QStringLiteral("SELECT count(*) FROM v_entities")), 7);
        QCOMPARE(test::count(**cache, QStringLiteral("SELECT count(*) FROM v_components WHERE name = 'svc-5'")), 1);
        QCOMPARE(
            test::count(**cache, QStringLiteral("SELECT count(*) FROM entities_fts WHERE entities_fts MATCH 'svc'")),
            6);
        QCOMPARE(
            (*cache)->database().queryText(QStringLiteral("PRAGMA integrity_check")).value(), QStringLiteral("ok"));
        // The replaced state was itself kept.
        auto undo = store.info(*restored);
        QVERIFY(undo);
        QCOMPARE(undo->liveEntities, 2);

        // The restored content survives a reopen (it is in the file, not only in memory).
        cache->reset();
        auto reopened = Cache::open(path);
        QVERIFY(reopened);
        QVERIFY((*reopened)->quarantineMessage().isEmpty());
        QCOMPARE(test::count(**reopened, QStringLiteral("SELECT count(*) FROM v_entities")), 7);
    }

    void aSnapshotFromANewerCairnIsRefused()
    {
        QTemporaryDir dir;
        auto cache = Cache::open(dir.filePath(QStringLiteral("cache.sqlite3")));
        QVERIFY(cache);
        CatalogWriter writer(**cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(3))));
        SnapshotStore store(**cache);
        auto created = store.create();
        QVERIFY2(created, qPrintable(created.errorString()));
        {
            auto snapshot = Database::open(created->path, Database::Mode::ReadWrite);
            QVERIFY(snapshot);
            QVERIFY(snapshot->setUserVersion(Schema::latestVersion() + 1));
        }

        auto refused = store.restore(created->id);
        QVERIFY(!refused);
        // The fact and its kind; what to do about it is the command line's to say (tst_cli).
        QCOMPARE(refused.errorKind(), core::ErrorKind::NewerVersion);
        QVERIFY2(refused.errorString().contains(created->path), qPrintable(refused.errorString()));
        QVERIFY2(!refused.errorString().contains(u"--cache"), qPrintable(refused.errorString()));
        // Refused before anything was done: no snapshot of the current state, the cache as it was.
        QCOMPARE(store.list()->size(), 1);
        QCOMPARE(test::count(**cache, QStringLiteral("SELECT count(*) FROM v_entities")), 3);
    }

    void keepsTheLastN()
    {
        QTemporaryDir dir;
        auto cache = Cache::open(dir.filePath(QStringLiteral("cache.sqlite3")));
        QVERIFY(cache);
        SnapshotStore store(**cache);
        QStringList ids;
        for (int i = 0; i < 7; ++i)
            ids.append(store.create().value().id);
        QCOMPARE(store.list()->size(), 7);
        QCOMPARE(store.keepLast(SnapshotStore::DefaultKept).value(), 2);
        auto left = store.list();
        QCOMPARE(left->size(), 5);
        QCOMPARE(left->first().id, ids.last());
        QCOMPARE(left->last().id, ids.at(2));
        QVERIFY(!store.restore(QStringLiteral("19990101T000000000")));
    }

    void runsKeepOnlyTheConfiguredNumber()
    {
        QTemporaryDir dir;
        auto cache = Cache::open(dir.filePath(QStringLiteral("cache.sqlite3")));
        QVERIFY(cache);
        CatalogWriter writer(**cache);
        for (int i = 0; i < 4; ++i) {
            SourceRunInput in = test::run(QStringLiteral("files"), test::components(3, QStringLiteral("r%1").arg(i)));
            in.allowRemovals = true;
            in.snapshotsToKeep = 2;
            QVERIFY(writer.applySourceRun(in));
        }
        SnapshotStore store(**cache);
        QCOMPARE(store.list()->size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotStore)
#include "tst_snapshotstore.moc"
