// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/HygieneModel.h"

#include "cache/HygieneReport.h"
#include "core/HygieneWords.h"
#include "core/Words.h"
#include "models/BackgroundReader.h"
#include "models/ItemRoles.h"
#include "models/SortedRowsMerge.h"

#include <memory>

namespace cairn::models {

HygieneModel::HygieneModel(cache::Cache &cache, QDate today, int staleDays, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(new BackgroundReader(cache, this))
    , m_today(today)
    , m_staleDays(staleDays)
{
    refresh();
}

HygieneModel::~HygieneModel()
{
    delete m_reader; // its thread ends while the model is whole
}

void HygieneModel::setToday(QDate today, int staleDays)
{
    if (today == m_today && staleDays == m_staleDays)
        return;
    m_today = today;
    m_staleDays = staleDays;
    refresh();
}

void HygieneModel::refresh()
{
    if (m_reading) {
        m_readAgain = true; // the read in flight may have started before the change
        return;
    }
    m_reading = true;
    const QDate today = m_today;
    const int staleDays = m_staleDays;
    m_reader->run([this, today, staleDays](core::Result<cache::Cache *> reader) {
        // Shared, as a queued call's arguments are copied.
        auto fresh = std::make_shared<core::Result<QList<core::HygieneItem>>>(reader
                ? cache::readHygieneReport(**reader, today, staleDays)
                : core::Result<QList<core::HygieneItem>>(reader.error()));
        BackgroundReader::deliver(this, [this, fresh] { apply(std::move(*fresh)); });
    });
}

void HygieneModel::apply(core::Result<QList<core::HygieneItem>> fresh)
{
    m_reading = false;
    if (!fresh) {
        m_lastError = fresh.errorString();
    } else {
        m_lastError.clear();
        SortedRowsMerge<core::HygieneItem> merge;
        merge.beginRemove = [this](int first, int last) { beginRemoveRows({}, first, last); };
        merge.endRemove = [this] { endRemoveRows(); };
        merge.beginInsert = [this](int first, int last) { beginInsertRows({}, first, last); };
        merge.endInsert = [this] { endInsertRows(); };
        // Same category, name, ref and detail: the same finding, nothing to show anew.
        merge.keep = [](int, core::HygieneItem &kept, core::HygieneItem &update) {
            if (kept == update)
                return false;
            kept = update;
            return true;
        };
        merge.changed
            = [this](int first, int last) { Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1)); };
        merge.apply(m_rows, std::vector<core::HygieneItem>(fresh->cbegin(), fresh->cend()), core::hygieneOrder);
    }
    m_loaded = true;
    if (m_readAgain) {
        m_readAgain = false;
        refresh();
    }
    Q_EMIT readFinished();
}

int HygieneModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HygieneModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HygieneModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::HygieneItem &row = m_rows.at(std::size_t(index.row()));
    switch (role) {
    case RefRole:
        return QVariant::fromValue(row.ref);
    case KindRole:
        return row.kind;
    case Qt::ToolTipRole:
        if (index.column() == Why)
            return core::HygieneWords::reason(row, m_today);
        return index.column() == Name ? QVariant(row.ref.toString()) : QVariant();
    case Qt::DisplayRole:
    case SortRole:
    case ValueRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case Problem:
        // Sorting on the problem keeps the report's categories in its order.
        if (role == SortRole)
            return int(core::hygieneCategories().indexOf(row.category));
        if (role == ValueRole)
            return core::hygieneCategoryId(row.category);
        return core::HygieneWords::title(row.category);
    case Name:
        return role == SortRole ? QVariant(row.displayName.toLower()) : QVariant(row.displayName);
    case Kind:
        if (role == Qt::DisplayRole)
            return core::Words::kind(row.ref.kind());
        return row.kind;
    case Why:
        // The fact behind the words (a date, a ref) sorts as a person expects.
        if (role == Qt::DisplayRole)
            return core::HygieneWords::reason(row, m_today);
        return row.detail;
    case Reference:
        return role == SortRole ? QVariant(row.ref.key()) : QVariant(row.ref.toString());
    case ColumnCount:
        break;
    }
    return {};
}

QVariant HygieneModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Problem:
        return tr("Problem");
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case Why:
        return tr("Why");
    case Reference:
        return tr("Reference");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cairn::models
