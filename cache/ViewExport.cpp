// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/ViewExport.h"

#include "cache/Cache.h"
#include "cache/CatalogQuery.h"
#include "cache/SqlTry.h"
#include "core/CsvWriter.h"
#include "core/NameMatcher.h"

#include <QList>

namespace cairn::cache {

namespace {

struct Column
{
    QStringView name;
    QStringView expression; // over `entities e JOIN sources s`
};

// A list inside a cell: joined with CsvWriter::listSeparator(), as docs/export.md says.
#define CAIRN_LIST(path) u"(SELECT group_concat(value, '; ') FROM json_each(e.document, '" path "'))"
#define CAIRN_JSON(path) u"json_extract(e.document, '" path "')"

// The public views' columns (cache/Schema.cpp), in the views' order. Keep in step with the
// schema: tst_viewexport compares every kind's columns and values with its view.
const QList<Column> EntitiesColumns = {
    { u"ref", u"e.ref" },
    { u"kind", CAIRN_JSON("$.kind") },
    { u"namespace", u"e.namespace" },
    { u"name", u"e.name" },
    { u"title", u"e.title" },
    { u"type", u"e.type" },
    { u"lifecycle", u"e.lifecycle" },
    { u"status", u"e.status" },
    { u"owner", u"e.owner_key" },
    { u"system", CAIRN_JSON("$.spec.system") },
    { u"tags", CAIRN_LIST("$.metadata.tags") },
    { u"description", CAIRN_JSON("$.metadata.description") },
    { u"source", u"s.name" },
    { u"first_seen", u"e.first_seen" },
    { u"updated_at", u"e.updated_at" },
    { u"document", u"e.document" },
};

const Column Ref { u"ref", u"e.ref" };
const Column Name { u"name", u"e.name" };
const Column Title { u"title", u"e.title" };
const Column Type { u"type", u"e.type" };
const Column Lifecycle { u"lifecycle", u"e.lifecycle" };
const Column Status { u"status", u"e.status" };
const Column Owner { u"owner", u"e.owner_key" };
const Column System { u"system", CAIRN_JSON("$.spec.system") };
const Column Tags { u"tags", CAIRN_LIST("$.metadata.tags") };
const Column Description { u"description", CAIRN_JSON("$.metadata.description") };
const Column DisplayName { u"display_name", u"e.display_name" };
const Column Email { u"email", CAIRN_JSON("$.spec.profile.email") };
const Column Parent { u"parent", CAIRN_JSON("$.spec.parent") };
const Column TargetDate { u"target_date", CAIRN_JSON("$.spec.targetDate") };
const Column RemovedAt { u"removed_at", u"e.removed_at" };

struct KindView
{
    QStringView kind;
    QStringView view;
    QList<Column> columns;
    QList<QStringView> defaults;
};

const QList<KindView> &kindViews()
{
    static const QList<KindView> views = {
        { u"component", u"v_components",
            { Ref, Name, Title, Type, Lifecycle, Owner, System,
                { u"subcomponent_of", CAIRN_JSON("$.spec.subcomponentOf") }, Tags, Description },
            { u"ref", u"name", u"title", u"type", u"lifecycle", u"owner", u"system", u"tags" } },
        { u"api", u"v_apis", { Ref, Name, Title, Type, Lifecycle, Owner, System, Tags, Description },
            { u"ref", u"name", u"title", u"type", u"lifecycle", u"owner", u"system", u"tags" } },
        { u"resource", u"v_resources", { Ref, Name, Title, Type, Owner, System, Tags, Description },
            { u"ref", u"name", u"title", u"type", u"owner", u"system", u"tags" } },
        { u"system", u"v_systems",
            { Ref, Name, Title, Owner, { u"domain", CAIRN_JSON("$.spec.domain") }, Tags, Description },
            { u"ref", u"name", u"title", u"owner", u"domain", u"tags", u"description" } },
        { u"domain", u"v_domains", { Ref, Name, Title, Owner, Tags, Description },
            { u"ref", u"name", u"title", u"owner", u"tags", u"description" } },
        { u"group", u"v_groups",
            { Ref, Name, DisplayName, Type, Email, Parent, { u"children", CAIRN_LIST("$.spec.children") },
                { u"members", CAIRN_LIST("$.spec.members") }, Description },
            { u"ref", u"name", u"display_name", u"type", u"email", u"parent", u"members" } },
        { u"user", u"v_users", { Ref, Name, DisplayName, Email, { u"member_of", CAIRN_LIST("$.spec.memberOf") } },
            { u"ref", u"name", u"display_name", u"email", u"member_of" } },
        { u"project", u"v_projects",
            { Ref, Name, Title, Status, Owner, { u"team", CAIRN_JSON("$.spec.team") },
                { u"start_date", CAIRN_JSON("$.spec.startDate") }, TargetDate, { u"goals", CAIRN_LIST("$.spec.goals") },
                { u"update_count", u"json_array_length(e.document, '$.spec.updates')" }, Description },
            { u"ref", u"title", u"status", u"owner", u"team", u"start_date", u"target_date", u"goals" } },
        { u"goal", u"v_goals",
            { Ref, Name, Title, Status, Owner, Parent, TargetDate,
                { u"progress_current", CAIRN_JSON("$.spec.progress.current") },
                { u"progress_target", CAIRN_JSON("$.spec.progress.target") },
                { u"progress_unit", CAIRN_JSON("$.spec.progress.unit") }, Description },
            { u"ref", u"title", u"status", u"owner", u"parent", u"target_date", u"progress_current", u"progress_target",
                u"progress_unit" } },
    };
    return views;
}

#undef CAIRN_LIST
#undef CAIRN_JSON

const KindView *kindView(QStringView kind)
{
    for (const KindView &view : kindViews()) {
        if (kind.compare(view.kind, Qt::CaseInsensitive) == 0)
            return &view;
    }
    return nullptr;
}

const QList<Column> &columnsOf(QStringView kind)
{
    const KindView *view = kindView(kind);
    return view ? view->columns : EntitiesColumns;
}

const Column *findColumn(QStringView kind, QStringView name)
{
    if (name == RemovedAt.name)
        return &RemovedAt;
    for (const Column &column : columnsOf(kind)) {
        if (column.name == name)
            return &column;
    }
    return nullptr;
}

// The upper bound of a prefix range on a BINARY-collated column (as CatalogQuery does).
QString prefixEnd(const QString &prefix)
{
    static const QString maxChar = QString::fromUcs4(U"\U0010FFFF", 1);
    return prefix + maxChar;
}

constexpr qint64 ProgressEvery = 512;

} // namespace

ViewExport::ViewExport(Cache &cache)
    : m_db(cache.database())
{ }

QString ViewExport::viewFor(QStringView kind)
{
    const KindView *view = kindView(kind);
    return view ? view->view.toString() : QStringLiteral("v_entities");
}

QStringList ViewExport::columns(QStringView kind)
{
    QStringList out;
    for (const Column &column : columnsOf(kind))
        out.append(column.name.toString());
    out.append(RemovedAt.name.toString());
    return out;
}

QStringList ViewExport::defaultColumns(QStringView kind, bool includeRemoved)
{
    QStringList out;
    if (const KindView *view = kindView(kind)) {
        for (QStringView name : view->defaults)
            out.append(name.toString());
    } else {
        // Every kind in one sheet: what each thing is, its state and who owns it.
        out = QStringList { QStringLiteral("ref"), QStringLiteral("kind"), QStringLiteral("name"),
            QStringLiteral("title"), QStringLiteral("type"), QStringLiteral("lifecycle"), QStringLiteral("status"),
            QStringLiteral("owner"), QStringLiteral("system"), QStringLiteral("tags") };
    }
    if (includeRemoved)
        out.append(RemovedAt.name.toString());
    return out;
}

core::Status ViewExport::checkColumns(QStringView kind, const QStringList &columns)
{
    QStringList unknown;
    for (const QString &name : columns) {
        if (!findColumn(kind, name))
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

ViewExport::Where ViewExport::whereFor(const ExportFilter &filter)
{
    Where where;
    where.sql = QStringLiteral("WHERE 1 ");
    if (!filter.includeRemoved)
        where.sql += QStringLiteral("AND e.removed_at IS NULL ");
    if (!filter.kind.isEmpty())
        where.sql += QStringLiteral("AND e.kind = ?1 ");
    if (!filter.owner.isNull())
        where.sql += QStringLiteral("AND e.owner_key = ?2 ");
    if (!filter.text.trimmed().isEmpty()) {
        where.match = CatalogQuery::ftsPrefixQuery(filter.text);
        where.normalized = core::NameMatcher::normalize(filter.text);
        // Same meaning as `cairn list --query`: 1-letter words have no FTS prefix index,
        // so such a text matches names and titles by prefix instead.
        if (where.match.isEmpty())
            where.sql += QStringLiteral("AND (e.match_name >= ?3 AND e.match_name < ?4 OR e.match_title >= ?3 AND "
                                        "e.match_title < ?4) ");
        else
            where.sql += QStringLiteral("AND e.id IN (SELECT rowid FROM entities_fts WHERE entities_fts MATCH ?5) ");
    }
    return where;
}

namespace {

void bindFilter(Statement &q, const ExportFilter &filter, const QString &match, const QString &normalized)
{
    if (!filter.kind.isEmpty())
        q.bind(1, filter.kind.toLower());
    if (!filter.owner.isNull())
        q.bind(2, filter.owner.key());
    if (!filter.text.trimmed().isEmpty()) {
        if (match.isEmpty()) {
            q.bind(3, normalized);
            q.bind(4, prefixEnd(normalized));
        } else {
            q.bind(5, match);
        }
    }
}

} // namespace

core::Result<qint64> ViewExport::count(const ExportFilter &filter) const
{
    const Where where = whereFor(filter);
    CAIRN_TRY_ASSIGN(Statement q, m_db.prepare(QStringLiteral("SELECT count(*) FROM entities e ") + where.sql));
    bindFilter(q, filter, where.match, where.normalized);
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

core::Result<qint64> ViewExport::write(
    const ExportFilter &filter, const QStringList &requested, core::CsvWriter &writer) const
{
    const QStringList names = requested.isEmpty() ? defaultColumns(filter.kind, filter.includeRemoved) : requested;
    CAIRN_TRY(checkColumns(filter.kind, names));
    QStringList expressions;
    for (const QString &name : names)
        expressions.append(findColumn(filter.kind, name)->expression.toString());

    const Where where = whereFor(filter);
    // ORDER BY kind, name walks the entities_kind_name index: rows stream out as SQLite
    // finds them, with no sort buffer however many there are.
    CAIRN_TRY_ASSIGN(Statement q,
        m_db.prepare(QStringLiteral("SELECT ") + expressions.join(QStringLiteral(", "))
            + QStringLiteral(" FROM entities e JOIN sources s ON s.id = e.source_id ") + where.sql
            + QStringLiteral("ORDER BY e.kind, e.name")));
    bindFilter(q, filter, where.match, where.normalized);
    CAIRN_TRY_ASSIGN(const qint64 all, total(filter));

    CAIRN_TRY(writer.writeRow(names));
    QList<QString> cells(names.size());
    qint64 rows = 0;
    for (;;) {
        CAIRN_TRY_ASSIGN(Statement::Step step, q.step());
        if (step == Statement::Step::Done)
            break;
        for (qsizetype i = 0; i < cells.size(); ++i)
            cells[i] = q.text(int(i));
        CAIRN_TRY(writer.writeRow(std::span<const QString>(cells.data(), cells.size())));
        ++rows;
        if (rows % ProgressEvery == 0 && !keepGoing(rows, all))
            return core::Error { QStringLiteral("Export cancelled.") };
    }
    CAIRN_TRY(writer.finish());
    if (!keepGoing(rows, all < 0 ? rows : all))
        return core::Error { QStringLiteral("Export cancelled.") };
    return rows;
}

core::Result<qint64> ViewExport::forEachDocument(const ExportFilter &filter, const DocumentVisitor &visit) const
{
    const Where where = whereFor(filter);
    CAIRN_TRY_ASSIGN(Statement q,
        m_db.prepare(QStringLiteral("SELECT e.document, e.removed_at IS NOT NULL "
                                    "FROM entities e ")
            + where.sql + QStringLiteral("ORDER BY e.kind, e.name")));
    bindFilter(q, filter, where.match, where.normalized);
    CAIRN_TRY_ASSIGN(const qint64 all, total(filter));
    qint64 done = 0;
    for (;;) {
        CAIRN_TRY_ASSIGN(Statement::Step step, q.step());
        if (step == Statement::Step::Done)
            break;
        CAIRN_TRY(visit(q.utf8(0), q.int64(1) != 0));
        ++done;
        if (done % ProgressEvery == 0 && !keepGoing(done, all))
            return core::Error { QStringLiteral("Export cancelled.") };
    }
    if (!keepGoing(done, all < 0 ? done : all))
        return core::Error { QStringLiteral("Export cancelled.") };
    return done;
}

core::Result<QStringList> ViewExport::kinds(const ExportFilter &filter) const
{
    const Where where = whereFor(filter);
    CAIRN_TRY_ASSIGN(Statement q,
        m_db.prepare(
            QStringLiteral("SELECT DISTINCT e.kind FROM entities e ") + where.sql + QStringLiteral("ORDER BY e.kind")));
    bindFilter(q, filter, where.match, where.normalized);
    QStringList out;
    for (;;) {
        CAIRN_TRY_ASSIGN(Statement::Step step, q.step());
        if (step == Statement::Step::Done)
            return out;
        out.append(q.text(0));
    }
}

} // namespace cairn::cache
