// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/CsvOptions.h"
#include "core/Result.h"

#include <QList>
#include <Qt>

#include <atomic>
#include <functional>

class QAbstractItemModel;
class QIODevice;

namespace cairn::core {

class CsvWriter;

// Exports exactly what a table view shows: the top-level rows of any tabular model in the
// model's order (so a QSortFilterProxyModel's filter and sort apply), its visible columns
// in visual order, a header row from headerData(). Rows the model has not fetched yet are
// fetched first (canFetchMore/fetchMore), so the file is complete, not "what was scrolled".
//
// Runs in the model's thread. Cancellation is a Progress returning false or a flag set
// from anywhere; a cancelled export returns an error, so the file export it runs inside
// writes no file.
class ModelCsvExporter final
{
public:
    // rowsDone of rowsTotal, called every few hundred rows and once at the end. While the
    // model is still fetching, rowsTotal is -1 and rowsDone counts the rows fetched so far.
    // Returning false cancels the export.
    using Progress = std::function<bool(qint64 rowsDone, qint64 rowsTotal)>;

    explicit ModelCsvExporter(QAbstractItemModel &model);
    Q_DISABLE_COPY_MOVE(ModelCsvExporter)

    // Logical column indexes in visual order with the hidden ones left out, as a view's
    // header gives them (QHeaderView::logicalIndex(visual) for each visible section).
    // Empty, the default: every column in model order.
    void setColumns(QList<int> columns) { m_columns = std::move(columns); }
    // The role the cells are read from; Qt::DisplayRole by default. QDate, QDateTime and
    // list values are formatted as CsvWriter::formatValue() says.
    void setRole(int role) { m_role = role; }
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // Not owned; must outlive write(). Cancels the export once it reads true.
    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }

    // Writes the header and every row, then finishes the writer.
    Status write(QIODevice &device, const CsvOptions &options = {});
    // Writes the header and every row to a writer the caller finishes.
    Status write(CsvWriter &writer);

    // Whether the last write() stopped because it was cancelled.
    bool wasCancelled() const { return m_cancelled; }
    // Data rows (header not counted) written by the last write().
    qint64 rowsExported() const { return m_rowsExported; }

private:
    Status fetchAllRows();
    Result<QList<int>> resolvedColumns() const;
    bool keepGoing(qint64 done, qint64 total);

    QAbstractItemModel &m_model;
    QList<int> m_columns;
    int m_role = Qt::DisplayRole;
    Progress m_progress;
    const std::atomic<bool> *m_cancel = nullptr;
    bool m_cancelled = false;
    qint64 m_rowsExported = 0;
};

} // namespace cairn::core
