// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

#include <functional>

class QAbstractItemView;

namespace cairn::ui {

// The words an empty view shows in its middle ("No component matches “pay”", "Nothing was
// removed upstream"), so an empty table reads as an answer, not as a fault. It follows the
// view's model and shows itself only while the model has no rows and there is something
// to say (an empty message: the rows are still being read).
class EmptyState final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyState)

public:
    using Message = std::function<QString()>;
    EmptyState(QAbstractItemView *view, Message message);

    // Reads the model again (after a change the model's signals do not tell, e.g. a new filter text).
    void update();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QAbstractItemView *m_view;
    Message m_message;
};

} // namespace cairn::ui
