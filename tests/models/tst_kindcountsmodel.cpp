// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"
#include "cache/CatalogQuery.h"
#include "cache/CatalogWriter.h"
#include "models/ItemRoles.h"
#include "models/KindCountsModel.h"
#include "sync/CatalogImporter.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;

class TestKindCountsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rowsInSidebarOrder();
    void countsLiveEntitiesPerKind();
    void refreshSignalsOnlyMovedCounts();
    void countsTheSampleOrganisation();

private:
    void importAs(const QList<QPair<QString, QString>> &entities);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<cache::Cache> m_cache;
};

namespace {

using Entities = QList<QPair<QString, QString>>; // kind, name

const Entities &catalog()
{
    static const Entities list {
        { QStringLiteral("Project"), QStringLiteral("p1") }, { QStringLiteral("Project"), QStringLiteral("p2") },
        { QStringLiteral("Goal"), QStringLiteral("g1") }, { QStringLiteral("Component"), QStringLiteral("c1") },
        { QStringLiteral("Component"), QStringLiteral("c2") }, { QStringLiteral("Component"), QStringLiteral("c3") },
        { QStringLiteral("API"), QStringLiteral("a1") }, { QStringLiteral("System"), QStringLiteral("s1") },
        { QStringLiteral("Domain"), QStringLiteral("d1") }, { QStringLiteral("Domain"), QStringLiteral("d2") },
        { QStringLiteral("Resource"), QStringLiteral("r1") }, { QStringLiteral("Group"), QStringLiteral("t1") },
        { QStringLiteral("User"), QStringLiteral("u1") },
        { QStringLiteral("Location"), QStringLiteral("l1") }, // not in the sidebar
    };
    return list;
}

int countOf(const QAbstractItemModel &model, const QString &viewId)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(models::ViewIdRole).toString() == viewId)
            return model.index(row, 0).data(models::CountRole).toInt();
    }
    return -2;
}

} // namespace

void TestKindCountsModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("cache.sqlite3"));
    core::Result<std::unique_ptr<cache::Cache>> opened = cache::Cache::open(m_path);
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    m_cache = std::move(opened).value();
}

void TestKindCountsModel::cleanup()
{
    m_cache.reset();
    m_dir.reset();
}

// A sync's own connection writes, as the SyncWorker or `cairn sync` would.
void TestKindCountsModel::importAs(const Entities &entities)
{
    core::Result<std::unique_ptr<cache::Cache>> writer = cache::Cache::open(m_path);
    QVERIFY2(writer.ok(), qPrintable(writer.errorString()));
    cache::SourceRunInput input;
    input.sourceName = QStringLiteral("test");
    input.sourceKind = QStringLiteral("files");
    input.allowRemovals = true;
    for (const auto &[kind, name] : entities) {
        const bool cairnKind = kind == u"Project" || kind == u"Goal";
        input.entities.append(core::SourcedEntity {
            core::Entity(QJsonObject {
                { QStringLiteral("apiVersion"),
                    cairnKind ? QStringLiteral("cairn.dev/v1") : QStringLiteral("backstage.io/v1alpha1") },
                { QStringLiteral("kind"), kind },
                { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), name } } },
                { QStringLiteral("spec"), QJsonObject {} } }),
            {} });
    }
    core::Result<cache::RunSummary> applied = cache::CatalogWriter(**writer).applySourceRun(input);
    QVERIFY2(applied.ok(), qPrintable(applied.errorString()));
}

void TestKindCountsModel::rowsInSidebarOrder()
{
    models::KindCountsModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QStringList expected { QStringLiteral("overview"), QStringLiteral("health"), QStringLiteral("project"),
        QStringLiteral("goal"), QStringLiteral("component"), QStringLiteral("api"), QStringLiteral("system"),
        QStringLiteral("resource"), QStringLiteral("group"), QStringLiteral("user"), QStringLiteral("removed"),
        QStringLiteral("hygiene") };
    QCOMPARE(model.rowCount(), expected.size());
    for (int row = 0; row < expected.size(); ++row)
        QCOMPARE(model.index(row, 0).data(models::ViewIdRole).toString(), expected.at(row));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Overview"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Health"));
    QCOMPARE(model.index(1, 0).data(models::CountRole).toInt(), -1); // a dashboard, not a count
    QCOMPARE(model.index(6, 0).data().toString(), QStringLiteral("Systems & Domains"));
    QCOMPARE(model.index(10, 0).data().toString(), QStringLiteral("Removed upstream"));
    QCOMPARE(model.index(11, 0).data().toString(), QStringLiteral("Hygiene"));
    QCOMPARE(model.index(11, 0).data(models::CountRole).toInt(), -1); // findings, not a count of entities
    QCOMPARE(model.index(6, 0).data(models::KindsRole).toStringList(),
        QStringList({ QStringLiteral("system"), QStringLiteral("domain") }));
    QCOMPARE(model.index(8, 0).data(models::KindsRole).toStringList(), QStringList { QStringLiteral("group") });
    QVERIFY(!model.index(2, 0).data(Qt::DecorationRole).isValid());
    QCOMPARE(model.rowOf(u"user"), 9);
    QCOMPARE(model.rowOf(u"location"), -1);
    // An empty cache: zero everywhere, the overview is not a count.
    QCOMPARE(countOf(model, QStringLiteral("overview")), -1);
    QCOMPARE(countOf(model, QStringLiteral("component")), 0);
    QCOMPARE(countOf(model, QStringLiteral("removed")), 0);
}

