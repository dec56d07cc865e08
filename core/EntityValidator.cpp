// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EntityValidator.h"

#include "core/CompassOrigin.h"
#include "core/EntityFormat.h"
#include "core/KindSchema.h"
#include "core/ShortText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QUrl>

#include <algorithm>
#include <optional>
#include <span>

namespace cairn::core {

// Keys are looked up as Latin-1 ("name"_L1): QJsonObject keeps ASCII keys as Latin-1 and
// finds them faster by a Latin-1 key than by a UTF-16 one.
using namespace Qt::StringLiterals;

QString ValidationProblem::toString() const
{
    return field.isEmpty() ? message : QStringLiteral("%1: %2").arg(field, message);
}

namespace {

constexpr qsizetype MaxNameLength = 63;
// Relations one entity may state, server-given or as spec lists. The largest real ones are
// a company-wide group's members (tens of thousands); a million is a broken or hostile
// catalog, whose rows would cost the cache and every answer about that entity.
constexpr qsizetype MaxRelations = 100'000;

QString tooManyRelations(qsizetype count)
{
    return QStringLiteral("holds %1 entries; an entity may state at most %2 relations (more is a broken catalog)")
        .arg(count)
        .arg(MaxRelations);
}

// Backstage's relation type pattern, ^\w+$: letters, digits and '_'.
bool isValidRelationType(QStringView type)
{
    return !type.isEmpty()
        && std::all_of(type.begin(), type.end(), [](QChar c) { return c.isLetterOrNumber() || c == u'_'; });
}

// What Backstage takes for a link's address (new URL(text) in JavaScript): a scheme, and a
// host for the schemes that need one.
bool isValidLinkUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return false;
    static const QStringList needHost { QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("ftp"),
        QStringLiteral("ws"), QStringLiteral("wss") };
    return !needHost.contains(url.scheme(), Qt::CaseInsensitive) || !url.host().isEmpty();
}

QString quoted(QStringView text)
{
    return QStringLiteral("\"%1\"").arg(shortened(text));
}

// What a JSON value is, in words, for "must be X, not Y" messages.
QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("empty (null)");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QStringLiteral("the number %1").arg(value.toDouble());
    case QJsonValue::String:
        return QStringLiteral("the text %1").arg(quoted(value.toString()));
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("a mapping");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

// Missing, null or empty text: what "is required" means in the schemas (minLength 1).
bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty());
}

// The path to a field, made into text only when a problem is reported there: most
// entities have none, and would otherwise pay for a string per field and list item. A
// child refers to its parent, so it must not outlive it.
class FieldPath
{
public:
    explicit FieldPath(QStringView root)
        : m_key(root)
    { }

    // "<this>.<key>"
    FieldPath key(QStringView key) const { return FieldPath(this, key, -1); }
    // "<this>[<index>]"
    FieldPath at(qsizetype index) const { return FieldPath(this, {}, index); }

    QString toString() const
    {
        if (!m_parent)
            return m_key.toString();
        QString out = m_parent->toString();
        if (m_index >= 0)
            out += u'[' + QString::number(m_index) + u']';
        else
            out += u'.' + m_key.toString();
        return out;
    }

private:
    FieldPath(const FieldPath *parent, QStringView key, qsizetype index)
        : m_parent(parent)
        , m_key(key)
        , m_index(index)
    { }

    const FieldPath *m_parent = nullptr;
    QStringView m_key;
    qsizetype m_index = -1;
};

QString joined(std::span<const QStringView> values)
{
    QStringList out;
    for (const QStringView value : values)
        out.append(value.toString());
    return out.join(QStringLiteral(", "));
}

// Numbers may arrive as text from YAML loaders that keep scalars as strings; both count.
bool toNumber(const QJsonValue &value, double *out)
{
    if (value.isDouble()) {
        *out = value.toDouble();
        return true;
    }
    if (value.isString()) {
        bool ok = false;
        *out = value.toString().trimmed().toDouble(&ok);
        return ok;
    }
    return false;
}

class Checker
{
public:
    explicit Checker(const Entity &entity)
        : m_entity(entity)
        , m_apiVersion(entity.apiVersion())
        , m_kind(entity.kind())
        , m_namespace(entity.ns())
    { }

