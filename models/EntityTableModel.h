// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/EntitySelection.h"
#include "cache/ExportFilter.h"
#include "core/EntityRef.h"
#include "core/HealthResult.h"
#include "core/Result.h"
#include "models/TextInterner.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace cairn::cache {
class Cache;
class Database;
struct EntityColumn;
} // namespace cairn::cache

namespace cairn::models {

class BackgroundReader;

// One row an EntityTableModel holds.
struct EntityTableRow
{
    qint64 id = 0;
    core::EntityRef ref;
    QVariantList key; // the sort keys' values, then the id
    QVariantList cells; // as SQL gives them, one per column
};

// The live entities of one kind (or of every kind) as a table with that kind's view
// columns (cache::EntityColumns: the columns `cairn export --kind K` writes, without
// removed_at), filtered as you type and sorted in SQL on any column.
//
// Rows come page by page (fetchMore), each page the next rows after the last one held in
// the sort's order (sort keys, then the entity id): an index walk however deep the view
// has scrolled, and no row repeated or skipped when the cache changes between pages.
// refresh() reads again the range it holds and applies only the difference (rows removed,
// inserted, changed or moved), so a view keeps its selection and scroll through a sync.
//
// Every read runs off the UI thread (BackgroundReader: the rows on one connection, the
// count on another), so that a keystroke never waits for a match over 100,000 entities.
// A new kind, filter or sort supersedes what is in flight: the reads of the old one are
// interrupted and their answers dropped. Until the new rows arrive the table shows the
// old ones (a new kind: no rows, its columns at once); `reading` tells which is the case.
class EntityTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityTableModel)

public:
    static constexpr int PageSize = 200;

    explicit EntityTableModel(cache::Cache &cache, QObject *parent = nullptr);
    ~EntityTableModel() override;

    // A lower-case kind, or empty for every kind: its columns at once, its rows when read.
    // The sort column is kept when the new kind has it, else the table is sorted by name.
    void setKind(const QString &kind);
    // Name and title prefixes and words, as cache::ExportFilter::text.
    void setFilterText(const QString &text);
    // Only one owner's entities (a null ref: any owner's), or only those that name no
    // owner; as cache::ExportFilter::owner and withoutOwner.
    void setOwnerFilter(const core::EntityRef &owner, bool withoutOwner = false);
    // Only the entities in `band` of `scorecard` (an id), or of their worst scorecard when
    // it is empty; no band: any health. As cache::ExportFilter::healthBand.
    void setHealthBandFilter(std::optional<core::HealthBand> band, const QString &scorecard = {});
    const core::EntityRef &ownerFilter() const { return m_owner; }
    bool withoutOwnerFilter() const { return m_withoutOwner; }
    std::optional<core::HealthBand> healthBandFilter() const { return m_band; }
    const QString &healthScorecardFilter() const { return m_bandScorecard; }
    // In SQL. A column whose order has no index (cache::EntityColumns::sortIndex) is
    // sorted all the same, by SQLite rather than along an index.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    const QString &kind() const { return m_kind; }
    const QString &filterText() const { return m_text; }

    // The export column names of the kind, in order: section i is columnIds().at(i).
    QStringList columnIds() const;
    // The sections a view shows by default, in the order it shows them (cache::EntityColumns::tableDefaults).
    QList<int> defaultVisibleColumns() const;
    QString columnId(int section) const;
    // Whether sorting on `section` walks an index (the default visible columns do).
    bool isSortIndexed(int section) const;
    // Kind, text, owner, band and sort: what ViewExport needs to write the rows shown, in their order.
    cache::ExportFilter exportFilter() const;

    // Reads again the rows held (up to the last one loaded, or a page more when all are)
    // and the total, and applies the difference in place; never resets.
    void refresh();
    // True while rows or the count asked for have not arrived yet.
    bool isReading() const;
    // The rows matching kind and filter, loaded or not; -1 until counted.
    qint64 totalCount() const { return m_total; }
    // The row of `ref` among the loaded rows; invalid when it is not loaded.
    QModelIndex indexOf(const core::EntityRef &ref) const;
    // The error of the last read, shown by the view instead of a silently short table.
    const QString &lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void totalCountChanged(qint64 count);
    // Rows arrived (a new selection's first page, a page more, or a refresh), or a read
    // failed: lastError() says which.
    void rowsRead();
    // Nothing asked for is still being read.
    void settled();

private:
    using Row = EntityTableRow;
    // What is being read: the selection and the rows' columns, copied for the reader.
    struct Query
    {
        cache::ExportFilter filter;
        QList<const cache::EntityColumn *> columns;
        int sortColumn = 0;
    };
    enum class Read { None, Reset, Page, Refresh };
    using Bound = cache::EntitySelection::Bound;

    // On the reader's thread: the rows after (or up to) the row keyed `key`, and the total.
    static core::Result<QList<Row>> read(
        cache::Database &db, const Query &query, Bound bound, const QVariantList &key, int limit);
    static core::Result<qint64> count(cache::Database &db, const Query &query);

    Query query() const;
    void restart();
    void startNextRead();
    void startCount();
    void finishRead(Read read, quint64 generation, core::Result<QList<Row>> rows, int limit);
    void applyDifference(QList<Row> fresh);
    // Lets go of the rows held (and their index by key).
    void dropRows();
    // Makes the rows share one copy of each text they repeat (m_texts), before they are held.
    void shareRepeatedTexts(QList<Row> &rows);
    void setTotal(qint64 total);
    void endRead();
    QVariant display(const cache::EntityColumn &column, const QVariant &value) const;

    BackgroundReader *m_rowReader;
    BackgroundReader *m_countReader;
    QString m_kind;
    QString m_text;
    core::EntityRef m_owner;
    bool m_withoutOwner = false;
    std::optional<core::HealthBand> m_band;
    QString m_bandScorecard;
    QList<const cache::EntityColumn *> m_columns;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<Row> m_rows;
    mutable QHash<QString, int> m_rowOfKey; // ref key -> row, rebuilt when rows change
    TextInterner m_texts; // the texts the rows of this selection repeat
    bool m_complete = false;
    bool m_applying = false; // rows arriving are being applied (and signalled)
    // The rows' selection changes with each kind, filter or sort: answers for an older
    // one are dropped.
    quint64 m_generation = 0;
    Read m_inFlight = Read::None;
    bool m_resetWanted = false;
    bool m_pageWanted = false;
    bool m_refreshWanted = false;
    quint64 m_countInFlight = 0; // the generation being counted, 0 for none
    bool m_countWanted = false;
    qint64 m_total = -1;
    QString m_lastError;
};

} // namespace cairn::models

// Its members are all relocatable: a table scrolled to its 450,000th row grows its list by
// realloc() instead of moving each row into new pages one by one (185 ms on the UI thread).
Q_DECLARE_TYPEINFO(cairn::models::EntityTableRow, Q_RELOCATABLE_TYPE);
