// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/CompassMapper.h"

#include "core/Ascii.h"
#include "core/CompassOrigin.h"

#include <QFileInfo>
#include <QJsonArray>

#include <cmath>

namespace cairn::sync {

namespace {

constexpr qsizetype kMaxNameLength = 63;

const QString kPrefix = QStringLiteral("compass.atlassian.com/");

QString annotationKey(QStringView name)
{
    return kPrefix + name.toString();
}

// Accents dropped, lower-case: "Café Öffnungszeiten" -> "cafe offnungszeiten".
QString plainLower(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c.toLower());
    }
    return out;
}

// Replaces every character outside `allowed` by '-', with no two '-' in a row.
template<typename Allowed> QString replaceDisallowed(QStringView text, Allowed allowed)
{
    QString out;
    for (const QChar c : text) {
        const QChar kept = allowed(c) ? c : u'-';
        if (kept == u'-' && out.endsWith(u'-'))
            continue;
        out.append(kept);
    }
    return out;
}

template<typename Keep> QString trimmedBy(const QString &text, Keep keep)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && !keep(text.at(begin)))
        ++begin;
    while (end > begin && !keep(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}

QString lastSegment(QStringView id)
{
    const qsizetype slash = id.lastIndexOf(u'/');
    const qsizetype cut = slash >= 0 ? slash : id.lastIndexOf(u':');
    return id.mid(cut + 1).toString();
}

QString numberText(double v)
{
    if (std::floor(v) == v && std::abs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'g', 15);
}

// A value as annotation text (annotations are strings in Backstage).
QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return numberText(value.toDouble());
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue item : value.toArray())
            parts.append(valueText(item));
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QString();
}

QString componentType(const QString &typeId)
{
    return typeId.trimmed().toLower().replace(u'_', u'-');
}

QString lifecycle(const QString &compassLifecycle)
{
    const QString l = compassLifecycle.trimmed().toLower();
    if (l.isEmpty())
        return QStringLiteral("unknown");
    if (l == u"active")
        return QStringLiteral("production");
    if (l == u"pre-release" || l == u"prerelease" || l == u"pre_release")
        return QStringLiteral("experimental");
    if (l == u"deprecated")
        return QStringLiteral("deprecated");
    return CompassMapper::slugifyName(l);
}

QString linkType(const QString &compassType)
{
    const QString t = compassType.trimmed().toUpper();
    if (t == u"REPOSITORY")
        return QStringLiteral("repository");
    if (t == u"DOCUMENT")
        return QStringLiteral("documentation");
    if (t == u"DASHBOARD")
        return QStringLiteral("dashboard");
    if (t == u"ON_CALL")
        return QStringLiteral("on-call");
    if (t == u"CHAT_CHANNEL")
        return QStringLiteral("chat");
    if (t == u"PROJECT")
        return QStringLiteral("project");
    if (t == u"OTHER_LINK" || t.isEmpty())
        return QStringLiteral("other");
    return t.toLower().replace(u'_', u'-');
}

} // namespace

bool CompassMapper::isCompassDocument(const QJsonObject &document, const QString &fileName)
{
    if (document.contains(u"kind"))
        return false;
    const QString name = QFileInfo(fileName).fileName().toLower();
    if (name == u"compass.yml" || name == u"compass.yaml")
        return true;
    return document.contains(u"configVersion") && document.contains(u"typeId");
}

QString CompassMapper::slugifyName(QStringView text)
{
    const auto allowed = [](QChar c) { return core::ascii::isAlnum(c) || c == u'-' || c == u'_' || c == u'.'; };
    QString slug = trimmedBy(replaceDisallowed(plainLower(text), allowed), core::ascii::isAlnum);
    if (slug.size() > kMaxNameLength)
        slug = trimmedBy(slug.left(kMaxNameLength), core::ascii::isAlnum);
    return slug;
}

QString CompassMapper::slugifyTag(QStringView text)
{
    const auto allowed = [](QChar c) { return core::ascii::isAlnum(c) || c == u':' || c == u'+' || c == u'#'; };
    const auto notDash = [](QChar c) { return c != u'-'; };
    QString tag = trimmedBy(replaceDisallowed(plainLower(text), allowed), notDash);
    if (tag.size() > kMaxNameLength)
        tag = trimmedBy(tag.left(kMaxNameLength), notDash);
    return tag;
}

QString CompassMapper::dependencyRef(QStringView ari)
{
    return QStringLiteral("component:default/") + slugifyName(lastSegment(ari.trimmed()));
}

