// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QThread;

namespace cairn::cache {
class Cache;
} // namespace cairn::cache

namespace cairn::models {

// Reads for a model off the UI thread: one thread with its own read-only connection to
// the model's cache file, running the model's jobs one after another in the order given.
// A job gets the connection (or why it could not be opened) and hands its result back
// with deliver(), which runs on the model's thread, never after the model is gone.
//
// A model that asks again before an answer arrived calls interrupt(): the statement in
// progress stops (SQLITE_INTERRUPT) instead of finishing a count nobody will see.
//
// A private in-memory cache has no file a second connection could open: its jobs run on
// the owner's thread with the owner's connection, still queued, so the model sees the
// same order of events either way.
class BackgroundReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundReader)

public:
    using Job = std::function<void(core::Result<cache::Cache *> connection)>;

    explicit BackgroundReader(cache::Cache &cache, QObject *parent = nullptr);
    // Lets the job in progress finish (interrupted) and drops the ones not started.
    ~BackgroundReader() override;

    void run(Job job);
    // Stops the statement the reader's connection is stepping, if any. Safe from any thread.
    void interrupt();

    // Runs `read(cache::Cache &)` (which returns a core::Result) on the reader and hands
    // its result to `apply` on `receiver`'s thread; a connection that could not be opened
    // arrives there as that error.
    template<typename Read, typename Apply> void fetch(QObject *receiver, Read read, Apply apply)
    {
        run([receiver, read = std::move(read), apply = std::move(apply)](
                core::Result<cache::Cache *> connection) mutable {
            using Answer = decltype(read(**connection));
            Answer answer = connection ? read(**connection) : Answer(connection.error());
            deliver(receiver,
                [apply = std::move(apply), answer = std::move(answer)]() mutable { apply(std::move(answer)); });
        });
    }

    // Calls `done` on `receiver`'s thread, unless `receiver` is destroyed first.
    template<typename F> static void deliver(QObject *receiver, F &&done)
    {
        QMetaObject::invokeMethod(receiver, std::forward<F>(done), Qt::QueuedConnection);
    }

private:
    class Worker;

    cache::Cache &m_cache;
    QThread *m_thread = nullptr; // null for an in-memory cache
    Worker *m_worker = nullptr;
};

} // namespace cairn::models
