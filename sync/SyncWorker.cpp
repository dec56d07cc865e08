// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SyncWorker.h"

#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "core/Clock.h"
#include "sync/SourceFactory.h"
#include "sync/SourceRegistry.h"
#include "sync/SyncLog.h"
#include "sync/TokenStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

namespace cairn::sync {

namespace {

// Progress is reported per entity written; the UI needs a few updates a second, not 100k
// queued signals.
constexpr qint64 kProgressIntervalMs = 50;

SyncOutcome failedBeforeRun(cache::Cache &cache, const QString &sourceName, const core::Error &failure, bool dryRun)
{
    SyncOutcome outcome;
    outcome.sourceName = sourceName;
    const QString &error = failure.message;
    outcome.error = error;
    outcome.errorKind = failure.kind;
    if (!dryRun) { // the log shows failed runs too, as the engine's own failures
        core::Result<qint64> logged
            = cache::CatalogWriter(cache).recordFailedRun(sourceName, core::clock::nowUtc(), error);
        if (!logged)
            qCWarning(syncLog) << "the failed run of" << sourceName << "was not logged:" << logged.errorString();
    }
    return outcome;
}

} // namespace

SyncWorker::SyncWorker(QString cachePath, QObject *parent)
    : QObject(parent)
    , m_cachePath(std::move(cachePath))
{
    qRegisterMetaType<SyncOutcome>();
    qRegisterMetaType<SyncPhase>();
}

SyncWorker::~SyncWorker()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool SyncWorker::isRunning() const
{
    return !m_done.load();
}

bool SyncWorker::wait(int timeoutMs)
{
    return !m_thread || m_thread->wait(QDeadlineTimer(timeoutMs));
}

void SyncWorker::cancel()
{
    m_cancel.store(true);
}

bool SyncWorker::start(const QStringList &sourceNames, const SyncOptions &options)
{
    if (isRunning())
        return false;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_cancel.store(false);
    m_done.store(false);
    m_thread = QThread::create([this, sourceNames, options] { runAll(sourceNames, options); });
    m_thread->setObjectName(QStringLiteral("cairn-sync"));
    m_thread->start();
    return true;
}

// On the worker thread. Signals emitted here are queued to this object's thread.
void SyncWorker::runAll(const QStringList &sourceNames, const SyncOptions &options)
{
    core::Result<std::unique_ptr<cache::Cache>> opened = cache::Cache::open(m_cachePath);
    if (!opened) {
        SyncOutcome outcome;
        outcome.sourceName = sourceNames.join(QStringLiteral(", "));
        outcome.error = opened.errorString();
        outcome.errorKind = opened.errorKind();
        Q_EMIT finished(outcome);
        m_done.store(true);
        Q_EMIT allFinished();
        return;
    }
    cache::Cache &cache = *opened.value();
    // Checkpoints run after each source's result is out, not inside its commit. If this
    // fails, they simply stay inside the commit.
    if (core::Status manual = cache.setAutoCheckpoint(false); !manual)
        qCDebug(syncLog) << "checkpoints stay automatic:" << manual.errorString();
    const TokenStore tokens;
    core::Result<SourceRegistry::Selection> chosen = SourceRegistry(cache, tokens).choose(sourceNames);
    if (!chosen) {
        SyncOutcome outcome;
        outcome.error = chosen.errorString();
        outcome.errorKind = chosen.errorKind();
        Q_EMIT finished(outcome);
        m_done.store(true);
        Q_EMIT allFinished();
        return;
    }
    for (const QString &name : std::as_const(chosen->unknown)) {
        SyncOutcome outcome;
        outcome.sourceName = name;
        outcome.error = QStringLiteral("There is no source \"%1\".").arg(name);
        outcome.errorKind = core::ErrorKind::NotFound;
        Q_EMIT finished(outcome);
    }
    for (const cache::SourceInfo &info : std::as_const(chosen->sources)) {
        if (m_cancel.load())
            break;
        QElapsedTimer throttle;
        throttle.start();
        const QString name = info.name;
        const SyncEngine::Progress report = [this, name, &throttle](SyncPhase phase, qint64 done, qint64 total) {
            if (done != 0 && done != total && throttle.elapsed() < kProgressIntervalMs)
                return;
            throttle.restart();
            Q_EMIT progress(name, phase, done, total);
        };
        SyncOutcome outcome = syncSource(cache, info, options, m_http, report, &m_cancel);
        // The lists of what a committed run added, changed and removed can be 100,000 refs:
        // freed here, not on the receiving (UI) thread, which would stall for it. The cache
        // has them; a held run keeps its would-be removals for the person to review.
        outcome.summary.addedRefs = {};
        outcome.summary.changedRefs = {};
        if (!outcome.summary.held)
            outcome.summary.removedRefs = {};
        Q_EMIT finished(outcome);
        // Off the run's clock (see Cache::setAutoCheckpoint). A failed checkpoint loses
        // nothing: the pages stay in the WAL for the next one.
        if (core::Status checkpointed = cache.checkpoint(); !checkpointed)
            qCDebug(syncLog) << "checkpoint after" << name << "deferred:" << checkpointed.errorString();
    }
    m_done.store(true);
    Q_EMIT allFinished();
}

SyncOutcome SyncWorker::syncSource(cache::Cache &cache, const cache::SourceInfo &info, const SyncOptions &options,
    const HttpClient::Options &http, const SyncEngine::Progress &progress, const std::atomic<bool> *cancel)
{
    core::Result<QByteArray> token = SourceFactory::tokenFor(info);
    if (!token)
        return failedBeforeRun(cache, info.name, token.error(), options.dryRun);
    if (token->isEmpty() && SourceRegistry::tokenPlace(info) == SourceRegistry::TokenPlace::Keychain) {
        SyncOutcome outcome = failedBeforeRun(cache, info.name,
            core::Error { QStringLiteral("Source \"%1\": the system keychain holds no token for it.").arg(info.name),
                core::ErrorKind::Authentication },
            options.dryRun);
        outcome.tokenMissing = true;
        return outcome;
    }
    core::Result<std::unique_ptr<CatalogSource>> source = SourceFactory::create(info, token.value(), http);
    if (!source)
        return failedBeforeRun(cache, info.name, source.error(), options.dryRun);
    SyncEngine engine(cache);
    engine.setProgress(progress);
    engine.setCancelFlag(cancel);
    return engine.run(info.name, info.kind, info.location, *source.value(), options);
}

} // namespace cairn::sync
