// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/EntityRow.h"

#include "cache/ContentHash.h"
#include "core/NameMatcher.h"
#include "core/ProjectTimeline.h"
#include "core/RelationDeriver.h"

#include <QJsonDocument>

namespace cairn::cache {

namespace {

// Every column but the document text and its hash.
void fillColumns(EntityRow &row, const core::Entity &entity)
{
    row.ref = entity.ref();
    row.kind = entity.kind().toLower();
    row.title = entity.title();
    row.displayName = entity.displayName();
    row.matchName = core::NameMatcher::normalize(row.ref.name());
    // A person's or team's profile name is their title for finding them.
    if (row.displayName != row.ref.name())
        row.matchTitle = core::NameMatcher::normalize(row.displayName);
    const core::EntityRef owner = entity.owner();
    if (!owner.isNull())
        row.ownerKey = owner.key();
    row.type = entity.specType();
    row.lifecycle = entity.lifecycle();
    row.status = entity.specString(u"status");
    row.uid = entity.uid();
    row.etag = entity.etag();
    row.description = entity.description();
    row.tagsText = entity.tags().join(u' ');
    row.relations = core::statedRelationsOf(entity);
    if (row.kind == u"project") {
        const core::TimelineSummary timeline = core::ProjectTimeline::fromEntity(entity).summarize(QDate());
        if (timeline.lastUpdate.isValid())
            row.lastUpdate = timeline.lastUpdate.toString(Qt::ISODate);
        row.slips = timeline.targetMoves;
    }
}

} // namespace

EntityRow EntityRow::from(const core::Entity &entity)
{
    EntityRow row;
    fillColumns(row, entity);
    row.document = documentText(entity);
    row.contentHash = ContentHash::of(row.document);
    return row;
}

EntityRow EntityRow::from(const core::SourcedEntity &sourced)
{
    if (sourced.json.isEmpty())
        return from(sourced.entity);
    EntityRow row;
    fillColumns(row, sourced.parsed()); // the delivered entity, or its text parsed
    row.document = sourced.json;
    row.contentHash = ContentHash::of(row.document);
    return row;
}

QByteArray EntityRow::documentText(const core::Entity &entity)
{
    // QJsonObject keeps keys sorted, so the same document always gives the same text and
    // the hash detects real changes only. The very text a compact SourcedEntity carries.
    return QJsonDocument(entity.document()).toJson(QJsonDocument::Compact);
}

QByteArray EntityRow::documentText(const core::SourcedEntity &sourced)
{
    return sourced.json.isEmpty() ? documentText(sourced.entity) : sourced.json;
}

} // namespace cairn::cache
