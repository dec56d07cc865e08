// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SnapshotsDialog.h"

#include "core/Clock.h"
#include "ui/EmptyState.h"
#include "ui/SnapshotJob.h"
#include "ui/SnapshotWords.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cairn::ui {

namespace {

enum Column { WhenColumn, WhyColumn, EntitiesColumn, SizeColumn };

} // namespace

SnapshotsDialog::SnapshotsDialog(QString cachePath, QWidget *parent)
    : QDialog(parent)
    , m_cachePath(std::move(cachePath))
    , m_job(new SnapshotJob(m_cachePath, this))
{
    setObjectName(QStringLiteral("snapshotsDialog"));
    setWindowTitle(tr("Snapshots"));

    auto *intro = new QLabel(tr("A snapshot is a complete copy of the cache. Cairn takes one before a sync removes "
                                "anything, before a source is removed and before a restore, and keeps the newest %1. "
                                "They are in %2.")
                                 .arg(cache::SnapshotStore::DefaultKept)
                                 .arg(m_cachePath + QStringLiteral(".snapshots")),
        this);
    intro->setWordWrap(true);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("snapshotList"));
    m_list->setAccessibleName(tr("Snapshots, newest first"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHeaderLabels({ tr("Taken"), tr("Why"), tr("Entities"), tr("Size") });
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(WhenColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(WhyColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(EntitiesColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    m_empty = new EmptyState(m_list, [this] {
        // Nothing to say while the list is on its way, nor over an error the status shows.
        if (!m_listed || m_listFailed)
            return QString();
        return tr("No snapshots yet. Cairn takes one before a sync removes anything; Take Snapshot Now takes one "
                  "now.");
    });

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("snapshotStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("snapshotProgress"));
    m_progress->setAccessibleName(tr("Progress of the snapshot work"));
    m_progress->setTextVisible(false);
    m_progress->hide();

    m_take = new QPushButton(tr("&Take Snapshot Now"), this);
    m_take->setObjectName(QStringLiteral("takeSnapshotButton"));
    m_take->setToolTip(tr("Copy the cache as it is now into a new snapshot"));
    m_restore = new QPushButton(tr("&Restore…"), this);
    m_restore->setObjectName(QStringLiteral("restoreButton"));
    m_restore->setToolTip(tr("Put the cache back as it was when the selected snapshot was taken"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_take, QDialogButtonBox::ActionRole);
    buttons->addButton(m_restore, QDialogButtonBox::ActionRole);
    m_close = buttons->button(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    resize(760, 420);

    connect(buttons, &QDialogButtonBox::rejected, this, &SnapshotsDialog::reject);
    connect(m_take, &QPushButton::clicked, this, &SnapshotsDialog::takeSnapshot);
    connect(m_restore, &QPushButton::clicked, this, &SnapshotsDialog::askToRestoreSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &SnapshotsDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, &SnapshotsDialog::askToRestoreSelected);
    connect(m_job, &SnapshotJob::listed, this, &SnapshotsDialog::showSnapshots);
    connect(m_job, &SnapshotJob::taken, this, &SnapshotsDialog::onTaken);
    connect(m_job, &SnapshotJob::restored, this, &SnapshotsDialog::onRestored);
    connect(m_job, &SnapshotJob::progress, this, &SnapshotsDialog::onProgress);

    reload();
}

SnapshotsDialog::~SnapshotsDialog() = default;

bool SnapshotsDialog::isBusy() const
{
    return m_busy;
}

QString SnapshotsDialog::statusText() const
{
    return m_status->text();
}

void SnapshotsDialog::reject()
{
    // A copy in flight finishes first: the buttons say so by waiting, and Escape too.
    if (m_busy)
        return;
    QDialog::reject();
}

void SnapshotsDialog::reload()
{
    if (!m_job->list())
        return;
    // What the last restore or snapshot did stays in view while the list follows it.
    setBusy(m_outcome.isEmpty() ? tr("Reading the snapshots…") : m_outcome);
}

void SnapshotsDialog::showSnapshots(const QList<cache::SnapshotInfo> &snapshots, const QString &error)
{
    m_listed = true;
    m_snapshots = snapshots;
    m_list->clear();
    const QDateTime now = core::clock::nowUtc();
    const QLocale locale;
    for (const cache::SnapshotInfo &snapshot : snapshots) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(WhenColumn, Qt::UserRole, snapshot.id);
        item->setText(WhenColumn, SnapshotWords::when(snapshot.createdAt, now));
        item->setToolTip(WhenColumn, tr("Snapshot %1 (%2)").arg(snapshot.id, snapshot.path));
        item->setText(WhyColumn, SnapshotWords::reason(snapshot.reason));
        if (snapshot.problem.isEmpty()) {
            item->setText(EntitiesColumn, locale.toString(snapshot.liveEntities));
        } else {
            item->setText(EntitiesColumn, tr("unreadable"));
            item->setToolTip(EntitiesColumn, tr("Cairn could not read this snapshot: %1").arg(snapshot.problem));
        }
        item->setTextAlignment(EntitiesColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(SizeColumn, SnapshotWords::size(snapshot.sizeBytes));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (snapshot.id == m_selectAfterListing || (m_selectAfterListing.isEmpty() && !m_list->currentItem()))
            m_list->setCurrentItem(item);
    }
    m_selectAfterListing.clear();
    if (!error.isEmpty()) {
        m_outcome = tr("Could not read the snapshots in %1: %2").arg(m_cachePath + QStringLiteral(".snapshots"), error);
    } else if (m_listFailed) {
        m_outcome.clear(); // the list is there now: the error it replaced is over
    }
    m_listFailed = !error.isEmpty();
    m_empty->update();
    setIdle();
    Q_EMIT snapshotsListed();
}

void SnapshotsDialog::takeSnapshot()
{
    if (!m_job->take(cache::SnapshotReason::byHand()))
        return;
    setBusy(tr("Taking a snapshot of the cache…"));
}

void SnapshotsDialog::onTaken(const cache::SnapshotInfo &snapshot, int pruned, const QString &error)
{
    if (snapshot.id.isEmpty()) {
        m_outcome = tr("Could not take a snapshot: %1").arg(error);
        setIdle();
        return;
    }
    QString status = tr("Snapshot taken: %1.").arg(SnapshotWords::when(snapshot.createdAt, snapshot.createdAt));
    if (!error.isEmpty())
        status += u' ' + tr("The older snapshots could not be removed: %1").arg(error);
    else if (pruned == 1)
        status
            += u' ' + tr("Cairn keeps the newest %1; the oldest was removed.").arg(cache::SnapshotStore::DefaultKept);
    else if (pruned > 1)
        status += u' '
            + tr("Cairn keeps the newest %1; the %2 oldest were removed.")
                  .arg(cache::SnapshotStore::DefaultKept)
                  .arg(pruned);
    m_outcome = status;
    setIdle();
    m_selectAfterListing = snapshot.id;
    Q_EMIT snapshotTaken(snapshot.id);
    reload();
}

void SnapshotsDialog::askToRestoreSelected()
{
    const QString id = selectedId();
    if (id.isEmpty() || m_busy)
        return;
    QMessageBox confirm(
        QMessageBox::Question, tr("Restore Snapshot"), tr("Restore %1?").arg(describe(id)), QMessageBox::Cancel, this);
    confirm.setObjectName(QStringLiteral("restoreConfirmation"));
    confirm.setInformativeText(
        tr("The cache will hold exactly what it held then; syncs since then are undone. What it holds now is first "
           "kept as a new snapshot, so you can undo this restore from this list. The window then reloads."));
    QPushButton *restore = confirm.addButton(tr("Restore"), QMessageBox::AcceptRole);
    confirm.setDefaultButton(QMessageBox::Cancel);
    confirm.exec();
    if (confirm.clickedButton() == restore)
        restoreSnapshot(id);
}

void SnapshotsDialog::restoreSnapshot(const QString &id)
{
    if (!m_job->restore(id))
        return;
    m_restoring = id;
    setBusy(tr("Restoring %1…").arg(describe(id)));
}

void SnapshotsDialog::onRestored(const QString &snapshotId, const QString &undoSnapshotId, const QString &error)
{
    m_restoring.clear();
    if (!error.isEmpty()) {
        m_outcome = tr("Could not restore %1: %2").arg(describe(snapshotId), error);
        setIdle();
        return;
    }
    m_outcome = tr("Restored %1. What the cache held before is kept as a new snapshot, selected at the top of the "
                   "list: restore it to undo this.")
                    .arg(describe(snapshotId));
    setIdle();
    m_selectAfterListing = undoSnapshotId;
    Q_EMIT restored(snapshotId, undoSnapshotId);
    reload();
}

void SnapshotsDialog::onProgress(cache::SnapshotStore::Step step, int done, int total)
{
    if (step == cache::SnapshotStore::Step::Snapshotting && !m_restoring.isEmpty())
        m_status->setText(tr("Keeping what the cache holds now as a snapshot, so the restore can be undone…"));
    else if (step == cache::SnapshotStore::Step::Restoring)
        m_status->setText(tr("Restoring %1…").arg(describe(m_restoring)));
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(done);
}

void SnapshotsDialog::setBusy(const QString &what)
{
    m_busy = true;
    m_status->setText(what);
    m_progress->setRange(0, 0); // moving until the first pages are counted
    m_progress->show();
    updateButtons();
}

void SnapshotsDialog::setIdle()
{
    m_busy = false;
    m_status->setText(m_outcome);
    m_progress->hide();
    updateButtons();
}

void SnapshotsDialog::updateButtons()
{
    m_list->setEnabled(!m_busy);
    m_take->setEnabled(!m_busy);
    m_restore->setEnabled(!m_busy && !selectedId().isEmpty());
    m_close->setEnabled(!m_busy);
}

QString SnapshotsDialog::selectedId() const
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    return selected.isEmpty() ? QString() : selected.constFirst()->data(WhenColumn, Qt::UserRole).toString();
}

QString SnapshotsDialog::describe(const QString &snapshotId) const
{
    for (const cache::SnapshotInfo &snapshot : m_snapshots) {
        if (snapshot.id == snapshotId)
            return SnapshotWords::summary(snapshot, core::clock::nowUtc());
    }
    return tr("snapshot %1").arg(snapshotId);
}

} // namespace cairn::ui
