// SPDX-License-Identifier: GPL-3.0-or-later
// RowsAhead flattens rows a chunk ahead on Qt's thread pool: the rows must be exactly the
// ones EntityRow::from gives, in order, leaving early must be safe, and a pool busy with
// other work must not stall the writer. A run long enough to use it must write every row
// as a short one would.
#include "cache/CatalogWriter.h"
#include "cache/RowsAhead.h"
#include "core/RelationDeriver.h"

#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

class TestRowsAhead : public QObject
{
    Q_OBJECT

private:
    // Both forms a document travels in: parsed, and as compact text (bundles).
    static QList<core::SourcedEntity> mixedForms(int count)
    {
        QList<core::SourcedEntity> out = test::components(count);
        for (qsizetype i = 0; i < out.size(); i += 2) {
            out[i].json = EntityRow::documentText(out[i]);
            out[i].entity = core::Entity();
        }
        return out;
    }

    static QList<const core::SourcedEntity *> pointers(const QList<core::SourcedEntity> &entities)
    {
        QList<const core::SourcedEntity *> out;
        for (const core::SourcedEntity &e : entities)
            out.append(&e);
        return out;
    }

private Q_SLOTS:
    void rowsAreTheSequentialOnesInOrder()
    {
        const QList<core::SourcedEntity> entities = mixedForms(10);
        QVERIFY(entities.first().isCompact());
        QVERIFY(!entities.at(1).isCompact());
        RowsAhead ahead(pointers(entities), 3); // chunks of 3, 3, 3 and 1
        for (const core::SourcedEntity &entity : entities) {
            const EntityRow expected = EntityRow::from(entity);
            const EntityRow row = ahead.next();
            QCOMPARE(row.ref.key(), expected.ref.key());
            QCOMPARE(row.document, expected.document);
            QCOMPARE(row.contentHash, expected.contentHash);
            QCOMPARE(row.displayName, expected.displayName);
            QCOMPARE(row.ownerKey, expected.ownerKey);
            QCOMPARE(row.relations.size(), expected.relations.size());
            QVERIFY(!row.relations.isEmpty());
        }
    }

    void leavingEarlyIsSafe()
    {
        const QList<core::SourcedEntity> entities = mixedForms(2000);
        {
            RowsAhead ahead(pointers(entities), 100);
            QCOMPARE(ahead.next().ref.name(), QStringLiteral("svc-0"));
            QCOMPARE(ahead.next().ref.name(), QStringLiteral("svc-1"));
        } // waits for the chunk in flight before the entities can go
        {
            RowsAhead untouched(pointers(entities), 100);
        }
        RowsAhead none({}, 100); // nothing to flatten: no thread started, nothing to wait for
    }

    void aBusyPoolLeavesTheChunksToTheWriter()
    {
        const QList<core::SourcedEntity> entities = mixedForms(10);
        QThreadPool *pool = QThreadPool::globalInstance();
        const int threads = pool->maxThreadCount();
        QSemaphore release, started;
        for (int i = 0; i < threads; ++i)
            pool->start([&] {
                started.release();
                release.acquire();
            });
        started.acquire(threads); // every pool thread is taken
        {
            RowsAhead ahead(pointers(entities), 3);
            for (int i = 0; i < entities.size(); ++i)
                QCOMPARE(ahead.next().ref.name(), QStringLiteral("svc-%1").arg(i));
        }
        release.release(threads);
        pool->waitForDone();
    }

    void aLongRunWritesEveryRow()
    {
        // Past the size from which SourceRunApplier flattens ahead.
        const int n = 4500;
        QTemporaryDir dir;
        auto cache = std::move(Cache::open(dir.filePath(QStringLiteral("cache.sqlite3")))).value();
        QList<core::SourcedEntity> entities = mixedForms(n - 1);
        entities.append(test::group(QStringLiteral("team-a"), QStringLiteral("Team A")));
        qint64 relations = 0;
        for (const core::SourcedEntity &e : std::as_const(entities))
            relations += core::statedRelationsOf(e.parsed()).size();

        auto summary = CatalogWriter(*cache).applySourceRun(test::run(QStringLiteral("big"), entities));
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QCOMPARE(summary->added, n);
        QCOMPARE(test::count(*cache, QStringLiteral("SELECT count(*) FROM entities")), n);
        QCOMPARE(test::count(*cache, QStringLiteral("SELECT count(*) FROM relations")), relations);
        QCOMPARE(test::count(*cache, QStringLiteral("SELECT count(*) FROM entities_fts")), n);
        // The owner's name reached the search rows of what it owns.
        QCOMPARE(
            test::count(*cache,
                QStringLiteral("SELECT count(*) FROM entities_fts WHERE entities_fts MATCH 'owner_name:\"team a\"'")),
            n - 1);
        // Each stored text is the one a short run stores.
        QCOMPARE(cache->database()
                     .queryText(QStringLiteral("SELECT content_hash FROM entities WHERE key='component:default/svc-7'"))
                     .value(),
            QString::fromLatin1(EntityRow::from(entities.at(7)).contentHash));
    }
};

QTEST_GUILESS_MAIN(TestRowsAhead)
#include "tst_rowsahead.moc"
