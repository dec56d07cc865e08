// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace cairn::models {

// Item data roles shared by every Cairn model, so views, proxies and exporters agree.
enum ItemRole : int {
    RefRole = Qt::UserRole + 1, // core::EntityRef of the row
    SortRole, // a value that sorts as a person expects (lower-case text)
    RemovedRole, // bool: the entity was removed upstream (a tombstone)
    ValueRole, // a table cell as stored (ISO date, plain number, list joined with "; "): what a CSV has
    KindRole, // QString: the entity's kind, lower-case ("goal", "project", ...)
    OwnerRole, // QString: the owner as shown (display name, or the ref when unresolved)
    ProgressRole, // double 0..1 for a progress bar; invalid when unknown
    ChangeRole, // QString: a run's entity line: added, changed, removed, would-remove, conflict
    ViewIdRole, // QString: the sidebar view a row opens ("overview", "project", "removed", ...)
    CountRole, // int: entities behind a sidebar row; -1 when it is not a count
    KindsRole, // QStringList: the lower-case kinds a sidebar row covers
    ColumnIdRole, // QString, of a horizontal header: the column's id ("health", "owner", ...)
};

} // namespace cairn::models
