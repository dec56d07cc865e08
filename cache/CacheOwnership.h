// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QString>

namespace cairn::cache {

class Database;

// Whether a file at the cache's path is Cairn's to open, migrate, or move aside when
// damaged. A cache path can be mistyped (`--cache notes.md`) or point at another
// program's database; taking such a file over (moving it aside, adding tables, switching
// it to WAL) is what the cache must never do. Anything that is not Cairn's is refused,
// left byte for byte as it was, with an error of kind ForeignFile that says what the
// file seems to be.
namespace CacheOwnership {

// PRAGMA application_id of every cache (the bytes "CAIR"), set when a cache is created or
// first opened by a Cairn that knows it.
inline constexpr int ApplicationId = 0x43414952;

// From the file's first bytes, before SQLite opens it: anything that is not empty and does
// not begin with the SQLite header is refused ("it seems to be text ...").
core::Status checkFile(const QString &path);

// On a connection to a file that does begin with the SQLite header, before anything is
// written to it. Cairn's: its application id, or (a cache from before application ids)
// schema version 1 or later with Cairn's `entities` table, or a blank database with no
// tables at all. A file too damaged to say is judged from the header bytes themselves,
// and is Cairn's only when they say so: only then may it be moved aside.
core::Status checkDatabase(Database &db);

} // namespace CacheOwnership

} // namespace cairn::cache
