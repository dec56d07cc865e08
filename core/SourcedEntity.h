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
    // Empty, or exactly QJsonDocument(document).toJson(Compact): keys sorted, no spaces.
    // Being the text the cache stores, it is hashed and written as it is, never re-serialised.
    QByteArray json {};

    static SourcedEntity compact(const QJsonObject &document, DocumentOrigin origin)
    {
        return SourcedEntity { Entity(), std::move(origin), QJsonDocument(document).toJson(QJsonDocument::Compact) };
    }

    bool isCompact() const { return !json.isEmpty(); }

    // The document as an Entity: the one delivered, or the compact text parsed (a new
    // object each time: the caller keeps it only as long as it needs it).
    Entity parsed() const { return isCompact() ? Entity(QJsonDocument::fromJson(json).object()) : entity; }
};

} // namespace cairn::core
