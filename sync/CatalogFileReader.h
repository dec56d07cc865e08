// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Entity.h"
#include "sync/CatalogReadResult.h"
#include "sync/JsonDocuments.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace cairn::sync {

// One document of a catalog file, not yet checked to be an entity: its text as the cache
// stores it and what it says it is, never the parsed document (see JsonDocument).
using CatalogDocument = JsonDocument;

struct CatalogFileContents
{
    QList<CatalogDocument> documents;
    QList<CatalogProblem> problems;
    QList<CatalogProblem> notes; // worth telling, nothing rejected (bytes that are not UTF-8)
};

// Reads one catalog file into documents with their file and line: YAML (multi-document),
// JSON (an entity, an array of entities, or {"items": [...]}, as a Backstage server and
// bundle files return them) and NDJSON (one entity per line). JSON is read with simdjson
// (JsonDocumentReader), YAML with yaml-cpp. Files are opened with QFile, so Qt resource
// paths (":/sample/...") read exactly like files on disk.
//
// It knows formats, not entities: deciding what a document means (entity, Location,
// compass.yml) is CatalogImporter's job.
class CatalogFileReader
{
public:
    enum class Format { Unknown, Yaml, Json, NdJson };

    // By file suffix, case-insensitively: .yaml/.yml, .json, .ndjson/.jsonl.
    static Format formatOf(const QString &path);

    // Every catalog file under a folder, recursively, in a stable sorted order. Hidden
    // entries (.git, .github, ...) and node_modules are skipped: they hold tooling, not
    // catalog entries, and node_modules alone can hold tens of thousands of JSON files.
    static QStringList filesInFolder(const QString &folder);
    // Whether filesInFolder() would find any: the walk stops at the first one.
    static bool holdsCatalogFiles(const QString &folder);

    // Reads and parses one file; a file that cannot be opened is a problem. `json` reads
    // the JSON ones and keeps its buffers for the next file.
    static CatalogFileContents read(const QString &path, JsonDocumentReader &json);
    static CatalogFileContents read(const QString &path);
    // The largest file read(): CAIRN_MAX_FILE_MB (in MiB) when set, else 256 MiB, the same
    // bound as a sync's HTTP response. A larger file is a mistake (a dump, a log) that must
    // not take the machine's memory; devices, FIFOs and sockets are never read.
    static constexpr qint64 DefaultMaxFileSize = qint64(256) * 1024 * 1024;
    static qint64 maxFileSize();

    // Parses file contents already in memory; `file` names them in origins. Given the only
    // reference to `data`, YAML lets go of the text once it is parsed.
    static CatalogFileContents parse(QByteArray data, const QString &file, Format format, JsonDocumentReader &json);
    static CatalogFileContents parse(const QByteArray &data, const QString &file, Format format);
};

} // namespace cairn::sync
