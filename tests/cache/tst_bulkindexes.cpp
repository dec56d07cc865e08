// SPDX-License-Identifier: GPL-3.0-or-later
// A first run into empty tables takes their secondary indexes down and builds them again
// before it commits (BulkIndexes): what must hold is that the schema comes out exactly as
// it went in, that queries use the indexes again, and that a run which fails or is
// dropped leaves the indexes (and everything else) where they were.
#include "cache/BulkIndexes.h"
#include "cache/CatalogQuery.h"
#include "cache/CatalogWriter.h"
#include "cache/SourceRunStream.h"
#include "cache/Transaction.h"

#include <QTemporaryDir>
#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

class TestBulkIndexes : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;

    // Every index with its definition, as a reader of the committed file sees them.
    QString indexes() const
    {
        return m_cache->database()
            .queryText(QStringLiteral("SELECT group_concat(name || ': ' || ifnull(sql, '(constraint)'), '\n') FROM "
                                      "(SELECT name, sql FROM sqlite_schema WHERE type='index' ORDER BY name)"))
            .value();
    }

    QString plan(const QString &sql) const
    {
        auto q = m_cache->database().prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
        if (!q)
            return q.errorString();
        QStringList steps;
        while (q->step().value() == Statement::Step::Row)
            steps.append(q->text(3));
        return steps.join(u'\n');
    }

    // Components owned by a group that states the inverse, as a Backstage server gives them.
    static QList<core::SourcedEntity> ownedAndOwner(int count)
    {
        QList<core::SourcedEntity> out = test::components(count);
        out.append(test::group(QStringLiteral("team-a"), QStringLiteral("Team A")));
        return out;
    }

