// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/ExportFilter.h"
#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>
#include <utility>

namespace cairn::core {
class CsvWriter;
}

namespace cairn::cache {

class Cache;
class Database;

// Streams the rows of a public view (docs/cache-schema.md) into a CSV writer, one
// sqlite3_step at a time, so 100,000 rows cost no more memory than ten.
//
// A kind with a view of its own (component -> v_components, ...) is exported with that
// view's columns; any other kind, or every kind, with v_entities's. The columns are the
// views' own (same names, same values), computed from the same expressions
// (cache/EntityColumns) rather than read from the views, because the views hide tombstoned
// entities and an export with --include-removed must show them; tests check both stay the
// same. Rows come in the filter's order (cache/EntitySelection). Two differences,
// both for spreadsheets: lists are joined with "; " (CsvWriter::listSeparator()) instead
// of ", ", and every kind has one more column, removed_at (empty for a live entity).
//
// Use it on the connection of the thread that exports (see Cache).
class ViewExport final
{
public:
    // Called every few hundred rows and at the end with the rows written so far and the
    // total; returning false cancels the export, which then fails with "cancelled".
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    // One document (the JSON text as received) and whether it is tombstoned.
    using DocumentVisitor = std::function<core::Status(const QByteArray &document, bool removed)>;

    explicit ViewExport(Cache &cache);

    // The view whose columns an export of `kind` has ("v_entities" for empty or other kinds).
    static QString viewFor(QStringView kind);
    // Every column an export of `kind` may have, in the view's order, then removed_at.
    static QStringList columns(QStringView kind);
    // What a person wants to see for `kind`; removed_at is added with includeRemoved.
    static QStringList defaultColumns(QStringView kind, bool includeRemoved = false);
    // An error naming the unknown columns and listing the valid ones, or success. A
    // component's per-scorecard columns (below) pass when they are well formed; whether
    // the scorecard exists is known only once the cache is open (write()).
    static core::Status checkColumns(QStringView kind, const QStringList &columns);

    // Components have two more columns per stored scorecard (health_scorecards), after the
    // view's: `health_<id>` (the score) and `health_band_<id>`, the id with '-' and '.' as
    // '_' ("health_component_readiness"). They are in the default columns too.
    core::Result<QList<std::pair<QString, QString>>> scorecardColumns(QStringView kind) const;

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // Polled as often as progress, without counting the rows first (the command line's
    // Ctrl+C); returning true cancels the export.
    void setCancelCheck(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }

    // Writes the header (the column names) and one record per entity, in the filter's
    // order (EntitySelection), then finishes the writer. `columns` empty means
    // defaultColumns(). Returns the number of data rows.
    core::Result<qint64> write(const ExportFilter &filter, const QStringList &columns, core::CsvWriter &writer) const;

    // How many entities the filter takes.
    core::Result<qint64> count(const ExportFilter &filter) const;

    // Hands every document the filter takes to `visit`, in export order; stops at the
    // first error `visit` returns, or when the progress callback cancels.
    core::Result<qint64> forEachDocument(const ExportFilter &filter, const DocumentVisitor &visit) const;

    // The distinct lower-case kinds the filter takes, sorted.
    core::Result<QStringList> kinds(const ExportFilter &filter) const;

private:
    core::Result<qint64> total(const ExportFilter &filter) const;
    bool keepGoing(qint64 done, qint64 total) const;

    Database &m_db;
    Progress m_progress;
    std::function<bool()> m_cancelled;
};

} // namespace cairn::cache
