// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/ViewExport.h"
#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <functional>

class QIODevice;

namespace cairn::cache {
class Cache;
}

namespace cairn::sync {

struct CatalogExportOptions
{
    cache::ExportFilter filter; // includeRemoved: tombstoned entities too, as plain documents
    // Location entities point at the files their entities came from, relative to where
    // those files were. The export already holds every entity they led to, and a copy of
    // a Location beside the export points at files that are not there (an importer reports
    // them missing, Backstage rejects the Location), so they are left out unless asked for
    // (or unless the filter asks for kind Location).
    bool includeLocations = false;
};

// Writes the cache's entities back out as catalog documents, so that a fresh Backstage
// catalog or another Cairn can ingest them and come back whole (the April 2022 outage: a
// desktop cache may be the last full copy of a directory).
//
// Each document is the one its source delivered, without what a server adds to it
// (serverOnly fields below). Documents are streamed from the cache one at a time.
// - YAML: one multi-document stream; keys in the cache's order (Cairn stores documents
//   with sorted keys), scalars typed as they came: numbers and booleans plain, and every
//   string that a YAML 1.1 or 1.2 reader would take for something else ("true", "on",
//   "123", "0x1F", "2024-05-01", "~", "") double-quoted, so it comes back a string.
// - Bundle (docs/bundle-format.md): {"items": [...]} with one compact entity per line.
class CatalogExporter final
{
public:
    using Progress = cache::ViewExport::Progress;

    explicit CatalogExporter(cache::Cache &cache);

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    void setCancelCheck(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }

    // Return the number of documents written.
    core::Result<qint64> writeYaml(QIODevice &device, const CatalogExportOptions &options) const;
    core::Result<qint64> writeBundle(QIODevice &device, const CatalogExportOptions &options) const;
    // One <kind>.yaml per kind (lower-case) in `directory`, created when missing. All files
    // or none: on any failure (a full disk included) every file in the folder keeps its old
    // bytes, no new file is left, and a folder the export created is removed again.
    core::Result<qint64> writeYamlDirectory(const QString &directory, const CatalogExportOptions &options) const;

    // The document without server-only fields: metadata.uid, metadata.etag, relations,
    // status, and the backstage.io/managed-by-* annotations (an annotations object left
    // empty by that goes too). Everything else is kept as it is.
    static QJsonObject catalogDocument(QJsonObject document);
    static bool isServerOnlyAnnotation(QStringView key);

    // One document as YAML (no "---" marker), as writeYaml() writes it.
    static QByteArray toYaml(const QJsonObject &document);
    // True when a plain (unquoted) YAML scalar with this text would not read back as this
    // string: such strings are written double-quoted.
    static bool needsQuotes(QStringView text);

private:
    using DocumentSink = std::function<core::Status(const QJsonObject &document)>;
    core::Result<qint64> forEach(const CatalogExportOptions &options, const DocumentSink &sink) const;

    cache::Cache &m_cache;
    Progress m_progress;
    std::function<bool()> m_cancelled;
};

} // namespace cairn::sync
