// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EntityTableView.h"

#include "models/EntityTableModel.h"
#include "models/ItemRoles.h"
#include "ui/EmptyState.h"
#include "ui/HealthBadgeDelegate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace cairn::ui {

namespace {

QString settingsKey(const QString &kind)
{
    return QStringLiteral("table/%1/header").arg(kind.isEmpty() ? QStringLiteral("all") : kind);
}

// The columns a saved header state was saved with: a state is a list of sections by
// position, so one saved before a column was added would hide the new one (or shift the
// others); a layout saved with other columns is not restored.
QString columnsKey(const QString &kind)
{
    return QStringLiteral("table/%1/columns").arg(kind.isEmpty() ? QStringLiteral("all") : kind);
}

} // namespace

EntityTableView::EntityTableView(cache::Cache &cache, QWidget *parent)
    : QWidget(parent)
    , m_model(new models::EntityTableModel(cache, this))
    , m_filter(new QLineEdit(this))
    , m_columns(new QToolButton(this))
    , m_scope(new QToolButton(this))
    , m_count(new QLabel(this))
    , m_error(new QLabel(this))
    , m_table(new QTableView(this))
    , m_filterDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("entityTableView"));
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter by name or words (Ctrl+F)"));
    m_filter->setAccessibleName(tr("Filter the table"));
    m_filter->setToolTip(tr("Shows the rows whose name or title starts with what you type, or whose words do"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(QIcon(QStringLiteral(":/icons/filter.svg")), QLineEdit::LeadingPosition);

    m_columns->setObjectName(QStringLiteral("columnsButton"));
    m_columns->setText(tr("Columns"));
    m_columns->setIcon(QIcon(QStringLiteral(":/icons/columns.svg")));
    m_columns->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_columns->setPopupMode(QToolButton::InstantPopup);
    m_columns->setAccessibleName(tr("Choose columns"));
    m_columns->setToolTip(tr("Choose which columns the table shows; drag a header to reorder"));
    m_columns->setMenu(new QMenu(m_columns));
    m_columns->setAutoRaise(true);

    // The dashboard's owner and band, as a chip: its ✕ (or Delete, Backspace) clears it.
    m_scope->setObjectName(QStringLiteral("scopeChip"));
    m_scope->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_scope->setStyleSheet(
        QStringLiteral("QToolButton#scopeChip { border: 1px solid palette(mid); border-radius: 10px; "
                       "padding: 1px 8px; background: palette(alternate-base); }"));
    connect(m_scope, &QToolButton::clicked, this, &EntityTableView::clearScope);

    m_count->setObjectName(QStringLiteral("countLabel"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_error->setObjectName(QStringLiteral("tableError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();

    m_table->setObjectName(QStringLiteral("entityTable"));
    m_table->setAccessibleName(tr("Entities"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new HealthBadgeDelegate(m_table));
    // QHeaderView starts descending; enabling sorting would sort the first kind backwards.
    m_table->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures 100,000 rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(140);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 6, 6, 4);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_count);
    bar->addWidget(m_columns);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    // Its own row under the filter box, which keeps its width.
    auto *scopeRow = new QWidget(this);
    auto *scopeLayout = new QHBoxLayout(scopeRow);
    scopeLayout->setContentsMargins(6, 0, 6, 4);
    scopeLayout->addWidget(m_scope);
    scopeLayout->addStretch(1);
    scopeRow->hide();
    layout->addWidget(scopeRow);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);

    // Keystrokes that arrive together are one query.
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(0);
    connect(m_filterDelay, &QTimer::timeout, this, &EntityTableView::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            Q_EMIT currentEntityChanged(current.data(models::RefRole).value<core::EntityRef>());
        });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT entityActivated(index.data(models::RefRole).value<core::EntityRef>());
    });
    auto save = [this] {
        if (!m_restoring)
            saveLayout();
    };
    connect(m_table->horizontalHeader(), &QHeaderView::sectionMoved, this, save);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, save);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, save);
    connect(m_model, &models::EntityTableModel::totalCountChanged, this, &EntityTableView::updateCount);
    connect(m_model, &models::EntityTableModel::rowsRead, this, [this] {
        showError(m_model->lastError());
        if (const core::EntityRef wanted = m_wantedRef; !wanted.isNull())
            selectRef(wanted);
        m_empty->update();
    });

    m_empty = new EmptyState(m_table, [this] {
        if (m_model->isReading())
            return QString();
        if (!m_model->lastError().isEmpty())
            return tr("The table could not be read.");
        if (!m_model->filterText().isEmpty())
            return tr("Nothing here matches \u201c%1\u201d.").arg(m_model->filterText());
        if (!m_scope->parentWidget()->isHidden())
            return tr("Nothing here matches the filter \u201c%1\u201d.")
                .arg(m_scope->property("scopeLabel").toString());
        return tr("The cache holds none of these yet. Sync a source that has them, or import catalog files.");
    });
    // The rows may arrive before their count: what an empty table says waits for both.
    connect(m_model, &models::EntityTableModel::settled, m_empty, &EmptyState::update);
}

EntityTableView::~EntityTableView() = default;

QString EntityTableView::kind() const
{
    return m_model->kind();
}

void EntityTableView::setKind(const QString &kind)
{
    if (kind == m_model->kind() && m_model->columnCount() > 0)
        return;
    m_restoring = true;
    m_filter->blockSignals(true);
    m_filter->clear();
    m_filter->blockSignals(false);
    m_wantedRef = {};
    clearScope();
    m_model->setKind(kind);
    restoreLayout();
    m_restoring = false;
    rebuildColumnsMenu();
    updateCount();
}

