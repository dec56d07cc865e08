// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"
#include "cache/CatalogQuery.h"
#include "cache/CatalogWriter.h"
#include "models/ItemRoles.h"
#include "models/RelationsModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
using Column = models::RelationsModel::Column;

class TestRelationsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void bothDirectionsFromTheSubjectsSide();
    void refreshMergesInPlace();
    void aNewSubjectResets();

private:
    void importAs(const QList<core::Entity> &entities);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<cache::Cache> m_cache;
};

namespace {

core::Entity entity(const QString &kind, const QString &name, const QString &title, const QJsonObject &spec,
    const QJsonArray &relations = {})
{
    QJsonObject metadata { { QStringLiteral("name"), name } };
    if (!title.isEmpty())
        metadata.insert(QStringLiteral("title"), title);
    QJsonObject document { { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
        { QStringLiteral("kind"), kind }, { QStringLiteral("metadata"), metadata }, { QStringLiteral("spec"), spec } };
    if (!relations.isEmpty())
        document.insert(QStringLiteral("relations"), relations);
    return core::Entity(document);
}

QList<core::Entity> catalog()
{
    return {
        entity(QStringLiteral("Group"), QStringLiteral("team"), QStringLiteral("The Team"), {}),
        entity(QStringLiteral("API"), QStringLiteral("orders-api"), QStringLiteral("Orders API"),
            { { QStringLiteral("type"), QStringLiteral("openapi") },
                { QStringLiteral("owner"), QStringLiteral("team") } }),
        entity(QStringLiteral("Component"), QStringLiteral("orders"), QStringLiteral("Orders"),
            { { QStringLiteral("owner"), QStringLiteral("team") },
                { QStringLiteral("dependsOn"), QJsonArray { QStringLiteral("resource:orders-db") } },
                { QStringLiteral("providesApis"), QJsonArray { QStringLiteral("orders-api") } } }),
        entity(QStringLiteral("Component"), QStringLiteral("shop"), QStringLiteral("Shop"),
            { { QStringLiteral("owner"), QStringLiteral("team") },
                { QStringLiteral("dependsOn"), QJsonArray { QStringLiteral("component:orders") } } }),
        // A server-stated relation Cairn knows no inverse for.
        entity(QStringLiteral("Component"), QStringLiteral("auditor"), QStringLiteral("Auditor"), {},
            QJsonArray { QJsonObject { { QStringLiteral("type"), QStringLiteral("audits") },
                { QStringLiteral("targetRef"), QStringLiteral("component:default/orders") } } }),
    };
}

QStringList rows(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, Column::Relation).data().toString() + u' '
            + model.index(row, Column::Entity).data().toString());
    return out;
}

core::EntityRef orders()
{
    return core::EntityRef(QStringLiteral("Component"), QStringLiteral("default"), QStringLiteral("orders"));
}

} // namespace

void TestRelationsModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("cache.sqlite3"));
    core::Result<std::unique_ptr<cache::Cache>> opened = cache::Cache::open(m_path);
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    m_cache = std::move(opened).value();
    importAs(catalog());
}

void TestRelationsModel::cleanup()
{
    m_cache.reset();
    m_dir.reset();
}

void TestRelationsModel::importAs(const QList<core::Entity> &entities)
{
    core::Result<std::unique_ptr<cache::Cache>> writer = cache::Cache::open(m_path);
    QVERIFY2(writer.ok(), qPrintable(writer.errorString()));
    cache::SourceRunInput input;
    input.sourceName = QStringLiteral("test");
    input.sourceKind = QStringLiteral("files");
    input.allowRemovals = true;
    for (const core::Entity &e : entities)
        input.entities.append(core::SourcedEntity { e, {} });
    core::Result<cache::RunSummary> applied = cache::CatalogWriter(**writer).applySourceRun(input);
    QVERIFY2(applied.ok(), qPrintable(applied.errorString()));
}

void TestRelationsModel::bothDirectionsFromTheSubjectsSide()
{
    cache::CatalogQuery query(*m_cache);
    models::RelationsModel model(query);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.setSubject(orders()).ok());
    QCOMPARE(rows(model),
        QStringList({ QStringLiteral("dependencyOf Shop"), QStringLiteral("dependsOn resource:default/orders-db"),
            QStringLiteral("ownedBy The Team"), QStringLiteral("providesApi Orders API"),
            QStringLiteral("← audits Auditor") }));
    QCOMPARE(model.index(0, 0).data(models::RefRole).value<core::EntityRef>().toString(),
        QStringLiteral("Component:default/shop"));
    QCOMPARE(model.index(3, Column::Kind).data().toString(), QStringLiteral("API"));
    QCOMPARE(model.index(3, 0).data(models::KindRole).toString(), QStringLiteral("api"));
    // Unresolved: the bare ref, as the target was written.
    QCOMPARE(
        model.index(1, Column::Entity).data(Qt::ToolTipRole).toString(), QStringLiteral("resource:default/orders-db"));
    QCOMPARE(model.headerData(Column::Relation, Qt::Horizontal).toString(), QStringLiteral("Relation"));

    // The other side reads the inverse.
    QVERIFY(
        model.setSubject(core::EntityRef(QStringLiteral("Group"), QStringLiteral("default"), QStringLiteral("team")))
            .ok());
    QCOMPARE(rows(model),
        QStringList({ QStringLiteral("ownerOf Orders"), QStringLiteral("ownerOf Orders API"),
            QStringLiteral("ownerOf Shop") }));
}

void TestRelationsModel::refreshMergesInPlace()
{
    cache::CatalogQuery query(*m_cache);
    models::RelationsModel model(query);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setSubject(orders()).ok());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QPersistentModelIndex owner = model.index(2, Column::Entity);

    // Another connection: a new dependent, the database now exists, the auditor is gone.
    QList<core::Entity> next = catalog();
    next.removeLast();
    next.append(entity(QStringLiteral("Component"), QStringLiteral("billing"), QStringLiteral("Billing"),
        { { QStringLiteral("dependsOn"), QJsonArray { QStringLiteral("component:orders") } } }));
    next.append(entity(QStringLiteral("Resource"), QStringLiteral("orders-db"), QStringLiteral("Orders DB"), {}));
    importAs(next);
    QVERIFY(model.refresh().ok());
    QCOMPARE(resets.count(), 0);
    QCOMPARE(rows(model),
        QStringList({ QStringLiteral("dependencyOf Billing"), QStringLiteral("dependencyOf Shop"),
            QStringLiteral("dependsOn Orders DB"), QStringLiteral("ownedBy The Team"),
            QStringLiteral("providesApi Orders API") }));
    QCOMPARE(owner.data().toString(), QStringLiteral("The Team"));
    QCOMPARE(owner.row(), 3);
    QVERIFY(inserted.count() >= 1);
}

void TestRelationsModel::aNewSubjectResets()
{
    cache::CatalogQuery query(*m_cache);
    models::RelationsModel model(query);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QVERIFY(model.setSubject(orders()).ok());
    QCOMPARE(resets.count(), 1);
    QVERIFY(model.setSubject({}).ok());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.subject().isNull());
}

QTEST_GUILESS_MAIN(TestRelationsModel)
#include "tst_relationsmodel.moc"
