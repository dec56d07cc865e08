// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/HttpClient.h"
#include "sync/SyncEngine.h"
#include "sync/SyncOutcome.h"

#include <QList>
#include <QObject>
#include <QStringList>

namespace cairn::sync {
class SyncWorker;
}

namespace cairn::ui {

// The window's syncs: one run at a time on sync::SyncWorker (its own thread and cache
// connection), so the UI thread never waits on the network, the keychain or a write. It
// keeps what the window shows about syncing: the progress line, the outcomes of the last
// run, which sources failed (for Retry), and whether the network looked gone.
class SyncController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncController)

public:
    explicit SyncController(const QString &cachePath, QObject *parent = nullptr);
    ~SyncController() override;

    void setHttpOptions(const sync::HttpClient::Options &options);

    // The named sources in the order given (the window passes every configured one, in
    // priority order, for "Sync all"); an empty list syncs every source without knowing
    // their number beforehand. False when a run is still going: one at a time.
    bool sync(const QStringList &sources = {});
    // Runs the source again, allowed to remove exactly `refs` (what a person confirmed in
    // the held-removals dialog); if upstream now removes something else, it is held again
    // with the new list (summary.upstreamChanged).
    bool applyRemovals(const QString &source, const QList<core::EntityRef> &refs);
    // The sources that failed or were held in the last run, again.
    bool retry();
    // The run stops at its next check; the source being synced stays as it was.
    void cancel();
    bool isRunning() const;
    // Blocks until the run is over (tests, closing the window); false on timeout.
    bool wait(int timeoutMs);

    // "Syncing “github” · downloading 1,200 of 5,000 entities" while running.
    const QString &progressText() const { return m_progressText; }
    // done/total of the current phase, total -1 when unknown; for a progress bar.
    qint64 progressDone() const { return m_done; }
    qint64 progressTotal() const { return m_total; }
    // The last finished run's outcomes, one per source, in order.
    const QList<sync::SyncOutcome> &lastOutcomes() const { return m_outcomes; }
    // The outcomes of the last run that a person must hear about: failures and held runs.
    QList<sync::SyncOutcome> lastProblems() const;
    // The last run could not reach a server at all.
    bool lastRunOffline() const;

Q_SIGNALS:
    void started();
    void progressChanged();
    // Each source's outcome as it comes (a committed run has changed the cache by then).
    void sourceFinished(const cairn::sync::SyncOutcome &outcome);
    void finished();

private:
    bool start(const QStringList &sources, const sync::SyncOptions &options);

    sync::SyncWorker *m_worker = nullptr;
    QStringList m_asked; // the sources asked for; empty: all
    int m_position = 0; // 1-based, of the source being synced
    int m_sourceCount = 0; // 0 until known
    QString m_current;
    QString m_progressText;
    qint64 m_done = 0;
    qint64 m_total = -1;
    QList<sync::SyncOutcome> m_running;
    QList<sync::SyncOutcome> m_outcomes;
};

} // namespace cairn::ui
