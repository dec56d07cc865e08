// SPDX-License-Identifier: GPL-3.0-or-later
// Import speed at 100,000 entities against a floor measured in the same run (the same rows
// inserted with prepared statements in one transaction), and search-as-you-type latency.
// Slow: runs only with CAIRN_CACHE_PERF=1 (the figures are for bench/README.md).
#include "cache/Cache.h"
#include "cache/CatalogQuery.h"
#include "cache/CatalogWriter.h"
#include "cache/EntityRow.h"
#include "cache/Transaction.h"
#include "support/CacheTestSupport.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace cairn;
using namespace cairn::cache;

namespace {

QList<core::SourcedEntity> syntheticOrg(int n)
{
    QRandomGenerator rng(42);
    QList<core::SourcedEntity> out;
    out.reserve(n);
    const int groups = qMax(1, n / 200);
    const QStringList words{QStringLiteral("payments"), QStringLiteral("checkout"), QStringLiteral("search"),
                            QStringLiteral("ledger"),   QStringLiteral("identity"), QStringLiteral("catalog"),
                            QStringLiteral("billing"),  QStringLiteral("shipping")};
    for (int g = 0; g < groups; ++g)
        out.append(test::group(QStringLiteral("team-%1").arg(g), QStringLiteral("Team %1 %2").arg(words.at(g % 8)).arg(g)));
    for (int i = int(out.size()); i < n; ++i) {
        QJsonArray deps;
        const int depCount = int(rng.bounded(9));
        for (int d = 0; d < depCount; ++d)
            deps.append(QStringLiteral("component:svc-%1").arg(rng.bounded(n)));
        const QString word = words.at(i % 8);
        QJsonObject spec{{QStringLiteral("type"), QStringLiteral("service")},
                         {QStringLiteral("lifecycle"), QStringLiteral("production")},
                         {QStringLiteral("owner"), QStringLiteral("team-%1").arg(rng.bounded(groups))},
                         {QStringLiteral("system"), QStringLiteral("sys-%1").arg(i % 50)},
                         {QStringLiteral("dependsOn"), deps}};
        QJsonObject meta{{QStringLiteral("title"), QStringLiteral("%1 service %2").arg(word).arg(i)},
                         {QStringLiteral("description"), QStringLiteral("Handles %1 for the %2 flow, number %3.")
                                                              .arg(word, words.at((i / 8) % 8))
                                                              .arg(i)},
                         {QStringLiteral("tags"), QJsonArray{word, QStringLiteral("tier-%1").arg(i % 3)}}};
        out.append(test::entity(QStringLiteral("Component"), QStringLiteral("svc-%1").arg(i), spec, meta));
    }
    return out;
}

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.at(qMin(v.size() - 1, qsizetype(p * double(v.size()))));
}

} // namespace

class TestImportSpeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importAndSearch()
    {
        if (qEnvironmentVariableIntValue("CAIRN_CACHE_PERF") != 1)
            QSKIP("Set CAIRN_CACHE_PERF=1 to measure (about a minute).");
        const int n = qEnvironmentVariableIsSet("CAIRN_CACHE_PERF_N") ? qEnvironmentVariableIntValue("CAIRN_CACHE_PERF_N")
                                                                        : 100000;
        QTemporaryDir dir;
        const QList<core::SourcedEntity> org = syntheticOrg(n);

        // The floor: the same rows, precomputed, inserted with prepared statements in one transaction.
        QList<EntityRow> rows;
        rows.reserve(org.size());
        QElapsedTimer prepareTimer;
        prepareTimer.start();
        for (const core::SourcedEntity &e : org)
            rows.append(EntityRow::from(e.entity));
        const qint64 prepareMs = prepareTimer.elapsed();
        auto floorCache = std::move(Cache::open(dir.filePath(QStringLiteral("floor.sqlite3")))).value();
        Database &fdb = floorCache->database();
        QVERIFY(fdb.exec(QStringLiteral("INSERT INTO sources(name, kind, position, created_at) VALUES('s', 'files', 1, 'now')")));
        QElapsedTimer floorTimer;
        floorTimer.start();
        {
            auto tx = Transaction::begin(fdb);
            auto ins = fdb.prepare(QStringLiteral(
                "INSERT INTO entities(key, ref, kind, namespace, name, title, display_name, match_name, match_title, "
                "owner_key, type, lifecycle, source_id, document, content_hash, first_seen, updated_at) "
                "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, ?13, ?14, 'now', 'now')"));
            auto rel = fdb.prepare(QStringLiteral("INSERT INTO relations(origin_id, source_key, type, target_key) VALUES(?1, ?2, ?3, ?4)"));
            auto fts = fdb.prepare(QStringLiteral(
                "INSERT INTO entities_fts(rowid, name, title, description, tags, owner_name) VALUES(?1, ?2, ?3, ?4, ?5, ?6)"));
            auto log = fdb.prepare(QStringLiteral("INSERT INTO sync_run_entities(run_id, entity_key, change) VALUES(1, ?1, 'added')"));
            QVERIFY(fdb.exec(QStringLiteral("INSERT INTO sync_runs(id, source_name, started_at, status) VALUES(1, 's', 'now', 'ok')")));
            for (const EntityRow &r : std::as_const(rows)) {
                ins->reset();
                ins->bind(1, r.ref.key());
                ins->bind(2, r.ref.toString());
                ins->bind(3, r.kind);
                ins->bind(4, r.ref.ns());
                ins->bind(5, r.ref.name());
                ins->bind(6, r.title);
                ins->bind(7, r.displayName);
                ins->bind(8, r.matchName);
                ins->bind(9, r.matchTitle);
                ins->bind(10, r.ownerKey);
                ins->bind(11, r.type);
                ins->bind(12, r.lifecycle);
                ins->bindUtf8(13, r.document);
                ins->bindUtf8(14, r.contentHash);
                QVERIFY(ins->exec());
                const qint64 id = fdb.lastInsertRowId();
                for (const core::Relation &x : r.relations) {
                    rel->reset();
                    rel->bind(1, id);
                    rel->bind(2, x.source.key());
                    rel->bind(3, x.type);
                    rel->bind(4, x.target.key());
                    QVERIFY(rel->exec());
                }
                fts->reset();
                fts->bind(1, id);
                fts->bind(2, r.ref.name());
                fts->bind(3, r.displayName);
                fts->bind(4, r.description);
                fts->bind(5, r.tagsText);
                fts->bind(6, r.ownerKey);
                QVERIFY(fts->exec());
                log->reset();
                log->bind(1, r.ref.key());
                QVERIFY(log->exec());
            }
            QVERIFY(tx->commit());
        }
        const qint64 floorMs = floorTimer.elapsed();

        auto cache = std::move(Cache::open(dir.filePath(QStringLiteral("cache.sqlite3")))).value();
        CatalogWriter writer(*cache);
        QElapsedTimer importTimer;
        importTimer.start();
        auto summary = writer.applySourceRun(test::run(QStringLiteral("synthetic"), org));
        const qint64 importMs = importTimer.elapsed();
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QCOMPARE(summary->added, n);

        QElapsedTimer againTimer;
        againTimer.start();
        auto again = writer.applySourceRun(test::run(QStringLiteral("synthetic"), org));
        const qint64 againMs = againTimer.elapsed();
        QCOMPARE(again->unchanged, n);

        CatalogQuery q(*cache);
        QList<double> searchMs;
        QElapsedTimer t;
        for (int round = 0; round < 20; ++round) {
            for (const char16_t *text : {u"p", u"pa", u"pay", u"paym", u"payments", u"ch", u"che", u"svc-12", u"team 3",
                                         u"ledger flow", u"xyz"}) {
                t.start();
                auto hits = q.search(text, 50);
                searchMs.append(double(t.nsecsElapsed()) / 1e6);
                QVERIFY(hits);
            }
        }
        QList<double> relMs;
        for (int i = 0; i < 200; ++i) {
            t.start();
            auto r = q.relationsTo(core::EntityRef::parse(QStringLiteral("group:default/team-%1").arg(i % 50)).value());
            relMs.append(double(t.nsecsElapsed()) / 1e6);
            QVERIFY(r);
        }
        qInfo("entities: %d; floor (same rows, prepared, one transaction): %lld ms; applySourceRun: %lld ms (%.2fx); "
              "no-change re-run: %lld ms; of which JSON text, hash and relations of every row: %lld ms",
              n, floorMs, importMs, double(importMs) / double(qMax<qint64>(1, floorMs)), againMs, prepareMs);
        qInfo("search(limit 50): p50 %.3f ms, p99 %.3f ms; relationsTo(owner): p50 %.3f ms, p99 %.3f ms",
              percentile(searchMs, 0.5), percentile(searchMs, 0.99), percentile(relMs, 0.5), percentile(relMs, 0.99));
    }
};

QTEST_GUILESS_MAIN(TestImportSpeed)
#include "tst_importspeed.moc"
