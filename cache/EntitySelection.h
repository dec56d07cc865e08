// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/ExportFilter.h"
#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace cairn::cache {

class Statement;

// The SQL that selects what an ExportFilter takes, in its order, from `entities e`: one
// WHERE and one ORDER BY for ViewExport and the desktop's table, so an export of the
// table's view has its rows in its order. Also the keyset conditions a table pages with:
// the sort keys and the entity id (the unique tiebreaker) of a row it holds.
//
// The filter's parameters are ?1 to ?9; keyset values and anything else a caller adds
// start at FirstFreeParameter.
class EntitySelection final
{
public:
    static constexpr int FirstFreeParameter = 10;

    explicit EntitySelection(ExportFilter filter);

    const ExportFilter &filter() const { return m_filter; }
    // An error when the sort column is not a column of the kind.
    core::Status check() const;

    // "WHERE ... " (the kind as a literal when it has a view of its own, so that the
    // partial indexes apply).
    const QString &where() const { return m_where; }
    // "ORDER BY ..." : the sort keys, then e.id, both in the sort's direction; without a
    // sort column, kind then name.
    QString orderBy() const;
    // The sort keys without e.id; empty without a sort column.
    const QList<QStringView> &sortKeys() const { return m_sortKeys; }
    // The index whose order is the sort's, when the schema has one for the kind and column
    // (EntityColumns::sortIndex); a table names it ("INDEXED BY") so that no plan sorts.
    const QString &sortIndex() const { return m_sortIndex; }

    enum class Bound { None, After, UpTo };
    // A table's page: e.id, e.ref, the sort keys, then `columns` (SQL expressions), of the
    // rows after (or up to) a row's key (parameters from FirstFreeParameter, see
    // bindKey()), at most `limit` (negative: all). Names the sort index, so that the plan
    // walks it rather than sorting (the planner, without statistics, would rather take
    // (kind, name) and sort what it finds).
    QString pageSql(const QStringList &columns, Bound bound, int limit) const;

    // How many entities the filter takes; counted on a covering index when the filter
    // leaves out tombstones.
    QString countSql() const;

    // The rows after a row whose sort keys then id are `keyValues` (sortKeys().size() + 1
    // parameters from `first`): "AND ...", as an index range on the first key.
    QString after(int first) const;
    // The rows up to that row, itself included.
    QString upTo(int first) const;
    // Binds the keyset values: text, or numbers for the numeric sort keys.
    void bindKey(Statement &q, int first, const QVariantList &keyValues) const;
    // Binds the filter's parameters.
    void bind(Statement &q) const;

private:
    QString keyset(int first, bool upTo) const;

    ExportFilter m_filter;
    QString m_where;
    QString m_match; // FTS5 expression, or empty
    QString m_normalized; // the text normalised for the name prefix fallback
    int m_lowestScore = 0; // the worst band's score range, for the components' health index
    int m_highestScore = 100;
    QList<QStringView> m_sortKeys;
    QString m_sortIndex;
    bool m_sortKnown = true;
};

} // namespace cairn::cache
