// SPDX-License-Identifier: GPL-3.0-or-later
// I/O faults: every connection goes through a SQLite VFS that fails the Nth write (the disk is
// full) or the Nth sync, for N from 1 upward until the operation no longer reaches it: an
// import, a snapshot (its own connections), a restore and a migration. Every failure reaches
// the caller as an error, the cache is sound and as it was (a failed import may add its line
// to the run log), Cairn opens it, and the same operation then succeeds.
//
// Every N from 1 to 8, then about 24 more spread over the rest (CI);
// CAIRN_RELIABILITY_FULL=1 tries every N.
#include "cache/Cache.h"
#include "cache/SnapshotStore.h"
#include "core/Clock.h"
#include "sync/FileSource.h"
#include "sync/SyncEngine.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <limits>

#include "support/CacheContent.h"
#include "support/CairnProcess.h"
#include "support/FaultyVfs.h"
#include "support/SyntheticCatalog.h"

using namespace cairn;
using reliability::CacheContent;
using reliability::CacheState;
using reliability::FaultyVfs::Operation;

namespace {

constexpr int Entities = 120;

// Past this many operations a loop stops: a bound on the test, far above what the
// operations here do (checked: each loop ends because N passed them all).
constexpr int MaxN = 3000;

// The run log may gain one failed run: the engine logs its own failures, when the disk lets it.
bool asBeforeButTheRunLog(const CacheContent &left, const CacheContent &before)
{
    CacheContent withoutLog = left, beforeWithoutLog = before;
    const QStringList runs = withoutLog.tables.take(QStringLiteral("sync_runs"));
    const QStringList runsBefore = beforeWithoutLog.tables.take(QStringLiteral("sync_runs"));
    if (!(withoutLog == beforeWithoutLog))
        return false;
    QStringList added = runs;
    for (const QString &run : runsBefore) {
        if (!added.removeOne(run))
            return false;
    }
    return added.isEmpty() || (added.size() == 1 && added.constFirst().contains(QLatin1StringView("|'failed'|")));
}

template<typename T> core::Status statusOf(const core::Result<T> &result)
{
    if (!result)
        return result.error();
    return {};
}

} // namespace

