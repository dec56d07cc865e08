// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace cairn::cache {

// What a column holds, so that a table can show it in the user's locale; a CSV has the
// value as read.
enum class ColumnType {
    Text,
    List, // items joined with "; "
    Date, // ISO 8601 (a timestamp's first ten characters are the day)
    Timestamp, // ISO 8601 date and time
    Integer,
    Number,
    Percent, // 0-100
};

// One column of a kind's public view (docs/cache-schema.md).
struct EntityColumn
{
    QStringView name; // as in the view; the CSV header
    QStringView expression; // SQL over `entities e`: the view's value
    // SQL over `entities e`, never NULL, whose order is the column's order (text without
    // regard to case); the partial indexes of schema 4 are built on exactly these.
    QList<QStringView> sortKeys;
    ColumnType type = ColumnType::Text;
};

// The columns of each kind's view, shared by ViewExport (what `cairn export --kind K`
// writes) and the desktop's table, so that a table and its export agree.
class EntityColumns final
{
public:
    // The view whose columns `kind` has ("v_entities" for empty or other kinds).
    static QString viewFor(QStringView kind);
    // The kind's view columns, in the view's order (without removed_at).
    static const QList<EntityColumn> &of(QStringView kind);
    // A column of the kind's view, or removed_at; null when there is none.
    static const EntityColumn *find(QStringView kind, QStringView name);
    static const EntityColumn &removedAt();

    // What an export writes when no columns are chosen.
    static QStringList exportDefaults(QStringView kind);
    // What a table shows by default; each has a sort index (sortIndex()).
    static QStringList tableDefaults(QStringView kind);

    // The lower-case kind when it has a view of its own, for SQL that names it as a
    // literal (a partial index applies only then); empty for any other kind.
    static QString knownKind(QStringView kind);
    // The index whose order is `column`'s for live entities of `kind` (empty: every kind);
    // empty when there is none (other kinds, columns a table does not show by default).
    static QString sortIndex(QStringView kind, QStringView column);
    // An index holding every live entity of `kind` (empty: of every kind, or any other
    // kind), small enough that counting its entries beats reading the rows.
    static QString countIndex(QStringView kind);
};

} // namespace cairn::cache
