// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/BackgroundReader.h"

#include "cache/Cache.h"

#include <QMutex>
#include <QThread>

namespace cairn::models {

// Lives on the reader's thread; opens the connection there, on the first job, so that the
// connection belongs to the thread that uses it (cache::Cache's rule).
class BackgroundReader::Worker final : public QObject
{
public:
    explicit Worker(QString path)
        : m_path(std::move(path))
    { }

    void run(const Job &job)
    {
        if (m_stopping.load())
            return;
        // A connection that could not be opened is tried again for the next job: the cause
        // may pass (a file locked for a moment, a cache being replaced after damage).
        core::Error openError;
        if (!m_cache) {
            core::Result<std::unique_ptr<cache::Cache>> opened = cache::Cache::openReadOnly(m_path);
            const QMutexLocker locker(&m_mutex);
            if (opened) {
                m_cache = std::move(opened).value();
                m_cache->database().stopWhen(&m_stopping);
            } else {
                openError = opened.error();
            }
        }
        if (m_cache)
            job(m_cache.get());
        else
            job(openError);
    }

    // From the owner's thread: the connection is opened and closed under the same lock.
    void interrupt()
    {
        const QMutexLocker locker(&m_mutex);
        if (m_cache)
            m_cache->database().interrupt();
    }

    // Whatever runs or would start next stops; jobs not started return at once.
    void stop() { m_stopping.store(true); }

    // On the reader's thread, before it ends: the connection closes where it was opened.
    void close()
    {
        const QMutexLocker locker(&m_mutex);
        m_cache.reset();
    }

private:
    QString m_path;
    QMutex m_mutex;
    std::atomic<bool> m_stopping = false; // before m_cache: the connection checks it
    std::unique_ptr<cache::Cache> m_cache;
};

BackgroundReader::BackgroundReader(cache::Cache &cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
{
    if (cache.isInMemory())
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("cairn-reader"));
    m_worker = new Worker(cache.path());
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

BackgroundReader::~BackgroundReader()
{
    if (!m_thread)
        return;
    // The job in progress stops at its next step; those queued return without running.
    m_worker->stop();
    // The thread ends from its own queue, after the jobs before it: a quit() from here could
    // end its loop with the close still queued (and the connection and worker leaked).
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] {
        worker->close();
        delete worker;
        QThread::currentThread()->quit();
    });
    m_thread->wait();
}

void BackgroundReader::run(Job job)
{
    if (m_worker) {
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, job = std::move(job)] { worker->run(job); });
        return;
    }
    QMetaObject::invokeMethod(
        this, [this, job = std::move(job)] { job(&m_cache); }, Qt::QueuedConnection);
}

void BackgroundReader::interrupt()
{
    if (m_worker)
        m_worker->interrupt();
}

} // namespace cairn::models
