// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/EntityRow.h"
#include "cache/Statement.h"
#include "core/Result.h"

#include <QList>
#include <QString>

#include <functional>

namespace cairn::cache {

class Database;

// Writes flattened rows into `entities` and `relations` inside a run's transaction, with
// statements prepared once per run and bound by parameter name (:key, :document, ...),
// each name looked up once when the statement is prepared.
class EntityRowWriter
{
public:
    // `holdBackward`: see SourceRunInput::relationsStatedAtBothEnds; such relations wait
    // in writeHeldBackward() until the run knows which targets are its own.
    EntityRowWriter(Database &db, qint64 sourceId, QString now, bool holdBackward);

    core::Status prepare();
    bool isPrepared() const { return m_insert.statement.isValid(); }

    // A new row; returns its id.
    core::Result<qint64> insert(const EntityRow &row);
    // Row `id` replaced (also live again, or taken from another source); its relations too.
    core::Status update(qint64 id, const EntityRow &row);
    // The backward relations held so far, each unless `ours(target)`.
    core::Status writeHeldBackward(const std::function<bool(const QString &targetKey)> &ours);
    // Tombstones, at the run's time.
    core::Status markRemoved(const QList<qint64> &ids);

private:
    // The entities' columns by name, resolved once per statement.
    struct EntityStatement
    {
        Statement statement;
        int key = 0, ref = 0, kind = 0, ns = 0, name = 0, title = 0, displayName = 0, ownerKey = 0, type = 0,
            lifecycle = 0, status = 0, sourceId = 0, document = 0, contentHash = 0, uid = 0, etag = 0, now = 0,
            matchName = 0, matchTitle = 0, lastUpdate = 0, slips = 0, id = 0;
    };
    struct HeldBackward
    {
        qint64 originId = 0;
        QString type;
        QString targetKey;
    };

    core::Status prepareEntity(EntityStatement &s, const QString &sql);
    core::Status execEntity(EntityStatement &s, const EntityRow &row, qint64 id);
    core::Status writeRelations(qint64 originId, const EntityRow &row);
    core::Status insertRelation(qint64 originId, const QString &type, const QString &targetKey);

    Database &m_db;
    qint64 m_sourceId;
    QString m_now;
    bool m_holdBackward;
    EntityStatement m_insert, m_update;
    Statement m_dropRelations, m_addRelation;
    int m_relationOrigin = 0, m_relationType = 0, m_relationTarget = 0;
    QList<HeldBackward> m_heldBackward;
};

} // namespace cairn::cache
