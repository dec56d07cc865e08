// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QStringList>

namespace cairn::cache {

class Database;

// What `cairn check` verifies beyond SQLite's integrity_check, which passes a file whose
// tables were dropped or whose rows hold what Cairn cannot read: the commands would then
// fail later with SQLite's raw "no such table".
namespace CacheVerifier {

// Every table (with its columns), view, index and trigger that this Cairn's schema has,
// compared with a cache built from the migrations in memory; one line per object missing
// or changed ("view live_entities is missing"). Objects Cairn does not know are left be.
core::Result<QStringList> schemaProblems(Database &db);

// Every entity row's document parses as a JSON object naming the entity of its row. One
// line per row that does not, at most `limit` of them, then how many more.
core::Result<QStringList> entityProblems(Database &db, int limit = 20);

} // namespace CacheVerifier

} // namespace cairn::cache
