// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/SourcedEntity.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace cairn::cache {

// When a part of a run delivered in parts is written (SourceRunStream::add).
enum class PartWrite {
    // At once, inside the run's transaction, so that writing overlaps the download of the
    // next part. The guard is only known at the end: a held run rolls such parts back.
    Now,
    // By finish(), once the guard has let the run through.
    AfterGuard,
};

// What one import or sync of one source delivers to the cache.
struct SourceRunInput
{
    QString sourceName;
    QString sourceKind; // files | bundle | backstage | sample
    QString location;
    // Full documents delivered now.
    QList<core::SourcedEntity> entities;
    // Present upstream but not re-fetched because their etag matched (incremental sync):
    // kept as they are, counted unchanged, never tombstoned.
    QList<core::EntityRef> unchangedRefs;
    // Mass-removal guard: a run removing more than this share of the source's live
    // entities, or a source that had entities and now delivers none, is held.
    double maxRemovalShare = 0.10;
    bool allowRemovals = false;
    // The removals a person was shown (a held run's RunSummary::removedRefs) and confirmed.
    // The run applies, removals included, only if the set it would remove is exactly this
    // one; otherwise it is held again with the new list (RunSummary::upstreamChanged). An
    // entity kept by a person's decision (KeptEntities) is removed when listed here.
    QList<core::EntityRef> confirmedRemovals;
    // Compute the summary, write nothing.
    bool dryRun = false;
    // The source states every relation at both ends when both are in it, as a Backstage
    // catalog does (its stitcher gives the other end the inverse). A backward relation
    // (ownerOf, hasMember, ...) is then the same fact as the forward one its target states,
    // and is stored only when its target is not an entity of this source after the run.
    bool relationsStatedAtBothEnds = false;
    // Snapshots kept after this run took one before its removals.
    int snapshotsToKeep = 5;
    // Called while writing; returning false cancels the run, which then leaves the cache
    // exactly as it was. `done` counts entities written so far out of `total`.
    std::function<bool(int done, int total)> progress;
};

// What a run did (or, when held or a dry run, would do).
struct RunSummary
{
    qint64 runId = 0; // 0 for a dry run
    int added = 0; // new, taken over, or live again after a tombstone
    int changed = 0;
    int unchanged = 0;
    int removed = 0; // tombstoned, or that would be when held
    bool held = false;
    // The run had confirmed removals (SourceRunInput::confirmedRemovals) and would remove
    // another set: upstream changed since the person was shown the list. Held with the new
    // list in removedRefs, unless it would remove nothing at all.
    bool upstreamChanged = false;
    // The source's live entities before the run (what a share of removals is a share of).
    int liveBefore = 0;
    // Live entities absent upstream, kept because a person chose to keep them
    // (KeptEntities); also counted in `unchanged`, never in the guard.
    int keptByDecision = 0;
    // Kept entities that came back upstream: their keep decisions ended with this run.
    int keptReturned = 0;
    // Live entities kept, not tombstoned, because the source could be read only in part
    // (also counted in `unchanged`).
    int keptUnread = 0;
    QList<core::EntityRef> addedRefs;
    QList<core::EntityRef> changedRefs;
    QList<core::EntityRef> removedRefs; // would-be-removed when held
    QStringList conflicts; // refs kept by an earlier-configured source, and duplicates
    QString snapshotId; // set when a snapshot was taken before removals
};

// A configured source, in priority order (position: the lower wins a conflict).
struct SourceInfo
{
    qint64 id = 0;
    QString name;
    QString kind;
    QString location;
    QJsonObject options;
    int position = 0;
    QDateTime createdAt;
    int liveEntities = 0;
    int removedEntities = 0;
    // Live entities the source no longer has, kept by a person's decision (KeptEntities).
    int keptEntities = 0;
};

// One row of the sync log.
struct SyncRunRecord
{
    qint64 id = 0;
    QString source;
    QString operation; // sync | remove-source
    QDateTime startedAt;
    QDateTime finishedAt;
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    int removed = 0;
    int held = 0;
    QString status; // ok | held | failed
    QString error;
    QString snapshotId;
};

} // namespace cairn::cache
