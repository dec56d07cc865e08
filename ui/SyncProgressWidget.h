// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace cairn::ui {

class SyncController;

// The status bar's part of a running sync: which source, which phase, how far (a bar that
// fills when the total is known and runs busy when not), and a button that cancels. Hidden
// while no sync runs.
class SyncProgressWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncProgressWidget)

public:
    SyncProgressWidget(SyncController &controller, QWidget *parent = nullptr);

    QString text() const;
    QProgressBar *bar() const { return m_bar; }
    QToolButton *cancelButton() const { return m_cancel; }

private:
    void showProgress();

    SyncController &m_controller;
    QLabel *m_text = nullptr;
    QProgressBar *m_bar = nullptr;
    QToolButton *m_cancel = nullptr;
};

} // namespace cairn::ui