    QList<ValidationProblem> run()
    {
        checkEnvelope();
        checkMetadata();
        checkRelations();
        if (const KindSchema *rules = KindSchema::find(m_kind))
            checkKind(*rules);
        return std::move(m_problems);
    }

private:
    void add(QString field, QString message)
    {
        m_problems.append(ValidationProblem { std::move(field), std::move(message) });
    }
    void add(const FieldPath &field, QString message) { add(field.toString(), std::move(message)); }

    void checkEnvelope()
    {
        const QJsonObject &doc = m_entity.document();
        const QJsonValue apiVersion = doc.value("apiVersion"_L1);
        if (!apiVersion.isString() || m_apiVersion.isEmpty()) {
            add(QStringLiteral("apiVersion"),
                isAbsent(apiVersion)
                    ? QStringLiteral("is required, e.g. backstage.io/v1alpha1 (cairn.dev/v1 for Project and Goal)")
                    : QStringLiteral("must be text such as backstage.io/v1alpha1, not %1").arg(describe(apiVersion)));
        } else if (!isValidApiVersion(m_apiVersion)) {
            add(QStringLiteral("apiVersion"),
                QStringLiteral("%1 is not a valid apiVersion; write group/version, e.g. backstage.io/v1alpha1")
                    .arg(quoted(m_apiVersion)));
        }

        const QJsonValue kind = doc.value("kind"_L1);
        if (!kind.isString() || m_kind.isEmpty()) {
            add(QStringLiteral("kind"),
                isAbsent(kind) ? QStringLiteral("is required, e.g. Component, API, Group, User, Project or Goal")
                               : QStringLiteral("must be text such as Component, not %1").arg(describe(kind)));
        } else if (!isValidKind(m_kind)) {
            add(QStringLiteral("kind"),
                QStringLiteral("%1 is not a valid kind; use at most 63 letters and digits, starting with a letter")
                    .arg(quoted(m_kind)));
        }

        const QJsonValue metadata = doc.value("metadata"_L1);
        if (metadata.isUndefined())
            add(QStringLiteral("metadata"), QStringLiteral("is required and must hold at least a name"));
        else if (!metadata.isObject())
            add(QStringLiteral("metadata"),
                QStringLiteral("must be a mapping with at least a name, not %1").arg(describe(metadata)));

        const QJsonValue spec = doc.value("spec"_L1);
        if (!spec.isUndefined() && !spec.isObject())
            add(QStringLiteral("spec"), QStringLiteral("must be a mapping, not %1").arg(describe(spec)));

        // The envelope is closed (Entity.schema.json: additionalProperties false); relations
        // and status are what a catalog server adds to the entities it returns.
        for (auto it = doc.begin(); it != doc.end(); ++it) {
            const QString key = it.key();
            if (key != u"apiVersion" && key != u"kind" && key != u"metadata" && key != u"spec" && key != u"relations"
                && key != u"status")
                add(key,
                    QStringLiteral("is not a field of an entity; an entity has apiVersion, kind, metadata and spec "
                                   "only. Move it under metadata (annotations, labels) or spec"));
        }
    }

