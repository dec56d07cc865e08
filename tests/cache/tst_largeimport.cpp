// SPDX-License-Identifier: GPL-3.0-or-later
// A large run through CatalogWriter::applySourceRun keeps every row the floor would write:
// each entity once, its relations, its FTS row, its run-log line; and a no-change re-run
// writes nothing. Timings live in bench/bench_import.cpp, not here (timed assertions fail
// on a loaded machine for reasons that are not bugs). CAIRN_LARGE_IMPORT_N sets the size.
#include "cache/Cache.h"
#include "cache/CatalogQuery.h"
#include "cache/CatalogWriter.h"
#include "core/RelationDeriver.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

namespace {

// Components owned by a few hundred teams, each depending on 0 to 8 others.
QList<core::SourcedEntity> syntheticOrg(int n)
{
    QRandomGenerator rng(42);
    QList<core::SourcedEntity> out;
    out.reserve(n);
    const int groups = qMax(1, n / 200);
    const QStringList words { QStringLiteral("payments"), QStringLiteral("checkout"), QStringLiteral("search"),
        QStringLiteral("ledger"), QStringLiteral("identity"), QStringLiteral("catalog"), QStringLiteral("billing"),
        QStringLiteral("shipping") };
    for (int g = 0; g < groups; ++g)
        out.append(
            test::group(QStringLiteral("team-%1").arg(g), QStringLiteral("Team %1 %2").arg(words.at(g % 8)).arg(g)));
    for (int i = int(out.size()); i < n; ++i) {
        QJsonArray deps;
        const int depCount = int(rng.bounded(9));
        for (int d = 0; d < depCount; ++d)
            deps.append(QStringLiteral("component:svc-%1").arg(rng.bounded(n)));
        const QString &word = words.at(i % 8);
        QJsonObject spec { { QStringLiteral("type"), QStringLiteral("service") },
            { QStringLiteral("lifecycle"), QStringLiteral("production") },
            { QStringLiteral("owner"), QStringLiteral("team-%1").arg(rng.bounded(groups)) },
            { QStringLiteral("system"), QStringLiteral("sys-%1").arg(i % 50) }, { QStringLiteral("dependsOn"), deps } };
        QJsonObject meta { { QStringLiteral("title"), QStringLiteral("%1 service %2").arg(word).arg(i) },
            { QStringLiteral("tags"), QJsonArray { word, QStringLiteral("tier-%1").arg(i % 3) } } };
        out.append(test::entity(QStringLiteral("Component"), QStringLiteral("svc-%1").arg(i), spec, meta));
    }
    return out;
}

} // namespace

class TestLargeImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRowIsWrittenOnceAndANoChangeRunWritesNothing()
    {
        const int n = qEnvironmentVariableIsSet("CAIRN_LARGE_IMPORT_N")
            ? qEnvironmentVariableIntValue("CAIRN_LARGE_IMPORT_N")
            : 3000;
        QTemporaryDir dir;
        const QList<core::SourcedEntity> org = syntheticOrg(n);
        // Stored once each, as the entity states it; the public view shows both directions.
        qint64 relations = 0;
        qint64 bothDirections = 0;
        for (const core::SourcedEntity &e : org) {
            relations += core::statedRelationsOf(e.entity).size();
            bothDirections += core::relationsOf(e.entity).size();
        }
        QVERIFY(bothDirections > relations);

        auto cache = std::move(Cache::open(dir.filePath(QStringLiteral("cache.sqlite3")))).value();
        CatalogWriter writer(*cache);
        auto summary = writer.applySourceRun(test::run(QStringLiteral("synthetic"), org));
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QCOMPARE(summary->added, n);
        QCOMPARE(test::count(*cache, QStringLiteral("SELECT count(*) FROM entities")), n);
        QCOMPARE(test::count(*cache, QStringLiteral("SELECT count(*) FROM entities_fts")), n);
        QCOMPARE(test::count(*cache, QStringLiteral("SELECT count(*) FROM relations")), relations);
        QCOMPARE(test::count(*cache, QStringLiteral("SELECT count(*) FROM v_relations")), bothDirections);
        QCOMPARE(test::count(*cache, QStringLiteral("SELECT count(*) FROM sync_run_entities")), n);
        // The owner's display name is searchable on what it owns.
        CatalogQuery q(*cache);
        auto hits = q.search(u"team 0", 5);
        QVERIFY2(hits, qPrintable(hits.errorString()));
        QVERIFY(!hits->isEmpty());

        const QString updatedAt
            = cache->database().queryText(QStringLiteral("SELECT max(updated_at) FROM entities")).value();
        auto again = writer.applySourceRun(test::run(QStringLiteral("synthetic"), org));
        QVERIFY2(again, qPrintable(again.errorString()));
        QCOMPARE(again->unchanged, n);
        QCOMPARE(again->added + again->changed + again->removed, 0);
        QCOMPARE(
            cache->database().queryText(QStringLiteral("SELECT max(updated_at) FROM entities")).value(), updatedAt);
        QCOMPARE(test::count(*cache, QStringLiteral("SELECT count(*) FROM relations")), relations);
        QCOMPARE(test::count(*cache, QStringLiteral("SELECT count(*) FROM entities_fts")), n);
    }
};

QTEST_GUILESS_MAIN(TestLargeImport)
#include "tst_largeimport.moc"
