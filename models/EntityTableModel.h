// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/EntitySelection.h"
#include "cache/ExportFilter.h"
#include "core/EntityRef.h"
#include "core/Result.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace cairn::cache {
class Cache;
class Database;
struct EntityColumn;
} // namespace cairn::cache

namespace cairn::models {

// The live entities of one kind (or of every kind) as a table with that kind's view
// columns (cache::EntityColumns: the columns `cairn export --kind K` writes, without
// removed_at), filtered as you type and sorted in SQL on any column.
//
// Rows come page by page (fetchMore), each page the next rows after the last one held in
// the sort's order (sort keys, then the entity id): an index walk however deep the view
// has scrolled, and no row repeated or skipped when the cache changes between pages.
// refresh() reads again the range it holds and applies only the difference (rows removed,
// inserted, changed or moved), so a view keeps its selection and scroll through a sync.
//
// Reads through the connection of the thread that owns the model (the UI thread's).
class EntityTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityTableModel)

public:
    static constexpr int PageSize = 200;

    explicit EntityTableModel(cache::Cache &cache, QObject *parent = nullptr);

    // A lower-case kind, or empty for every kind; resets. The sort column is kept when the
    // new kind has it, else the table is sorted by name.
    core::Status setKind(const QString &kind);
    // Name and title prefixes and words, as cache::ExportFilter::text; resets.
    core::Status setFilterText(const QString &text);
    // In SQL; resets. A column whose order has no index (cache::EntityColumns::sortIndex)
    // is sorted all the same, by SQLite rather than along an index.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    const QString &kind() const { return m_kind; }
    const QString &filterText() const { return m_text; }

    // The export column names of the kind, in order: section i is columnIds().at(i).
    QStringList columnIds() const;
    // The sections a view shows by default (cache::EntityColumns::tableDefaults).
    QList<int> defaultVisibleColumns() const;
    QString columnId(int section) const;
    // Whether sorting on `section` walks an index (the default visible columns do).
    bool isSortIndexed(int section) const;
    // Kind, text and sort: what ViewExport needs to write the rows shown, in their order.
    cache::ExportFilter exportFilter() const;

    // Reads again the rows held (up to the last one loaded, or a page more when all are)
    // and the total, and applies the difference in place; never resets.
    core::Status refresh();
    // The rows matching kind and filter, loaded or not.
    qint64 totalCount() const { return m_total; }
    // The row of `ref` among the loaded rows; invalid when it is not loaded.
    QModelIndex indexOf(const core::EntityRef &ref) const;
    // The error of the last read, shown by the view instead of a silently short table.
    const QString &lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void totalCountChanged(qint64 count);

private:
    struct Row
    {
        qint64 id = 0;
        core::EntityRef ref;
        QVariantList key; // the sort keys' values, then the id
        QVariantList cells; // as SQL gives them, one per column
    };
    using Bound = cache::EntitySelection::Bound;

    core::Status reload();
    core::Result<QList<Row>> read(Bound bound, const Row *row, int limit) const;
    core::Result<qint64> count() const;
    void applyDifference(QList<Row> fresh);
    void setTotal(qint64 total);
    QVariant display(const cache::EntityColumn &column, const QVariant &value) const;
    cache::EntitySelection selection() const;

    cache::Database &m_db;
    QString m_kind;
    QString m_text;
    QList<const cache::EntityColumn *> m_columns;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<Row> m_rows;
    mutable QHash<QString, int> m_rowOfKey; // ref key -> row, rebuilt when rows change
    bool m_complete = true;
    bool m_busy = false; // fetchMore re-entered from a view's slots must not read twice
    qint64 m_total = 0;
    QString m_lastError;
};

} // namespace cairn::models
