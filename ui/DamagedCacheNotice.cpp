// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DamagedCacheNotice.h"

#include "core/Clock.h"
#include "ui/SnapshotJob.h"
#include "ui/SnapshotWords.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QToolTip>
#include <QUrl>
#include <QVBoxLayout>

namespace cairn::ui {

DamagedCacheNotice::DamagedCacheNotice(
    const QString &cachePath, const QString &movedTo, const QString &damage, QWidget *parent)
    : QFrame(parent)
    , m_cachePath(cachePath)
    , m_movedTo(movedTo)
    , m_job(new SnapshotJob(cachePath, this))
{
    setObjectName(QStringLiteral("damagedCacheNotice"));
    setAccessibleName(tr("The cache was damaged"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette tinted = palette();
    tinted.setColor(QPalette::Window, tinted.color(QPalette::AlternateBase));
    setPalette(tinted);

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(tr("Cairn's cache was damaged. It was moved aside, and Cairn started again on a fresh, "
                                "empty cache."),
        this);
    title->setObjectName(QStringLiteral("damagedCacheTitle"));
    title->setWordWrap(true);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_dismiss = new QToolButton(this);
    m_dismiss->setObjectName(QStringLiteral("dismissDamagedCacheNotice"));
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setAccessibleName(tr("Dismiss the notice about the damaged cache"));
    m_dismiss->setAutoRaise(true);
    connect(m_dismiss, &QToolButton::clicked, this, &QObject::deleteLater);

    m_what = new QLabel(tr("Its integrity check found damage, so what it held could be wrong or incomplete. Nothing "
                           "was deleted: the damaged file is now here:"),
        this);
    m_what->setWordWrap(true);
    m_what->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // SQLite's own words, for whoever looks into the file: one line, without its banner.
    QStringList said = damage.split(u'\n', Qt::SkipEmptyParts);
    said.removeIf([](const QString &line) { return line.startsWith(QStringLiteral("***")); });
    auto *details = new QLabel(tr("The check said: %1").arg(said.join(QStringLiteral("; "))), this);
    details->setObjectName(QStringLiteral("damagedCacheDetails"));
    details->setWordWrap(true);
    details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details->setForegroundRole(QPalette::PlaceholderText);

    m_path = new QLineEdit(movedTo, this);
    m_path->setObjectName(QStringLiteral("damagedCachePath"));
    m_path->setAccessibleName(tr("Where the damaged cache file is now"));
    m_path->setReadOnly(true);
    m_path->setToolTip(movedTo);
    m_path->setCursorPosition(0);
    auto *showFolder = new QPushButton(tr("Show in &Folder"), this);
    showFolder->setObjectName(QStringLiteral("showDamagedCacheFolder"));
    showFolder->setToolTip(tr("Open the folder that holds the damaged file"));
    connect(showFolder, &QPushButton::clicked, this, &DamagedCacheNotice::showInFolder);

    m_offer = new QLabel(tr("Looking for a sound snapshot to restore…"), this);
    m_offer->setObjectName(QStringLiteral("damagedCacheOffer"));
    m_offer->setWordWrap(true);
    m_offer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("damagedCacheProgress"));
    m_progress->setAccessibleName(tr("Progress of the restore"));
    m_progress->setTextVisible(false);
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(fontMetrics().height() / 2 + 4);

    m_restore = new QPushButton(tr("&Restore the Latest Good Snapshot"), this);
    m_restore->setObjectName(QStringLiteral("restoreLatestSnapshotButton"));
    m_restore->setEnabled(false);
    m_restore->hide();
    connect(m_restore, &QPushButton::clicked, this, &DamagedCacheNotice::restoreOffered);
    m_sync = new QPushButton(tr("&Sync Again"), this);
    m_sync->setObjectName(QStringLiteral("syncAgainButton"));
    m_sync->setToolTip(tr("Read every source again into the fresh cache"));
    connect(m_sync, &QPushButton::clicked, this, &DamagedCacheNotice::syncRequested);

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(title, 1);
    titleRow->addWidget(m_dismiss, 0, Qt::AlignTop);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(showFolder);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_restore);
    actions->addWidget(m_sync);
    actions->addStretch(1);
    auto *body = new QVBoxLayout;
    body->addLayout(titleRow);
    body->addWidget(m_what);
    body->addLayout(pathRow);
    body->addWidget(details);
    body->addWidget(m_offer);
    body->addWidget(m_progress);
    body->addLayout(actions);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 8, 10);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addLayout(body, 1);

