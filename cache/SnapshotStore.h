// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SnapshotReason.h"
#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace cairn::cache {

class Cache;

// One snapshot file: a complete copy of the cache made with the SQLite backup API.
struct SnapshotInfo
{
    QString id; // yyyyMMddTHHmmsszzz (UTC), sortable
    QString path;
    QDateTime createdAt;
    qint64 sizeBytes = 0;
    int liveEntities = 0; // 0 when `problem` is set: the counts are unknown
    QMap<QString, int> liveByKind; // lower-case kind -> live count
    SnapshotReason reason; // Unknown for a snapshot taken before reasons were kept
    QString problem; // set by list() when the snapshot could not be opened or read
};

// Snapshots of a cache file in `<cache>.snapshots/` next to it. Taken before a run applies
// removals, and on demand; restoring one replaces the open cache's content in place (after
// snapshotting the current state, so a restore can itself be undone).
class SnapshotStore
{
public:
    explicit SnapshotStore(Cache &cache);

    QString folder() const;

    // A copy runs page by page, a chunk at a time, so that a window can show how far it is:
    // `done` pages of `total` copied in `step`. Called on the thread that runs the copy.
    enum class Step {
        Snapshotting, // the cache into a new snapshot
        Restoring, // a snapshot into the cache
    };
    using Progress = std::function<void(Step step, int done, int total)>;

    // Copies the last committed state of the cache into a new snapshot, with `reason`
    // written beside it (`<id>.json`) before the snapshot appears under its id.
    core::Result<SnapshotInfo> create(const SnapshotReason &reason, const Progress &progress = {});
    // Newest first. Opens every snapshot to count its entities: seconds for large caches,
    // so a window calls it off its thread. One that cannot be read is listed with its
    // `problem`, not an error: the others stay listed, restorable and prunable.
    core::Result<QList<SnapshotInfo>> list() const;
    core::Result<SnapshotInfo> info(const QString &id) const;
    // The newest snapshot that passes SQLite's quick_check (Cache::findDamage) and that
    // this Cairn can open: the one to restore when the cache itself is damaged. None when
    // there is no such snapshot. Reads every page of each snapshot it checks.
    core::Result<std::optional<SnapshotInfo>> newestSound() const;
    // Replaces the cache's content by the snapshot's. Returns the id of the snapshot taken
    // of the state before the restore (its reason: before restoring `id`).
    core::Result<QString> restore(const QString &id, const Progress &progress = {});
    // Deletes all but the newest `count` snapshots (and their reasons); returns how many
    // were deleted.
    core::Result<int> keepLast(int count);

    static constexpr int DefaultKept = 5;

private:
    core::Result<SnapshotInfo> fileInfo(const QString &id) const;

    Cache &m_cache;
};

} // namespace cairn::cache
