// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/CacheVerifier.h"

#include "cache/ContentHash.h"
#include "cache/Database.h"
#include "cache/Schema.h"
#include "cache/SqlTry.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace cairn::cache::CacheVerifier {

namespace {

using SchemaObjects = QMap<QString, QString>;

// "table entities" → its columns in order, or "" for objects without columns. SQLite's
// own objects (sqlite_*) and the FTS index's shadow tables go with their owner.
core::Result<SchemaObjects> schemaObjects(Database &db)
{
    CAIRN_TRY_ASSIGN(Statement objects,
        db.prepare(QStringLiteral(
            "SELECT m.type, m.name, (SELECT group_concat(c.name, ', ') FROM pragma_table_info(m.name) c) "
            "FROM sqlite_master m WHERE m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.type, m.name")));
    SchemaObjects out;
    CAIRN_TRY(forEachRow(objects, [&out](const Statement &row) {
        out.insert(row.text(0) + u' ' + row.text(1), row.text(0) == u"table" ? row.text(2) : QString());
    }));
    return out;
}

} // namespace

core::Result<QStringList> schemaProblems(Database &db)
{
    CAIRN_TRY_ASSIGN(Database reference, Database::open(QStringLiteral(":memory:")));
    CAIRN_TRY(Schema::migrate(reference));
    CAIRN_TRY_ASSIGN(const SchemaObjects expected, schemaObjects(reference));
    CAIRN_TRY_ASSIGN(const SchemaObjects actual, schemaObjects(db));
    QStringList problems;
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        const auto found = actual.constFind(it.key());
        if (found == actual.constEnd())
            problems.append(QStringLiteral("%1 is missing").arg(it.key()));
        else if (found.value() != it.value())
            problems.append(
                QStringLiteral("%1 has the columns (%2), not (%3)").arg(it.key(), found.value(), it.value()));
    }
    return problems;
}

core::Result<QStringList> entityProblems(Database &db, int limit)
{
    CAIRN_TRY_ASSIGN(
        Statement rows, db.prepare(QStringLiteral("SELECT ref, kind, name, document, content_hash FROM entities")));
    QStringList problems;
    qint64 more = 0;
    CAIRN_TRY(forEachRow(rows, [&](const Statement &row) {
        QString problem;
        QJsonParseError error;
        const QByteArray text = row.utf8(3);
        const QJsonDocument document = QJsonDocument::fromJson(text, &error);
        if (!document.isObject()) {
            problem = error.error != QJsonParseError::NoError
                ? QStringLiteral("its document is not JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset)
                : QStringLiteral("its document is not a JSON object");
        } else {
            const QJsonObject object = document.object();
            const QString kind = object.value(QStringLiteral("kind")).toString();
            const QString name
                = object.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
            if (kind.compare(row.text(1), Qt::CaseInsensitive) != 0
                || name.compare(row.text(2), Qt::CaseInsensitive) != 0)
                problem = QStringLiteral("its document is of another entity (kind “%1”, name “%2”)").arg(kind, name);
        }
        // SQLite keeps no checksum of its pages: a flipped bit inside a text is found here,
        // by the fingerprint every row carries of its document.
        if (problem.isEmpty() && !ContentHash::matches(row.utf8(4), text))
            problem = QStringLiteral("its document is not the text that was stored (its fingerprint differs): the "
                                     "cache file was damaged");
        if (problem.isEmpty())
            return;
        if (problems.size() < limit)
            problems.append(QStringLiteral("entity %1: %2").arg(row.text(0), problem));
        else
            ++more;
    }));
    if (more > 0)
        problems.append(QStringLiteral("and %1 more entities like these").arg(more));
    return problems;
}

} // namespace cairn::cache::CacheVerifier
