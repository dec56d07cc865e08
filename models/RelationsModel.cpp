// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/RelationsModel.h"

#include "cache/CatalogQuery.h"
#include "core/RelationType.h"
#include "models/ItemRoles.h"
#include "models/SortedRowsMerge.h"

#include <QHash>

#include <algorithm>

namespace cairn::models {

RelationsModel::RelationsModel(cache::CatalogQuery &query, QObject *parent)
    : QAbstractTableModel(parent)
    , m_query(query)
{ }

bool RelationsModel::less(const Row &a, const Row &b)
{
    if (a.incoming != b.incoming)
        return b.incoming;
    if (const int byType = a.type.compare(b.type, Qt::CaseInsensitive); byType != 0)
        return byType < 0;
    if (const int byName = a.name.compare(b.name, Qt::CaseInsensitive); byName != 0)
        return byName < 0;
    if (a.other.key() != b.other.key())
        return a.other.key() < b.other.key();
    return a.type < b.type;
}

core::Result<std::vector<RelationsModel::Row>> RelationsModel::read(const core::EntityRef &subject) const
{
    std::vector<Row> rows;
    if (subject.isNull())
        return rows;
    core::Result<QList<core::Relation>> from = m_query.relationsFrom(subject);
    if (!from)
        return from.error();
    core::Result<QList<core::Relation>> to = m_query.relationsTo(subject);
    if (!to)
        return to.error();
    for (const core::Relation &r : std::as_const(from.value()))
        rows.push_back(Row { r.type, false, r.target, {}, false, false });
    // Relations to the subject whose type has an inverse are already among `from`.
    for (const core::Relation &r : std::as_const(to.value())) {
        if (core::relation::inverseOf(r.type).isEmpty())
            rows.push_back(Row { r.type, true, r.source, {}, false, false });
    }
    QHash<core::EntityRef, std::optional<core::EntityRecord>> found;
    for (Row &row : rows) {
        auto it = found.constFind(row.other);
        if (it == found.cend()) {
            core::Result<std::optional<core::EntityRecord>> record = m_query.find(row.other);
            if (!record)
                return record.error();
            it = found.insert(row.other, record.value());
        }
        row.resolved = it->has_value();
        row.name = row.resolved ? (*it)->entity.displayName() : row.other.toString();
        row.removed = row.resolved && (*it)->isRemoved();
    }
    std::sort(rows.begin(), rows.end(), &RelationsModel::less);
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

core::Status RelationsModel::setSubject(const core::EntityRef &subject)
{
    core::Result<std::vector<Row>> rows = read(subject);
    core::Status status;
    beginResetModel();
    m_subject = subject;
    m_rows.clear();
    if (rows) {
        m_rows = std::move(rows).value();
        m_lastError.clear();
    } else {
        m_lastError = rows.errorString();
        status = rows.error();
    }
    endResetModel();
    return status;
}

core::Status RelationsModel::refresh()
{
    core::Result<std::vector<Row>> fresh = read(m_subject);
    if (!fresh) {
        m_lastError = fresh.errorString();
        return fresh.error();
    }
    m_lastError.clear();
    SortedRowsMerge<Row> merge;
    merge.beginRemove = [this](int first, int last) { beginRemoveRows({}, first, last); };
    merge.endRemove = [this] { endRemoveRows(); };
    merge.beginInsert = [this](int first, int last) { beginInsertRows({}, first, last); };
    merge.endInsert = [this] { endInsertRows(); };
    merge.keep = [](int, Row &kept, Row &update) {
        if (kept == update)
            return false;
        kept = update;
        return true;
    };
    merge.changed = [this](int first, int last) { Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1)); };
    merge.apply(m_rows, std::move(fresh).value(), &RelationsModel::less);
    return {};
}

int RelationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RelationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RelationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(std::size_t(index.row()));
    switch (role) {
    case RefRole:
        return QVariant::fromValue(row.other);
    case RemovedRole:
        return row.removed;
    case KindRole:
        return row.other.kind().toLower();
    case Qt::ToolTipRole:
        return index.column() == Entity ? QVariant(row.other.toString()) : QVariant();
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (Column(index.column())) {
    case Relation: {
        const QString text = row.incoming ? tr("← %1").arg(row.type) : row.type;
        return sort ? text.toLower() : text;
    }
    case Entity:
        return sort ? row.name.toLower() : row.name;
    case Kind:
        return sort ? row.other.kind().toLower() : row.other.kind();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RelationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Relation:
        return tr("Relation");
    case Entity:
        return tr("Entity");
    case Kind:
        return tr("Kind");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cairn::models
