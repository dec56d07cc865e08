// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/SearchIndexer.h"

#include "cache/Database.h"
#include "cache/SqlTry.h"

namespace cairn::cache {

SearchIndexer::SearchIndexer(Database &db, const QHash<QString, QString> &deliveredNames)
    : m_db(db)
    , m_deliveredNames(deliveredNames)
{ }

core::Status SearchIndexer::prepare()
{
    CAIRN_TRY_ASSIGN(m_drop, m_db.prepare(QStringLiteral("DELETE FROM entities_fts WHERE rowid=:id")));
    CAIRN_TRY_ASSIGN(m_add,
        m_db.prepare(QStringLiteral("INSERT INTO entities_fts(rowid, name, title, description, tags, owner_name) "
                                    "VALUES(:id, :name, :title, :description, :tags, :owner_name)")));
    return {};
}

core::Status SearchIndexer::add(qint64 id, const EntityRow &row, bool replaced)
{
    if (replaced) {
        m_drop.reset();
        m_drop.bind(":id", id);
        CAIRN_TRY(m_drop.exec());
    }
    m_indexed.insert(id);
    Pending pending { id, row.ref.name(), row.displayName == row.ref.name() ? QString() : row.displayName,
        row.description, row.tagsText, row.ownerKey };
    if (pending.ownerKey.isEmpty())
        return insert(pending, QString());
    if (const auto owner = m_deliveredNames.constFind(pending.ownerKey); owner != m_deliveredNames.constEnd())
        return insert(pending, *owner);
    m_waiting.append(std::move(pending));
    return {};
}

core::Status SearchIndexer::ownerVisible(const QString &key)
{
    // What this run writes has the new name already, so only owners that rows from before
    // the run name need re-indexing: on a first import, none.
    if (!m_ownerKeysRead)
        CAIRN_TRY(readOwnerKeysBefore());
    if (m_ownerKeysBefore.contains(key))
        m_renamedOwners.append(key);
    return {};
}

core::Status SearchIndexer::readOwnerKeysBefore()
{
    // Read when the first owner appears, before its row is written; owner keys an earlier
    // part of this run wrote may be among them, which only costs reindexOwned() a query
    // that finds nothing to re-index (this run's rows are in m_indexed).
    m_ownerKeysRead = true;
    CAIRN_TRY_ASSIGN(Statement owners,
        m_db.prepare(QStringLiteral("SELECT DISTINCT owner_key FROM entities WHERE owner_key IS NOT NULL")));
    return forEachRow(owners, [this](const Statement &row) { m_ownerKeysBefore.insert(row.text(0)); });
}

core::Status SearchIndexer::writeWaiting(Waiting which)
{
    QList<Pending> still;
    for (Pending &row : m_waiting) {
        if (which == Waiting::Delivered && !m_deliveredNames.contains(row.ownerKey)) {
            still.append(std::move(row));
            continue;
        }
        CAIRN_TRY_ASSIGN(const QString owner, ownerName(row.ownerKey));
        CAIRN_TRY(insert(row, owner));
    }
    m_waiting = std::move(still);
    return {};
}

core::Status SearchIndexer::insert(const Pending &row, const QString &ownerName)
{
    m_add.reset();
    m_add.bind(":id", row.id);
    m_add.bind(":name", row.name);
    m_add.bind(":title", QStringView(row.title).left(kIndexedChars));
    m_add.bind(":description", QStringView(row.description).left(kIndexedChars));
    m_add.bind(":tags", QStringView(row.tags).left(kIndexedChars));
    m_add.bind(":owner_name", ownerName);
    return m_add.exec();
}

core::Result<QString> SearchIndexer::ownerName(const QString &ownerKey)
{
    if (ownerKey.isEmpty())
        return QString();
    if (auto it = m_deliveredNames.constFind(ownerKey); it != m_deliveredNames.constEnd())
        return *it;
    if (auto it = m_ownerNames.constFind(ownerKey); it != m_ownerNames.constEnd())
        return *it;
    CAIRN_TRY_ASSIGN(Statement find, m_db.prepare(QStringLiteral("SELECT display_name FROM entities WHERE key=:key")));
    find.bind(":key", ownerKey);
    CAIRN_TRY_ASSIGN(Statement::Step step, find.step());
    const QString name = step == Statement::Step::Row ? find.text(0) : QString();
    m_ownerNames.insert(ownerKey, name);
    return name;
}

core::Status SearchIndexer::reindexOwned()
{
    if (m_renamedOwners.isEmpty())
        return {};
    CAIRN_TRY_ASSIGN(Statement owned, m_db.prepare(QStringLiteral("SELECT id FROM entities WHERE owner_key=:key")));
    CAIRN_TRY_ASSIGN(Statement reindex,
        m_db.prepare(QStringLiteral(
            "INSERT INTO entities_fts(rowid, name, title, description, tags, owner_name) "
            "SELECT id, name, substr(CASE WHEN display_name = name THEN '' ELSE display_name END, 1, :chars), "
            "substr(coalesce(json_extract(document, '$.metadata.description'), ''), 1, :chars), "
            "substr(coalesce((SELECT group_concat(value, ' ') FROM json_each(document, '$.metadata.tags')), ''), 1, "
            ":chars), :owner_name FROM entities WHERE id=:id")));
    for (const QString &ownerKey : std::as_const(m_renamedOwners)) {
        owned.reset();
        owned.bind(":key", ownerKey);
        QList<qint64> ids;
        CAIRN_TRY(forEachRow(owned, [&](const Statement &row) {
            if (const qint64 id = row.int64(0); !m_indexed.contains(id))
                ids.append(id);
        }));
        const QString name = m_deliveredNames.value(ownerKey);
        for (qint64 id : std::as_const(ids)) {
            m_drop.reset();
            m_drop.bind(":id", id);
            CAIRN_TRY(m_drop.exec());
            reindex.reset();
            reindex.bind(":id", id);
            reindex.bind(":owner_name", name);
            reindex.bind(":chars", qint64(kIndexedChars));
            CAIRN_TRY(reindex.exec());
        }
    }
    return {};
}

} // namespace cairn::cache
