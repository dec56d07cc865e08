// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QStringList>
#include <QStringView>

namespace cairn::cache {

class Database;

// The entity lines of one logged run (sync_run_entities): which keys it added, changed,
// removed, would remove or found in conflict. `change` is one of those words; `keys` are
// written in order, the table's own.
core::Status writeRunEntities(Database &db, qint64 runId, QStringView change, QStringList keys);

// The log keeps the last CatalogWriter::RunsKept runs; their entity lines go with them.
core::Status pruneRuns(Database &db);

} // namespace cairn::cache
