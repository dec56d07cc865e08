// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/ViewExport.h"

#include <QObject>

#include <functional>

class QAbstractItemModel;
class QWidget;

namespace cairn::ui {

class CsvExportJob;

// File ▸ Export View as CSV for a window: asks for the file, writes exactly what the view
// shows, shows progress with a cancel for a long export, and says how it went. A table of
// entities is written by the same SQL as `cairn export` on a worker (CsvExportJob); the
// other views (goal tree, removed upstream) through their model (core::ModelCsvExporter).
class ViewExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewExporter)

public:
    ViewExporter(QString cachePath, QWidget *window);

    // Replaces the file dialog (tests, automation): the suggested path in, the chosen out.
    using SaveFileAsker = std::function<QString(const QString &suggested)>;
    void setSaveFileAsker(SaveFileAsker asker) { m_askSaveFile = std::move(asker); }

    // `name` goes into the suggested file name ("cairn-component-2026-12-02.csv").
    void exportTable(const cache::ExportFilter &filter, const QStringList &columns, const QString &name);
    void exportModel(QAbstractItemModel &model, const QString &name);

    bool isRunning() const;
    // Cancels an export in progress and waits for it (the window is closing).
    void cancelAndWait();
    CsvExportJob *job() const { return m_job; }

Q_SIGNALS:
    void finished(bool ok, qint64 rows, const QString &error);
    void statusMessage(const QString &message, int timeoutMs);

private:
    QString askTarget(const QString &name) const;
    void report(bool ok, qint64 rows, const QString &error, const QString &target);

    QString m_cachePath;
    QWidget *m_window;
    CsvExportJob *m_job;
    SaveFileAsker m_askSaveFile;
};

} // namespace cairn::ui
