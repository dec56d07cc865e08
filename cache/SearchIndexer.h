// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/EntityRow.h"
#include "cache/Statement.h"
#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace cairn::cache {

class Database;

// The search rows (entities_fts) of a run's written entities, inside its transaction.
// Each row carries its owner's display name: an owner the run has delivered is named from
// `deliveredNames` (the plan's), one not delivered yet waits until it is or until
// finish(), one only the cache holds is read from it. Entities from before the run whose
// owner appeared or was renamed are indexed again (reindexOwned).
//
// A text longer than kIndexedChars is indexed by its beginning only: a description of
// megabytes (a pasted log) would otherwise cost several times its size in memory and time
// to index, for words nobody searches for. The entity keeps the whole text.
class SearchIndexer
{
public:
    static constexpr qsizetype kIndexedChars = 64 * 1024;

    SearchIndexer(Database &db, const QHash<QString, QString> &deliveredNames);

    core::Status prepare();
    // The row of entity `id` as just written; `replaced`: it had one before.
    core::Status add(qint64 id, const EntityRow &row, bool replaced);
    // `key` became live or changed its display name: what rows from before the run that
    // it owns say of it must change. Call before the row is added.
    core::Status ownerVisible(const QString &key);
    // Delivered: only the waiting rows whose owner this run has delivered by now; All:
    // every waiting row, the others named from the cache.
    enum class Waiting { Delivered, All };
    core::Status writeWaiting(Waiting which);
    core::Status reindexOwned();

private:
    // A search row without its owner's name.
    struct Pending
    {
        qint64 id;
        QString name, title, description, tags, ownerKey;
    };

    core::Status insert(const Pending &row, const QString &ownerName);
    core::Result<QString> ownerName(const QString &ownerKey);
    core::Status readOwnerKeysBefore();

    Database &m_db;
    const QHash<QString, QString> &m_deliveredNames;
    Statement m_add, m_drop;
    QList<Pending> m_waiting;
    QHash<QString, QString> m_ownerNames; // read from the cache
    QSet<qint64> m_indexed; // this run's rows, already right
    bool m_ownerKeysRead = false;
    QSet<QString> m_ownerKeysBefore; // owner_key values in the cache before this run wrote
    QList<QString> m_renamedOwners;
};

} // namespace cairn::cache
