// SPDX-License-Identifier: GPL-3.0-or-later
// Schema 4's table columns (a project's last update and slips, a goal's progress, a
// group's member count) agree with the core rules they stand for, and every sortable
// column of every kind's table is read along an index, in both directions.
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/EntityColumns.h"
#include "cache/EntitySelection.h"
#include "cache/Schema.h"
#include "core/GoalProgress.h"
#include "core/ProjectTimeline.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

namespace {

const QStringList TableKinds { QString(), QStringLiteral("component"), QStringLiteral("api"),
    QStringLiteral("resource"), QStringLiteral("system"), QStringLiteral("domain"), QStringLiteral("project"),
    QStringLiteral("goal"), QStringLiteral("group"), QStringLiteral("user") };

// A date as people write them, and as they should not: valid, a timestamp, out of range,
// not a date, a number, or absent (null QJsonValue).
QJsonValue someDate(QRandomGenerator &random)
{
    const QDate day = QDate(2026, 1, 1).addDays(random.bounded(40) * 7);
    switch (random.bounded(10)) {
    case 0:
        return QJsonValue();
    case 1:
        return day.toString(Qt::ISODate) + QStringLiteral("T09:30:00Z");
    case 2:
        return QStringLiteral("2026-02-30");
    case 3:
        return QStringLiteral("soon");
    case 4:
        return 20261002;
    default:
        return day.toString(Qt::ISODate);
    }
}

QJsonObject projectSpec(QRandomGenerator &random)
{
    QJsonObject spec { { QStringLiteral("owner"), QStringLiteral("team-a") },
        { QStringLiteral("status"), QStringLiteral("on-track") } };
    const QJsonValue target = someDate(random);
    if (!target.isNull())
        spec.insert(QStringLiteral("targetDate"), target);
    QJsonArray updates;
    const int count = random.bounded(7);
    for (int i = 0; i < count; ++i) {
        if (random.bounded(12) == 0) {
            updates.append(QStringLiteral("not an update"));
            continue;
        }
        QJsonObject update { { QStringLiteral("text"), QStringLiteral("update %1").arg(i) } };
        const QJsonValue date = someDate(random);
        if (!date.isNull())
            update.insert(QStringLiteral("date"), date);
        // Few distinct targets, so that some updates restate the date they had.
        if (random.bounded(3) != 0)
            update.insert(
                QStringLiteral("targetDate"), QDate(2027, 1, 1).addMonths(random.bounded(4)).toString(Qt::ISODate));
        updates.append(update);
    }
    if (count > 0 || random.bounded(2) == 0)
        spec.insert(QStringLiteral("updates"), updates);
    return spec;
}

QJsonObject goalSpec(QRandomGenerator &random)
{
    static const QStringList statuses { QStringLiteral("on-track"), QStringLiteral("done"), QStringLiteral("Completed"),
        QStringLiteral("cancelled"), QStringLiteral("at-risk") };
    QJsonObject spec { { QStringLiteral("owner"), QStringLiteral("team-a") },
        { QStringLiteral("status"), statuses.at(random.bounded(int(statuses.size()))) } };
    switch (random.bounded(5)) {
    case 0:
        spec.insert(QStringLiteral("progress"),
            QJsonObject { { QStringLiteral("current"), random.bounded(120) / 10.0 },
                { QStringLiteral("target"), double(random.bounded(3) * 5) } });
        break;
    case 1:
        spec.insert(QStringLiteral("progress"),
            QJsonObject { { QStringLiteral("current"), QStringLiteral("3") }, { QStringLiteral("target"), 4 } });
        break;
    case 2:
        spec.insert(QStringLiteral("score"), random.bounded(15) / 10.0);
        break;
    default:
        break;
    }
    return spec;
}

QJsonObject groupSpec(QRandomGenerator &random)
{
    QJsonObject spec { { QStringLiteral("type"), QStringLiteral("team") },
        { QStringLiteral("children"), QJsonArray() } };
    const int members = random.bounded(5) - 1;
    if (members >= 0) {
        QJsonArray list;
        for (int i = 0; i < members; ++i)
            list.append(QStringLiteral("user-%1").arg(i));
        spec.insert(QStringLiteral("members"), list);
    }
    return spec;
}

QList<core::SourcedEntity> organisation(quint32 seed)
{
    QRandomGenerator random(seed);
    QList<core::SourcedEntity> out;
    for (int i = 0; i < 150; ++i)
        out.append(test::entity(QStringLiteral("Project"), QStringLiteral("project-%1").arg(i), projectSpec(random)));
    for (int i = 0; i < 60; ++i)
        out.append(test::entity(QStringLiteral("Goal"), QStringLiteral("goal-%1").arg(i), goalSpec(random)));
    for (int i = 0; i < 30; ++i)
        out.append(test::entity(QStringLiteral("Group"), QStringLiteral("group-%1").arg(i), groupSpec(random)));
    out.append(test::components(20));
    return out;
}

// Every row of a view's derived columns against the core rules, on the documents as stored.
void compareWithCoreRules(Database &db)
{
    auto q = db.prepare(QStringLiteral("SELECT kind, document, last_update, slips, progress, member_count FROM "
                                       "entities WHERE removed_at IS NULL ORDER BY id"));
    QVERIFY2(q, qPrintable(q.errorString()));
    int projects = 0, moved = 0, goals = 0, groups = 0;
    while (*q->step() == Statement::Step::Row) {
        const QString kind = q->text(0);
        const core::Entity entity(QJsonDocument::fromJson(q->utf8(1)).object());
        const QString what = entity.ref().toString();
        if (kind == u"project") {
            ++projects;
            const core::TimelineSummary summary = core::ProjectTimeline::fromEntity(entity).summarize(QDate());
            QVERIFY2(!q->isNull(3), qPrintable(what));
            if (q->int32(3) != summary.targetMoves || q->isNull(2) == summary.lastUpdate.isValid())
                qWarning("%s", q->utf8(1).constData());
            QCOMPARE(q->int32(3), summary.targetMoves);
            moved += summary.targetMoves > 0 ? 1 : 0;
            QCOMPARE(q->isNull(2), !summary.lastUpdate.isValid());
            if (summary.lastUpdate.isValid())
                QCOMPARE(q->text(2), summary.lastUpdate.toString(Qt::ISODate));
        } else {
            QVERIFY2(q->isNull(2) && q->isNull(3), qPrintable(what));
        }
        if (kind == u"goal") {
            ++goals;
            const std::optional<core::GoalRollup> own = core::GoalProgress::ownProgress(entity);
            const bool known = own && own->fraction;
            QCOMPARE(q->isNull(4), !known);
            if (known)
                QCOMPARE(q->real(4), *own->fraction * 100);
        } else {
            QVERIFY2(q->isNull(4), qPrintable(what));
        }
        if (kind == u"group") {
            ++groups;
            QCOMPARE(q->int64(5), qint64(entity.spec().value(u"members").toArray().size()));
        } else {
            QVERIFY2(q->isNull(5), qPrintable(what));
        }
    }
    // The data must exercise the rules, not only their empty cases.
    QVERIFY(projects == 0 || moved > 0);
    QVERIFY(projects + goals + groups > 0);
}

QString planOf(Database &db, const QString &sql)
{
    auto q = db.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
    if (!q)
        return QStringLiteral("error: ") + q.errorString();
    QStringList lines;
    while (*q->step() == Statement::Step::Row)
        lines.append(q->text(3));
    return lines.join(u'\n');
}

} // namespace

