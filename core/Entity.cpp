// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Entity.h"

namespace cairn::core {

QString DocumentOrigin::toString() const
{
    if (file.isEmpty())
        return QString();
    return line > 0 ? QStringLiteral("%1:%2").arg(file).arg(line) : file;
}

Entity::Entity(QJsonObject document)
    : m_document(std::move(document))
{ }

QString Entity::apiVersion() const
{
    return m_document.value(u"apiVersion").toString();
}
QString Entity::kind() const
{
    return m_document.value(u"kind").toString();
}
QJsonObject Entity::metadata() const
{
    return m_document.value(u"metadata").toObject();
}
QJsonObject Entity::spec() const
{
    return m_document.value(u"spec").toObject();
}

QString Entity::ns() const
{
    const QString ns = metadata().value(u"namespace").toString();
    return ns.isEmpty() ? QStringLiteral("default") : ns;
}

QString Entity::name() const
{
    return metadata().value(u"name").toString();
}

EntityRef Entity::ref() const
{
    const QString k = kind();
    const QString n = name();
    if (k.isEmpty() || n.isEmpty())
        return {};
    return EntityRef(k, ns(), n);
}

QString Entity::title() const
{
    return metadata().value(u"title").toString();
}

QString Entity::displayName() const
{
    const QString t = title();
    if (!t.isEmpty())
        return t;
    const QString profileName = spec().value(u"profile").toObject().value(u"displayName").toString();
    return profileName.isEmpty() ? name() : profileName;
}

QString Entity::description() const
{
    return metadata().value(u"description").toString();
}
QString Entity::uid() const
{
    return metadata().value(u"uid").toString();
}
QString Entity::etag() const
{
    return metadata().value(u"etag").toString();
}

static QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    if (value.isString()) {
        out.append(value.toString());
        return out;
    }
    const QJsonArray array = value.toArray();
    out.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (item.isString())
            out.append(item.toString());
    }
    return out;
}

static QMap<QString, QString> stringMap(const QJsonObject &object)
{
    QMap<QString, QString> out;
    for (auto it = object.begin(); it != object.end(); ++it)
        out.insert(it.key(), it.value().isString() ? it.value().toString() : it.value().toVariant().toString());
    return out;
}

QStringList Entity::tags() const
{
    return stringList(metadata().value(u"tags"));
}
QMap<QString, QString> Entity::labels() const
{
    return stringMap(metadata().value(u"labels").toObject());
}
QMap<QString, QString> Entity::annotations() const
{
    return stringMap(metadata().value(u"annotations").toObject());
}

QString Entity::annotation(const QString &key) const
{
    return metadata().value(u"annotations").toObject().value(key).toString();
}

QList<EntityLink> Entity::links() const
{
    QList<EntityLink> out;
    const QJsonArray array = metadata().value(u"links").toArray();
    for (const QJsonValue &item : array) {
        const QJsonObject link = item.toObject();
        const QString url = link.value(u"url").toString();
        if (url.isEmpty())
            continue;
        out.append(EntityLink {
            url, link.value(u"title").toString(), link.value(u"icon").toString(), link.value(u"type").toString() });
    }
    return out;
}

QString Entity::specType() const
{
    return specString(u"type");
}
QString Entity::lifecycle() const
{
    return specString(u"lifecycle");
}

QString Entity::specString(QStringView key) const
{
    const QJsonValue value = spec().value(key);
    return value.isString() ? value.toString() : QString();
}

QStringList Entity::specStringList(QStringView key) const
{
    return stringList(spec().value(key));
}

EntityRef Entity::owner() const
{
    const QString text = specString(u"owner");
    if (text.isEmpty())
        return {};
    Result<EntityRef> parsed = EntityRef::parseInField(text, u"owner", kind(), ns());
    return parsed ? parsed.value() : EntityRef();
}

QList<EntityRef> Entity::specRefs(QStringView field) const
{
    QList<EntityRef> out;
    const QString k = kind();
    const QString n = ns();
    const QStringList texts = specStringList(field);
    for (const QString &text : texts) {
        Result<EntityRef> parsed = EntityRef::parseInField(text, field, k, n);
        if (parsed)
            out.append(std::move(parsed).value());
    }
    return out;
}

bool Entity::hasRelations() const
{
    return m_document.value(u"relations").isArray();
}

bool Entity::isKind(QStringView k) const
{
    return kind().compare(k, Qt::CaseInsensitive) == 0;
}

} // namespace cairn::core
