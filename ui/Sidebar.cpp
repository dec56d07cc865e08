// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Sidebar.h"

#include "models/ItemRoles.h"
#include "ui/TrailingTextDelegate.h"

#include <QHash>

namespace cairn::ui {

Sidebar::Sidebar(QWidget *parent)
    : QListView(parent)
{
    setObjectName(QStringLiteral("sidebar"));
    setAccessibleName(tr("Views"));
    // The count at the right edge; none for the overview.
    setItemDelegate(new TrailingTextDelegate(
        models::ViewIdRole,
        [](const QModelIndex &index) {
            const int count = index.data(models::CountRole).toInt();
            return count >= 0 ? QLocale().toString(count) : QString();
        },
        this));
    setUniformItemSizes(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setFrameShape(QFrame::NoFrame);
    setIconSize(QSize(18, 18));
    setMinimumWidth(190);
}

QString Sidebar::currentViewId() const
{
    return currentIndex().data(models::ViewIdRole).toString();
}

bool Sidebar::selectViewId(const QString &viewId)
{
    if (!model())
        return false;
    for (int row = 0; row < model()->rowCount(); ++row) {
        const QModelIndex index = model()->index(row, 0);
        if (index.data(models::ViewIdRole).toString() == viewId) {
            setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

QIcon Sidebar::iconFor(const QString &viewId)
{
    // Delegates ask for an icon on every paint of every row: each SVG is read once.
    static QHash<QString, QIcon> icons;
    auto it = icons.find(viewId);
    if (it == icons.end())
        it = icons.insert(viewId, QIcon(QStringLiteral(":/icons/%1.svg").arg(viewId)));
    return it.value();
}

} // namespace cairn::ui
