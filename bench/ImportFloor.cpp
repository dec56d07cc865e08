// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/ImportFloor.h"

#include "cache/EntityRow.h"

#include <QElapsedTimer>
#include <QHash>

#include <algorithm>
#include <cstdio>
#include <sqlite3.h>

namespace cairn::bench {

namespace {

QByteArray utf8OrNull(const QString &text)
{
    return text.isEmpty() ? QByteArray() : text.toUtf8();
}

bool exec(sqlite3 *db, const char *sql)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK)
        return true;
    std::fprintf(stderr, "import floor: %s: %s\n", sql, sqlite3_errmsg(db));
    return false;
}

sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK)
        std::fprintf(stderr, "import floor: %s: %s\n", sql, sqlite3_errmsg(db));
    return s;
}

bool step(sqlite3 *db, sqlite3_stmt *s)
{
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc == SQLITE_DONE)
        return true;
    std::fprintf(stderr, "import floor: %s: %s\n", sqlite3_sql(s), sqlite3_errmsg(db));
    return false;
}

void bindText(sqlite3_stmt *s, int index, const QByteArray &text)
{
    if (text.isNull())
        sqlite3_bind_null(s, index);
    else
        sqlite3_bind_text(s, index, text.constData(), int(text.size()), SQLITE_STATIC);
}

} // namespace

ImportFloor::ImportFloor(const QList<core::Entity> &entities)
{
    QList<cache::EntityRow> rows;
    rows.reserve(entities.size());
    QHash<QString, QString> displayNames;
    for (const core::Entity &entity : entities) {
        rows.append(cache::EntityRow::from(entity));
        displayNames.insert(rows.constLast().ref.key(), rows.constLast().displayName);
    }
    m_rows.reserve(rows.size());
    for (const cache::EntityRow &r : std::as_const(rows)) {
        Row f;
        f.key = r.ref.key().toUtf8();
        f.ref = r.ref.toString().toUtf8();
        f.kind = r.kind.toUtf8();
        f.ns = r.ref.ns().toUtf8();
        f.name = r.ref.name().toUtf8();
        f.title = utf8OrNull(r.title);
        f.displayName = r.displayName.toUtf8();
        f.ownerKey = utf8OrNull(r.ownerKey);
        f.type = utf8OrNull(r.type);
        f.lifecycle = utf8OrNull(r.lifecycle);
        f.status = utf8OrNull(r.status);
        f.document = r.document;
        f.contentHash = r.contentHash;
        f.uid = utf8OrNull(r.uid);
        f.etag = utf8OrNull(r.etag);
        f.matchName = r.matchName.toUtf8();
        f.matchTitle = utf8OrNull(r.matchTitle);
        f.lastUpdate = utf8OrNull(r.lastUpdate);
        f.slips = r.slips;
        f.ftsTitle = r.displayName == r.ref.name() ? QByteArray("") : r.displayName.toUtf8();
        f.description = r.description.toUtf8();
        f.tags = r.tagsText.toUtf8();
        f.ownerName = displayNames.value(r.ownerKey).toUtf8();
        for (const core::StatedRelation &x : r.relations)
            f.relations.append({ x.type.toUtf8(), x.targetKey.toUtf8() });
        m_rows.append(std::move(f));
    }
}

