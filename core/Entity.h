// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace cairn::core {

// One entry of metadata.links.
struct EntityLink
{
    QString url;
    QString title;
    QString icon;
    QString type;

    bool operator==(const EntityLink &) const = default;
};

// Where a document came from, for messages that point at the exact place.
struct DocumentOrigin
{
    QString file; // a path or URL; empty when unknown
    int line = 0; // 1-based; 0 when unknown
    QString toString() const;
};

// The Backstage entity envelope, kept whole as it came: unknown kinds and fields are never
// an error and survive a round trip. Accessors give typed access to the fields Cairn uses.
class Entity
{
public:
    Entity() = default;
    explicit Entity(QJsonObject document);

    const QJsonObject &document() const { return m_document; }

    QString apiVersion() const;
    QString kind() const;
    QString ns() const; // metadata.namespace, "default" when absent
    QString name() const;
    EntityRef ref() const; // null when kind or name is missing

    QString title() const;
    QString displayName() const; // title, else profile.displayName, else name
    QString description() const;
    QString uid() const;
    QString etag() const;
    QStringList tags() const;
    QMap<QString, QString> labels() const;
    QMap<QString, QString> annotations() const;
    QString annotation(const QString &key) const;
    QList<EntityLink> links() const;

    QJsonObject metadata() const;
    QJsonObject spec() const;
    QString specType() const;
    QString lifecycle() const;
    QString specString(QStringView key) const;
    QStringList specStringList(QStringView key) const;

    // spec.owner completed as a ref (owner defaults to kind group); null when there is none
    // or it does not parse.
    EntityRef owner() const;
    // A spec field holding one ref or a list of refs, each completed by the field and this
    // entity's namespace; refs that do not parse are left out (validation reports them).
    QList<EntityRef> specRefs(QStringView field) const;

    // The server-provided `relations` array, when the document came with one.
    bool hasRelations() const;

    // True when this entity's kind equals `kind`, case-insensitively.
    bool isKind(QStringView kind) const;

private:
    QJsonObject m_document;
    // metadata and spec, looked up once: nearly every accessor reads one of them. They
    // share the document's data.
    QJsonObject m_metadata;
    QJsonObject m_spec;
    // metadata.annotations, looked up once too: a health evaluation reads a dozen of them.
    QJsonObject m_annotations;
};

} // namespace cairn::core
