// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DesktopSession.h"

#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "sync/SampleOrganisation.h"
#include "ui/DamagedCacheNotice.h"
#include "ui/MainWindow.h"
#include "ui/ScreenshotTour.h"

#include <QApplication>
#include <QDateTime>
#include <QEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>

namespace cairn::ui {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

DesktopSession::DesktopSession(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{ }

DesktopSession::~DesktopSession()
{
    qApp->removeEventFilter(this);
    // The window's models hold statements of the cache's connection: they go first.
    m_window.reset();
    m_cache.reset();
}

QString DesktopSession::start()
{
    m_startedAt = nowMs();
    m_firstRun = !QFileInfo::exists(m_options.cachePath);
    if (QString error = open(false); !error.isEmpty())
        return error;
    showWindow();
    return {};
}

QString DesktopSession::open(bool checkNow)
{
    core::Result<std::unique_ptr<cache::Cache>> cache = cache::Cache::open(m_options.cachePath,
        checkNow ? cache::Cache::IntegrityCheck::AtOpen : cache::Cache::IntegrityCheck::Deferred,
        cache::Cache::HealthAtOpen::Later);
    if (!cache) {
        // The window's own words for what a person can do about it; the fact comes first.
        switch (cache.errorKind()) {
        case core::ErrorKind::NewerVersion:
            return tr("%1 Upgrade Cairn to open it; the file is left as it is.").arg(cache.errorString());
        case core::ErrorKind::ReadOnly:
            return tr("%1 Check that the file and its folder can be written.").arg(cache.errorString());
        case core::ErrorKind::ForeignFile:
            return tr("%1 Start Cairn with another cache file, or move this one away.").arg(cache.errorString());
        default:
            return cache.errorString();
        }
    }
    m_cache = std::move(cache).value();
    return {};
}

void DesktopSession::showWindow()
{
    m_painted = false;
    m_window = std::make_unique<MainWindow>(*m_cache);
    m_window->setAnswerOptions(m_options.answers);
    if (!m_cache->quarantinedPath().isEmpty())
        showDamagedNotice();
    else
        updateSampleBanner();
    qApp->installEventFilter(this);
    m_window->show();
}

bool DesktopSession::eventFilter(QObject *watched, QEvent *event)
{
    // The first paint of any part of the window: once the event loop is back, the whole
    // first frame has been painted and flushed.
    if (!m_painted && event->type() == QEvent::Paint && m_window) {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && widget->window() == m_window.get()) {
            m_painted = true;
            QTimer::singleShot(0, this, &DesktopSession::afterFirstPaint);
        }
    }
    return QObject::eventFilter(watched, event);
}

void DesktopSession::afterFirstPaint()
{
    qApp->removeEventFilter(this);
    const qint64 elapsed = nowMs() - m_startedAt;
    Q_EMIT firstPainted(elapsed);
    if (m_options.quitAfterFirstPaint) {
        QTextStream(stdout) << "first paint after " << elapsed << " ms\n";
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        return;
    }
    // A cache just put in a damaged one's place is new and empty: nothing to check.
    if (m_cache->quarantinedPath().isEmpty())
        checkIntegrity();
    const bool catchingUp = catchUpHealth();
    if (m_firstRun)
        loadSample();
    else if (!m_options.screenshotFolder.isEmpty() && catchingUp)
        connect(
            this, &DesktopSession::healthCaughtUp, this, &DesktopSession::takeScreenshots, Qt::SingleShotConnection);
    else if (!m_options.screenshotFolder.isEmpty())
        QTimer::singleShot(0, this, &DesktopSession::takeScreenshots);
}

bool DesktopSession::catchUpHealth()
{
    // Health computed for another day or other scorecards is recomputed: a pass over the
    // catalog, on a worker whose own connection does it as it opens, as a sync writes.
    const core::Result<bool> current = m_cache->healthIsCurrent();
    if (current && *current)
        return false;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (!m_window)
            return;
        if (const QString error = watcher->result(); !error.isEmpty())
            m_window->setBanner(tr("Cairn could not bring component health up to date: %1").arg(error));
        else
            m_window->refreshFromCache();
        Q_EMIT healthCaughtUp(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([path = m_options.cachePath]() -> QString {
        core::Result<std::unique_ptr<cache::Cache>> cache
            = cache::Cache::open(path, cache::Cache::IntegrityCheck::Deferred, cache::Cache::HealthAtOpen::CatchUp);
        return cache ? QString() : cache.errorString();
    }));
    return true;
}

void DesktopSession::checkIntegrity()
{
    // quick_check reads every page: on a worker with a connection of its own.
    auto *watcher = new QFutureWatcher<core::Result<QString>>(this);
    connect(watcher, &QFutureWatcher<core::Result<QString>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const core::Result<QString> damage = watcher->result();
        if (!damage) {
            m_window->setBanner(tr("Cairn could not check its cache for damage: %1").arg(damage.errorString()));
            return;
        }
        Q_EMIT integrityChecked(*damage);
        if (!damage->isEmpty())
            onDamage(*damage);
    });
    watcher->setFuture(QtConcurrent::run([path = m_options.cachePath] { return cache::Cache::findDamage(path); }));
}

