// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SnapshotJob.h"

#include "cache/Cache.h"

#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

namespace cairn::ui {

SnapshotJob::SnapshotJob(QString cachePath, QObject *parent)
    : QObject(parent)
    , m_cachePath(std::move(cachePath))
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] { deliver(m_watcher.result()); });
}

SnapshotJob::~SnapshotJob()
{
    wait();
}

bool SnapshotJob::isRunning() const
{
    return m_watcher.isRunning();
}

void SnapshotJob::wait()
{
    m_watcher.waitForFinished();
}

bool SnapshotJob::start(std::function<Outcome()> work)
{
    if (isRunning())
        return false;
    m_watcher.setFuture(QtConcurrent::run(std::move(work)));
    return true;
}

cache::SnapshotStore::Progress SnapshotJob::progressReporter()
{
    // Called on the worker: the signal goes out from the job's own thread, and a report
    // still queued when the job is gone is dropped with it.
    return [this](cache::SnapshotStore::Step step, int done, int total) {
        QMetaObject::invokeMethod(
            this, [this, step, done, total] { Q_EMIT progress(step, done, total); }, Qt::QueuedConnection);
    };
}

bool SnapshotJob::list()
{
    return start([path = m_cachePath] {
        Outcome outcome;
        outcome.operation = Operation::List;
        // Listing reads only: a read-only connection, which never migrates or moves the file.
        core::Result<std::unique_ptr<cache::Cache>> cache = cache::Cache::openReadOnly(path);
        if (!cache) {
            outcome.error = cache.errorString();
            return outcome;
        }
        core::Result<QList<cache::SnapshotInfo>> listed = cache::SnapshotStore(**cache).list();
        if (listed)
            outcome.snapshots = *listed;
        else
            outcome.error = listed.errorString();
        return outcome;
    });
}

bool SnapshotJob::take(const cache::SnapshotReason &reason)
{
    return start([path = m_cachePath, reason, report = progressReporter()] {
        Outcome outcome;
        outcome.operation = Operation::Take;
        // A snapshot reads the file through a connection of its own: read-only is enough here.
        core::Result<std::unique_ptr<cache::Cache>> cache = cache::Cache::openReadOnly(path);
        if (!cache) {
            outcome.error = cache.errorString();
            return outcome;
        }
        cache::SnapshotStore store(**cache);
        core::Result<cache::SnapshotInfo> created = store.create(reason, report);
        if (!created) {
            outcome.error = created.errorString();
            return outcome;
        }
        outcome.snapshot = *created;
        core::Result<int> pruned = store.keepLast(cache::SnapshotStore::DefaultKept);
        if (pruned)
            outcome.pruned = *pruned;
        else // the snapshot exists: the error is about the older ones
            outcome.error = pruned.errorString();
        return outcome;
    });
}

bool SnapshotJob::restore(const QString &id)
{
    return start([path = m_cachePath, id, report = progressReporter()] {
        Outcome outcome;
        outcome.operation = Operation::Restore;
        outcome.snapshotId = id;
        // The writer's connection, without the integrity check: it reads every page, and a
        // restore is what follows when the cache is damaged.
        core::Result<std::unique_ptr<cache::Cache>> cache
            = cache::Cache::open(path, cache::Cache::IntegrityCheck::Deferred);
        if (!cache) {
            outcome.error = cache.errorString();
            return outcome;
        }
        core::Result<QString> undo = cache::SnapshotStore(**cache).restore(id, report);
        if (undo)
            outcome.undoSnapshotId = *undo;
        else
            outcome.error = undo.errorString();
        return outcome;
    });
}

bool SnapshotJob::findNewestSound()
{
    return start([path = m_cachePath] {
        Outcome outcome;
        outcome.operation = Operation::FindNewestSound;
        core::Result<std::unique_ptr<cache::Cache>> cache = cache::Cache::openReadOnly(path);
        if (!cache) {
            outcome.error = cache.errorString();
            return outcome;
        }
        core::Result<std::optional<cache::SnapshotInfo>> sound = cache::SnapshotStore(**cache).newestSound();
        if (sound)
            outcome.snapshot = *sound;
        else
            outcome.error = sound.errorString();
        return outcome;
    });
}

void SnapshotJob::deliver(const Outcome &outcome)
{
    switch (outcome.operation) {
    case Operation::List:
        Q_EMIT listed(outcome.snapshots, outcome.error);
        break;
    case Operation::Take:
        Q_EMIT taken(outcome.snapshot.value_or(cache::SnapshotInfo {}), outcome.pruned, outcome.error);
        break;
    case Operation::Restore:
        Q_EMIT restored(outcome.snapshotId, outcome.undoSnapshotId, outcome.error);
        break;
    case Operation::FindNewestSound:
        Q_EMIT newestSoundFound(outcome.snapshot, outcome.error);
        break;
    }
}

} // namespace cairn::ui
