// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SnapshotStore.h"

#include <QFrame>
#include <QString>

#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace cairn::ui {

class SnapshotJob;

// What the window says, above its views, when its cache was found damaged and moved
// aside: what happened, where the damaged file is now (selectable, with Show in Folder),
// and what to do: restore the newest snapshot that is itself sound (looked for and
// restored on a worker), or sync again. With no sound snapshot it says so and offers only
// the sync.
class DamagedCacheNotice final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DamagedCacheNotice)

public:
    // `cachePath`: the fresh cache now in the damaged one's place (its snapshots folder
    // is the damaged one's); `movedTo`: where the damaged file is; `damage`: SQLite's words.
    DamagedCacheNotice(const QString &cachePath, const QString &movedTo, const QString &damage, QWidget *parent);
    ~DamagedCacheNotice() override;

    QString movedTo() const;
    QString text() const; // what happened and what is offered, for tests and screen readers
    // The snapshot offered, once the search for one is over; none when there is none.
    const std::optional<cache::SnapshotInfo> &offeredSnapshot() const { return m_offered; }
    bool isSearching() const { return m_searching; }

    // Restore the offered snapshot (the button's action).
    void restoreOffered();

Q_SIGNALS:
    // The search for a sound snapshot is over: offeredSnapshot() says what it found.
    void searchFinished();
    // The cache now holds the snapshot's content: the window reads it again.
    void restored(const QString &snapshotId, const QString &undoSnapshotId);
    void restoreFailed(const QString &error);
    // Sync Again: the window syncs every source.
    void syncRequested();

private:
    void onFound(const std::optional<cache::SnapshotInfo> &snapshot, const QString &error);
    void onRestored(const QString &snapshotId, const QString &undoSnapshotId, const QString &error);
    void onProgress(cache::SnapshotStore::Step step, int done, int total);
    void showInFolder();

    QString m_cachePath;
    QString m_movedTo;
    SnapshotJob *m_job = nullptr;
    std::optional<cache::SnapshotInfo> m_offered;
    bool m_searching = true;

    QLabel *m_what = nullptr;
    QLineEdit *m_path = nullptr;
    QLabel *m_offer = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_sync = nullptr;
    QToolButton *m_dismiss = nullptr;
};

} // namespace cairn::ui
