// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/Result.h"

#include <QList>
#include <QString>

namespace cairn::cache {

class Cache;

// What a list of entities shows of each, without its document: a held run's would-be
// removals, the kept entities of a source.
struct EntityBrief
{
    core::EntityRef ref; // as the source spelled it
    QString kind; // lower-case
    QString title; // display name: title, else profile.displayName, else name
    QString description; // metadata.description, as written (Markdown)
    QString owner; // the owner's display name, else its ref; empty when none
    bool removed = false; // a tombstone

    friend bool operator==(const EntityBrief &, const EntityBrief &) = default;
};

class EntityBriefs
{
public:
    // The briefs of `refs` in their order, one indexed probe each; a ref the cache does
    // not hold comes back with its own kind and name and nothing else.
    static core::Result<QList<EntityBrief>> read(Cache &cache, const QList<core::EntityRef> &refs);
};

} // namespace cairn::cache
