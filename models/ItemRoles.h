// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace cairn::models {

// Item data roles shared by every Cairn model, so views, proxies and exporters agree.
enum ItemRole : int {
    RefRole = Qt::UserRole + 1, // core::EntityRef of the row
    SortRole, // a value that sorts as a person expects (lower-case text)
    RemovedRole, // bool: the entity was removed upstream (a tombstone)
};

} // namespace cairn::models