qint64 ImportFloor::insertInto(sqlite3 *db, Method method) const
{
    QElapsedTimer timer;
    timer.start();
    if (!exec(db, "BEGIN IMMEDIATE"))
        return -1;
    QList<QByteArray> rebuild; // CREATE INDEX statements of the indexes dropped
    if (method == Method::Bulk) {
        sqlite3_stmt *list = prepare(db,
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN ('entities', 'relations')");
        QList<QByteArray> names;
        while (list && sqlite3_step(list) == SQLITE_ROW) {
            names.append(reinterpret_cast<const char *>(sqlite3_column_text(list, 0)));
            rebuild.append(reinterpret_cast<const char *>(sqlite3_column_text(list, 1)));
        }
        sqlite3_finalize(list);
        for (const QByteArray &name : std::as_const(names)) {
            if (!exec(db, ("DROP INDEX \"" + name + '"').constData()))
                return -1;
        }
    }
    if (!exec(db,
            "INSERT INTO sources(name, kind, location, position, created_at) "
            "VALUES('synthetic', 'files', '/bench', 1, '2026-01-01T00:00:00.000Z')"))
        return -1;
    sqlite3_stmt *entity = prepare(db,
        "INSERT INTO entities(key, ref, kind, namespace, name, title, display_name, owner_key, type, lifecycle, "
        "status, source_id, document, content_hash, uid, etag, first_seen, updated_at, match_name, match_title, "
        "last_update, slips) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1, ?12, ?13, ?14, ?15, ?16, ?16, ?17, ?18, ?19, ?20)");
    sqlite3_stmt *relation = prepare(db, "INSERT INTO relations(origin_id, type, target_key) VALUES(?1, ?2, ?3)");
    sqlite3_stmt *fts = prepare(db,
        "INSERT INTO entities_fts(rowid, name, title, description, tags, owner_name) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    sqlite3_stmt *log = prepare(db,
        method == Method::Bulk
            ? "INSERT INTO sync_run_entities(run_id, entity_key, change) SELECT 1, value, 'added' FROM json_each(?1)"
            : "INSERT INTO sync_run_entities(run_id, entity_key, change) VALUES(1, ?1, 'added')");
    bool ok = entity && relation && fts && log
        && exec(db,
            "INSERT INTO sync_runs(id, source_id, source_name, operation, started_at, finished_at, status) "
            "VALUES(1, 1, 'synthetic', 'sync', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'ok')");
    const QByteArray now("2026-01-01T00:00:00.000Z");
    for (qsizetype i = 0; ok && i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        const QByteArray *columns[] = { &r.key, &r.ref, &r.kind, &r.ns, &r.name, &r.title, &r.displayName, &r.ownerKey,
            &r.type, &r.lifecycle, &r.status, &r.document, &r.contentHash, &r.uid, &r.etag, &now, &r.matchName,
            &r.matchTitle, &r.lastUpdate };
        for (int c = 0; c < 19; ++c)
            bindText(entity, c + 1, *columns[c]);
        if (r.slips)
            sqlite3_bind_int(entity, 20, *r.slips);
        else
            sqlite3_bind_null(entity, 20);
        ok = step(db, entity);
        const sqlite3_int64 id = sqlite3_last_insert_rowid(db);
        for (const Row::Relation &x : r.relations) {
            sqlite3_bind_int64(relation, 1, id);
            bindText(relation, 2, x.type);
            bindText(relation, 3, x.target);
            ok = ok && step(db, relation);
        }
        sqlite3_bind_int64(fts, 1, id);
        bindText(fts, 2, r.name);
        bindText(fts, 3, r.ftsTitle);
        bindText(fts, 4, r.description);
        bindText(fts, 5, r.tags);
        bindText(fts, 6, r.ownerName);
        ok = ok && step(db, fts);
        if (method == Method::RowByRow) {
            bindText(log, 1, r.key);
            ok = ok && step(db, log);
        }
    }
    if (ok && method == Method::Bulk) {
        QList<QByteArray> keys;
        keys.reserve(m_rows.size());
        for (const Row &r : m_rows)
            keys.append(r.key);
        std::sort(keys.begin(), keys.end());
        QByteArray json = "[";
        for (const QByteArray &key : std::as_const(keys))
            json += (json.size() > 1 ? ",\"" : "\"") + key + '"'; // keys hold no quote or backslash
        json += ']';
        bindText(log, 1, json);
        ok = step(db, log);
    }
    for (sqlite3_stmt *s : { entity, relation, fts, log })
        sqlite3_finalize(s); // null is a no-op
    for (const QByteArray &create : std::as_const(rebuild))
        ok = ok && exec(db, create.constData());
    if (!ok || !exec(db, "COMMIT"))
        return -1;
    return timer.elapsed();
}

} // namespace cairn::bench
