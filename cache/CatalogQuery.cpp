// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/CatalogQuery.h"

#include "cache/Cache.h"
#include "cache/CacheVerifier.h"
#include "cache/HealthReader.h"
#include "cache/Schema.h"
#include "cache/SqlTry.h"
#include "core/NameMatcher.h"
#include "core/RelationType.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <utility>

namespace cairn::cache {

// A cached statement lent to one query; reset when the query is done, so no read
// transaction stays open between queries (a WAL reader holding one would pin old pages
// and keep the writer's commits out of view).
class ReusedStatement
{
public:
    explicit ReusedStatement(Statement *statement)
        : m_statement(statement)
    { }
    ReusedStatement(ReusedStatement &&other) noexcept
        : m_statement(std::exchange(other.m_statement, nullptr))
    { }
    ReusedStatement &operator=(ReusedStatement &&) = delete;
    ReusedStatement(const ReusedStatement &) = delete;
    ReusedStatement &operator=(const ReusedStatement &) = delete;
    ~ReusedStatement()
    {
        if (m_statement)
            m_statement->reset();
    }
    Statement &operator*() const { return *m_statement; }
    Statement *operator->() const { return m_statement; }

private:
    Statement *m_statement;
};

namespace {

// The columns every record query selects, in this order (see recordFrom()).
const QString RecordColumns = QStringLiteral(
    "e.document, s.name, e.removed_at, e.first_seen, e.updated_at, e.id, e.key, e.ref, e.display_name, e.owner_key, "
    "e.match_name, e.match_title ");
const QString RecordFrom = QStringLiteral("FROM entities e JOIN sources s ON s.id = e.source_id ");

QDateTime timeOf(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

core::EntityRecord recordFrom(const Statement &q)
{
    core::EntityRecord r;
    r.entity = core::Entity(QJsonDocument::fromJson(q.utf8(0)).object());
    r.source = q.text(1);
    r.removedAt = timeOf(q.text(2));
    return r;
}

EntityDetails detailsFrom(const Statement &q)
{
    return EntityDetails { recordFrom(q), timeOf(q.text(3)), timeOf(q.text(4)) };
}

core::EntityRef refOf(const QString &text)
{
    core::Result<core::EntityRef> parsed = core::EntityRef::parse(text);
    return parsed ? *parsed : core::EntityRef();
}

} // namespace

CatalogQuery::CatalogQuery(Cache &cache)
    : m_db(cache.database())
{ }

CatalogQuery::~CatalogQuery() = default;

core::Result<ReusedStatement> CatalogQuery::reused(const QString &sql) const
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        CAIRN_TRY_ASSIGN(Statement statement, m_db.prepare(sql));
        it = m_statements.emplace(sql, std::make_unique<Statement>(std::move(statement))).first;
    }
    it->second->reset();
    return ReusedStatement(it->second.get());
}

core::Status CatalogQuery::byNamePrefix(
    const QString &sql, const QString &prefix, int limit, const std::function<core::Status(Statement &)> &read) const
{
    for (const QString &column : { QStringLiteral("e.match_name"), QStringLiteral("e.match_title") }) {
        CAIRN_TRY_ASSIGN(ReusedStatement q, reused(sql.arg(column)));
        q->bind(1, prefix);
        q->bind(2, prefixEnd(prefix));
        q->bind(3, limit);
        CAIRN_TRY(read(*q));
    }
    return {};
}

QString CatalogQuery::prefixEnd(const QString &prefix)
{
    static const QString maxChar = QString::fromUcs4(U"\U0010FFFF", 1); // nothing valid sorts after it
    return prefix + maxChar;
}

QString CatalogQuery::ftsPrefixQuery(QStringView text, bool anyWord)
{
    QStringList terms;
    QString word;
    const auto flush = [&] {
        if (word.size() >= 2) // 1-letter prefixes have no index and would scan every term
            terms.append(u'"' + word + QStringLiteral("\"*"));
        word.clear();
    };
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            word.append(c);
        else
            flush();
    }
    flush();
    return terms.join(anyWord ? QStringLiteral(" OR ") : QStringLiteral(" "));
}

core::Result<std::optional<EntityDetails>> CatalogQuery::details(const core::EntityRef &ref) const
{
    CAIRN_TRY_ASSIGN(ReusedStatement q,
        reused(QStringLiteral("SELECT ") + RecordColumns + RecordFrom + QStringLiteral("WHERE e.key = ?1")));
    q->bind(1, ref.key());
    CAIRN_TRY_ASSIGN(Statement::Step step, q->step());
    if (step == Statement::Step::Done)
        return std::optional<EntityDetails>();
    return std::optional<EntityDetails>(detailsFrom(*q));
}

