// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/RunChanges.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <vector>

namespace cairn::models {

class BackgroundReader;

// "What changed" on the overview: the entity lines of the latest sync runs, newest run
// first (cache::RunChanges). refresh() inserts a new run's lines at the top and drops the
// lines of runs the log no longer keeps, in place.
class ChangesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangesModel)

public:
    enum Column { When, Source, Change, Name, Kind, ColumnCount };

    // Reads on `cache` (the UI thread's connection) now, with the default bounds.
    explicit ChangesModel(cache::Cache &cache, QObject *parent = nullptr);

    // Bounds and the time filter take effect at the next refresh().
    int maxRuns() const { return m_maxRuns; }
    void setMaxRuns(int runs) { m_maxRuns = runs; }
    int maxLines() const { return m_maxLines; }
    void setMaxLines(int lines) { m_maxLines = lines; }
    const QDateTime &since() const { return m_since; }
    void setSince(const QDateTime &since) { m_since = since; }

    core::Status refresh();
    // The same, read on `reader`'s thread (the window after a sync); the lines change in
    // place when they arrive.
    void refreshOn(BackgroundReader &reader);
    const QString &lastError() const { return m_lastError; }

    // The words a person reads for a line's change ("Removed upstream", ...).
    static QString changeText(const cache::RunChange &line);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void apply(const QList<cache::RunChange> &fresh);

    cache::RunChanges m_reader;
    std::vector<cache::RunChange> m_rows;
    int m_maxRuns = 10;
    int m_maxLines = 500;
    QDateTime m_since;
    QString m_lastError;
};

} // namespace cairn::models
