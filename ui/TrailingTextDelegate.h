// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace cairn::ui {

// A list item with an icon chosen from one of its roles and a short muted text at its
// right edge (a sidebar entry's count, a match's kind), where a person scans for it.
class TrailingTextDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrailingTextDelegate)

public:
    using Text = std::function<QString(const QModelIndex &)>;
    // `iconRole`: a role whose text names an icon (Sidebar::iconFor); -1 for none.
    TrailingTextDelegate(int iconRole, Text trailing, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_iconRole;
    Text m_trailing;
};

} // namespace cairn::ui
