// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SnapshotStore.h"

#include <QDialog>
#include <QList>
#include <QString>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace cairn::ui {

class EmptyState;
class SnapshotJob;

// File ▸ Snapshots: the snapshots of the cache, newest first (when, why, how many
// entities, how big), with Restore… (after a confirmation that says what will happen) and
// Take Snapshot Now. Listing, taking and restoring run on a worker with a connection of
// their own (SnapshotJob); while one runs the dialog shows how far it is and its buttons
// wait. A restore replaces the content of the file the window reads: `restored` tells
// the window to read it again.
class SnapshotsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotsDialog)

public:
    explicit SnapshotsDialog(QString cachePath, QWidget *parent = nullptr);
    ~SnapshotsDialog() override;

    // Reads the list again (on the worker).
    void reload();
    // Restore… on the selected snapshot: asks first.
    void askToRestoreSelected();
    // Restores snapshot `id` without asking (the confirmation's Restore button, tests).
    void restoreSnapshot(const QString &id);
    void takeSnapshot();

    bool isBusy() const;
    QString statusText() const;
    const QList<cache::SnapshotInfo> &snapshots() const { return m_snapshots; }

Q_SIGNALS:
    // The list was read (or could not be: statusText() says why).
    void snapshotsListed();
    void snapshotTaken(const QString &snapshotId);
    // The cache now holds snapshot `snapshotId`'s content; what it held before was kept
    // as snapshot `undoSnapshotId`.
    void restored(const QString &snapshotId, const QString &undoSnapshotId);

public Q_SLOTS:
    void reject() override;

private:
    void showSnapshots(const QList<cache::SnapshotInfo> &snapshots, const QString &error);
    void onTaken(const cache::SnapshotInfo &snapshot, int pruned, const QString &error);
    void onRestored(const QString &snapshotId, const QString &undoSnapshotId, const QString &error);
    void onProgress(cache::SnapshotStore::Step step, int done, int total);
    void setBusy(const QString &what);
    // Shows the words of the last outcome (m_outcome).
    void setIdle();
    void updateButtons();
    QString selectedId() const;
    QString describe(const QString &snapshotId) const;

    QString m_cachePath;
    SnapshotJob *m_job = nullptr;
    QList<cache::SnapshotInfo> m_snapshots;
    QString m_restoring; // the id being restored, for the progress words
    QString m_outcome; // what the last restore, snapshot or listing did, in words
    QString m_selectAfterListing;
    bool m_busy = false;
    bool m_listed = false;
    bool m_listFailed = false; // the last listing failed: the status says why

    QTreeWidget *m_list = nullptr;
    EmptyState *m_empty = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_take = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace cairn::ui
