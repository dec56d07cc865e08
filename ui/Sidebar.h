// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView>

namespace cairn::ui {

// The sidebar: Overview, then one entry per kind of work with its live count, then
// Removed upstream. Counts are drawn right-aligned in a muted colour; each entry has an
// icon of its own. Over a models::KindCountsModel.
class Sidebar final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sidebar)

public:
    explicit Sidebar(QWidget *parent = nullptr);

    // The view id of the current entry ("overview", "component", ...).
    QString currentViewId() const;
    // Selects the entry with this view id; false when there is none.
    bool selectViewId(const QString &viewId);

    static QIcon iconFor(const QString &viewId);

Q_SIGNALS:
    void viewChosen(const QString &viewId);
};

} // namespace cairn::ui
