// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/HygieneReport.h"

#include "cache/Cache.h"
#include "cache/SqlTry.h"
#include "cache/UnresolvedRefs.h"
#include "core/Entity.h"
#include "core/ProjectTimeline.h"
#include "core/RelationType.h"

#include <QJsonDocument>

#include <algorithm>

namespace cairn::cache {

namespace {

using core::HygieneCategory;
using core::HygieneItem;

// Every category statement but the projects' returns: ref, display name, kind, detail.
// The WHERE clauses repeat the sort indexes' expressions (cache/Schema.cpp, version 4)
// exactly, collation included, so that SQLite answers them from those indexes.

// Components whose spec names no owner (the owner sort index, led by the kind).
constexpr QStringView NoOwnerSql = u"SELECT e.ref, e.display_name, e.kind, '' FROM entities e "
                                   u"WHERE e.kind = 'component' AND e.removed_at IS NULL "
                                   u"AND coalesce(e.owner_key, '') = ''";

// Groups nobody is a member of and no group is a child of, stated from either end: by the
// group (spec.members, spec.children, or a server's hasMember / parentOf) or by the other
// entity (spec.memberOf, spec.parent, memberOf / childOf). A member or child that is only a
// tombstone does not count.
constexpr QStringView GroupsWithoutMembersSql
    = u"SELECT g.ref, g.display_name, g.kind, '' FROM entities g "
      u"WHERE g.kind = 'group' AND g.removed_at IS NULL "
      u"AND NOT EXISTS (SELECT 1 FROM relations r JOIN entities m ON m.key = r.target_key "
      u"  WHERE r.origin_id = g.id AND r.type IN ('hasMember', 'parentOf') AND m.removed_at IS NULL) "
      u"AND NOT EXISTS (SELECT 1 FROM relations r JOIN entities m ON m.id = r.origin_id "
      u"  WHERE r.target_key = g.key AND r.type IN ('memberOf', 'childOf') AND m.removed_at IS NULL)";

// Users in no live group, from either end; the detail names the groups they claim that are
// not in the cache (all of their memberOf targets, since none of them is live).
constexpr QStringView UsersWithoutGroupSql
    = u"SELECT u.ref, u.display_name, u.kind, coalesce((SELECT group_concat(r.target_key, ', ') FROM relations r "
      u"  WHERE r.origin_id = u.id AND r.type = 'memberOf'), '') "
      u"FROM entities u WHERE u.kind = 'user' AND u.removed_at IS NULL "
      u"AND NOT EXISTS (SELECT 1 FROM relations r JOIN entities g ON g.key = r.target_key "
      u"  WHERE r.origin_id = u.id AND r.type = 'memberOf' AND g.removed_at IS NULL) "
      u"AND NOT EXISTS (SELECT 1 FROM relations r JOIN entities g ON g.id = r.origin_id "
      u"  WHERE r.target_key = u.key AND r.type = 'hasMember' AND g.removed_at IS NULL)";

// Components with no spec.system (the system sort index); a subcomponent belongs to its
// parent's system, so it is not one.
constexpr QStringView ComponentsWithoutSystemSql
    = u"SELECT e.ref, e.display_name, e.kind, '' FROM entities e "
      u"WHERE e.kind = 'component' AND e.removed_at IS NULL "
      u"AND coalesce(json_extract(e.document, '$.spec.system'), '') COLLATE NOCASE = '' "
      u"AND coalesce(json_extract(e.document, '$.spec.subcomponentOf'), '') = ''";

// Entities their source marks orphaned (Backstage sets the annotation when the location that
// defined an entity no longer does). No index holds annotations: instr() passes over the
// text, and only the few documents that contain the key are parsed.
constexpr QStringView OrphanedSql
    = u"SELECT e.ref, e.display_name, e.kind, '' FROM entities e "
      u"WHERE e.removed_at IS NULL AND instr(e.document, 'backstage.io/orphan') > 0 "
      u"AND json_extract(e.document, '$.metadata.annotations.\"backstage.io/orphan\"') = 'true'";

// Projects that may be stale or overdue: last update before the cut-off (or none), or a
// spec.targetDate before today (or none: a target stated only in an update still counts).
// core::ProjectTimeline decides on these few, as the answers do.
constexpr QStringView ProjectCandidatesSql
    = u"SELECT e.ref, e.display_name, e.kind, e.document FROM entities e "
      u"WHERE e.kind = 'project' AND e.removed_at IS NULL "
      u"AND (coalesce(e.last_update, '') < ?1 OR coalesce(json_extract(e.document, '$.spec.targetDate'), '') < ?2)";

// Open goals no live project contributes to, directly or through a sub-goal: the goals with
// a project, then their parents up the spec.parent chain (UNION ends a cycle).
constexpr QStringView GoalsWithoutProjectSql
    = u"WITH RECURSIVE covered(id) AS ("
      u"  SELECT g.id FROM entities g WHERE g.kind = 'goal' AND g.removed_at IS NULL "
      u"  AND (EXISTS (SELECT 1 FROM relations r JOIN entities p ON p.id = r.origin_id "
      u"         WHERE r.target_key = g.key AND r.type = 'contributesTo' AND p.removed_at IS NULL) "
      u"    OR EXISTS (SELECT 1 FROM relations r JOIN entities p ON p.key = r.target_key "
      u"         WHERE r.origin_id = g.id AND r.type = 'hasContribution' AND p.removed_at IS NULL)) "
      u"  UNION "
      u"  SELECT parent.id FROM covered c JOIN relations r ON r.origin_id = c.id AND r.type = 'childOf' "
      u"  JOIN entities parent ON parent.key = r.target_key AND parent.kind = 'goal' AND parent.removed_at IS NULL) "
      u"SELECT g.ref, g.display_name, g.kind, '' FROM entities g "
      u"WHERE g.kind = 'goal' AND g.removed_at IS NULL "
      u"AND lower(coalesce(g.status, '')) NOT IN ('done', 'completed', 'cancelled') "
      u"AND g.id NOT IN (SELECT id FROM covered)";

core::Result<core::EntityRef> refOf(const Statement &row)
{
    return core::EntityRef::parse(row.text(0));
}

// Runs `sql` (bound by `bind`) and appends one item of `category` per row.
template<typename Bind>
core::Status appendRows(Cache &cache, QStringView sql, HygieneCategory category, QList<HygieneItem> &out, Bind bind)
{
    core::Result<Statement> statement = cache.database().prepare(sql.toString());
    if (!statement)
        return statement.error();
    bind(*statement);
    return forEachRow(*statement, [&](const Statement &row) {
        core::Result<core::EntityRef> ref = refOf(row);
        if (ref) // stored refs were parsed on the way in; a bad one cannot be opened anyway
            out.append(HygieneItem { category, ref.value(), row.text(1), row.text(2), row.text(3) });
    });
}

core::Status appendRows(Cache &cache, QStringView sql, HygieneCategory category, QList<HygieneItem> &out)
{
    return appendRows(cache, sql, category, out, [](Statement &) {});
}

core::Status appendUnresolvedOwners(Cache &cache, QList<HygieneItem> &out)
{
    core::Result<QList<UnresolvedRef>> unresolved = findUnresolvedRefs(cache, core::relation::OwnedBy.toString());
    if (!unresolved)
        return unresolved.error();
    for (const UnresolvedRef &ref : std::as_const(unresolved.value()))
        out.append(HygieneItem {
            HygieneCategory::UnresolvedOwner, ref.entity, ref.displayName, ref.entity.kind().toLower(), ref.target });
    return {};
}

// Reads the projects that may be stale or overdue, each with its document in `detail`.
core::Status readProjectCandidates(Cache &cache, QDate today, int staleDays, QList<HygieneItem> &candidates)
{
    const QString cutoff = today.addDays(-staleDays).toString(Qt::ISODate);
    const QString day = today.toString(Qt::ISODate);
    return appendRows(
        cache, ProjectCandidatesSql, HygieneCategory::ProjectWithoutUpdate, candidates, [&](Statement &statement) {
            statement.bind(1, cutoff);
            statement.bind(2, day);
        });
}

// Judges the project candidates readProjectCandidates read (their document in `detail`) with
// core::ProjectTimeline, as the answers judge them.
void judgeProjects(const QList<HygieneItem> &candidates, QDate today, int staleDays, QList<HygieneItem> &out)
{
    QList<HygieneItem> overdue;
    for (const HygieneItem &candidate : candidates) {
        const core::Entity project(QJsonDocument::fromJson(candidate.detail.toUtf8()).object());
        const core::TimelineSummary summary = core::ProjectTimeline::fromEntity(project).summarize(today, staleDays);
        if (summary.stale) {
            HygieneItem item = candidate;
            item.category = HygieneCategory::ProjectWithoutUpdate;
            item.detail = summary.lastUpdate.isValid() ? summary.lastUpdate.toString(Qt::ISODate) : QString();
            out.append(item);
        }
        if (!core::ProjectTimeline::isFinished(summary.status) && summary.currentTarget.isValid()
            && summary.currentTarget < today) {
            HygieneItem item = candidate;
            item.category = HygieneCategory::ProjectOverdue;
            item.detail = summary.currentTarget.toString(Qt::ISODate);
            overdue.append(item);
        }
    }
    out.append(overdue);
}

} // namespace

core::Result<QList<HygieneItem>> readHygieneReport(Cache &cache, QDate today, int staleDays)
{
    QList<HygieneItem> items;
    QList<HygieneItem> projects;
    CAIRN_TRY(appendRows(cache, NoOwnerSql, HygieneCategory::NoOwner, items));
    CAIRN_TRY(appendUnresolvedOwners(cache, items));
    CAIRN_TRY(appendRows(cache, GroupsWithoutMembersSql, HygieneCategory::GroupWithoutMembers, items));
    CAIRN_TRY(appendRows(cache, UsersWithoutGroupSql, HygieneCategory::UserWithoutGroup, items));
    CAIRN_TRY(appendRows(cache, ComponentsWithoutSystemSql, HygieneCategory::ComponentWithoutSystem, items));
    CAIRN_TRY(appendRows(cache, OrphanedSql, HygieneCategory::Orphaned, items));
    CAIRN_TRY(readProjectCandidates(cache, today, staleDays, projects));
    CAIRN_TRY(appendRows(cache, GoalsWithoutProjectSql, HygieneCategory::GoalWithoutProject, items));
    judgeProjects(projects, today, staleDays, items);

    std::sort(items.begin(), items.end(), core::hygieneOrder);
    return items;
}

} // namespace cairn::cache
