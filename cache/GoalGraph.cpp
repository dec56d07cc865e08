// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/GoalGraph.h"

#include "cache/Cache.h"
#include "cache/SqlTry.h"
#include "core/RelationType.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>

namespace cairn::cache {

core::Result<GoalGraph> GoalGraph::read(Cache &cache)
{
    // Rows of two shapes: an entity (0) or a relation one of them states (1). A relation
    // stated by the parent or the goal (parentOf, hasContribution) is read backwards.
    CAIRN_TRY_ASSIGN(Statement q,
        cache.database().prepare(QStringLiteral(
            "SELECT 0, e.document, s.name, coalesce(o.display_name, ''), NULL, NULL, NULL "
            "FROM entities e JOIN sources s ON s.id = e.source_id LEFT JOIN entities o ON o.key = e.owner_key "
            "WHERE e.kind IN ('goal', 'project') AND e.removed_at IS NULL "
            "UNION ALL "
            "SELECT 1, NULL, NULL, NULL, e.key, lower(r.type), r.target_key "
            "FROM entities e JOIN relations r ON r.origin_id = e.id "
            "WHERE e.kind IN ('goal', 'project') AND e.removed_at IS NULL "
            "AND lower(r.type) IN ('childof', 'contributesto', 'parentof', 'hascontribution')")));
    GoalGraph graph;
    struct Stated
    {
        QString from;
        QString type;
        QString to;
    };
    QList<Stated> stated;
    QHash<QString, core::EntityRef> goals; // key -> ref
    QHash<QString, core::EntityRef> projects;
    CAIRN_TRY(forEachRow(q, [&](const Statement &row) {
        if (row.int64(0) == 1) {
            stated.append(Stated { row.text(4), row.text(5), row.text(6) });
            return;
        }
        Item item;
        item.record.entity = core::Entity(QJsonDocument::fromJson(row.utf8(1)).object());
        item.record.source = row.text(2);
        item.ownerName = row.text(3);
        const core::EntityRef ref = item.record.entity.ref();
        if (ref.isNull())
            return;
        if (item.record.entity.isKind(u"goal")) {
            goals.insert(ref.key(), ref);
            graph.goals.append(std::move(item));
        } else {
            projects.insert(ref.key(), ref);
            graph.projects.append(std::move(item));
        }
    }));
    QSet<core::Relation> seen;
    for (const Stated &s : std::as_const(stated)) {
        const bool backwards = s.type == u"parentof" || s.type == u"hascontribution";
        const QString &from = backwards ? s.to : s.from;
        const QString &to = backwards ? s.from : s.to;
        const bool childOf = s.type == u"childof" || s.type == u"parentof";
        const auto source = childOf ? goals.constFind(from) : projects.constFind(from);
        const auto target = goals.constFind(to);
        if (source == (childOf ? goals.cend() : projects.cend()) || target == goals.cend())
            continue;
        const core::Relation link { (childOf ? core::relation::ChildOf : core::relation::ContributesTo).toString(),
            *source, *target };
        if (!seen.contains(link)) {
            seen.insert(link);
            graph.links.append(link);
        }
    }
    return graph;
}

} // namespace cairn::cache
