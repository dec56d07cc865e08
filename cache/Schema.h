// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

namespace cairn::cache {

class Database;

// The cache schema as numbered migrations under PRAGMA user_version. Each migration runs
// in its own transaction with the version bump, so a crash leaves either the old or the
// new schema, never half of one. The public, read-only views are documented in
// docs/cache-schema.md.
class Schema
{
public:
    // The newest schema this build knows.
    static int latestVersion();

    // Applies every migration newer than the file's user_version. A file written by a
    // newer Cairn is refused before anything is written to it.
    static core::Status migrate(Database &db);

    // The refusal of a cache whose schema is newer than this build knows: the fact, of kind
    // NewerVersion (what to do about it is the face's to say).
    static core::Error newerSchemaError(const QString &path, int fileVersion);
};

} // namespace cairn::cache
