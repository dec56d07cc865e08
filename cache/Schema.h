// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <functional>

namespace cairn::cache {

class Database;

// The cache schema as numbered migrations under PRAGMA user_version. The pending migrations
// run in one transaction with their version bumps, so a crash leaves either the old or the
// new schema, never half of one. The public, read-only views are documented in
// docs/cache-schema.md.
class Schema
{
public:
    // The newest schema this build knows.
    static int latestVersion();

    // Applies every migration newer than the file's user_version, then `complete` (what the
    // new schema needs before anyone reads it: the health a migration dropped), all in one
    // transaction: a process killed in the middle leaves the cache as it was. `complete`
    // runs only when there was a migration. A file written by a newer Cairn is refused
    // before anything is written to it.
    static core::Status migrate(Database &db, const std::function<core::Status()> &complete = {});

    // The refusal of a cache whose schema is newer than this build knows: the fact, of kind
    // NewerVersion (what to do about it is the face's to say).
    static core::Error newerSchemaError(const QString &path, int fileVersion);
};

} // namespace cairn::cache