private Q_SLOTS:
    void init() { m_cache = test::cacheForCurrentTest(m_dir); }
    void cleanup() { m_cache.reset(); }

    void firstRunLeavesTheSchemaAsItFoundIt()
    {
        const QString before = indexes();
        QVERIFY(before.contains(QStringLiteral("relations_to: CREATE INDEX relations_to")));
        QVERIFY(before.contains(QStringLiteral("entities_owner: CREATE INDEX entities_owner")));
        CatalogWriter writer(*m_cache);
        auto summary = writer.applySourceRun(test::run(QStringLiteral("catalog"), ownedAndOwner(50)));
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QCOMPARE(summary->added, 51);
        QCOMPARE(indexes(), before);
        QVERIFY(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM relations")) >= 50);

        // The rebuilt indexes hold every row and serve the lookups they are for.
        QCOMPARE(m_cache->database().queryText(QStringLiteral("PRAGMA integrity_check")).value(), QStringLiteral("ok"));
        QVERIFY2(plan(QStringLiteral("SELECT origin_id FROM relations WHERE target_key='group:default/team-a'"))
                     .contains(QStringLiteral("relations_to")),
            qPrintable(
                plan(QStringLiteral("SELECT origin_id FROM relations WHERE target_key='group:default/team-a'"))));
        QVERIFY(plan(QStringLiteral("SELECT id FROM entities WHERE owner_key='group:default/team-a'"))
                    .contains(QStringLiteral("entities_owner")));
        auto owned = CatalogQuery(*m_cache).relationsTo(
            core::EntityRef(QStringLiteral("group"), QStringLiteral("default"), QStringLiteral("team-a")),
            QStringLiteral("ownedBy"));
        QVERIFY2(owned, qPrintable(owned.errorString()));
        QCOMPARE(owned->size(), 50);
    }

    void laterRunsKeepTheirIndexesUp()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("catalog"), ownedAndOwner(5))));
        // The tables have rows now: nothing is taken down.
        auto tx = Transaction::begin(m_cache->database());
        QVERIFY(tx);
        BulkIndexes bulk;
        QVERIFY(bulk.dropIfEmpty(m_cache->database(), QStringLiteral("relations")));
        QVERIFY(bulk.dropIfEmpty(m_cache->database(), QStringLiteral("entities")));
        QVERIFY(!bulk.pending());
        tx->rollback();

        const QString before = indexes();
        auto summary
            = writer.applySourceRun(test::run(QStringLiteral("second"), test::components(20, QStringLiteral("more"))));
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QCOMPARE(summary->added, 20);
        QCOMPARE(indexes(), before);
    }

    void uniqueIndexesStayUp()
    {
        QVERIFY(m_cache->database().exec(QStringLiteral("CREATE TABLE probe(a TEXT, b TEXT); "
                                                        "CREATE UNIQUE INDEX probe_a ON probe(a); "
                                                        "CREATE INDEX probe_b ON probe(b);")));
        auto tx = Transaction::begin(m_cache->database());
        QVERIFY(tx);
        BulkIndexes bulk;
        QVERIFY(bulk.dropIfEmpty(m_cache->database(), QStringLiteral("probe")));
        QVERIFY(bulk.pending());
        // The unique one still refuses a duplicate while the other is down.
        QVERIFY(m_cache->database().exec(QStringLiteral("INSERT INTO probe VALUES('x', 'y')")));
        QVERIFY(!m_cache->database().exec(QStringLiteral("INSERT INTO probe VALUES('x', 'z')")));
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name='probe_b'")), 0);
        QVERIFY(bulk.rebuild(m_cache->database()));
        QVERIFY(!bulk.pending());
        QVERIFY(tx->commit());
        QCOMPARE(test::count(*m_cache,
                     QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name IN "
                                    "('probe_a', 'probe_b')")),
            2);
    }

    void runWrittenAsItComesKeepsTheEntitiesIndexesUp()
    {
        const QString before = indexes();
        CatalogWriter writer(*m_cache);
        auto stream = writer.beginSourceRun(test::run(QStringLiteral("catalog"), {}));
        QVERIFY2(stream, qPrintable(stream.errorString()));
        QVERIFY((*stream)->add(ownedAndOwner(10)));
        // Between parts (as the run's own connection sees it): the entities' indexes are up,
        // the relations' index by target waits for the end.
        const auto present = [this](const QString &name) {
            return test::count(
                *m_cache, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name='%1'").arg(name));
        };
        QCOMPARE(present(QStringLiteral("entities_owner")), 1);
        QCOMPARE(present(QStringLiteral("entities_match_name")), 1);
        QCOMPARE(present(QStringLiteral("relations_to")), 0);
        QVERIFY((*stream)->add(test::components(20, QStringLiteral("second"))));
        auto summary = (*stream)->finish();
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QCOMPARE(summary->added, 31);
        QCOMPARE(indexes(), before);
        QCOMPARE(m_cache->database().queryText(QStringLiteral("PRAGMA integrity_check")).value(), QStringLiteral("ok"));
    }

    void failedFirstRunLeavesTheIndexes()
    {
        const QString before = indexes();
        CatalogWriter writer(*m_cache);
        {
            // Cancelled from its progress callback while the last part is written: after
            // the indexes went down and rows went in.
            SourceRunInput input = test::run(QStringLiteral("catalog"), {});
            input.progress = [](int done, int) { return done == 0; };
            auto stream = writer.beginSourceRun(input);
            QVERIFY2(stream, qPrintable(stream.errorString()));
            QVERIFY((*stream)->add(ownedAndOwner(10)));
            QVERIFY(!(*stream)->add(test::components(300, QStringLiteral("late")), PartWrite::AfterGuard)
                || !(*stream)->finish());
        }
        QCOMPARE(indexes(), before);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM entities")), 0);

        {
            // Dropped unfinished.
            auto stream = writer.beginSourceRun(test::run(QStringLiteral("catalog"), {}));
            QVERIFY2(stream, qPrintable(stream.errorString()));
            QVERIFY((*stream)->add(ownedAndOwner(10)));
        }
        QCOMPARE(indexes(), before);
        QCOMPARE(test::count(*m_cache, QStringLiteral("SELECT count(*) FROM relations")), 0);

        // And a run after them works and builds nothing twice.
        auto summary = writer.applySourceRun(test::run(QStringLiteral("catalog"), ownedAndOwner(3)));
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QCOMPARE(indexes(), before);
    }
};

QTEST_GUILESS_MAIN(TestBulkIndexes)
#include "tst_bulkindexes.moc"
