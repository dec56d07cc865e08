// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SourceRun.h"
#include "sync/ConnectionTest.h"
#include "sync/SourceRegistry.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace cairn::sync {
class TokenStore;
}

namespace cairn::ui {

// Adds a source or edits one: a Backstage catalog's URL, a bundle's URL or file, or a folder
// of catalog files, and where its token lives (none, the system keychain, an environment
// variable). The rules are sync::SourceRegistry's: a refused field says why beside it and
// the dialog stays open with what was typed. Test connection reads the source as typed,
// token included, on a worker, and can be cancelled; Save writes the cache and the keychain
// on a worker with a connection of its own, and the dialog waits, busy but responsive.
class SourceEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceEditorDialog)

public:
    // `existing` is the source to edit; one without a name makes this an Add dialog.
    // `tokens` must outlive the dialog's workers (the window's store does).
    SourceEditorDialog(QString cachePath, const sync::TokenStore &tokens, const cache::SourceInfo &existing = {},
        QWidget *parent = nullptr);
    ~SourceEditorDialog() override;

    bool isEditing() const { return !m_existing.name.isEmpty(); }
    bool isTesting() const { return m_testCancel != nullptr; }
    bool isSaving() const { return m_saving; }
    // The request as the fields say now.
    sync::SourceRegistry::Request request() const;
    // What the registry answered when the source was saved.
    const sync::SourceRegistry::Addition &addition() const { return m_addition; }
    // The words of the last connection test's result; empty before one.
    QString testResult() const;

public Q_SLOTS:
    void testConnection();
    void cancelTest();
    void save();
    // Refused while saving: the write finishes, whatever it answers, before the dialog goes.
    void reject() override;

Q_SIGNALS:
    // The source was written (addition() says how); the dialog then closes.
    void saved(const QString &name);
    // A connection test ended (its words; cancelled tests too).
    void testFinished(const QString &result);

private:
    struct TestOutcome
    {
        sync::ConnectionTest::Finding finding;
        bool tokenSent = false;
        QString tokenNote; // why no token was sent when one was meant to be
    };

    void createLayout();
    void showKind();
    void showTokenPlace();
    void fitContents();
    void loadExisting();
    QString kind() const;
    // Shows the problem beside its field; false when there was one.
    bool showProblem(sync::SourceRegistry::Problem problem, const sync::SourceRegistry::Request &request,
        const sync::SourceRegistry::Addition &addition = {});
    void clearProblems();
    void setBusy(bool busy, const QString &what);
    void showTestOutcome(const TestOutcome &outcome, const QString &kind);
    void onSaved(
        const core::Result<sync::SourceRegistry::Addition> &result, const sync::SourceRegistry::Request &request);
    void browse();

    QString m_cachePath;
    const sync::TokenStore &m_tokens;
    cache::SourceInfo m_existing;
    sync::SourceRegistry::Addition m_addition;
    bool m_saving = false;
    std::shared_ptr<std::atomic<bool>> m_testCancel; // set while a test runs

    QLineEdit *m_name = nullptr;
    QLabel *m_nameProblem = nullptr;
    QComboBox *m_kind = nullptr;
    QLabel *m_locationLabel = nullptr;
    QLineEdit *m_location = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_locationProblem = nullptr;
    QGroupBox *m_tokenBox = nullptr;
    QRadioButton *m_tokenNone = nullptr;
    QRadioButton *m_tokenKeychain = nullptr;
    QRadioButton *m_tokenEnvironment = nullptr;
    QLineEdit *m_tokenValue = nullptr;
    QLineEdit *m_tokenVariable = nullptr;
    QLabel *m_tokenProblem = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_cancelTest = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_busyText = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_testDetail = nullptr;
    QLabel *m_formProblem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace cairn::ui