class IoFaults : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_catalog;
    QString m_imported; // the first version of the organisation
    QString m_withSnapshot; // the second, with a snapshot of the first beside it
    QString m_snapshotId;
    std::unique_ptr<core::clock::ScopedSource> m_clock;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Opens the cache and imports the catalog into it, as `cairn import` does.
    static core::Status import(const QString &file, const QString &catalog)
    {
        core::Result<std::unique_ptr<cache::Cache>> cache = cache::Cache::open(file);
        if (!cache)
            return cache.error();
        sync::FileSource source({ catalog });
        const sync::SyncOutcome outcome = sync::SyncEngine(*cache.value())
                                              .run(QStringLiteral("synthetic"), QStringLiteral("files"), catalog,
                                                  source, sync::SyncOptions { false, false, 0.10 });
        if (!outcome.ok)
            return core::Error { outcome.error.isEmpty() ? QStringLiteral("(no message)") : outcome.error };
        return {};
    }

    // An operation from the open of the cache at a path on, as a command runs it.
    struct Case
    {
        QString fixture;
        std::function<core::Status(const QString &file)> run;
        // Turns a copy of the fixture into the state before (a migration's older schema).
        std::function<bool(const QString &file)> prepare = [](const QString &) { return true; };
    };

    Case caseNamed(const QString &name)
    {
        if (name == u"import" || name == u"import, the disk staying full")
            return { m_imported, [this](const QString &file) { return import(file, m_catalog); } };
        if (name == u"snapshot")
            return { m_withSnapshot, [](const QString &file) -> core::Status {
                        core::Result<std::unique_ptr<cache::Cache>> cache = cache::Cache::open(file);
                        if (!cache)
                            return cache.error();
                        return statusOf(cache::SnapshotStore(*cache.value()).create(cache::SnapshotReason::byHand()));
                    } };
        if (name == u"restore")
            return { m_withSnapshot, [this](const QString &file) -> core::Status {
                        core::Result<std::unique_ptr<cache::Cache>> cache = cache::Cache::open(file);
                        if (!cache)
                            return cache.error();
                        return statusOf(cache::SnapshotStore(*cache.value()).restore(m_snapshotId));
                    } };
        // A cache from schema 7, migrated by the open.
        return { m_imported, [](const QString &file) { return statusOf(cache::Cache::open(file)); },
            [](const QString &file) { return reliability::setUserVersion(file, 7); } };
    }

    void faultLoop(const QString &name, Operation operation)
    {
        const Case c = caseNamed(name);
        const QString kind = operation == Operation::Write ? QStringLiteral("write") : QStringLiteral("sync");
        const QString reference = path(name + QStringLiteral("-whole.sqlite3"));
        QVERIFY(reliability::copyCache(c.fixture, reference) && c.prepare(reference));
        const CacheState before = reliability::stateOf(reference);
        const core::Status whole = c.run(reference);
        QVERIFY2(whole, qPrintable(whole.errorString()));
        const CacheState after = reliability::stateOf(reference);
        QVERIFY(!(after == before));

        const QString file = path(name + QStringLiteral("-faulty.sqlite3"));
        // How many operations a whole run does: the bounded run tries every N up to 8, then
        // about 24 more spread evenly up to there; the full run tries every N.
        QVERIFY(reliability::copyCache(c.fixture, file) && c.prepare(file));
        reliability::FaultyVfs::arm(operation, std::numeric_limits<int>::max());
        QVERIFY(c.run(file));
        reliability::FaultyVfs::disarm();
        const int total = reliability::FaultyVfs::seen();
        const int stride = reliability::fullRun() ? 1 : std::max(1, total / 24);
        int failures = 0, tried = 0, n = 1;
        for (; n <= MaxN; n += n < 8 ? 1 : stride) {
            ++tried;
            QVERIFY(reliability::copyCache(c.fixture, file) && c.prepare(file));
            // "staying full": every write from the Nth on fails, the rollback's and the run
            // log's too.
            reliability::FaultyVfs::arm(operation, n, name.endsWith(u"staying full"));
            const core::Status status = c.run(file);
            reliability::FaultyVfs::disarm();
            const bool fired = reliability::FaultyVfs::fired();
            const QString where = QStringLiteral("%1, %2 %3 failed").arg(name, kind).arg(n);
            const QStringList integrity = reliability::integrityCheck(file);
            QVERIFY2(integrity == QStringList { QStringLiteral("ok") },
                qPrintable(where + QStringLiteral(": ") + integrity.join(u'\n')));
            const CacheState left = reliability::stateOf(file);
            if (!status) {
                ++failures;
                QVERIFY2(
                    fired, qPrintable(where + QStringLiteral(": failed without a fault: ") + status.errorString()));
                QVERIFY2(asBeforeButTheRunLog(left.cache, before.cache),
                    qPrintable(where + QStringLiteral(" (") + status.errorString()
                        + QStringLiteral("): not as before: ") + left.cache.differenceFrom(before.cache)));
                // Space freed: the same operation now succeeds.
                const core::Status again = c.run(file);
                QVERIFY2(again, qPrintable(where + QStringLiteral(", then again: ") + again.errorString()));
                QVERIFY2(reliability::contentOf(file).tables.value(QStringLiteral("entities"))
                        == after.cache.tables.value(QStringLiteral("entities")),
                    qPrintable(where + QStringLiteral(", then again: not the catalog a whole run leaves")));
            } else {
                // Succeeded: a fault it met was one SQLite may pass over (a checkpoint after
                // the commit); the result is whole.
                QVERIFY2(left.cache == after.cache,
                    qPrintable(where + QStringLiteral(": succeeded, yet ") + left.cache.differenceFrom(after.cache)));
                if (!fired)
                    break; // N is past every operation of this kind
            }
        }
        QVERIFY2(n <= MaxN, "the loop did not end");
        qInfo("%s: %d %ss in a whole run, %d of them failed in turn, %d failures reported, each leaving the cache "
              "as it was",
            qPrintable(name), total, qPrintable(kind), tried - 1, failures);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        reliability::FaultyVfs::install();
        m_clock = std::make_unique<core::clock::ScopedSource>(
            QDateTime(QDate(2026, 11, 24), QTime(9, 0), QTimeZone::utc()));
        m_catalog = path(QStringLiteral("organisation.ndjson"));
        const auto writeCatalog = [&](bool edited) {
            QFile out(m_catalog);
            return out.open(QIODevice::WriteOnly | QIODevice::Truncate)
                && out.write(reliability::syntheticCatalog(Entities, edited)) > 0;
        };
        QVERIFY(writeCatalog(false));
        m_imported = path(QStringLiteral("imported.sqlite3"));
        m_withSnapshot = path(QStringLiteral("with-snapshot.sqlite3"));
        {
            const core::Status imported = import(m_imported, m_catalog);
            QVERIFY2(imported, qPrintable(imported.errorString()));
        }
        QVERIFY(reliability::copyCache(m_imported, m_withSnapshot));
        QVERIFY(writeCatalog(true));
        {
            auto cache = std::move(cache::Cache::open(m_withSnapshot).value());
            m_snapshotId = cache::SnapshotStore(*cache).create(cache::SnapshotReason::byHand()).value().id;
        }
        {
            const core::Status imported = import(m_withSnapshot, m_catalog);
            QVERIFY2(imported, qPrintable(imported.errorString()));
        }
    }

    void cleanupTestCase()
    {
        reliability::FaultyVfs::disarm();
        m_clock.reset();
    }

    void failedWrites_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : { "import", "import, the disk staying full", "snapshot", "restore", "migration" })
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void failedWrites() { loop(Operation::Write); }
    void failedSyncs_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : { "import", "snapshot", "restore", "migration" })
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void failedSyncs() { loop(Operation::Sync); }

private:
    void loop(Operation operation)
    {
        QFETCH(QString, name);
        faultLoop(name, operation);
    }
};

QTEST_GUILESS_MAIN(IoFaults)
#include "tst_iofaults.moc"
