// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/CatalogSource.h"
#include "sync/HttpClient.h"

#include <QByteArray>
#include <QString>

namespace cairn::sync {

// A bundle (docs/bundle-format.md) from an http(s) URL or a local file, as a sync source.
// The server's ETag / Last-Modified (a file's size and time) are kept in the source state
// and sent back; "not modified" means every entity the cache holds for the source is
// still there, unchanged, and nothing is parsed.
class BundleSource final : public CatalogSource
{
public:
    struct Settings
    {
        QString sourceName;
        QString location; // URL or local path
        QByteArray token; // optional bearer token for a protected bundle
        HttpClient::Options http;
    };

    explicit BundleSource(Settings settings);

    core::Result<SourceHarvest> collect(const HarvestContext &context) override;

private:
    Settings m_settings;
};

} // namespace cairn::sync
