// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/Result.h"

#include <QList>
#include <QString>

namespace cairn::cache {

class Cache;

// An entity that names another one that is not in the cache (or only as a tombstone).
// Shown, never hidden and never an error: the owner may live in a source not synced yet.
struct UnresolvedRef
{
    core::EntityRef entity;
    QString relation; // e.g. ownedBy
    QString target; // the lower-case key it names
    QString displayName; // the entity's, as the cache shows it (title, else profile name, else name)
    // An owner of a kind that owns nothing (an API, a component): only a group or a user can
    // own. Backstage keeps such an entity, so Cairn does too, and says so.
    bool notAnOwner = false;
};

// Live entities whose outgoing relations of `relationType` point at nothing live, limited to
// one source when `sourceName` is given; for ownedBy, also those whose owner is neither a
// group nor a user. Indexed: each distinct target is looked up once.
core::Result<QList<UnresolvedRef>> findUnresolvedRefs(
    Cache &cache, const QString &relationType, const QString &sourceName = {});

} // namespace cairn::cache
