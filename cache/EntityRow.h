// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Entity.h"
#include "core/Relation.h"
#include "core/SourcedEntity.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace cairn::cache {

// An entity flattened into the columns the cache stores, computed when it is written: the
// JSON text as stored, its content hash, the indexed columns, the FTS text and its
// relations (core::statedRelationsOf). Whether a delivered document is unchanged is told
// from documentText and the stored ContentHash alone.
struct EntityRow
{
    core::EntityRef ref;
    QString kind; // lower-case
    QString title;
    QString displayName;
    QString matchName; // NameMatcher::normalize(), for indexed name and title lookups
    QString matchTitle; // of the display name, when it is not just the name
    QString ownerKey;
    QString type;
    QString lifecycle;
    QString status;
    QString uid;
    QString etag;
    QString description;
    QString tagsText; // tags joined by spaces, for FTS
    // A project's newest dated update (ISO date, empty when none) and how many times its
    // target date moved (core::ProjectTimeline); empty for other kinds.
    QString lastUpdate;
    std::optional<int> slips;
    QByteArray document;
    QByteArray contentHash; // ContentHash::of(document)
    QList<core::StatedRelation> relations; // as this entity states them

    static EntityRow from(const core::Entity &entity);
    // The same for a delivered document. One that comes with its text (compact, or as a
    // server sent it) is stored as that text rather than serialised again; a compact one
    // is parsed here for its columns.
    static EntityRow from(const core::SourcedEntity &sourced);

    // The stored JSON text of a document: what `from` puts in `document`, for a caller that
    // needs only its hash (is a delivered document unchanged?) and should not hold a whole
    // row for it.
    static QByteArray documentText(const core::Entity &entity);
    static QByteArray documentText(const core::SourcedEntity &sourced);
};

} // namespace cairn::cache
