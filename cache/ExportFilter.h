// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"

#include <QString>

namespace cairn::cache {

// Which entities an export (or a table) takes, and in which order.
struct ExportFilter
{
    QString kind; // case-insensitive; empty: every kind
    core::EntityRef owner; // null: any owner
    QString text; // words matched as prefixes in name, title, description, tags, owner name
    bool includeRemoved = false; // also the tombstoned entities (removed upstream)
    // A column of the kind (EntityColumns), rows in its order then by id; empty: by kind,
    // then name (the command line's order).
    QString sortColumn;
    bool sortDescending = false;
};

} // namespace cairn::cache
