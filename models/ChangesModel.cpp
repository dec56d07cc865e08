// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ChangesModel.h"

#include "models/BackgroundReader.h"
#include "models/ItemRoles.h"
#include "models/SortedRowsMerge.h"

#include <QLocale>

namespace cairn::models {

namespace {

// The reader's order: newest run first, then by entity key.
bool readerOrder(const cache::RunChange &a, const cache::RunChange &b)
{
    if (a.runId != b.runId)
        return a.runId > b.runId;
    return a.entityKey < b.entityKey;
}

// The name a line shows: the entity's display name, else its key's name (purged, or never
// added by a held run).
QString nameOf(const cache::RunChange &line)
{
    if (!line.title.isEmpty())
        return line.title;
    const qsizetype slash = line.entityKey.lastIndexOf(u'/');
    return slash < 0 ? line.entityKey : line.entityKey.mid(slash + 1);
}

QString kindOf(const cache::RunChange &line)
{
    if (!line.ref.isNull())
        return line.ref.kind();
    return line.entityKey.section(u':', 0, 0);
}

} // namespace

ChangesModel::ChangesModel(cache::Cache &cache, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(cache)
{
    core::Result<QList<cache::RunChange>> first = m_reader.latest(m_maxLines, m_maxRuns, m_since);
    if (first)
        m_rows.assign(first->cbegin(), first->cend());
    else
        m_lastError = first.errorString();
}

core::Status ChangesModel::refresh()
{
    core::Result<QList<cache::RunChange>> fresh = m_reader.latest(m_maxLines, m_maxRuns, m_since);
    if (!fresh) {
        m_lastError = fresh.errorString();
        return fresh.error();
    }
    m_lastError.clear();
    apply(*fresh);
    return {};
}

void ChangesModel::refreshOn(BackgroundReader &reader)
{
    reader.fetch(
        this,
        [maxLines = m_maxLines, maxRuns = m_maxRuns, since = m_since](
            cache::Cache &cache) { return cache::RunChanges(cache).latest(maxLines, maxRuns, since); },
        [this](core::Result<QList<cache::RunChange>> fresh) {
            if (!fresh) {
                m_lastError = fresh.errorString();
                return;
            }
            m_lastError.clear();
            apply(*fresh);
        });
}

void ChangesModel::apply(const QList<cache::RunChange> &fresh)
{
    SortedRowsMerge<cache::RunChange> merge;
    merge.beginRemove = [this](int first, int last) { beginRemoveRows({}, first, last); };
    merge.endRemove = [this] { endRemoveRows(); };
    merge.beginInsert = [this](int first, int last) { beginInsertRows({}, first, last); };
    merge.endInsert = [this] { endInsertRows(); };
    merge.keep = [](int, cache::RunChange &kept, cache::RunChange &update) {
        if (kept == update)
            return false;
        kept = update;
        return true;
    };
    merge.changed = [this](int first, int last) { Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1)); };
    merge.apply(m_rows, std::vector<cache::RunChange>(fresh.cbegin(), fresh.cend()), &readerOrder);
}

QString ChangesModel::changeText(const cache::RunChange &line)
{
    // A held run applied nothing: its lines say what it would have done.
    const bool held = line.status == u"held";
    if (line.change == u"added")
        return held ? tr("Would add (held)") : tr("Added");
    if (line.change == u"changed")
        return held ? tr("Would change (held)") : tr("Changed");
    if (line.change == u"removed")
        return tr("Removed upstream");
    if (line.change == u"would-remove")
        return tr("Would remove (held)");
    if (line.change == u"conflict")
        return tr("Kept by another source");
    return line.change;
}

int ChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ChangesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const cache::RunChange &line = m_rows.at(std::size_t(index.row()));
    switch (role) {
    case RefRole:
        return QVariant::fromValue(line.ref);
    case RemovedRole:
        return line.removedAt.isValid();
    case KindRole:
        return kindOf(line).toLower();
    case ChangeRole:
        return line.change;
    case Qt::ToolTipRole:
        return index.column() == Name ? QVariant(line.ref.isNull() ? line.entityKey : line.ref.toString()) : QVariant();
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (Column(index.column())) {
    case When:
        if (sort)
            return line.runId;
        return QLocale().toString(line.startedAt.toLocalTime(), QLocale::ShortFormat);
    case Source:
        return line.source;
    case Change:
        return sort ? QVariant(line.change) : QVariant(changeText(line));
    case Name:
        return sort ? nameOf(line).toLower() : nameOf(line);
    case Kind:
        return sort ? kindOf(line).toLower() : kindOf(line);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case When:
        return tr("When");
    case Source:
        return tr("Source");
    case Change:
        return tr("Change");
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cairn::models
