// SPDX-License-Identifier: GPL-3.0-or-later
// A run delivered in parts (SourceRunStream): written as the parts come, seen by nobody
// until finish() commits, undone whole when it is held, fails or is dropped.
#include "cache/CatalogQuery.h"
#include "cache/CatalogWriter.h"
#include "cache/SourceRunStream.h"

#include <QTemporaryDir>
#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

class TestSourceRunStream : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;
    QString m_path;

    static SourceRunInput settings(const QString &source) { return test::run(source, {}); }

    // Every byte a reader can see: the main file and the WAL's committed frames, read
    // through a second connection.
    QString visibleState() const
    {
        auto reader = Cache::openReadOnly(m_path);
        if (!reader)
            return reader.errorString();
        QStringList rows;
        const char *entities = "SELECT group_concat(key || ':' || content_hash || ':' || ifnull(removed_at, ''), ',') "
                               "FROM (SELECT * FROM entities ORDER BY key)";
        for (const char *sql : { entities, "SELECT count(*) FROM relations", "SELECT count(*) FROM entities_fts",
                 "SELECT group_concat(status || ':' || added || ':' || removed || ':' || held, ',') FROM sync_runs",
                 "SELECT group_concat(name, ',') FROM sources" }) {
            rows.append((*reader)->database().queryText(QString::fromLatin1(sql)).value());
        }
        return rows.join(u'\n');
    }

