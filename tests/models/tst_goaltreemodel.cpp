// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"
#include "cache/CatalogQuery.h"
#include "cache/CatalogWriter.h"
#include "core/GoalProgress.h"
#include "models/GoalTreeModel.h"
#include "models/ItemRoles.h"
#include "sync/CatalogImporter.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
using Column = models::GoalTreeModel::Column;

class TestGoalTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void goalsSubGoalsAndProjects();
    void progressIsGoalProgressRollup();
    void loopsAreCutNotFollowed();
    void refreshUpdatesInPlace();
    void showsTheSampleOrganisation();

private:
    void importAs(const QList<core::Entity> &entities, bool allowRemovals = false);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<cache::Cache> m_cache;
};

namespace {

// Until the read asked for has arrived (the tree is built on the model's reader thread).
[[nodiscard]] bool finishReading(const models::GoalTreeModel &model)
{
    if (!model.isReading())
        return true;
    QSignalSpy finished(&model, &models::GoalTreeModel::readFinished);
    return finished.wait(10000) && !model.isReading();
}

core::Entity goal(const QString &name, const QString &title, QJsonObject spec)
{
    return core::Entity(QJsonObject { { QStringLiteral("apiVersion"), QStringLiteral("cairn.dev/v1") },
        { QStringLiteral("kind"), QStringLiteral("Goal") },
        { QStringLiteral("metadata"),
            QJsonObject { { QStringLiteral("name"), name }, { QStringLiteral("title"), title } } },
        { QStringLiteral("spec"), spec } });
}

core::Entity project(const QString &name, const QString &title, const QString &status, const QStringList &goals)
{
    return core::Entity(QJsonObject { { QStringLiteral("apiVersion"), QStringLiteral("cairn.dev/v1") },
        { QStringLiteral("kind"), QStringLiteral("Project") },
        { QStringLiteral("metadata"),
            QJsonObject { { QStringLiteral("name"), name }, { QStringLiteral("title"), title } } },
        { QStringLiteral("spec"),
            QJsonObject { { QStringLiteral("status"), status }, { QStringLiteral("owner"), QStringLiteral("team-a") },
                { QStringLiteral("targetDate"), QStringLiteral("2027-01-15") },
                { QStringLiteral("goals"), QJsonArray::fromStringList(goals) } } } });
}

core::Entity team()
{
    return core::Entity(QJsonObject { { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
        { QStringLiteral("kind"), QStringLiteral("Group") },
        { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), QStringLiteral("team-a") } } },
        { QStringLiteral("spec"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("team") },
                { QStringLiteral("profile"),
                    QJsonObject { { QStringLiteral("displayName"), QStringLiteral("Team A") } } } } } });
}

// Revenue <- {Conversion (3/4), Retention (done)} and an orphan whose parent is missing;
// Ping and Pong are each other's parent. Projects contribute to Revenue and to both sub-goals.
QList<core::Entity> catalog()
{
    return {
        team(),
        goal(QStringLiteral("revenue"), QStringLiteral("Revenue"),
            { { QStringLiteral("status"), QStringLiteral("on-track") },
                { QStringLiteral("owner"), QStringLiteral("team-a") },
                { QStringLiteral("targetDate"), QStringLiteral("2027-06-30") } }),
        goal(QStringLiteral("conversion"), QStringLiteral("Conversion"),
            { { QStringLiteral("parent"), QStringLiteral("revenue") },
                { QStringLiteral("progress"),
                    QJsonObject { { QStringLiteral("current"), 3 }, { QStringLiteral("target"), 4 } } } }),
        goal(QStringLiteral("retention"), QStringLiteral("Retention"),
            { { QStringLiteral("parent"), QStringLiteral("revenue") },
                { QStringLiteral("status"), QStringLiteral("done") } }),
        goal(QStringLiteral("orphan"), QStringLiteral("Orphan"),
            { { QStringLiteral("parent"), QStringLiteral("missing") } }),
        goal(QStringLiteral("ping"), QStringLiteral("Ping"), { { QStringLiteral("parent"), QStringLiteral("pong") } }),
        goal(QStringLiteral("pong"), QStringLiteral("Pong"), { { QStringLiteral("parent"), QStringLiteral("ping") } }),
        project(QStringLiteral("web"), QStringLiteral("Web shop"), QStringLiteral("on-track"),
            { QStringLiteral("revenue") }),
        project(QStringLiteral("old"), QStringLiteral("Old shop"), QStringLiteral("cancelled"),
            { QStringLiteral("revenue") }),
        project(QStringLiteral("both"), QStringLiteral("Both"), QStringLiteral("done"),
            { QStringLiteral("conversion"), QStringLiteral("retention") }),
    };
}

