// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/GoalProgress.h"

#include "core/RelationType.h"

#include <QSet>

#include <algorithm>

namespace cairn::core {

namespace {

bool statusIs(const Entity &e, QStringView status)
{
    return e.specString(u"status").compare(status, Qt::CaseInsensitive) == 0;
}

std::optional<std::pair<double, double>> measured(const Entity &e)
{
    const QJsonObject progress = e.spec().value(u"progress").toObject();
    const QJsonValue current = progress.value(u"current");
    const QJsonValue target = progress.value(u"target");
    if (!current.isDouble() || !target.isDouble() || target.toDouble() == 0)
        return std::nullopt;
    return std::pair { current.toDouble(), target.toDouble() };
}

} // namespace

QString GoalRollup::basisId(ProgressBasis basis)
{
    switch (basis) {
    case ProgressBasis::Measured:
        return QStringLiteral("measured");
    case ProgressBasis::Score:
        return QStringLiteral("score");
    case ProgressBasis::Status:
        return QStringLiteral("status");
    case ProgressBasis::Rollup:
        return QStringLiteral("rollup");
    case ProgressBasis::None:
        break;
    }
    return QStringLiteral("none");
}

GoalProgress::GoalProgress(const CatalogLookup &lookup, int maxDepth)
    : m_lookup(lookup)
    , m_maxDepth(maxDepth)
{ }

std::optional<double> GoalProgress::projectFraction(const Entity &project)
{
    if (statusIs(project, u"cancelled"))
        return std::nullopt;
    if (const auto m = measured(project))
        return std::clamp(m->first / m->second, 0.0, 1.0);
    return statusIs(project, u"done") || statusIs(project, u"completed") ? 1.0 : 0.0;
}

std::optional<GoalRollup> GoalProgress::ownProgress(const Entity &goal)
{
    GoalRollup r;
    if (const auto m = measured(goal)) {
        r.basis = ProgressBasis::Measured;
        r.current = m->first;
        r.target = m->second;
        r.unit = goal.spec().value(u"progress").toObject().value(u"unit").toString();
        r.fraction = std::clamp(m->first / m->second, 0.0, 1.0);
        return r;
    }
    const QJsonValue score = goal.spec().value(u"score");
    if (score.isDouble() && score.toDouble() >= 0 && score.toDouble() <= 1) {
        r.basis = ProgressBasis::Score;
        r.fraction = score.toDouble();
        return r;
    }
    if (statusIs(goal, u"done") || statusIs(goal, u"completed")) {
        r.basis = ProgressBasis::Status;
        r.fraction = 1.0;
        return r;
    }
    if (statusIs(goal, u"cancelled")) {
        r.basis = ProgressBasis::None;
        return r;
    }
    return std::nullopt;
}

Result<GoalRollup> GoalProgress::of(const EntityRef &goal) const
{
    Result<std::optional<EntityRecord>> found = m_lookup.find(goal);
    if (!found)
        return found.error();
    if (!found.value())
        return Error { QStringLiteral("No goal %1 in the catalog").arg(goal.toString()) };
    QList<EntityRef> path;
    return rollup(*found.value(), path);
}

Result<GoalRollup> GoalProgress::rollup(const EntityRecord &goal, QList<EntityRef> &path) const
{
    if (auto own = ownProgress(goal.entity))
        return *own;

    const EntityRef self = goal.entity.ref();
    path.append(self);
    GoalRollup r;
    r.basis = ProgressBasis::Rollup;
    double sum = 0;

    // Sub-goals: goals that name this one as their parent.
    Result<QList<Relation>> children = m_lookup.relationsTo(self, relation::ChildOf);
    if (!children) {
        path.removeLast();
        return children.error();
    }
    QSet<EntityRef> seen;
    for (const Relation &rel : std::as_const(children.value())) {
        if (!rel.source.isKind(u"goal") || seen.contains(rel.source))
            continue;
        seen.insert(rel.source);
        if (path.contains(rel.source)) {
            r.cycle = path.mid(path.indexOf(rel.source));
            r.cycle.append(rel.source);
            ++r.excluded;
            continue;
        }
        if (path.size() >= m_maxDepth) {
            ++r.excluded;
            continue;
        }
        Result<std::optional<EntityRecord>> child = m_lookup.find(rel.source);
        if (!child) {
            path.removeLast();
            return child.error();
        }
        if (!child.value()) {
            ++r.excluded;
            continue;
        }
        Result<GoalRollup> sub = rollup(*child.value(), path);
        if (!sub) {
            path.removeLast();
            return sub.error();
        }
        if (r.cycle.isEmpty() && !sub->cycle.isEmpty())
            r.cycle = sub->cycle;
        if (sub->fraction) {
            sum += *sub->fraction;
            ++r.inputs;
        } else {
            ++r.excluded;
        }
    }

    Result<QList<Relation>> projects = m_lookup.relationsTo(self, relation::ContributesTo);
    path.removeLast();
    if (!projects)
        return projects.error();
    seen.clear();
    for (const Relation &rel : std::as_const(projects.value())) {
        if (seen.contains(rel.source))
            continue;
        seen.insert(rel.source);
        Result<std::optional<EntityRecord>> project = m_lookup.find(rel.source);
        if (!project)
            return project.error();
        const std::optional<double> f = project.value() ? projectFraction(project.value()->entity) : std::nullopt;
        if (f) {
            sum += *f;
            ++r.inputs;
        } else {
            ++r.excluded;
        }
    }
    if (r.inputs > 0)
        r.fraction = sum / r.inputs;
    else
        r.basis = ProgressBasis::None;
    return r;
}

} // namespace cairn::core