void DesktopSession::onDamage(const QString &damage)
{
    // No question first: a damaged file is not worth reading from, and moving it loses
    // nothing. Every connection to it closes (the window's models and readers go with the
    // window), then it is moved aside as Cache::open does with damage it finds itself,
    // without reading every page again, and the window opens on a fresh cache.
    m_window.reset();
    m_cache.reset();
    core::Result<std::unique_ptr<cache::Cache>> fresh = cache::Cache::replaceDamaged(m_options.cachePath, damage);
    if (!fresh) {
        // The file stays where it is: the window goes on with it, and says what to do.
        if (QString error = open(false); !error.isEmpty()) {
            QMessageBox::critical(nullptr, tr("Cairn"), error);
            QCoreApplication::exit(1);
            return;
        }
        showWindow();
        m_window->setBanner(tr("Cairn found damage in its cache (%1) but could not move the file aside: %2 What the "
                               "window shows may be wrong or incomplete. Close Cairn, move %3 elsewhere yourself, "
                               "and start Cairn again.")
                                .arg(damage, fresh.errorString(), m_options.cachePath));
        return;
    }
    m_cache = std::move(fresh).value();
    showWindow();
    Q_EMIT cacheMovedAside(m_cache->quarantinedPath());
}

void DesktopSession::showDamagedNotice()
{
    m_window->setBanner(QString());
    auto *notice
        = new DamagedCacheNotice(m_options.cachePath, m_cache->quarantinedPath(), m_cache->damage(), m_window.get());
    connect(notice, &DamagedCacheNotice::restored, m_window.get(), &MainWindow::refreshFromCache);
    connect(notice, &DamagedCacheNotice::syncRequested, m_window.get(), &MainWindow::syncAll);
    m_window->addNotice(notice);
}

void DesktopSession::loadSample()
{
    m_sampleLoading = true;
    m_window->setBanner(tr("Loading Fennel, the sample organisation, so there is something to look at…"));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_sampleLoading = false;
        const QString error = watcher->result();
        m_window->refreshFromCache();
        if (error.isEmpty())
            updateSampleBanner();
        else
            m_window->setBanner(tr("Could not load the sample organisation: %1").arg(error));
        Q_EMIT sampleLoaded(error);
        if (!m_options.screenshotFolder.isEmpty())
            QTimer::singleShot(0, this, &DesktopSession::takeScreenshots);
    });
    // The write runs on a worker with its own connection, as every sync does.
    watcher->setFuture(QtConcurrent::run([path = m_options.cachePath]() -> QString {
        core::Result<std::unique_ptr<cache::Cache>> cache = cache::Cache::open(path);
        if (!cache)
            return cache.errorString();
        const sync::SyncOutcome outcome = sync::SampleOrganisation::load(**cache);
        return outcome.error;
    }));
}

void DesktopSession::updateSampleBanner()
{
    cache::CatalogWriter reader(*m_cache);
    core::Result<QList<cache::SourceInfo>> sources = reader.sources(cache::CatalogWriter::Counts::Left);
    const bool onlySample
        = sources && sources->size() == 1 && sources->constFirst().name == sync::SampleOrganisation::sourceName();
    m_window->setBanner(onlySample
            ? tr("You are looking at Fennel, a sample organisation bundled with Cairn. Add your own catalog in "
                 "File ▸ Sources and sync it; the sample stays a source of its own, easy to remove.")
            : QString());
}

void DesktopSession::takeScreenshots()
{
    QString error;
    const QStringList written = ScreenshotTour::take(*m_window, m_options.screenshotFolder, &error);
    QTextStream out(stdout);
    for (const QString &path : written)
        out << path << '\n';
    out.flush();
    if (!error.isEmpty())
        QTextStream(stderr) << error << '\n';
    QCoreApplication::exit(error.isEmpty() ? 0 : 1);
}

} // namespace cairn::ui
