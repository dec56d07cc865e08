// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/HttpClient.h"
#include "sync/SyncEngine.h"
#include "sync/SyncOutcome.h"

#include <QObject>
#include <QStringList>

#include <atomic>

class QThread;

namespace cairn::cache {
class Cache;
struct SourceInfo;
} // namespace cairn::cache

namespace cairn::sync {

// Runs syncs off the caller's thread, for the desktop app: a QThread of its own with its
// own Cache connection on the same file (WAL lets the UI's connection keep reading), so
// the UI thread never waits on the network or the write. Results and progress come back
// as signals, delivered in the thread this object lives in.
class SyncWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncWorker)

public:
    explicit SyncWorker(QString cachePath, QObject *parent = nullptr);
    // Cancels a run in progress and waits for its thread: a cancelled run leaves the
    // cache as it was, so this is always safe.
    ~SyncWorker() override;

    void setHttpOptions(const HttpClient::Options &options) { m_http = options; }

    // Syncs the named sources (empty: every configured source, in priority order), one
    // after the other. False when a run is still going.
    bool start(const QStringList &sourceNames, const SyncOptions &options);
    // Thread-safe: the current source's run stops at its next check (between pages, while
    // waiting on the network, between written rows) and the cache stays as it was; the
    // sources after it are not started.
    void cancel();
    bool isRunning() const;
    // Blocks until the run ends (tests, shutdown); false on timeout.
    bool wait(int timeoutMs);

    // One configured source, synchronously on the calling thread: token, reader, engine.
    // The command line calls it directly; the worker's thread calls it for each source.
    static SyncOutcome syncSource(cache::Cache &cache, const cache::SourceInfo &info, const SyncOptions &options,
        const HttpClient::Options &http, const SyncEngine::Progress &progress, const std::atomic<bool> *cancel);

Q_SIGNALS:
    // done of total items in the phase; total -1 when not known yet. Throttled.
    void progress(const QString &source, cairn::sync::SyncPhase phase, qint64 done, qint64 total);
    // Once per source, in order. Its summary has the counts; of the refs, only a held run's
    // would-be removals (the lists of a committed run stay in the cache, which has them).
    void finished(const cairn::sync::SyncOutcome &outcome);
    // After the last source (or a cancel, or a cache that could not be opened).
    void allFinished();

private:
    void runAll(const QStringList &sourceNames, const SyncOptions &options);

    QString m_cachePath;
    HttpClient::Options m_http;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel { false };
    // Set when the run's work is over, just before allFinished(): its thread may still be
    // unwinding, and a new start() from a slot on allFinished() must not be refused.
    std::atomic<bool> m_done { true };
};

} // namespace cairn::sync
