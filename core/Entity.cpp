// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Entity.h"

namespace cairn::core {

// Keys as Latin-1: QJsonObject keeps ASCII keys as Latin-1 and finds them fastest so.
using namespace Qt::StringLiterals;

QString DocumentOrigin::toString() const
{
    if (file.isEmpty())
        return QString();
    return line > 0 ? QStringLiteral("%1:%2").arg(file).arg(line) : file;
}

Entity::Entity(QJsonObject document)
    : m_document(std::move(document))
    , m_metadata(m_document.value("metadata"_L1).toObject())
    , m_spec(m_document.value("spec"_L1).toObject())
    , m_annotations(m_metadata.value("annotations"_L1).toObject())
{ }

QString Entity::apiVersion() const
{
    return m_document.value("apiVersion"_L1).toString();
}
QString Entity::kind() const
{
    return m_document.value("kind"_L1).toString();
}
QJsonObject Entity::metadata() const
{
    return m_metadata;
}
QJsonObject Entity::spec() const
{
    return m_spec;
}

QString Entity::ns() const
{
    const QString ns = m_metadata.value("namespace"_L1).toString();
    return ns.isEmpty() ? QStringLiteral("default") : ns;
}

QString Entity::name() const
{
    return m_metadata.value("name"_L1).toString();
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
    return m_metadata.value("title"_L1).toString();
}

QString Entity::displayName() const
{
    QString t = title();
    if (!t.isEmpty())
        return t;
    const QString profileName = m_spec.value("profile"_L1).toObject().value("displayName"_L1).toString();
    return profileName.isEmpty() ? name() : profileName;
}

QString Entity::description() const
{
    return m_metadata.value("description"_L1).toString();
}
QString Entity::uid() const
{
    return m_metadata.value("uid"_L1).toString();
}
QString Entity::etag() const
{
    return m_metadata.value("etag"_L1).toString();
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
    for (const QJsonValue item : array) {
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
    return stringList(m_metadata.value("tags"_L1));
}
QMap<QString, QString> Entity::labels() const
{
    return stringMap(m_metadata.value("labels"_L1).toObject());
}
QMap<QString, QString> Entity::annotations() const
{
    return stringMap(m_annotations);
}

QString Entity::annotation(const QString &key) const
{
    return m_annotations.value(key).toString();
}

QList<EntityLink> Entity::links() const
{
    QList<EntityLink> out;
    const QJsonArray array = m_metadata.value("links"_L1).toArray();
    for (const QJsonValue item : array) {
        const QJsonObject link = item.toObject();
        const QString url = link.value("url"_L1).toString();
        if (url.isEmpty())
            continue;
        out.append(EntityLink { url, link.value("title"_L1).toString(), link.value("icon"_L1).toString(),
            link.value("type"_L1).toString() });
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
    const QJsonValue value = m_spec.value(key);
    return value.isString() ? value.toString() : QString();
}

QStringList Entity::specStringList(QStringView key) const
{
    return stringList(m_spec.value(key));
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
    return m_document.value("relations"_L1).isArray();
}

bool Entity::isKind(QStringView k) const
{
    return kind().compare(k, Qt::CaseInsensitive) == 0;
}

} // namespace cairn::core