core::Result<std::optional<core::EntityRecord>> CatalogQuery::find(const core::EntityRef &ref) const
{
    CAIRN_TRY_ASSIGN(std::optional<EntityDetails> d, details(ref));
    if (!d)
        return std::optional<core::EntityRecord>();
    return std::optional<core::EntityRecord>(std::move(d->record));
}

core::Result<QList<core::EntityRecord>> CatalogQuery::list(const EntityFilter &filter) const
{
    QString sql = QStringLiteral("SELECT ") + RecordColumns + RecordFrom + QStringLiteral("WHERE 1 ");
    if (!filter.includeRemoved)
        sql += QStringLiteral("AND e.removed_at IS NULL ");
    if (!filter.kind.isEmpty())
        sql += QStringLiteral("AND e.kind = ?1 ");
    if (!filter.owner.isNull())
        sql += QStringLiteral("AND e.owner_key = ?2 ");
    const QString match = ftsPrefixQuery(filter.text);
    if (!filter.text.trimmed().isEmpty()) {
        // A text of 1-letter words matches names and titles only (no FTS prefix index for them).
        if (match.isEmpty())
            sql += QStringLiteral("AND (e.match_name >= ?3 AND e.match_name < ?4 OR e.match_title >= ?3 AND "
                                  "e.match_title < ?4) ");
        else
            sql += QStringLiteral("AND e.id IN (SELECT rowid FROM entities_fts WHERE entities_fts MATCH ?5) ");
    }
    sql += QStringLiteral("ORDER BY e.kind, e.name LIMIT ?6 OFFSET ?7");
    CAIRN_TRY_ASSIGN(Statement q, m_db.prepare(sql));
    if (!filter.kind.isEmpty())
        q.bind(1, filter.kind.toLower());
    if (!filter.owner.isNull())
        q.bind(2, filter.owner.key());
    const QString normalized = core::NameMatcher::normalize(filter.text);
    q.bind(3, normalized);
    q.bind(4, prefixEnd(normalized));
    q.bind(5, match);
    q.bind(6, filter.limit < 0 ? qint64(-1) : qint64(filter.limit));
    q.bind(7, qMax(0, filter.offset));
    QList<core::EntityRecord> out;
    CAIRN_TRY(collectRows(q, out, recordFrom));
    return out;
}

core::Result<QMap<QString, int>> CatalogQuery::countsByKind(bool includeRemoved) const
{
    CAIRN_TRY_ASSIGN(Statement q,
        m_db.prepare(includeRemoved ? QStringLiteral("SELECT kind, count(*) FROM entities GROUP BY kind")
                                    : QStringLiteral("SELECT kind, count(*) FROM entities WHERE removed_at "
                                                     "IS NULL GROUP BY kind")));
    QMap<QString, int> out;
    CAIRN_TRY(forEachRow(q, [&](const Statement &row) { out.insert(row.text(0), row.int32(1)); }));
    return out;
}

core::Result<QList<EntityDetails>> CatalogQuery::removed(const QString &kind, int limit) const
{
    CAIRN_TRY_ASSIGN(Statement q,
        m_db.prepare(QStringLiteral("SELECT ") + RecordColumns + RecordFrom
            + QStringLiteral("WHERE e.removed_at IS NOT NULL AND (?1 = '' OR e.kind = ?1) "
                             "ORDER BY e.removed_at DESC, e.kind, e.name LIMIT ?2")));
    q.bind(1, kind.toLower());
    q.bind(2, limit);
    QList<EntityDetails> out;
    CAIRN_TRY(collectRows(q, out, detailsFrom));
    return out;
}

