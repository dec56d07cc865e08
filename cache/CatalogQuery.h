// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/CatalogLookup.h"
#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>

namespace cairn::cache {

class Cache;
class Database;
class Statement;
class ReusedStatement;

// One entity as `cairn show` reports it: the record plus the cache's own dates.
struct EntityDetails
{
    core::EntityRecord record;
    QDateTime firstSeen;
    QDateTime updatedAt;
};

// What `cairn list` filters on. Results are ordered by kind, then name.
struct EntityFilter
{
    QString kind; // case-insensitive; empty: every kind
    core::EntityRef owner; // null: any owner
    QString text; // words matched as prefixes in name, title, description, tags, owner name
    bool includeRemoved = false;
    int limit = 100;
    int offset = 0;
};

// `cairn check`.
struct CacheCheck
{
    bool ok = false;
    // integrity_check lines other than "ok", else what CacheVerifier found: schema objects
    // missing or changed, entity rows that do not parse
    QStringList problems;
    int schemaVersion = 0;
    bool counted = false; // the counts below were read: the file and its tables are sound
    QMap<QString, int> liveByKind;
    int removed = 0;
};

// Read queries over the cache, for the command line, the app and the answers engine
// (core::CatalogLookup). Lookups by ref, name and relation are indexed and bounded by their
// limit; list() pages with OFFSET, so a page steps over every row before it, and
// countsByKind() and check() read every entity (check() the whole file).
// Use it on the connection of the thread that reads (see Cache). It keeps its statements
// compiled for its lifetime: destroy it before Cache::close(), or the close is deferred
// until it is (sqlite3_close_v2).
class CatalogQuery final : public core::CatalogLookup
{
public:
    explicit CatalogQuery(Cache &cache);
    ~CatalogQuery() override;
    CatalogQuery(const CatalogQuery &) = delete;
    CatalogQuery &operator=(const CatalogQuery &) = delete;

    core::Result<std::optional<EntityDetails>> details(const core::EntityRef &ref) const;
    core::Result<QList<core::EntityRecord>> list(const EntityFilter &filter) const;
    core::Result<QMap<QString, int>> countsByKind(bool includeRemoved = false) const;
    // Tombstoned entities, most recently removed first; `kind` empty for all kinds.
    core::Result<QList<EntityDetails>> removed(const QString &kind = {}, int limit = 1000) const;
    core::Result<CacheCheck> check() const;

    // core::CatalogLookup
    core::Result<std::optional<core::EntityRecord>> find(const core::EntityRef &ref) const override;
    core::Result<QList<core::Relation>> relationsFrom(const core::EntityRef &ref, QStringView type = {}) const override;
    core::Result<QList<core::Relation>> relationsTo(const core::EntityRef &ref, QStringView type = {}) const override;
    core::Result<QList<core::EntityRecord>> nameCandidates(QStringView text, int limit) const override;
    core::Result<QList<core::EntityRecord>> entitiesOfKind(
        QStringView kind, const QStringList &statuses, int limit) const override;
    // Search as you type: live entities whose normalized name, then title, starts with the
    // text (indexed), then FTS5 prefix hits on every word (unranked, bounded by `limit`).
    core::Result<QList<core::SearchHit>> search(QStringView text, int limit) const override;
    core::Result<QList<core::ScorecardResult>> health(const core::EntityRef &ref) const override;
    core::Result<QList<core::CatalogChange>> changesSince(
        const QDateTime &since, const QStringList &changes, int limit) const override;

    // An FTS5 MATCH expression that finds every word of `text` (or, with `anyWord`, any
    // word) as a prefix; empty when no word is long enough for the prefix index (2 characters).
    static QString ftsPrefixQuery(QStringView text, bool anyWord = false);
    // The upper bound of the range of values that start with `prefix` on a BINARY-collated
    // column: `column >= prefix AND column < prefixEnd(prefix)`.
    static QString prefixEnd(const QString &prefix);

private:
    core::Result<QList<core::Relation>> relations(const core::EntityRef &ref, QStringView type, bool from) const;
    // Runs `sql` on the indexed name columns, e.match_name then e.match_title (its %1), with
    // ?1 and ?2 bound to the range of values that start with `prefix` and ?3 to `limit`;
    // `read` binds what else it needs, steps the statement and stops at its first error.
    core::Status byNamePrefix(const QString &sql, const QString &prefix, int limit,
        const std::function<core::Status(Statement &)> &read) const;
    // The statement for `sql`, compiled once per CatalogQuery: an answer at 100,000 entities
    // makes dozens of lookups, and compiling their SQL each time was a visible share of it.
    core::Result<ReusedStatement> reused(const QString &sql) const;

    Database &m_db;
    mutable std::map<QString, std::unique_ptr<Statement>> m_statements;
};

} // namespace cairn::cache
