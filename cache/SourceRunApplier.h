// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/EntityRow.h"
#include "cache/SourceRun.h"
#include "cache/Statement.h"
#include "core/Result.h"

#include <QHash>
#include <QSet>

namespace cairn::cache {

class Cache;
class Database;

// Carries out one CatalogWriter::applySourceRun: plans from what the cache holds, applies
// the guard, then writes with statements prepared once for the run. Internal to cache/.
//
// The plan is deliberately light (a key, an action and an id per delivered entity): the
// guard and the summary need no more, and flattening every row up front (JSON text, hash,
// FTS strings) held a second copy of the whole run in memory. Each row is flattened when
// it is written, inside the run's one transaction, and dropped at once. A compact document
// (SourcedEntity::json) is parsed twice, for its ref and name while planning and for its
// row while writing, and never kept parsed: the plan must be whole before anything is
// applied, and 100k parsed documents held for it cost ~200 MB where a parse costs ~2 µs.
class SourceRunApplier
{
public:
    SourceRunApplier(Cache &cache, const SourceRunInput &input);
    core::Result<RunSummary> run();

private:
    enum class Action { Insert, Update, Unchanged, Skip };
    enum class Change { None, Added, Changed };

    struct Existing
    {
        qint64 id = 0;
        QByteArray hash;
        QString displayName;
        bool removed = false;
    };

    struct Planned
    {
        QString key; // shares the ref's text, so costs no copy
        const core::SourcedEntity *sourced = nullptr; // in the input, which outlives the run
        Action action = Action::Skip;
        Change change = Change::None;
        qint64 id = 0;
        bool ownerVisible = false; // newly live or renamed: owned entities need re-indexing
    };

    struct Removal
    {
        qint64 id;
        QString key;
    };

    core::Status loadSource();
    core::Status plan();
    core::Status planOne(const core::EntityRef &ref, const core::Entity &entity, const core::SourcedEntity *sourced);
    core::Status write();
    core::Status writeSource();
    core::Status writeEntities();
    core::Status reindexOwned(const QList<QString> &renamedOwners);
    core::Status writeRunLog(const QString &status);
    core::Result<QString> ownerName(const QString &ownerKey);

    Cache &m_cache;
    Database &m_db;
    const SourceRunInput &m_input;
    QString m_now;
    QString m_startedAt;

    qint64 m_sourceId = 0; // 0: new source
    int m_sourcePosition = 0;
    bool m_sourceRevived = false;

    QHash<QString, Existing> m_own; // this source's entities by key
    int m_ownLive = 0;
    QSet<QString> m_seen;
    QList<Planned> m_planned;
    QList<Removal> m_removals;
    QHash<QString, QString> m_deliveredNames;
    QHash<QString, QString> m_ownerNameCache;
    QSet<qint64> m_indexedIds;
    bool m_otherSourcesHaveEntities = true;
    QSet<QString> m_ownerKeysBefore; // owner_key values in the cache before this run wrote
    RunSummary m_summary;
    QList<std::pair<QString, QString>> m_conflictKeys; // key, message

    Statement m_lookupOther;
};

} // namespace cairn::cache
