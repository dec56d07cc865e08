// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;

namespace cairn::ui {

// Edit ▸ Preferences: the language of the window and of its answers. The system's by
// default; a choice here is kept in the settings and read at start (the window's texts are
// set as it is built, so a new language needs a restart, which the dialog offers).
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // The settings key the desktop app reads at start: "en", "fr", or empty for the system's.
    static QString languageKey();

    QComboBox *languageBox() const { return m_language; }
    QLabel *restartNote() const { return m_restartNote; }

    void accept() override;

Q_SIGNALS:
    // The person asked to restart now in the chosen language.
    void restartRequested();

private:
    void updateRestartNote();

    QComboBox *m_language = nullptr;
    QLabel *m_restartNote = nullptr;
    QPushButton *m_restart = nullptr;
};

} // namespace cairn::ui
