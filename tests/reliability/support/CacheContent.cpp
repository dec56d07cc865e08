// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/CacheContent.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <memory>
#include <sqlite3.h>

namespace cairn::reliability {

namespace {

struct CloseDatabase
{
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
struct FinalizeStatement
{
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};
using Connection = std::unique_ptr<sqlite3, CloseDatabase>;
using Query = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

Connection connect(const QString &path, QString &error)
{
    sqlite3 *raw = nullptr;
    // Read-write: a file in WAL mode needs its -shm rebuilt to be read after a crash.
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    Connection db(raw);
    if (rc != SQLITE_OK)
        error = QStringLiteral("cannot open %1: %2").arg(path, QString::fromUtf8(sqlite3_errstr(rc)));
    else
        sqlite3_busy_timeout(raw, 5000);
    return db;
}

Query prepare(sqlite3 *db, const QString &sql, QString &error)
{
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &raw, nullptr) != SQLITE_OK)
        error = QStringLiteral("%1: %2").arg(sql, QString::fromUtf8(sqlite3_errmsg(db)));
    return Query(raw);
}

QString columnText(sqlite3_stmt *row, int column)
{
    switch (sqlite3_column_type(row, column)) {
    case SQLITE_NULL:
        return QStringLiteral("NULL");
    case SQLITE_INTEGER:
        return QString::number(sqlite3_column_int64(row, column));
    case SQLITE_FLOAT:
        return QString::number(sqlite3_column_double(row, column), 'g', 17);
    case SQLITE_BLOB: {
        const auto *bytes = static_cast<const char *>(sqlite3_column_blob(row, column));
        return QStringLiteral("x'%1'").arg(
            QString::fromLatin1(QByteArray(bytes, sqlite3_column_bytes(row, column)).toHex()));
    }
    default:
        return QLatin1Char('\'')
            + QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(row, column)), sqlite3_column_bytes(row, column))
            + QLatin1Char('\'');
    }
}

} // namespace

QString CacheContent::differenceFrom(const CacheContent &other) const
{
    if (userVersion != other.userVersion)
        return QStringLiteral("schema %1, not %2").arg(userVersion).arg(other.userVersion);
    for (auto it = tables.cbegin(); it != tables.cend(); ++it) {
        if (!other.tables.contains(it.key()))
            return QStringLiteral("table %1 is not in the other").arg(it.key());
        const QStringList &mine = it.value();
        const QStringList &theirs = other.tables.value(it.key());
        if (mine == theirs)
            continue;
        for (qsizetype i = 0; i < std::min(mine.size(), theirs.size()); ++i) {
            if (mine.at(i) != theirs.at(i))
                return QStringLiteral("table %1, row %2: %3 / %4")
                    .arg(it.key())
                    .arg(i)
                    .arg(mine.at(i).left(200), theirs.at(i).left(200));
        }
        return QStringLiteral("table %1: %2 rows, not %3").arg(it.key()).arg(mine.size()).arg(theirs.size());
    }
    for (auto it = other.tables.cbegin(); it != other.tables.cend(); ++it) {
        if (!tables.contains(it.key()))
            return QStringLiteral("table %1 is only in the other").arg(it.key());
    }
    return {};
}

qsizetype CacheContent::rowCount() const
{
    qsizetype n = 0;
    for (const QStringList &rows : tables)
        n += rows.size();
    return n;
}

ContentRead readContent(const QString &path)
{
    ContentRead read;
    Connection db = connect(path, read.error);
    if (!read.error.isEmpty())
        return read;
    Query version = prepare(db.get(), QStringLiteral("PRAGMA user_version"), read.error);
    if (!read.error.isEmpty())
        return read;
    if (sqlite3_step(version.get()) == SQLITE_ROW)
        read.content.userVersion = sqlite3_column_int(version.get(), 0);
    // Real tables only: a full-text index's own tables hold its rows; the virtual table
    // reads them again. sqlite_sequence and sqlite_stat1 are SQLite's bookkeeping.
    Query tables = prepare(db.get(),
        QStringLiteral("SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                       "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"),
        read.error);
    if (!read.error.isEmpty())
        return read;
    QStringList names;
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(tables.get())) == SQLITE_ROW)
        names.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(tables.get(), 0))));
    if (rc != SQLITE_DONE) {
        read.error = QString::fromUtf8(sqlite3_errmsg(db.get()));
        return read;
    }
    for (const QString &name : std::as_const(names)) {
        Query rows = prepare(db.get(), QStringLiteral("SELECT * FROM \"%1\"").arg(name), read.error);
        if (!read.error.isEmpty())
            return read;
        QStringList out;
        const int columns = sqlite3_column_count(rows.get());
        while ((rc = sqlite3_step(rows.get())) == SQLITE_ROW) {
            QStringList values;
            values.reserve(columns);
            for (int c = 0; c < columns; ++c)
                values.append(columnText(rows.get(), c));
            out.append(values.join(u'|'));
        }
        if (rc != SQLITE_DONE) {
            read.error = QStringLiteral("reading %1: %2").arg(name, QString::fromUtf8(sqlite3_errmsg(db.get())));
            return read;
        }
        out.sort();
        read.content.tables.insert(name, out);
    }
    return read;
}

CacheContent contentOf(const QString &path)
{
    const ContentRead read = readContent(path);
    if (!read.error.isEmpty())
        qWarning("%s", qPrintable(read.error));
    return read.content;
}

CacheState stateOf(const QString &cachePath)
{
    CacheState state { contentOf(cachePath), {} };
    const QDir folder(cachePath + QStringLiteral(".snapshots"));
    for (const QString &name : folder.entryList({ QStringLiteral("*.sqlite3") }, QDir::Files))
        state.snapshots.insert(name, contentOf(folder.filePath(name)));
    return state;
}

bool copyCache(const QString &from, const QString &to)
{
    const auto copyFile = [](const QString &source, const QString &target) {
        QFile::remove(target);
        return QFile::copy(source, target);
    };
    QFile::remove(to + QStringLiteral("-wal"));
    QFile::remove(to + QStringLiteral("-shm"));
    if (!copyFile(from, to))
        return false;
    QDir(to + QStringLiteral(".snapshots")).removeRecursively();
    const QDir snapshots(from + QStringLiteral(".snapshots"));
    if (!snapshots.exists())
        return true;
    if (!QDir().mkpath(to + QStringLiteral(".snapshots")))
        return false;
    const QStringList files = snapshots.entryList(QDir::Files);
    return std::all_of(files.cbegin(), files.cend(), [&](const QString &name) {
        return copyFile(snapshots.filePath(name), to + QStringLiteral(".snapshots/") + name);
    });
}

QStringList integrityCheck(const QString &path)
{
    QString error;
    Connection db = connect(path, error);
    if (!error.isEmpty())
        return { error };
    Query check = prepare(db.get(), QStringLiteral("PRAGMA integrity_check"), error);
    if (!error.isEmpty())
        return { error };
    QStringList lines;
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(check.get())) == SQLITE_ROW)
        lines.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(check.get(), 0))));
    if (rc != SQLITE_DONE)
        lines.append(QString::fromUtf8(sqlite3_errmsg(db.get())));
    return lines;
}

bool setUserVersion(const QString &path, int version)
{
    QString error;
    Connection db = connect(path, error);
    return error.isEmpty()
        && sqlite3_exec(db.get(), QStringLiteral("PRAGMA user_version=%1").arg(version).toUtf8().constData(), nullptr,
               nullptr, nullptr)
        == SQLITE_OK;
}

} // namespace cairn::reliability
