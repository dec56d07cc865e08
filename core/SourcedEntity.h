// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Entity.h"

#include <QByteArray>
#include <QJsonDocument>

namespace cairn::core {

// An entity as a source delivered it, with where it came from (for messages that point
// at the file and line, or the URL).
//
// A source may deliver the document compactly instead, as `json`, and leave `entity`
// empty: a parsed QJsonObject costs about 2 KB for a 400-byte entity, so a 100k-entity
// bundle held parsed until it is written needs ~200 MB, while its text needs ~40 MB. The
// engine and the cache parse such a document when they need it and drop it again.
struct SourcedEntity
{
    Entity entity;
    DocumentOrigin origin;
    // The text the cache stores for the document, hashed and written as it is, never
    // re-serialised; empty when the cache is to write `entity` itself. Either the compact
    // form of a document delivered as text only (`entity` empty; exactly
    // QJsonDocument(document).toJson(Compact): keys sorted, no spaces), or the text a server
    // sent for `entity` (both set: stored as received, in the server's key order).
    QByteArray json {};

    static SourcedEntity compact(const QJsonObject &document, DocumentOrigin origin)
    {
        return SourcedEntity { Entity(), std::move(origin), QJsonDocument(document).toJson(QJsonDocument::Compact) };
    }

    // Delivered as text only: `parsed()` parses it.
    bool isCompact() const { return !json.isEmpty() && entity.document().isEmpty(); }

    // The document as an Entity: the one delivered, or the compact text parsed (a new
    // object each time: the caller keeps it only as long as it needs it).
    Entity parsed() const { return isCompact() ? Entity(QJsonDocument::fromJson(json).object()) : entity; }
};

} // namespace cairn::core
