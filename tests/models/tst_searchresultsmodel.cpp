// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"
#include "cache/CatalogQuery.h"
#include "cache/CatalogWriter.h"
#include "core/NameMatcher.h"
#include "models/ItemRoles.h"
#include "models/SearchResultsModel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;

class TestSearchResultsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyTextShowsNothing();
    void hitsAreBoundedByTheLimit();
    void rowsCarryRefKindOwnerAndTooltip();
    void showsCandidatesOfAnAmbiguousName();
    void showsTheItemsOfAListAnswer();
    void seesWhatAnotherConnectionWrote();

private:
    void importAs(const QList<core::Entity> &entities);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<cache::Cache> m_cache;
};

namespace {

core::Entity entity(const QString &kind, const QString &name, const QString &title = {}, const QString &owner = {})
{
    QJsonObject metadata { { QStringLiteral("name"), name } };
    if (!title.isEmpty())
        metadata.insert(QStringLiteral("title"), title);
    QJsonObject spec;
    if (!owner.isEmpty())
        spec.insert(QStringLiteral("owner"), owner);
    return core::Entity(QJsonObject { { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
        { QStringLiteral("kind"), kind }, { QStringLiteral("metadata"), metadata }, { QStringLiteral("spec"), spec } });
}

QList<core::Entity> catalog()
{
    QList<core::Entity> list;
    for (int i = 0; i < 30; ++i)
        list.append(entity(QStringLiteral("Component"), QStringLiteral("service-%1").arg(i, 2, 10, QLatin1Char('0')),
            {}, QStringLiteral("team-a")));
    list.append(entity(
        QStringLiteral("Component"), QStringLiteral("orders"), QStringLiteral("Orders"), QStringLiteral("team-a")));
    list.append(entity(QStringLiteral("Group"), QStringLiteral("orders"), QStringLiteral("Orders")));
    list.append(entity(QStringLiteral("Group"), QStringLiteral("team-a"), QStringLiteral("Team A")));
    return list;
}

} // namespace

void TestSearchResultsModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("cache.sqlite3"));
    core::Result<std::unique_ptr<cache::Cache>> opened = cache::Cache::open(m_path);
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    m_cache = std::move(opened).value();
    importAs(catalog());
}

void TestSearchResultsModel::cleanup()
{
    m_cache.reset();
    m_dir.reset();
}

void TestSearchResultsModel::importAs(const QList<core::Entity> &entities)
{
    core::Result<std::unique_ptr<cache::Cache>> writer = cache::Cache::open(m_path);
    QVERIFY2(writer.ok(), qPrintable(writer.errorString()));
    cache::SourceRunInput input;
    input.sourceName = QStringLiteral("test");
    input.sourceKind = QStringLiteral("files");
    for (const core::Entity &e : entities)
        input.entities.append(core::SourcedEntity { e, {} });
    core::Result<cache::RunSummary> applied = cache::CatalogWriter(**writer).applySourceRun(input);
    QVERIFY2(applied.ok(), qPrintable(applied.errorString()));
}

void TestSearchResultsModel::emptyTextShowsNothing()
{
    cache::CatalogQuery query(*m_cache);
    models::SearchResultsModel model(query);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setText(QStringLiteral("service")).ok());
    QVERIFY(model.rowCount() > 0);
    QVERIFY(model.setText(QStringLiteral("   ")).ok());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.contents(), models::SearchResultsModel::Contents::Nothing);
    QVERIFY(model.setText(QStringLiteral("zzzz-nothing")).ok());
    QCOMPARE(model.rowCount(), 0);
}

void TestSearchResultsModel::hitsAreBoundedByTheLimit()
{
    cache::CatalogQuery query(*m_cache);
    models::SearchResultsModel model(query);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.limit(), 20);
    QVERIFY(model.setText(QStringLiteral("service")).ok());
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.contents(), models::SearchResultsModel::Contents::Hits);
    model.setLimit(5);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QVERIFY(model.setText(QStringLiteral("service-1")).ok());
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowCount(), 5);
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(model.index(row, 0).data().toString().startsWith(QStringLiteral("service-1")));
}