QStringList titles(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row)
        out.append(model.index(row, Column::Title, parent).data().toString());
    return out;
}

core::EntityRef goalRef(const QString &name)
{
    return core::EntityRef(QStringLiteral("Goal"), QStringLiteral("default"), name);
}

} // namespace

void TestGoalTreeModel::init()
{
    QLocale::setDefault(QLocale::c());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("cache.sqlite3"));
    core::Result<std::unique_ptr<cache::Cache>> opened = cache::Cache::open(m_path);
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    m_cache = std::move(opened).value();
}

void TestGoalTreeModel::cleanup()
{
    m_cache.reset();
    m_dir.reset();
}

// A sync on its own connection.
void TestGoalTreeModel::importAs(const QList<core::Entity> &entities, bool allowRemovals)
{
    core::Result<std::unique_ptr<cache::Cache>> writer = cache::Cache::open(m_path);
    QVERIFY2(writer.ok(), qPrintable(writer.errorString()));
    cache::SourceRunInput input;
    input.sourceName = QStringLiteral("test");
    input.sourceKind = QStringLiteral("files");
    input.allowRemovals = allowRemovals;
    for (const core::Entity &e : entities)
        input.entities.append(core::SourcedEntity { e, {} });
    core::Result<cache::RunSummary> applied = cache::CatalogWriter(**writer).applySourceRun(input);
    QVERIFY2(applied.ok(), qPrintable(applied.errorString()));
}

void TestGoalTreeModel::goalsSubGoalsAndProjects()
{
    importAs(catalog());
    models::GoalTreeModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(finishReading(model));
    QVERIFY(model.lastError().isEmpty());
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(model.headerData(Column::TargetDate, Qt::Horizontal).toString(), QStringLiteral("Target date"));
    // Top level: goals without a live parent, and the loop cut at its smallest ref.
    QCOMPARE(
        titles(model), QStringList({ QStringLiteral("Orphan"), QStringLiteral("Ping"), QStringLiteral("Revenue") }));

    const QModelIndex revenue = model.index(2, 0);
    QCOMPARE(revenue.data(models::RefRole).value<core::EntityRef>(), goalRef(QStringLiteral("revenue")));
    QCOMPARE(revenue.data(models::KindRole).toString(), QStringLiteral("goal"));
    // Sub-goals first, then projects, each by title.
    QCOMPARE(titles(model, revenue),
        QStringList({ QStringLiteral("Conversion"), QStringLiteral("Retention"), QStringLiteral("Old shop"),
            QStringLiteral("Web shop") }));
    QCOMPARE(model.index(3, 0, revenue).data(models::KindRole).toString(), QStringLiteral("project"));
    QCOMPARE(model.index(3, Column::Status, revenue).data().toString(), QStringLiteral("on-track"));
    QCOMPARE(model.index(3, Column::Owner, revenue).data().toString(), QStringLiteral("Team A"));
    QCOMPARE(model.index(3, Column::TargetDate, revenue).data().toString(),
        QLocale().toString(QDate(2027, 1, 15), QLocale::ShortFormat));
    QCOMPARE(model.index(0, Column::Owner).data().toString(), QString()); // Orphan has no owner
    QCOMPARE(model.index(2, Column::Owner).data().toString(), QStringLiteral("Team A"));
    // A project contributing to two goals is shown under each.
    const QModelIndex conversion = model.index(0, 0, revenue);
    QCOMPARE(titles(model, conversion), QStringList { QStringLiteral("Both") });
    QCOMPARE(titles(model, model.index(1, 0, revenue)), QStringList { QStringLiteral("Both") });
    QCOMPARE(model.parent(model.index(0, 0, conversion)), conversion);
    QCOMPARE(model.indexOf(goalRef(QStringLiteral("conversion"))), conversion);
    QVERIFY(!model.indexOf(goalRef(QStringLiteral("missing"))).isValid());
}

