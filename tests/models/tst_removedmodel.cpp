// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "models/ItemRoles.h"
#include "models/RemovedModel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
using Column = models::RemovedModel::Column;

class TestRemovedModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pagesNewestRemovalFirst();
    void showsNameKindSourceRunAndOwner();
    void refreshInsertsNewTombstonesAndDropsRestored();
    void refreshDropsPurgedRows();

private:
    // One sync on its own connection, of components c00..c24 but `missing`.
    qint64 syncWithout(const QList<int> &missing);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<cache::Cache> m_cache;
};

namespace {

QString componentName(int i)
{
    return QStringLiteral("c%1").arg(i, 2, 10, QLatin1Char('0'));
}

QStringList names(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, Column::Name).data().toString());
    return out;
}

} // namespace

void TestRemovedModel::init()
{
    QLocale::setDefault(QLocale::c());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("cache.sqlite3"));
    core::Result<std::unique_ptr<cache::Cache>> opened = cache::Cache::open(m_path);
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    m_cache = std::move(opened).value();
    syncWithout({});
}

void TestRemovedModel::cleanup()
{
    m_cache.reset();
    m_dir.reset();
}

qint64 TestRemovedModel::syncWithout(const QList<int> &missing)
{
    core::Result<std::unique_ptr<cache::Cache>> writer = cache::Cache::open(m_path);
    if (!writer)
        return -1;
    cache::SourceRunInput input;
    input.sourceName = QStringLiteral("test");
    input.sourceKind = QStringLiteral("files");
    input.allowRemovals = true;
    input.snapshotsToKeep = 0;
    input.entities.append(core::SourcedEntity {
        core::Entity(QJsonObject { { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
            { QStringLiteral("kind"), QStringLiteral("Group") },
            { QStringLiteral("metadata"),
                QJsonObject { { QStringLiteral("name"), QStringLiteral("team-a") },
                    { QStringLiteral("title"), QStringLiteral("Team A") } } },
            { QStringLiteral("spec"), QJsonObject {} } }),
        {} });
    for (int i = 0; i < 25; ++i) {
        if (missing.contains(i))
            continue;
        input.entities.append(core::SourcedEntity {
            core::Entity(QJsonObject { { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
                { QStringLiteral("kind"), QStringLiteral("Component") },
                { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), componentName(i) } } },
                { QStringLiteral("spec"), QJsonObject { { QStringLiteral("owner"), QStringLiteral("team-a") } } } }),
            {} });
    }
    core::Result<cache::RunSummary> applied = cache::CatalogWriter(**writer).applySourceRun(input);
    return applied ? applied->runId : -1;
}

void TestRemovedModel::pagesNewestRemovalFirst()
{
    QVERIFY(syncWithout({ 0, 1, 2 }) > 0);
    QTest::qWait(5); // a later removal time for the next run
    QVERIFY(syncWithout({ 0, 1, 2, 3, 4 }) > 0);
    models::RemovedModel model(*m_cache, 2);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.canFetchMore({}));
    int pages = 1;
    while (model.canFetchMore({})) {
        model.fetchMore({});
        ++pages;
    }
    QCOMPARE(pages, 3);
    // The tester fetches every page of its own model when attached.
    models::RemovedModel tested(*m_cache, 2);
    QAbstractItemModelTester tester(&tested, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(names(tested), names(model));
    // The second run's removals first; within one run, the later-created entity first.
    QCOMPARE(names(model),
        QStringList({ QStringLiteral("c04"), QStringLiteral("c03"), QStringLiteral("c02"), QStringLiteral("c01"),
            QStringLiteral("c00") }));
    QVERIFY(model.lastError().isEmpty());
}

void TestRemovedModel::showsNameKindSourceRunAndOwner()
{
    const qint64 run = syncWithout({ 7 });
    QVERIFY(run > 0);
    models::RemovedModel model(*m_cache);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.headerData(Column::Run, Qt::Horizontal).toString(), QStringLiteral("Run"));
    QCOMPARE(model.index(0, Column::Name).data().toString(), QStringLiteral("c07"));
    QCOMPARE(model.index(0, Column::Kind).data().toString(), QStringLiteral("Component"));
    QCOMPARE(model.index(0, Column::Source).data().toString(), QStringLiteral("test"));
    QCOMPARE(model.index(0, Column::Run).data().toString(), QString::number(run));
    QCOMPARE(model.index(0, Column::Owner).data().toString(), QStringLiteral("Team A"));
    QVERIFY(!model.index(0, Column::Removed).data().toString().isEmpty());
    QCOMPARE(model.index(0, 0).data(models::RefRole).value<core::EntityRef>().toString(),
        QStringLiteral("Component:default/c07"));
    QCOMPARE(model.index(0, Column::Owner).data(models::RemovedRole).toBool(), true);
    QCOMPARE(model.index(0, 0).data(models::KindRole).toString(), QStringLiteral("component"));
}

void TestRemovedModel::refreshInsertsNewTombstonesAndDropsRestored()
{
    QVERIFY(syncWithout({ 0, 1, 2, 3, 4 }) > 0);
    models::RemovedModel model(*m_cache, 2);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 5);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    const QPersistentModelIndex c03 = model.index(1, 0);
    QCOMPARE(c03.data().toString(), QStringLiteral("c03"));

    QVERIFY(model.refresh().ok());
    QCOMPARE(inserted.count() + removed.count(), 0);

    // Another connection: c05 and c06 go, c00 comes back.
    QTest::qWait(5);
    QVERIFY(syncWithout({ 1, 2, 3, 4, 5, 6 }) > 0);
    QCOMPARE(model.rowCount(), 5); // not before refresh()
    QVERIFY(model.refresh().ok());
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0); // at the top
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
    // The window holds as many rows as were loaded: c01 is pushed out, to be fetched again.
    QCOMPARE(names(model),
        QStringList({ QStringLiteral("c06"), QStringLiteral("c05"), QStringLiteral("c04"), QStringLiteral("c03"),
            QStringLiteral("c02") }));
    QVERIFY(c03.isValid());
    QCOMPARE(c03.row(), 3);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(names(model).constLast(), QStringLiteral("c01"));
    QCOMPARE(model.rowCount(), 6);
    QVERIFY(!model.canFetchMore({}));
}

void TestRemovedModel::refreshDropsPurgedRows()
{
    QVERIFY(syncWithout({ 0, 1 }) > 0);
    models::RemovedModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    {
        core::Result<std::unique_ptr<cache::Cache>> writer = cache::Cache::open(m_path);
        QVERIFY(writer.ok());
        core::Result<int> purged
            = cache::CatalogWriter(**writer).purgeTombstones(QDateTime::currentDateTimeUtc().addSecs(60));
        QVERIFY2(purged.ok(), qPrintable(purged.errorString()));
        QCOMPARE(*purged, 2);
    }
    QVERIFY(model.refresh().ok());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(resets.count(), 0);
    QVERIFY(!model.canFetchMore({}));
}

QTEST_GUILESS_MAIN(TestRemovedModel)
#include "tst_removedmodel.moc"
