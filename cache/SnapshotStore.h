// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace cairn::cache {

class Cache;

// One snapshot file: a complete copy of the cache made with the SQLite backup API.
struct SnapshotInfo
{
    QString id; // yyyyMMddTHHmmsszzz (UTC), sortable
    QString path;
    QDateTime createdAt;
    qint64 sizeBytes = 0;
    int liveEntities = 0;
    QMap<QString, int> liveByKind; // lower-case kind -> live count
};

// Snapshots of a cache file in `<cache>.snapshots/` next to it. Taken before a run applies
// removals, and on demand; restoring one replaces the open cache's content in place (after
// snapshotting the current state, so a restore can itself be undone).
class SnapshotStore
{
public:
    explicit SnapshotStore(Cache &cache);

    QString folder() const;

    core::Result<SnapshotInfo> create();
    // Newest first.
    core::Result<QList<SnapshotInfo>> list() const;
    core::Result<SnapshotInfo> info(const QString &id) const;
    // Replaces the cache's content by the snapshot's. Returns the id of the snapshot taken
    // of the state before the restore.
    core::Result<QString> restore(const QString &id);
    // Deletes all but the newest `count` snapshots; returns how many were deleted.
    core::Result<int> keepLast(int count);

    static constexpr int DefaultKept = 5;

private:
    Cache &m_cache;
};

} // namespace cairn::cache
