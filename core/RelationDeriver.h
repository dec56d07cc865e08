// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Entity.h"
#include "core/Relation.h"

#include <QList>

namespace cairn::core {

// Relations read from an entity's spec fields, as Backstage's built-in processors derive
// them, plus Cairn's own for projects and goals. Every relation comes with its inverse
// (a component owned by X gives {ownedBy, component, X} and {ownerOf, X, component}), so
// either end can be read without knowing which side wrote it. Refs are completed by the
// field they sit in and this entity's namespace; refs that do not parse are left out
// (validateEntity() reports them). No duplicates; the order follows the spec fields.
QList<Relation> deriveRelations(const Entity &entity);

// The relations to store for an entity: the server's `relations` array when the document
// has one (a Backstage server has already resolved them, and may know more than the spec
// says), each with its inverse from the target's side; otherwise deriveRelations().
QList<Relation> relationsOf(const Entity &entity);

// What the entity states itself: relationsOf() without the inverses, each once, as type
// and target key (the source is the entity). The cache stores these and reads either end
// of them through core::relation::inversePairs(). Made for every synced entity, so a
// server's complete target refs are lower-cased as they are rather than parsed into parts.
QList<StatedRelation> statedRelationsOf(const Entity &entity);

} // namespace cairn::core
