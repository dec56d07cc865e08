// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/HygieneView.h"

#include "core/HygieneWords.h"
#include "models/HygieneModel.h"
#include "models/ItemRoles.h"
#include "ui/EmptyState.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace cairn::ui {

HygieneView::HygieneView(cache::Cache &cache, QWidget *parent)
    : QTableView(parent)
    , m_cache(cache)
    , m_sorted(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("hygieneView"));
    setAccessibleName(tr("Hygiene report"));
    setAccessibleDescription(tr("Stale data in the catalog, one finding a row: the problem, the entity and why. "
                                "Press Enter on a row to open its entity."));
    m_sorted->setSortRole(models::SortRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    setModel(m_sorted);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setSortingEnabled(true);
    // Why is the point of a row and takes a sentence: every row is two lines tall, so it
    // reads whole beside the detail pane without measuring each row (thousands of findings
    // in a large catalog).
    setWordWrap(true);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(2 * fontMetrics().lineSpacing() + 10);
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setDefaultSectionSize(160);

    m_empty = new EmptyState(this, [this]() -> QString {
        if (!m_report || !m_report->isLoaded())
            return {}; // still reading
        if (!m_report->lastError().isEmpty())
            return tr("The hygiene report could not be read: %1").arg(m_report->lastError());
        return core::HygieneWords::clean();
    });

    const auto ref = [](const QModelIndex &index) { return index.data(models::RefRole).value<core::EntityRef>(); };
    // The current row shows its entity, as in the other views; Enter and double-click too
    // (the row may already be current: the entity was left for another one meanwhile).
    connect(this, &QAbstractItemView::activated, this, [this, ref](const QModelIndex &index) {
        if (const core::EntityRef entity = ref(index); !entity.isNull())
            Q_EMIT entityActivated(entity);
    });
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this, ref](const QModelIndex &current) {
        if (const core::EntityRef entity = ref(current); !entity.isNull())
            Q_EMIT entityActivated(entity);
    });
}

void HygieneView::open()
{
    if (m_report)
        return;
    m_report = new models::HygieneModel(m_cache, m_options.today, m_options.staleDays, this);
    m_sorted->setSourceModel(m_report);
    sortByColumn(models::HygieneModel::Problem, Qt::AscendingOrder);
    // The reference is in each name's tooltip and in the CSV; the words say why.
    setColumnHidden(models::HygieneModel::Reference, true);
    horizontalHeader()->resizeSection(models::HygieneModel::Problem, 170);
    horizontalHeader()->resizeSection(models::HygieneModel::Name, 160);
    horizontalHeader()->resizeSection(models::HygieneModel::Kind, 90);
    horizontalHeader()->setSectionResizeMode(models::HygieneModel::Why, QHeaderView::Stretch);
    // A clean report inserts no row: only the end of the read says there is nothing.
    connect(m_report, &models::HygieneModel::readFinished, m_empty, &EmptyState::update);
}

void HygieneView::refresh()
{
    if (m_report)
        m_report->refresh();
}

void HygieneView::setAnswerOptions(const core::AnswerOptions &options)
{
    m_options = options;
    if (m_report)
        m_report->setToday(options.today, options.staleDays);
}

bool HygieneView::isReading() const
{
    return m_report && (m_report->isReading() || !m_report->isLoaded());
}

QAbstractItemModel *HygieneView::shownModel() const
{
    return m_sorted;
}

void HygieneView::selectRef(const core::EntityRef &ref)
{
    if (currentIndex().data(models::RefRole).value<core::EntityRef>() == ref)
        return;
    for (int row = 0; row < m_sorted->rowCount(); ++row) {
        const QModelIndex index = m_sorted->index(row, models::HygieneModel::Name);
        if (index.data(models::RefRole).value<core::EntityRef>() == ref) {
            setCurrentIndex(index);
            scrollTo(index);
            return;
        }
    }
}

} // namespace cairn::ui
