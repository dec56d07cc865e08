// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/HealthResult.h"

#include <QString>

#include <optional>

namespace cairn::cache {

// Which entities an export (or a table) takes, and in which order.
struct ExportFilter
{
    QString kind; // case-insensitive; empty: every kind
    core::EntityRef owner; // null: any owner
    bool withoutOwner = false; // only the entities that name no owner at all (then `owner` is ignored)
    // Only the entities in this health band: of the scorecard `healthScorecard` (an id), or,
    // without one, of their worst scorecard (the Health column's band). Entities no
    // scorecard applies to are in no band.
    std::optional<core::HealthBand> healthBand;
    QString healthScorecard;
    QString text; // words matched as prefixes in name, title, description, tags, owner name
    bool includeRemoved = false; // also the tombstoned entities (removed upstream)
    // A column of the kind (EntityColumns), rows in its order then by id; empty: by kind,
    // then name (the command line's order).
    QString sortColumn;
    bool sortDescending = false;
};

} // namespace cairn::cache
