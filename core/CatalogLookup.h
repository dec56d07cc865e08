// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Entity.h"
#include "core/EntityRef.h"
#include "core/HealthResult.h"
#include "core/Relation.h"
#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace cairn::core {

// One stored entity with what the cache knows about it besides the document.
struct EntityRecord
{
    Entity entity;
    QString source; // the sync source it came from; empty when unknown
    QDateTime removedAt; // tombstone time (UTC); null while the entity is live
    bool isRemoved() const { return removedAt.isValid(); }
};

// One full-text hit: enough to list it without loading the document.
struct SearchHit
{
    EntityRef ref;
    QString kind;
    QString title; // display name (title, profile.displayName or name)
    EntityRef owner; // null when the entity declares none
    bool removed = false;
};

// One entity line of a sync run: what a source's run did to one entity.
struct CatalogChange
{
    QDateTime at; // when the run finished (UTC)
    QString source;
    EntityRef ref;
    QString title; // display name; the ref's name when the cache no longer has it
    QString change; // added, changed or removed
};

// The read interface the answers engine needs, and nothing more, so that it can be served
// by the in-memory MemoryCatalog (tests, small catalogs) and by the SQLite cache at
// 100,000 entities. Every call is one or two indexed queries on SQLite; none may scan.
// Errors (a failed query) are values; "not found" is not an error.
class CatalogLookup
{
public:
    virtual ~CatalogLookup() = default;

    // The entity with this ref, live or tombstoned; nullopt when the cache never had it.
    // SQLite: primary-key lookup on the lower-case ref key.
    virtual Result<std::optional<EntityRecord>> find(const EntityRef &ref) const = 0;

    // Relations whose source (From) or target (To) is `ref`, optionally only of `type`
    // (compared case-insensitively; empty = all types). Every relation must be visible
    // under its own name and under its inverse (A ownedBy B <=> B ownerOf A), whether it came
    // from a server `relations` array or was derived from spec fields, so the engine asks
    // each question once in one direction. Relations are returned even when the other end
    // does not exist (an unresolved owner must stay visible). SQLite: indexes on
    // (source_key, type) and (target_key, type).
    virtual Result<QList<Relation>> relationsFrom(const EntityRef &ref, QStringView type = {}) const = 0;
    virtual Result<QList<Relation>> relationsTo(const EntityRef &ref, QStringView type = {}) const = 0;

    // Entities that may be what a person means by `text` (a name or a title), for
    // NameMatcher to rank; at most `limit`. Must include every entity whose
    // NameMatcher::normalize()d name or title equals normalize(text), then those that start
    // with it, then a bounded set of near spellings (the SQLite side may approximate this,
    // e.g. same first letters and a length window; NameMatcher does the exact
    // Damerau-Levenshtein test). SQLite: an indexed normalized-name/title column for the
    // exact and prefix parts, FTS5 prefix for the rest.
    virtual Result<QList<EntityRecord>> nameCandidates(QStringView text, int limit) const = 0;

    // Live entities of `kind` (case-insensitive) whose spec.status is one of `statuses`
    // (empty = any status), at most `limit`, in ref order. Used for "projects at risk".
    virtual Result<QList<EntityRecord>> entitiesOfKind(
        QStringView kind, const QStringList &statuses, int limit) const = 0;

    // Full-text fallback: best matches for plain words, name and title prefix matches first,
    // then the rest of the text bounded to `limit` (no global ranking, which is too slow at
    // 100,000 entities).
    virtual Result<QList<SearchHit>> search(QStringView text, int limit) const = 0;

    // The stored health of the entity, one result per scorecard that applies, in the
    // scorecards' order. Health is computed and kept by the cache (cache::HealthStore); a
    // catalog that keeps none has none. SQLite: the health rows of one entity id.
    virtual Result<QList<ScorecardResult>> health(const EntityRef &ref) const
    {
        Q_UNUSED(ref);
        return QList<ScorecardResult>();
    }

    // What the sync runs that finished at or after `since` did to entities, newest first,
    // at most `limit`; `changes` narrows to some of added, changed, removed (empty: all).
    // A catalog that keeps no run log has none. SQLite: the kept runs' entity lines.
    virtual Result<QList<CatalogChange>> changesSince(
        const QDateTime &since, const QStringList &changes, int limit) const
    {
        Q_UNUSED(since);
        Q_UNUSED(changes);
        Q_UNUSED(limit);
        return QList<CatalogChange>();
    }
};

} // namespace cairn::core
