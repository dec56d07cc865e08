// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/HealthResult.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;

namespace cairn::cache {
class Cache;
}
namespace cairn::models {
class EntityTableModel;
}

namespace cairn::ui {

class EmptyState;

// One kind's table: a filter box that filters as you type, a column chooser, the count,
// and the rows, sorted and filtered in SQL by the model (no proxy over 100,000 rows).
// Each kind remembers its columns, their order and widths, and its sort (QSettings).
class EntityTableView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityTableView)

public:
    explicit EntityTableView(cache::Cache &cache, QWidget *parent = nullptr);
    ~EntityTableView() override;

    // Shows `kind` (lower-case, empty for every kind) with its remembered layout.
    void setKind(const QString &kind);
    QString kind() const;

    models::EntityTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QToolButton *columnsButton() const { return m_columns; }

    // The visible columns' export names, in the order shown.
    QStringList visibleColumnIds() const;
    core::EntityRef currentRef() const;
    // Selects the row of `ref` when it is loaded (no page is read to find it), or when the
    // rows being read arrive with it.
    bool selectRef(const core::EntityRef &ref);
    // After the cache changed: rows are updated in place, selection and scroll kept.
    void refresh();
    void focusFilter();

    // Narrows the table to one owner's entities (or those without an owner) and a health
    // band (of `scorecard`, or the worst), as the health dashboard asks; a chip above the
    // rows says so in `label` and clears it. A new kind clears it too.
    void setScope(const core::EntityRef &owner, bool withoutOwner, std::optional<core::HealthBand> band,
        const QString &scorecard, const QString &label);
    void clearScope();
    // The chip's words; empty when the table is not narrowed.
    QString scopeLabel() const;
    QToolButton *scopeChip() const { return m_scope; }

Q_SIGNALS:
    void currentEntityChanged(const cairn::core::EntityRef &ref);
    // Enter or a double click on a row.
    void entityActivated(const cairn::core::EntityRef &ref);
    void statusMessage(const QString &message);

private:
    void applyFilter();
    void saveLayout();
    void restoreLayout();
    void rebuildColumnsMenu();
    void updateCount();
    void showError(const QString &error);

    models::EntityTableModel *m_model;
    QLineEdit *m_filter;
    QToolButton *m_columns;
    QToolButton *m_scope;
    QLabel *m_count;
    QLabel *m_error;
    QTableView *m_table;
    QTimer *m_filterDelay;
    EmptyState *m_empty = nullptr;
    bool m_restoring = false;
    core::EntityRef m_wantedRef; // to select when the rows being read arrive
};

} // namespace cairn::ui
