// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ModelCsvExporter.h"

#include "core/CsvWriter.h"

#include <QAbstractItemModel>
#include <QAbstractProxyModel>
#include <QObject>
#include <QStringList>

namespace cairn::core {

namespace {

// Progress is reported this often: often enough for a progress bar, rarely enough that a
// callback which processes events does not dominate the export.
constexpr int ProgressEveryRows = 256;

const QAbstractItemModel *innermostSource(const QAbstractItemModel *model)
{
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model)) {
        if (!proxy->sourceModel())
            break;
        model = proxy->sourceModel();
    }
    return model;
}

Error cancelledError()
{
    return Error { QStringLiteral("the export was cancelled") };
}

} // namespace

ModelCsvExporter::ModelCsvExporter(QAbstractItemModel &model)
    : m_model(model)
{ }

Status ModelCsvExporter::write(QIODevice &device, const CsvOptions &options)
{
    CsvWriter writer(device, options);
    if (Status status = write(writer); !status)
        return status;
    return writer.finish();
}

Status ModelCsvExporter::write(CsvWriter &writer)
{
    m_cancelled = false;
    m_rowsExported = 0;

    if (Status fetched = fetchAllRows(); !fetched)
        return fetched;
    const Result<QList<int>> columns = resolvedColumns();
    if (!columns)
        return columns.error();

    const QModelIndex root;
    QStringList fields;
    fields.resize(columns->size());
    for (qsizetype i = 0; i < columns->size(); ++i)
        fields[i] = CsvWriter::formatValue(m_model.headerData(columns->at(i), Qt::Horizontal, Qt::DisplayRole));
    if (Status status = writer.writeRow(fields); !status)
        return status;

    // A row inserted, removed or moved while we write (a sync landing, a re-sort while the
    // progress callback runs the event loop) would duplicate or drop rows silently.
    bool reshaped = false;
    QObject watch;
    const auto markReshaped = [&reshaped] { reshaped = true; };
    QObject::connect(&m_model, &QAbstractItemModel::rowsInserted, &watch, markReshaped);
    QObject::connect(&m_model, &QAbstractItemModel::rowsRemoved, &watch, markReshaped);
    QObject::connect(&m_model, &QAbstractItemModel::rowsMoved, &watch, markReshaped);
    QObject::connect(&m_model, &QAbstractItemModel::columnsInserted, &watch, markReshaped);
    QObject::connect(&m_model, &QAbstractItemModel::columnsRemoved, &watch, markReshaped);
    QObject::connect(&m_model, &QAbstractItemModel::columnsMoved, &watch, markReshaped);
    QObject::connect(&m_model, &QAbstractItemModel::layoutChanged, &watch, markReshaped);
    QObject::connect(&m_model, &QAbstractItemModel::modelReset, &watch, markReshaped);

    const int rows = m_model.rowCount(root);
    if (!keepGoing(0, rows))
        return cancelledError();
    for (int row = 0; row < rows; ++row) {
        for (qsizetype i = 0; i < columns->size(); ++i)
            fields[i] = CsvWriter::formatValue(m_model.data(m_model.index(row, columns->at(i), root), m_role));
        if (Status status = writer.writeRow(fields); !status)
            return status;
        ++m_rowsExported;
        if ((row + 1) % ProgressEveryRows == 0 && row + 1 < rows && !keepGoing(row + 1, rows))
            return cancelledError();
        if (reshaped)
            return Error { QStringLiteral("the rows changed during the export; export again") };
    }
    if (!keepGoing(rows, rows))
        return cancelledError();
    return writer.status();
}

Status ModelCsvExporter::fetchAllRows()
{
    const QModelIndex root;
    const QAbstractItemModel *source = innermostSource(&m_model);
    while (m_model.canFetchMore(root)) {
        const int before = m_model.rowCount(root);
        // Behind a filter a whole batch may be hidden, so progress is judged at the source.
        const int sourceBefore = source->rowCount(root);
        m_model.fetchMore(root);
        const int after = m_model.rowCount(root);
        // A paged model learns it is complete only when a page comes back empty: then it
        // stops announcing more, and that is the end, not a stall.
        if (after == before && source->rowCount(root) == sourceBefore && m_model.canFetchMore(root)) {
            // A model that fetches asynchronously delivers later; exporting what is there
            // would silently drop rows.
            return Error { QStringLiteral("the table stopped delivering rows after %1 while more were announced; "
                                          "wait until it has loaded and export again")
                               .arg(after) };
        }
        if (!keepGoing(after, -1))
            return cancelledError();
    }
    return {};
}

Result<QList<int>> ModelCsvExporter::resolvedColumns() const
{
    const int count = m_model.columnCount(QModelIndex());
    if (m_columns.isEmpty()) {
        QList<int> all(count);
        for (int i = 0; i < count; ++i)
            all[i] = i;
        return all;
    }
    for (const int column : m_columns) {
        if (column < 0 || column >= count)
            return Error {
                QStringLiteral("column %1 does not exist: the table has %2 columns").arg(column).arg(count)
            };
    }
    return m_columns;
}

bool ModelCsvExporter::keepGoing(qint64 done, qint64 total)
{
    // Progress is not reported once cancelled.
    if ((m_cancel && m_cancel->load(std::memory_order_relaxed)) || (m_progress && !m_progress(done, total)))
        m_cancelled = true;
    return !m_cancelled;
}

} // namespace cairn::core
