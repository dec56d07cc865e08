// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/CatalogSource.h"
#include "sync/HttpClient.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace cairn::sync {

// A Backstage catalog (REST, catalog backend 4.x) as a sync source.
//
// First run (the cache holds nothing of this source): every entity, page by page.
// Later runs: the light listing (kind, namespace, name, uid, etag), diffed against the
// etags the cache holds; only new or changed entities are fetched by refs, in batches,
// the rest are passed on as unchanged, and what is missing becomes a tombstone (under the
// engine's mass-removal guard). The listing's validator is kept in the source state, so
// an unchanged catalog answers 304 and nothing but the listing's headers travel.
class BackstageSource final : public CatalogSource
{
public:
    struct Settings
    {
        QString sourceName;
        QUrl baseUrl; // the catalog API root, .../api/catalog
        QByteArray token; // bearer token; never logged, never stored by the source
        int pageSize = 500; // full entities per page of a first sync
        // Entries per page of the light listing (~150 bytes each). The server's cost is per
        // entity either way; fewer requests spare the round trips, which were a third of a
        // no-change re-sync of 5,000 entities in 500s.
        int listingPageSize = 10'000;
        int batchSize = 500; // refs per POST /entities/by-refs
        HttpClient::Options http;
    };

    explicit BackstageSource(Settings settings);

    core::Result<SourceHarvest> collect(const HarvestContext &context) override;
    // The catalog's stitcher gives every relation to both its ends (ownedBy on the
    // component, ownerOf on the group), whenever both exist.
    bool statesRelationsAtBothEnds() const override { return true; }

    // Keys in the source state.
    static QString listingValidatorKey() { return QStringLiteral("listingValidator"); }

private:
    Settings m_settings;
};

} // namespace cairn::sync
