// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/RemovedEntities.h"

#include <QAbstractTableModel>

#include <vector>

namespace cairn::models {

// "Removed upstream": every tombstone, newest removal first, loaded page by page with
// fetchMore (keyset, no cap). refresh() keeps the rows a view has loaded in step with the
// cache: new tombstones inserted at the top, restored or purged ones removed.
class RemovedModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemovedModel)

public:
    enum Column { Name, Kind, Removed, Source, Run, Owner, ColumnCount };

    // Reads the first `pageSize` rows on `cache` (the UI thread's connection) now.
    explicit RemovedModel(cache::Cache &cache, int pageSize = 200, QObject *parent = nullptr);

    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }

    // Reads again as many rows as are loaded (at least a page) and merges them in place.
    core::Status refresh();
    const QString &lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    cache::RemovedEntities m_reader;
    std::vector<cache::RemovedEntity> m_rows;
    int m_pageSize;
    bool m_complete = false;
    bool m_fetching = false; // fetchMore re-entered from a rowsInserted handler must not load twice
    QString m_lastError;
};

} // namespace cairn::models