void TestKindCountsModel::countsLiveEntitiesPerKind()
{
    importAs(catalog());
    models::KindCountsModel model(*m_cache);
    QVERIFY(model.lastError().isEmpty());
    QCOMPARE(countOf(model, QStringLiteral("project")), 2);
    QCOMPARE(countOf(model, QStringLiteral("goal")), 1);
    QCOMPARE(countOf(model, QStringLiteral("component")), 3);
    QCOMPARE(countOf(model, QStringLiteral("api")), 1);
    QCOMPARE(countOf(model, QStringLiteral("system")), 3); // one system, two domains
    QCOMPARE(countOf(model, QStringLiteral("resource")), 1);
    QCOMPARE(countOf(model, QStringLiteral("group")), 1);
    QCOMPARE(countOf(model, QStringLiteral("user")), 1);
    QCOMPARE(countOf(model, QStringLiteral("removed")), 0);
}

void TestKindCountsModel::refreshSignalsOnlyMovedCounts()
{
    importAs(catalog());
    models::KindCountsModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(model.refresh().ok());
    QCOMPARE(changed.count(), 0);

    // The next run drops a component and a domain (tombstones) and adds a user.
    Entities next = catalog();
    next.removeOne({ QStringLiteral("Component"), QStringLiteral("c2") });
    next.removeOne({ QStringLiteral("Domain"), QStringLiteral("d2") });
    next.append({ QStringLiteral("User"), QStringLiteral("u2") });
    importAs(next);
    QCOMPARE(countOf(model, QStringLiteral("component")), 3); // not before refresh()
    QVERIFY(model.refresh().ok());
    QCOMPARE(resets.count(), 0);
    QList<int> rows;
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        const QModelIndex first = signal.at(0).toModelIndex();
        QCOMPARE(first, signal.at(1).toModelIndex());
        rows.append(first.row());
    }
    std::sort(rows.begin(), rows.end());
    QCOMPARE(rows,
        QList<int>(
            { model.rowOf(u"component"), model.rowOf(u"system"), model.rowOf(u"user"), model.rowOf(u"removed") }));
    QCOMPARE(countOf(model, QStringLiteral("component")), 2);
    QCOMPARE(countOf(model, QStringLiteral("system")), 2);
    QCOMPARE(countOf(model, QStringLiteral("user")), 2);
    QCOMPARE(countOf(model, QStringLiteral("removed")), 2);
}

void TestKindCountsModel::countsTheSampleOrganisation()
{
    Q_INIT_RESOURCE(cairn_sample);
    const sync::CatalogReadResult sample = sync::CatalogImporter::read({ QStringLiteral(":/sample") });
    QVERIFY(!sample.entities.isEmpty());
    cache::SourceRunInput input;
    input.sourceName = QStringLiteral("sample");
    input.sourceKind = QStringLiteral("sample");
    input.entities = sample.entities;
    QVERIFY(cache::CatalogWriter(*m_cache).applySourceRun(input).ok());

    models::KindCountsModel model(*m_cache);
    cache::CatalogQuery query(*m_cache);
    const core::Result<QMap<QString, int>> live = query.countsByKind(false);
    QVERIFY(live.ok());
    QVERIFY(live->value(QStringLiteral("component")) > 0);
    for (const QString &kind : { QStringLiteral("project"), QStringLiteral("goal"), QStringLiteral("component"),
             QStringLiteral("api"), QStringLiteral("resource"), QStringLiteral("group"), QStringLiteral("user") })
        QCOMPARE(countOf(model, kind), live->value(kind));
    QCOMPARE(countOf(model, QStringLiteral("system")),
        live->value(QStringLiteral("system")) + live->value(QStringLiteral("domain")));
}

QTEST_GUILESS_MAIN(TestKindCountsModel)
#include "tst_kindcountsmodel.moc"
