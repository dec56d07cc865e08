// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a cache: migrations from empty, refusing a newer schema, quarantine of a damaged file.
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/Schema.h"
#include "cache/Statement.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

class TestCacheOpen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void migratesFromEmpty_data()
    {
        QTest::addColumn<bool>("onFile");
        QTest::newRow("memory") << false;
        QTest::newRow("file") << true;
    }

    void migratesFromEmpty()
    {
        QFETCH(bool, onFile);
        QTemporaryDir dir;
        const QString path = onFile ? dir.filePath(QStringLiteral("sub/cache.sqlite3")) : QStringLiteral(":memory:");
        auto cache = Cache::open(path);
        QVERIFY2(cache, qPrintable(cache.errorString()));
        Database &db = (*cache)->database();
        QCOMPARE(db.userVersion().value(), Schema::latestVersion());
        QVERIFY((*cache)->quarantineMessage().isEmpty());
        for (const char *table : { "sources", "entities", "relations", "entities_fts", "sync_runs", "sync_run_entities",
                 "purges", "v_entities", "v_components", "v_apis", "v_resources", "v_systems", "v_domains", "v_groups",
                 "v_users", "v_projects", "v_goals", "v_relations", "v_removed", "v_sync_runs" }) {
            auto n = db.queryInt(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1StringView(table)));
            QVERIFY2(n, qPrintable(n.errorString()));
            QCOMPARE(*n, 0);
        }
        if (onFile)
            QCOMPARE(db.queryText(QStringLiteral("PRAGMA journal_mode")).value(), QStringLiteral("wal"));
        QCOMPARE(db.queryInt(QStringLiteral("PRAGMA foreign_keys")).value(), 1);
    }

    // A cache written by schema 1 (the sample organisation, saved by that build) keeps
    // every relation through the move to storing each relation once: the public view
    // shows exactly the rows it showed before.
    void migratesVersion1Relations()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite3"));
        QVERIFY(QFile::copy(QStringLiteral(CAIRN_TEST_DATA_DIR "/cache-v1-sample.sqlite3"), path));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
        const QString rowsSql = QStringLiteral(
            "SELECT group_concat(row, char(10)) FROM (SELECT source || ' ' || type || ' ' || target || ' ' || origin "
            "AS row FROM v_relations ORDER BY row)");
        QString before;
        {
            auto v1 = Database::open(path);
            QVERIFY2(v1, qPrintable(v1.errorString()));
            QCOMPARE(v1->userVersion().value(), 1);
            before = v1->queryText(rowsSql).value();
            QCOMPARE(v1->queryInt(QStringLiteral("SELECT count(*) FROM v_relations")).value(), 978);
        }
        auto cache = Cache::open(path);
        QVERIFY2(cache, qPrintable(cache.errorString()));
        Database &db = (*cache)->database();
        QCOMPARE(db.userVersion().value(), Schema::latestVersion());
        QCOMPARE(db.queryText(rowsSql).value(), before);
        // Stored once each: the stated half.
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM relations")).value(), 489);
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM entities")).value(), 147);
        QCOMPARE(db.queryText(QStringLiteral("PRAGMA integrity_check")).value(), QStringLiteral("ok"));
    }

    void reopeningKeepsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite3"));
        {
            auto cache = Cache::open(path);
            QVERIFY(cache);
            CatalogWriter writer(**cache);
            QVERIFY(writer.applySourceRun(test::run(QStringLiteral("a"), test::components(3))));
        }
        auto again = Cache::open(path);
        QVERIFY2(again, qPrintable(again.errorString()));
        QCOMPARE(test::count(**again, QStringLiteral("SELECT count(*) FROM v_components")), 3);
    }

    void refusesNewerSchemaAndLeavesFileUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.sqlite3"));
        {
            auto cache = Cache::open(path);
            QVERIFY(cache);
            CatalogWriter writer(**cache);
            QVERIFY(writer.applySourceRun(test::run(QStringLiteral("a"), test::components(2))));
            QVERIFY((*cache)->database().setUserVersion(Schema::latestVersion() + 7));
        }
        const QByteArray before = test::fileBytes(path);
        QVERIFY(!before.isEmpty());

        auto refused = Cache::open(path);
        QVERIFY(!refused);
        // The cache states the fact and its kind; the advice is the face's (tst_cli).
        QCOMPARE(refused.errorKind(), cairn::core::ErrorKind::NewerVersion);
        QCOMPARE(refused.errorString(),
            QStringLiteral("The cache %1 was written by a newer Cairn (schema %2, this one knows %3).")
                .arg(path)
                .arg(Schema::latestVersion() + 7)
                .arg(Schema::latestVersion()));
        QCOMPARE(test::fileBytes(path), before);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
        // Not mistaken for damage: nothing was moved aside.
        QCOMPARE(QDir(dir.path()).entryList({ QStringLiteral("*damaged*") }, QDir::Files).size(), 0);
        QCOMPARE(Cache::openReadOnly(path).errorKind(), cairn::core::ErrorKind::NewerVersion);
    }

    void quarantinesDamagedFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite3"));
        {
            auto cache = Cache::open(path);
            QVERIFY(cache);
            CatalogWriter writer(**cache);
            QVERIFY(writer.applySourceRun(test::run(QStringLiteral("a"), test::components(300))));
        }
        QByteArray bytes = test::fileBytes(path);
        QVERIFY(bytes.size() > 8 * 4096);
        // Garbage over every page but the first: the header still says "SQLite format 3".
        for (qsizetype i = 4096; i < bytes.size(); ++i)
            bytes[i] = char((i * 131 + 7) % 251);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
        }

        auto cache = Cache::open(path);
        QVERIFY2(cache, qPrintable(cache.errorString()));
        const QString moved = (*cache)->quarantinedPath();
        QVERIFY(!moved.isEmpty());
        QVERIFY2(QRegularExpression(QStringLiteral("cache\\.sqlite3\\.damaged-\\d{8}T\\d{6}$")).match(moved).hasMatch(),
            qPrintable(moved));
        QCOMPARE(QFileInfo(moved).absolutePath(), QFileInfo(path).absolutePath());
        QCOMPARE(test::fileBytes(moved), bytes); // moved, not rewritten
        QVERIFY((*cache)->quarantineMessage().contains(moved));
        // A fresh, empty, working cache is in its place.
        QCOMPARE(test::count(**cache, QStringLiteral("SELECT count(*) FROM entities")), 0);
        QCOMPARE((*cache)->database().userVersion().value(), Schema::latestVersion());
        CatalogWriter writer(**cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("a"), test::components(2))));
    }

    // The window opens without the check (it reads every page) and runs it on a worker
    // right after its first paint: damage in the data is then found, not missed.
    void deferredCheckLeavesDamageForFindDamage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite3"));
        QList<qint64> rowPages;
        qint64 pageSize = 0;
        {
            auto cache = Cache::open(path);
            QVERIFY(cache);
            CatalogWriter writer(**cache);
            QVERIFY(writer.applySourceRun(test::run(QStringLiteral("a"), test::components(300))));
            // The pages that hold the entities' rows, found rather than assumed at the end
            // of the file: a first import rebuilds its indexes, whose schema rows may land on
            // a page after the data.
            Database &db = (*cache)->database();
            QVERIFY(db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            pageSize = db.queryInt(QStringLiteral("PRAGMA page_size")).value();
            auto pages = db.prepare(QStringLiteral("SELECT pageno FROM dbstat WHERE name = 'entities' AND pagetype = "
                                                   "'leaf' ORDER BY pageno"));
            QVERIFY2(pages, qPrintable(pages.errorString()));
            QVERIFY(forEachRow(*pages, [&rowPages](const Statement &row) { rowPages.append(row.int64(0)); }));
            QVERIFY(rowPages.size() > 4);
        }
        QCOMPARE(Cache::findDamage(path).value(), QString()); // sound
        QByteArray bytes = test::fileBytes(path);
        // Garbage over the rows; the schema pages stay readable.
        for (const qint64 page : std::as_const(rowPages)) {
            for (qsizetype i = (page - 1) * pageSize; i < page * pageSize && i < bytes.size(); ++i)
                bytes[i] = char((i * 131 + 7) % 251);
        }
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
        }
        {
            auto deferred = Cache::open(path, Cache::IntegrityCheck::Deferred);
            QVERIFY2(deferred, qPrintable(deferred.errorString()));
            QVERIFY((*deferred)->quarantinedPath().isEmpty());
        }
        const core::Result<QString> damage = Cache::findDamage(path);
        QVERIFY2(damage, qPrintable(damage.errorString()));
        QVERIFY(!damage->isEmpty());
        QCOMPARE(test::fileBytes(path), bytes); // the check reads only
        // The full check at open then moves it aside, as before.
        auto checked = Cache::open(path);
        QVERIFY2(checked, qPrintable(checked.errorString()));
        QVERIFY(!(*checked)->quarantinedPath().isEmpty());
    }

    // The window finds damage after a deferred open, closes its connections, and has the
    // file moved aside as open() would, without reading every page a second time.
    void replaceDamagedMovesAsideWhatTheCallerFound()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite3"));
        {
            auto cache = Cache::open(path);
            QVERIFY(cache);
            CatalogWriter writer(**cache);
            QVERIFY(writer.applySourceRun(test::run(QStringLiteral("a"), test::components(3))));
        }
        const QByteArray before = test::fileBytes(path);
        auto fresh = Cache::replaceDamaged(path, QStringLiteral("database disk image is malformed"));
        QVERIFY2(fresh, qPrintable(fresh.errorString()));
        const QString moved = (*fresh)->quarantinedPath();
        QVERIFY(moved.startsWith(path + QStringLiteral(".damaged-")));
        QCOMPARE(test::fileBytes(moved), before);
        QCOMPARE((*fresh)->damage(), QStringLiteral("database disk image is malformed"));
        QVERIFY((*fresh)->quarantineMessage().contains(moved));
        QCOMPARE(test::count(**fresh, QStringLiteral("SELECT count(*) FROM entities")), 0);
    }

    void defaultPathHonoursEnvironment()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("CAIRN_CACHE", "/tmp/elsewhere.sqlite3");
        QCOMPARE(Cache::defaultPath(), QStringLiteral("/tmp/elsewhere.sqlite3"));
        qunsetenv("CAIRN_CACHE");
        QVERIFY(Cache::defaultPath().endsWith(QStringLiteral("/cache.sqlite3")));
    }

    void readOnlyConnectionSeesCommittedRuns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite3"));
        auto writerCache = Cache::open(path);
        QVERIFY(writerCache);
        auto reader = Cache::openReadOnly(path);
        QVERIFY2(reader, qPrintable(reader.errorString()));
        CatalogWriter writer(**writerCache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("a"), test::components(4))));
        QCOMPARE(test::count(**reader, QStringLiteral("SELECT count(*) FROM v_components")), 4);
    }
};

QTEST_GUILESS_MAIN(TestCacheOpen)
#include "tst_cacheopen.moc"
