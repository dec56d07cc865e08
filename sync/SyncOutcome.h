// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SourceRun.h"
#include "cache/UnresolvedRefs.h"
#include "core/Result.h"
#include "sync/CatalogReadResult.h"

#include <QString>

namespace cairn::sync {

// Everything a person should be told about one run of one source.
struct SyncOutcome
{
    QString sourceName;
    bool ok = false; // the run committed (or, held / dry run, was computed)
    bool cancelled = false;
    QString error; // why the run failed; the cache is as it was
    // Failed: what kind of failure (Cancelled, Offline, ...). Held when the guard held the run
    // (summary.held; with summary.upstreamChanged when removals were confirmed and the run
    // met another list of them).
    core::ErrorKind errorKind = core::ErrorKind::Other;
    bool tokenMissing = false; // failed: the keychain holds no token for a source that keeps it there
    cache::RunSummary summary;
    QList<CatalogProblem> problems; // rejected documents (the rest applied)
    QList<CatalogProblem> notes;
    QList<cache::UnresolvedRef> unresolved; // owners that point at nothing: shown, not errors
    int keptBecauseUnreadable = 0; // not tombstoned because part of the source could not be read
    int requests = 0;
    bool notModified = false; // the server said (HTTP 304) nothing changed since the last run
    qint64 elapsedMs = 0;
};

} // namespace cairn::sync
