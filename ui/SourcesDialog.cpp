// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SourcesDialog.h"

#include "sync/SourceFactory.h"
#include "sync/SourceRegistry.h"
#include "ui/EmptyState.h"
#include "ui/SourceEditorDialog.h"
#include "ui/SourceTasks.h"
#include "ui/SourceWords.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cairn::ui {

namespace {

// The count last, right-aligned against the edge, so that no column's text runs into it.
enum Column { NameColumn, KindColumn, LocationColumn, TokenColumn, EntitiesColumn, ColumnCount };

} // namespace

SourcesDialog::SourcesDialog(QString cachePath, const sync::TokenStore &tokens, QWidget *parent)
    : QDialog(parent)
    , m_cachePath(std::move(cachePath))
    , m_tokens(tokens)
{
    setObjectName(QStringLiteral("sourcesDialog"));
    setWindowTitle(tr("Sources"));
    createLayout();
    updateButtons();
    reload();
}

SourcesDialog::~SourcesDialog() = default;

void SourcesDialog::createLayout()
{
    auto *intro = new QLabel(tr("Where Cairn reads your organisation from. Each sync reads every source in this "
                                "order; an entity found in two sources is kept from the first."),
        this);
    intro->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("sourceList"));
    m_list->setAccessibleName(tr("Configured sources"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({ tr("Name"), tr("Kind"), tr("Location"), tr("Token"), tr("Entities") });
    m_list->headerItem()->setTextAlignment(EntitiesColumn, Qt::AlignRight | Qt::AlignVCenter);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setTextElideMode(Qt::ElideMiddle);
    // Every column but the location as wide as what it holds; the location takes the rest
    // and is elided in its middle, where a path or URL says least.
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(LocationColumn, QHeaderView::Stretch);
    m_list->setMinimumSize(820, 220);
    m_empty = new EmptyState(m_list, [this] {
        return m_busy || m_listFailed
            ? QString()
            : tr("No sources yet. Add a Backstage catalog, a bundle or a folder of catalog files, then sync "
                 "it.");
    });

    m_add = new QPushButton(tr("&Add…"), this);
    m_add->setObjectName(QStringLiteral("addButton"));
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_remove = new QPushButton(tr("&Remove…"), this);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_sync = new QPushButton(tr("&Sync now"), this);
    m_sync->setObjectName(QStringLiteral("syncButton"));
    m_sync->setToolTip(tr("Read the selected source now and bring the cache up to date"));
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("closeButton"));
    // Enter closes the dialog; it never adds or removes a source by accident.
    for (QPushButton *button : { m_add, m_edit, m_remove, m_sync })
        button->setAutoDefault(false);
    m_close->setDefault(true);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addSpacing(12);
    buttons->addWidget(m_sync);
    buttons->addStretch();

    auto *middle = new QHBoxLayout;
    middle->addWidget(m_list, 1);
    middle->addLayout(buttons);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("busyIndicator"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(100);
    m_progress->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusText"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_progress);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_close, 0, Qt::AlignBottom);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(middle, 1);
    layout->addLayout(bottom);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &SourcesDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &SourcesDialog::editSource);
    connect(m_add, &QPushButton::clicked, this, &SourcesDialog::addSource);
    connect(m_edit, &QPushButton::clicked, this, &SourcesDialog::editSource);
    connect(m_remove, &QPushButton::clicked, this, &SourcesDialog::removeSource);
    connect(m_sync, &QPushButton::clicked, this, &SourcesDialog::syncSelected);
    connect(m_close, &QPushButton::clicked, this, &SourcesDialog::reject);
}

SourceEditorDialog *SourcesDialog::editor() const
{
    return m_editor;
}

QMessageBox *SourcesDialog::removeConfirmation() const
{
    return m_confirmation;
}

QString SourcesDialog::statusText() const
{
    return m_status->text();
}

void SourcesDialog::setStatus(const QString &text)
{
    m_message = text;
    if (!m_busy)
        m_status->setText(text);
}

void SourcesDialog::setBusy(bool busy, const QString &what)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    // While a worker runs the line says what it does; then what was done last.
    m_status->setText(busy ? what : m_message);
    m_empty->update();
    updateButtons();
}