    void checkMetadata()
    {
        const QJsonValue metadataValue = m_entity.document().value("metadata"_L1);
        if (!metadataValue.isObject())
            return;
        const QJsonObject metadata = metadataValue.toObject();

        const QJsonValue name = metadata.value("name"_L1);
        if (name.isUndefined() || (name.isString() && name.toString().isEmpty())) {
            add(QStringLiteral("metadata.name"),
                QStringLiteral("is required: the entity's unique name, e.g. checkout-service"));
        } else if (!name.isString()) {
            add(QStringLiteral("metadata.name"), QStringLiteral("must be text, not %1").arg(describe(name)));
        } else if (const QString text = name.toString(); !isValidEntityName(text)) {
            add(QStringLiteral("metadata.name"),
                text.size() > MaxNameLength
                    ? QStringLiteral("%1 is %2 characters long; a name may have at most 63")
                          .arg(quoted(text))
                          .arg(text.size())
                    : QStringLiteral("%1 is not a valid name; use letters, digits, '-', '_' and '.', "
                                     "starting and ending with a letter or digit")
                          .arg(quoted(text)));
        }

        const QJsonValue ns = metadata.value("namespace"_L1);
        if (!ns.isUndefined()) {
            if (!ns.isString()) {
                add(QStringLiteral("metadata.namespace"), QStringLiteral("must be text, not %1").arg(describe(ns)));
            } else if (const QString text = ns.toString(); !isValidNamespace(text)) {
                add(QStringLiteral("metadata.namespace"),
                    text.size() > MaxNameLength
                        ? QStringLiteral("%1 is %2 characters long; a namespace may have at most 63")
                              .arg(quoted(text))
                              .arg(text.size())
                        : QStringLiteral("%1 is not a valid namespace; use lower-case letters, digits and '-', "
                                         "starting and ending with a letter or digit, e.g. default")
                              .arg(quoted(text)));
            }
        }

        for (const QStringView key :
            { QStringView(u"title"), QStringView(u"description"), QStringView(u"uid"), QStringView(u"etag") }) {
            const QJsonValue value = metadata.value(key);
            if (!value.isUndefined() && !value.isString())
                add(QStringLiteral("metadata.%1").arg(key.toString()),
                    QStringLiteral("must be text, not %1").arg(describe(value)));
            // A server's identifiers: absent, or something (minLength 1).
            else if ((key == u"uid" || key == u"etag") && value.isString() && value.toString().isEmpty())
                add(QStringLiteral("metadata.%1").arg(key.toString()),
                    QStringLiteral("is empty; leave it out (the catalog server sets it)"));
        }

        checkTags(metadata.value("tags"_L1));
        checkLinks(metadata.value("links"_L1));
        checkKeyValues(metadata.value("labels"_L1), FieldPath(u"metadata.labels"), true);
        checkKeyValues(metadata.value("annotations"_L1), FieldPath(u"metadata.annotations"), false);
    }

