// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace cairn::core {

// One kind of stale data the directory hygiene report finds (cache::readHygieneReport), in
// the order the report lists them.
enum class HygieneCategory {
    NoOwner, // a component with no owner at all (Compass does not require one)
    UnresolvedOwner, // an owner ref that names nothing live in the cache
    GroupWithoutMembers, // a group with neither members nor child groups
    UserWithoutGroup, // a user who is a member of no group in the cache
    ComponentWithoutSystem, // a component in no system (subcomponents belong to their parent's)
    Orphaned, // its source marks it orphaned: annotation backstage.io/orphan is "true"
    ProjectWithoutUpdate, // an unfinished project with no update for more than the stale days
    ProjectOverdue, // an unfinished project past its current target date
    GoalWithoutProject, // an open goal no project contributes to, directly or through a sub-goal
};

// One finding: which entity and why. `detail` is the fact behind it, language-neutral, as
// the JSON output carries it: the owner ref that resolves to nothing (lower-case key), the
// last update (YYYY-MM-DD, empty when there was never one), the target date (YYYY-MM-DD),
// the groups a user names that are not in the cache (", "-separated); empty otherwise.
struct HygieneItem
{
    HygieneCategory category = HygieneCategory::NoOwner;
    EntityRef ref;
    QString displayName;
    QString kind; // lower-case, as the cache keys it
    QString detail;

    friend bool operator==(const HygieneItem &, const HygieneItem &) = default;
};

// The report's order: by category (as hygieneCategories() lists them), then display name
// (case-insensitive), then ref and detail, so no two items compare equal.
bool hygieneOrder(const HygieneItem &a, const HygieneItem &b);

// Every category, in report order.
const QList<HygieneCategory> &hygieneCategories();
// The stable id scripts and the JSON output use: "no-owner", "unresolved-owner",
// "group-without-members", "user-without-group", "component-without-system", "orphaned",
// "project-without-update", "project-overdue", "goal-without-project".
QString hygieneCategoryId(HygieneCategory category);
std::optional<HygieneCategory> hygieneCategoryFromId(QStringView id);

} // namespace cairn::core