void TestGoalTreeModel::progressIsGoalProgressRollup()
{
    importAs(catalog());
    cache::CatalogQuery query(*m_cache);
    models::GoalTreeModel model(*m_cache);
    QVERIFY(finishReading(model));
    const core::GoalProgress progress(query);
    for (const QString &name :
        { QStringLiteral("revenue"), QStringLiteral("conversion"), QStringLiteral("retention") }) {
        const QModelIndex row = model.indexOf(goalRef(name));
        QVERIFY(row.isValid());
        const core::Result<core::GoalRollup> expected = progress.of(goalRef(name));
        QVERIFY(expected.ok());
        QVERIFY(expected->fraction.has_value());
        QCOMPARE(row.data(models::ProgressRole).toDouble(), *expected->fraction);
    }
    // Conversion 3/4 and Retention done, Web shop on track (0) and Old shop cancelled (left out).
    const QModelIndex revenue = model.indexOf(goalRef(QStringLiteral("revenue")));
    QCOMPARE(revenue.data(models::ProgressRole).toDouble(), (0.75 + 1.0 + 0.0) / 3);
    QCOMPARE(model.index(revenue.row(), Column::Progress).data().toString(), QStringLiteral("58 %"));
    QCOMPARE(model.index(0, Column::Progress, revenue).data().toString(), QStringLiteral("75 %"));
    // A cancelled project has no progress; an on-track one has none done.
    QVERIFY(!model.index(2, Column::Progress, revenue).data(models::ProgressRole).isValid());
    QCOMPARE(model.index(2, Column::Progress, revenue).data().toString(), QString());
    QCOMPARE(model.index(3, Column::Progress, revenue).data().toString(), QStringLiteral("0 %"));
    // Nothing to go on: unknown, not zero.
    QVERIFY(!model.indexOf(goalRef(QStringLiteral("orphan"))).data(models::ProgressRole).isValid());
}

