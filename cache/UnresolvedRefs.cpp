// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/UnresolvedRefs.h"

#include "cache/Cache.h"

namespace cairn::cache {

core::Result<QList<UnresolvedRef>> findUnresolvedRefs(
    Cache &cache, const QString &relationType, const QString &sourceName)
{
    // The targets are checked once each, not once per relation: a few hundred owners
    // stand behind 100,000 ownedBy rows. MATERIALIZED keeps SQLite from folding the CTEs
    // back into a per-row check.
    core::Result<Statement> statement = cache.database().prepare(
        QStringLiteral("WITH targets AS MATERIALIZED (SELECT DISTINCT target_key, "
                       "?1 = 'ownedBy' AND target_key NOT LIKE 'group:%' AND target_key NOT LIKE 'user:%' "
                       "AS not_an_owner FROM relations WHERE type = ?1), "
                       "missing AS MATERIALIZED (SELECT target_key, not_an_owner FROM targets WHERE not_an_owner "
                       "OR NOT EXISTS "
                       "(SELECT 1 FROM entities t WHERE t.key = targets.target_key AND t.removed_at IS NULL)) "
                       "SELECT e.ref, r.type, r.target_key, e.display_name, m.not_an_owner FROM missing m "
                       "JOIN relations r ON r.target_key = m.target_key AND r.type = ?1 "
                       "JOIN entities e ON e.id = r.origin_id "
                       "JOIN sources s ON s.id = e.source_id "
                       "WHERE e.removed_at IS NULL AND (?2 = '' OR s.name = ?2) "
                       "ORDER BY e.key, r.target_key"));
    if (!statement)
        return statement.error();
    statement->bind(1, relationType);
    statement->bind(2, sourceName);
    QList<UnresolvedRef> out;
    core::Status read = forEachRow(*statement, [&](const Statement &row) {
        core::Result<core::EntityRef> ref = core::EntityRef::parse(row.text(0));
        if (ref) // stored refs were parsed on the way in; a bad one cannot be shown anyway
            out.append(UnresolvedRef { ref.value(), row.text(1), row.text(2), row.text(3), row.int64(4) != 0 });
    });
    if (!read)
        return read.error();
    return out;
}

} // namespace cairn::cache
