// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/SearchResultsModel.h"

#include "cache/CatalogQuery.h"
#include "core/AnswerEngine.h"
#include "models/ItemRoles.h"

namespace cairn::models {

namespace {

QString ownerText(const core::EntityRef &owner)
{
    return owner.isNull() ? QString() : owner.toString();
}

} // namespace

SearchResultsModel::SearchResultsModel(cache::CatalogQuery &query, QObject *parent)
    : QAbstractListModel(parent)
    , m_query(query)
{ }

core::Status SearchResultsModel::setText(const QString &text)
{
    m_text = text;
    m_lastError.clear();
    if (text.trimmed().isEmpty()) {
        replace(Contents::Nothing, {});
        return {};
    }
    core::Result<QList<core::SearchHit>> hits = m_query.search(text, m_limit);
    if (!hits) {
        m_lastError = hits.errorString();
        replace(Contents::Nothing, {});
        return hits.error();
    }
    QList<Row> rows;
    rows.reserve(hits->size());
    for (const core::SearchHit &hit : std::as_const(hits.value()))
        rows.append(Row { hit.ref, hit.title, hit.kind, ownerText(hit.owner), hit.removed });
    const Contents contents = rows.isEmpty() ? Contents::Nothing : Contents::Hits;
    replace(contents, std::move(rows));
    return {};
}

void SearchResultsModel::setCandidates(const QList<core::NameCandidate> &candidates)
{
    m_lastError.clear();
    QList<Row> rows;
    rows.reserve(candidates.size());
    for (const core::NameCandidate &candidate : candidates) {
        const core::EntitySummary summary = core::AnswerEngine::summaryOf(candidate.record);
        rows.append(Row { summary.ref, summary.title, summary.kind, ownerText(candidate.record.entity.owner()),
            candidate.record.isRemoved() });
    }
    const Contents contents = rows.isEmpty() ? Contents::Nothing : Contents::Candidates;
    replace(contents, std::move(rows));
}

void SearchResultsModel::setItems(const QList<core::EntitySummary> &items)
{
    m_lastError.clear();
    QList<Row> rows;
    rows.reserve(items.size());
    // A list answer's summaries carry no owner; the row shows what the answer holds.
    for (const core::EntitySummary &item : items)
        rows.append(Row { item.ref, item.title, item.kind, QString(), item.removed });
    const Contents contents = rows.isEmpty() ? Contents::Nothing : Contents::Items;
    replace(contents, std::move(rows));
}

void SearchResultsModel::clear()
{
    m_text.clear();
    m_lastError.clear();
    replace(Contents::Nothing, {});
}

void SearchResultsModel::replace(Contents contents, QList<Row> rows)
{
    beginResetModel();
    m_contents = contents;
    m_rows = std::move(rows);
    endResetModel();
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.title;
    case Qt::ToolTipRole:
        return row.ref.toString();
    case RefRole:
        return QVariant::fromValue(row.ref);
    case KindRole:
        return row.kind.toLower();
    case OwnerRole:
        return row.owner;
    case RemovedRole:
        return row.removed;
    case SortRole:
        return row.title.toLower();
    default:
        return {};
    }
}

} // namespace cairn::models
