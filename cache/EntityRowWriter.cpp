// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/EntityRowWriter.h"

#include "cache/Database.h"
#include "cache/SqlTry.h"
#include "core/RelationType.h"

namespace cairn::cache {

namespace {

// A parameter the SQL must have: a missing one is a mistake in this file, caught by any
// test that writes a row.
core::Result<int> parameter(const Statement &s, const char *name)
{
    const int index = s.parameterIndex(name);
    if (index == 0)
        return core::Error { QStringLiteral("No parameter %1 in: %2").arg(QLatin1StringView(name), s.sql()) };
    return index;
}

void bindOptional(Statement &s, int index, const QString &text)
{
    if (text.isEmpty())
        s.bindNull(index);
    else
        s.bind(index, text);
}

} // namespace

EntityRowWriter::EntityRowWriter(Database &db, qint64 sourceId, QString now, bool holdBackward)
    : m_db(db)
    , m_sourceId(sourceId)
    , m_now(std::move(now))
    , m_holdBackward(holdBackward)
{ }

core::Status EntityRowWriter::prepareEntity(EntityStatement &s, const QString &sql)
{
    CAIRN_TRY_ASSIGN(s.statement, m_db.prepare(sql));
    const Statement &q = s.statement;
    CAIRN_TRY_ASSIGN(s.key, parameter(q, ":key"));
    CAIRN_TRY_ASSIGN(s.ref, parameter(q, ":ref"));
    CAIRN_TRY_ASSIGN(s.kind, parameter(q, ":kind"));
    CAIRN_TRY_ASSIGN(s.ns, parameter(q, ":namespace"));
    CAIRN_TRY_ASSIGN(s.name, parameter(q, ":name"));
    CAIRN_TRY_ASSIGN(s.title, parameter(q, ":title"));
    CAIRN_TRY_ASSIGN(s.displayName, parameter(q, ":display_name"));
    CAIRN_TRY_ASSIGN(s.ownerKey, parameter(q, ":owner_key"));
    CAIRN_TRY_ASSIGN(s.type, parameter(q, ":type"));
    CAIRN_TRY_ASSIGN(s.lifecycle, parameter(q, ":lifecycle"));
    CAIRN_TRY_ASSIGN(s.status, parameter(q, ":status"));
    CAIRN_TRY_ASSIGN(s.sourceId, parameter(q, ":source_id"));
    CAIRN_TRY_ASSIGN(s.document, parameter(q, ":document"));
    CAIRN_TRY_ASSIGN(s.contentHash, parameter(q, ":content_hash"));
    CAIRN_TRY_ASSIGN(s.uid, parameter(q, ":uid"));
    CAIRN_TRY_ASSIGN(s.etag, parameter(q, ":etag"));
    CAIRN_TRY_ASSIGN(s.now, parameter(q, ":now"));
    CAIRN_TRY_ASSIGN(s.matchName, parameter(q, ":match_name"));
    CAIRN_TRY_ASSIGN(s.matchTitle, parameter(q, ":match_title"));
    CAIRN_TRY_ASSIGN(s.lastUpdate, parameter(q, ":last_update"));
    CAIRN_TRY_ASSIGN(s.slips, parameter(q, ":slips"));
    s.id = q.parameterIndex(":id"); // the update's only
    return {};
}

core::Status EntityRowWriter::prepare()
{
    CAIRN_TRY(prepareEntity(m_insert,
        QStringLiteral("INSERT INTO entities(key, ref, kind, namespace, name, title, display_name, owner_key, type, "
                       "lifecycle, status, source_id, document, content_hash, uid, etag, first_seen, updated_at, "
                       "match_name, match_title, last_update, slips) VALUES(:key, :ref, :kind, :namespace, :name, "
                       ":title, :display_name, :owner_key, :type, :lifecycle, :status, :source_id, :document, "
                       ":content_hash, :uid, :etag, :now, :now, :match_name, :match_title, :last_update, :slips)")));
    CAIRN_TRY(prepareEntity(m_update,
        QStringLiteral("UPDATE entities SET key=:key, ref=:ref, kind=:kind, namespace=:namespace, name=:name, "
                       "title=:title, display_name=:display_name, owner_key=:owner_key, type=:type, "
                       "lifecycle=:lifecycle, status=:status, source_id=:source_id, document=:document, "
                       "content_hash=:content_hash, uid=:uid, etag=:etag, updated_at=:now, removed_at=NULL, "
                       "match_name=:match_name, match_title=:match_title, last_update=:last_update, slips=:slips "
                       "WHERE id=:id")));
    CAIRN_TRY_ASSIGN(m_dropRelations, m_db.prepare(QStringLiteral("DELETE FROM relations WHERE origin_id=:id")));
    CAIRN_TRY_ASSIGN(m_addRelation,
        m_db.prepare(
            QStringLiteral("INSERT INTO relations(origin_id, type, target_key) VALUES(:origin, :type, :target)")));
    CAIRN_TRY_ASSIGN(m_relationOrigin, parameter(m_addRelation, ":origin"));
    CAIRN_TRY_ASSIGN(m_relationType, parameter(m_addRelation, ":type"));
    CAIRN_TRY_ASSIGN(m_relationTarget, parameter(m_addRelation, ":target"));
    return {};
}

core::Status EntityRowWriter::execEntity(EntityStatement &s, const EntityRow &row, qint64 id)
{
    Statement &q = s.statement;
    q.reset();
    q.bind(s.key, row.ref.key());
    q.bind(s.ref, row.ref.toString());
    q.bind(s.kind, row.kind);
    q.bind(s.ns, row.ref.ns());
    q.bind(s.name, row.ref.name());
    bindOptional(q, s.title, row.title);
    q.bind(s.displayName, row.displayName);
    bindOptional(q, s.ownerKey, row.ownerKey);
    bindOptional(q, s.type, row.type);
    bindOptional(q, s.lifecycle, row.lifecycle);
    bindOptional(q, s.status, row.status);
    q.bind(s.sourceId, m_sourceId);
    q.bindUtf8(s.document, row.document);
    q.bindUtf8(s.contentHash, row.contentHash);
    bindOptional(q, s.uid, row.uid);
    bindOptional(q, s.etag, row.etag);
    q.bind(s.now, m_now);
    q.bind(s.matchName, row.matchName);
    bindOptional(q, s.matchTitle, row.matchTitle);
    bindOptional(q, s.lastUpdate, row.lastUpdate);
    if (row.slips)
        q.bind(s.slips, qint64(*row.slips));
    else
        q.bindNull(s.slips);
    if (s.id != 0)
        q.bind(s.id, id);
    return q.exec();
}

core::Result<qint64> EntityRowWriter::insert(const EntityRow &row)
{
    CAIRN_TRY(execEntity(m_insert, row, 0));
    const qint64 id = m_db.lastInsertRowId();
    CAIRN_TRY(writeRelations(id, row));
    return id;
}

core::Status EntityRowWriter::update(qint64 id, const EntityRow &row)
{
    CAIRN_TRY(execEntity(m_update, row, id));
    m_dropRelations.reset();
    m_dropRelations.bind(":id", id);
    CAIRN_TRY(m_dropRelations.exec());
    return writeRelations(id, row);
}

core::Status EntityRowWriter::writeRelations(qint64 originId, const EntityRow &row)
{
    for (const core::StatedRelation &relation : row.relations) {
        if (m_holdBackward && core::relation::isBackward(relation.type))
            m_heldBackward.append({ originId, relation.type, relation.targetKey });
        else
            CAIRN_TRY(insertRelation(originId, relation.type, relation.targetKey));
    }
    return {};
}

core::Status EntityRowWriter::insertRelation(qint64 originId, const QString &type, const QString &targetKey)
{
    m_addRelation.reset();
    m_addRelation.bind(m_relationOrigin, originId);
    m_addRelation.bind(m_relationType, type);
    m_addRelation.bind(m_relationTarget, targetKey);
    return m_addRelation.exec();
}

core::Status EntityRowWriter::writeHeldBackward(const std::function<bool(const QString &)> &ours)
{
    // Half the relations of a Backstage catalog, which would cost a tenth of a first sync
    // and its index by target a third of the work after the last page, for nothing a
    // query does not read from the other end (CatalogQuery::relations, v_relations).
    for (const HeldBackward &relation : std::as_const(m_heldBackward)) {
        if (!ours(relation.targetKey))
            CAIRN_TRY(insertRelation(relation.originId, relation.type, relation.targetKey));
    }
    m_heldBackward.clear();
    return {};
}

core::Status EntityRowWriter::markRemoved(const QList<qint64> &ids)
{
    CAIRN_TRY_ASSIGN(
        Statement tombstone, m_db.prepare(QStringLiteral("UPDATE entities SET removed_at=:now WHERE id=:id")));
    CAIRN_TRY_ASSIGN(const int now, parameter(tombstone, ":now"));
    CAIRN_TRY_ASSIGN(const int idIndex, parameter(tombstone, ":id"));
    for (qint64 id : ids) {
        tombstone.reset();
        tombstone.bind(now, m_now);
        tombstone.bind(idIndex, id);
        CAIRN_TRY(tombstone.exec());
    }
    return {};
}

} // namespace cairn::cache
