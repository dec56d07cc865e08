// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/CatalogQuery.h"
#include "core/AnswerEngine.h"

#include <QAbstractTableModel>

namespace cairn::models {

// The entities of the cache as a table (name, kind, type, status, owner, system, tags),
// filtered by kind, owner or words, loaded page by page with fetchMore so a view over
// 100,000 entities opens at once. Reads through the CatalogQuery of the thread that owns
// the model (the UI thread's read connection).
class EntityTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityTableModel)

public:
    enum Column { Name, Kind, Type, Status, Owner, System, Tags, ColumnCount };

    explicit EntityTableModel(cache::CatalogQuery &query, QObject *parent = nullptr);

    // Replaces the rows by the first page matching `filter` (its limit is the page size,
    // its offset is ignored). Returns the query error, if any; the model is then empty.
    core::Status setFilter(const cache::EntityFilter &filter);
    const cache::EntityFilter &filter() const { return m_filter; }
    // The error of the last page load, shown by the view instead of a silently short table.
    const QString &lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    struct Row
    {
        core::EntitySummary summary;
        QString owner;
        QString system;
        QString tags;
    };

    core::Result<QList<Row>> loadPage(int offset) const;

    cache::CatalogQuery &m_query;
    cache::EntityFilter m_filter;
    QList<Row> m_rows;
    bool m_complete = true;
    bool m_fetching = false; // fetchMore re-entered from rowsInserted handlers must not load twice
    QString m_lastError;
};

} // namespace cairn::models
