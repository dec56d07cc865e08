// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/CatalogSource.h"
#include "sync/SyncOutcome.h"

#include <QList>

#include <functional>

namespace cairn::cache {
class Cache;
}

namespace cairn::sync {

// How one run may change the cache.
struct SyncOptions
{
    // Callers write the first three in braces ({ allowRemovals, dryRun, share }); the
    // constructor keeps that short form while later members are added.
    SyncOptions() = default;
    SyncOptions(bool allowRemovals, bool dryRun, double maxRemovalShare, QList<core::EntityRef> confirmedRemovals = {})
        : allowRemovals(allowRemovals)
        , dryRun(dryRun)
        , maxRemovalShare(maxRemovalShare)
        , confirmedRemovals(std::move(confirmedRemovals))
    { }

    // The user confirmed a mass removal, whatever it is (command line); kept entities
    // (cache::KeptEntities) stay kept.
    bool allowRemovals = false;
    bool dryRun = false; // compute and report, write nothing
    double maxRemovalShare = 0.10;
    // The removals a person was shown in a held run (SyncOutcome::summary.removedRefs) and
    // confirmed: the run applies only if it would remove exactly these, and is held again
    // with the new list otherwise (summary.upstreamChanged). Overrides a keep decision.
    // For a run of the one source they were shown for: any other source would find them
    // not matching its own removals and be held.
    QList<core::EntityRef> confirmedRemovals;
};

// Runs one source into the cache: collect, validate, write in one transaction, report.
// The same for every kind of source, so files, bundles and Backstage catalogs follow the
// same rules: invalid documents are skipped and reported (an entity already cached keeps
// its last good version), a source that could only be read in part removes nothing, the
// mass-removal guard holds large removals, and a failure leaves the cache as it was and
// is logged. A source that reads in parts (a Backstage catalog) has each part validated
// and written into the run's transaction as it arrives, while the next one downloads;
// what a source reads whole is written after the guard. Synchronous: call it on a worker
// thread with that thread's own Cache.
class SyncEngine
{
public:
    using Progress = std::function<void(SyncPhase phase, qint64 done, qint64 total)>;

    explicit SyncEngine(cache::Cache &cache);

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }

    SyncOutcome run(const QString &sourceName, const QString &sourceKind, const QString &location,
        CatalogSource &source, const SyncOptions &options);

private:
    bool cancelled() const;

    cache::Cache &m_cache;
    Progress m_progress;
    const std::atomic<bool> *m_cancel = nullptr;
};

} // namespace cairn::sync