const cache::SourceInfo *SourcesDialog::selected() const
{
    const QString name = selectedName();
    for (const cache::SourceInfo &source : m_sources) {
        if (source.name == name)
            return &source;
    }
    return nullptr;
}

QString SourcesDialog::selectedName() const
{
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.constFirst()->text(NameColumn);
}

bool SourcesDialog::selectSource(const QString &name)
{
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->text(NameColumn) == name) {
            m_list->setCurrentItem(item);
            item->setSelected(true);
            return true;
        }
    }
    return false;
}

void SourcesDialog::updateButtons()
{
    const cache::SourceInfo *source = selected();
    const bool chosen = source != nullptr;
    // The sample and a `cairn import` of several paths are not what the editor edits: one
    // location of a kind it knows.
    const bool editable
        = chosen && source->kind != sync::SourceFactory::kindSample() && !source->location.contains(u'\n');
    m_edit->setToolTip(chosen && !editable ? tr("This source was not made here (the sample organisation, or an "
                                                "import of several paths): remove it and add it again to change it.")
                                           : QString());
    m_add->setEnabled(!m_writing);
    m_edit->setEnabled(editable && !m_writing);
    m_remove->setEnabled(chosen && !m_busy);
    m_sync->setEnabled(chosen && !m_writing);
    m_close->setEnabled(!m_writing);
}

void SourcesDialog::reload()
{
    if (m_busy) {
        // One worker at a time; the list is read again once this one is done.
        m_reloadWanted = true;
        return;
    }
    if (m_keepSelected.isEmpty())
        m_keepSelected = selectedName();
    setBusy(true, tr("Reading the sources…"));
    using Listing = core::Result<QList<cache::SourceInfo>>;
    auto *watcher = new QFutureWatcher<Listing>(this);
    connect(watcher, &QFutureWatcher<Listing>::finished, watcher, &QObject::deleteLater);
    connect(watcher, &QFutureWatcher<Listing>::finished, this, [this, watcher] {
        const Listing listing = watcher->result();
        // A list that could not be read is not an empty one: the status line says why.
        m_listFailed = !listing;
        if (listing)
            showSources(*listing);
        else
            setStatus(tr("Could not read the sources from the cache %1: %2").arg(m_cachePath, listing.errorString()));
        setBusy(false);
        Q_EMIT sourcesListed();
        if (std::exchange(m_reloadWanted, false))
            reload();
    });
    watcher->setFuture(QtConcurrent::run([path = m_cachePath] { return SourceTasks::list(path); }));
}

