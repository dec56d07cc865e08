// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/AnswerEngine.h"

#include <QTableView>

class QSortFilterProxyModel;

namespace cairn::cache {
class Cache;
}
namespace cairn::models {
class HygieneModel;
}

namespace cairn::ui {

class EmptyState;

// The Hygiene view: the directory hygiene report (models::HygieneModel), one row per
// finding with its problem, the entity and why, sortable on every column (by problem at
// first, which keeps the report's categories together and in order). The current row shows
// its entity in the detail pane, and double-click or Enter opens it (entityActivated), as
// the other views do. Says so when the catalog is clean.
class HygieneView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HygieneView)

public:
    explicit HygieneView(cache::Cache &cache, QWidget *parent = nullptr);

    // Reads the report the first time the view is opened: a window may never show it, and
    // the read goes over the whole catalog.
    void open();
    // Reads it again (the cache changed); nothing until it was opened.
    void refresh();
    // "Today" for stale and overdue projects.
    void setAnswerOptions(const core::AnswerOptions &options);
    bool isReading() const;

    // Null until open().
    models::HygieneModel *report() const { return m_report; }
    // The rows as the view orders them, for the CSV export.
    QAbstractItemModel *shownModel() const;
    // Selects the row of `ref` (its first finding), if it has one.
    void selectRef(const core::EntityRef &ref);

Q_SIGNALS:
    void entityActivated(const core::EntityRef &ref);

private:
    cache::Cache &m_cache;
    core::AnswerOptions m_options;
    models::HygieneModel *m_report = nullptr;
    QSortFilterProxyModel *m_sorted;
    EmptyState *m_empty;
};

} // namespace cairn::ui
