// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EmptyState.h"

#include <QAbstractItemView>
#include <QEvent>

namespace cairn::ui {

EmptyState::EmptyState(QAbstractItemView *view, Message message)
    : QLabel(view->viewport())
    , m_view(view)
    , m_message(std::move(message))
{
    setObjectName(QStringLiteral("emptyState"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setForegroundRole(QPalette::PlaceholderText);
    setMargin(24);
    view->viewport()->installEventFilter(this);
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::modelReset, this, &EmptyState::update);
    connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyState::update);
    connect(model, &QAbstractItemModel::rowsInserted, this, &EmptyState::update);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &EmptyState::update);
    update();
}

void EmptyState::update()
{
    // A message with no words (rows still on their way) shows nothing.
    const QString text = m_view->model() && m_view->model()->rowCount() == 0 ? m_message() : QString();
    if (!text.isEmpty()) {
        setText(text);
        place();
    }
    setVisible(!text.isEmpty());
}

void EmptyState::place()
{
    setGeometry(m_view->viewport()->rect());
}

bool EmptyState::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        place();
    return QLabel::eventFilter(watched, event);
}

} // namespace cairn::ui
