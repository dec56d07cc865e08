// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SnapshotStore.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace cairn::ui {

// The window's snapshot work, off the UI thread: listing (opens every snapshot to count
// its entities), taking one and restoring one (copy every page), finding the newest sound
// one (reads every page of each). Each runs on a worker with a connection of its own to
// the cache file, one at a time; the answer comes back as a signal on the job's thread.
class SnapshotJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotJob)

public:
    explicit SnapshotJob(QString cachePath, QObject *parent = nullptr);
    // Waits for the work in flight: a copy half done is not left to a thread nobody owns.
    ~SnapshotJob() override;

    // Each returns false, and starts nothing, while another is running.
    bool list();
    // Takes a snapshot, then keeps only the newest SnapshotStore::DefaultKept, as
    // `cairn snapshot create` does.
    bool take(const cache::SnapshotReason &reason);
    // Restores snapshot `id` into the cache (the current content is snapshotted first).
    bool restore(const QString &id);
    bool findNewestSound();

    bool isRunning() const;
    // Blocks until the work ends (tests, shutdown).
    void wait();

Q_SIGNALS:
    // Pages copied so far, while taking or restoring.
    void progress(cairn::cache::SnapshotStore::Step step, int done, int total);
    // Each with an error message, empty when it worked.
    void listed(const QList<cairn::cache::SnapshotInfo> &snapshots, const QString &error);
    void taken(const cairn::cache::SnapshotInfo &snapshot, int pruned, const QString &error);
    void restored(const QString &snapshotId, const QString &undoSnapshotId, const QString &error);
    void newestSoundFound(const std::optional<cairn::cache::SnapshotInfo> &snapshot, const QString &error);

private:
    enum class Operation { List, Take, Restore, FindNewestSound };
    struct Outcome
    {
        Operation operation = Operation::List;
        QString error;
        QList<cache::SnapshotInfo> snapshots;
        std::optional<cache::SnapshotInfo> snapshot;
        int pruned = 0;
        QString snapshotId;
        QString undoSnapshotId;
    };
    bool start(std::function<Outcome()> work);
    void deliver(const Outcome &outcome);
    cache::SnapshotStore::Progress progressReporter();

    QString m_cachePath;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace cairn::ui
