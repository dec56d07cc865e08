// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/CatalogReadResult.h"

#include <QString>
#include <QStringList>

namespace cairn::sync {

// Reads what `cairn import PATH...` is given: catalog files and folders of them, following
// Location entities to the files they point at, and mapping compass.yml files, one file at
// a time (each document parsed once, with simdjson for JSON, and kept as the text the cache
// stores). Nothing is written here.
//
// - Paths are files (.yaml/.yml/.json/.ndjson/.jsonl), folders (searched recursively, hidden
//   folders and node_modules skipped) or Qt resource paths (":/sample").
// - Every file is read at most once per import, whichever way it is reached, so Location
//   loops end; reaching a file again is a note, not a problem.
// - A Location's spec.target / spec.targets are resolved against the file that holds the
//   Location, may use * and ** wildcards, and are read in the order written. Remote URLs are
//   not fetched by a file import: they are a note. A missing target is a problem naming the
//   Location and the target, unless spec.presence is "optional". The Locations themselves
//   are kept as entities, as a Backstage server returns them too.
// - A document that is not a mapping, has no kind or no metadata.name is a problem; so is a
//   second entity with a ref already read (the first is kept). Whether an entity follows the
//   Backstage rules is EntityValidator's job, not this one's.
// - Files reached by searching a folder are only taken when at least one document in them
//   looks like an entity (has a kind, or is a compass.yml): a clone of a repository holds
//   package.json, CI and Helm files that are not catalog files and must not fail the import.
//   Files named explicitly or by a Location are always taken, and their faults reported.
class CatalogImporter
{
public:
    // Everything read. The entities come as the text the cache stores (SourcedEntity::json),
    // never as parsed documents, which held until the write cost several times their text.
    static CatalogReadResult read(const QStringList &paths);

    // A stable name for the source made of these paths: "files:" + the canonical path for
    // one path, "files:" + a short hash of the sorted canonical paths for several, so the same
    // set of paths given in any order is the same source.
    static QString defaultSourceName(const QStringList &paths);
};

} // namespace cairn::sync
