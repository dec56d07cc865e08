// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SyncController.h"

#include "sync/SyncWorker.h"
#include "ui/SyncMessages.h"

#include <algorithm>

namespace cairn::ui {

SyncController::SyncController(const QString &cachePath, QObject *parent)
    : QObject(parent)
    , m_worker(new sync::SyncWorker(cachePath, this))
{
    connect(m_worker, &sync::SyncWorker::progress, this,
        [this](const QString &source, sync::SyncPhase phase, qint64 done, qint64 total) {
            if (source != m_current) {
                m_current = source;
                ++m_position;
            }
            m_done = done;
            m_total = total;
            m_progressText = SyncMessages::progress(source, m_position, m_sourceCount, phase, done, total);
            Q_EMIT progressChanged();
        });
    connect(m_worker, &sync::SyncWorker::finished, this, [this](const sync::SyncOutcome &outcome) {
        m_running.append(outcome);
        Q_EMIT sourceFinished(outcome);
    });
    connect(m_worker, &sync::SyncWorker::allFinished, this, [this] {
        m_outcomes = std::exchange(m_running, {});
        m_progressText.clear();
        m_current.clear();
        Q_EMIT finished();
    });
}

SyncController::~SyncController()
{
    // The worker's destructor cancels and waits: a cancelled run leaves the cache as it was.
    delete m_worker;
}

void SyncController::setHttpOptions(const sync::HttpClient::Options &options)
{
    m_worker->setHttpOptions(options);
}

bool SyncController::sync(const QStringList &sources)
{
    return start(sources, sync::SyncOptions {});
}

bool SyncController::applyRemovals(const QString &source, const QList<core::EntityRef> &refs)
{
    sync::SyncOptions options;
    options.confirmedRemovals = refs;
    return start({ source }, options);
}

bool SyncController::retry()
{
    QStringList again;
    for (const sync::SyncOutcome &outcome : lastProblems()) {
        if (!outcome.sourceName.isEmpty() && !again.contains(outcome.sourceName))
            again.append(outcome.sourceName);
    }
    return start(again.isEmpty() ? m_asked : again, sync::SyncOptions {});
}

bool SyncController::start(const QStringList &sources, const sync::SyncOptions &options)
{
    if (!m_worker->start(sources, options))
        return false;
    m_asked = sources;
    m_sourceCount = int(sources.size());
    m_position = 0;
    m_current.clear();
    m_done = 0;
    m_total = -1;
    m_running.clear();
    m_progressText = sources.size() == 1 ? tr("Syncing “%1”…").arg(sources.constFirst()) : tr("Syncing…");
    Q_EMIT started();
    Q_EMIT progressChanged();
    return true;
}

void SyncController::cancel()
{
    if (!isRunning())
        return;
    m_worker->cancel();
    m_progressText = tr("Cancelling…");
    Q_EMIT progressChanged();
}

bool SyncController::isRunning() const
{
    return m_worker->isRunning();
}

bool SyncController::wait(int timeoutMs)
{
    return m_worker->wait(timeoutMs);
}

QList<sync::SyncOutcome> SyncController::lastProblems() const
{
    QList<sync::SyncOutcome> problems;
    for (const sync::SyncOutcome &outcome : m_outcomes) {
        if (outcome.cancelled || outcome.errorKind == core::ErrorKind::Cancelled)
            continue;
        if (!outcome.ok || outcome.summary.held)
            problems.append(outcome);
    }
    return problems;
}

bool SyncController::lastRunOffline() const
{
    // Offline when a server could not be reached and none answered: one server down among
    // reachable ones is that server's failure, not the network's. A folder source syncs
    // without the network and says nothing either way.
    const auto unreachable
        = [](const sync::SyncOutcome &outcome) { return !outcome.ok && outcome.errorKind == core::ErrorKind::Offline; };
    const auto answered = [](const sync::SyncOutcome &outcome) { return outcome.ok && outcome.requests > 0; };
    return std::any_of(m_outcomes.cbegin(), m_outcomes.cend(), unreachable)
        && std::none_of(m_outcomes.cbegin(), m_outcomes.cend(), answered);
}

} // namespace cairn::ui
