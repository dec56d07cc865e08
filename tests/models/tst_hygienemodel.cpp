// SPDX-License-Identifier: GPL-3.0-or-later
// models::HygieneModel over the sample organisation: the report as table rows, read on its
// own reader, checked by QAbstractItemModelTester, and merged in place when it changes.
#include "cache/Cache.h"
#include "core/HygieneWords.h"
#include "models/HygieneModel.h"
#include "models/ItemRoles.h"
#include "sync/FileSource.h"
#include "sync/SampleOrganisation.h"
#include "sync/SyncEngine.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
using Column = models::HygieneModel::Column;

namespace {

const QDate kToday(2026, 11, 24);

// Until every read asked for has arrived.
[[nodiscard]] bool finishReading(const models::HygieneModel &model)
{
    QSignalSpy finished(&model, &models::HygieneModel::readFinished);
    while (model.isReading() || !model.isLoaded()) {
        if (!finished.wait(10000))
            return false;
    }
    return true;
}

} // namespace

class TestHygieneModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<cache::Cache> m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        Q_INIT_RESOURCE(cairn_sample);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("cache.sqlite3")));
        auto opened = cache::Cache::open(m_dir.filePath(QStringLiteral("cache.sqlite3")));
        QVERIFY2(opened, qPrintable(opened.errorString()));
        m_cache = std::move(opened.value());
        QVERIFY(sync::SampleOrganisation::load(*m_cache).ok);
    }

    void cleanup() { m_cache.reset(); }

    void rowsOfTheSample()
    {
        models::HygieneModel model(*m_cache, kToday);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(finishReading(model));
        QCOMPARE(model.lastError(), QString());
        QCOMPARE(model.today(), kToday);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(models::HygieneModel::ColumnCount));

        const auto cell
            = [&](int row, Column column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
        QCOMPARE(cell(0, Column::Problem).toString(), QStringLiteral("Owner not in the catalog"));
        QCOMPARE(cell(0, Column::Problem, models::ValueRole).toString(), QStringLiteral("unresolved-owner"));
        QCOMPARE(cell(0, Column::Name).toString(), QStringLiteral("image-resizer"));
        QCOMPARE(cell(0, Column::Kind).toString(), QStringLiteral("Component"));
        QCOMPARE(cell(0, Column::Why).toString(),
            QStringLiteral("Its owner group:default/media-team is not in the catalog."));
        QCOMPARE(cell(0, Column::Why, models::ValueRole).toString(), QStringLiteral("group:default/media-team"));
        QCOMPARE(cell(0, Column::Reference).toString(), QStringLiteral("Component:default/image-resizer"));
        QCOMPARE(cell(0, Column::Name, models::RefRole).value<core::EntityRef>(),
            core::EntityRef::parse(u"component:default/image-resizer").value());
        QCOMPARE(cell(0, Column::Name, models::KindRole).toString(), QStringLiteral("component"));
        QCOMPARE(cell(1, Column::Name).toString(), QStringLiteral("Demand forecasting v2"));
        QCOMPARE(
            cell(1, Column::Why).toString(), QStringLiteral("Not finished; last update on 2026-10-21, 34 days ago."));
        QCOMPARE(cell(2, Column::Problem).toString(), QStringLiteral("Goal without a project"));
        // Sorting on the problem keeps the report's order of categories, not the alphabet's.
        QVERIFY(
            cell(0, Column::Problem, models::SortRole).toInt() < cell(1, Column::Problem, models::SortRole).toInt());
        QVERIFY(
            cell(1, Column::Problem, models::SortRole).toInt() < cell(2, Column::Problem, models::SortRole).toInt());
        QCOMPARE(cell(1, Column::Why, models::SortRole).toString(), QStringLiteral("2026-10-21"));
        QCOMPARE(model.headerData(Column::Why, Qt::Horizontal).toString(), QStringLiteral("Why"));
        QCOMPARE(model.headerData(Column::Problem, Qt::Horizontal).toString(), QStringLiteral("Problem"));
    }

    // A new finding arrives as an inserted row; the others stay where they are (a view's
    // selection survives), and a later day judges again.
    void refreshMergesInPlace()
    {
        models::HygieneModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setToday(kToday);
        QVERIFY(finishReading(model));
        QCOMPARE(model.rowCount(), 3);
        const QPersistentModelIndex first = model.index(0, Column::Name);
        const QPersistentModelIndex last = model.index(2, Column::Name);

        const QString people = m_dir.filePath(QStringLiteral("people.yaml"));
        QFile file(people);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: {name: zoe}\n"
                   "spec: {profile: {displayName: Zoé Lambert}, memberOf: []}\n");
        file.close();
        sync::FileSource source({ people });
        QVERIFY(sync::SyncEngine(*m_cache)
                    .run(QStringLiteral("people"), QStringLiteral("files"), people, source, sync::SyncOptions {})
                    .ok);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.refresh();
        QVERIFY(finishReading(model));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(1, Column::Problem, {}).data(models::ValueRole).toString(),
            QStringLiteral("user-without-group"));
        QCOMPARE(model.index(1, Column::Name).data().toString(), QStringLiteral("Zoé Lambert"));
        QCOMPARE(first.row(), 0);
        QCOMPARE(first.data().toString(), QStringLiteral("image-resizer"));
        QCOMPARE(last.row(), 3);

        // Ten days later the Retire-the-legacy-shop project has had no update for 18 days.
        model.setToday(kToday.addDays(10));
        QVERIFY(finishReading(model));
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row)
            names.append(model.index(row, Column::Name).data().toString());
        QVERIFY2(names.contains(QStringLiteral("Retire the legacy PHP shop")), qPrintable(names.join(u", ")));
    }
};

QTEST_GUILESS_MAIN(TestHygieneModel)
#include "tst_hygienemodel.moc"
