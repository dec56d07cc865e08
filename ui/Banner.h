// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QList>

class QAction;
class QHBoxLayout;
class QLabel;

namespace cairn::ui {

// The strip above the views that says what a person should know now: the sample in use, a
// failed or held sync. It offers what can be done about it
// (Retry, Review…) as buttons next to the words, and can always be dismissed.
class Banner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Banner)

public:
    explicit Banner(QWidget *parent = nullptr);

    // Shows `text` with a button for each action (the actions stay owned by the caller);
    // an empty text hides the banner.
    void showMessage(const QString &text, const QList<QAction *> &actions = {});
    QString text() const;
    // The buttons' actions, in order, while the banner shows.
    const QList<QAction *> &actions() const { return m_actions; }

private:
    QLabel *m_text = nullptr;
    QHBoxLayout *m_buttons = nullptr;
    QList<QAction *> m_actions;
};

} // namespace cairn::ui
