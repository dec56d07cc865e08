// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SourceRun.h"
#include "core/Result.h"

#include <QHash>
#include <QString>

#include <memory>

namespace cairn::cache {

class Cache;
class SourceRunApplier;

// One run of a source whose entities arrive in parts (a catalog read page by page): the
// same rules and the same one transaction as CatalogWriter::applySourceRun, but each part
// can be written as it arrives, so that writing overlaps the download of the next.
//
// Made by CatalogWriter::beginSourceRun(), which takes the write lock (a dry run takes
// none and writes nothing), or by prepareSourceRun(), which reads the source's state and
// leaves the lock to the first add() or finish(). Nothing is visible to readers until finish() commits; a stream
// destroyed unfinished (an error, a cancel) rolls back and leaves the cache as it was. The
// mass-removal guard is applied by finish(): a held run undoes what its parts wrote and is
// only logged.
class SourceRunStream
{
public:
    ~SourceRunStream();
    SourceRunStream(const SourceRunStream &) = delete;
    SourceRunStream &operator=(const SourceRunStream &) = delete;

    // Parts written Now all come before any AfterGuard part. After a failed add the run
    // takes nothing more: every later call fails, and it rolls back when destroyed.
    core::Status add(QList<core::SourcedEntity> part, PartWrite when = PartWrite::Now);

    // `unchangedRefs`: present upstream, not delivered again (as SourceRunInput's).
    // `keepUndelivered`: the source could be read only in part; its live entities that
    // were not delivered are kept rather than tombstoned (RunSummary::keptUnread).
    core::Result<RunSummary> finish(const QList<core::EntityRef> &unchangedRefs = {}, bool keepUndelivered = false);

    // The etag of each of the source's live entities by key, as read when the stream was
    // made (what a sync diffs a server's listing against).
    // Kept entities (KeptEntities) are left out: upstream no longer has them.
    QHash<QString, QString> ownEtags() const;

private:
    friend class CatalogWriter;
    SourceRunStream(Cache &cache, SourceRunInput settings);
    core::Status prepare();
    core::Status begin();
    core::Status begun(); // begin() unless done
    core::Error inContext(const core::Error &error) const;
    core::Error endedError() const;

    Cache &m_cache;
    const SourceRunInput m_settings; // before m_applier, which refers to it
    std::unique_ptr<SourceRunApplier> m_applier;
    bool m_finished = false; // finished, or failed part-way
    bool m_begun = false;
};

} // namespace cairn::cache
