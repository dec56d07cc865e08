// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PreferencesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include "translations/Language.h"

namespace cairn::ui {

namespace {

// Each language named in itself, as language pickers do: a person who cannot read the
// current one still finds their own.
QString nativeName(const QString &language)
{
    if (language == u"fr")
        return QStringLiteral("Français");
    return QStringLiteral("English");
}

} // namespace

QString PreferencesDialog::languageKey()
{
    return QStringLiteral("language");
}

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    const QString system = translations::chooseLanguage();
    m_language->addItem(tr("The system's (%1)").arg(nativeName(system)), QString());
    for (const QString &language : translations::supportedLanguages())
        m_language->addItem(nativeName(language), language);
    const int saved = m_language->findData(QSettings().value(languageKey()).toString());
    m_language->setCurrentIndex(qMax(0, saved));
    m_language->setToolTip(tr("The language of the window and of the answers. The command line's answers "
                              "follow the question's language."));

    m_restartNote = new QLabel(this);
    m_restartNote->setObjectName(QStringLiteral("restartNote"));
    m_restartNote->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_restartNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_restart = buttons->addButton(tr("Save and &Restart"), QDialogButtonBox::ApplyRole);
    m_restart->setObjectName(QStringLiteral("restartButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restart, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT restartRequested();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateRestartNote);
    updateRestartNote();
    resize(460, sizeHint().height());
}

void PreferencesDialog::updateRestartNote()
{
    const QString chosen = translations::chooseLanguage(m_language->currentData().toString());
    const bool change = chosen != translations::currentLanguage();
    m_restartNote->setText(change ? tr("Cairn speaks %1 from its next start.").arg(nativeName(chosen)) : QString());
    m_restartNote->setVisible(change);
    m_restart->setVisible(change);
}

void PreferencesDialog::accept()
{
    QSettings settings;
    const QString language = m_language->currentData().toString();
    if (language.isEmpty())
        settings.remove(languageKey());
    else
        settings.setValue(languageKey(), language);
    QDialog::accept();
}

} // namespace cairn::ui
