// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/AtomicFileWrite.h"
#include "core/CsvWriter.h"
#include "core/ModelCsvExporter.h"

#include <QAbstractItemModelTester>
#include <QAbstractTableModel>
#include <QBuffer>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace cairn::core;

namespace {

struct Component
{
    QString name;
    QString owner;
    QString lifecycle;
    QDate created;
    QStringList tags;
};

enum Column { Name, Owner, Lifecycle, Created, Tags, ColumnCount };

// 95 components with awkward cells; unique creation dates so a sort by date is total.
QList<Component> components()
{
    static const QStringList lifecycles
        = { QStringLiteral("production"), QStringLiteral("experimental"), QStringLiteral("deprecated") };
    static const QStringList awkward = { QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("Amélie, \"la\" vraie"),
        QStringLiteral("東京 🚀"), QStringLiteral("two\nlines"), QStringLiteral("-minus") };
    QList<Component> all;
    for (int i = 0; i < 95; ++i) {
        Component c;
        c.name = i % 10 == 3 ? awkward[(i / 10) % awkward.size()] + QString::number(i)
                             : QStringLiteral("component-%1").arg(i, 3, 10, QLatin1Char('0'));
        c.owner = QStringLiteral("team-%1").arg(i % 4);
        c.lifecycle = lifecycles[i % 3];
        c.created = QDate(2023, 1, 1).addDays((i * 37) % 365);
        if (i % 5)
            c.tags = { QStringLiteral("tag%1").arg(i % 3), QStringLiteral("+plus") };
        all.append(c);
    }
    return all;
}

// A table that hands out its rows in batches of 10, as a cache-backed model does: what is
// not fetched yet is not in rowCount().
class BatchedModel final : public QAbstractTableModel
{
public:
    explicit BatchedModel(QList<Component> rows, int initiallyFetched = 10)
        : m_rows(std::move(rows))
        , m_fetched(std::min<int>(initiallyFetched, m_rows.size()))
    { }

    int fetched() const { return m_fetched; }
    int fetchCalls = 0;
    bool stallFetching = false; // announce more rows but never deliver them

    void append(const Component &component)
    {
        beginInsertRows({}, m_fetched, m_fetched);
        m_rows.insert(m_fetched, component);
        ++m_fetched;
        endInsertRows();
    }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_fetched; }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid))
            return {};
        const Component &c = m_rows[index.row()];
        if (role == Qt::UserRole) {
            // The raw value, as a sort role would carry it.
            switch (index.column()) {
            case Created:
                return c.created;
            case Tags:
                return c.tags;
            default:
                break;
            }
        }
        if (role != Qt::DisplayRole)
            return {};
        switch (index.column()) {
        case Name:
            return c.name;
        case Owner:
            return c.owner;
        case Lifecycle:
            return c.lifecycle;
        case Created:
            return c.created.toString(QStringLiteral("d MMM yyyy")); // what a person reads
        case Tags:
            return c.tags;
        default:
            return {};
        }
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, orientation, role);
        static const QStringList names = { QStringLiteral("Name"), QStringLiteral("Owner"), QStringLiteral("Lifecycle"),
            QStringLiteral("Created"), QStringLiteral("Tags") };
        return names.value(section);
    }

    bool canFetchMore(const QModelIndex &parent) const override
    {
        return !parent.isValid() && m_fetched < m_rows.size();
    }

    void fetchMore(const QModelIndex &parent) override
    {
        // A view (or QAbstractItemModelTester) may ask again from inside rowsInserted;
        // one batch at a time, as a real paging model does.
        if (parent.isValid() || m_inserting)
            return;
        ++fetchCalls;
        if (stallFetching)
            return;
        const int batch = std::min<int>(10, m_rows.size() - m_fetched);
        if (batch <= 0)
            return;
        m_inserting = true;
        beginInsertRows({}, m_fetched, m_fetched + batch - 1);
        m_fetched += batch;
        endInsertRows();
        m_inserting = false;
    }

private:
    QList<Component> m_rows;
    int m_fetched;
    bool m_inserting = false;
};

QByteArray csvOf(const QList<QStringList> &rows, const CsvOptions &options = {})
{
    QByteArray out;
    QBuffer buffer(&out);
    if (!buffer.open(QIODevice::WriteOnly))
        return {};
    CsvWriter writer(buffer, options);
    for (const QStringList &row : rows) {
        if (!writer.writeRow(row))
            return {};
    }
    return writer.finish() ? out : QByteArray();
}

struct Exported
{
    Status status;
    QByteArray bytes;
};

Exported exportModel(ModelCsvExporter &exporter, const CsvOptions &options = {})
{
    Exported result;
    QBuffer buffer(&result.bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return { Error { QStringLiteral("buffer") }, {} };
    result.status = exporter.write(buffer, options);
    return result;
}

} // namespace

