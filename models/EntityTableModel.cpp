// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/EntityTableModel.h"

#include "cache/Cache.h"
#include "cache/EntityColumns.h"
#include "cache/SqlTry.h"
#include "cache/Statement.h"
#include "core/HealthWords.h"
#include "core/ScorecardEvaluator.h"
#include "core/Words.h"
#include "models/BackgroundReader.h"
#include "models/ItemRoles.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <QThreadPool>

#include <algorithm>
#include <array>
#include <utility>

namespace cairn::models {

namespace {

using cache::ColumnType;

QString headerOf(QStringView id)
{
    static const QHash<QString, const char *> titles = {
        { QStringLiteral("ref"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Ref") },
        { QStringLiteral("kind"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Kind") },
        { QStringLiteral("namespace"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Namespace") },
        { QStringLiteral("name"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Name") },
        { QStringLiteral("title"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Title") },
        { QStringLiteral("display_name"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Display name") },
        { QStringLiteral("type"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Type") },
        { QStringLiteral("lifecycle"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Lifecycle") },
        { QStringLiteral("status"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Status") },
        { QStringLiteral("owner"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Owner") },
        { QStringLiteral("system"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "System") },
        { QStringLiteral("subcomponent_of"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Part of") },
        { QStringLiteral("domain"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Domain") },
        { QStringLiteral("tags"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Tags") },
        { QStringLiteral("description"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Description") },
        { QStringLiteral("source"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Source") },
        { QStringLiteral("first_seen"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "First seen") },
        { QStringLiteral("updated_at"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Updated") },
        { QStringLiteral("document"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Document") },
        { QStringLiteral("email"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "E-mail") },
        { QStringLiteral("parent"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Parent") },
        { QStringLiteral("children"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Children") },
        { QStringLiteral("members"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Member list") },
        { QStringLiteral("member_count"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Members") },
        { QStringLiteral("member_of"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Teams") },
        { QStringLiteral("team"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Team") },
        { QStringLiteral("start_date"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Start date") },
        { QStringLiteral("target_date"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Target date") },
        { QStringLiteral("goals"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Goals") },
        { QStringLiteral("update_count"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Updates") },
        { QStringLiteral("last_update"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Last update") },
        { QStringLiteral("slips"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Slips") },
        { QStringLiteral("progress_current"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Current") },
        { QStringLiteral("progress_target"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Target") },
        { QStringLiteral("progress_unit"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Unit") },
        { QStringLiteral("progress"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Progress") },
        { QStringLiteral("removed_at"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Removed") },
        { QStringLiteral("health"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Health") },
        { QStringLiteral("health_band"), QT_TRANSLATE_NOOP("cairn::models::EntityTableModel", "Health band") },
    };
    const char *title = titles.value(id.toString());
    return title ? EntityTableModel::tr(title) : id.toString();
}

bool isNumeric(ColumnType type)
{
    return type == ColumnType::Integer || type == ColumnType::Number || type == ColumnType::Percent;
}

QVariant cellOf(const cache::Statement &q, int column, ColumnType type)
{
    if (q.isNull(column))
        return {};
    switch (type) {
    case ColumnType::Integer:
        return q.int64(column);
    case ColumnType::Number:
    case ColumnType::Percent:
        return q.real(column);
    case ColumnType::Text:
    case ColumnType::List:
    case ColumnType::Date:
    case ColumnType::Timestamp:
        break;
    }
    return q.text(column);
}

// Whether a column's texts repeat from row to row (a type, a lifecycle, an owner), rather
// than name the entity itself (its ref, name, title, e-mail, description).
bool repeats(const cache::EntityColumn &column)
{
    static constexpr std::array<QStringView, 7> own { u"ref", u"name", u"title", u"display_name", u"email",
        u"description", u"document" };
    return std::find(own.begin(), own.end(), column.name) == own.end();
}

// The indexes of the longest run of `positions` (distinct) that increases: the rows that
// keep their order; every other one has moved.
QList<bool> longestIncreasing(const QList<int> &positions)
{
    QList<int> tails; // index into positions of the smallest tail of each length
    QList<int> previous(positions.size(), -1);
    for (int i = 0; i < positions.size(); ++i) {
        const auto at = std::lower_bound(tails.begin(), tails.end(), positions.at(i),
            [&](int index, int value) { return positions.at(index) < value; });
        if (at != tails.begin())
            previous[i] = *(at - 1);
        if (at == tails.end())
            tails.append(i);
        else
            *at = i;
    }
    QList<bool> kept(positions.size(), false);
    for (int i = tails.isEmpty() ? -1 : tails.constLast(); i >= 0; i = previous.at(i))
        kept[i] = true;
    return kept;
}

} // namespace

EntityTableModel::EntityTableModel(cache::Cache &cache, QObject *parent)
    : QAbstractTableModel(parent)
    , m_rowReader(new BackgroundReader(cache, this))
    , m_countReader(new BackgroundReader(cache, this))
{
    for (const cache::EntityColumn &column : cache::EntityColumns::of(m_kind))
        m_columns.append(&column);
    m_sortColumn = int(columnIds().indexOf(QStringLiteral("name")));
    restart();
}

EntityTableModel::~EntityTableModel()
{
    // The readers' threads end while the model is whole: no answer reaches it half gone.
    delete m_rowReader;
    delete m_countReader;
}

QStringList EntityTableModel::columnIds() const
{
    QStringList ids;
    ids.reserve(m_columns.size());
    for (const cache::EntityColumn *column : m_columns)
        ids.append(column->name.toString());
    return ids;
}

QList<int> EntityTableModel::defaultVisibleColumns() const
{
    QList<int> sections;
    for (const QString &shown : cache::EntityColumns::tableDefaults(m_kind)) {
        for (int i = 0; i < m_columns.size(); ++i) {
            if (m_columns.at(i)->name == shown)
                sections.append(i);
        }
    }
    return sections;
}

QString EntityTableModel::columnId(int section) const
{
    return section >= 0 && section < m_columns.size() ? m_columns.at(section)->name.toString() : QString();
}

bool EntityTableModel::isSortIndexed(int section) const
{
    return !cache::EntityColumns::sortIndex(m_kind, columnId(section)).isEmpty();
}

cache::ExportFilter EntityTableModel::exportFilter() const
{
    cache::ExportFilter filter;
    filter.kind = m_kind;
    filter.text = m_text;
    filter.owner = m_owner;
    filter.withoutOwner = m_withoutOwner;
    filter.healthBand = m_band;
    filter.healthScorecard = m_bandScorecard;
    filter.sortColumn = columnId(m_sortColumn);
    filter.sortDescending = m_sortOrder == Qt::DescendingOrder;
    return filter;
}

EntityTableModel::Query EntityTableModel::query() const
{
    return Query { exportFilter(), m_columns, m_sortColumn };
}

void EntityTableModel::setKind(const QString &kind)
{
    const QString sortId = columnId(m_sortColumn);
    // The new kind's columns show at once, so that a view lays out its header now; the
    // old kind's rows go with them.
    beginResetModel();
    m_kind = kind.toLower();
    m_columns.clear();
    for (const cache::EntityColumn &column : cache::EntityColumns::of(m_kind))
        m_columns.append(&column);
    m_sortColumn = int(columnIds().indexOf(sortId));
    if (m_sortColumn < 0) {
        m_sortColumn = int(columnIds().indexOf(QStringLiteral("name")));
        m_sortOrder = Qt::AscendingOrder;
    }
    dropRows();
    restart();
    endResetModel();
    setTotal(-1);
}

void EntityTableModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    restart();
}

void EntityTableModel::setOwnerFilter(const core::EntityRef &owner, bool withoutOwner)
{
    const core::EntityRef wanted = withoutOwner ? core::EntityRef() : owner;
    if (wanted == m_owner && withoutOwner == m_withoutOwner)
        return;
    m_owner = wanted;
    m_withoutOwner = withoutOwner;
    restart();
}

void EntityTableModel::setHealthBandFilter(std::optional<core::HealthBand> band, const QString &scorecard)
{
    const QString wanted = band ? scorecard : QString();
    if (band == m_band && wanted == m_bandScorecard)
        return;
    m_band = band;
    m_bandScorecard = wanted;
    restart();
}

void EntityTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_columns.size()) {
        // A view with no sort indicator: the default order.
        column = int(columnIds().indexOf(QStringLiteral("name")));
        order = Qt::AscendingOrder;
    }
    m_sortColumn = column;
    m_sortOrder = order;
    restart();
}

void EntityTableModel::refresh()
{
    m_refreshWanted = true;
    m_countWanted = true;
    startNextRead();
    startCount();
}

bool EntityTableModel::isReading() const
{
    return m_inFlight != Read::None || m_resetWanted || m_pageWanted || m_refreshWanted || m_countInFlight != 0
        || m_countWanted;
}

void EntityTableModel::restart()
{
    ++m_generation;
    m_complete = false;
    m_resetWanted = true;
    m_pageWanted = false;
    m_refreshWanted = false; // the new selection's first read is fresh
    m_countWanted = true;
    // What is in flight was asked for an older selection: stop it rather than wait.
    if (m_inFlight != Read::None)
        m_rowReader->interrupt();
    if (m_countInFlight != 0)
        m_countReader->interrupt();
    startNextRead();
    startCount();
}

void EntityTableModel::startNextRead()
{
    if (m_inFlight != Read::None)
        return;
    Read next = Read::None;
    Bound bound = Bound::None;
    QVariantList key;
    int limit = PageSize;
    if (m_resetWanted) {
        next = Read::Reset;
    } else if (m_pageWanted && !m_complete && !m_rows.isEmpty()) {
        next = Read::Page;
        bound = Bound::After;
        key = m_rows.constLast().key;
    } else if (m_refreshWanted) {
        next = Read::Refresh;
        // All that matched was held: read as many again and a page more, so that rows
        // added at the end show, while a sync that added thousands is still paged.
        if (m_rows.isEmpty() || m_complete) {
            limit = int(m_rows.size()) + PageSize;
        } else {
            bound = Bound::UpTo;
            key = m_rows.constLast().key;
            limit = -1;
        }
    }
    m_resetWanted = false;
    m_pageWanted = false;
    if (next == Read::Refresh)
        m_refreshWanted = false;
    if (next == Read::None) {
        if (!isReading())
            Q_EMIT settled();
        return;
    }
    m_inFlight = next;
    const quint64 generation = m_generation;
    m_rowReader->run([this, query = query(), next, bound, key, limit, generation](core::Result<cache::Cache *> reader) {
        core::Result<QList<Row>> rows
            = reader ? read((*reader)->database(), query, bound, key, limit) : core::Result<QList<Row>>(reader.error());
        BackgroundReader::deliver(this, [this, next, generation, rows = std::move(rows), limit]() mutable {
            finishRead(next, generation, std::move(rows), limit);
        });
    });
}

void EntityTableModel::finishRead(Read done, quint64 generation, core::Result<QList<Row>> rows, int limit)
{
    m_inFlight = Read::None;
    if (generation != m_generation) {
        startNextRead(); // superseded: the newer selection's read goes out now
        return;
    }
    // A tester or view that asks for more in its slot for these signals gets nothing: it asks
    // again once it has laid out the rows, and a page is not read for nobody to see.
    m_applying = true;
    if (!rows) {
        m_lastError = rows.errorString();
        if (done == Read::Reset) {
            beginResetModel();
            dropRows();
            m_complete = true;
            endResetModel();
        } else if (done == Read::Page) {
            m_complete = true; // a view would ask again at once, and fail again
        }
    } else {
        m_lastError.clear();
        if (done == Read::Reset)
            m_texts.clear(); // a new selection: its own texts
        shareRepeatedTexts(*rows);
        switch (done) {
        case Read::Reset:
            beginResetModel();
            dropRows();
            m_rows = std::move(rows).value();
            m_complete = m_rows.size() < PageSize;
            endResetModel();
            break;
        case Read::Page:
            if (rows->isEmpty()) {
                m_complete = true;
            } else {
                const int first = int(m_rows.size());
                beginInsertRows({}, first, first + int(rows->size()) - 1);
                m_complete = rows->size() < PageSize;
                m_rows.append(std::move(rows).value());
                m_rowOfKey.clear();
                endInsertRows();
            }
            break;
        case Read::Refresh:
            if (limit >= 0)
                m_complete = rows->size() < limit;
            applyDifference(std::move(rows).value());
            break;
        case Read::None:
            break;
        }
    }
    m_applying = false;
    Q_EMIT rowsRead();
    startNextRead();
}

void EntityTableModel::shareRepeatedTexts(QList<Row> &rows)
{
    const auto share = [this](QVariant &value) {
        if (value.typeId() == QMetaType::QString)
            value = m_texts.intern(value.toString());
    };
    QList<qsizetype> repeating; // the columns whose cells are shared, decided once
    for (qsizetype c = 0; c < m_columns.size(); ++c)
        if (repeats(*m_columns.at(c)))
            repeating.append(c);
    const bool sortRepeats = repeating.contains(m_sortColumn);
    for (Row &row : rows) {
        if (!row.ref.isNull())
            row.ref = core::EntityRef(m_texts.intern(row.ref.kind()), m_texts.intern(row.ref.ns()), row.ref.name());
        for (const qsizetype c : repeating)
            if (c < row.cells.size())
                share(row.cells[c]);
        if (sortRepeats && !row.key.isEmpty())
            share(row.key.first()); // the column's own sort key; those after it name the entity
    }
}

void EntityTableModel::dropRows()
{
    // A table scrolled through hundreds of thousands of rows takes a third of a second to
    // free them (450,000 at a million entities): that is done on a pool thread, not in the
    // frame that shows the next view. The rows share nothing that is not reference-counted
    // atomically (QString, QVariant), so they may die there.
    constexpr qsizetype freedAside = 20000;
    if (m_rows.size() < freedAside) {
        m_rows.clear();
        m_rowOfKey.clear();
        return;
    }
    QThreadPool::globalInstance()->start(
        [rows = std::exchange(m_rows, {}), keys = std::exchange(m_rowOfKey, {})]() mutable {
            rows.clear();
            keys.clear();
        });
}

void EntityTableModel::startCount()
{
    if (!m_countWanted || m_countInFlight != 0)
        return;
    m_countWanted = false;
    const quint64 generation = m_generation;
    m_countInFlight = generation;
    m_countReader->run([this, query = query(), generation](core::Result<cache::Cache *> reader) {
        core::Result<qint64> total
            = reader ? count((*reader)->database(), query) : core::Result<qint64>(reader.error());
        BackgroundReader::deliver(this, [this, generation, total] {
            m_countInFlight = 0;
            if (generation == m_generation) {
                if (total)
                    setTotal(*total);
                else
                    m_lastError = total.errorString();
            }
            startCount();
            if (!isReading())
                Q_EMIT settled();
        });
    });
}

core::Result<QList<EntityTableModel::Row>> EntityTableModel::read(
    cache::Database &db, const Query &query, Bound bound, const QVariantList &key, int limit)
{
    const cache::EntitySelection select(query.filter);
    CAIRN_TRY(select.check());
    QStringList columns;
    for (const cache::EntityColumn *column : query.columns)
        columns.append(column->expression.toString());
    CAIRN_TRY_ASSIGN(cache::Statement q, db.prepare(select.pageSql(columns, bound, limit)));
    select.bind(q);
    if (bound != Bound::None)
        select.bindKey(q, cache::EntitySelection::FirstFreeParameter, key);

    const int keyCount = int(select.sortKeys().size());
    const cache::EntityColumn *sortColumn = query.columns.value(query.sortColumn);
    const bool numericKey = sortColumn && isNumeric(sortColumn->type);
    QList<Row> rows;
    for (;;) {
        CAIRN_TRY_ASSIGN(cache::Statement::Step step, q.step());
        if (step == cache::Statement::Step::Done)
            break;
        Row r;
        r.id = q.int64(0);
        core::Result<core::EntityRef> ref = core::EntityRef::parse(q.text(1));
        if (ref)
            r.ref = std::move(ref).value();
        r.key.reserve(keyCount + 1);
        for (int k = 0; k < keyCount; ++k)
            r.key.append(numericKey ? QVariant(q.real(2 + k)) : QVariant(q.text(2 + k)));
        r.key.append(r.id);
        r.cells.reserve(query.columns.size());
        for (int c = 0; c < query.columns.size(); ++c)
            r.cells.append(cellOf(q, 2 + keyCount + c, query.columns.at(c)->type));
        rows.append(std::move(r));
    }
    return rows;
}

core::Result<qint64> EntityTableModel::count(cache::Database &db, const Query &query)
{
    const cache::EntitySelection select(query.filter);
    CAIRN_TRY(select.check());
    CAIRN_TRY_ASSIGN(cache::Statement q, db.prepare(select.countSql()));
    select.bind(q);
    CAIRN_TRY_ASSIGN(cache::Statement::Step step, q.step());
    return step == cache::Statement::Step::Row ? q.int64(0) : qint64(0);
}

void EntityTableModel::setTotal(qint64 total)
{
    if (total == m_total)
        return;
    m_total = total;
    Q_EMIT totalCountChanged(total);
}

void EntityTableModel::applyDifference(QList<Row> fresh)
{
    m_rowOfKey.clear();
    QHash<qint64, int> freshRow;
    freshRow.reserve(fresh.size());
    for (int i = 0; i < fresh.size(); ++i)
        freshRow.insert(fresh.at(i).id, i);

    // Rows still there in the same relative order stay (their persistent indexes with
    // them); the others go: gone, or moved (they come back at their place below).
    QList<int> positions; // fresh row of each old row still there
    QList<int> stillThere; // the old rows those are
    for (int i = 0; i < m_rows.size(); ++i) {
        const int at = freshRow.value(m_rows.at(i).id, -1);
        if (at >= 0) {
            positions.append(at);
            stillThere.append(i);
        }
    }
    const QList<bool> inOrder = longestIncreasing(positions);
    QList<bool> keep(m_rows.size(), false);
    for (int i = 0; i < stillThere.size(); ++i)
        keep[stillThere.at(i)] = inOrder.at(i);

    // Removals from the bottom up, one signal per contiguous range.
    for (int last = int(m_rows.size()) - 1; last >= 0;) {
        if (keep.at(last)) {
            --last;
            continue;
        }
        int firstOfRange = last;
        while (firstOfRange > 0 && !keep.at(firstOfRange - 1))
            --firstOfRange;
        beginRemoveRows({}, firstOfRange, last);
        m_rows.remove(firstOfRange, last - firstOfRange + 1);
        endRemoveRows();
        last = firstOfRange - 1;
    }

    // What is left is in the fresh order; insert the fresh rows around it, one signal per run.
    QSet<qint64> kept;
    kept.reserve(m_rows.size());
    for (const Row &row : std::as_const(m_rows))
        kept.insert(row.id);
    int at = 0;
    for (int i = 0; i < fresh.size();) {
        if (kept.contains(fresh.at(i).id)) {
            ++at;
            ++i;
            continue;
        }
        int end = i;
        while (end < fresh.size() && !kept.contains(fresh.at(end).id))
            ++end;
        beginInsertRows({}, at, at + (end - i) - 1);
        for (int j = i; j < end; ++j)
            m_rows.insert(at + (j - i), std::move(fresh[j]));
        endInsertRows();
        at += end - i;
        i = end;
    }

    // The rows that stayed take their new values; one dataChanged per contiguous run.
    const int lastColumn = int(m_columns.size()) - 1;
    int changedFrom = -1;
    for (int i = 0; i <= m_rows.size(); ++i) {
        bool changed = false;
        if (i < m_rows.size() && kept.contains(m_rows.at(i).id)) {
            Row &row = m_rows[i];
            Row &now = fresh[freshRow.value(row.id)];
            changed = row.cells != now.cells || row.key != now.key || row.ref.toString() != now.ref.toString();
            if (changed)
                row = std::move(now);
        }
        if (changed && changedFrom < 0)
            changedFrom = i;
        if (!changed && changedFrom >= 0) {
            Q_EMIT dataChanged(index(changedFrom, 0), index(i - 1, lastColumn));
            changedFrom = -1;
        }
    }
}

QModelIndex EntityTableModel::indexOf(const core::EntityRef &ref) const
{
    if (m_rowOfKey.isEmpty() && !m_rows.isEmpty()) {
        m_rowOfKey.reserve(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i)
            m_rowOfKey.insert(m_rows.at(i).ref.key(), i);
    }
    const int row = m_rowOfKey.value(ref.key(), -1);
    return row < 0 ? QModelIndex() : index(row, 0);
}

int EntityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EntityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant EntityTableModel::display(const cache::EntityColumn &column, const QVariant &value) const
{
    if (!value.isValid())
        return QString();
    const QLocale locale;
    switch (column.type) {
    case ColumnType::Date: {
        const QString text = value.toString();
        const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
        return date.isValid() ? locale.toString(date, QLocale::ShortFormat) : text;
    }
    case ColumnType::Timestamp: {
        const QString text = value.toString();
        const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
        return time.isValid() ? locale.toString(time.toLocalTime(), QLocale::ShortFormat) : text;
    }
    case ColumnType::Integer:
        return locale.toString(value.toLongLong());
    case ColumnType::Number:
        return locale.toString(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case ColumnType::Percent:
        return tr("%1 %", "a percentage").arg(locale.toString(value.toDouble(), 'f', 0));
    case ColumnType::Text:
        // A status or lifecycle as the reader's language says it; sort and export keep the id.
        if (column.name == u"status" || column.name == u"lifecycle")
            return core::Words::status(value.toString());
        if (column.name == u"health_band") {
            if (const auto band = core::ScorecardEvaluator::bandFromId(value.toString()))
                return core::HealthWords::band(*band);
        }
        break;
    case ColumnType::List:
        break;
    }
    return value.toString();
}

QVariant EntityTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const cache::EntityColumn &column = *m_columns.at(index.column());
    const QVariant &value = row.cells.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(column, value);
    case Qt::ToolTipRole:
        if (column.name == u"health" && value.isValid())
            return tr("%1: the worst of its scorecards; the How section shows each with its evidence")
                .arg(core::HealthWords::band(core::ScorecardEvaluator::bandFor(qRound(value.toDouble()))));
        return column.name == u"name" ? QVariant(row.ref.toString()) : QVariant();
    case Qt::AccessibleTextRole:
        // The badge's colour says the band; a screen reader says it in words.
        if (column.name == u"health" && value.isValid())
            return QStringLiteral("%1, %2").arg(display(column, value).toString(),
                core::HealthWords::band(core::ScorecardEvaluator::bandFor(qRound(value.toDouble()))));
        return {};
    case Qt::TextAlignmentRole:
        return isNumeric(column.type) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case RefRole:
        return QVariant::fromValue(row.ref);
    case RemovedRole:
        return false; // the table shows live entities only
    case ValueRole:
        return value;
    case SortRole:
        if (isNumeric(column.type))
            return value.isValid() ? value : QVariant(-1);
        return value.toString().toLower();
    default:
        break;
    }
    return {};
}

QVariant EntityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return headerOf(m_columns.at(section)->name);
    if (role == ColumnIdRole)
        return m_columns.at(section)->name.toString();
    if (role == Qt::TextAlignmentRole && isNumeric(m_columns.at(section)->type))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

bool EntityTableModel::canFetchMore(const QModelIndex &parent) const
{
    // Until a new selection's first page is in, there is nothing to page after.
    return !parent.isValid() && !m_complete && !m_rows.isEmpty() && !m_resetWanted && m_inFlight != Read::Reset;
}

void EntityTableModel::fetchMore(const QModelIndex &parent)
{
    // A view asks again while the page it asked for is on its way: one page is enough.
    if (!canFetchMore(parent) || m_inFlight == Read::Page || m_applying)
        return;
    m_pageWanted = true;
    startNextRead();
}

} // namespace cairn::models