void TestGoalTreeModel::loopsAreCutNotFollowed()
{
    importAs(catalog());
    models::GoalTreeModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(finishReading(model));
    const QModelIndex ping = model.index(1, 0);
    QCOMPARE(ping.data().toString(), QStringLiteral("Ping"));
    QVERIFY(ping.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Ping → Pong → Ping")));
    QCOMPARE(titles(model, ping), QStringList { QStringLiteral("Pong") });
    QCOMPARE(model.rowCount(model.index(0, 0, ping)), 0); // Pong's sub-goal Ping is not repeated
}

void TestGoalTreeModel::refreshUpdatesInPlace()
{
    importAs(catalog());
    models::GoalTreeModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!model.isLoaded());
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy firstReset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(finishReading(model));
    QVERIFY(model.isLoaded());
    QCOMPARE(firstReset.count(), 1); // the first tree arrives whole
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.refresh();
    QVERIFY(finishReading(model));
    QVERIFY(model.lastError().isEmpty());
    QCOMPARE(inserted.count() + removed.count() + changed.count(), 0);

    const QPersistentModelIndex conversion = model.indexOf(goalRef(QStringLiteral("conversion")));
    const QPersistentModelIndex webShop = model.index(3, 0, model.indexOf(goalRef(QStringLiteral("revenue"))));
    QCOMPARE(webShop.data().toString(), QStringLiteral("Web shop"));

    // Another connection: Web shop is done, Old shop is gone, a new sub-goal appears.
    QList<core::Entity> next = catalog();
    next.removeAt(8); // Old shop
    next[7] = project(
        QStringLiteral("web"), QStringLiteral("Web shop"), QStringLiteral("done"), { QStringLiteral("revenue") });
    next.append(goal(QStringLiteral("nps"), QStringLiteral("Net promoter score"),
        { { QStringLiteral("parent"), QStringLiteral("revenue") } }));
    importAs(next, true);
    QCOMPARE(model.index(3, Column::Status, model.indexOf(goalRef(QStringLiteral("revenue")))).data().toString(),
        QStringLiteral("on-track")); // not before refresh()
    model.refresh();
    QVERIFY(finishReading(model));
    QVERIFY(model.lastError().isEmpty());

    QCOMPARE(resets.count(), 0);
    const QModelIndex revenue = model.indexOf(goalRef(QStringLiteral("revenue")));
    QCOMPARE(titles(model, revenue),
        QStringList({ QStringLiteral("Conversion"), QStringLiteral("Net promoter score"), QStringLiteral("Retention"),
            QStringLiteral("Web shop") }));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(0).toModelIndex(), revenue);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).toModelIndex(), revenue);
    // Kept rows stay where a view holds them.
    QVERIFY(conversion.isValid());
    QCOMPARE(conversion.data().toString(), QStringLiteral("Conversion"));
    QVERIFY(webShop.isValid());
    QCOMPARE(webShop.sibling(webShop.row(), Column::Status).data().toString(), QStringLiteral("done"));
    QCOMPARE(webShop.sibling(webShop.row(), Column::Progress).data().toString(), QStringLiteral("100 %"));
    // Revenue's roll-up moved: Conversion .75, NPS unknown (left out), Retention 1, Web shop 1.
    QCOMPARE(revenue.data(models::ProgressRole).toDouble(), (0.75 + 1.0 + 1.0) / 3);
    bool revenueSignalled = false;
    for (const QList<QVariant> &signal : std::as_const(changed))
        revenueSignalled |= signal.at(0).toModelIndex() == revenue;
    QVERIFY(revenueSignalled);
}

void TestGoalTreeModel::showsTheSampleOrganisation()
{
    Q_INIT_RESOURCE(cairn_sample);
    const sync::CatalogReadResult sample = sync::CatalogImporter::read({ QStringLiteral(":/sample") });
    QVERIFY(!sample.entities.isEmpty());
    cache::SourceRunInput input;
    input.sourceName = QStringLiteral("sample");
    input.sourceKind = QStringLiteral("sample");
    input.entities = sample.entities;
    QVERIFY(cache::CatalogWriter(*m_cache).applySourceRun(input).ok());

    models::GoalTreeModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(finishReading(model));
    QVERIFY(model.lastError().isEmpty());
    QVERIFY(model.rowCount() > 0);
    // Every goal is in the tree, every project under each goal it names.
    for (const core::SourcedEntity &sourced : sample.entities) {
        const core::Entity e = sourced.parsed();
        if (e.isKind(u"Goal")) {
            QVERIFY2(model.indexOf(e.ref()).isValid(), qPrintable(e.ref().toString()));
        } else if (e.isKind(u"Project")) {
            for (const core::EntityRef &g : e.specRefs(u"goals")) {
                const QModelIndex goalRow = model.indexOf(g);
                QVERIFY2(goalRow.isValid(), qPrintable(g.toString()));
                bool found = false;
                for (int row = 0; row < model.rowCount(goalRow); ++row)
                    found |= model.index(row, 0, goalRow).data(models::RefRole).value<core::EntityRef>() == e.ref();
                QVERIFY2(found, qPrintable(e.ref().toString() + QStringLiteral(" under ") + g.toString()));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestGoalTreeModel)
#include "tst_goaltreemodel.moc"