void EntityTableView::applyFilter()
{
    const QString text = m_filter->text();
    m_model->setFilterText(text);
}

void EntityTableView::showError(const QString &error)
{
    m_error->setText(error.isEmpty() ? QString() : tr("Could not read the table: %1").arg(error));
    m_error->setVisible(!error.isEmpty());
}

void EntityTableView::updateCount()
{
    // Not counted yet (a new kind): no number rather than a wrong one.
    const qint64 total = m_model->totalCount();
    m_count->setText(total < 0 ? QString() : tr("%1 shown").arg(locale().toString(total)));
}

void EntityTableView::saveLayout()
{
    QSettings settings;
    settings.setValue(settingsKey(m_model->kind()), m_table->horizontalHeader()->saveState());
    settings.setValue(columnsKey(m_model->kind()), m_model->columnIds());
}

void EntityTableView::restoreLayout()
{
    QHeaderView *header = m_table->horizontalHeader();
    // The header's signals would sort again for each step; the model sorts once, below,
    // and only when the remembered order differs from the one it has.
    const QSignalBlocker blocker(header);
    const QSettings settings;
    const bool sameColumns = settings.value(columnsKey(m_model->kind())).toStringList() == m_model->columnIds();
    const QByteArray state = sameColumns ? settings.value(settingsKey(m_model->kind())).toByteArray() : QByteArray();
    if (state.isEmpty() || !header->restoreState(state) || header->count() != m_model->columnCount()) {
        const QList<int> visible = m_model->defaultVisibleColumns();
        for (int section = 0; section < m_model->columnCount(); ++section) {
            header->setSectionHidden(section, !visible.isEmpty() && !visible.contains(section));
            header->resizeSection(section, header->defaultSectionSize());
        }
        // In the defaults' order, which may differ from the view's (Health comes second).
        for (int i = 0; i < visible.size(); ++i)
            header->moveSection(header->visualIndex(visible.at(i)), i);
        header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    }
    if (header->sortIndicatorSection() != m_model->sortColumn() || header->sortIndicatorOrder() != m_model->sortOrder())
        m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    header->viewport()->update();
}

void EntityTableView::rebuildColumnsMenu()
{
    QMenu *menu = m_columns->menu();
    menu->clear();
    QHeaderView *header = m_table->horizontalHeader();
    for (int section = 0; section < m_model->columnCount(); ++section) {
        QAction *action = menu->addAction(m_model->headerData(section, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(section));
        connect(action, &QAction::toggled, this, [this, section](bool on) {
            QHeaderView *h = m_table->horizontalHeader();
            // The last visible column stays: a table with none shows nothing to click.
            if (!on && h->count() - h->hiddenSectionCount() <= 1) {
                rebuildColumnsMenu();
                return;
            }
            h->setSectionHidden(section, !on);
            saveLayout();
        });
    }
    menu->addSeparator();
    QAction *reset = menu->addAction(tr("Reset to default columns"));
    connect(reset, &QAction::triggered, this, [this] {
        QSettings().remove(settingsKey(m_model->kind()));
        QSettings().remove(columnsKey(m_model->kind()));
        m_restoring = true;
        restoreLayout();
        m_restoring = false;
        rebuildColumnsMenu();
    });
}

QStringList EntityTableView::visibleColumnIds() const
{
    QStringList ids;
    const QHeaderView *header = m_table->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            ids.append(m_model->columnId(logical));
    }
    return ids;
}

core::EntityRef EntityTableView::currentRef() const
{
    return m_table->currentIndex().data(models::RefRole).value<core::EntityRef>();
}

bool EntityTableView::selectRef(const core::EntityRef &ref)
{
    const QModelIndex index = m_model->indexOf(ref);
    if (!index.isValid()) {
        // The rows a new kind or filter shows may still be on their way.
        m_wantedRef = m_model->isReading() ? ref : core::EntityRef();
        return false;
    }
    m_wantedRef = {};
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void EntityTableView::refresh()
{
    m_model->refresh();
}

void EntityTableView::setScope(const core::EntityRef &owner, bool withoutOwner, std::optional<core::HealthBand> band,
    const QString &scorecard, const QString &label)
{
    m_model->setOwnerFilter(owner, withoutOwner);
    m_model->setHealthBandFilter(band, scorecard);
    m_scope->setProperty("scopeLabel", label);
    // A button's text takes "&" as a mnemonic: "Checkout & Payments" keeps its own.
    m_scope->setText(QString(label).replace(u'&', QStringLiteral("&&")) + QStringLiteral("  \u2715"));
    m_scope->setToolTip(tr("Only these: %1. Click to show them all.").arg(label));
    m_scope->setAccessibleName(tr("Filter: %1. Press to remove it").arg(label));
    m_scope->parentWidget()->show();
    m_empty->update();
}

QString EntityTableView::scopeLabel() const
{
    return m_scope->parentWidget()->isHidden() ? QString() : m_scope->property("scopeLabel").toString();
}

void EntityTableView::clearScope()
{
    if (m_scope->parentWidget()->isHidden())
        return;
    m_scope->parentWidget()->hide();
    m_model->setOwnerFilter({});
    m_model->setHealthBandFilter(std::nullopt);
    m_empty->update();
}

void EntityTableView::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

} // namespace cairn::ui
