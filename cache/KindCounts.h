// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QHash>
#include <QString>

namespace cairn::cache {

class Cache;

// Entities per kind, live and tombstoned, for the sidebar: counted on the (kind, name)
// index and the tombstone index, so a re-count at every sync stays cheap at 100,000
// entities (CatalogQuery::countsByKind filters live rows on the table itself).
struct KindCounts
{
    QHash<QString, int> live; // lower-case kind -> live entities
    QHash<QString, int> removed; // lower-case kind -> tombstones

    int liveOf(const QString &kind) const { return live.value(kind); }
    int removedTotal() const;

    static core::Result<KindCounts> read(Cache &cache);
};

} // namespace cairn::cache