    connect(m_job, &SnapshotJob::newestSoundFound, this, &DamagedCacheNotice::onFound);
    connect(m_job, &SnapshotJob::restored, this, &DamagedCacheNotice::onRestored);
    connect(m_job, &SnapshotJob::progress, this, &DamagedCacheNotice::onProgress);
    // Each snapshot it looks at is read whole: on the worker, while the window is usable.
    m_job->findNewestSound();
}

DamagedCacheNotice::~DamagedCacheNotice() = default;

QString DamagedCacheNotice::movedTo() const
{
    return m_movedTo;
}

QString DamagedCacheNotice::text() const
{
    return m_what->text() + u' ' + m_path->text() + u' ' + m_offer->text();
}

void DamagedCacheNotice::onFound(const std::optional<cache::SnapshotInfo> &snapshot, const QString &error)
{
    m_searching = false;
    m_offered = snapshot;
    m_progress->hide();
    const QString folder = m_cachePath + QStringLiteral(".snapshots");
    if (!error.isEmpty()) {
        m_offer->setText(tr("Cairn could not look for a snapshot to restore in %1: %2. Sync your sources again to "
                            "fill the cache.")
                             .arg(folder, error));
    } else if (!snapshot) {
        m_offer->setText(tr("There is no sound snapshot to restore (none in %1). Sync your sources again to fill "
                            "the cache.")
                             .arg(folder));
    } else {
        m_offer->setText(tr("The latest good snapshot is %1. Restore it to get back what the cache held then, or "
                            "sync your sources again to fetch what they hold now.")
                             .arg(SnapshotWords::summary(*snapshot, core::clock::nowUtc())));
        m_restore->setEnabled(true);
        m_restore->show();
    }
    Q_EMIT searchFinished();
}

void DamagedCacheNotice::restoreOffered()
{
    if (!m_offered || !m_job->restore(m_offered->id))
        return;
    m_restore->setEnabled(false);
    m_sync->setEnabled(false);
    // The notice stays until the restore is over: it is what tells the window to reload.
    m_dismiss->setEnabled(false);
    m_offer->setText(tr("Restoring %1…").arg(SnapshotWords::summary(*m_offered, core::clock::nowUtc())));
    m_progress->setRange(0, 0);
    m_progress->show();
}

void DamagedCacheNotice::onProgress(cache::SnapshotStore::Step step, int done, int total)
{
    // The fresh cache is kept as a snapshot first (every restore can be undone): a moment.
    if (step != cache::SnapshotStore::Step::Restoring)
        return;
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(done);
}

void DamagedCacheNotice::onRestored(const QString &snapshotId, const QString &undoSnapshotId, const QString &error)
{
    m_progress->hide();
    m_sync->setEnabled(true);
    m_dismiss->setEnabled(true);
    const QString what
        = m_offered ? SnapshotWords::summary(*m_offered, core::clock::nowUtc()) : tr("snapshot %1").arg(snapshotId);
    if (!error.isEmpty()) {
        m_restore->setEnabled(true);
        m_offer->setText(
            tr("Could not restore %1: %2. You can try again, or sync your sources again instead.").arg(what, error));
        Q_EMIT restoreFailed(error);
        return;
    }
    m_restore->hide();
    m_offer->setText(tr("Restored %1. Sync again to bring it up to date; the damaged file stays where it is until "
                        "you delete it.")
                         .arg(what));
    Q_EMIT restored(snapshotId, undoSnapshotId);
}

void DamagedCacheNotice::showInFolder()
{
    const QString folder = QFileInfo(m_movedTo).absolutePath();
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder))) {
        m_path->selectAll();
        QToolTip::showText(m_path->mapToGlobal(QPoint(0, m_path->height())),
            tr("Cairn could not open the folder %1 here. The path is selected: copy it into your file manager.")
                .arg(folder),
            m_path);
    }
}

} // namespace cairn::ui
