// SPDX-License-Identifier: GPL-3.0-or-later
// Edit ▸ Preferences: the language is kept in the settings the app reads at start, and the
// dialog says when the choice needs a restart.

#include "ui/PreferencesDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include "translations/Language.h"

namespace ui = cairn::ui;

class TestPreferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CairnTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_preferences"));
        QVERIFY(cairn::translations::useLanguage(QStringLiteral("en")));
    }
    void init() { QSettings().clear(); }

    void offersTheSystemsLanguageAndEachOneInItself()
    {
        ui::PreferencesDialog dialog;
        QComboBox *box = dialog.languageBox();
        QCOMPARE(box->count(), 3);
        QVERIFY(box->itemText(0).startsWith(QStringLiteral("The system's (")));
        QCOMPARE(box->itemData(0).toString(), QString());
        QCOMPARE(box->itemText(1), QStringLiteral("English"));
        QCOMPARE(box->itemText(2), QStringLiteral("Français"));
        QCOMPARE(box->currentIndex(), 0); // nothing chosen yet: the system's
    }

    void choosingFrenchIsKeptAndNeedsARestart()
    {
        ui::PreferencesDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("fr")));
        QVERIFY(dialog.restartNote()->isVisible());
        QCOMPARE(dialog.restartNote()->text(), QStringLiteral("Cairn speaks Français from its next start."));
        auto *restart = dialog.findChild<QPushButton *>(QStringLiteral("restartButton"));
        QVERIFY(restart && restart->isVisible());
        QSignalSpy restarting(&dialog, &ui::PreferencesDialog::restartRequested);
        QTest::mouseClick(restart, Qt::LeftButton);
        QCOMPARE(restarting.count(), 1);
        QCOMPARE(QSettings().value(ui::PreferencesDialog::languageKey()).toString(), QStringLiteral("fr"));

        // Opened again, it shows the choice; going back to the running language needs nothing.
        ui::PreferencesDialog again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.languageBox()->currentData().toString(), QStringLiteral("fr"));
        again.languageBox()->setCurrentIndex(again.languageBox()->findData(QStringLiteral("en")));
        QVERIFY(!again.restartNote()->isVisible());
        again.accept();
        QCOMPARE(QSettings().value(ui::PreferencesDialog::languageKey()).toString(), QStringLiteral("en"));
    }

    void theSystemsLanguageForgetsTheChoice()
    {
        QSettings().setValue(ui::PreferencesDialog::languageKey(), QStringLiteral("fr"));
        ui::PreferencesDialog dialog;
        dialog.languageBox()->setCurrentIndex(0);
        dialog.accept();
        QVERIFY(!QSettings().contains(ui::PreferencesDialog::languageKey()));
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
