// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/EntityColumns.h"
#include "cache/ViewExport.h"
#include "core/CsvWriter.h"
#include "models/EntityTableModel.h"
#include "models/ItemRoles.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonArray>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include "tests/models/support/SettledModel.h"

using namespace cairn;
using models::EntityTableModel;
using tests::settle;

namespace {

const QStringList TableKinds { QString(), QStringLiteral("component"), QStringLiteral("api"),
    QStringLiteral("resource"), QStringLiteral("system"), QStringLiteral("domain"), QStringLiteral("project"),
    QStringLiteral("goal"), QStringLiteral("group"), QStringLiteral("user") };

QJsonObject document(const QString &kind, const QString &name, const QJsonObject &metadata, const QJsonObject &spec)
{
    QJsonObject meta = metadata;
    meta.insert(QStringLiteral("name"), name);
    const bool cairnKind = kind == u"Project" || kind == u"Goal";
    return QJsonObject { { QStringLiteral("apiVersion"),
                             cairnKind ? QStringLiteral("cairn.dev/v1") : QStringLiteral("backstage.io/v1alpha1") },
        { QStringLiteral("kind"), kind }, { QStringLiteral("metadata"), meta }, { QStringLiteral("spec"), spec } };
}

core::SourcedEntity sourced(const QJsonObject &doc)
{
    return core::SourcedEntity { core::Entity(doc), core::DocumentOrigin { QStringLiteral("org.yaml"), 1 } };
}

QString pick(const QStringList &from, int i)
{
    return from.at(i % from.size());
}

// 450 components (names in mixed case, some without title, tags or system) and a few of
// every other kind, with ties in every column so that the id decides.
QList<core::SourcedEntity> organisation()
{
    const QStringList words { QStringLiteral("payment"), QStringLiteral("Ledger"), QStringLiteral("search"),
        QStringLiteral("Checkout"), QStringLiteral("pricing"), QStringLiteral("audit") };
    const QStringList owners { QStringLiteral("team-a"), QStringLiteral("team-b"), QStringLiteral("Team-C") };
    QList<core::SourcedEntity> out;
    for (int i = 0; i < 450; ++i) {
        QJsonObject meta;
        if (i % 7 != 0)
            meta.insert(QStringLiteral("title"), QStringLiteral("%1 service %2").arg(pick(words, i / 3)).arg(i % 40));
        if (i % 5 != 0)
            meta.insert(QStringLiteral("tags"), QJsonArray { pick(words, i), QStringLiteral("tier-%1").arg(i % 3) });
        QJsonObject spec { { QStringLiteral("type"), i % 4 ? QStringLiteral("service") : QStringLiteral("Library") },
            { QStringLiteral("lifecycle"), i % 2 ? QStringLiteral("production") : QStringLiteral("experimental") },
            { QStringLiteral("owner"), pick(owners, i) } };
        if (i % 3 != 0)
            spec.insert(QStringLiteral("system"), pick(words, i + 1).toLower());
        out.append(sourced(document(QStringLiteral("Component"),
            QStringLiteral("%1-%2").arg(pick(words, i)).arg(i, 3, 10, QLatin1Char('0')), meta, spec)));
    }
    for (int i = 0; i < 12; ++i) {
        out.append(sourced(document(QStringLiteral("API"), QStringLiteral("api-%1").arg(i),
            { { QStringLiteral("title"), QStringLiteral("API %1").arg(i % 5) } },
            { { QStringLiteral("type"), i % 2 ? QStringLiteral("openapi") : QStringLiteral("grpc") },
                { QStringLiteral("lifecycle"), QStringLiteral("production") },
                { QStringLiteral("owner"), pick(owners, i) },
                { QStringLiteral("definition"), QStringLiteral("x") } })));
        out.append(sourced(document(QStringLiteral("Resource"), QStringLiteral("db-%1").arg(i), {},
            { { QStringLiteral("type"), QStringLiteral("database") }, { QStringLiteral("owner"), pick(owners, i + 1) },
                { QStringLiteral("system"), pick(words, i).toLower() } })));
        out.append(sourced(document(QStringLiteral("System"), pick(words, i).toLower() + QString::number(i),
            { { QStringLiteral("title"), pick(words, i) } },
            { { QStringLiteral("owner"), pick(owners, i) },
                { QStringLiteral("domain"), i % 2 ? QStringLiteral("commerce") : QStringLiteral("core") } })));
        out.append(sourced(document(QStringLiteral("User"), QStringLiteral("user-%1").arg(i), {},
            { { QStringLiteral("profile"),
                  QJsonObject { { QStringLiteral("displayName"), QStringLiteral("Person %1").arg(i % 4) },
                      { QStringLiteral("email"), QStringLiteral("u%1@example.com").arg(i % 6) } } },
                { QStringLiteral("memberOf"), QJsonArray { pick(owners, i) } } })));
    }
    for (int i = 0; i < 4; ++i) {
        QJsonArray members;
        for (int m = 0; m < i; ++m)
            members.append(QStringLiteral("user-%1").arg(m));
        out.append(
            sourced(document(QStringLiteral("Group"), i < 3 ? pick(owners, i).toLower() : QStringLiteral("all"), {},
                { { QStringLiteral("type"), i ? QStringLiteral("team") : QStringLiteral("department") },
                    { QStringLiteral("profile"),
                        QJsonObject { { QStringLiteral("displayName"), QStringLiteral("Team") } } },
                    { QStringLiteral("children"), QJsonArray() }, { QStringLiteral("members"), members } })));
    }
    for (int i = 0; i < 3; ++i) // a kind without a view of its own
        out.append(sourced(document(QStringLiteral("Template"), QStringLiteral("template-%1").arg(i),
            { { QStringLiteral("title"), QStringLiteral("Template %1").arg(2 - i) } },
            { { QStringLiteral("type"), QStringLiteral("service") } })));
    for (int i = 0; i < 2; ++i)
        out.append(sourced(document(QStringLiteral("Domain"), i ? QStringLiteral("commerce") : QStringLiteral("core"),
            {}, { { QStringLiteral("owner"), QStringLiteral("team-a") } })));
    for (int i = 0; i < 9; ++i) {
        QJsonArray updates;
        for (int u = 0; u < i % 4; ++u) {
            updates.append(
                QJsonObject { { QStringLiteral("date"), QStringLiteral("2026-1%1-0%2").arg(u).arg(1 + i % 3) },
                    { QStringLiteral("targetDate"), QStringLiteral("2027-0%1-15").arg(1 + u) } });
        }
        out.append(sourced(document(QStringLiteral("Project"), QStringLiteral("project-%1").arg(i),
            { { QStringLiteral("title"), QStringLiteral("Project %1").arg(i % 3) } },
            { { QStringLiteral("owner"), pick(owners, i) }, { QStringLiteral("team"), pick(owners, i + 1) },
                { QStringLiteral("status"), i % 2 ? QStringLiteral("on-track") : QStringLiteral("at-risk") },
                { QStringLiteral("targetDate"), QStringLiteral("2027-0%1-15").arg(1 + i % 3) },
                { QStringLiteral("updates"), updates } })));
        QJsonObject goalSpec { { QStringLiteral("owner"), pick(owners, i) },
            { QStringLiteral("status"), i % 3 ? QStringLiteral("on-track") : QStringLiteral("done") },
            { QStringLiteral("targetDate"), QStringLiteral("2027-06-30") } };
        if (i % 2)
            goalSpec.insert(QStringLiteral("progress"),
                QJsonObject { { QStringLiteral("current"), i }, { QStringLiteral("target"), 10 },
                    { QStringLiteral("unit"), QStringLiteral("%") } });
        out.append(sourced(document(QStringLiteral("Goal"), QStringLiteral("goal-%1").arg(i),
            { { QStringLiteral("title"), QStringLiteral("Goal %1").arg(i % 2) } }, goalSpec)));
    }
    return out;
}

cache::SourceRunInput run(QList<core::SourcedEntity> entities)
{
    cache::SourceRunInput in;
    in.sourceName = QStringLiteral("org");
    in.sourceKind = QStringLiteral("files");
    in.location = QStringLiteral("/tmp/org");
    in.entities = std::move(entities);
    in.allowRemovals = true;
    return in;
}

void fetchAll(EntityTableModel &model)
{
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QVERIFY(settle(model));
    }
}

