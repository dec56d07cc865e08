// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"
#include "core/HygieneItem.h"

#include <QAbstractTableModel>
#include <QDate>

#include <vector>

namespace cairn::cache {
class Cache;
}

namespace cairn::models {

class BackgroundReader;

// The directory hygiene report (cache::readHygieneReport) as a table: one row per finding,
// in the report's order (core::hygieneOrder), with the category as a column so a view can
// sort on any column (SortRole) and still group by category. The report goes over the
// whole catalog, so it is read on a BackgroundReader of its own; the rows arrive with
// readFinished, and a refresh merges them in place (removed and inserted runs, no reset),
// so a selection survives a sync.
class HygieneModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HygieneModel)

public:
    enum Column { Problem, Name, Kind, Why, Reference, ColumnCount };

    // Starts the first read, judged on `today` with `staleDays` (core::AnswerOptions).
    explicit HygieneModel(
        cache::Cache &cache, QDate today = core::clock::today(), int staleDays = 14, QObject *parent = nullptr);
    ~HygieneModel() override;

    // The day dates are judged on and the stale days (core::AnswerOptions); read again when
    // they change.
    void setToday(QDate today, int staleDays = 14);
    QDate today() const { return m_today; }

    // Reads the report again (after a commit); a read asked for while one is running runs
    // once more after it.
    void refresh();
    bool isReading() const { return m_reading; }
    // True once a read has arrived (rows or an error).
    bool isLoaded() const { return m_loaded; }
    const QString &lastError() const { return m_lastError; }
    const core::HygieneItem &item(int row) const { return m_rows.at(std::size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void readFinished();

private:
    void apply(core::Result<QList<core::HygieneItem>> fresh);

    BackgroundReader *m_reader;
    std::vector<core::HygieneItem> m_rows;
    QDate m_today;
    int m_staleDays;
    bool m_reading = false;
    bool m_readAgain = false;
    bool m_loaded = false;
    QString m_lastError;
};

} // namespace cairn::models
