// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CsvExportJob.h"

#include "cache/Cache.h"
#include "core/AtomicFileWrite.h"
#include "core/CsvWriter.h"

#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

namespace cairn::ui {

CsvExportJob::CsvExportJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        const Outcome outcome = m_watcher.result();
        Q_EMIT finished(outcome.ok, outcome.rows, outcome.error);
    });
}

CsvExportJob::~CsvExportJob()
{
    cancel();
    wait();
}

bool CsvExportJob::isRunning() const
{
    return m_watcher.isRunning();
}

bool CsvExportJob::start(const Request &request)
{
    if (isRunning())
        return false;
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    m_watcher.setFuture(QtConcurrent::run(&CsvExportJob::run, request, m_cancelled, this));
    return true;
}

void CsvExportJob::cancel()
{
    if (m_cancelled)
        m_cancelled->store(true);
}

void CsvExportJob::wait()
{
    m_watcher.waitForFinished();
}

CsvExportJob::Outcome CsvExportJob::run(
    const Request &request, const std::shared_ptr<std::atomic<bool>> &cancelled, CsvExportJob *job)
{
    // A connection of this thread's own: the UI thread's stays free to read.
    core::Result<std::unique_ptr<cache::Cache>> cache = cache::Cache::openReadOnly(request.cachePath);
    if (!cache)
        return { false, 0, cache.errorString() };
    cache::ViewExport exporter(**cache);
    exporter.setProgress([job, cancelled](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            job, [job, done, total] { Q_EMIT job->progress(done, total); }, Qt::QueuedConnection);
        return !cancelled->load();
    });
    exporter.setCancelCheck([cancelled] { return cancelled->load(); });
    qint64 rows = 0;
    const core::Status status = core::writeFileAtomically(request.target, [&](QIODevice &device) -> core::Status {
        core::CsvWriter writer(device, request.options);
        core::Result<qint64> written = exporter.write(request.filter, request.columns, writer);
        if (!written)
            return written.error();
        rows = *written;
        return {};
    });
    if (!status)
        return { false, rows, status.errorString() };
    return { true, rows, {} };
}

} // namespace cairn::ui
