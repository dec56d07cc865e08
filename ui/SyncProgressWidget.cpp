// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SyncProgressWidget.h"

#include "ui/SyncController.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include <algorithm>

namespace cairn::ui {

SyncProgressWidget::SyncProgressWidget(SyncController &controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("syncProgress"));
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("syncProgressText"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("syncProgressBar"));
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(140);
    m_bar->setMaximumHeight(fontMetrics().height());
    m_bar->setAccessibleName(tr("Sync progress"));
    m_cancel = new QToolButton(this);
    m_cancel->setObjectName(QStringLiteral("syncCancelButton"));
    m_cancel->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Cancel the sync (Esc): the source being synced stays as it was"));
    m_cancel->setAccessibleName(tr("Cancel the sync"));
    m_cancel->setAutoRaise(true);
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_cancel, &QToolButton::clicked, &m_controller, &SyncController::cancel);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_text);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);

    connect(&m_controller, &SyncController::progressChanged, this, &SyncProgressWidget::showProgress);
    connect(&m_controller, &SyncController::started, this, &SyncProgressWidget::showProgress);
    connect(&m_controller, &SyncController::finished, this, &SyncProgressWidget::showProgress);
    showProgress();
}

QString SyncProgressWidget::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void SyncProgressWidget::showProgress()
{
    const bool running = m_controller.isRunning();
    setVisible(running);
    if (!running)
        return;
    m_text->setText(m_controller.progressText());
    const qint64 total = m_controller.progressTotal();
    if (total > 0) {
        // QProgressBar counts in int: a share in thousandths suffices for any total.
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(std::clamp<qint64>(m_controller.progressDone() * 1000 / total, 0, 1000)));
    } else {
        m_bar->setRange(0, 0); // busy: the total is not known yet
    }
}

} // namespace cairn::ui
