// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/EntityColumns.h"

namespace cairn::cache {

namespace {

// A list inside a cell: joined with CsvWriter::listSeparator(), as docs/export.md says.
#define CAIRN_LIST(path) u"(SELECT group_concat(value, '; ') FROM json_each(e.document, '" path "'))"
#define CAIRN_JSON(path) u"json_extract(e.document, '" path "')"
// Sort keys: text without regard to case, nothing as the empty text; a list by its first item.
#define CAIRN_JSON_KEY(path) u"coalesce(json_extract(e.document, '" path "'), '') COLLATE NOCASE"
#define CAIRN_TEXT_KEY(column) u"coalesce(e." column ", '') COLLATE NOCASE"

using Type = ColumnType;

// The public views' columns (cache/Schema.cpp), in the views' order. Keep in step with the
// schema: tst_viewexport compares every kind's columns and values with its view.
const EntityColumn Ref { u"ref", u"e.ref", { u"e.key" } };
const EntityColumn Name { u"name", u"e.name", { u"e.name" } };
const EntityColumn Title { u"title", u"e.title", { CAIRN_TEXT_KEY("title") } };
const EntityColumn Type_ { u"type", u"e.type", { CAIRN_TEXT_KEY("type") } };
const EntityColumn Lifecycle { u"lifecycle", u"e.lifecycle", { CAIRN_TEXT_KEY("lifecycle") } };
const EntityColumn Status { u"status", u"e.status", { CAIRN_TEXT_KEY("status") } };
const EntityColumn Owner { u"owner", u"e.owner_key", { u"coalesce(e.owner_key, '')" } };
const EntityColumn System { u"system", CAIRN_JSON("$.spec.system"), { CAIRN_JSON_KEY("$.spec.system") } };
const EntityColumn Tags { u"tags", CAIRN_LIST("$.metadata.tags"), { CAIRN_JSON_KEY("$.metadata.tags[0]") },
    Type::List };
const EntityColumn Description { u"description", CAIRN_JSON("$.metadata.description"),
    { CAIRN_JSON_KEY("$.metadata.description") } };
const EntityColumn DisplayName { u"display_name", u"e.display_name", { u"e.display_name COLLATE NOCASE" } };
const EntityColumn Email { u"email", CAIRN_JSON("$.spec.profile.email"), { CAIRN_JSON_KEY("$.spec.profile.email") } };
const EntityColumn Parent { u"parent", CAIRN_JSON("$.spec.parent"), { CAIRN_JSON_KEY("$.spec.parent") } };
const EntityColumn TargetDate { u"target_date", CAIRN_JSON("$.spec.targetDate"),
    { u"coalesce(json_extract(e.document, '$.spec.targetDate'), '')" }, Type::Date };
const EntityColumn RemovedAt { u"removed_at", u"e.removed_at", { u"coalesce(e.removed_at, '')" }, Type::Timestamp };

const QList<EntityColumn> EntitiesColumns = {
    Ref,
    { u"kind", CAIRN_JSON("$.kind"), { u"e.kind", u"e.name" } },
    { u"namespace", u"e.namespace", { u"e.namespace COLLATE NOCASE" } },
    Name,
    Title,
    Type_,
    Lifecycle,
    Status,
    Owner,
    System,
    Tags,
    Description,
    { u"source", u"(SELECT s.name FROM sources s WHERE s.id = e.source_id)",
        { u"(SELECT s.name FROM sources s WHERE s.id = e.source_id) COLLATE NOCASE" } },
    { u"first_seen", u"e.first_seen", { u"e.first_seen" }, Type::Timestamp },
    { u"updated_at", u"e.updated_at", { u"e.updated_at" }, Type::Timestamp },
    { u"document", u"e.document", { u"e.document" } },
};

struct KindView
{
    QStringView kind;
    QStringView view;
    QList<EntityColumn> columns;
    QList<QStringView> exportDefaults;
    QList<QStringView> tableDefaults; // each has a sort index (EntityColumns::sortIndex)
};

const QList<KindView> &kindViews()
{
    static const QList<KindView> views = {
        { u"component", u"v_components",
            { Ref, Name, Title, Type_, Lifecycle, Owner, System,
                { u"subcomponent_of", CAIRN_JSON("$.spec.subcomponentOf"),
                    { CAIRN_JSON_KEY("$.spec.subcomponentOf") } },
                Tags, Description,
                // The worst scorecard's score and band (schema 6, cache::HealthStore).
                { u"health", u"e.health_score", { u"coalesce(e.health_score, -1)" }, Type::Percent },
                { u"health_band", u"e.health_band", { u"coalesce(e.health_band, '')" } } },
            { u"ref", u"name", u"title", u"type", u"lifecycle", u"owner", u"system", u"tags", u"health",
                u"health_band" },
            { u"name", u"health", u"title", u"type", u"lifecycle", u"owner", u"system", u"tags" } },
        { u"api", u"v_apis", { Ref, Name, Title, Type_, Lifecycle, Owner, System, Tags, Description },
            { u"ref", u"name", u"title", u"type", u"lifecycle", u"owner", u"system", u"tags" },
            { u"name", u"title", u"type", u"lifecycle", u"owner", u"system", u"tags" } },
        { u"resource", u"v_resources", { Ref, Name, Title, Type_, Owner, System, Tags, Description },
            { u"ref", u"name", u"title", u"type", u"owner", u"system", u"tags" },
            { u"name", u"title", u"type", u"owner", u"system", u"tags" } },
        { u"system", u"v_systems",
            { Ref, Name, Title, Owner, { u"domain", CAIRN_JSON("$.spec.domain"), { CAIRN_JSON_KEY("$.spec.domain") } },
                Tags, Description },
            { u"ref", u"name", u"title", u"owner", u"domain", u"tags", u"description" },
            { u"name", u"title", u"owner", u"domain", u"tags" } },
        { u"domain", u"v_domains", { Ref, Name, Title, Owner, Tags, Description },
            { u"ref", u"name", u"title", u"owner", u"tags", u"description" },
            { u"name", u"title", u"owner", u"tags" } },
        { u"group", u"v_groups",
            { Ref, Name, DisplayName, Type_, Email, Parent,
                { u"children", CAIRN_LIST("$.spec.children"), { CAIRN_JSON_KEY("$.spec.children[0]") }, Type::List },
                { u"members", CAIRN_LIST("$.spec.members"), { CAIRN_JSON_KEY("$.spec.members[0]") }, Type::List },
                { u"member_count", u"e.member_count", { u"coalesce(e.member_count, 0)" }, Type::Integer },
                Description },
            { u"ref", u"name", u"display_name", u"type", u"email", u"parent", u"members" },
            { u"name", u"display_name", u"type", u"parent", u"member_count" } },
        { u"user", u"v_users",
            { Ref, Name, DisplayName, Email,
                { u"member_of", CAIRN_LIST("$.spec.memberOf"), { CAIRN_JSON_KEY("$.spec.memberOf[0]") }, Type::List } },
            { u"ref", u"name", u"display_name", u"email", u"member_of" },
            { u"name", u"display_name", u"email", u"member_of" } },
        { u"project", u"v_projects",
            { Ref, Name, Title, Status, Owner,
                { u"team", CAIRN_JSON("$.spec.team"), { CAIRN_JSON_KEY("$.spec.team") } },
                { u"start_date", CAIRN_JSON("$.spec.startDate"),
                    { u"coalesce(json_extract(e.document, '$.spec.startDate'), '')" }, Type::Date },
                TargetDate, { u"goals", CAIRN_LIST("$.spec.goals"), { CAIRN_JSON_KEY("$.spec.goals[0]") }, Type::List },
                { u"update_count", u"json_array_length(e.document, '$.spec.updates')",
                    { u"coalesce(json_array_length(e.document, '$.spec.updates'), 0)" }, Type::Integer },
                { u"last_update", u"e.last_update", { u"coalesce(e.last_update, '')" }, Type::Date },
                { u"slips", u"e.slips", { u"coalesce(e.slips, 0)" }, Type::Integer }, Description },
            { u"ref", u"title", u"status", u"owner", u"team", u"start_date", u"target_date", u"goals" },
            { u"name", u"title", u"status", u"owner", u"team", u"target_date", u"last_update", u"slips" } },
        { u"goal", u"v_goals",
            { Ref, Name, Title, Status, Owner, Parent, TargetDate,
                { u"progress_current", CAIRN_JSON("$.spec.progress.current"),
                    { u"coalesce(json_extract(e.document, '$.spec.progress.current'), -1)" }, Type::Number },
                { u"progress_target", CAIRN_JSON("$.spec.progress.target"),
                    { u"coalesce(json_extract(e.document, '$.spec.progress.target'), -1)" }, Type::Number },
                { u"progress_unit", CAIRN_JSON("$.spec.progress.unit"), { CAIRN_JSON_KEY("$.spec.progress.unit") } },
                { u"progress", u"e.progress", { u"coalesce(e.progress, -1)" }, Type::Percent }, Description },
            { u"ref", u"title", u"status", u"owner", u"parent", u"target_date", u"progress_current", u"progress_target",
                u"progress_unit" },
            { u"name", u"title", u"status", u"progress", u"owner", u"target_date" } },
    };
    return views;
}

#undef CAIRN_LIST
#undef CAIRN_JSON
#undef CAIRN_JSON_KEY
#undef CAIRN_TEXT_KEY

const KindView *kindView(QStringView kind)
{
    for (const KindView &view : kindViews()) {
        if (kind.compare(view.kind, Qt::CaseInsensitive) == 0)
            return &view;
    }
    return nullptr;
}

QStringList toStrings(const QList<QStringView> &views)
{
    QStringList out;
    out.reserve(views.size());
    for (QStringView view : views)
        out.append(view.toString());
    return out;
}

} // namespace

QString EntityColumns::viewFor(QStringView kind)
{
    const KindView *view = kindView(kind);
    return view ? view->view.toString() : QStringLiteral("v_entities");
}

const QList<EntityColumn> &EntityColumns::of(QStringView kind)
{
    const KindView *view = kindView(kind);
    return view ? view->columns : EntitiesColumns;
}

const EntityColumn *EntityColumns::find(QStringView kind, QStringView name)
{
    if (name == RemovedAt.name)
        return &RemovedAt;
    for (const EntityColumn &column : of(kind)) {
        if (column.name == name)
            return &column;
    }
    return nullptr;
}

const EntityColumn &EntityColumns::removedAt()
{
    return RemovedAt;
}

QStringList EntityColumns::exportDefaults(QStringView kind)
{
    if (const KindView *view = kindView(kind))
        return toStrings(view->exportDefaults);
    // Every kind in one sheet: what each thing is, its state and who owns it.
    return QStringList { QStringLiteral("ref"), QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("title"),
        QStringLiteral("type"), QStringLiteral("lifecycle"), QStringLiteral("status"), QStringLiteral("owner"),
        QStringLiteral("system"), QStringLiteral("tags") };
}

QStringList EntityColumns::tableDefaults(QStringView kind)
{
    if (const KindView *view = kindView(kind))
        return toStrings(view->tableDefaults);
    return QStringList { QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("title"),
        QStringLiteral("type"), QStringLiteral("lifecycle"), QStringLiteral("status"), QStringLiteral("owner") };
}

QString EntityColumns::knownKind(QStringView kind)
{
    const KindView *view = kindView(kind);
    return view ? view->kind.toString() : QString();
}

QString EntityColumns::sortIndex(QStringView kind, QStringView column)
{
    const QString known = knownKind(kind);
    if (!kind.isEmpty() && known.isEmpty())
        return QString();
    if (!tableDefaults(kind).contains(column))
        return QString();
    // (kind, name) has been there since schema 1; its order is a kind's names, or every
    // kind's by kind then name.
    if (known.isEmpty() ? column == u"kind" : column == u"name")
        return QStringLiteral("entities_kind_name");
    if (known.isEmpty())
        return QStringLiteral("entities_all_by_%1").arg(column);
    // Columns several kinds show have one index led by the kind (schema 4).
    static const QStringList shared { QStringLiteral("title"), QStringLiteral("type"), QStringLiteral("lifecycle"),
        QStringLiteral("status"), QStringLiteral("owner"), QStringLiteral("display_name"), QStringLiteral("system"),
        QStringLiteral("tags") };
    if (shared.contains(column))
        return QStringLiteral("entities_by_%1").arg(column);
    return QStringLiteral("entities_%1_by_%2").arg(known, column);
}

QString EntityColumns::countIndex(QStringView kind)
{
    // Every live entity of every kind is in these, with the kind first in the first one:
    // a count reads the index alone.
    if (kind.isEmpty())
        return QStringLiteral("entities_all_by_name");
    return QStringLiteral("entities_by_owner");
}

} // namespace cairn::cache
