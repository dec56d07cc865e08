// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/Database.h"
#include "cache/Schema.h"
#include "cache/SnapshotStore.h"
#include "core/Clock.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

class TestSnapshotStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A snapshot killed while it was being copied left its .partial file (tens of MB) for
    // ever; the next snapshot clears what such a kill left, but not a copy still being written.
    void theNextSnapshotClearsWhatAKilledOneLeft()
    {
        QTemporaryDir dir;
        auto cache = Cache::open(dir.filePath(QStringLiteral("cache.sqlite3")));
        QVERIFY(cache);
        QVERIFY(CatalogWriter(**cache).applySourceRun(test::run(QStringLiteral("files"), test::components(3))));
        SnapshotStore store(**cache);
        QVERIFY(QDir().mkpath(store.folder()));
        const QString killed = store.folder() + QStringLiteral("/20261101T101010101.sqlite3.partial");
        const QString killedJournal = killed + QStringLiteral("-journal");
        const QString writing = store.folder() + QStringLiteral("/20261202T101010101.sqlite3.partial");
        for (const QString &path : { killed, killedJournal, writing }) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(4096, 'x'));
        }
        const QDateTime anHourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
        for (const QString &path : { killed, killedJournal }) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(anHourAgo, QFileDevice::FileModificationTime));
        }

        auto created = store.create(SnapshotReason::byHand());
        QVERIFY2(created, qPrintable(created.errorString()));
        QVERIFY(!QFileInfo::exists(killed));
        QVERIFY(!QFileInfo::exists(killedJournal));
        QVERIFY(QFileInfo::exists(writing)); // written to a minute ago: another copy may be on its way
        QCOMPARE(store.list()->size(), 1);
    }

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
        auto created = store.create(SnapshotReason::byHand());
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
        auto created = store.create(SnapshotReason::byHand());
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
            ids.append(store.create(SnapshotReason::byHand()).value().id);
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
    // Why each snapshot was taken is kept beside it (the schema has no place for it) and
    // listed with it: by hand, before a run's removals, before a restore, before a source
    // is removed, before a purge.
    void keepsWhyEachSnapshotWasTaken()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite3"));
        auto cache = Cache::open(path);
        QVERIFY(cache);
        CatalogWriter writer(**cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(4))));
        SnapshotStore store(**cache);

        auto byHand = store.create(SnapshotReason::byHand());
        QVERIFY2(byHand, qPrintable(byHand.errorString()));
        QCOMPARE(byHand->reason, SnapshotReason::byHand());
        QVERIFY(QFileInfo::exists(store.folder() + u'/' + byHand->id + QStringLiteral(".json")));

        SourceRunInput fewer = test::run(QStringLiteral("files"), test::components(3));
        fewer.allowRemovals = true;
        auto applied = writer.applySourceRun(fewer);
        QVERIFY(applied && !applied->snapshotId.isEmpty());

        auto undo = store.restore(byHand->id);
        QVERIFY2(undo, qPrintable(undo.errorString()));

        auto removed = writer.removeSource(QStringLiteral("files"));
        QVERIFY2(removed, qPrintable(removed.errorString()));
        QVERIFY(!removed->snapshotId.isEmpty());

        auto listed = store.list();
        QVERIFY2(listed, qPrintable(listed.errorString()));
        QCOMPARE(listed->size(), 4);
        QCOMPARE(listed->at(0).id, removed->snapshotId);
        QCOMPARE(listed->at(0).reason, SnapshotReason::beforeSourceRemoval(QStringLiteral("files")));
        QCOMPARE(listed->at(0).reason.describe(), QStringLiteral("before removing source \u201cfiles\u201d"));
        QCOMPARE(listed->at(1).id, *undo);
        QCOMPARE(listed->at(1).reason, SnapshotReason::beforeRestore(byHand->id));
        QCOMPARE(listed->at(1).reason.describe(), QStringLiteral("before restoring ") + byHand->id);
        QCOMPARE(listed->at(2).id, applied->snapshotId);
        QCOMPARE(listed->at(2).reason, SnapshotReason::beforeRemovals(QStringLiteral("files")));
        QCOMPARE(listed->at(2).reason.describe(), QStringLiteral("before removals of \u201cfiles\u201d"));
        QCOMPARE(listed->at(3).id, byHand->id);
        QCOMPARE(listed->at(3).reason.describe(), QStringLiteral("taken by hand"));

        // Purging tombstones, the one deletion of upstream data, says so too.
        QVERIFY(writer.purgeTombstones(QDateTime::currentDateTimeUtc().addSecs(60)));
        QCOMPARE(store.list()->first().reason, SnapshotReason::beforePurge());
    }

    // A snapshot from before reasons were kept, or whose sidecar is unreadable, is listed
    // and restorable all the same, with no reason; pruning takes the sidecars along.
    void aSnapshotWithoutAReasonIsStillListedAndPrunedWithIt()
    {
        QTemporaryDir dir;
        auto cache = Cache::open(dir.filePath(QStringLiteral("cache.sqlite3")));
        QVERIFY(cache);
        SnapshotStore store(**cache);
        auto older = store.create(SnapshotReason::byHand());
        auto newer = store.create(SnapshotReason::byHand());
        QVERIFY(older && newer);
        QVERIFY(QFile::remove(store.folder() + u'/' + older->id + QStringLiteral(".json")));
        {
            QFile garbled(store.folder() + u'/' + newer->id + QStringLiteral(".json"));
            QVERIFY(garbled.open(QIODevice::WriteOnly | QIODevice::Truncate));
            garbled.write("{not json");
        }
        auto listed = store.list();
        QVERIFY2(listed, qPrintable(listed.errorString()));
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(0).reason.kind, SnapshotReason::Kind::Unknown);
        QCOMPARE(listed->at(1).reason.kind, SnapshotReason::Kind::Unknown);
        QVERIFY(listed->at(1).reason.describe().isEmpty());
        QVERIFY(store.restore(older->id));

        QCOMPARE(store.keepLast(1).value(), 2);
        QCOMPARE(QDir(store.folder()).entryList(QDir::Files).size(), 2); // one snapshot, its reason
    }

    // A snapshot that cannot be read does not hide the others, nor stop old ones being pruned.
    void anUnreadableSnapshotIsListedWithItsProblem()
    {
        QTemporaryDir dir;
        auto cache = Cache::open(dir.filePath(QStringLiteral("cache.sqlite3")));
        QVERIFY(cache);
        SnapshotStore store(**cache);
        auto older = store.create(SnapshotReason::byHand());
        auto newer = store.create(SnapshotReason::byHand());
        QVERIFY(older && newer);
        {
            QFile garbage(older->path);
            QVERIFY(garbage.open(QIODevice::WriteOnly | QIODevice::Truncate));
            garbage.write(QByteArray(8192, 'x'));
        }
        auto listed = store.list();
        QVERIFY2(listed, qPrintable(listed.errorString()));
        QCOMPARE(listed->size(), 2);
        QVERIFY(listed->at(0).problem.isEmpty());
        QCOMPARE(listed->at(1).id, older->id);
        QVERIFY(!listed->at(1).problem.isEmpty());
        QCOMPARE(listed->at(1).reason, SnapshotReason::byHand());
        QVERIFY(!store.restore(older->id));
        QCOMPARE(store.keepLast(1).value(), 1);
        QCOMPARE(store.list()->size(), 1);
    }

    // A copy reports its pages as it goes, for the window's progress bar: the snapshot of
    // the current state first, then the restore.
    void reportsPagesAsItCopies()
    {
        QTemporaryDir dir;
        auto cache = Cache::open(dir.filePath(QStringLiteral("cache.sqlite3")));
        QVERIFY(cache);
        CatalogWriter writer(**cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(2000))));
        SnapshotStore store(**cache);
        QList<std::tuple<SnapshotStore::Step, int, int>> reports;
        auto record = [&reports](SnapshotStore::Step step, int done, int total) {
            reports.append({ step, done, total });
        };
        auto created = store.create(SnapshotReason::byHand(), record);
        QVERIFY(created);
        QVERIFY2(reports.size() > 1, "a cache of more than 256 pages is copied in several steps");
        QCOMPARE(std::get<0>(reports.last()), SnapshotStore::Step::Snapshotting);
        QCOMPARE(std::get<1>(reports.last()), std::get<2>(reports.last()));
        for (qsizetype i = 1; i < reports.size(); ++i)
            QVERIFY(std::get<1>(reports.at(i)) > std::get<1>(reports.at(i - 1)));

        reports.clear();
        QVERIFY(store.restore(created->id, record));
        QCOMPARE(std::get<0>(reports.first()), SnapshotStore::Step::Snapshotting);
        QCOMPARE(std::get<0>(reports.last()), SnapshotStore::Step::Restoring);
        QCOMPARE(std::get<1>(reports.last()), std::get<2>(reports.last()));
    }

    // When the cache is damaged, the snapshot to offer is the newest one that is sound.
    void newestSoundPassesOverADamagedSnapshot()
    {
        QTemporaryDir dir;
        auto cache = Cache::open(dir.filePath(QStringLiteral("cache.sqlite3")));
        QVERIFY(cache);
        SnapshotStore store(**cache);
        QVERIFY(!store.newestSound().value().has_value());
        CatalogWriter writer(**cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(300))));
        auto good = store.create(SnapshotReason::byHand());
        auto bad = store.create(SnapshotReason::byHand());
        QVERIFY(good && bad);
        QByteArray bytes = test::fileBytes(bad->path);
        for (qsizetype i = bytes.size() * 3 / 4; i < bytes.size(); ++i)
            bytes[i] = char((i * 131 + 7) % 251);
        {
            QFile f(bad->path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
        }
        auto sound = store.newestSound();
        QVERIFY2(sound, qPrintable(sound.errorString()));
        QVERIFY(sound->has_value());
        QCOMPARE((*sound)->id, good->id);
        QCOMPARE((*sound)->liveEntities, 300);
    }

    // The clock set back an hour (by hand, by a time server) or standing still: a new
    // snapshot still sorts after the older ones, so "the newest" is the one just taken.
    void snapshotIdsKeepTheirOrderWhenTheClockGoesBack()
    {
        QTemporaryDir dir;
        auto cache = Cache::open(dir.filePath(QStringLiteral("cache.sqlite3")));
        QVERIFY(cache);
        SnapshotStore store(**cache);
        CatalogWriter writer(**cache);
        const QDateTime noon(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);
        SnapshotInfo first;
        {
            core::clock::ScopedSource at(noon);
            QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(2))));
            first = store.create(SnapshotReason::byHand()).value();
        }
        QCOMPARE(first.id, QStringLiteral("20261124T120000000"));
        QCOMPARE(first.createdAt, noon);
        SnapshotInfo second, third;
        {
            core::clock::ScopedSource anHourBefore(noon.addSecs(-3600));
            QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), test::components(3))));
            second = store.create(SnapshotReason::byHand()).value();
            third = store.create(SnapshotReason::byHand()).value(); // the clock has not moved
        }
        QCOMPARE(second.id, QStringLiteral("20261124T120000001"));
        QCOMPARE(third.id, QStringLiteral("20261124T120000002"));
        const QList<SnapshotInfo> listed = store.list().value();
        QCOMPARE(listed.size(), 3);
        QCOMPARE(listed.first().id, third.id);
        const std::optional<SnapshotInfo> newest = store.newestSound().value();
        QVERIFY(newest.has_value());
        QCOMPARE(newest->id, third.id);
        QCOMPARE(newest->liveEntities, 3);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotStore)
#include "tst_snapshotstore.moc"
