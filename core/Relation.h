// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"

#include <QHashFunctions>
#include <QList>
#include <QString>

namespace cairn::core {

// A directed relation between two entities, as Backstage names them
// (ownedBy, ownerOf, partOf, hasPart, dependsOn, dependencyOf, ...).
struct Relation
{
    QString type;
    EntityRef source;
    EntityRef target;

    friend bool operator==(const Relation &a, const Relation &b)
    {
        return a.type == b.type && a.source == b.source && a.target == b.target;
    }
};

// A relation as the entity that states it stores it (the cache's `relations` rows): the
// source is that entity, so only the type and the target's key are kept.
struct StatedRelation
{
    QString type;
    QString targetKey;

    friend bool operator==(const StatedRelation &a, const StatedRelation &b)
    {
        return a.type == b.type && a.targetKey == b.targetKey;
    }
};

// Hashes what operator== compares, so relations can be de-duplicated in a QSet.
inline size_t qHash(const Relation &relation, size_t seed = 0) noexcept
{
    return qHashMulti(seed, relation.type, relation.source, relation.target);
}

} // namespace cairn::core
