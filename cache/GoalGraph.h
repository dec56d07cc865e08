// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/CatalogLookup.h"
#include "core/Relation.h"
#include "core/Result.h"

#include <QList>
#include <QString>

namespace cairn::cache {

class Cache;

// Every live goal and project with the links of a goal tree between them, read as one
// statement (one commit's view): the goals each goal names as its parent and the goals each
// project contributes to, whichever end stated them. On the (kind, name) index and the
// relations' origin key; no document is parsed twice and no lookup is made per goal.
struct GoalGraph
{
    struct Item
    {
        core::EntityRecord record;
        QString ownerName; // the owner's display name; empty when it names nothing
    };

    QList<Item> goals;
    QList<Item> projects;
    // childOf: sub-goal -> parent goal; contributesTo: project -> goal. Both ends live.
    QList<core::Relation> links;

    static core::Result<GoalGraph> read(Cache &cache);
};

} // namespace cairn::cache
