// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Entity.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <memory>

namespace cairn::sync {

// One document of a catalog file or bundle as an import carries it: the text the cache
// stores, and the few members that say what the document is, read while it was parsed so
// that nothing parses it again only to tell. Never the parsed document itself: held as Qt
// values until the write, a whole import's documents cost several times their text.
struct JsonDocument
{
    // A mapping: exactly QJsonDocument(object).toJson(Compact), keys sorted, as the cache
    // stores it and hashes it (core::SourcedEntity::json). Empty when not a mapping.
    QByteArray json;
    QString valueType; // what the document is when not a mapping: "a list", "a string", ...
    QString kind; // "kind" when it is a string
    bool hasKind = false; // a "kind" member of any type
    bool kindIsString = false;
    QString name; // metadata.name when metadata is a mapping and name a string
    QString nameSpace; // metadata.namespace, likewise
    core::DocumentOrigin origin;

    bool isMapping() const { return !json.isEmpty(); }
    // The document parsed, for the few that need more than the members above (a Location's
    // targets, a compass.yml to map); a new object each time.
    QJsonObject object() const;

    // A document already parsed (YAML), in the same form.
    static JsonDocument fromValue(const QJsonValue &value, core::DocumentOrigin origin);
};

// A problem with a JSON text, at the line and column where the parser stopped when it knows.
struct JsonTextError
{
    int line = 0; // 0: not known
    int column = 0;
    QString message;
};

// Reads JSON catalog texts with simdjson, one document at a time, into JsonDocuments. The
// one JSON reader of catalog files and bundles: keeps its parser's buffers from one text to
// the next, so one reader per import.
class JsonDocumentReader
{
public:
    JsonDocumentReader();
    ~JsonDocumentReader();
    JsonDocumentReader(const JsonDocumentReader &) = delete;
    JsonDocumentReader &operator=(const JsonDocumentReader &) = delete;

    enum class Shape {
        Entity, // one object that is not a list of entities
        Array, // a top-level array
        Items, // an object with an "items" array and no "kind": a bundle, a Backstage page
        Other, // a number, a string, ...
    };

    struct Documents
    {
        QList<JsonDocument> documents; // in order; each with the line where it starts
        Shape shape = Shape::Entity;
    };

    // A JSON text: one entity, an array of them, or {"items": [...]}. All or nothing: a text
    // that is not valid JSON gives an error and no document. `file` names the origins.
    // Item origins are `file` and the item's line.
    struct Result
    {
        Documents read;
        std::optional<JsonTextError> error;
    };
    // A text with kPadding bytes of room past its end (its capacity) is read in place;
    // any other is copied once (simdjson reads a little past the end).
    static constexpr qsizetype kPadding = 64;
    Result readText(const QByteArray &text, const QString &file);

    // One line of NDJSON (or any one JSON value); its origin is `origin`.
    std::optional<JsonTextError> readValue(QByteArrayView text, core::DocumentOrigin origin, JsonDocument &out);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cairn::sync
