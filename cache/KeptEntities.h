// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace cairn::cache {

class Cache;

// One entity a person chose to keep although its source no longer has it.
struct KeptEntity
{
    core::EntityRef ref; // as the source spelled it
    QDateTime keptAt; // when the person decided (UTC)

    friend bool operator==(const KeptEntity &, const KeptEntity &) = default;
};

// "Keep my copy": a person's lasting answer to a held mass removal, per source (the
// kept_entities table). A run of that source neither tombstones a kept entity nor counts it
// in the mass-removal guard, so later runs still bring additions and edits
// (RunPlanner::planRemovals). The decision ends when the entity comes back upstream, when a
// run with that removal confirmed applies (SourceRunInput::confirmedRemovals), when it is
// released here, or when the source is removed.
//
// Only live entities of the source can be kept. Each call is one transaction.
class KeptEntities
{
public:
    explicit KeptEntities(Cache &cache);

    // Keeps `refs` for `sourceName`; a ref already kept keeps its first decision time.
    // Refused whole, nothing written, when the source is unknown or a ref is not a live
    // entity of it (or names no kind).
    core::Status keep(const QString &sourceName, const QList<core::EntityRef> &refs);
    // Ends the decisions for `refs` (those not kept are ignored): the source's next run
    // removes them if upstream still lacks them, under the guard as usual.
    core::Status release(const QString &sourceName, const QList<core::EntityRef> &refs);
    // The decisions that hold, by ref key: live entities still of that source.
    core::Result<QList<KeptEntity>> list(const QString &sourceName) const;
    core::Result<int> count(const QString &sourceName) const;

private:
    Cache &m_cache;
};

} // namespace cairn::cache
