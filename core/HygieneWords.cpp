// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/HygieneWords.h"

#include "core/Words.h"

namespace cairn::core {

QString HygieneWords::title(HygieneCategory category)
{
    switch (category) {
    case HygieneCategory::NoOwner:
        return tr("No owner");
    case HygieneCategory::UnresolvedOwner:
        return tr("Owner not in the catalog");
    case HygieneCategory::GroupWithoutMembers:
        return tr("Team without members");
    case HygieneCategory::UserWithoutGroup:
        return tr("Person in no team");
    case HygieneCategory::ComponentWithoutSystem:
        return tr("Component in no system");
    case HygieneCategory::Orphaned:
        return tr("Orphaned by its source");
    case HygieneCategory::ProjectWithoutUpdate:
        return tr("Project without recent update");
    case HygieneCategory::ProjectOverdue:
        return tr("Project past its target date");
    case HygieneCategory::GoalWithoutProject:
        return tr("Goal without a project");
    }
    return {};
}

QString HygieneWords::reason(const HygieneItem &item, QDate today)
{
    const QDate day = QDate::fromString(item.detail, Qt::ISODate);
    const int daysAgo = day.isValid() && today.isValid() ? int(day.daysTo(today)) : -1;
    switch (item.category) {
    case HygieneCategory::NoOwner:
        return tr("Nobody owns it: its source names no owner.");
    case HygieneCategory::UnresolvedOwner:
        // The detail is the owner's key: kind first.
        if (!item.detail.startsWith(u"group:") && !item.detail.startsWith(u"user:"))
            return tr("Its owner %1 is not a team or a person: only they can own.").arg(item.detail);
        return tr("Its owner %1 is not in the catalog.").arg(item.detail);
    case HygieneCategory::GroupWithoutMembers:
        return tr("Nobody is a member of it, and it has no child teams.");
    case HygieneCategory::UserWithoutGroup:
        if (item.detail.isEmpty())
            return tr("Not a member of any team.");
        return tr("Not a member of any team in the catalog; the teams named (%1) are not in it.").arg(item.detail);
    case HygieneCategory::ComponentWithoutSystem:
        return tr("Not part of any system.");
    case HygieneCategory::Orphaned:
        return tr("Its source marks it orphaned (backstage.io/orphan): what defined it is gone.");
    case HygieneCategory::ProjectWithoutUpdate:
        if (!day.isValid())
            return tr("Not finished, and no status update ever.");
        return tr("Not finished; last update on %1, %n days ago.", nullptr, daysAgo).arg(Words::date(day));
    case HygieneCategory::ProjectOverdue:
        return tr("Not done, and its target date %1 passed %n days ago.", nullptr, daysAgo).arg(Words::date(day));
    case HygieneCategory::GoalWithoutProject:
        return tr("No project contributes to it or to any of its sub-goals.");
    }
    return {};
}

QString HygieneWords::clean()
{
    return tr("The catalog is clean: every component has an owner and a system, every team has members, every "
              "person is in a team, and every project and goal is looked after.");
}

} // namespace cairn::core
