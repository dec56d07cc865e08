// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Entity.h"
#include "core/EntityFormat.h"

#include <QList>
#include <QString>

namespace cairn::core {

// One thing wrong with an entity document. `field` is the path to it
// ("metadata.name", "spec.updates[1].date"); `message` quotes the bad value and says
// what is allowed, without repeating the field.
struct ValidationProblem
{
    QString field;
    QString message;

    // "field: message", for a line in a report.
    QString toString() const;

    friend bool operator==(const ValidationProblem &a, const ValidationProblem &b)
    {
        return a.field == b.field && a.message == b.message;
    }
};

// What Backstage requires of an entity (the envelope and metadata formats, and the
// required spec fields of its built-in kinds, per the catalog-model JSON schemas), and
// what Cairn requires of its own Project and Goal kinds (docs/architecture.md §1).
// Ref-valued spec fields must parse once completed by their field, as Backstage parses
// them (a ref to a name no entity has, such as "Team A", parses and is left unresolved).
// The envelope is closed: a root field other than apiVersion, kind, metadata, spec,
// relations and status is a problem. Unknown kinds and unknown metadata or spec fields are
// not: only the envelope and metadata are checked for them. An empty list means valid.
QList<ValidationProblem> validateEntity(const Entity &entity);

} // namespace cairn::core
