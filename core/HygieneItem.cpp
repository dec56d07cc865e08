// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/HygieneItem.h"

namespace cairn::core {

const QList<HygieneCategory> &hygieneCategories()
{
    static const QList<HygieneCategory> all { HygieneCategory::NoOwner, HygieneCategory::UnresolvedOwner,
        HygieneCategory::GroupWithoutMembers, HygieneCategory::UserWithoutGroup,
        HygieneCategory::ComponentWithoutSystem, HygieneCategory::Orphaned, HygieneCategory::ProjectWithoutUpdate,
        HygieneCategory::ProjectOverdue, HygieneCategory::GoalWithoutProject };
    return all;
}

QString hygieneCategoryId(HygieneCategory category)
{
    switch (category) {
    case HygieneCategory::NoOwner:
        return QStringLiteral("no-owner");
    case HygieneCategory::UnresolvedOwner:
        return QStringLiteral("unresolved-owner");
    case HygieneCategory::GroupWithoutMembers:
        return QStringLiteral("group-without-members");
    case HygieneCategory::UserWithoutGroup:
        return QStringLiteral("user-without-group");
    case HygieneCategory::ComponentWithoutSystem:
        return QStringLiteral("component-without-system");
    case HygieneCategory::Orphaned:
        return QStringLiteral("orphaned");
    case HygieneCategory::ProjectWithoutUpdate:
        return QStringLiteral("project-without-update");
    case HygieneCategory::ProjectOverdue:
        return QStringLiteral("project-overdue");
    case HygieneCategory::GoalWithoutProject:
        return QStringLiteral("goal-without-project");
    }
    return {};
}

bool hygieneOrder(const HygieneItem &a, const HygieneItem &b)
{
    if (a.category != b.category)
        return hygieneCategories().indexOf(a.category) < hygieneCategories().indexOf(b.category);
    if (const int byName = a.displayName.compare(b.displayName, Qt::CaseInsensitive); byName != 0)
        return byName < 0;
    if (a.ref.key() != b.ref.key())
        return a.ref.key() < b.ref.key();
    return a.detail < b.detail;
}

std::optional<HygieneCategory> hygieneCategoryFromId(QStringView id)
{
    for (HygieneCategory category : hygieneCategories()) {
        if (hygieneCategoryId(category) == id)
            return category;
    }
    return std::nullopt;
}

} // namespace cairn::core
