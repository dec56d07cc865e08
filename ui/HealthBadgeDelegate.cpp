// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/HealthBadgeDelegate.h"

#include "core/HealthWords.h"
#include "core/ScorecardEvaluator.h"
#include "models/ItemRoles.h"
#include "ui/HealthColors.h"

#include <QApplication>
#include <QPainter>

namespace cairn::ui {

HealthBadgeDelegate::HealthBadgeDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

bool HealthBadgeDelegate::isHealth(const QModelIndex &index)
{
    const QAbstractItemModel *model = index.model();
    return model && model->headerData(index.column(), Qt::Horizontal, models::ColumnIdRole).toString() == u"health";
}

void HealthBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant score = index.data(models::ValueRole);
    if (!isHealth(index) || !score.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The row's background and selection first, as for any cell, without its text.
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &base, painter, widget);

    const core::HealthBand band = core::ScorecardEvaluator::bandFor(qRound(score.toDouble()));
    const QString text = index.data(Qt::DisplayRole).toString();
    const QFontMetrics metrics(option.font);
    const int height = metrics.height() + 2;
    const int width = metrics.horizontalAdvance(text) + height;
    QRect badge(0, 0, width, height);
    badge.moveCenter(option.rect.center());
    badge.moveRight(option.rect.right() - 6); // numbers sit on the right, as the header says

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(HealthColors::forBand(band));
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    // White on the three band colours reads at WCAG AA for bold text.
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

QSize HealthBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (isHealth(index))
        size.setWidth(qMax(size.width(), QFontMetrics(option.font).horizontalAdvance(QStringLiteral("100 %")) * 2));
    return size;
}

} // namespace cairn::ui
