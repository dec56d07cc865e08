// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/KindCounts.h"

#include "cache/Cache.h"
#include "cache/SqlTry.h"

namespace cairn::cache {

int KindCounts::removedTotal() const
{
    int total = 0;
    for (const int n : removed)
        total += n;
    return total;
}

core::Result<KindCounts> KindCounts::read(Cache &cache)
{
    // All rows per kind from the covering (kind, name) index, and the tombstones from their
    // partial index (which the planner would pass over for the GROUP BY); live = all -
    // removed. One statement, so both parts read the same commit.
    CAIRN_TRY_ASSIGN(Statement q,
        cache.database().prepare(QStringLiteral(
            "SELECT kind, count(*), 0 FROM entities GROUP BY kind "
            "UNION ALL "
            "SELECT kind, 0, count(*) FROM entities INDEXED BY entities_removed WHERE removed_at IS NOT NULL "
            "GROUP BY kind")));
    KindCounts counts;
    CAIRN_TRY(forEachRow(q, [&](const Statement &row) {
        const QString kind = row.text(0);
        counts.live[kind] += row.int32(1) - row.int32(2);
        if (row.int32(2) > 0)
            counts.removed[kind] += row.int32(2);
    }));
    return counts;
}

} // namespace cairn::cache