class TestEntityColumns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void derivedColumnsFollowTheCoreRules()
    {
        QTemporaryDir dir;
        std::unique_ptr<Cache> cache = test::cacheForCurrentTest(dir);
        CatalogWriter writer(*cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("org"), organisation(7))));
        compareWithCoreRules(cache->database());
        // The same entities changed: the writer keeps them in step.
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("org"), organisation(8))));
        compareWithCoreRules(cache->database());
    }

    void migratesAVersion1CacheKeepingItsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite3"));
        QVERIFY(QFile::copy(QStringLiteral(CAIRN_TEST_DATA_DIR "/cache-v1-sample.sqlite3"), path));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
        const QString entitiesSql
            = QStringLiteral("SELECT group_concat(key || ' ' || content_hash, char(10)) FROM (SELECT * FROM entities "
                             "ORDER BY key)");
        QString before;
        {
            auto v1 = Database::open(path);
            QVERIFY2(v1, qPrintable(v1.errorString()));
            before = v1->queryText(entitiesSql).value();
        }
        auto cache = Cache::open(path);
        QVERIFY2(cache, qPrintable(cache.errorString()));
        Database &db = (*cache)->database();
        QCOMPARE(db.userVersion().value(), Schema::latestVersion());
        QCOMPARE(Schema::latestVersion(), 10);
        QCOMPARE(db.queryText(entitiesSql).value(), before);
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM entities")).value(), 147);
        // The sample has projects whose target moved and goals with progress.
        QVERIFY(db.queryInt(QStringLiteral("SELECT count(*) FROM v_projects WHERE slips > 0")).value() > 0);
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM v_projects WHERE last_update IS NULL")).value(),
            db.queryInt(QStringLiteral("SELECT count(*) FROM v_projects WHERE coalesce(update_count, 0) = 0")).value());
        QVERIFY(db.queryInt(QStringLiteral("SELECT count(*) FROM v_goals WHERE progress IS NOT NULL")).value() > 0);
        QVERIFY(db.queryInt(QStringLiteral("SELECT count(*) FROM v_groups WHERE member_count > 0")).value() > 0);
        compareWithCoreRules(db);
        QCOMPARE(db.queryText(QStringLiteral("PRAGMA integrity_check")).value(), QStringLiteral("ok"));
    }

    // What a table reads for every sortable column of every kind, both directions, first
    // page and next ones, with and without a filter: an index walk, never a sort.
    void everySortWalksAnIndex_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("column");
        QTest::addColumn<bool>("descending");
        for (const QString &kind : TableKinds) {
            for (const QString &column : EntityColumns::tableDefaults(kind)) {
                for (const bool descending : { false, true }) {
                    QTest::addRow("%s %s %s", kind.isEmpty() ? "all" : qPrintable(kind), qPrintable(column),
                        descending ? "desc" : "asc")
                        << kind << column << descending;
                }
            }
        }
    }
    void everySortWalksAnIndex()
    {
        QFETCH(QString, kind);
        QFETCH(QString, column);
        QFETCH(bool, descending);
        if (!m_cache) {
            // Filled by a first import, so that the indexes went through BulkIndexes'
            // drop and rebuild as a first sync takes them.
            m_cache = std::move(Cache::open(QStringLiteral(":memory:"))).value();
            CatalogWriter writer(*m_cache);
            QVERIFY(writer.applySourceRun(test::run(QStringLiteral("org"), organisation(7))));
        }
        ExportFilter filter;
        filter.kind = kind;
        filter.sortColumn = column;
        filter.sortDescending = descending;
        const QString index = EntityColumns::sortIndex(kind, column);
        QVERIFY(!index.isEmpty());
        QVERIFY2(m_cache->database()
                     .queryInt(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                                              "AND name = '%1'")
                                   .arg(index))
                     .value()
                == 1,
            qPrintable(index));
        for (const QString &text : { QString(), QStringLiteral("pro"), QStringLiteral("p") }) {
            filter.text = text;
            const EntitySelection selection(filter);
            QCOMPARE(selection.sortIndex(), index);
            // The total, from an index alone.
            const QString count = planOf(m_cache->database(), selection.countSql());
            QVERIFY2(count.contains(QStringLiteral("INDEX ") + EntityColumns::countIndex(kind)), qPrintable(count));
            for (const EntitySelection::Bound bound :
                { EntitySelection::Bound::None, EntitySelection::Bound::After, EntitySelection::Bound::UpTo }) {
                const QString plan
                    = planOf(m_cache->database(), selection.pageSql({ QStringLiteral("e.name") }, bound, 200));
                QVERIFY2(plan.contains(QStringLiteral("INDEX ") + index), qPrintable(plan));
                QVERIFY2(!plan.contains(QStringLiteral("ORDER BY")), qPrintable(plan));
                // Past the first page the index is entered at the last row, not read from its start.
                if (bound == EntitySelection::Bound::After)
                    QVERIFY2(plan.contains(QStringLiteral("SEARCH e USING")), qPrintable(plan));
            }
        }
    }

    void kindsAreWrittenAsLiteralsOnlyFromTheList()
    {
        ExportFilter filter;
        filter.kind = QStringLiteral("Component");
        QVERIFY(EntitySelection(filter).where().contains(u"e.kind = 'component'"));
        filter.kind = QStringLiteral("x' OR 1 --");
        const EntitySelection other(filter);
        QVERIFY(other.where().contains(u"e.kind = ?1"));
        QVERIFY(!other.where().contains(u"OR 1"));
        QVERIFY(other.sortIndex().isEmpty());
        filter.sortColumn = QStringLiteral("nonsense");
        QVERIFY(!EntitySelection(filter).check());
    }

private:
    std::unique_ptr<Cache> m_cache;
};

QTEST_GUILESS_MAIN(TestEntityColumns)
#include "tst_entitycolumns.moc"