void SourcesDialog::showSources(const QList<cache::SourceInfo> &sources)
{
    m_sources = sources;
    const QString keep = std::exchange(m_keepSelected, QString());
    m_list->clear();
    const QLocale locale;
    for (const cache::SourceInfo &source : sources) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(NameColumn, source.name);
        item->setText(KindColumn, SourceWords::kind(source.kind));
        const QString location = QString(source.location).replace(u'\n', QStringLiteral(", "));
        item->setText(LocationColumn, location);
        item->setToolTip(LocationColumn, location);
        item->setText(EntitiesColumn, locale.toString(source.liveEntities));
        item->setTextAlignment(EntitiesColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (source.removedEntities > 0)
            item->setToolTip(EntitiesColumn,
                tr("%Ln more removed upstream, kept under Removed upstream", nullptr, source.removedEntities));
        item->setText(TokenColumn, SourceWords::tokenPlace(source));
    }
    // Room to spare beside each value, which a column sized to its contents leaves none of.
    const int spare = fontMetrics().averageCharWidth() * 3;
    for (const int column : { NameColumn, KindColumn, EntitiesColumn, TokenColumn }) {
        m_list->resizeColumnToContents(column);
        m_list->header()->resizeSection(column, m_list->header()->sectionSize(column) + spare);
    }
    if (!selectSource(keep) && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateButtons();
}

void SourcesDialog::addSource()
{
    openEditor({});
}

void SourcesDialog::editSource()
{
    if (m_edit->isEnabled())
        openEditor(*selected());
}

void SourcesDialog::openEditor(const cache::SourceInfo &existing)
{
    if (m_editor)
        return;
    auto *editor = new SourceEditorDialog(m_cachePath, m_tokens, existing, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    m_editor = editor;
    connect(editor, &SourceEditorDialog::saved, this, [this, editor] { onEditorSaved(editor); });
    editor->open();
}

void SourcesDialog::onEditorSaved(SourceEditorDialog *editor)
{
    const sync::SourceRegistry::Addition &addition = editor->addition();
    const QString name = addition.source.name;
    QString text;
    if (addition.moved)
        text = tr("Saved “%1”. It reads a new location now: the next sync reads it whole, and what is not there "
                  "any more is kept under Removed upstream.")
                   .arg(name);
    else if (addition.replaced)
        text = tr("Saved “%1”.").arg(name);
    else
        text = tr("Added “%1”. Sync it to read its entities.").arg(name);
    if (!addition.tokenForgotten)
        text += u' ' + tr("Its old token stays in the system keychain: %1").arg(addition.tokenForgotten.errorString());
    setStatus(text);
    m_keepSelected = name;
    Q_EMIT sourcesChanged();
    reload();
}

void SourcesDialog::removeSource()
{
    const cache::SourceInfo *source = selected();
    if (!source || m_busy || m_confirmation)
        return;
    const cache::SourceInfo chosen = *source;
    QString text = tr("Its %Ln entities will be kept as removed upstream: still readable under Removed upstream, "
                      "with when they went, until you purge them.",
        nullptr, chosen.liveEntities);
    text += QStringLiteral("\n\n")
        + tr("A snapshot of the cache is taken first, so the removal can be undone (File ▸ Snapshots, or "
             "“cairn snapshot restore”).");
    if (sync::SourceRegistry::tokenPlace(chosen) == sync::SourceRegistry::TokenPlace::Keychain)
        text += QStringLiteral("\n\n") + tr("The token kept for it in the system keychain is forgotten.");
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove “%1”?").arg(chosen.name),
        tr("Remove the source “%1” (%2, %3)?").arg(chosen.name, SourceWords::kind(chosen.kind), chosen.location),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("removeConfirmation"));
    box->setInformativeText(text);
    QPushButton *remove = box->addButton(tr("Remove source"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation = box;
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, chosen](QAbstractButton *button) {
        if (button == remove)
            removeConfirmed(chosen);
    });
    box->open();
}

void SourcesDialog::removeConfirmed(const cache::SourceInfo &source)
{
    if (m_busy)
        return;
    m_writing = true;
    setBusy(
        true, tr("Removing “%1”: taking a snapshot, then keeping its entities as removed upstream…").arg(source.name));
    using Outcome = core::Result<sync::SourceRegistry::Removal>;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, watcher, &QObject::deleteLater);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, name = source.name] {
        const Outcome outcome = watcher->result();
        m_writing = false;
        setBusy(false);
        if (!outcome) {
            setStatus(tr("“%1” was not removed: %2").arg(name, outcome.errorString()));
        } else if (!outcome->known) {
            setStatus(tr("“%1” was already gone: nothing was changed.").arg(name));
        } else {
            const cache::RunSummary &summary = outcome->summary;
            QString text
                = tr("Removed “%1”. Its %Ln entities are kept under Removed upstream.", nullptr, summary.removed)
                      .arg(name);
            if (!summary.snapshotId.isEmpty())
                text += u' ' + tr("Snapshot %1 was taken first.").arg(summary.snapshotId);
            if (!outcome->tokenForgotten)
                text += u' '
                    + tr("Its token is still in the system keychain: %1").arg(outcome->tokenForgotten.errorString());
            setStatus(text);
            Q_EMIT sourcesChanged();
        }
        reload();
    });
    watcher->setFuture(QtConcurrent::run([path = m_cachePath, tokens = &m_tokens, name = source.name] {
        return SourceTasks::remove(path, *tokens, name);
    }));
}

void SourcesDialog::syncSelected()
{
    if (const cache::SourceInfo *source = selected())
        Q_EMIT syncRequested(source->name);
}

void SourcesDialog::reject()
{
    if (m_writing)
        return;
    QDialog::reject();
}

} // namespace cairn::ui
