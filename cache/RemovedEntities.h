// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace cairn::cache {

class Cache;

// One tombstone as "Removed upstream" lists it.
struct RemovedEntity
{
    qint64 id = 0; // entities.id: the keyset's tiebreaker
    core::EntityRef ref;
    QString title; // display name
    QString removedAtKey; // removed_at as stored: the keyset's sort value
    QDateTime removedAt;
    QString source;
    qint64 runId = 0; // the logged run whose entity lines removed it; 0 once the log has moved on
    QString owner; // the owner's display name, else its ref; empty when none

    friend bool operator==(const RemovedEntity &, const RemovedEntity &) = default;
};

// Tombstones newest removal first (removed_at DESC, id DESC), read page by page on the
// tombstone index with a keyset, so paging never repeats or skips a row when a sync commits
// between two pages, and a page costs the same at any depth. No cap on how many.
class RemovedEntities
{
public:
    explicit RemovedEntities(Cache &cache);

    core::Result<QList<RemovedEntity>> first(int limit) const;
    // The next `limit` after `last` in that order.
    core::Result<QList<RemovedEntity>> after(const RemovedEntity &last, int limit) const;

private:
    core::Result<QList<RemovedEntity>> read(const RemovedEntity *last, int limit) const;

    Cache &m_cache;
};

} // namespace cairn::cache
