// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/EntityTableModel.h"

#include "models/ItemRoles.h"

namespace cairn::models {

EntityTableModel::EntityTableModel(cache::CatalogQuery &query, QObject *parent)
    : QAbstractTableModel(parent)
    , m_query(query)
{
    m_filter.limit = 200;
}

core::Result<QList<EntityTableModel::Row>> EntityTableModel::loadPage(int offset) const
{
    cache::EntityFilter page = m_filter;
    page.offset = offset;
    core::Result<QList<core::EntityRecord>> records = m_query.list(page);
    if (!records)
        return records.error();
    QList<Row> rows;
    rows.reserve(records->size());
    for (const core::EntityRecord &record : std::as_const(records.value())) {
        const core::Entity &entity = record.entity;
        const core::EntityRef owner = entity.owner();
        rows.append(Row { core::AnswerEngine::summaryOf(record), owner.isNull() ? QString() : owner.toString(),
            entity.specString(u"system"), entity.tags().join(QStringLiteral("; ")) });
    }
    return rows;
}

core::Status EntityTableModel::setFilter(const cache::EntityFilter &filter)
{
    // Views and testers react to modelReset by asking for more rows; the first page is
    // loaded here, so those calls must wait until the reset is over.
    m_fetching = true;
    beginResetModel();
    m_filter = filter;
    m_filter.offset = 0;
    if (m_filter.limit <= 0)
        m_filter.limit = 200;
    m_rows.clear();
    m_lastError.clear();
    core::Result<QList<Row>> first = loadPage(0);
    if (first) {
        m_rows = std::move(first).value();
        m_complete = m_rows.size() < m_filter.limit;
    } else {
        m_lastError = first.errorString();
        m_complete = true;
    }
    endResetModel();
    m_fetching = false;
    if (!first)
        return first.error();
    return {};
}

int EntityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EntityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EntityTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == RefRole)
        return QVariant::fromValue(row.summary.ref);
    if (role == RemovedRole)
        return row.summary.removed;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)
        return {};
    QString text;
    switch (Column(index.column())) {
    case Name:
        text = row.summary.title;
        break;
    case Kind:
        text = row.summary.kind;
        break;
    case Type:
        text = row.summary.type;
        break;
    case Status:
        text = row.summary.status;
        break;
    case Owner:
        text = row.owner;
        break;
    case System:
        text = row.system;
        break;
    case Tags:
        text = row.tags;
        break;
    case ColumnCount:
        break;
    }
    if (role == SortRole)
        return text.toLower();
    if (role == Qt::ToolTipRole && index.column() == Name)
        return row.summary.ref.toString();
    return role == Qt::ToolTipRole ? QVariant() : QVariant(text);
}

QVariant EntityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case Type:
        return tr("Type");
    case Status:
        return tr("Status");
    case Owner:
        return tr("Owner");
    case System:
        return tr("System");
    case Tags:
        return tr("Tags");
    case ColumnCount:
        break;
    }
    return {};
}

bool EntityTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete;
}

void EntityTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_complete || m_fetching)
        return;
    m_fetching = true;
    core::Result<QList<Row>> page = loadPage(int(m_rows.size()));
    if (!page) {
        m_lastError = page.errorString();
        m_complete = true;
    } else if (page->isEmpty()) {
        m_complete = true;
    } else {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(page->size()) - 1);
        m_rows.append(page.value());
        m_complete = page->size() < m_filter.limit;
        endInsertRows();
    }
    m_fetching = false;
}

} // namespace cairn::models
