// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/ViewExport.h"

#include "cache/Cache.h"
#include "cache/EntityColumns.h"
#include "cache/EntitySelection.h"
#include "cache/SqlTry.h"
#include "core/CsvWriter.h"

#include <QList>
#include <QRegularExpression>

#include <algorithm>

namespace cairn::cache {

namespace {

constexpr qint64 ProgressEvery = 512;

} // namespace

ViewExport::ViewExport(Cache &cache)
    : m_db(cache.database())
{ }

QString ViewExport::viewFor(QStringView kind)
{
    return EntityColumns::viewFor(kind);
}

QStringList ViewExport::columns(QStringView kind)
{
    QStringList out;
    for (const EntityColumn &column : EntityColumns::of(kind))
        out.append(column.name.toString());
    out.append(EntityColumns::removedAt().name.toString());
    return out;
}

QStringList ViewExport::defaultColumns(QStringView kind, bool includeRemoved)
{
    QStringList out = EntityColumns::exportDefaults(kind);
    if (includeRemoved)
        out.append(EntityColumns::removedAt().name.toString());
    return out;
}

core::Status ViewExport::checkColumns(QStringView kind, const QStringList &columns)
{
    static const QRegularExpression scorecardColumn(QStringLiteral("^health_(band_)?[a-z0-9_]+$"));
    const bool component = kind.compare(u"component", Qt::CaseInsensitive) == 0;
    QStringList unknown;
    for (const QString &name : columns) {
        if (!EntityColumns::find(kind, name) && !(component && scorecardColumn.match(name).hasMatch()))
            unknown.append(name);
    }
    if (unknown.isEmpty())
        return {};
    const QString what = kind.isEmpty() ? QStringLiteral("all kinds") : QStringLiteral("kind %1").arg(kind);
    return core::Error { QStringLiteral("Unknown column%1 %2 for %3 (%4). Valid columns: %5.")
                             .arg(unknown.size() > 1 ? QStringLiteral("s") : QString(),
                                 QStringLiteral("\"") + unknown.join(QStringLiteral("\", \"")) + QStringLiteral("\""),
                                 what, viewFor(kind), ViewExport::columns(kind).join(QStringLiteral(", "))) };
}

core::Result<qint64> ViewExport::count(const ExportFilter &filter) const
{
    const EntitySelection selection(filter);
    CAIRN_TRY_ASSIGN(Statement q, m_db.prepare(selection.countSql()));
    selection.bind(q);
    CAIRN_TRY_ASSIGN(Statement::Step step, q.step());
    return step == Statement::Step::Row ? q.int64(0) : qint64(0);
}

core::Result<qint64> ViewExport::total(const ExportFilter &filter) const
{
    // Counting costs a pass over the index; only a progress display needs it.
    if (!m_progress)
        return qint64(-1);
    return count(filter);
}

bool ViewExport::keepGoing(qint64 done, qint64 total) const
{
    if (m_cancelled && m_cancelled())
        return false;
    return !m_progress || m_progress(done, total);
}

core::Result<QList<std::pair<QString, QString>>> ViewExport::scorecardColumns(QStringView kind) const
{
    QList<std::pair<QString, QString>> columns;
    if (kind.compare(u"component", Qt::CaseInsensitive) != 0)
        return columns;
    CAIRN_TRY_ASSIGN(Statement q, m_db.prepare(QStringLiteral("SELECT id FROM health_scorecards ORDER BY position")));
    CAIRN_TRY(forEachRow(q, [&columns](const Statement &row) {
        const QString id = row.text(0);
        QString name = id.toLower();
        name.replace(u'-', u'_').replace(u'.', u'_');
        // The id is a scorecard file's (letters, digits, '.', '_', '-'); quoted all the same.
        QString literal = id;
        literal.replace(u'\'', QStringLiteral("''"));
        const QString sql
            = QStringLiteral("(SELECT h.%1 FROM health h WHERE h.entity_id = e.id AND h.scorecard = '%2')");
        columns.append({ QStringLiteral("health_") + name, sql.arg(QStringLiteral("score"), literal) });
        columns.append({ QStringLiteral("health_band_") + name, sql.arg(QStringLiteral("band"), literal) });
    }));
    return columns;
}

core::Result<qint64> ViewExport::write(
    const ExportFilter &filter, const QStringList &requested, core::CsvWriter &writer) const
{
    CAIRN_TRY_ASSIGN(const auto scorecards, scorecardColumns(filter.kind));
    QStringList names = requested;
    if (names.isEmpty()) {
        names = defaultColumns(filter.kind, false);
        for (const auto &[name, expression] : scorecards)
            names.append(name);
        if (filter.includeRemoved)
            names.append(EntityColumns::removedAt().name.toString());
    }
    QStringList expressions;
    QStringList unknown;
    for (const QString &name : std::as_const(names)) {
        if (const EntityColumn *column = EntityColumns::find(filter.kind, name)) {
            expressions.append(column->expression.toString());
            continue;
        }
        const auto it
            = std::find_if(scorecards.cbegin(), scorecards.cend(), [&name](const auto &c) { return c.first == name; });
        if (it == scorecards.cend())
            unknown.append(name);
        else
            expressions.append(it->second);
    }
    if (!unknown.isEmpty()) {
        QStringList valid = columns(filter.kind);
        for (const auto &[name, expression] : scorecards)
            valid.append(name);
        return core::Error { QStringLiteral("Unknown column%1 \u201c%2\u201d for kind %3. Valid columns: %4.")
                                 .arg(unknown.size() > 1 ? QStringLiteral("s") : QString(),
                                     unknown.join(QStringLiteral("\u201d, \u201c")), filter.kind,
                                     valid.join(QStringLiteral(", "))) };
    }

    const EntitySelection selection(filter);
    CAIRN_TRY(selection.check());
    // ORDER BY kind, name walks the entities_kind_name index, and a sort column of a
    // kind's table its own index when tombstones are left out: rows stream out as SQLite
    // finds them, with no sort buffer however many there are. The sort indexes hold live
    // rows only, so a sorted export with tombstones is sorted by SQLite first.
    CAIRN_TRY_ASSIGN(Statement q,
        m_db.prepare(QStringLiteral("SELECT ") + expressions.join(QStringLiteral(", "))
            + QStringLiteral(" FROM entities e ") + selection.where() + selection.orderBy()));
    selection.bind(q);
    CAIRN_TRY_ASSIGN(const qint64 all, total(filter));

    CAIRN_TRY(writer.writeRow(names));
    QList<QString> cells(names.size());
    qint64 rows = 0;
    CAIRN_TRY(forEachRow(q, [&](const Statement &row) -> core::Status {
        for (qsizetype i = 0; i < cells.size(); ++i)
            cells[i] = row.text(int(i));
        if (core::Status written = writer.writeRow(std::span<const QString>(cells.data(), cells.size())); !written)
            return written;
        ++rows;
        if (rows % ProgressEvery == 0 && !keepGoing(rows, all))
            return core::Error { QStringLiteral("Export cancelled.") };
        return {};
    }));
    CAIRN_TRY(writer.finish());
    if (!keepGoing(rows, all < 0 ? rows : all))
        return core::Error { QStringLiteral("Export cancelled.") };
    return rows;
}

core::Result<qint64> ViewExport::forEachDocument(const ExportFilter &filter, const DocumentVisitor &visit) const
{
    const EntitySelection selection(filter);
    CAIRN_TRY(selection.check());
    CAIRN_TRY_ASSIGN(Statement q,
        m_db.prepare(QStringLiteral("SELECT e.document, e.removed_at IS NOT NULL FROM entities e ") + selection.where()
            + selection.orderBy()));
    selection.bind(q);
    CAIRN_TRY_ASSIGN(const qint64 all, total(filter));
    qint64 done = 0;
    CAIRN_TRY(forEachRow(q, [&](const Statement &row) -> core::Status {
        if (core::Status visited = visit(row.utf8(0), row.int64(1) != 0); !visited)
            return visited;
        ++done;
        if (done % ProgressEvery == 0 && !keepGoing(done, all))
            return core::Error { QStringLiteral("Export cancelled.") };
        return {};
    }));
    if (!keepGoing(done, all < 0 ? done : all))
        return core::Error { QStringLiteral("Export cancelled.") };
    return done;
}

core::Result<QStringList> ViewExport::kinds(const ExportFilter &filter) const
{
    const EntitySelection selection(filter);
    CAIRN_TRY_ASSIGN(Statement q,
        m_db.prepare(QStringLiteral("SELECT DISTINCT e.kind FROM entities e ") + selection.where()
            + QStringLiteral("ORDER BY e.kind")));
    selection.bind(q);
    QStringList out;
    CAIRN_TRY(collectRows(q, out, [](const Statement &row) { return row.text(0); }));
    return out;
}

} // namespace cairn::cache
