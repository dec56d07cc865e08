// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace cairn::ui {

// Draws a table's Health column (models::ColumnIdRole "health": the worst scorecard's
// score) as a badge in its band's colour, with the score on it; every other column, and a
// component no scorecard applies to, as the default delegate does.
class HealthBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthBadgeDelegate)

public:
    explicit HealthBadgeDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static bool isHealth(const QModelIndex &index);
};

} // namespace cairn::ui
