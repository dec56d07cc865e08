// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/ViewExport.h"
#include "core/CsvWriter.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

class TestViewExport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Cache> m_cache;

    QByteArray exported(
        const ExportFilter &filter, const QStringList &columns = {}, const core::CsvOptions &options = {})
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        core::CsvWriter writer(buffer, options);
        ViewExport exporter(*m_cache);
        core::Result<qint64> rows = exporter.write(filter, columns, writer);
        if (!rows)
            qWarning("%s", qPrintable(rows.errorString()));
        return rows ? buffer.data() : QByteArray("<failed>");
    }

    static ExportFilter ofKind(const QString &kind, bool includeRemoved = false)
    {
        ExportFilter filter;
        filter.kind = kind;
        filter.includeRemoved = includeRemoved;
        return filter;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cache = std::move(Cache::open(QStringLiteral(":memory:"))).value();
        CatalogWriter writer(*m_cache);
        core::SourcedEntity checkout = test::component(QStringLiteral("checkout"), QStringLiteral("team-a"),
            QJsonObject { { QStringLiteral("title"), QStringLiteral("=HYPERLINK(\"http://x\")") },
                { QStringLiteral("tags"), QJsonArray { QStringLiteral("web"), QStringLiteral("paiement") } },
                { QStringLiteral("description"), QStringLiteral("Takes the money, \"fast\"") } });
        QJsonObject doc = checkout.entity.document();
        QJsonObject spec = doc.value(QStringLiteral("spec")).toObject();
        spec.insert(QStringLiteral("system"), QStringLiteral("payments"));
        doc.insert(QStringLiteral("spec"), spec);
        checkout.entity = core::Entity(doc);
        QList<core::SourcedEntity> entities {
            checkout,
            test::component(QStringLiteral("ledger"), QStringLiteral("team-b"),
                QJsonObject { { QStringLiteral("title"), QStringLiteral("Grand livre") },
                    { QStringLiteral("description"), QStringLiteral("Double-entry records") } }),
            test::component(QStringLiteral("gone")),
            test::group(QStringLiteral("team-a"), QStringLiteral("Équipe Paiements")),
            test::entity(QStringLiteral("Goal"), QStringLiteral("grow"),
                QJsonObject { { QStringLiteral("owner"), QStringLiteral("team-a") },
                    { QStringLiteral("status"), QStringLiteral("on-track") },
                    { QStringLiteral("progress"),
                        QJsonObject { { QStringLiteral("current"), 3.1 }, { QStringLiteral("target"), 4 },
                            { QStringLiteral("unit"), QStringLiteral("%") } } } }),
        };
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("files"), entities)));
        entities.removeAt(2);
        SourceRunInput again = test::run(QStringLiteral("files"), entities);
        again.allowRemovals = true;
        QVERIFY(writer.applySourceRun(again));
    }

    void componentsWithDefaultColumns()
    {
        QCOMPARE(exported(ofKind(QStringLiteral("Component"))),
            // No scorecards installed here: the health columns are empty, and there are no
            // per-scorecard ones (tst_healthcommand has them).
            QByteArray("ref,name,title,type,lifecycle,owner,system,tags,health,health_band\r\n"
                       "Component:default/checkout,checkout,\"'=HYPERLINK(\"\"http://x\"\")\",service,production,"
                       "group:default/team-a,payments,web; paiement,,\r\n"
                       "Component:default/ledger,ledger,Grand livre,service,production,group:default/team-b,,,,\r\n"));
    }

    void everyKindWithDefaultColumns()
    {
        QCOMPARE(exported({}),
            QByteArray(
                "ref,kind,name,title,type,lifecycle,status,owner,system,tags\r\n"
                "Component:default/checkout,Component,checkout,\"'=HYPERLINK(\"\"http://x\"\")\",service,"
                "production,,group:default/team-a,payments,web; paiement\r\n"
                "Component:default/ledger,Component,ledger,Grand livre,service,production,,group:default/team-b,,\r\n"
                "Goal:default/grow,Goal,grow,,,,on-track,group:default/team-a,,\r\n"
                "Group:default/team-a,Group,team-a,,team,,,,,\r\n"));
    }

    void chosenColumnsBomAndDelimiter()
    {
        core::CsvOptions options;
        options.byteOrderMark = true;
        options.delimiter = core::CsvOptions::Delimiter::Semicolon;
        QCOMPARE(exported(ofKind(QStringLiteral("group")), { QStringLiteral("display_name"), QStringLiteral("email") },
                     options),
            QByteArray("\xEF\xBB\xBF"
                       "display_name;email\r\n"
                       "\xC3\x89quipe Paiements;team-a@example.com\r\n"));
        options.byteOrderMark = false;
        options.delimiter = core::CsvOptions::Delimiter::Tab;
        QCOMPARE(exported(ofKind(QStringLiteral("goal")),
                     { QStringLiteral("name"), QStringLiteral("progress_current"), QStringLiteral("progress_target"),
                         QStringLiteral("progress_unit"), QStringLiteral("description") },
                     options),
            QByteArray("name\tprogress_current\tprogress_target\tprogress_unit\tdescription\r\n"
                       "grow\t3.1\t4\t%\t\r\n"));
    }

    void filters()
    {
        ExportFilter byOwner = ofKind(QStringLiteral("component"));
        byOwner.owner = core::EntityRef::parse(QStringLiteral("group:default/team-b")).value();
        QCOMPARE(exported(byOwner, { QStringLiteral("ref") }), QByteArray("ref\r\nComponent:default/ledger\r\n"));

        ExportFilter byText;
        byText.text = QStringLiteral("double");
        QCOMPARE(exported(byText, { QStringLiteral("ref") }), QByteArray("ref\r\nComponent:default/ledger\r\n"));
        byText.text = QStringLiteral("monEY"); // description, case-insensitive prefix
        QCOMPARE(exported(byText, { QStringLiteral("ref") }), QByteArray("ref\r\nComponent:default/checkout\r\n"));
        byText.text = QStringLiteral("nothing-like-this");
        QCOMPARE(exported(byText, { QStringLiteral("ref") }), QByteArray("ref\r\n"));
    }

    void includeRemovedAddsTombstones()
    {
        QCOMPARE(exported(ofKind(QStringLiteral("component")), { QStringLiteral("ref") }),
            QByteArray("ref\r\nComponent:default/checkout\r\nComponent:default/ledger\r\n"));
        const QByteArray all = exported(
            ofKind(QStringLiteral("component"), true), { QStringLiteral("ref"), QStringLiteral("removed_at") });
        const QList<QByteArray> lines = all.split('\n');
        QCOMPARE(lines.size(), 5); // header, 3 rows, and the empty piece after the last CRLF
        QCOMPARE(lines.at(0), QByteArray("ref,removed_at\r"));
        QCOMPARE(lines.at(1), QByteArray("Component:default/checkout,\r"));
        QVERIFY2(lines.at(2).startsWith("Component:default/gone,20"), lines.at(2).constData());
        QCOMPARE(lines.at(3), QByteArray("Component:default/ledger,\r"));
        QCOMPARE(ViewExport::defaultColumns(u"component", true).constLast(), QStringLiteral("removed_at"));
    }

    void unknownColumnListsValidOnes()
    {
        const core::Status status
            = ViewExport::checkColumns(u"user", { QStringLiteral("ref"), QStringLiteral("lifecycle") });
        QVERIFY(!status);
        QVERIFY2(status.errorString().contains(u"\"lifecycle\""), qPrintable(status.errorString()));
        QVERIFY2(status.errorString().contains(u"ref, name, display_name, email, member_of, removed_at"),
            qPrintable(status.errorString()));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        core::CsvWriter writer(buffer);
        QVERIFY(!ViewExport(*m_cache).write(ofKind(QStringLiteral("user")), { QStringLiteral("owner") }, writer));
        QVERIFY(buffer.data().isEmpty());
    }

    // The export computes the views' columns itself (to reach tombstones); they must stay
    // the views' columns, with the same values, for every kind.
    void columnsAndValuesMatchTheViews_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *kind :
            { "", "component", "api", "resource", "system", "domain", "group", "user", "project", "goal" })
            QTest::newRow(*kind ? kind : "all") << QString::fromLatin1(kind);
    }
    void columnsAndValuesMatchTheViews()
    {
        QFETCH(QString, kind);
        const QString view = ViewExport::viewFor(kind);
        auto info = m_cache->database().prepare(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(view));
        QVERIFY(info);
        QStringList viewColumns;
        while (*info->step() == Statement::Step::Row)
            viewColumns.append(info->text(0));
        QStringList columns = ViewExport::columns(kind);
        QCOMPARE(columns.takeLast(), QStringLiteral("removed_at"));
        QCOMPARE(columns, viewColumns);

        auto rows = m_cache->database().prepare(QStringLiteral("SELECT * FROM %1 ORDER BY lower(ref)").arg(view));
        QVERIFY(rows);
        QBuffer fromView;
        fromView.open(QIODevice::WriteOnly);
        // Tabs, so that a list cell is quoted the same whichever separator joins it.
        core::CsvOptions tabs;
        tabs.delimiter = core::CsvOptions::Delimiter::Tab;
        core::CsvWriter viewWriter(fromView, tabs);
        QVERIFY(viewWriter.writeRow(columns));
        while (*rows->step() == Statement::Step::Row) {
            QStringList cells;
            for (int i = 0; i < rows->columnCount(); ++i)
                cells.append(rows->text(i));
            QVERIFY(viewWriter.writeRow(cells));
        }
        QVERIFY(viewWriter.finish());
        // Lists are joined with "; " in a CSV, ", " in the views.
        QByteArray expected = fromView.data();
        QCOMPARE(exported(ofKind(kind), columns, tabs).replace("; ", ", "), expected.replace("; ", ", "));
    }

    // Schema 4's columns: a project's last update and slips, a goal's progress in percent
    // (its own figures), a group's member count.
    void derivedColumns()
    {
        auto cache = std::move(Cache::open(QStringLiteral(":memory:"))).value();
        const auto update = [](const char *date, const char *target) {
            return QJsonObject { { QStringLiteral("date"), QString::fromLatin1(date) },
                { QStringLiteral("targetDate"), QString::fromLatin1(target) } };
        };
        QJsonObject group = test::group(QStringLiteral("payments"), QStringLiteral("Payments")).entity.document();
        QJsonObject groupSpec = group.value(QStringLiteral("spec")).toObject();
        groupSpec.insert(QStringLiteral("members"), QJsonArray { QStringLiteral("amina"), QStringLiteral("jdoe") });
        group.insert(QStringLiteral("spec"), groupSpec);
        QList<core::SourcedEntity> entities {
            test::entity(QStringLiteral("Project"), QStringLiteral("revamp"),
                QJsonObject { { QStringLiteral("targetDate"), QStringLiteral("2027-01-15") },
                    { QStringLiteral("updates"),
                        // Out of order on purpose: the newest is the middle one.
                        QJsonArray { update("2026-10-02", "2026-12-01"), update("2026-11-20", "2027-01-15"),
                            update("2026-10-20", "2026-12-01") } } }),
            test::entity(QStringLiteral("Project"), QStringLiteral("quiet"), QJsonObject {}),
            test::entity(QStringLiteral("Goal"), QStringLiteral("grow"),
                QJsonObject { { QStringLiteral("progress"),
                    QJsonObject { { QStringLiteral("current"), 3 }, { QStringLiteral("target"), 4 } } } }),
            test::entity(QStringLiteral("Goal"), QStringLiteral("finished"),
                QJsonObject { { QStringLiteral("status"), QStringLiteral("done") } }),
            test::entity(QStringLiteral("Goal"), QStringLiteral("vague"), QJsonObject {}),
            core::SourcedEntity { core::Entity(group), {} },
        };
        QVERIFY(CatalogWriter(*cache).applySourceRun(test::run(QStringLiteral("files"), entities)));
        const auto csv = [&](const QString &kind, const QStringList &columns) {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            core::CsvWriter writer(buffer);
            ExportFilter filter;
            filter.kind = kind;
            return ViewExport(*cache).write(filter, columns, writer) ? buffer.data() : QByteArray("<failed>");
        };
        QCOMPARE(csv(QStringLiteral("project"),
                     { QStringLiteral("name"), QStringLiteral("last_update"), QStringLiteral("slips") }),
            QByteArray("name,last_update,slips\r\nquiet,,0\r\nrevamp,2026-11-20,1\r\n"));
        QCOMPARE(csv(QStringLiteral("goal"), { QStringLiteral("name"), QStringLiteral("progress") }),
            QByteArray("name,progress\r\nfinished,100.0\r\ngrow,75.0\r\nvague,\r\n"));
        QCOMPARE(csv(QStringLiteral("group"),
                     { QStringLiteral("name"), QStringLiteral("members"), QStringLiteral("member_count") }),
            QByteArray("name,members,member_count\r\npayments,amina; jdoe,2\r\n"));
        for (const char *column : { "last_update", "slips" })
            QVERIFY(ViewExport::columns(u"project").contains(QLatin1StringView(column)));
        QVERIFY(ViewExport::columns(u"goal").contains(QStringLiteral("progress")));
        QVERIFY(ViewExport::columns(u"group").contains(QStringLiteral("member_count")));
    }

    // The order of a sort column (the desktop's table's), then the entity id; none: kind, then name.
    void sortedByAColumn()
    {
        ExportFilter filter = ofKind(QStringLiteral("component"));
        filter.sortColumn = QStringLiteral("title");
        QCOMPARE(exported(filter, { QStringLiteral("name") }), QByteArray("name\r\ncheckout\r\nledger\r\n"));
        filter.sortDescending = true;
        QCOMPARE(exported(filter, { QStringLiteral("name") }), QByteArray("name\r\nledger\r\ncheckout\r\n"));
        filter.sortColumn = QStringLiteral("owner");
        QCOMPARE(exported(filter, { QStringLiteral("name") }), QByteArray("name\r\nledger\r\ncheckout\r\n"));

        ExportFilter everything;
        everything.sortColumn = QStringLiteral("kind");
        everything.sortDescending = true;
        QCOMPARE(exported(everything, { QStringLiteral("name") }),
            QByteArray("name\r\nteam-a\r\ngrow\r\nledger\r\ncheckout\r\n"));

        filter.sortColumn = QStringLiteral("members"); // not a component's column
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        core::CsvWriter writer(buffer);
        const core::Result<qint64> refused = ViewExport(*m_cache).write(filter, {}, writer);
        QVERIFY(!refused);
        QVERIFY2(refused.errorString().contains(u"members"), qPrintable(refused.errorString()));
    }

    void progressAndCancel()
    {
        ViewExport exporter(*m_cache);
        QList<std::pair<qint64, qint64>> calls;
        exporter.setProgress([&](qint64 done, qint64 total) {
            calls.append({ done, total });
            return true;
        });
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        core::CsvWriter writer(buffer);
        QCOMPARE(*exporter.write({}, {}, writer), qint64(4));
        QCOMPARE(calls.constLast(), (std::pair<qint64, qint64>(4, 4)));

        exporter.setProgress([](qint64, qint64) { return false; });
        QBuffer other;
        other.open(QIODevice::WriteOnly);
        core::CsvWriter cancelled(other);
        core::Result<qint64> result = exporter.write({}, {}, cancelled);
        QVERIFY(!result);
        QVERIFY(result.errorString().contains(u"cancelled"));
    }

    void documentsAndKinds()
    {
        ViewExport exporter(*m_cache);
        QStringList seen;
        core::Result<qint64> n = exporter.forEachDocument(ofKind({}, true), [&](const QByteArray &doc, bool removed) {
            seen.append(QJsonDocument::fromJson(doc)
                            .object()
                            .value(QStringLiteral("metadata"))
                            .toObject()
                            .value(QStringLiteral("name"))
                            .toString()
                + (removed ? QStringLiteral("(removed)") : QString()));
            return core::Status();
        });
        QVERIFY(n);
        QCOMPARE(*n, qint64(5));
        QCOMPARE(seen,
            (QStringList { QStringLiteral("checkout"), QStringLiteral("gone(removed)"), QStringLiteral("ledger"),
                QStringLiteral("grow"), QStringLiteral("team-a") }));
        QCOMPARE(*exporter.kinds({}),
            (QStringList { QStringLiteral("component"), QStringLiteral("goal"), QStringLiteral("group") }));
        QCOMPARE(*exporter.count(ofKind(QStringLiteral("component"), true)), qint64(3));
    }
};

QTEST_GUILESS_MAIN(TestViewExport)
#include "tst_viewexport.moc"
