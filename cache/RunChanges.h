// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace cairn::cache {

class Cache;

// One entity line of a logged run (the public view v_sync_run_entities).
struct RunChange
{
    qint64 runId = 0;
    QString source;
    QString operation; // sync | remove-source
    QDateTime startedAt;
    QDateTime finishedAt;
    QString status; // ok | held | failed
    QString change; // added | changed | removed | would-remove | conflict
    QString entityKey; // lower-case kind:namespace/name, kept after a purge
    core::EntityRef ref; // null once the entity is purged (or a held run never added it)
    QString kind; // lower-case; empty with a null ref
    QString title; // display name; empty with a null ref
    QDateTime removedAt; // set while the entity is a tombstone

    friend bool operator==(const RunChange &, const RunChange &) = default;
};

// "What changed": the entity lines of the latest runs that have any, newest run first and
// each run's lines by entity key, read run by run on the lines' (run_id, entity_key) key so
// a first sync's 100,000 lines cost only the lines asked for.
class RunChanges
{
public:
    explicit RunChanges(Cache &cache);

    // At most `maxLines` lines of the last `maxRuns` runs with lines, started at or after
    // `since` when it is valid.
    core::Result<QList<RunChange>> latest(int maxLines, int maxRuns, const QDateTime &since = {}) const;

private:
    Cache &m_cache;
};

} // namespace cairn::cache