QStringList refsOf(const EntityTableModel &model)
{
    QStringList refs;
    for (int row = 0; row < model.rowCount(); ++row)
        refs.append(model.index(row, 0).data(models::RefRole).value<core::EntityRef>().toString());
    return refs;
}

// SQLite's NOCASE: ASCII letters folded, the rest compared as is.
QString nocase(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + 32);
    }
    return out;
}

} // namespace

class TestEntityTableModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<cache::Cache> m_cache;
    QHash<QString, qint64> m_ids; // ref -> entity id, the tiebreaker

    QString path() const { return m_dir.filePath(QStringLiteral("cache.sqlite3")); }

    void readIds()
    {
        m_ids.clear();
        auto q = m_cache->database().prepare(QStringLiteral("SELECT ref, id FROM entities"));
        QVERIFY(q);
        while (*q->step() == cache::Statement::Step::Row)
            m_ids.insert(q->text(0), q->int64(1));
    }

    // What the model's rows must be: the entities of the kind sorted in C++ by the
    // column's sort key (cache::EntityColumns), ties by id.
    QStringList expectedOrder(const EntityTableModel &model, int section, Qt::SortOrder order)
    {
        const cache::EntityColumn *column = cache::EntityColumns::find(model.kind(), model.columnId(section));
        struct Item
        {
            QVariantList key;
            qint64 id;
            QString ref;
        };
        QList<Item> items;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString ref = model.index(row, 0).data(models::RefRole).value<core::EntityRef>().toString();
            const QVariant value = model.index(row, section).data(models::ValueRole);
            QVariantList key;
            switch (column->type) {
            case cache::ColumnType::Integer:
                key.append(value.isValid() ? value.toDouble() : 0.0);
                break;
            case cache::ColumnType::Number:
            case cache::ColumnType::Percent:
                key.append(value.isValid() ? value.toDouble() : -1.0);
                break;
            case cache::ColumnType::List:
                key.append(nocase(value.toString().section(QStringLiteral("; "), 0, 0)));
                break;
            default: {
                const QString text = value.toString();
                if (column->name == u"kind") {
                    const int name = int(model.columnIds().indexOf(QStringLiteral("name")));
                    key = { text.toLower(), nocase(model.index(row, name).data(models::ValueRole).toString()) };
                } else if (column->name == u"ref") {
                    key.append(text.toLower());
                } else {
                    const bool folded = column->sortKeys.constFirst().contains(u"NOCASE")
                        || column->sortKeys.constFirst() == u"e.name";
                    key.append(folded ? nocase(text) : text);
                }
            }
            }
            items.append(Item { key, m_ids.value(ref), ref });
        }
        std::sort(items.begin(), items.end(), [&](const Item &a, const Item &b) {
            for (qsizetype k = 0; k < a.key.size(); ++k) {
                const QPartialOrdering c = QVariant::compare(a.key.at(k), b.key.at(k));
                if (c != QPartialOrdering::Equivalent)
                    return (c == QPartialOrdering::Less) == (order == Qt::AscendingOrder);
            }
            return (a.id < b.id) == (order == Qt::AscendingOrder);
        });
        QStringList refs;
        for (const Item &item : std::as_const(items))
            refs.append(item.ref);
        return refs;
    }

    void applyFromAnotherConnection(const QList<core::SourcedEntity> &entities)
    {
        auto other = cache::Cache::open(path());
        QVERIFY2(other, qPrintable(other.errorString()));
        auto applied = cache::CatalogWriter(**other).applySourceRun(run(entities));
        QVERIFY2(applied, qPrintable(applied.errorString()));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_cache.reset();
        QFile::remove(path());
        auto opened = cache::Cache::open(path());
        QVERIFY2(opened, qPrintable(opened.errorString()));
        m_cache = std::move(opened).value();
        auto applied = cache::CatalogWriter(*m_cache).applySourceRun(run(organisation()));
        QVERIFY2(applied, qPrintable(applied.errorString()));
        readIds();
    }

    void columnsAreTheExportColumns_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("shown");
        QTest::newRow("all") << QString()
                             << QStringList { QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("title"),
                                    QStringLiteral("type"), QStringLiteral("lifecycle"), QStringLiteral("status"),
                                    QStringLiteral("owner") };
        QTest::newRow("component") << QStringLiteral("component")
                                   << QStringList { QStringLiteral("name"), QStringLiteral("title"),
                                          QStringLiteral("type"), QStringLiteral("lifecycle"), QStringLiteral("owner"),
                                          QStringLiteral("system"), QStringLiteral("tags"), QStringLiteral("health") };
        QTest::newRow("project") << QStringLiteral("project")
                                 << QStringList { QStringLiteral("name"), QStringLiteral("title"),
                                        QStringLiteral("status"), QStringLiteral("owner"), QStringLiteral("team"),
                                        QStringLiteral("target_date"), QStringLiteral("last_update"),
                                        QStringLiteral("slips") };
        QTest::newRow("goal") << QStringLiteral("goal")
                              << QStringList { QStringLiteral("name"), QStringLiteral("title"),
                                     QStringLiteral("status"), QStringLiteral("owner"), QStringLiteral("target_date"),
                                     QStringLiteral("progress") };
        QTest::newRow("group") << QStringLiteral("group")
                               << QStringList { QStringLiteral("name"), QStringLiteral("display_name"),
                                      QStringLiteral("type"), QStringLiteral("parent"),
                                      QStringLiteral("member_count") };
        QTest::newRow("user") << QStringLiteral("user")
                              << QStringList { QStringLiteral("name"), QStringLiteral("display_name"),
                                     QStringLiteral("email"), QStringLiteral("member_of") };
    }
    void columnsAreTheExportColumns()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, shown);
        EntityTableModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKind(kind);
        QVERIFY(settle(model));
        QStringList exportColumns = cache::ViewExport::columns(kind);
        QCOMPARE(exportColumns.takeLast(), QStringLiteral("removed_at"));
        QCOMPARE(model.columnIds(), exportColumns);
        QCOMPARE(model.columnCount(), exportColumns.size());
        QStringList visible;
        for (int section : model.defaultVisibleColumns()) {
            visible.append(model.columnId(section));
            QVERIFY(model.isSortIndexed(section));
        }
        // In the order the table shows them (the defaults'), whatever the view's order.
        QCOMPARE(visible, cache::EntityColumns::tableDefaults(kind));
        std::sort(visible.begin(), visible.end());
        std::sort(shown.begin(), shown.end());
        QCOMPARE(visible, shown);
        QCOMPARE(model.columnId(model.sortColumn()), QStringLiteral("name"));
        QCOMPARE(model.headerData(model.sortColumn(), Qt::Horizontal).toString(), QStringLiteral("Name"));
    }

    void showsValuesInTheUsersLocale()
    {
        EntityTableModel model(*m_cache);
        model.setKind(QStringLiteral("project"));
        QVERIFY(settle(model));
        const int target = int(model.columnIds().indexOf(QStringLiteral("target_date")));
        const int slips = int(model.columnIds().indexOf(QStringLiteral("slips")));
        const int last = int(model.columnIds().indexOf(QStringLiteral("last_update")));
        QCOMPARE(model.headerData(target, Qt::Horizontal).toString(), QStringLiteral("Target date"));
        QCOMPARE(model.headerData(last, Qt::Horizontal).toString(), QStringLiteral("Last update"));
        QCOMPARE(model.headerData(slips, Qt::Horizontal).toString(), QStringLiteral("Slips"));
        // project-3: updates target 2027-01-15, -02-15, -03-15, then spec 2027-01-15: three moves.
        const QModelIndex row
            = model.indexOf(core::EntityRef::parse(QStringLiteral("project:default/project-3")).value());
        QVERIFY(row.isValid());
        const int name = int(model.columnIds().indexOf(QStringLiteral("name")));
        QCOMPARE(
            model.index(row.row(), name).data(Qt::ToolTipRole).toString(), QStringLiteral("Project:default/project-3"));
        QVERIFY(model.index(row.row(), target).data(Qt::ToolTipRole).isNull());
        QCOMPARE(model.index(row.row(), slips).data(models::ValueRole).toInt(), 3);
        QCOMPARE(model.index(row.row(), last).data(models::ValueRole).toString(), QStringLiteral("2026-12-01"));
        QCOMPARE(model.index(row.row(), target).data(models::ValueRole).toString(), QStringLiteral("2027-01-15"));

        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(model.index(row.row(), target).data().toString(),
            QLocale().toString(QDate(2027, 1, 15), QLocale::ShortFormat));
        QVERIFY(model.index(row.row(), target).data().toString().startsWith(u"15.01."));

        model.setKind(QStringLiteral("goal"));
        QVERIFY(settle(model));
        const int progress = int(model.columnIds().indexOf(QStringLiteral("progress")));
        QCOMPARE(model.headerData(progress, Qt::Horizontal).toString(), QStringLiteral("Progress"));
        const QModelIndex goal = model.indexOf(core::EntityRef::parse(QStringLiteral("goal:default/goal-5")).value());
        QCOMPARE(model.index(goal.row(), progress).data(models::ValueRole).toDouble(), 50.0);
        QCOMPARE(model.index(goal.row(), progress).data().toString(), QStringLiteral("50 %"));
        QLocale::setDefault(before);
    }

    void pagesAcrossPageEndsInOrder()
    {
        EntityTableModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy totals(&model, &EntityTableModel::totalCountChanged);
        model.setKind(QStringLiteral("component"));
        QVERIFY(settle(model));
        QCOMPARE(model.totalCount(), 450);
        QCOMPARE(model.rowCount(), EntityTableModel::PageSize);
        int pages = 1;
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QVERIFY(settle(model));
            ++pages;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(model.rowCount(), 450);
        const QStringList refs = refsOf(model);
        QCOMPARE(QSet<QString>(refs.begin(), refs.end()).size(), 450);
        QCOMPARE(refs, expectedOrder(model, model.sortColumn(), Qt::AscendingOrder));
        QVERIFY(model.lastError().isEmpty());
        QVERIFY(!totals.isEmpty());
    }

    // 450 components over three pages hold one copy of each lifecycle and owner between
    // them, and of their kind and namespace (a table scrolled through a million entities
    // must not hold a copy per row); names stay each row's own, and so do the values.
    void rowsShareTheTextsTheyRepeat()
    {
        EntityTableModel model(*m_cache);
        model.setKind(QStringLiteral("component"));
        QVERIFY(settle(model));
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QVERIFY(settle(model));
        }
        QCOMPARE(model.rowCount(), 450);
        const auto buffers = [&model](const QString &columnId) {
            QSet<const QChar *> distinctBuffers;
            QSet<QString> distinctTexts;
            const int column = int(model.columnIds().indexOf(columnId));
            for (int row = 0; row < model.rowCount(); ++row) {
                const QString text = model.index(row, column).data(models::ValueRole).toString();
                distinctBuffers.insert(text.constData());
                distinctTexts.insert(text);
            }
            return std::pair { distinctBuffers.size(), distinctTexts.size() };
        };
        const auto [lifecycleBuffers, lifecycles] = buffers(QStringLiteral("lifecycle"));
        QVERIFY(lifecycles > 1);
        QCOMPARE(lifecycleBuffers, lifecycles);
        const auto [ownerBuffers, owners] = buffers(QStringLiteral("owner"));
        QVERIFY(owners > 1 && owners < 450);
        QCOMPARE(ownerBuffers, owners);
        const auto [nameBuffers, names] = buffers(QStringLiteral("name"));
        QCOMPARE(names, 450);
        QCOMPARE(nameBuffers, 450);
        QSet<const QChar *> kinds;
        for (int row = 0; row < model.rowCount(); ++row)
            kinds.insert(model.index(row, 0).data(models::RefRole).value<core::EntityRef>().kind().constData());
        QCOMPARE(kinds.size(), 1);
        // Shared, not changed: every row still reads as the cache holds it.
        QCOMPARE(refsOf(model), expectedOrder(model, model.sortColumn(), Qt::AscendingOrder));
    }

    void refreshBetweenPagesNeitherRepeatsNorSkips()
    {
        EntityTableModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKind(QStringLiteral("component"));
        QVERIFY(settle(model));
        const int title = int(model.columnIds().indexOf(QStringLiteral("title")));
        model.sort(title, Qt::DescendingOrder);
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 200);
        // Another writer removes rows on both sides of the page end and adds some.
        QList<core::SourcedEntity> entities = organisation();
        const QStringList held = refsOf(model);
        QSet<QString> removed { held.at(10), held.at(199) };
        entities.removeIf([&](const core::SourcedEntity &e) { return removed.contains(e.entity.ref().toString()); });
        for (int i = 0; i < 30; ++i) {
            entities.append(sourced(document(QStringLiteral("Component"), QStringLiteral("new-%1").arg(i),
                { { QStringLiteral("title"), QStringLiteral("%1 new").arg(QChar(u'a' + i % 26)) } },
                { { QStringLiteral("type"), QStringLiteral("service") },
                    { QStringLiteral("owner"), QStringLiteral("team-a") } })));
        }
        applyFromAnotherConnection(entities);
        readIds();
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.refresh();
        QVERIFY(settle(model));
        QCOMPARE(model.totalCount(), 478);
        fetchAll(model);
        QCOMPARE(resets.size(), 0);
        const QStringList refs = refsOf(model);
        QCOMPARE(refs.size(), 478);
        QCOMPARE(QSet<QString>(refs.begin(), refs.end()).size(), 478);
        QCOMPARE(refs, expectedOrder(model, title, Qt::DescendingOrder));
    }

    void sortsEveryColumnOfEveryKind_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("column");
        QTest::addColumn<bool>("descending");
        for (const QString &kind : TableKinds) {
            for (const cache::EntityColumn &column : cache::EntityColumns::of(kind)) {
                for (const bool descending : { false, true })
                    QTest::addRow("%s %s %s", kind.isEmpty() ? "all" : qPrintable(kind),
                        qPrintable(column.name.toString()), descending ? "desc" : "asc")
                        << kind << column.name.toString() << descending;
            }
        }
    }
    void sortsEveryColumnOfEveryKind()
    {
        QFETCH(QString, kind);
        QFETCH(QString, column);
        QFETCH(bool, descending);
        EntityTableModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKind(kind);
        QVERIFY(settle(model));
        const int section = int(model.columnIds().indexOf(column));
        const Qt::SortOrder order = descending ? Qt::DescendingOrder : Qt::AscendingOrder;
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.sort(section, order);
        QVERIFY(settle(model));
        QCOMPARE(resets.size(), 1);
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        QCOMPARE(model.sortColumn(), section);
        QCOMPARE(model.sortOrder(), order);
        fetchAll(model);
        QCOMPARE(model.rowCount(), model.totalCount());
        QVERIFY(model.rowCount() > 0);
        QCOMPARE(refsOf(model), expectedOrder(model, section, order));
    }

    void filtersAsYouType_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("text");
        QTest::newRow("name prefix") << QStringLiteral("component") << QStringLiteral("paym");
        QTest::newRow("words of the title") << QStringLiteral("component") << QStringLiteral("checkout serv");
        QTest::newRow("one character") << QStringLiteral("component") << QStringLiteral("l");
        QTest::newRow("no match") << QStringLiteral("component") << QStringLiteral("zzzz");
        QTest::newRow("every kind") << QString() << QStringLiteral("goal");
        QTest::newRow("every kind, one character") << QString() << QStringLiteral("G");
        QTest::newRow("display name, one character") << QStringLiteral("user") << QStringLiteral("p");
    }
    void filtersAsYouType()
    {
        QFETCH(QString, kind);
        QFETCH(QString, text);
        EntityTableModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKind(kind);
        QVERIFY(settle(model));
        fetchAll(model);
        // Which rows the text should take, from what the unfiltered table shows: each word
        // of 2 letters or more begins a word of the name, title or tags; a 1-letter text
        // begins the name or the title.
        const auto words = [](const QString &s) {
            QStringList out;
            QString word;
            for (const QChar c : s + u' ') {
                if (c.isLetterOrNumber()) {
                    word.append(c.toLower());
                } else if (!word.isEmpty()) {
                    out.append(word);
                    word.clear();
                }
            }
            return out;
        };
        const QStringList query = words(text);
        QStringList expected;
        for (int row = 0; row < model.rowCount(); ++row) {
            const auto cell = [&](const char *id) {
                const int section = int(model.columnIds().indexOf(QLatin1StringView(id)));
                return section < 0 ? QString() : model.index(row, section).data(models::ValueRole).toString();
            };
            bool match = true;
            if (text.size() == 1) {
                // The title is the display name where a kind has one (users, groups).
                match = cell("name").startsWith(text, Qt::CaseInsensitive)
                    || cell("title").startsWith(text, Qt::CaseInsensitive)
                    || cell("display_name").startsWith(text, Qt::CaseInsensitive);
            } else {
                const QStringList tokens = words(cell("name") + u' ' + cell("title") + u' ' + cell("tags"));
                for (const QString &w : query) {
                    match = match
                        && std::any_of(tokens.begin(), tokens.end(), [&](const QString &t) { return t.startsWith(w); });
                }
            }
            if (match)
                expected.append(refsOf(model).at(row));
        }
        model.setFilterText(text);
        QVERIFY(settle(model));
        QCOMPARE(model.filterText(), text);
        fetchAll(model);
        QCOMPARE(model.totalCount(), expected.size());
        QCOMPARE(refsOf(model), expected);
        QCOMPARE(expected.isEmpty(), text == u"zzzz");
        // The same meaning as an export of that filter.
        cache::ExportFilter filter;
        filter.kind = kind;
        filter.text = text;
        QCOMPARE(*cache::ViewExport(*m_cache).count(filter), qint64(expected.size()));
    }

    void refreshUpdatesInPlace()
    {
        EntityTableModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKind(QStringLiteral("component"));
        QVERIFY(settle(model));
        model.fetchMore({});
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 400);
        const QStringList before = refsOf(model);
        const QPersistentModelIndex untouched = model.index(150, 2);
        const QString &untouchedRef = before.at(150);
        const int titleColumn = int(model.columnIds().indexOf(QStringLiteral("title")));

        // Another connection (as a sync): two rows removed, one title edited, one entity
        // renamed so that it sorts elsewhere, two added inside the loaded range, one after it.
        QList<core::SourcedEntity> entities = organisation();
        const QSet<QString> removed { before.at(3), before.at(4) };
        entities.removeIf([&](const core::SourcedEntity &e) { return removed.contains(e.entity.ref().toString()); });
        for (core::SourcedEntity &e : entities) {
            if (e.entity.ref().toString() == before.at(20)) {
                QJsonObject doc = e.entity.document();
                QJsonObject meta = doc.value(QStringLiteral("metadata")).toObject();
                meta.insert(QStringLiteral("title"), QStringLiteral("Edited"));
                doc.insert(QStringLiteral("metadata"), meta);
                e.entity = core::Entity(doc);
            }
        }
        entities.append(sourced(document(QStringLiteral("Component"), QStringLiteral("audit-0001"), {}, {})));
        entities.append(sourced(document(QStringLiteral("Component"), QStringLiteral("Audit-0002"), {}, {})));
        entities.append(sourced(document(QStringLiteral("Component"), QStringLiteral("zzz-last"), {}, {})));
        applyFromAnotherConnection(entities);
        readIds();

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removedRows(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy totals(&model, &EntityTableModel::totalCountChanged);
        model.refresh();
        QVERIFY(settle(model));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(removedRows.size(), 1); // rows 3 and 4: one range
        QCOMPARE(removedRows.at(0).at(1).toInt(), 3);
        QCOMPARE(removedRows.at(0).at(2).toInt(), 4);
        QCOMPARE(inserted.size(), 1); // audit-0001 and Audit-0002, side by side (zzz-last is not loaded)
        QCOMPARE(inserted.at(0).at(2).toInt() - inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(changed.size(), 1);
        const QModelIndex edited = model.indexOf(core::EntityRef::parse(before.at(20)).value());
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), edited.row());
        QCOMPARE(model.index(edited.row(), titleColumn).data().toString(), QStringLiteral("Edited"));
        QCOMPARE(totals.size(), 1);
        QCOMPARE(model.totalCount(), 451);
        QCOMPARE(model.rowCount(), 400);
        QVERIFY(untouched.isValid());
        QCOMPARE(untouched.data(models::RefRole).value<core::EntityRef>().toString(), untouchedRef);
        QCOMPARE(untouched.column(), 2);
        fetchAll(model);
        QCOMPARE(refsOf(model), expectedOrder(model, model.sortColumn(), Qt::AscendingOrder));
        QCOMPARE(model.rowCount(), 451);
        QCOMPARE(refsOf(model).constLast(), QStringLiteral("Component:default/zzz-last"));

        // Sorted by title, an edited title moves its row: removed, then inserted at its place.
        model.sort(titleColumn, Qt::AscendingOrder);
        QVERIFY(settle(model));
        fetchAll(model);
        const QString moving = refsOf(model).at(300);
        const QPersistentModelIndex first = model.index(0, 0);
        const QString firstRef = refsOf(model).at(0);
        for (core::SourcedEntity &e : entities) {
            if (e.entity.ref().toString() == moving) {
                QJsonObject doc = e.entity.document();
                QJsonObject meta = doc.value(QStringLiteral("metadata")).toObject();
                meta.insert(QStringLiteral("title"), QStringLiteral("AAA first"));
                doc.insert(QStringLiteral("metadata"), meta);
                e.entity = core::Entity(doc);
            }
        }
        applyFromAnotherConnection(entities);
        inserted.clear();
        removedRows.clear();
        changed.clear();
        model.refresh();
        QVERIFY(settle(model));
        QCOMPARE(resets.size(), 1); // the sort's own
        QCOMPARE(removedRows.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 0);
        int untitled = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            untitled += model.index(row, titleColumn).data(models::ValueRole).isNull() ? 1 : 0;
        QVERIFY(untitled > 0);
        // First among the titled ones: after those without a title (sorted as empty text).
        QCOMPARE(model.indexOf(core::EntityRef::parse(moving).value()).row(), untitled);
        QCOMPARE(first.data(models::RefRole).value<core::EntityRef>().toString(), firstRef);
        QCOMPARE(refsOf(model), expectedOrder(model, titleColumn, Qt::AscendingOrder));
    }

    void exportWritesTheRowsShown_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("column");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QString>("text");
        QTest::newRow("components by system")
            << QStringLiteral("component") << QStringLiteral("system") << true << QString();
        QTest::newRow("filtered by owner")
            << QStringLiteral("component") << QStringLiteral("owner") << false << QStringLiteral("pay");
        QTest::newRow("projects by slips") << QStringLiteral("project") << QStringLiteral("slips") << true << QString();
        QTest::newRow("goals by progress")
            << QStringLiteral("goal") << QStringLiteral("progress") << false << QString();
        QTest::newRow("every kind by kind") << QString() << QStringLiteral("kind") << false << QString();
    }
    void exportWritesTheRowsShown()
    {
        QFETCH(QString, kind);
        QFETCH(QString, column);
        QFETCH(bool, descending);
        QFETCH(QString, text);
        EntityTableModel model(*m_cache);
        model.setKind(kind);
        QVERIFY(settle(model));
        model.setFilterText(text);
        QVERIFY(settle(model));
        model.sort(int(model.columnIds().indexOf(column)), descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        QVERIFY(settle(model));
        fetchAll(model);
        QStringList columns;
        for (int section : model.defaultVisibleColumns())
            columns.append(model.columnId(section));

        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        core::CsvOptions tabs;
        tabs.delimiter = core::CsvOptions::Delimiter::Tab;
        core::CsvWriter writer(buffer, tabs);
        core::Result<qint64> written = cache::ViewExport(*m_cache).write(
            model.exportFilter(), QStringList { QStringLiteral("ref") } + columns, writer);
        QVERIFY2(written, qPrintable(written.errorString()));
        QCOMPARE(*written, qint64(model.rowCount()));

        QList<QByteArray> lines = buffer.data().split('\n');
        QCOMPARE(lines.takeLast(), QByteArray());
        QCOMPARE(lines.size(), model.rowCount() + 1);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QStringList cells = QString::fromUtf8(lines.at(row + 1)).chopped(1).split(u'\t');
            QCOMPARE(cells.at(0), model.index(row, 0).data(models::RefRole).value<core::EntityRef>().toString());
            for (int c = 0; c < columns.size(); ++c) {
                const QVariant value = model.index(row, model.defaultVisibleColumns().at(c)).data(models::ValueRole);
                if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::LongLong)
                    QCOMPARE(cells.at(c + 1).toDouble(), value.toDouble());
                else
                    QCOMPARE(cells.at(c + 1), value.toString());
            }
        }
    }

    void aKindWithoutAViewHasTheEveryKindColumns()
    {
        EntityTableModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKind(QStringLiteral("template"));
        QVERIFY(settle(model));
        QCOMPARE(model.columnIds(), EntityTableModel(*m_cache).columnIds());
        QCOMPARE(model.rowCount(), 3);
        const int title = int(model.columnIds().indexOf(QStringLiteral("title")));
        QVERIFY(!model.isSortIndexed(title));
        model.sort(title, Qt::AscendingOrder);
        QVERIFY(settle(model));
        QCOMPARE(refsOf(model),
            (QStringList { QStringLiteral("Template:default/template-2"), QStringLiteral("Template:default/template-1"),
                QStringLiteral("Template:default/template-0") }));
        QCOMPARE(model.exportFilter().kind, QStringLiteral("template"));
    }

    void refreshOfAWholeTableShowsNewRows()
    {
        EntityTableModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKind(QStringLiteral("domain"));
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.canFetchMore({}));
        QList<core::SourcedEntity> entities = organisation();
        entities.append(sourced(document(QStringLiteral("Domain"), QStringLiteral("zeta"), {}, {})));
        applyFromAnotherConnection(entities);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy totals(&model, &EntityTableModel::totalCountChanged);
        model.refresh();
        QVERIFY(settle(model));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 2);
        QCOMPARE(totals.size(), 1);
        QCOMPARE(totals.at(0).at(0).toLongLong(), 3);
        QCOMPARE(refsOf(model).constLast(), QStringLiteral("Domain:default/zeta"));
        // Nothing changed: nothing signalled.
        QSignalSpy any(&model, &QAbstractItemModel::layoutChanged);
        inserted.clear();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refresh();
        QVERIFY(settle(model));
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(any.size(), 0);
    }

    void newKindFilterOrSortResets()
    {
        EntityTableModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(settle(model));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        // A new kind: its columns at once (no rows yet), then its rows.
        model.setKind(QStringLiteral("group"));
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnId(model.columnCount() - 1), cache::EntityColumns::of(u"group").constLast().name);
        QCOMPARE(model.totalCount(), -1);
        QVERIFY(model.isReading());
        QVERIFY(settle(model));
        QCOMPARE(resets.size(), 2);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.totalCount(), 4);
        QVERIFY(!model.canFetchMore({}));
        model.setFilterText(QStringLiteral("team"));
        QVERIFY(settle(model));
        model.sort(int(model.columnIds().indexOf(QStringLiteral("member_count"))), Qt::DescendingOrder);
        QVERIFY(settle(model));
        QCOMPARE(resets.size(), 4);
        QCOMPARE(model.exportFilter().kind, QStringLiteral("group"));
        QCOMPARE(model.exportFilter().text, QStringLiteral("team"));
        QCOMPARE(model.exportFilter().sortColumn, QStringLiteral("member_count"));
        QVERIFY(model.exportFilter().sortDescending);
        // A kind with the same column keeps the sort; one without falls back to name.
        model.setKind(QStringLiteral("user"));
        QVERIFY(settle(model));
        QCOMPARE(model.columnId(model.sortColumn()), QStringLiteral("name"));
        QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
        QVERIFY(!model.indexOf(core::EntityRef::parse(QStringLiteral("group:default/all")).value()).isValid());
    }

    void theRowsShownStayUntilTheNewOnesArrive()
    {
        EntityTableModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKind(QStringLiteral("component"));
        QVERIFY(settle(model));
        const QStringList before = refsOf(model);
        QCOMPARE(before.size(), EntityTableModel::PageSize);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setFilterText(QStringLiteral("payment"));
        // Nothing is read on this thread: the table still shows what it showed.
        QVERIFY(model.isReading());
        QCOMPARE(refsOf(model), before);
        QCOMPARE(model.totalCount(), 450);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(settle(model));
        QCOMPARE(resets.size(), 1);
        cache::ExportFilter payments;
        payments.kind = QStringLiteral("component");
        payments.text = QStringLiteral("payment");
        QCOMPARE(model.totalCount(), *cache::ViewExport(*m_cache).count(payments));
        QVERIFY(model.totalCount() < 450);
    }

    void aKeystrokeSupersedesTheReadsOfTheOnesBefore()
    {
        EntityTableModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKind(QStringLiteral("component"));
        QVERIFY(settle(model));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy totals(&model, &EntityTableModel::totalCountChanged);
        for (const QString &text : { QStringLiteral("c"), QStringLiteral("ch"), QStringLiteral("che"),
                 QStringLiteral("chec"), QStringLiteral("check") })
            model.setFilterText(text);
        QVERIFY(settle(model));
        // The first read was out when the others came; they were one read, of the last text.
        QCOMPARE(resets.size(), 1);
        QCOMPARE(totals.size(), 1);
        fetchAll(model);
        EntityTableModel alone(*m_cache);
        alone.setKind(QStringLiteral("component"));
        alone.setFilterText(QStringLiteral("check"));
        QVERIFY(settle(alone));
        fetchAll(alone);
        QCOMPARE(model.totalCount(), alone.totalCount());
        QCOMPARE(refsOf(model), refsOf(alone));
        QVERIFY(model.rowCount() > 0);
    }
};

QTEST_GUILESS_MAIN(TestEntityTableModel)
#include "tst_entitytablemodel.moc"