    void checkTags(const QJsonValue &tags)
    {
        const FieldPath path(u"metadata.tags");
        if (tags.isUndefined())
            return;
        if (!tags.isArray()) {
            add(path, QStringLiteral("must be a list of tags, e.g. [java, payments], not %1").arg(describe(tags)));
            return;
        }
        const QJsonArray array = tags.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue tag = array.at(i);
            if (!tag.isString()) {
                add(path.at(i), QStringLiteral("must be text, not %1").arg(describe(tag)));
            } else if (const QString text = tag.toString(); !isValidTag(text)) {
                add(path.at(i),
                    text.size() > MaxNameLength
                        ? QStringLiteral("the tag %1 is %2 characters long; a tag may have at most 63")
                              .arg(quoted(text))
                              .arg(text.size())
                        : QStringLiteral("%1 is not a valid tag; use lower-case letters, digits and ':', '+', '#', "
                                         "with single '-' between them, e.g. java or tier-1")
                              .arg(quoted(text)));
            }
        }
    }

    void checkLinks(const QJsonValue &links)
    {
        const FieldPath path(u"metadata.links");
        if (links.isUndefined())
            return;
        if (!links.isArray()) {
            add(path, QStringLiteral("must be a list of links, each with a url, not %1").arg(describe(links)));
            return;
        }
        const QJsonArray array = links.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const FieldPath itemPath = path.at(i);
            if (!array.at(i).isObject()) {
                add(itemPath, QStringLiteral("must be a mapping with a url, not %1").arg(describe(array.at(i))));
                continue;
            }
            const QJsonObject link = array.at(i).toObject();
            const QJsonValue url = link.value("url"_L1);
            if (!url.isString() || url.toString().trimmed().isEmpty())
                add(itemPath.key(u"url"),
                    url.isUndefined() || url.isString() ? QStringLiteral(
                        "is required: every link needs the address it points to, e.g. https://example.com/runbook")
                                                        : QStringLiteral("must be text, not %1").arg(describe(url)));
            else if (!isValidLinkUrl(url.toString()))
                add(itemPath.key(u"url"),
                    QStringLiteral("%1 is not an address; write it whole, with its scheme, e.g. "
                                   "https://example.com/runbook")
                        .arg(quoted(url.toString())));
            for (const QStringView key : { QStringView(u"title"), QStringView(u"icon"), QStringView(u"type") }) {
                const QJsonValue value = link.value(key);
                if (!value.isUndefined() && !value.isString())
                    add(itemPath.key(key), QStringLiteral("must be text, not %1").arg(describe(value)));
                // Backstage wants a link's title and icon to say something when present.
                else if (key != u"type" && value.isString() && value.toString().trimmed().isEmpty())
                    add(itemPath.key(key), QStringLiteral("is empty; give it a value or remove it"));
            }
        }
    }

    // Labels and annotations: keys are `[prefix/]name`; label values are names or empty,
    // annotation values any text.
    void checkKeyValues(const QJsonValue &value, const FieldPath &path, bool labels)
    {
        if (value.isUndefined())
            return;
        if (!value.isObject()) {
            add(path, QStringLiteral("must be a mapping of keys to text, not %1").arg(describe(value)));
            return;
        }
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = it.key();
            const FieldPath itemPath = path.key(key);
            if (!isValidLabelKey(key))
                add(itemPath,
                    QStringLiteral("the key %1 is not valid; write name or prefix/name, where the name uses "
                                   "letters, digits, '-', '_' and '.' (at most 63) and the prefix is a "
                                   "domain such as example.com")
                        .arg(quoted(key)));
            const QJsonValue item = it.value();
            if (!item.isString())
                add(itemPath, QStringLiteral("must be text, not %1; put quotes around it").arg(describe(item)));
            else if (labels && !isValidLabelValue(item.toString()))
                add(itemPath,
                    QStringLiteral("%1 is not a valid label value; use at most 63 letters, digits, '-', '_' "
                                   "and '.', starting and ending with a letter or digit, or move it to "
                                   "annotations")
                        .arg(quoted(item.toString())));
        }
    }

    void checkRelations()
    {
        const QJsonValue relations = m_entity.document().value("relations"_L1);
        if (relations.isUndefined())
            return;
        const FieldPath path(u"relations");
        if (!relations.isArray()) {
            add(path, QStringLiteral("must be a list of {type, targetRef}, not %1").arg(describe(relations)));
            return;
        }
        const QJsonArray array = relations.toArray();
        if (array.size() > MaxRelations) {
            add(path, tooManyRelations(array.size()));
            return;
        }
        for (qsizetype i = 0; i < array.size(); ++i) {
            const FieldPath itemPath = path.at(i);
            const QJsonObject relation = array.at(i).toObject();
            const QJsonValue type = relation.value("type"_L1);
            if (!type.isString() || !isValidRelationType(type.toString()))
                add(itemPath.key(u"type"),
                    QStringLiteral("must be a relation name such as ownedBy, not %1").arg(describe(type)));
            const QJsonValue target = relation.value("targetRef"_L1);
            if (target.isString()) {
                const Status parsed = EntityRef::check(target.toString());
                if (!parsed)
                    add(itemPath.key(u"targetRef"), parsed.errorString());
            } else if (!relation.value("target"_L1).isObject()) {
                add(itemPath.key(u"targetRef"),
                    QStringLiteral("is required: the full ref of the other end, e.g. group:default/payments"));
            }
        }
    }

    void checkKind(const KindSchema &rules)
    {
        const QString &apiVersion = m_apiVersion;
        if (!apiVersion.isEmpty() && isValidApiVersion(apiVersion)
            && std::none_of(rules.apiVersions.begin(), rules.apiVersions.end(),
                [&](QStringView known) { return known == apiVersion; })) {
            add(QStringLiteral("apiVersion"),
                QStringLiteral("%1 is not an apiVersion kind %2 is defined under; use %3")
                    .arg(quoted(apiVersion), rules.kind.toString(), joined(rules.apiVersions)));
        }

        const QJsonValue specValue = m_entity.document().value("spec"_L1);
        if (specValue.isUndefined()) {
            add(QStringLiteral("spec"), QStringLiteral("is required for kind %1").arg(rules.kind.toString()));
            return;
        }
        if (!specValue.isObject())
            return; // already reported by checkEnvelope()
        const QJsonObject spec = specValue.toObject();

        const FieldPath prefix(u"spec");
        const QString requiredFor = QStringLiteral("kind %1").arg(rules.kind.toString());
        for (const SpecField &field : rules.fields) {
            if (field.key == u"owner" && ownerIsOptional(rules)) {
                SpecField optional = field;
                optional.required = false;
                checkField(spec, prefix, optional, requiredFor);
                continue;
            }
            checkField(spec, prefix, field, requiredFor);
        }

        if (rules.kind == u"API")
            checkApiDefinition(spec);
        else if (rules.kind == u"Group" || rules.kind == u"User")
            checkProfile(spec);
        else if (rules.kind == u"Location")
            checkLocation(spec);
        else if (rules.kind == u"AiResource")
            checkAiResource(spec);
        else if (rules.kind == u"Project")
            checkUpdates(spec);
        else if (rules.kind == u"Goal")
            checkGoalProgress(spec);
    }

    // Compass does not require an owner: a component CompassMapper made from a compass.yml
    // without ownerId is imported unowned, for hygiene and health to point out, instead of
    // being refused. Only that mapping is spared; a Backstage document still needs one.
    bool ownerIsOptional(const KindSchema &rules) const
    {
        return rules.kind == u"Component" && isMappedFromCompass(m_entity);
    }

    // Checks object[field.key], reported as <prefix>.<key>; `requiredFor` finishes
    // "is required for ..." (e.g. "kind Component", "each project update").
    void checkField(
        const QJsonObject &object, const FieldPath &prefix, const SpecField &field, const QString &requiredFor)
    {
        const FieldPath path = prefix.key(field.key);
        const QJsonValue value = object.value(field.key);
        if (value.isUndefined() || value.isNull()) {
            if (field.required)
                add(path, QStringLiteral("is required for %1: %2").arg(requiredFor, field.what.toString()));
            return;
        }
        switch (field.shape) {
        case SpecShape::Text:
            checkedText(value, path);
            break;
        case SpecShape::Ref:
            if (const std::optional<QString> text = checkedText(value, path))
                checkRef(*text, path, field.key);
            break;
        case SpecShape::Date:
            if (const std::optional<QString> text = checkedText(value, path); text && !isValidIsoDate(*text))
                add(path,
                    QStringLiteral("%1 is not a date; write an ISO 8601 date such as 2026-09-01").arg(quoted(*text)));
            break;
        case SpecShape::Status:
            if (const std::optional<QString> text = checkedText(value, path))
                checkStatus(*text, path);
            break;
        case SpecShape::TextList:
        case SpecShape::RefList: {
            if (!value.isArray()) {
                add(path,
                    QStringLiteral("must be a list, not %1; write [%2]")
                        .arg(describe(value), value.isString() ? value.toString() : QStringLiteral("...")));
                return;
            }
            const QJsonArray array = value.toArray();
            if (field.shape == SpecShape::RefList && array.size() > MaxRelations) {
                add(path, tooManyRelations(array.size()));
                return;
            }
            for (qsizetype i = 0; i < array.size(); ++i) {
                const FieldPath itemPath = path.at(i);
                const std::optional<QString> text = checkedText(array.at(i), itemPath);
                if (text && field.shape == SpecShape::RefList)
                    checkRef(*text, itemPath, field.key);
            }
            break;
        }
        case SpecShape::Object:
            if (!value.isObject())
                add(path, QStringLiteral("must be a mapping, not %1").arg(describe(value)));
            break;
        }
    }

    // The text of a string with more than white space; reports and returns nothing otherwise.
    std::optional<QString> checkedText(const QJsonValue &value, const FieldPath &path)
    {
        if (!value.isString()) {
            add(path, QStringLiteral("must be text, not %1").arg(describe(value)));
            return std::nullopt;
        }
        QString text = value.toString();
        // Empty, as the schemas' minLength 1 says. White space alone (type: " ") is kept, as
        // Backstage keeps it: refusing it would drop an entity a Backstage catalog holds.
        if (text.isEmpty()) {
            add(path, QStringLiteral("is empty; give it a value or remove it"));
            return std::nullopt;
        }
        return text;
    }

    void checkRef(const QString &text, const FieldPath &path, QStringView field)
    {
        const Status parsed = EntityRef::checkInField(text, field, m_kind, m_namespace);
        if (!parsed)
            add(path, parsed.errorString());
    }

    void checkStatus(const QString &status, const FieldPath &path)
    {
        if (!workStatuses().contains(status))
            add(path,
                QStringLiteral("%1 is not a status; use one of %2")
                    .arg(quoted(status), workStatuses().join(QStringLiteral(", "))));
    }

    // Most APIs carry their definition; an MCP server instead lists the remotes it listens on.
    void checkApiDefinition(const QJsonObject &spec)
    {
        if (spec.value("type"_L1).toString() == u"mcp-server") {
            const QJsonValue remotes = spec.value("remotes"_L1);
            const FieldPath path(u"spec.remotes");
            if (!remotes.isArray() || remotes.toArray().isEmpty()) {
                add(path,
                    remotes.isUndefined()
                        ? QStringLiteral("is required for an mcp-server API: a list of {type, url}, e.g. "
                                         "[{type: streamable-http, url: https://host/api/mcp}]")
                        : QStringLiteral("must be a non-empty list of {type, url}, not %1").arg(describe(remotes)));
                return;
            }
            const QJsonArray array = remotes.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                const QJsonObject remote = array.at(i).toObject();
                for (const QStringView key : { QStringView(u"type"), QStringView(u"url") }) {
                    const QJsonValue v = remote.value(key);
                    if (!v.isString() || v.toString().isEmpty())
                        add(path.at(i).key(key), QStringLiteral("is required for each remote, and must be text"));
                }
            }
            return;
        }
        const QJsonValue definition = spec.value("definition"_L1);
        const QString path = QStringLiteral("spec.definition");
        if (definition.isUndefined() || definition.isNull()) {
            add(path,
                QStringLiteral("is required for kind API: the API's definition (OpenAPI, AsyncAPI, GraphQL "
                               "schema, ...) as text, or $text: ./file to read it from a file"));
        } else if (definition.isObject()) {
            // A placeholder ($text, $json, $yaml) that a loader substitutes with a file's content.
            const QJsonObject placeholder = definition.toObject();
            const QString key = placeholder.size() == 1 ? placeholder.begin().key() : QString();
            if (!key.startsWith(u'$') || !placeholder.begin().value().isString())
                add(path, QStringLiteral("must be text, or a single placeholder such as $text: ./openapi.yaml"));
        } else if (!definition.isString() || definition.toString().trimmed().isEmpty()) {
            add(path,
                definition.isString() ? QStringLiteral("is empty; give the API's definition")
                                      : QStringLiteral("must be text, not %1").arg(describe(definition)));
        }
    }

    void checkProfile(const QJsonObject &spec)
    {
        const QJsonObject profile = spec.value("profile"_L1).toObject();
        for (const QStringView key : { QStringView(u"displayName"), QStringView(u"email"), QStringView(u"picture") }) {
            const QJsonValue value = profile.value(key);
            if (!value.isUndefined())
                checkedText(value, FieldPath(u"spec.profile").key(key));
        }
    }

    void checkLocation(const QJsonObject &spec)
    {
        const QJsonValue presence = spec.value("presence"_L1);
        if (!presence.isUndefined() && presence != QJsonValue(QStringLiteral("required"))
            && presence != QJsonValue(QStringLiteral("optional")))
            add(QStringLiteral("spec.presence"),
                QStringLiteral("%1 is not allowed; use required or optional").arg(describe(presence)));
    }

    // The AiResource schema varies by type; these are the fields each type requires.
    void checkAiResource(const QJsonObject &spec)
    {
        const QString type = spec.value("type"_L1).toString();
        const FieldPath prefix(u"spec");
        const QString requiredFor = QStringLiteral("an AiResource of type %1").arg(type);
        const auto requireList = [&](QStringView key, QStringView what) {
            checkField(spec, prefix, SpecField { key, SpecShape::TextList, true, what }, requiredFor);
        };
        const auto requireText = [&](QStringView key, QStringView what) {
            checkField(spec, prefix, SpecField { key, SpecShape::Text, true, what }, requiredFor);
        };
        if (type == u"marketplace") {
            requireList(u"plugins", u"the refs of the plugins it offers");
        } else if (type == u"plugin") {
            requireList(u"skills", u"the refs of the skills it bundles");
        } else if (type == u"rule") {
            requireText(u"category", u"what the rule is about, e.g. security");
            requireText(u"rationale", u"why the rule exists");
        } else if (type == u"skill") {
            checkField(spec, prefix, SpecField { u"dependsOn", SpecShape::RefList }, requiredFor);
            const QJsonValue compatibility = spec.value("compatibility"_L1);
            if (compatibility.isString() && compatibility.toString().size() > 500)
                add(QStringLiteral("spec.compatibility"),
                    QStringLiteral("is %1 characters long; it may have at most 500")
                        .arg(compatibility.toString().size()));
        }
    }

    // Project updates, newest last: each has a date, and may move the status and target date.
    void checkUpdates(const QJsonObject &spec)
    {
        const QJsonValue updates = spec.value("updates"_L1);
        const FieldPath path(u"spec.updates");
        if (updates.isUndefined() || updates.isNull())
            return;
        if (!updates.isArray()) {
            add(path,
                QStringLiteral("must be a list of {date, status, targetDate, author, text}, not %1")
                    .arg(describe(updates)));
            return;
        }
        const QJsonArray array = updates.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const FieldPath itemPath = path.at(i);
            if (!array.at(i).isObject()) {
                add(itemPath,
                    QStringLiteral("must be a mapping with at least a date, not %1").arg(describe(array.at(i))));
                continue;
            }
            const QJsonObject update = array.at(i).toObject();
            const QString requiredFor = QStringLiteral("each project update");
            checkField(update, itemPath,
                SpecField { u"date", SpecShape::Date, true, u"the day of the update, e.g. 2026-10-02" }, requiredFor);
            checkField(update, itemPath, SpecField { u"status", SpecShape::Status }, requiredFor);
            checkField(update, itemPath, SpecField { u"targetDate", SpecShape::Date }, requiredFor);
            checkField(update, itemPath, SpecField { u"author", SpecShape::Ref }, requiredFor);
            checkField(update, itemPath, SpecField { u"text", SpecShape::Text }, requiredFor);
        }
    }

    void checkGoalProgress(const QJsonObject &spec)
    {
        const QJsonValue progress = spec.value("progress"_L1);
        const QString path = QStringLiteral("spec.progress");
        if (!progress.isUndefined() && !progress.isNull()) {
            if (!progress.isObject()) {
                add(path, QStringLiteral("must be a mapping {current, target, unit}, not %1").arg(describe(progress)));
            } else {
                const QJsonObject object = progress.toObject();
                for (const QStringView key : { QStringView(u"current"), QStringView(u"target") }) {
                    const QJsonValue value = object.value(key);
                    double number = 0;
                    if (!value.isUndefined() && !toNumber(value, &number))
                        add(QStringLiteral("%1.%2").arg(path, key.toString()),
                            QStringLiteral("must be a number, e.g. 3.1, not %1").arg(describe(value)));
                }
                const QJsonValue unit = object.value("unit"_L1);
                if (!unit.isUndefined() && !unit.isString())
                    add(path + QStringLiteral(".unit"),
                        QStringLiteral("must be text such as \"%\", not %1").arg(describe(unit)));
            }
        }
        const QJsonValue score = spec.value("score"_L1);
        double number = 0;
        if (!score.isUndefined() && (!toNumber(score, &number) || number < 0.0 || number > 1.0))
            add(QStringLiteral("spec.score"),
                QStringLiteral("must be a number from 0.0 to 1.0, not %1").arg(describe(score)));
    }

    const Entity &m_entity;
    // Read once: every ref check needs the kind and namespace.
    const QString m_apiVersion;
    const QString m_kind;
    const QString m_namespace;
    QList<ValidationProblem> m_problems;
};

} // namespace

QList<ValidationProblem> validateEntity(const Entity &entity)
{
    return Checker(entity).run();
}

} // namespace cairn::core
