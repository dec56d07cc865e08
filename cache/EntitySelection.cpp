// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/EntitySelection.h"

#include "cache/CatalogQuery.h"
#include "cache/EntityColumns.h"
#include "cache/Statement.h"
#include "core/NameMatcher.h"
#include "core/ScorecardEvaluator.h"

namespace cairn::cache {

namespace {

bool isNumeric(ColumnType type)
{
    return type == ColumnType::Integer || type == ColumnType::Number || type == ColumnType::Percent;
}

} // namespace

EntitySelection::EntitySelection(ExportFilter filter)
    : m_filter(std::move(filter))
{
    m_where = QStringLiteral("WHERE 1 ");
    if (!m_filter.kind.isEmpty()) {
        // Only a kind from EntityColumns' fixed list is written into the SQL.
        const QString known = EntityColumns::knownKind(m_filter.kind);
        m_where
            += known.isEmpty() ? QStringLiteral("AND e.kind = ?1 ") : QStringLiteral("AND e.kind = '%1' ").arg(known);
    }
    // Owner and band as sets of ids, each read on an index: a walk along a sort index
    // tests them without reading the rows it passes.
    if (m_filter.withoutOwner)
        m_where += QStringLiteral("AND e.id IN (SELECT id FROM entities WHERE owner_key IS NULL OR owner_key = '') ");
    else if (!m_filter.owner.isNull())
        m_where += QStringLiteral("AND e.id IN (SELECT id FROM entities WHERE owner_key = ?2) ");
    if (m_filter.healthBand) {
        if (!m_filter.healthScorecard.isEmpty()) {
            m_where += QStringLiteral("AND e.id IN (SELECT entity_id FROM health WHERE scorecard = ?7 AND band = ?6) ");
        } else if (EntityColumns::knownKind(m_filter.kind) == u"component") {
            // The worst band is the worst score's: a range of the components' health index.
            m_lowestScore = 100;
            m_highestScore = 0;
            for (int score = 0; score <= 100; ++score) {
                if (core::ScorecardEvaluator::bandFor(score) == *m_filter.healthBand) {
                    m_lowestScore = qMin(m_lowestScore, score);
                    m_highestScore = qMax(m_highestScore, score);
                }
            }
            // Named: without statistics the planner would rather take (kind, name) and read
            // every component.
            m_where += QStringLiteral("AND e.id IN (SELECT id FROM entities INDEXED BY entities_component_by_health "
                                      "WHERE kind = 'component' AND removed_at IS NULL "
                                      "AND coalesce(health_score, -1) BETWEEN ?8 AND ?9) ");
        } else {
            m_where += QStringLiteral("AND e.health_band = ?6 ");
        }
    }
    if (!m_filter.text.trimmed().isEmpty()) {
        m_match = CatalogQuery::ftsPrefixQuery(m_filter.text);
        m_normalized = core::NameMatcher::normalize(m_filter.text);
        // Same meaning as `cairn list --query`: 1-letter words have no FTS prefix index,
        // so such a text matches names and titles by prefix instead. Both are sets of ids,
        // so a walk along a sort index tests each row without reading it.
        if (m_match.isEmpty())
            m_where += QStringLiteral("AND e.id IN (SELECT id FROM entities WHERE match_name >= ?3 AND match_name < ?4 "
                                      "UNION SELECT id FROM entities WHERE match_title >= ?3 AND match_title < ?4) ");
        else
            m_where += QStringLiteral("AND e.id IN (SELECT rowid FROM entities_fts WHERE entities_fts MATCH ?5) ");
    }
    // Last: on a walk along an index that holds tombstones too (entities_kind_name), the
    // terms before it reject most rows without reading them.
    if (!m_filter.includeRemoved)
        m_where += QStringLiteral("AND e.removed_at IS NULL ");
    if (!m_filter.sortColumn.isEmpty()) {
        const EntityColumn *column = EntityColumns::find(m_filter.kind, m_filter.sortColumn);
        m_sortKnown = column != nullptr;
        if (column) {
            m_sortKeys = column->sortKeys;
            if (!m_filter.includeRemoved)
                m_sortIndex = EntityColumns::sortIndex(m_filter.kind, m_filter.sortColumn);
        }
    }
}

core::Status EntitySelection::check() const
{
    if (m_sortKnown)
        return {};
    return core::Error { QStringLiteral("Cannot sort by \"%1\": not a column of %2.")
                             .arg(m_filter.sortColumn, EntityColumns::viewFor(m_filter.kind)) };
}

QString EntitySelection::orderBy() const
{
    if (m_sortKeys.isEmpty() || !m_sortKnown)
        return QStringLiteral("ORDER BY e.kind, e.name");
    const QString direction = m_filter.sortDescending ? QStringLiteral(" DESC") : QString();
    QStringList terms;
    for (QStringView key : m_sortKeys)
        terms.append(key.toString() + direction);
    terms.append(QStringLiteral("e.id") + direction);
    return QStringLiteral("ORDER BY ") + terms.join(QStringLiteral(", "));
}

QString EntitySelection::keyset(int first, bool upTo) const
{
    // (k1, k2, id) > (?a, ?b, ?c) written as k1 >= ?a AND (k1 > ?a OR (k2 >= ?b AND (...
    // id > ?c))): the leading term is a range SQLite can seek on an expression index,
    // which it does not do for a row value.
    const bool forward = m_filter.sortDescending == upTo;
    const QString strict = forward ? QStringLiteral(">") : QStringLiteral("<");
    const QString loose = forward ? QStringLiteral(">=") : QStringLiteral("<=");
    QStringList keys;
    for (QStringView key : m_sortKeys)
        keys.append(key.toString());
    keys.append(QStringLiteral("e.id"));
    const int last = int(keys.size()) - 1;
    QString sql = QStringLiteral("%1 %2 ?%3").arg(keys.at(last), upTo ? loose : strict).arg(first + last);
    for (int i = last - 1; i >= 0; --i) {
        sql = QStringLiteral("%1 %2 ?%3 AND (%1 %4 ?%3 OR %5)")
                  .arg(keys.at(i), loose)
                  .arg(first + i)
                  .arg(strict, i == last - 1 ? sql : QStringLiteral("(") + sql + QStringLiteral(")"));
    }
    return QStringLiteral("AND ") + sql + QStringLiteral(" ");
}

QString EntitySelection::after(int first) const
{
    return keyset(first, false);
}

QString EntitySelection::upTo(int first) const
{
    return keyset(first, true);
}

QString EntitySelection::pageSql(const QStringList &columns, Bound bound, int limit) const
{
    QStringList expressions { QStringLiteral("e.id"), QStringLiteral("e.ref") };
    for (QStringView key : m_sortKeys)
        expressions.append(key.toString());
    expressions.append(columns);
    QString sql
        = QStringLiteral("SELECT ") + expressions.join(QStringLiteral(", ")) + QStringLiteral(" FROM entities e ");
    if (!m_sortIndex.isEmpty())
        sql += QStringLiteral("INDEXED BY ") + m_sortIndex + u' ';
    sql += m_where;
    if (bound == Bound::After)
        sql += after(FirstFreeParameter);
    else if (bound == Bound::UpTo)
        sql += upTo(FirstFreeParameter);
    sql += orderBy();
    if (limit >= 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    return sql;
}

QString EntitySelection::countSql() const
{
    QString sql = QStringLiteral("SELECT count(*) FROM entities e ");
    if (!m_filter.includeRemoved)
        sql += QStringLiteral("INDEXED BY ") + EntityColumns::countIndex(m_filter.kind) + u' ';
    return sql + m_where;
}

void EntitySelection::bindKey(Statement &q, int first, const QVariantList &keyValues) const
{
    const EntityColumn *column
        = m_filter.sortColumn.isEmpty() ? nullptr : EntityColumns::find(m_filter.kind, m_filter.sortColumn);
    const bool numeric = column && isNumeric(column->type);
    for (qsizetype i = 0; i < keyValues.size(); ++i) {
        const QVariant &value = keyValues.at(i);
        const int index = first + int(i);
        if (i == keyValues.size() - 1)
            q.bind(index, value.toLongLong()); // the id
        else if (numeric)
            q.bind(index, value.toDouble());
        else
            q.bind(index, value.toString());
    }
}

void EntitySelection::bind(Statement &q) const
{
    const QString known = EntityColumns::knownKind(m_filter.kind);
    if (!m_filter.kind.isEmpty() && known.isEmpty())
        q.bind(1, m_filter.kind.toLower());
    if (!m_filter.owner.isNull() && !m_filter.withoutOwner)
        q.bind(2, m_filter.owner.key());
    if (m_filter.healthBand) {
        if (!m_filter.healthScorecard.isEmpty()) {
            q.bind(6, core::ScorecardEvaluator::bandId(*m_filter.healthBand));
            q.bind(7, m_filter.healthScorecard);
        } else if (EntityColumns::knownKind(m_filter.kind) == u"component") {
            q.bind(8, qint64(m_lowestScore));
            q.bind(9, qint64(m_highestScore));
        } else {
            q.bind(6, core::ScorecardEvaluator::bandId(*m_filter.healthBand));
        }
    }
    if (!m_filter.text.trimmed().isEmpty()) {
        if (m_match.isEmpty()) {
            q.bind(3, m_normalized);
            q.bind(4, CatalogQuery::prefixEnd(m_normalized));
        } else {
            q.bind(5, m_match);
        }
    }
}

} // namespace cairn::cache
