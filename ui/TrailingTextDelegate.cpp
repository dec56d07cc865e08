// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/TrailingTextDelegate.h"

#include "ui/Sidebar.h"

#include <QApplication>
#include <QPainter>

namespace cairn::ui {

TrailingTextDelegate::TrailingTextDelegate(int iconRole, Text trailing, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_iconRole(iconRole)
    , m_trailing(std::move(trailing))
{ }

void TrailingTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (m_iconRole >= 0) {
        opt.decorationSize = QSize(18, 18);
        opt.icon = Sidebar::iconFor(index.data(m_iconRole).toString().toLower());
        opt.features |= QStyleOptionViewItem::HasDecoration;
    }
    const QString trailing = m_trailing ? m_trailing(index) : QString();
    const int trailingWidth = trailing.isEmpty() ? 0 : opt.fontMetrics.horizontalAdvance(trailing) + 20;
    // The item's own text stops before the trailing text rather than running under it.
    opt.rect.setRight(opt.rect.right() - trailingWidth);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    QStyleOptionViewItem full = opt;
    full.rect = option.rect;
    full.text.clear();
    full.icon = {};
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &full, painter, widget);
    opt.state &= ~QStyle::State_HasFocus;
    opt.backgroundBrush = Qt::NoBrush;
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (trailing.isEmpty())
        return;
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->drawText(option.rect.adjusted(0, 0, -10, 0), Qt::AlignRight | Qt::AlignVCenter, trailing);
    painter->restore();
}

QSize TrailingTextDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 12));
    return size;
}

} // namespace cairn::ui