class TestModelCsvExporter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureIsAWellBehavedModel()
    {
        {
            BatchedModel model(components());
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            while (model.canFetchMore({}))
                model.fetchMore({});
            QCOMPARE(model.rowCount(), 95);
        }
        {
            BatchedModel model(components());
            QSortFilterProxyModel proxy;
            proxy.setSourceModel(&model);
            proxy.setFilterKeyColumn(Lifecycle);
            proxy.setFilterRegularExpression(QStringLiteral("^(production|experimental)$"));
            proxy.sort(Name);
            QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
            while (proxy.canFetchMore({}))
                proxy.fetchMore({});
            QCOMPARE(model.rowCount(), 95);
        }
    }

    // A view on a filtered, sorted proxy with the Lifecycle column hidden and the others
    // moved: the file holds exactly the rows and columns that view shows, including the
    // rows the source had not fetched yet.
    void exportsWhatTheViewShows()
    {
        const QList<Component> all = components();
        BatchedModel model(all);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterKeyColumn(Lifecycle);
        proxy.setFilterRegularExpression(QStringLiteral("^(production|experimental)$"));
        proxy.setSortRole(Qt::UserRole);
        proxy.sort(Created, Qt::DescendingOrder);
        QCOMPARE(model.fetched(), 10);
        const int shownBefore = proxy.rowCount();

        // Visual order Created, Name, Tags, Owner; Lifecycle hidden.
        const QList<int> columns = { Created, Name, Tags, Owner };
        ModelCsvExporter exporter(proxy);
        exporter.setColumns(columns);
        const Exported out = exportModel(exporter);
        QVERIFY2(out.status, qPrintable(out.status.errorString()));

        // What the view shows, worked out from the data rather than from the proxy.
        QList<Component> shown;
        std::copy_if(all.cbegin(), all.cend(), std::back_inserter(shown),
            [](const Component &c) { return c.lifecycle != u"deprecated"; });
        std::sort(
            shown.begin(), shown.end(), [](const Component &a, const Component &b) { return a.created > b.created; });
        QList<QStringList> expected = { { QStringLiteral("Created"), QStringLiteral("Name"), QStringLiteral("Tags"),
            QStringLiteral("Owner") } };
        for (const Component &c : std::as_const(shown)) {
            expected.append({ c.created.toString(QStringLiteral("d MMM yyyy")), c.name, c.tags.join(u"; "), c.owner });
        }
        QVERIFY(shown.size() > 3 * shownBefore); // most rows were not fetched before the export
        QCOMPARE(exporter.rowsExported(), shown.size());
        QCOMPARE(model.fetched(), all.size());
        const QByteArray expectedBytes = csvOf(expected);
        if (out.bytes != expectedBytes) {
            const QList<QByteArray> got = out.bytes.split('\n');
            const QList<QByteArray> want = expectedBytes.split('\n');
            for (qsizetype i = 0; i < std::min(got.size(), want.size()); ++i)
                QCOMPARE(got[i], want[i]);
            QCOMPARE(got.size(), want.size());
        }
        // Formula cells from the data are neutralised in the file too.
        QVERIFY(out.bytes.contains("'=cmd|' /C calc'!A0"));
        QVERIFY(!out.bytes.contains(",=cmd"));
    }

    void defaultIsEveryColumnInModelOrder()
    {
        BatchedModel model(components());
        ModelCsvExporter exporter(model);
        const Exported out = exportModel(exporter, { CsvOptions::Delimiter::Semicolon, true });
        QVERIFY2(out.status, qPrintable(out.status.errorString()));
        QVERIFY(out.bytes.startsWith("\xEF\xBB\xBFName;Owner;Lifecycle;Created;Tags\r\n"));
        QCOMPARE(exporter.rowsExported(), 95);
        QCOMPARE(model.fetched(), 95);
        QCOMPARE(model.fetchCalls, 9); // 10 + 9 batches: each batch asked for once
    }

    void cellsComeFromTheChosenRole()
    {
        BatchedModel model(components());
        ModelCsvExporter exporter(model);
        exporter.setColumns({ Created, Tags });
        exporter.setRole(Qt::UserRole); // QDate and QStringList values, not display text
        const Exported out = exportModel(exporter);
        QVERIFY2(out.status, qPrintable(out.status.errorString()));
        const QList<QByteArray> lines = out.bytes.split('\n');
        QCOMPARE(lines[0], QByteArray("Created,Tags\r"));
        QCOMPARE(lines[1], QByteArray("2023-01-01,\r")); // row 0: no tags
        QCOMPARE(lines[2], QByteArray("2023-02-07,tag1; +plus\r")); // row 1: list joined
    }

    void progressCountsFetchingThenRows()
    {
        QList<Component> many;
        for (int i = 0; i < 9; ++i)
            many += components(); // 855 rows: several progress steps
        BatchedModel model(many);
        QList<std::pair<qint64, qint64>> calls;
        ModelCsvExporter exporter(model);
        exporter.setProgress([&calls](qint64 done, qint64 total) {
            calls.append({ done, total });
            return true;
        });
        const Exported out = exportModel(exporter);
        QVERIFY2(out.status, qPrintable(out.status.errorString()));
        QVERIFY(!exporter.wasCancelled());

        QVERIFY(!calls.isEmpty());
        QCOMPARE(calls.constLast(), (std::pair<qint64, qint64> { 855, 855 }));
        QVERIFY(calls.constFirst().second == -1); // fetching first, total not known yet
        qint64 lastWhileWriting = -1;
        bool writing = false;
        for (const auto &[done, total] : std::as_const(calls)) {
            if (total == -1) {
                QVERIFY2(!writing, "no fetching once rows are written");
                continue;
            }
            writing = true;
            QCOMPARE(total, 855);
            QVERIFY(done >= lastWhileWriting);
            lastWhileWriting = done;
        }
        QVERIFY(calls.size() >= 4);
    }

    void cancelledByProgressLeavesNoFile()
    {
        QList<Component> many;
        for (int i = 0; i < 9; ++i)
            many += components();
        BatchedModel model(many);
        ModelCsvExporter exporter(model);
        exporter.setProgress([](qint64 done, qint64 total) { return !(total > 0 && done >= 256); });
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cancelled.csv"));
        const Status status = writeFileAtomically(path, [&exporter](QIODevice &file) { return exporter.write(file); });
        QVERIFY(!status);
        QVERIFY(exporter.wasCancelled());
        QVERIFY2(status.errorString().contains(u"cancelled"), qPrintable(status.errorString()));
        QCOMPARE(exporter.rowsExported(), 256);
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
    }

    void cancelledByFlag()
    {
        BatchedModel model(components());
        std::atomic<bool> cancel = true;
        ModelCsvExporter exporter(model);
        exporter.setCancelFlag(&cancel);
        const Exported out = exportModel(exporter);
        QVERIFY(!out.status);
        QVERIFY(exporter.wasCancelled());
        QCOMPARE(exporter.rowsExported(), 0);

        // The same exporter runs again once the flag is down.
        cancel = false;
        const Exported again = exportModel(exporter);
        QVERIFY2(again.status, qPrintable(again.status.errorString()));
        QVERIFY(!exporter.wasCancelled());
        QCOMPARE(exporter.rowsExported(), 95);
    }

    void unknownColumnIsAnError()
    {
        BatchedModel model(components());
        ModelCsvExporter exporter(model);
        exporter.setColumns({ Name, 7 });
        const Exported out = exportModel(exporter);
        QVERIFY(!out.status);
        QVERIFY2(out.status.errorString().contains(u"column 7"), qPrintable(out.status.errorString()));
    }

    void modelThatNeverDeliversIsAnErrorNotAHang()
    {
        BatchedModel model(components());
        model.stallFetching = true;
        ModelCsvExporter exporter(model);
        const Exported out = exportModel(exporter);
        QVERIFY(!out.status);
        QVERIFY2(out.status.errorString().contains(u"after 10"), qPrintable(out.status.errorString()));
        QCOMPARE(model.fetchCalls, 1);
    }

    void filterHidingAWholeBatchIsNotAStall()
    {
        // Rows 10..19 are all filtered out: the proxy does not grow on that fetch, the
        // source does, and the export must go on to the rows after them.
        QList<Component> rows = components();
        for (int i = 10; i < 20; ++i)
            rows[i].lifecycle = QStringLiteral("hidden");
        BatchedModel model(rows);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterKeyColumn(Lifecycle);
        proxy.setFilterRegularExpression(QStringLiteral("^(?!hidden$)"));
        ModelCsvExporter exporter(proxy);
        const Exported out = exportModel(exporter);
        QVERIFY2(out.status, qPrintable(out.status.errorString()));
        QCOMPARE(exporter.rowsExported(), 85);
    }

    void rowsChangingDuringExportIsAnError()
    {
        BatchedModel model(components());
        ModelCsvExporter exporter(model);
        Component extra { QStringLiteral("late"), QStringLiteral("team-x"), QStringLiteral("production"), {}, {} };
        exporter.setProgress([&model, &extra](qint64 done, qint64 total) {
            if (total > 0 && done == 0)
                model.append(extra); // a sync lands while the progress dialog spins the loop
            return true;
        });
        const Exported out = exportModel(exporter);
        QVERIFY(!out.status);
        QVERIFY2(out.status.errorString().contains(u"changed"), qPrintable(out.status.errorString()));
    }

    void manyRows()
    {
        // 100,000 rows x 8 columns through the model interface, for the order of magnitude.
        class WideModel final : public QAbstractTableModel
        {
        public:
            int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 100'000; }
            int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 8; }
            QVariant data(const QModelIndex &index, int role) const override
            {
                if (role != Qt::DisplayRole)
                    return {};
                return QStringLiteral("r%1c%2, text").arg(index.row()).arg(index.column());
            }
        } model;
        ModelCsvExporter exporter(model);
        QElapsedTimer timer;
        timer.start();
        const Exported out = exportModel(exporter);
        QVERIFY2(out.status, qPrintable(out.status.errorString()));
        qInfo(
            "model export, 100000 rows x 8 columns: %lld bytes in %lld ms", qint64(out.bytes.size()), timer.elapsed());
        QCOMPARE(exporter.rowsExported(), 100'000);
        QCOMPARE(out.bytes.count('\n'), 100'001);
    }
};

QTEST_GUILESS_MAIN(TestModelCsvExporter)
#include "tst_modelcsvexporter.moc"
