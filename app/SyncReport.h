// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/SyncOutcome.h"

#include <QTextStream>

namespace cairn::app {

// Prints what a run of a source did, the same way for import, sample and sync: counts,
// rejected documents with file, line and ref, unresolved owners, held removals.
// Returns the exit code: 0 ok, 1 something rejected or failed, 3 held for confirmation.
int reportSyncOutcome(const sync::SyncOutcome &outcome, bool dryRun, QTextStream &out, QTextStream &err);

} // namespace cairn::app