core::Result<CacheCheck> CatalogQuery::check() const
{
    CacheCheck result;
    CAIRN_TRY_ASSIGN(result.schemaVersion, m_db.userVersion());
    CAIRN_TRY_ASSIGN(Statement integrity, m_db.prepare(QStringLiteral("PRAGMA integrity_check")));
    const core::Status checked = forEachRow(integrity, [&](const Statement &row) {
        if (row.text(0) != u"ok")
            result.problems.append(row.text(0));
    });
    if (!checked)
        result.problems.append(checked.errorString());
    if (result.schemaVersion != Schema::latestVersion())
        result.problems.append(
            QStringLiteral("schema %1, this Cairn expects %2").arg(result.schemaVersion).arg(Schema::latestVersion()));
    // A file SQLite finds sound can still lack what Cairn needs (a dropped view, rows it
    // cannot read); checked only on a sound file of this schema, where they mean something.
    if (result.problems.isEmpty()) {
        CAIRN_TRY_ASSIGN(const QStringList schema, CacheVerifier::schemaProblems(m_db));
        for (const QString &problem : schema)
            result.problems.append(QStringLiteral("schema: ") + problem);
    }
    if (result.problems.isEmpty()) {
        // The tables are all there: the counts mean something even beside unreadable rows.
        CAIRN_TRY_ASSIGN(result.liveByKind, countsByKind(false));
        CAIRN_TRY_ASSIGN(qint64 removedCount,
            m_db.queryInt(QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NOT NULL")));
        result.removed = int(removedCount);
        result.counted = true;
        CAIRN_TRY_ASSIGN(result.problems, CacheVerifier::entityProblems(m_db));
    }
    result.ok = result.problems.isEmpty();
    return result;
}

core::Result<QList<core::Relation>> CatalogQuery::relations(
    const core::EntityRef &ref, QStringView type, bool from) const
{
    // Each relation is stored once, by the entity that states it (see the schema), so the
    // relations at one end of `ref` are those it states and those stated about it, one of
    // the two read under its inverse: from `ref`, what it states and the inverses of what
    // targets it; to `ref`, what targets it and the inverses of what it states. DISTINCT:
    // both ends may state the same relation (a server gives each entity its own). Only
    // relations whose origin is live.
    static const QString inverses = [] {
        QStringList rows;
        for (const core::relation::InversePair &pair : core::relation::inversePairs()) {
            rows.append(QStringLiteral("('%1', '%2')").arg(pair.forward, pair.backward));
            rows.append(QStringLiteral("('%1', '%2')").arg(pair.backward, pair.forward));
        }
        return rows.join(QStringLiteral(", "));
    }();
    static const QString stated = QStringLiteral(
        "SELECT o.key AS source_key, r.type AS type, r.target_key AS target_key "
        "FROM entities o JOIN relations r ON r.origin_id = o.id WHERE o.key = ?1 AND o.removed_at IS NULL");
    static const QString statedInverted
        = QStringLiteral("SELECT r.target_key, i.inverse, o.key FROM entities o JOIN relations r ON r.origin_id = o.id "
                         "JOIN inverses i ON i.type = r.type WHERE o.key = ?1 AND o.removed_at IS NULL");
    static const QString targeting = QStringLiteral(
        "SELECT o.key AS source_key, r.type AS type, r.target_key AS target_key "
        "FROM relations r JOIN entities o ON o.id = r.origin_id WHERE r.target_key = ?1 AND o.removed_at IS NULL");
    static const QString targetingInverted
        = QStringLiteral("SELECT r.target_key, i.inverse, o.key FROM relations r JOIN entities o ON o.id = r.origin_id "
                         "JOIN inverses i ON i.type = r.type WHERE r.target_key = ?1 AND o.removed_at IS NULL");
    CAIRN_TRY_ASSIGN(ReusedStatement q,
        reused(QStringLiteral("WITH inverses(type, inverse) AS (VALUES %1), rel AS (%2 UNION ALL %3) "
                              "SELECT DISTINCT coalesce(se.ref, rel.source_key), rel.type, "
                              "coalesce(te.ref, rel.target_key) FROM rel "
                              "LEFT JOIN entities se ON se.key = rel.source_key "
                              "LEFT JOIN entities te ON te.key = rel.target_key "
                              "WHERE ?2 = '' OR rel.type = ?2 COLLATE NOCASE "
                              "ORDER BY 2, 1, 3")
                   .arg(inverses, from ? stated : targeting, from ? targetingInverted : statedInverted)));
    q->bind(1, ref.key());
    q->bind(2, type);
    QList<core::Relation> out;
    CAIRN_TRY(collectRows(*q, out, [](const Statement &s) {
        return core::Relation { s.text(1), refOf(s.text(0)), refOf(s.text(2)) };
    }));
    return out;
}

core::Result<QList<core::Relation>> CatalogQuery::relationsFrom(const core::EntityRef &ref, QStringView type) const
{
    return relations(ref, type, true);
}

core::Result<QList<core::Relation>> CatalogQuery::relationsTo(const core::EntityRef &ref, QStringView type) const
{
    return relations(ref, type, false);
}

core::Result<QList<core::EntityRecord>> CatalogQuery::nameCandidates(QStringView text, int limit) const
{
    const QString normalized = core::NameMatcher::normalize(text);
    QList<core::EntityRecord> out;
    if (normalized.isEmpty() || limit <= 0)
        return out;
    QSet<QString> seen;
    const int bound = core::NameMatcher::typoBound(normalized.size());
    // Near-spelling rows are kept only when their name or title is within the typo bound
    // (NameMatcher's own test, on indexed columns before any document is parsed), so rows
    // that merely share letters or a word never crowd the real typo out of `limit`.
    // Once a name or title matched exactly, a longer one sharing its start cannot be
    // NameMatcher's answer: the rest of a prefix range is not read (each row is a document
    // to parse), as the range is ordered by the column, equal values first.
    bool exact = false;
    enum class Rows { Prefix, Typo };
    const auto add = [&](Statement &q, Rows rows) -> core::Status {
        if (out.size() >= limit)
            return {};
        return forEachRow(q, [&](const Statement &row) {
            const auto far = [&] {
                return core::NameMatcher::distance(normalized, row.text(10), bound) > bound
                    && (row.text(11).isEmpty() || core::NameMatcher::distance(normalized, row.text(11), bound) > bound);
            };
            if (rows == Rows::Prefix) {
                const bool equal = row.text(10) == normalized || row.text(11) == normalized;
                if (exact && !equal)
                    return false;
                exact = exact || equal;
            }
            if (!seen.contains(row.text(6)) && !(rows == Rows::Typo && far())) {
                seen.insert(row.text(6));
                out.append(recordFrom(row));
            }
            return out.size() < limit;
        });
    };
    const QString select = QStringLiteral("SELECT ") + RecordColumns + RecordFrom;
    // Exact, then prefix: ordering the range by the column puts equal values first.
    CAIRN_TRY(byNamePrefix(select
            + QStringLiteral("WHERE %1 >= ?1 AND %1 < ?2 ORDER BY %1, e.removed_at IS NOT NULL "
                             "LIMIT ?3"),
        normalized, limit, [&](Statement &q) { return add(q, Rows::Prefix); }));
    // An exact or prefix match always beats a typo in NameMatcher: no need to look further.
    if (!out.isEmpty() || bound == 0)
        return out;
    // Near spellings of names and titles (a person mistypes "Krzysztof Szczepański" as
    // easily as krzysztof-szczepanski): same first two letters and a similar length, then
    // words in common through FTS; each kept only within the typo bound (see add).
    CAIRN_TRY(
        byNamePrefix(select + QStringLiteral("WHERE %1 >= ?1 AND %1 < ?2 AND length(%1) BETWEEN ?4 AND ?5 LIMIT ?3"),
            normalized.left(2), limit * 4, [&](Statement &q) {
                q.bind(4, qint64(normalized.size() - bound));
                q.bind(5, qint64(normalized.size() + bound));
                return add(q, Rows::Typo);
            }));
    const auto addWords = [&](const QString &words) -> core::Status {
        CAIRN_TRY_ASSIGN(ReusedStatement q,
            reused(select
                + QStringLiteral("WHERE e.id IN (SELECT rowid FROM entities_fts WHERE "
                                 "entities_fts MATCH ?1 LIMIT ?2)")));
        q->bind(1, words);
        q->bind(2, limit * 2);
        return add(*q, Rows::Typo);
    };
    const QString match = ftsPrefixQuery(text);
    if (!match.isEmpty())
        CAIRN_TRY(addWords(match));
    // A typo in one word of several ("servce 4711", "krzysztof szczepansky"): the other words
    // still find it, bounded; NameMatcher then measures the distance to the whole name.
    const QString anyWord = ftsPrefixQuery(text, true);
    if (anyWord != match)
        CAIRN_TRY(addWords(anyWord));
    return out;
}

core::Result<QList<core::EntityRecord>> CatalogQuery::entitiesOfKind(
    QStringView kind, const QStringList &statuses, int limit) const
{
    CAIRN_TRY_ASSIGN(ReusedStatement q,
        reused(QStringLiteral("SELECT ") + RecordColumns + RecordFrom
            + QStringLiteral("WHERE e.kind = ?1 AND e.removed_at IS NULL AND (?2 = '[]' OR "
                             "lower(e.status) IN (SELECT lower(value) FROM json_each(?2))) "
                             "ORDER BY e.key LIMIT ?3")));
    q->bind(1, kind.toString().toLower());
    q->bindUtf8(2, QJsonDocument(QJsonArray::fromStringList(statuses)).toJson(QJsonDocument::Compact));
    q->bind(3, limit);
    QList<core::EntityRecord> out;
    CAIRN_TRY(collectRows(*q, out, recordFrom));
    return out;
}

core::Result<QList<core::SearchHit>> CatalogQuery::search(QStringView text, int limit) const
{
    QList<core::SearchHit> out;
    const QString normalized = core::NameMatcher::normalize(text);
    if (normalized.isEmpty() || limit <= 0)
        return out;
    QSet<qint64> seen;
    const auto add = [&](Statement &q) -> core::Status {
        if (out.size() >= limit)
            return {};
        return forEachRow(q, [&](const Statement &row) {
            if (!seen.contains(row.int64(0))) {
                seen.insert(row.int64(0));
                const core::EntityRef ref = refOf(row.text(1));
                out.append(core::SearchHit { ref, ref.kind(), row.text(2), refOf(row.text(3)), false });
            }
            return out.size() < limit;
        });
    };
    // No document parsing here: a hit needs only indexed columns.
    const QString select
        = QStringLiteral("SELECT e.id, e.ref, e.display_name, coalesce(e.owner_key, '') FROM entities e ");
    CAIRN_TRY(byNamePrefix(
        select + QStringLiteral("WHERE %1 >= ?1 AND %1 < ?2 AND e.removed_at IS NULL ORDER BY %1 LIMIT ?3"), normalized,
        limit, add));
    const QString match = ftsPrefixQuery(text);
    if (!match.isEmpty() && out.size() < limit) {
        // Unranked and bounded: ranking (bm25) would score every hit before the first.
        CAIRN_TRY_ASSIGN(ReusedStatement q,
            reused(select
                + QStringLiteral("JOIN (SELECT rowid FROM entities_fts WHERE entities_fts "
                                 "MATCH ?1 LIMIT ?2) f ON f.rowid = e.id "
                                 "WHERE e.removed_at IS NULL")));
        q->bind(1, match);
        q->bind(2, limit * 2 + int(seen.size()));
        CAIRN_TRY(add(*q));
    }
    return out;
}

core::Result<QList<core::ScorecardResult>> CatalogQuery::health(const core::EntityRef &ref) const
{
    return HealthReader(m_db).forEntity(ref.key());
}

core::Result<QList<core::CatalogChange>> CatalogQuery::changesSince(
    const QDateTime &since, const QStringList &changes, int limit) const
{
    // Run by run, newest first, each run's lines in its primary key's order: a first import
    // of 100,000 entities is one run of 100,000 lines, and sorting them all for the first
    // fifty cost 135 ms. The run log keeps the last runs only (RunLog), so there are few.
    struct Run
    {
        qint64 id;
        QDateTime at;
        QString source;
    };
    CAIRN_TRY_ASSIGN(ReusedStatement runs,
        reused(QStringLiteral("SELECT id, finished_at, source_name FROM sync_runs "
                              "WHERE finished_at >= ?1 AND status != 'failed' ORDER BY finished_at DESC, id DESC")));
    runs->bind(1, since.toUTC().toString(Qt::ISODateWithMs));
    QList<Run> found;
    CAIRN_TRY(collectRows(*runs, found, [](const Statement &row) {
        return Run { row.int64(0), timeOf(row.text(1)), row.text(2) };
    }));
    runs->reset(); // no read left open while the lines are read

    QList<core::CatalogChange> out;
    const QByteArray wanted = QJsonDocument(QJsonArray::fromStringList(changes)).toJson(QJsonDocument::Compact);
    for (const Run &run : std::as_const(found)) {
        if (out.size() >= limit)
            break;
        // The ref as spelled and the title come from the entity, which a removal tombstones
        // but keeps.
        CAIRN_TRY_ASSIGN(ReusedStatement lines,
            reused(QStringLiteral("SELECT l.entity_key, l.change, e.ref, e.display_name FROM sync_run_entities l "
                                  "LEFT JOIN entities e ON e.key = l.entity_key WHERE l.run_id = ?1 "
                                  "AND l.change IN ('added', 'changed', 'removed') "
                                  "AND (?2 = '[]' OR l.change IN (SELECT value FROM json_each(?2))) "
                                  "ORDER BY l.entity_key LIMIT ?3")));
        lines->bind(1, run.id);
        lines->bindUtf8(2, wanted);
        lines->bind(3, limit - int(out.size()));
        CAIRN_TRY(forEachRow(*lines, [&out, &run](const Statement &row) {
            const core::EntityRef ref = refOf(row.isNull(2) ? row.text(0) : row.text(2));
            out.append(
                core::CatalogChange { run.at, run.source, ref, row.isNull(3) ? ref.name() : row.text(3), row.text(1) });
        }));
    }
    return out;
}

} // namespace cairn::cache
