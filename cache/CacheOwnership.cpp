// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/CacheOwnership.h"

#include "cache/Database.h"
#include "cache/Schema.h"
#include "cache/SqlTry.h"

#include <QDir>
#include <QFile>
#include <QStringConverter>
#include <QStringList>

namespace cairn::cache::CacheOwnership {

namespace {

const QByteArray SqliteMagic("SQLite format 3\0", 16);

// The database header's big-endian 32-bit fields (https://sqlite.org/fileformat.html).
constexpr qsizetype UserVersionOffset = 60;
constexpr qsizetype ApplicationIdOffset = 68;
constexpr qsizetype HeaderSize = 100;

quint32 bigEndian32(const QByteArray &bytes, qsizetype at)
{
    return (quint32(quint8(bytes[at])) << 24) | (quint32(quint8(bytes[at + 1])) << 16)
        | (quint32(quint8(bytes[at + 2])) << 8) | quint32(quint8(bytes[at + 3]));
}

core::Error notCairns(const QString &path, const QString &seemsToBe)
{
    return core::Error { QStringLiteral("%1 is not a Cairn cache: it seems to be %2. It was left as it is.")
                             .arg(QDir::toNativeSeparators(path), seemsToBe),
        core::ErrorKind::ForeignFile };
}

// What a file that is not a SQLite database seems to be, from its first bytes: the common
// formats a mistyped path lands on, text with its first line, else "binary data".
QString describe(const QByteArray &head)
{
    struct Magic
    {
        QByteArray bytes;
        const char *what;
    };
    static const Magic magics[] = {
        { QByteArray("%PDF"), "a PDF document" },
        { QByteArray("PK\x03\x04"), "a ZIP archive (or a document stored as one: .docx, .xlsx, .odt)" },
        { QByteArray("\x1f\x8b"), "a gzip-compressed file" },
        { QByteArray("\x89PNG"), "a PNG image" },
        { QByteArray("\xff\xd8\xff"), "a JPEG image" },
        { QByteArray("\x7f"
                     "ELF"),
            "a program (ELF executable)" },
        { QByteArray("MZ"), "a Windows program" },
    };
    for (const Magic &magic : magics)
        if (head.startsWith(magic.bytes))
            return QString::fromLatin1(magic.what);
    auto decoder = QStringDecoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    // The head may end inside a character: judge it without its last 3 bytes.
    const QByteArray judged = head.size() > 3 ? head.chopped(3) : head;
    const QString text = decoder.decode(judged);
    if (!decoder.hasError() && !judged.contains('\0')) {
        QString firstLine = text.section(u'\n', 0, 0).trimmed();
        if (firstLine.size() > 60)
            firstLine = firstLine.left(60) + QStringLiteral("…");
        return firstLine.isEmpty() ? QStringLiteral("a text file")
                                   : QStringLiteral("a text file (it begins “%1”)").arg(firstLine);
    }
    return QStringLiteral("binary data of another kind");
}

// Judged from the header bytes alone, for a database too damaged for SQLite to read them.
core::Status checkHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return core::Error {
            QStringLiteral("Could not read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())
        };
    const QByteArray header = file.read(HeaderSize);
    if (header.size() < HeaderSize || !header.startsWith(SqliteMagic))
        return notCairns(path, QStringLiteral("a damaged SQLite database that does not say whose it is"));
    const quint32 applicationId = bigEndian32(header, ApplicationIdOffset);
    const quint32 userVersion = bigEndian32(header, UserVersionOffset);
    if (applicationId == quint32(ApplicationId) || (applicationId == 0 && userVersion >= 1))
        return {};
    return notCairns(path,
        applicationId != 0 ? QStringLiteral("another program's SQLite database (application id 0x%1), and damaged")
                                 .arg(applicationId, 8, 16, QLatin1Char('0'))
                           : QStringLiteral("a damaged SQLite database that does not say whose it is"));
}

} // namespace

core::Status checkFile(const QString &path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return {}; // nothing there to lose: SQLite makes an empty file a new database
    if (!file.open(QIODevice::ReadOnly))
        return {}; // SQLite's own open says why (permissions, a folder) in its words
    const QByteArray head = file.read(512);
    if (head.startsWith(SqliteMagic))
        return {};
    return notCairns(path, describe(head));
}

core::Status checkDatabase(Database &db)
{
    const auto damagedOr = [&db](core::Error error) -> core::Status {
        if (Database::isDamageCode(db.lastErrorCode()))
            return checkHeader(db.path());
        return error;
    };
    core::Result<qint64> applicationId = db.queryInt(QStringLiteral("PRAGMA application_id"));
    if (!applicationId)
        return damagedOr(applicationId.error());
    if (*applicationId == ApplicationId)
        return {};
    if (*applicationId != 0)
        return notCairns(db.path(),
            QStringLiteral("another program's SQLite database (application id 0x%1)")
                .arg(quint32(*applicationId), 8, 16, QLatin1Char('0')));

    core::Result<int> version = db.userVersion();
    if (!version)
        return damagedOr(version.error());
    core::Result<Statement> tables
        = db.prepare(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                    "'sqlite\\_%' ESCAPE '\\' ORDER BY name"));
    if (!tables)
        return damagedOr(tables.error());
    QStringList names;
    if (core::Status listed = forEachRow(*tables, [&names](const Statement &row) { names.append(row.text(0)); });
        !listed)
        return damagedOr(listed.error());
    if (names.isEmpty())
        return {}; // a blank database: nothing in it to take over
    if (*version >= 1 && names.contains(QStringLiteral("entities")))
        return {}; // a cache written before caches carried the application id
    const qsizetype shown = 5;
    QString list = names.mid(0, shown).join(QStringLiteral(", "));
    if (names.size() > shown)
        list += QStringLiteral(" and %1 more").arg(names.size() - shown);
    return notCairns(db.path(), QStringLiteral("another program's SQLite database (its tables: %1)").arg(list));
}

} // namespace cairn::cache::CacheOwnership
