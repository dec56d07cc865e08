// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/SourcedEntity.h"
#include "sync/CatalogReadResult.h"
#include "sync/KnownEtags.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <atomic>
#include <functional>

namespace cairn::sync {

// The phases a sync goes through, for the progress line and the app's progress bar.
enum class SyncPhase { Listing, Fetching, Validating, Writing };

// What a source needs from the engine while it collects.
struct HarvestContext
{
    // entity key -> etag of what the cache holds for this source, for incremental fetches;
    // read when the source first asks (KnownEtags::load).
    KnownEtags knownEtags;
    // The source's stored state (bundle ETag / Last-Modified, Backstage listing ETag).
    QJsonObject state;
    // done/total of the current phase; total -1 when unknown.
    std::function<void(SyncPhase phase, qint64 done, qint64 total)> progress;
    const std::atomic<bool> *cancel = nullptr;
    // A source that reads in parts (a catalog page by page) hands each part here as soon
    // as it is read, instead of keeping it in SourceHarvest::entities: the engine
    // validates and writes it while the next part downloads. An error (a write failed, the
    // run was cancelled) stops the source, which returns it. When not set, sources keep
    // everything in the harvest.
    std::function<core::Status(QList<core::SourcedEntity> &&part)> deliver;
};

// What one source delivered: the complete picture of what it holds now.
struct SourceHarvest
{
    QList<core::SourcedEntity> entities; // full documents not handed to HarvestContext::deliver
    QList<core::EntityRef> unchangedRefs; // present upstream, not re-fetched (etag matched)
    QList<CatalogProblem> problems; // rejected documents; the run still applies the rest
    QList<CatalogProblem> notes; // worth telling, nothing rejected
    QJsonObject state; // the source's new state, saved when the run commits
    int requests = 0; // HTTP requests made (0 for files)
    bool notModified = false; // the server answered 304 to the stored validators
};

} // namespace cairn::sync
