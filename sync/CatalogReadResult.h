// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/SourcedEntity.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cairn::sync {

// Something wrong with one document or file, pointing at the exact place so a person can
// fix it. A problem rejects only what it names; the rest of the import goes on.
struct CatalogProblem
{
    core::DocumentOrigin origin;
    QString ref; // `kind:namespace/name` when known, else empty
    QString message; // what is wrong and, where it helps, what to do
};

// What reading catalog files produced. Entities are in reading order, each with its origin.
struct CatalogReadResult
{
    QList<core::SourcedEntity> entities;
    QList<CatalogProblem> problems; // rejected documents or files: the import should say so and exit 1
    QList<CatalogProblem> notes; // worth telling, but nothing was rejected (a Location loop,
                                 // a URL target not followed, a folder file with no entity)
    QStringList filesRead; // the catalog files read, in order, each once
};

} // namespace cairn::sync
