// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/CatalogLookup.h"

#include <QHash>
#include <QList>
#include <QMultiHash>
#include <QSet>

namespace cairn::core {

// A CatalogLookup held in memory: for tests and for small catalogs read straight from
// files. Scans where the SQLite cache uses indexes, which is fine up to a few thousand
// entities. Relations come from relationsOf() (server array or spec fields), each also
// visible under its inverse. Not thread-safe: indexes are rebuilt lazily after add().
class MemoryCatalog final : public CatalogLookup
{
public:
    MemoryCatalog() = default;
    explicit MemoryCatalog(const QList<Entity> &entities);

    // Adds an entity, or replaces the one with the same ref. A valid `removedAt` makes it
    // a tombstone: still found by find(), left out of entitiesOfKind() and search().
    void add(Entity entity, QString source = {}, QDateTime removedAt = {});
    qsizetype size() const { return m_records.size(); }

    Result<std::optional<EntityRecord>> find(const EntityRef &ref) const override;
    Result<QList<Relation>> relationsFrom(const EntityRef &ref, QStringView type = {}) const override;
    Result<QList<Relation>> relationsTo(const EntityRef &ref, QStringView type = {}) const override;
    Result<QList<EntityRecord>> nameCandidates(QStringView text, int limit) const override;
    Result<QList<EntityRecord>> entitiesOfKind(QStringView kind, const QStringList &statuses, int limit) const override;
    Result<QList<SearchHit>> search(QStringView text, int limit) const override;

private:
    void buildRelations() const;
    static QList<Relation> filtered(const QList<Relation> &relations, QStringView type);

    QList<EntityRecord> m_records;
    QHash<EntityRef, qsizetype> m_index;
    mutable bool m_relationsDirty = true;
    mutable QHash<EntityRef, QList<Relation>> m_from;
    mutable QHash<EntityRef, QList<Relation>> m_to;
};

} // namespace cairn::core
