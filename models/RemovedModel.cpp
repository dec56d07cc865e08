// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/RemovedModel.h"

#include "models/ItemRoles.h"
#include "models/SortedRowsMerge.h"

#include <QLocale>

namespace cairn::models {

namespace {

// The reader's order: newest removal first, then the larger id.
bool newerFirst(const cache::RemovedEntity &a, const cache::RemovedEntity &b)
{
    if (a.removedAtKey != b.removedAtKey)
        return a.removedAtKey > b.removedAtKey;
    return a.id > b.id;
}

} // namespace

RemovedModel::RemovedModel(cache::Cache &cache, int pageSize, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(cache)
    , m_pageSize(qMax(1, pageSize))
{
    core::Result<QList<cache::RemovedEntity>> first = m_reader.first(m_pageSize);
    if (first) {
        m_rows.assign(first->cbegin(), first->cend());
        m_complete = first->size() < m_pageSize;
    } else {
        m_lastError = first.errorString();
        m_complete = true;
    }
}

core::Status RemovedModel::refresh()
{
    // The window a view has loaded, read again from the top: rows pushed past it by new
    // tombstones leave it and come back through fetchMore, so paging stays gap-free.
    const int window = qMax(int(m_rows.size()), m_pageSize);
    core::Result<QList<cache::RemovedEntity>> fresh = m_reader.first(window);
    if (!fresh) {
        m_lastError = fresh.errorString();
        return fresh.error();
    }
    m_lastError.clear();
    m_fetching = true;
    SortedRowsMerge<cache::RemovedEntity> merge;
    merge.beginRemove = [this](int first, int last) { beginRemoveRows({}, first, last); };
    merge.endRemove = [this] { endRemoveRows(); };
    merge.beginInsert = [this](int first, int last) { beginInsertRows({}, first, last); };
    merge.endInsert = [this] { endInsertRows(); };
    merge.keep = [](int, cache::RemovedEntity &kept, cache::RemovedEntity &update) {
        if (kept == update)
            return false;
        kept = update;
        return true;
    };
    merge.changed = [this](int first, int last) { Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1)); };
    merge.apply(m_rows, std::vector<cache::RemovedEntity>(fresh->cbegin(), fresh->cend()), &newerFirst);
    m_complete = fresh->size() < window;
    m_fetching = false;
    return {};
}

int RemovedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RemovedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RemovedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const cache::RemovedEntity &row = m_rows.at(std::size_t(index.row()));
    switch (role) {
    case RefRole:
        return QVariant::fromValue(row.ref);
    case RemovedRole:
        return true;
    case KindRole:
        return row.ref.kind().toLower();
    case Qt::ToolTipRole:
        return index.column() == Name ? QVariant(row.ref.toString()) : QVariant();
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (Column(index.column())) {
    case Name:
        return sort ? row.title.toLower() : row.title;
    case Kind:
        return sort ? row.ref.kind().toLower() : row.ref.kind();
    case Removed:
        if (sort)
            return row.removedAtKey;
        return QLocale().toString(row.removedAt.toLocalTime(), QLocale::ShortFormat);
    case Source:
        return row.source;
    case Run:
        if (sort)
            return row.runId;
        return row.runId > 0 ? QLocale().toString(row.runId) : QString();
    case Owner:
        return sort ? row.owner.toLower() : row.owner;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RemovedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case Removed:
        return tr("Removed");
    case Source:
        return tr("Source");
    case Run:
        return tr("Run");
    case Owner:
        return tr("Owner");
    case ColumnCount:
        break;
    }
    return {};
}

bool RemovedModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete;
}

void RemovedModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_complete || m_fetching)
        return;
    m_fetching = true;
    core::Result<QList<cache::RemovedEntity>> page
        = m_rows.empty() ? m_reader.first(m_pageSize) : m_reader.after(m_rows.back(), m_pageSize);
    if (!page) {
        m_lastError = page.errorString();
        m_complete = true;
    } else {
        m_complete = page->size() < m_pageSize;
        if (!page->isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(page->size()) - 1);
            m_rows.insert(m_rows.end(), page->cbegin(), page->cend());
            endInsertRows();
        }
    }
    m_fetching = false;
}

} // namespace cairn::models
