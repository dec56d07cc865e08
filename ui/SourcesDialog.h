// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SourceRun.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QLabel;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace cairn::sync {
class TokenStore;
}

namespace cairn::ui {

class EmptyState;
class SourceEditorDialog;

// The Sources dialog: the configured sources (name, kind, location, live entities, where
// the token lives) with Add…, Edit…, Remove… and Sync now. Every read, write and keychain
// call runs on a worker with a cache connection of its own; the dialog shows that it is
// busy and stays responsive. The window runs the syncs it asks for (syncRequested) and
// reads the cache again when the sources change (sourcesChanged).
class SourcesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesDialog)

public:
    // `tokens` must outlive the dialog and its workers (the window's store does).
    SourcesDialog(QString cachePath, const sync::TokenStore &tokens, QWidget *parent = nullptr);
    ~SourcesDialog() override;

    // The sources as last read, in priority order.
    const QList<cache::SourceInfo> &sources() const { return m_sources; }
    // Selects the named source in the list; false when it is not there.
    bool selectSource(const QString &name);
    QString selectedName() const;
    // True while a worker reads or writes for the dialog.
    bool isBusy() const { return m_busy; }
    // The line under the list: what was done last, or what is being done.
    QString statusText() const;
    QTreeWidget *sourceList() const { return m_list; }
    // The editor or the removal's confirmation while one is open (tests drive them).
    SourceEditorDialog *editor() const;
    QMessageBox *removeConfirmation() const;

public Q_SLOTS:
    // Reads the sources again, on a worker.
    void reload();
    void addSource();
    void editSource();
    // Asks first: what will be tombstoned, the snapshot, the token forgotten.
    void removeSource();
    void syncSelected();
    // Refused while a removal is being written.
    void reject() override;

Q_SIGNALS:
    // An add, edit or removal was committed to the cache.
    void sourcesChanged();
    // Sync now on the named source; the window runs it.
    void syncRequested(const QString &name);
    // The list was read again (or could not be: statusText() says why).
    void sourcesListed();

private:
    void createLayout();
    void showSources(const QList<cache::SourceInfo> &sources);
    void updateButtons();
    // A worker started (`what` says what it does) or ended.
    void setBusy(bool busy, const QString &what = {});
    void setStatus(const QString &text);
    void openEditor(const cache::SourceInfo &existing);
    void onEditorSaved(SourceEditorDialog *editor);
    void removeConfirmed(const cache::SourceInfo &source);
    const cache::SourceInfo *selected() const;

    QString m_cachePath;
    const sync::TokenStore &m_tokens;
    QList<cache::SourceInfo> m_sources;
    bool m_busy = false;
    bool m_writing = false; // a removal: the dialog stays until it is committed
    bool m_reloadWanted = false;
    bool m_listFailed = false;
    QString m_keepSelected; // selected again once the list is read
    QString m_message; // what was done last
    QPointer<SourceEditorDialog> m_editor;
    QPointer<QMessageBox> m_confirmation;

    QTreeWidget *m_list = nullptr;
    EmptyState *m_empty = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_sync = nullptr;
    QPushButton *m_close = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace cairn::ui
