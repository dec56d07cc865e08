// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"

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

} // namespace cairn::core
