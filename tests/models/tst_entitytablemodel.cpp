// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "core/ModelCsvExporter.h"
#include "models/EntityTableModel.h"
#include "models/ItemRoles.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonArray>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace cairn;

class TestEntityTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void loadsPageByPageUntilComplete();
    void showsWhatTheCacheHolds();
    void filtersByKindAndText();
    void exportsEveryRowIncludingUnfetched();

private:
    std::unique_ptr<cache::Cache> m_cache;
};

namespace {

core::SourcedEntity component(int i)
{
    const QJsonObject document { { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
        { QStringLiteral("kind"), QStringLiteral("Component") },
        { QStringLiteral("metadata"),
            QJsonObject { { QStringLiteral("name"), QStringLiteral("service-%1").arg(i, 3, 10, QLatin1Char('0')) },
                { QStringLiteral("title"), QStringLiteral("Service %1").arg(i, 3, 10, QLatin1Char('0')) },
                { QStringLiteral("tags"), QJsonArray { QStringLiteral("payments"), QStringLiteral("tier-1") } } } },
        { QStringLiteral("spec"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("service") },
                { QStringLiteral("lifecycle"), i % 2 ? QStringLiteral("production") : QStringLiteral("experimental") },
                { QStringLiteral("owner"), QStringLiteral("team-a") },
                { QStringLiteral("system"), QStringLiteral("shop") } } } };
    return core::SourcedEntity { core::Entity(document), {} };
}

core::SourcedEntity group()
{
    return core::SourcedEntity {
        core::Entity(QJsonObject { { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
            { QStringLiteral("kind"), QStringLiteral("Group") },
            { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), QStringLiteral("team-a") } } },
            { QStringLiteral("spec"),
                QJsonObject { { QStringLiteral("type"), QStringLiteral("team") },
                    { QStringLiteral("children"), QJsonArray() } } } }),
        {}
    };
}

} // namespace

void TestEntityTableModel::init()
{
    core::Result<std::unique_ptr<cache::Cache>> opened = cache::Cache::open(QStringLiteral(":memory:"));
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    m_cache = std::move(opened).value();
    cache::SourceRunInput input;
    input.sourceName = QStringLiteral("test");
    input.sourceKind = QStringLiteral("files");
    for (int i = 0; i < 450; ++i)
        input.entities.append(component(i));
    input.entities.append(group());
    core::Result<cache::RunSummary> applied = cache::CatalogWriter(*m_cache).applySourceRun(input);
    QVERIFY2(applied.ok(), qPrintable(applied.errorString()));
    QCOMPARE(applied->added, 451);
}

void TestEntityTableModel::loadsPageByPageUntilComplete()
{
    cache::CatalogQuery query(*m_cache);
    models::EntityTableModel model(query);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    cache::EntityFilter filter;
    filter.limit = 100;
    QVERIFY(model.setFilter(filter).ok());
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(model.canFetchMore({}));
    int pages = 1;
    while (model.canFetchMore({})) {
        model.fetchMore({});
        ++pages;
    }
    QCOMPARE(model.rowCount(), 451);
    QCOMPARE(pages, 5);
    QVERIFY(model.lastError().isEmpty());
}

void TestEntityTableModel::showsWhatTheCacheHolds()
{
    cache::CatalogQuery query(*m_cache);
    models::EntityTableModel model(query);
    QVERIFY(model.setFilter({}).ok());
    QCOMPARE(model.headerData(models::EntityTableModel::Name, Qt::Horizontal).toString(), QStringLiteral("Name"));
    // Ordered by kind, then name: components first.
    QCOMPARE(model.index(0, models::EntityTableModel::Name).data().toString(), QStringLiteral("Service 000"));
    QCOMPARE(model.index(0, models::EntityTableModel::Kind).data().toString(), QStringLiteral("Component"));
    QCOMPARE(model.index(0, models::EntityTableModel::Status).data().toString(), QStringLiteral("experimental"));
    QCOMPARE(model.index(0, models::EntityTableModel::Owner).data().toString(), QStringLiteral("group:default/team-a"));
    QCOMPARE(model.index(0, models::EntityTableModel::Tags).data().toString(), QStringLiteral("payments; tier-1"));
    QCOMPARE(model.index(0, 0).data(models::RefRole).value<core::EntityRef>().toString(),
        QStringLiteral("Component:default/service-000"));
    QCOMPARE(model.index(0, 0).data(models::SortRole).toString(), QStringLiteral("service 000"));
}

void TestEntityTableModel::filtersByKindAndText()
{
    cache::CatalogQuery query(*m_cache);
    models::EntityTableModel model(query);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    cache::EntityFilter groups;
    groups.kind = QStringLiteral("group");
    QVERIFY(model.setFilter(groups).ok());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, models::EntityTableModel::Name).data().toString(), QStringLiteral("team-a"));
    QVERIFY(!model.canFetchMore({}));

    cache::EntityFilter words;
    words.text = QStringLiteral("service 042");
    QVERIFY(model.setFilter(words).ok());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, models::EntityTableModel::Name).data().toString(), QStringLiteral("Service 042"));
}

void TestEntityTableModel::exportsEveryRowIncludingUnfetched()
{
    cache::CatalogQuery query(*m_cache);
    models::EntityTableModel model(query);
    cache::EntityFilter filter;
    filter.limit = 50;
    filter.kind = QStringLiteral("component");
    QVERIFY(model.setFilter(filter).ok());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(models::SortRole);
    proxy.sort(models::EntityTableModel::Name, Qt::DescendingOrder);
    QCOMPARE(model.rowCount(), 50);

    core::ModelCsvExporter exporter(proxy);
    exporter.setColumns({ models::EntityTableModel::Name, models::EntityTableModel::Status });
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    const core::Status written = exporter.write(buffer);
    QVERIFY2(written.ok(), qPrintable(written.errorString()));
    const QList<QByteArray> lines = buffer.data().split('\n');
    // Header, 450 rows, and the empty string after the last CRLF.
    QCOMPARE(lines.size(), 452);
    QCOMPARE(lines.at(0), QByteArray("Name,Status\r"));
    QCOMPARE(lines.at(1), QByteArray("Service 449,production\r"));
    QCOMPARE(lines.at(450), QByteArray("Service 000,experimental\r"));
}

QTEST_GUILESS_MAIN(TestEntityTableModel)
#include "tst_entitytablemodel.moc"
