// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>
#include <QStringList>

namespace cairn::cache {
class Cache;
struct KindCounts;
} // namespace cairn::cache

namespace cairn::models {

class BackgroundReader;

// The sidebar: Overview, Health, then one row per kind a person browses (systems and domains
// together), then Removed upstream, each with its count, then the Hygiene report. The rows never change; refresh()
// re-counts and signals only the rows whose count moved, so the selection stays put.
class KindCountsModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KindCountsModel)

public:
    // Counts are read on `cache` (the UI thread's connection), once here and at refresh().
    explicit KindCountsModel(cache::Cache &cache, QObject *parent = nullptr);

    core::Status refresh();
    // The same, read on `reader`'s thread: the window after a sync, when a count over the
    // whole catalog must not hold up its UI thread. The counts change when they arrive.
    void refreshOn(BackgroundReader &reader);
    const QString &lastError() const { return m_lastError; }

    // The row whose ViewIdRole is `viewId`; -1 when there is none.
    int rowOf(QStringView viewId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void apply(const cache::KindCounts &counts);

    struct Row
    {
        QString viewId;
        QString label;
        QStringList kinds;
        int count = -1;
    };

    cache::Cache &m_cache;
    QList<Row> m_rows;
    QString m_lastError;
};

} // namespace cairn::models
