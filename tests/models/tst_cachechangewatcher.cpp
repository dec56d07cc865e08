// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "models/CacheChangeWatcher.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;

class TestCacheChangeWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void anotherConnectionsCommitIsOneChange();
    void nothingWrittenIsNoChange();
    void ownWritesAreNotChanges();
    void timerPollsAtTheInterval();

private:
    QString m_path;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cache::Cache> m_reader;
};

namespace {

core::SourcedEntity component(const QString &name)
{
    return core::SourcedEntity {
        core::Entity(QJsonObject { { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
            { QStringLiteral("kind"), QStringLiteral("Component") },
            { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), name } } },
            { QStringLiteral("spec"), QJsonObject { { QStringLiteral("owner"), QStringLiteral("team-a") } } } }),
        {}
    };
}

// What a sync does: its own connection, one transaction.
void importAs(const QString &path, const QStringList &names)
{
    core::Result<std::unique_ptr<cache::Cache>> writer = cache::Cache::open(path);
    QVERIFY2(writer.ok(), qPrintable(writer.errorString()));
    cache::SourceRunInput input;
    input.sourceName = QStringLiteral("test");
    input.sourceKind = QStringLiteral("files");
    for (const QString &name : names)
        input.entities.append(component(name));
    core::Result<cache::RunSummary> applied = cache::CatalogWriter(**writer).applySourceRun(input);
    QVERIFY2(applied.ok(), qPrintable(applied.errorString()));
}

} // namespace

void TestCacheChangeWatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("cache.sqlite3"));
    core::Result<std::unique_ptr<cache::Cache>> opened = cache::Cache::open(m_path);
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    m_reader = std::move(opened).value();
}

void TestCacheChangeWatcher::cleanup()
{
    m_reader.reset();
    m_dir.reset();
}

void TestCacheChangeWatcher::anotherConnectionsCommitIsOneChange()
{
    models::CacheChangeWatcher watcher(*m_reader);
    watcher.stop();
    QSignalSpy changed(&watcher, &models::CacheChangeWatcher::changed);
    importAs(m_path, { QStringLiteral("alpha"), QStringLiteral("beta") });
    QVERIFY(watcher.checkNow());
    QCOMPARE(changed.count(), 1);
    QVERIFY(!watcher.checkNow());
    QCOMPARE(changed.count(), 1);

    importAs(m_path, { QStringLiteral("alpha") });
    QVERIFY(watcher.checkNow());
    QCOMPARE(changed.count(), 2);
    QVERIFY(watcher.lastError().isEmpty());
}

void TestCacheChangeWatcher::nothingWrittenIsNoChange()
{
    models::CacheChangeWatcher watcher(*m_reader);
    watcher.stop();
    QSignalSpy changed(&watcher, &models::CacheChangeWatcher::changed);
    // A reader on another connection changes nothing.
    core::Result<std::unique_ptr<cache::Cache>> other = cache::Cache::openReadOnly(m_path);
    QVERIFY2(other.ok(), qPrintable(other.errorString()));
    QVERIFY((*other)->database().queryInt(QStringLiteral("SELECT count(*) FROM entities")).ok());
    QVERIFY(!watcher.checkNow());
    QVERIFY(!watcher.checkNow());
    QCOMPARE(changed.count(), 0);
}

void TestCacheChangeWatcher::ownWritesAreNotChanges()
{
    models::CacheChangeWatcher watcher(*m_reader);
    watcher.stop();
    QSignalSpy changed(&watcher, &models::CacheChangeWatcher::changed);
    cache::SourceRunInput input;
    input.sourceName = QStringLiteral("own");
    input.sourceKind = QStringLiteral("files");
    input.entities.append(component(QStringLiteral("gamma")));
    QVERIFY(cache::CatalogWriter(*m_reader).applySourceRun(input).ok());
    QVERIFY(!watcher.checkNow());
    QCOMPARE(changed.count(), 0);
}

void TestCacheChangeWatcher::timerPollsAtTheInterval()
{
    models::CacheChangeWatcher watcher(*m_reader);
    QCOMPARE(watcher.interval(), 1000);
    QVERIFY(watcher.isActive());
    watcher.setInterval(20);
    QSignalSpy changed(&watcher, &models::CacheChangeWatcher::changed);
    importAs(m_path, { QStringLiteral("delta") });
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 2000);
    // Later polls find nothing new.
    QTest::qWait(100);
    QCOMPARE(changed.count(), 1);
}

QTEST_GUILESS_MAIN(TestCacheChangeWatcher)
#include "tst_cachechangewatcher.moc"
