// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Banner.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace cairn::ui {

Banner::Banner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("banner"));
    setAutoFillBackground(true);
    QPalette bannerPalette = palette();
    bannerPalette.setColor(QPalette::Window, bannerPalette.color(QPalette::AlternateBase));
    setPalette(bannerPalette);
    setFrameShape(QFrame::StyledPanel);

    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons = new QHBoxLayout;
    m_buttons->setSpacing(6);
    auto *dismiss = new QToolButton(this);
    dismiss->setObjectName(QStringLiteral("bannerDismiss"));
    dismiss->setText(tr("Dismiss"));
    dismiss->setAccessibleName(tr("Dismiss the banner"));
    dismiss->setAutoRaise(true);
    connect(dismiss, &QToolButton::clicked, this, &QWidget::hide);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_buttons);
    layout->addWidget(dismiss);
    hide();
}

void Banner::showMessage(const QString &text, const QList<QAction *> &actions)
{
    // Buttons of an earlier message go; their actions belong to whoever gave them.
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_actions = text.isEmpty() ? QList<QAction *>() : actions;
    for (QAction *action : std::as_const(m_actions)) {
        auto *button = new QPushButton(action->icon(), action->text(), this);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        button->setToolTip(action->toolTip());
        button->setEnabled(action->isEnabled());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::enabledChanged, button, &QWidget::setEnabled);
        m_buttons->addWidget(button);
    }
    m_text->setText(text);
    setVisible(!text.isEmpty());
}

QString Banner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace cairn::ui
