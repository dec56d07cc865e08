// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringView>

namespace cairn::sync {

// Maps an Atlassian Compass `compass.yml` (config as code) onto the Backstage envelope, so a
// Compass component lives in the same cache, views and health checks as everything else.
//
//   kind Component, apiVersion backstage.io/v1alpha1, namespace default
//   name                 -> metadata.name (slugified to the Backstage name pattern, <= 63
//                           characters; the id's tail when there is no usable name) and
//                           metadata.title (as written)
//   description          -> metadata.description
//   typeId               -> spec.type, lower-case with '-' for '_' (SERVICE -> service,
//                           LIBRARY -> library, WEBSITE -> website, APPLICATION -> application,
//                           CLOUD_RESOURCE -> cloud-resource, ...): Compass's own words, kept
//                           recognisable rather than squeezed into Backstage's three well-known
//                           types. The original is in annotation compass.atlassian.com/type-id.
//   fields.lifecycle     -> spec.lifecycle: Active -> production, Pre-release -> experimental,
//                           Deprecated -> deprecated, others lower-cased. Without one it is
//                           "unknown": claiming "production" for a component nobody described
//                           would be a lie a health check then believes. Original kept in
//                           compass.atlassian.com/lifecycle.
//   ownerId (team ARI)   -> spec.owner group:default/<slug of the id's last segment>, full id
//                           in compass.atlassian.com/owner-id. No ownerId: no spec.owner (an
//                           unowned component is a fact to show, not to paper over: Compass
//                           does not require an owner, so the validator accepts the mapped
//                           component without one and hygiene reports it)
//   (always)             -> annotation cairn.dev/mapped-from: compass.yml (core/CompassOrigin.h),
//                           what tells the validator the component came from Compass
//   id                   -> compass.atlassian.com/id
//   fields.tier          -> annotation compass.atlassian.com/tier and label tier
//   labels               -> metadata.tags (slugified to the tag pattern)
//   links                -> metadata.links {url, title: name, type: repository,
//                           documentation, dashboard, on-call, chat, project, other}
//   relationships.DEPENDS_ON -> spec.dependsOn component:default/<slug of the ARI's last
//                           segment> (CatalogImporter re-points them to the mapped component
//                           when the target is in the same import)
//   customFields         -> spec.customFields, whole; and one annotation
//                           compass.atlassian.com/custom-field.<slug of name> each, as text
//   configVersion        -> compass.atlassian.com/config-version
class CompassMapper
{
public:
    // True for a document without `kind` that is either in a file named compass.yml /
    // compass.yaml or carries both `configVersion` and `typeId`.
    static bool isCompassDocument(const QJsonObject &document, const QString &fileName);

    // The Backstage entity for a compass.yml document; an error when it has neither a name
    // nor an id to name the component by.
    static core::Result<QJsonObject> toEntity(const QJsonObject &compass);

    // The ref a DEPENDS_ON ARI maps to before it is resolved within an import.
    static QString dependencyRef(QStringView ari);

    // Text to a Backstage entity name: ^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$, <= 63
    // characters, lower-case, accents dropped; empty when nothing usable remains.
    static QString slugifyName(QStringView text);
    // Text to a Backstage tag: ^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$, <= 63 characters.
    static QString slugifyTag(QStringView text);
};

} // namespace cairn::sync
