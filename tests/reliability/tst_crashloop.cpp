// SPDX-License-Identifier: GPL-3.0-or-later
// The crash loop: the real `cairn` runs an import, a snapshot, a restore or a migration and
// is killed (SIGKILL, no chance to clean up) at a random moment. After every kill the cache
// is sound (PRAGMA integrity_check), holds exactly what it held before the operation or
// exactly what a whole run leaves, never a mix, and Cairn opens it.
//
// 20 kills of an import and 5 of each other operation by default (CI); CAIRN_RELIABILITY_FULL=1
// runs 100 and 25. CAIRN_RELIABILITY_SEED=N repeats a run's moments (the seed is printed).
#include "cache/Cache.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include "support/CacheContent.h"
#include "support/CairnProcess.h"
#include "support/SyntheticCatalog.h"

using namespace cairn;
using reliability::CacheContent;
using reliability::CacheState;
using reliability::copyCache;
using reliability::fullRun;
using reliability::runCairn;
using reliability::stateOf;

namespace {

constexpr int Entities = 800;

} // namespace

class CrashLoop : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_catalog; // the NDJSON file every import reads
    QString m_imported; // a cache holding the first version of the organisation
    QString m_withSnapshot; // the second version, with a snapshot of the first beside it
    QString m_snapshotId;
    quint32 m_seed = 0;
    QRandomGenerator m_random;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    struct Operation
    {
        QString name;
        QString fixture; // the cache (and snapshot folder) it starts from
        QStringList arguments;
        // Turns the fixture into the state before the operation (a migration's older schema).
        std::function<void(const QString &)> prepare;
    };

    // Kills `operation` `kills` times at random moments and checks what each kill left.
    void crashLoop(const Operation &operation, int kills)
    {
        // The two states a kill may leave, and how long a whole run takes.
        const QString reference = path(operation.name + QStringLiteral("-whole.sqlite3"));
        QVERIFY(copyCache(operation.fixture, reference));
        if (operation.prepare)
            operation.prepare(reference);
        const CacheState before = stateOf(reference);
        QVERIFY(before.cache.rowCount() > 0);
        QElapsedTimer clock;
        clock.start();
        const reliability::Finished whole = runCairn(reference, operation.arguments);
        const int wholeMs = int(clock.elapsed());
        QVERIFY2(whole.exitCode == 0, qPrintable(whole.output));
        const CacheState after = stateOf(reference);
        QVERIFY2(!(after == before), "the operation changed nothing: the loop would prove nothing");
        // A snapshot is a copy of a state the cache was in.
        QList<CacheContent> copiesOf = before.snapshots.values();
        copiesOf << before.cache << after.cache;

        int leftBefore = 0, leftAfter = 0;
        for (int i = 0; i < kills; ++i) {
            const QString cache = path(QStringLiteral("%1-%2.sqlite3").arg(operation.name).arg(i));
            QVERIFY(copyCache(operation.fixture, cache));
            if (operation.prepare)
                operation.prepare(cache);
            const int killAt = int(m_random.bounded(wholeMs + 1));
            const reliability::Finished killed = runCairn(cache, operation.arguments, killAt);
            const QString where = QStringLiteral("%1, kill %2 at %3 ms of %4 (seed %5)")
                                      .arg(operation.name)
                                      .arg(i)
                                      .arg(killAt)
                                      .arg(wholeMs)
                                      .arg(m_seed);
            QVERIFY2(killed.crashed || killed.exitCode == 0, qPrintable(where + u'\n' + killed.output));

            const QStringList integrity = reliability::integrityCheck(cache);
            QVERIFY2(integrity == QStringList { QStringLiteral("ok") },
                qPrintable(where + QStringLiteral(": ") + integrity.join(u'\n')));
            const CacheState left = stateOf(cache);
            if (left.cache == before.cache)
                ++leftBefore;
            else if (left.cache == after.cache)
                ++leftAfter;
            else
                QFAIL(qPrintable(where + QStringLiteral(": a mix of before and after; from before: ")
                    + left.cache.differenceFrom(before.cache) + QStringLiteral("; from after: ")
                    + left.cache.differenceFrom(after.cache)));
            for (auto snapshot = left.snapshots.cbegin(); snapshot != left.snapshots.cend(); ++snapshot) {
                const QString file = cache + QStringLiteral(".snapshots/") + snapshot.key();
                QVERIFY2(reliability::integrityCheck(file) == QStringList { QStringLiteral("ok") },
                    qPrintable(where + QStringLiteral(": snapshot ") + snapshot.key()));
                QVERIFY2(copiesOf.contains(snapshot.value()),
                    qPrintable(where + QStringLiteral(": snapshot ") + snapshot.key()
                        + QStringLiteral(" is not a copy of any state the cache was in")));
            }

            // Cairn opens what is left as it is: not moved aside as damaged.
            core::Result<std::unique_ptr<cache::Cache>> opened = cache::Cache::open(cache);
            QVERIFY2(opened, qPrintable(where + QStringLiteral(": ") + opened.errorString()));
            QVERIFY2(opened.value()->quarantinedPath().isEmpty(), qPrintable(where));
            opened.value().reset();
            QFile::remove(cache);
            QDir(cache + QStringLiteral(".snapshots")).removeRecursively();
        }
        qInfo("%s: %d kills left the state before, %d the state after (a whole run: %d ms)", qPrintable(operation.name),
            leftBefore, leftAfter, wholeMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_seed = reliability::seedForThisRun("these moments");
        m_random.seed(m_seed);

        m_catalog = path(QStringLiteral("organisation.ndjson"));
        const auto writeCatalog = [&](bool edited) {
            QFile file(m_catalog);
            return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
                && file.write(reliability::syntheticCatalog(Entities, edited)) > 0;
        };
        QVERIFY(writeCatalog(false));
        m_imported = path(QStringLiteral("imported.sqlite3"));
        reliability::Finished first = runCairn(m_imported, { QStringLiteral("import"), m_catalog });
        QVERIFY2(first.exitCode == 0, qPrintable(first.output));

        m_withSnapshot = path(QStringLiteral("with-snapshot.sqlite3"));
        QVERIFY(copyCache(m_imported, m_withSnapshot));
        reliability::Finished snapshot
            = runCairn(m_withSnapshot, { QStringLiteral("snapshot"), QStringLiteral("create") });
        QVERIFY2(snapshot.exitCode == 0, qPrintable(snapshot.output));
        const QStringList ids = QDir(m_withSnapshot + QStringLiteral(".snapshots"))
                                    .entryList({ QStringLiteral("*.sqlite3") }, QDir::Files, QDir::Name);
        QCOMPARE(ids.size(), 1);
        m_snapshotId = ids.constFirst().chopped(int(qstrlen(".sqlite3")));
        // Every later import reads the second version.
        QVERIFY(writeCatalog(true));
        reliability::Finished second = runCairn(m_withSnapshot, { QStringLiteral("import"), m_catalog });
        QVERIFY2(second.exitCode == 0, qPrintable(second.output));
    }

    void killedImport()
    {
        crashLoop({ QStringLiteral("import"), m_imported, { QStringLiteral("import"), m_catalog }, {} },
            fullRun() ? 100 : 20);
    }

    void killedSnapshot()
    {
        crashLoop({ QStringLiteral("snapshot"), m_withSnapshot,
                      { QStringLiteral("snapshot"), QStringLiteral("create") }, {} },
            fullRun() ? 25 : 5);
    }

    void killedRestore()
    {
        crashLoop({ QStringLiteral("restore"), m_withSnapshot,
                      { QStringLiteral("snapshot"), QStringLiteral("restore"), m_snapshotId }, {} },
            fullRun() ? 25 : 5);
    }

    // A cache from schema 7 migrated by the next command that opens it.
    void killedMigration()
    {
        const auto toSchema7 = [](const QString &cache) { QVERIFY(reliability::setUserVersion(cache, 7)); };
        crashLoop(
            { QStringLiteral("migration"), m_imported, { QStringLiteral("check") }, toSchema7 }, fullRun() ? 25 : 5);
    }
};

QTEST_GUILESS_MAIN(CrashLoop)
#include "tst_crashloop.moc"
