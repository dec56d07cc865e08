// SPDX-License-Identifier: GPL-3.0-or-later
// A bundle sync end to end, with its documents carried as compact text from the fetch to
// the write: invalid entities skipped and reported with their origin (the cached version
// kept), dry runs and held runs writing nothing, a cancelled write leaving the cache as it was.
#include "cache/Cache.h"
#include "cache/Database.h"
#include "sync/BundleSource.h"
#include "sync/SyncEngine.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
using sync::BundleSource;
using sync::SyncEngine;
using sync::SyncOptions;
using sync::SyncOutcome;

namespace {

QByteArray component(int i, const QByteArray &owner = "team-a", const QByteArray &name = {})
{
    return R"({"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":")"
        + (name.isEmpty() ? "svc-" + QByteArray::number(i) : name) + R"("},"spec":{"type":"service","owner":")" + owner
        + R"(","lifecycle":"production"}})";
}

} // namespace

class TestBundleSync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<cache::Cache> m_cache;
    QString m_bundle;

    void writeBundle(const QList<QByteArray> &lines)
    {
        QFile file(m_bundle);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        for (const QByteArray &line : lines)
            file.write(line + '\n');
    }

    QList<QByteArray> bundleOf(int count)
    {
        QList<QByteArray> lines;
        for (int i = 0; i < count; ++i)
            lines.append(component(i));
        return lines;
    }

    SyncOutcome run(
        const SyncOptions &options = {}, const std::atomic<bool> *cancel = nullptr, SyncEngine::Progress progress = {})
    {
        BundleSource source(BundleSource::Settings { QStringLiteral("b"), m_bundle, {}, {} });
        SyncEngine engine(*m_cache);
        engine.setCancelFlag(cancel);
        engine.setProgress(std::move(progress));
        return engine.run(QStringLiteral("b"), QStringLiteral("bundle"), m_bundle, source, options);
    }

    QString rows()
    {
        auto text = m_cache->database().queryText(
            QStringLiteral("SELECT group_concat(key || '|' || document || '|' || coalesce(removed_at, ''), ';') "
                           "FROM (SELECT * FROM entities ORDER BY key)"));
        return text ? text.value() : QString();
    }

private Q_SLOTS:
    void init()
    {
        static int n = 0;
        ++n;
        m_bundle = m_dir.filePath(QStringLiteral("bundle-%1.ndjson").arg(n));
        auto cache = cache::Cache::open(m_dir.filePath(QStringLiteral("cache-%1.sqlite3").arg(n)));
        QVERIFY2(cache.ok(), qPrintable(cache.errorString()));
        m_cache = std::move(cache).value();
    }
    void cleanup() { m_cache.reset(); }

    void invalidEntityIsSkippedAndTheCachedVersionKept()
    {
        writeBundle(bundleOf(5));
        const SyncOutcome first = run();
        QVERIFY2(first.ok, qPrintable(first.error));
        QCOMPARE(first.summary.added, 5);

        QList<QByteArray> next = bundleOf(5);
        next[2] = component(2, "not a ref!:/"); // svc-2's owner no longer parses
        next.append(component(9, "team-a", "Bad Name With Spaces!"));
        writeBundle(next);
        const SyncOutcome second = run();
        QVERIFY2(second.ok, qPrintable(second.error));
        QCOMPARE(second.summary.removed, 0);
        QCOMPARE(second.summary.unchanged, 5); // svc-2 included: kept as cached
        QCOMPARE(second.problems.size(), 2);
        QCOMPARE(second.problems.at(0).origin.file, m_bundle);
        QCOMPARE(second.problems.at(0).origin.line, 3);
        QCOMPARE(second.problems.at(0).ref, QStringLiteral("Component:default/svc-2"));
        QCOMPARE(second.problems.at(1).origin.line, 6);
        auto live
            = m_cache->database().queryInt(QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL"));
        QCOMPARE(live.value(), 5);
        auto kept = m_cache->database().queryText(
            QStringLiteral("SELECT owner_key FROM entities WHERE key='component:default/svc-2'"));
        QCOMPARE(kept.value(), QStringLiteral("group:default/team-a"));
    }

    void dryRunAndHeldRunWriteNothing()
    {
        writeBundle(bundleOf(20));
        QVERIFY(run().ok);
        const QString before = rows();

        QList<QByteArray> changed = bundleOf(20);
        changed[0] = component(0, "team-b");
        writeBundle(changed);
        SyncOptions dry;
        dry.dryRun = true;
        const SyncOutcome planned = run(dry);
        QVERIFY2(planned.ok, qPrintable(planned.error));
        QCOMPARE(planned.summary.changed, 1);
        QCOMPARE(rows(), before);

        writeBundle(bundleOf(3));
        const SyncOutcome held = run();
        QVERIFY2(held.ok, qPrintable(held.error));
        QVERIFY(held.summary.held);
        QCOMPARE(held.summary.removed, 17);
        QCOMPARE(rows(), before);
    }

    void cancelledWriteLeavesTheCacheAsItWas()
    {
        writeBundle(bundleOf(600));
        QVERIFY(run().ok);
        const QString before = rows();

        QList<QByteArray> changed;
        for (int i = 0; i < 600; ++i)
            changed.append(component(i, "team-b"));
        writeBundle(changed);
        std::atomic<bool> cancel = false;
        const SyncOutcome cancelled = run({}, &cancel, [&cancel](sync::SyncPhase phase, qint64 done, qint64) {
            if (phase == sync::SyncPhase::Writing && done > 0)
                cancel = true; // some rows are written by now, inside the run's transaction
        });
        QVERIFY(!cancelled.ok);
        QVERIFY(cancelled.cancelled);
        QCOMPARE(rows(), before);
    }
};

QTEST_GUILESS_MAIN(TestBundleSync)
#include "tst_bundlesync.moc"
