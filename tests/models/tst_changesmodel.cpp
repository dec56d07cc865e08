// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "models/ChangesModel.h"
#include "models/ItemRoles.h"
#include "sync/CatalogImporter.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
using Column = models::ChangesModel::Column;

class TestChangesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsTheLatestRunsLinesNewestFirst();
    void refreshInsertsANewRunAtTheTop();
    void aPurgedEntityKeepsItsLineWithoutARef();
    void boundsAndSince();

private:
    // `cairn import` of a catalog file with these documents, on its own connection.
    void importCatalog(const QByteArray &yaml, bool allowRemovals);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<cache::Cache> m_cache;
};

namespace {

QByteArray component(const char *name, const char *title)
{
    return QByteArray("---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ") + name
        + "\n  title: " + title + "\nspec:\n  type: service\n  lifecycle: production\n  owner: team\n";
}

const QByteArray Team = "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\nspec:\n  type: "
                        "team\n  children: []\n";

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, column).data().toString());
    return out;
}

} // namespace

void TestChangesModel::init()
{
    QLocale::setDefault(QLocale::c());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("cache.sqlite3"));
    core::Result<std::unique_ptr<cache::Cache>> opened = cache::Cache::open(m_path);
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    m_cache = std::move(opened).value();
    // Run 1 adds four entities; run 2 changes alpha, removes beta, adds delta.
    importCatalog(Team + component("alpha", "Alpha") + component("beta", "Beta") + component("gamma", "Gamma"), false);
    importCatalog(
        Team + component("alpha", "Alpha two") + component("gamma", "Gamma") + component("delta", "Delta"), true);
}

void TestChangesModel::cleanup()
{
    m_cache.reset();
    m_dir.reset();
}

void TestChangesModel::importCatalog(const QByteArray &yaml, bool allowRemovals)
{
    const QString file = m_dir->filePath(QStringLiteral("catalog.yaml"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(yaml);
    }
    const sync::CatalogReadResult read = sync::CatalogImporter::read({ file });
    QVERIFY(read.problems.isEmpty());
    core::Result<std::unique_ptr<cache::Cache>> writer = cache::Cache::open(m_path);
    QVERIFY2(writer.ok(), qPrintable(writer.errorString()));
    cache::SourceRunInput input;
    input.sourceName = sync::CatalogImporter::defaultSourceName({ file });
    input.sourceKind = QStringLiteral("files");
    input.location = file;
    input.entities = read.entities;
    input.allowRemovals = allowRemovals;
    input.snapshotsToKeep = 0;
    core::Result<cache::RunSummary> applied = cache::CatalogWriter(**writer).applySourceRun(input);
    QVERIFY2(applied.ok(), qPrintable(applied.errorString()));
}

void TestChangesModel::showsTheLatestRunsLinesNewestFirst()
{
    models::ChangesModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.lastError().isEmpty());
    QCOMPARE(model.headerData(Column::Change, Qt::Horizontal).toString(), QStringLiteral("Change"));
    QCOMPARE(column(model, Column::Name),
        QStringList({ QStringLiteral("Alpha two"), QStringLiteral("Beta"), QStringLiteral("Delta"),
            QStringLiteral("Alpha two"), QStringLiteral("Beta"), QStringLiteral("Gamma"), QStringLiteral("team") }));
    QCOMPARE(column(model, Column::Change),
        QStringList({ QStringLiteral("Changed"), QStringLiteral("Removed upstream"), QStringLiteral("Added"),
            QStringLiteral("Added"), QStringLiteral("Added"), QStringLiteral("Added"), QStringLiteral("Added") }));
    QCOMPARE(column(model, Column::Kind).constLast(), QStringLiteral("Group"));
    QVERIFY(column(model, Column::Source).constFirst().startsWith(QStringLiteral("files:")));
    QVERIFY(!model.index(0, Column::When).data().toString().isEmpty());
    QCOMPARE(model.index(1, 0).data(models::RefRole).value<core::EntityRef>().toString(),
        QStringLiteral("Component:default/beta"));
    QCOMPARE(model.index(1, 0).data(models::RemovedRole).toBool(), true);
    QCOMPARE(model.index(1, 0).data(models::ChangeRole).toString(), QStringLiteral("removed"));
    QCOMPARE(model.index(0, 0).data(models::KindRole).toString(), QStringLiteral("component"));
}

void TestChangesModel::refreshInsertsANewRunAtTheTop()
{
    models::ChangesModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    const QPersistentModelIndex gammaAdded = model.index(5, Column::Name);
    QCOMPARE(gammaAdded.data().toString(), QStringLiteral("Gamma"));

    QVERIFY(model.refresh().ok());
    QCOMPARE(inserted.count() + removed.count(), 0);

    // Run 3 would remove two of three components: held, nothing applied.
    importCatalog(Team + component("delta", "Delta"), false);
    QCOMPARE(model.rowCount(), 7); // not before refresh()
    QVERIFY(model.refresh().ok());
    QCOMPARE(resets.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.index(0, Column::Name).data().toString(), QStringLiteral("Alpha two"));
    QCOMPARE(model.index(0, Column::Change).data().toString(), QStringLiteral("Would remove (held)"));
    QCOMPARE(model.index(1, Column::Name).data().toString(), QStringLiteral("Gamma"));
    QCOMPARE(gammaAdded.row(), 7);
    QCOMPARE(gammaAdded.data().toString(), QStringLiteral("Gamma"));
}

void TestChangesModel::aPurgedEntityKeepsItsLineWithoutARef()
{
    models::ChangesModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    {
        core::Result<std::unique_ptr<cache::Cache>> writer = cache::Cache::open(m_path);
        QVERIFY(writer.ok());
        core::Result<int> purged
            = cache::CatalogWriter(**writer).purgeTombstones(QDateTime::currentDateTimeUtc().addSecs(60));
        QVERIFY2(purged.ok(), qPrintable(purged.errorString()));
        QCOMPARE(*purged, 1);
    }
    QVERIFY(model.refresh().ok());
    QCOMPARE(resets.count(), 0);
    QCOMPARE(model.rowCount(), 7);
    // Beta's two lines (removed in run 2, added in run 1) lost their entity, not their place.
    QCOMPARE(changed.count(), 2);
    for (const int row : { 1, 4 }) {
        QCOMPARE(model.index(row, Column::Name).data().toString(), QStringLiteral("beta"));
        QCOMPARE(model.index(row, Column::Kind).data().toString(), QStringLiteral("component"));
        QVERIFY(model.index(row, 0).data(models::RefRole).value<core::EntityRef>().isNull());
        QCOMPARE(
            model.index(row, Column::Name).data(Qt::ToolTipRole).toString(), QStringLiteral("component:default/beta"));
    }
}

void TestChangesModel::boundsAndSince()
{
    models::ChangesModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setMaxRuns(1);
    QVERIFY(model.refresh().ok());
    QCOMPARE(column(model, Column::Name),
        QStringList({ QStringLiteral("Alpha two"), QStringLiteral("Beta"), QStringLiteral("Delta") }));
    model.setMaxRuns(10);
    model.setMaxLines(4);
    QVERIFY(model.refresh().ok());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(3, Column::Change).data().toString(), QStringLiteral("Added"));
    model.setSince(QDateTime::currentDateTimeUtc().addSecs(60));
    QVERIFY(model.refresh().ok());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(resets.count(), 0);
}

QTEST_GUILESS_MAIN(TestChangesModel)
#include "tst_changesmodel.moc"
