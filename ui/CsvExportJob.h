// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/ViewExport.h"
#include "core/CsvOptions.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

namespace cairn::ui {

// Writes a view to a CSV file off the UI thread: its own read connection, the same SQL
// export as `cairn export` (cache::ViewExport), the file replaced atomically, so a
// cancelled or failed export leaves the old file as it was.
class CsvExportJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvExportJob)

public:
    struct Request
    {
        QString cachePath;
        cache::ExportFilter filter;
        QStringList columns; // export names, in the order written
        QString target; // the file to write
        core::CsvOptions options;
    };

    explicit CsvExportJob(QObject *parent = nullptr);
    ~CsvExportJob() override;

    // False when an export is still running.
    bool start(const Request &request);
    void cancel();
    bool isRunning() const;
    // Blocks until the export ends (tests, shutdown).
    void wait();

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // rows written, or an error message ("cancelled" when cancelled).
    void finished(bool ok, qint64 rows, const QString &error);

private:
    struct Outcome
    {
        bool ok = false;
        qint64 rows = 0;
        QString error;
    };
    static Outcome run(const Request &request, const std::shared_ptr<std::atomic<bool>> &cancelled, CsvExportJob *job);

    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
};

} // namespace cairn::ui
