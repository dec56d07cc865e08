// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ViewExporter.h"

#include "core/AtomicFileWrite.h"
#include "core/Clock.h"
#include "core/ModelCsvExporter.h"
#include "ui/CsvExportJob.h"

#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>

namespace cairn::ui {

ViewExporter::ViewExporter(QString cachePath, QWidget *window)
    : QObject(window)
    , m_cachePath(std::move(cachePath))
    , m_window(window)
    , m_job(new CsvExportJob(this))
{ }

bool ViewExporter::isRunning() const
{
    return m_job->isRunning();
}

void ViewExporter::cancelAndWait()
{
    m_job->cancel();
    m_job->wait();
}

QString ViewExporter::askTarget(const QString &name) const
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(
        QStringLiteral("cairn-%1-%2.csv").arg(name, core::clock::today().toString(Qt::ISODate)));
    if (m_askSaveFile)
        return m_askSaveFile(suggested);
    return QFileDialog::getSaveFileName(m_window, tr("Export View as CSV"), suggested, tr("CSV files (*.csv)"));
}

void ViewExporter::exportTable(const cache::ExportFilter &filter, const QStringList &columns, const QString &name)
{
    if (isRunning()) {
        Q_EMIT statusMessage(tr("An export is still running."), 5000);
        return;
    }
    const QString target = askTarget(name);
    if (target.isEmpty())
        return;
    auto *progress
        = new QProgressDialog(tr("Exporting %1…").arg(QFileInfo(target).fileName()), tr("Cancel"), 0, 0, m_window);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowModality(Qt::WindowModal);
    // A short export ends before the dialog would show: no flash of a window.
    progress->setMinimumDuration(400);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(m_job, &CsvExportJob::progress, progress, [progress](qint64 done, qint64 total) {
        progress->setMaximum(int(qMin<qint64>(total, INT_MAX)));
        progress->setValue(int(qMin<qint64>(done, INT_MAX)));
    });
    connect(progress, &QProgressDialog::canceled, m_job, &CsvExportJob::cancel);
    connect(
        m_job, &CsvExportJob::finished, progress,
        [this, progress, target](bool ok, qint64 rows, const QString &error) {
            progress->deleteLater();
            report(ok, rows, error, target);
        },
        Qt::SingleShotConnection);
    m_job->start(CsvExportJob::Request { m_cachePath, filter, columns, target, {} });
}

void ViewExporter::exportModel(QAbstractItemModel &model, const QString &name)
{
    const QString target = askTarget(name);
    if (target.isEmpty())
        return;
    core::ModelCsvExporter exporter(model);
    const core::Status status
        = core::writeFileAtomically(target, [&](QIODevice &device) { return exporter.write(device); });
    report(bool(status), exporter.rowsExported(), status ? QString() : status.errorString(), target);
}

void ViewExporter::report(bool ok, qint64 rows, const QString &error, const QString &target)
{
    Q_EMIT finished(ok, rows, error);
    const QString shown = QDir::toNativeSeparators(target);
    if (ok)
        Q_EMIT statusMessage(tr("Exported %1 rows to %2").arg(QLocale().toString(rows), shown), 10000);
    else if (error == u"cancelled")
        Q_EMIT statusMessage(tr("Export cancelled; %1 was left as it was.").arg(shown), 10000);
    else
        QMessageBox::warning(
            m_window, tr("Export failed"), tr("Could not write %1: %2\n\nNothing was replaced.").arg(shown, error));
}

} // namespace cairn::ui