void TestSearchResultsModel::rowsCarryRefKindOwnerAndTooltip()
{
    cache::CatalogQuery query(*m_cache);
    models::SearchResultsModel model(query);
    QVERIFY(model.setText(QStringLiteral("service-07")).ok());
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex hit = model.index(0, 0);
    QCOMPARE(hit.data().toString(), QStringLiteral("service-07"));
    QCOMPARE(
        hit.data(models::RefRole).value<core::EntityRef>().toString(), QStringLiteral("Component:default/service-07"));
    QCOMPARE(hit.data(Qt::ToolTipRole).toString(), QStringLiteral("Component:default/service-07"));
    QCOMPARE(hit.data(models::KindRole).toString(), QStringLiteral("component"));
    QCOMPARE(hit.data(models::OwnerRole).toString(), QStringLiteral("group:default/team-a"));
    QCOMPARE(hit.data(models::RemovedRole).toBool(), false);
}

void TestSearchResultsModel::showsCandidatesOfAnAmbiguousName()
{
    cache::CatalogQuery query(*m_cache);
    const core::Result<core::NameMatch> match = core::NameMatcher(query).match(u"orders");
    QVERIFY(match.ok());
    QCOMPARE(match->kind, core::MatchKind::Ambiguous);
    models::SearchResultsModel model(query);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCandidates(match->candidates);
    QCOMPARE(model.contents(), models::SearchResultsModel::Contents::Candidates);
    QCOMPARE(model.rowCount(), 2);
    QStringList kinds;
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, 0).data().toString(), QStringLiteral("Orders"));
        kinds.append(model.index(row, 0).data(models::KindRole).toString());
    }
    kinds.sort();
    QCOMPARE(kinds, QStringList({ QStringLiteral("component"), QStringLiteral("group") }));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestSearchResultsModel::showsTheItemsOfAListAnswer()
{
    cache::CatalogQuery query(*m_cache);
    models::SearchResultsModel model(query);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    core::EntitySummary live;
    live.ref = core::EntityRef(QStringLiteral("Project"), QStringLiteral("default"), QStringLiteral("revamp"));
    live.kind = QStringLiteral("Project");
    live.title = QStringLiteral("Checkout revamp");
    live.resolved = true;
    core::EntitySummary gone = live;
    gone.ref = core::EntityRef(QStringLiteral("Project"), QStringLiteral("default"), QStringLiteral("legacy"));
    gone.title = QStringLiteral("Legacy");
    gone.removed = true;
    model.setItems({ live, gone });
    QCOMPARE(model.contents(), models::SearchResultsModel::Contents::Items);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Checkout revamp"));
    QCOMPARE(model.index(1, 0).data(models::RemovedRole).toBool(), true);
    QCOMPARE(model.index(1, 0).data(models::RefRole).value<core::EntityRef>(), gone.ref);
    model.setItems({});
    QCOMPARE(model.contents(), models::SearchResultsModel::Contents::Nothing);
}

void TestSearchResultsModel::seesWhatAnotherConnectionWrote()
{
    cache::CatalogQuery query(*m_cache);
    models::SearchResultsModel model(query);
    QVERIFY(model.setText(QStringLiteral("inventory")).ok());
    QCOMPARE(model.rowCount(), 0);
    QList<core::Entity> next = catalog();
    next.append(entity(QStringLiteral("Component"), QStringLiteral("inventory-sync")));
    importAs(next);
    QVERIFY(model.setText(QStringLiteral("inventory")).ok());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("inventory-sync"));
}

QTEST_GUILESS_MAIN(TestSearchResultsModel)
#include "tst_searchresultsmodel.moc"