private Q_SLOTS:
    void init()
    {
        m_path
            = m_dir.filePath(QStringLiteral("cache-%1.sqlite3").arg(QLatin1StringView(QTest::currentTestFunction())));
        m_cache = std::move(Cache::open(m_path)).value();
    }
    void cleanup() { m_cache.reset(); }

    void partsAreInvisibleUntilFinished()
    {
        CatalogWriter writer(*m_cache);
        const QString before = visibleState();
        auto stream = writer.beginSourceRun(settings(QStringLiteral("catalog")));
        QVERIFY2(stream, qPrintable(stream.errorString()));
        QVERIFY((*stream)->add(test::components(3, QStringLiteral("a"))));
        QVERIFY((*stream)->add(test::components(2, QStringLiteral("b"))));
        // Written inside the run's transaction: the writer's own connection sees it, no one else.
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities")), 5);
        QCOMPARE(visibleState(), before);
        auto summary = (*stream)->finish();
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QCOMPARE(summary->added, 5);
        QVERIFY(visibleState() != before);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL")), 5);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities_fts")), 5);
    }

    void droppedOrFailedStreamChangesNothing()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("catalog"), test::components(4))));
        const QString before = visibleState();
        {
            auto stream = writer.beginSourceRun(settings(QStringLiteral("catalog")));
            QVERIFY(stream);
            QVERIFY((*stream)->add(test::components(6, QStringLiteral("new"))));
            // Dropped unfinished: a cancel or an error in the download.
        }
        QCOMPARE(visibleState(), before);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities")), 4);
        // The write lock went with it: another run goes through.
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("catalog"), test::components(4))));
    }

    // A source that delivers a tenth of what it had: the guard holds the run, and what its
    // parts wrote is undone; only the log says what it would have removed.
    void heldRunUndoesItsParts()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("catalog"), test::components(10))));
        const QString entitiesBefore
            = m_cache->database()
                  .queryText(QStringLiteral("SELECT group_concat(key || updated_at, ',') FROM entities"))
                  .value();
        auto stream = writer.beginSourceRun(settings(QStringLiteral("catalog")));
        QVERIFY(stream);
        QList<core::SourcedEntity> changed { test::component(QStringLiteral("svc-0"), QStringLiteral("team-b")) };
        QVERIFY((*stream)->add(changed));
        QVERIFY((*stream)->add(test::components(2, QStringLiteral("extra"))));
        auto summary = (*stream)->finish();
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QVERIFY(summary->held);
        QCOMPARE(summary->removed, 9);
        QCOMPARE(summary->added, 2);
        QCOMPARE(summary->changed, 1);
        QCOMPARE(m_cache->database()
                     .queryText(QStringLiteral("SELECT group_concat(key || updated_at, ',') FROM entities"))
                     .value(),
            entitiesBefore);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL")), 10);
        QCOMPARE(test::count(
                     *m_cache, QStringLiteral("SELECT count(*) FROM entities_fts WHERE entities_fts MATCH 'extra*'")),
            0);
        QCOMPARE(m_cache->database()
                     .queryText(QStringLiteral("SELECT status || ':' || held FROM sync_runs ORDER BY id DESC LIMIT 1"))
                     .value(),
            QStringLiteral("held:9"));
    }

    // The first run of a new source, dropped: not even the source row is left behind.
    void newSourceOfADroppedRunLeavesNoTrace()
    {
        CatalogWriter writer(*m_cache);
        {
            auto stream = writer.beginSourceRun(settings(QStringLiteral("fresh")));
            QVERIFY(stream);
            QVERIFY((*stream)->add(test::components(3)));
        }
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM sources")), 0);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities")), 0);
    }

    // An owner delivered in a later part than what it owns: the owned entity is still
    // found by its owner's name, as in a one-part run.
    void ownerInALaterPartIsNamedInSearch()
    {
        CatalogWriter writer(*m_cache);
        auto stream = writer.beginSourceRun(settings(QStringLiteral("catalog")));
        QVERIFY(stream);
        QVERIFY((*stream)->add({ test::component(QStringLiteral("ledger"), QStringLiteral("team-quartz")) }));
        QVERIFY((*stream)->add({ test::group(QStringLiteral("team-quartz"), QStringLiteral("Quartz Crew")) }));
        QVERIFY((*stream)->finish());
        CatalogQuery query(*m_cache);
        auto hits = query.search(u"quartz crew", 10);
        QVERIFY2(hits, qPrintable(hits.errorString()));
        QStringList names;
        for (const auto &hit : *hits)
            names.append(hit.ref.name());
        QVERIFY2(names.contains(QStringLiteral("ledger")), qPrintable(names.join(u',')));
        QCOMPARE(
            test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities_fts WHERE owner_name = 'Quartz Crew'")),
            1);
    }

    void partsWrittenAfterTheGuardAndDryRuns()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("catalog"), test::components(10))));
        const QString before = visibleState();
        SourceRunInput dry = settings(QStringLiteral("catalog"));
        dry.dryRun = true;
        auto stream = writer.beginSourceRun(dry);
        QVERIFY(stream);
        QVERIFY((*stream)->add(test::components(10)));
        QVERIFY((*stream)->add(test::components(1, QStringLiteral("more"))));
        auto summary = (*stream)->finish();
        QVERIFY(summary);
        QCOMPARE(summary->added, 1);
        QCOMPARE(summary->unchanged, 10);
        QCOMPARE(summary->runId, 0);
        QCOMPARE(visibleState(), before);

        auto held = writer.beginSourceRun(settings(QStringLiteral("catalog")));
        QVERIFY(held);
        QVERIFY((*held)->add(test::components(1), PartWrite::AfterGuard));
        auto heldSummary = (*held)->finish();
        QVERIFY(heldSummary);
        QVERIFY(heldSummary->held);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL")), 10);
    }

    // A source read only in part keeps what it did not deliver, and says how many.
    void keepUndeliveredWhenReadInPart()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("catalog"), test::components(5))));
        auto stream = writer.beginSourceRun(settings(QStringLiteral("catalog")));
        QVERIFY(stream);
        QVERIFY((*stream)->add(test::components(1)));
        auto summary = (*stream)->finish({}, true);
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QVERIFY(!summary->held);
        QCOMPARE(summary->removed, 0);
        QCOMPARE(summary->keptUnread, 4);
        QCOMPARE(summary->unchanged, 5);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL")), 5);
    }

    // A run prepared while its source is downloading reads the state it plans from again
    // when the cache changed before it takes the write lock: a commit by another
    // connection, or by its own.
    void preparedRunReadsAgainWhatChangedBeforeItsLock_data()
    {
        QTest::addColumn<bool>("otherConnection");
        QTest::newRow("another connection") << true;
        QTest::newRow("the same connection") << false;
    }

    void preparedRunReadsAgainWhatChangedBeforeItsLock()
    {
        QFETCH(bool, otherConnection);
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("catalog"), test::components(2))));
        SourceRunInput input = settings(QStringLiteral("catalog"));
        input.allowRemovals = true;
        auto stream = writer.prepareSourceRun(input);
        QVERIFY2(stream, qPrintable(stream.errorString()));
        QCOMPARE((*stream)->ownEtags().size(), 2);

        // The source gains svc-2 after the run read it (a second Cairn, the app and the
        // command line at once, or this connection in between).
        std::unique_ptr<Cache> other;
        if (otherConnection)
            other = std::move(Cache::open(m_path)).value();
        QVERIFY(CatalogWriter(otherConnection ? *other : *m_cache)
                    .applySourceRun(test::run(QStringLiteral("catalog"), test::components(3))));
        other.reset();

        // The run delivers svc-0 and svc-1 as unchanged: svc-2 is gone upstream, so it is
        // removed, which only a plan made from the state under the lock knows.
        auto summary = (*stream)->finish(
            { core::EntityRef(QStringLiteral("component"), QStringLiteral("default"), QStringLiteral("svc-0")),
                core::EntityRef(QStringLiteral("component"), QStringLiteral("default"), QStringLiteral("svc-1")) });
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QCOMPARE(summary->unchanged, 2);
        QCOMPARE(summary->removed, 1);
        QCOMPARE(test::count(*m_cache,
                     QStringLiteral("SELECT count(*) FROM entities WHERE key = 'component:default/svc-2' "
                                    "AND removed_at IS NOT NULL")),
            1);
    }

    void preparedRunDroppedUnbegunChangesNothing()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("catalog"), test::components(2))));
        const QString before = visibleState();
        {
            auto stream = writer.prepareSourceRun(settings(QStringLiteral("catalog")));
            QVERIFY2(stream, qPrintable(stream.errorString()));
            // No lock is held: another writer gets through meanwhile.
            auto other = std::move(Cache::open(m_path)).value();
            QVERIFY(CatalogWriter(*other).applySourceRun(
                test::run(QStringLiteral("second"), test::components(1, QStringLiteral("x")))));
        }
        QVERIFY(visibleState() != before); // the other writer's run, and nothing of the dropped one
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM sync_runs")), 2);
    }
};

QTEST_GUILESS_MAIN(TestSourceRunStream)
#include "tst_sourcerunstream.moc"