core::Result<QJsonObject> CompassMapper::toEntity(const QJsonObject &compass)
{
    const QString compassName = compass.value(u"name").toString().trimmed();
    const QString id = compass.value(u"id").toString().trimmed();
    QString name = slugifyName(compassName);
    if (name.isEmpty())
        name = slugifyName(lastSegment(id));
    if (name.isEmpty())
        return core::Error { QStringLiteral(
            "compass.yml component has neither a name nor an id to name it by; add `name:` to the file") };

    QJsonObject annotations;
    QJsonObject labels;
    QJsonObject metadata { { QStringLiteral("name"), name } };
    if (!compassName.isEmpty())
        metadata.insert(QStringLiteral("title"), compassName);
    if (const QString description = compass.value(u"description").toString(); !description.isEmpty())
        metadata.insert(QStringLiteral("description"), description);
    if (!id.isEmpty())
        annotations.insert(annotationKey(u"id"), id);
    if (compass.contains(u"configVersion"))
        annotations.insert(annotationKey(u"config-version"), valueText(compass.value(u"configVersion")));

    QJsonObject spec;
    const QString typeId = compass.value(u"typeId").toString();
    spec.insert(QStringLiteral("type"), typeId.isEmpty() ? QStringLiteral("other") : componentType(typeId));
    if (!typeId.isEmpty())
        annotations.insert(annotationKey(u"type-id"), typeId);

    const QJsonObject fields = compass.value(u"fields").toObject();
    const QString compassLifecycle = fields.value(u"lifecycle").toString();
    spec.insert(QStringLiteral("lifecycle"), lifecycle(compassLifecycle));
    if (!compassLifecycle.isEmpty())
        annotations.insert(annotationKey(u"lifecycle"), compassLifecycle);
    if (const QJsonValue tier = fields.value(u"tier"); !tier.isUndefined() && !tier.isNull()) {
        annotations.insert(annotationKey(u"tier"), valueText(tier));
        labels.insert(QStringLiteral("tier"), slugifyName(valueText(tier)));
    }

    if (const QString ownerId = compass.value(u"ownerId").toString().trimmed(); !ownerId.isEmpty()) {
        annotations.insert(annotationKey(u"owner-id"), ownerId);
        spec.insert(QStringLiteral("owner"), QStringLiteral("group:default/") + slugifyName(lastSegment(ownerId)));
    }

    QJsonArray tags;
    for (const QJsonValue label : compass.value(u"labels").toArray()) {
        const QString tag = slugifyTag(valueText(label));
        if (!tag.isEmpty() && !tags.contains(tag))
            tags.append(tag);
    }
    if (!tags.isEmpty())
        metadata.insert(QStringLiteral("tags"), tags);

    QJsonArray links;
    for (const QJsonValue value : compass.value(u"links").toArray()) {
        const QJsonObject link = value.toObject();
        const QString url = link.value(u"url").toString();
        if (url.isEmpty())
            continue; // Backstage requires a url; a link without one leads nowhere
        QJsonObject out { { QStringLiteral("url"), url },
            { QStringLiteral("type"), linkType(link.value(u"type").toString()) } };
        if (const QString title = link.value(u"name").toString(); !title.isEmpty())
            out.insert(QStringLiteral("title"), title);
        links.append(out);
    }
    if (!links.isEmpty())
        metadata.insert(QStringLiteral("links"), links);

    QJsonArray dependsOn;
    for (const QJsonValue ari : compass.value(u"relationships").toObject().value(u"DEPENDS_ON").toArray()) {
        const QString text = ari.toString();
        if (!slugifyName(lastSegment(text)).isEmpty())
            dependsOn.append(dependencyRef(text));
    }
    if (!dependsOn.isEmpty())
        spec.insert(QStringLiteral("dependsOn"), dependsOn);

    const QJsonArray customFields = compass.value(u"customFields").toArray();
    if (!customFields.isEmpty()) {
        spec.insert(QStringLiteral("customFields"), customFields);
        for (const QJsonValue value : customFields) {
            const QJsonObject field = value.toObject();
            // The part of an annotation key after the prefix is at most 63 characters.
            const QString key = slugifyName(slugifyName(field.value(u"name").toString()).left(63 - 13));
            if (!key.isEmpty())
                annotations.insert(annotationKey(u"custom-field.") + key, valueText(field.value(u"value")));
        }
    }

    // Where it came from, for the rules that differ for Compass (no owner required).
    annotations.insert(core::MappedFromAnnotation.toString(), core::MappedFromCompass.toString());
    metadata.insert(QStringLiteral("annotations"), annotations);
    if (!labels.isEmpty())
        metadata.insert(QStringLiteral("labels"), labels);
    return QJsonObject { { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
        { QStringLiteral("kind"), QStringLiteral("Component") }, { QStringLiteral("metadata"), metadata },
        { QStringLiteral("spec"), spec } };
}

} // namespace cairn::sync
