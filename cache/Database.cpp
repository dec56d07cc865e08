// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Database.h"

#include <sqlite3.h>
#include <utility>

namespace cairn::cache {

Database::~Database()
{
    close();
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
{ }

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

core::Result<Database> Database::open(const QString &path, Mode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX; // one connection per thread; no need for SQLite's mutex
    switch (mode) {
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    }
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(db);
        // Opening for writing fails when the file or its folder cannot be written.
        const core::ErrorKind kind
            = (rc & 0xff) == SQLITE_CANTOPEN && mode != Mode::ReadOnly ? core::ErrorKind::ReadOnly : kindOf(rc);
        return core::Error { QStringLiteral("Cannot open the cache file %1: %2.").arg(path, message), kind };
    }
    sqlite3_extended_result_codes(db, 1);
    // From the first statement on (the checks at open read the file before configure()):
    // a writer holding the file for a moment makes a statement wait, not fail.
    sqlite3_busy_timeout(db, DefaultBusyTimeoutMs);
    Database database;
    database.m_db = db;
    database.m_path = path;
    return database;
}

core::Status Database::configure(int busyTimeoutMs)
{
    sqlite3_busy_timeout(m_db, busyTimeoutMs);
    if (m_path != u":memory:" && !m_path.isEmpty()) {
        core::Result<QString> mode = queryText(QStringLiteral("PRAGMA journal_mode=WAL"));
        if (!mode)
            return mode.error();
    }
    // A 64 MB page cache keeps the relation and FTS B-trees of a 100k-entity run in memory;
    // with SQLite's 2 MB default a full sync thrashes.
    return exec(QStringLiteral("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; "
                               "PRAGMA temp_store=MEMORY;"));
}

void Database::close()
{
    if (m_db) {
        // sqlite3_close_v2 defers the close until every statement is finalized, so a
        // statement that outlives its Database cannot crash the program.
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

core::Error Database::error(const QString &doing) const
{
    if (QString busy = busyMessage(lastErrorCode(), m_path); !busy.isEmpty())
        return core::Error { std::move(busy), kindOf(lastErrorCode()) };
    return core::Error { QStringLiteral("SQLite error while %1 in %2: %3").arg(doing, m_path, lastErrorMessage()),
        kindOf(lastErrorCode()) };
}

QString Database::busyMessage(int code, const QString &path)
{
    const int primary = code & 0xff;
    if (primary != SQLITE_BUSY && primary != SQLITE_LOCKED)
        return {};
    return QStringLiteral("The cache %1 is in use: another program (another Cairn's sync or import, perhaps) is "
                          "writing to it and held it longer than Cairn waits. Try again when it has finished.")
        .arg(path);
}

core::Status Database::exec(const QString &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString text = message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(message);
        if (QString busy = busyMessage(rc, m_path); !busy.isEmpty())
            return core::Error { std::move(busy), kindOf(rc) };
        return core::Error { QStringLiteral("SQLite error while running \u201c%1\u201d in %2: %3")
                                 .arg(sql.simplified().left(200), m_path, text),
            kindOf(lastErrorCode()) };
    }
    return {};
}

core::Result<Statement> Database::prepare(const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc
        = sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return error(QStringLiteral("preparing \u201c%1\u201d").arg(sql.simplified().left(200)));
    return Statement(m_db, stmt);
}

core::Result<qint64> Database::queryInt(const QString &sql)
{
    core::Result<Statement> stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    core::Result<Statement::Step> step = stmt->step();
    if (!step)
        return step.error();
    return *step == Statement::Step::Row ? stmt->int64(0) : qint64(0);
}

core::Result<QString> Database::queryText(const QString &sql)
{
    core::Result<Statement> stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    core::Result<Statement::Step> step = stmt->step();
    if (!step)
        return step.error();
    return *step == Statement::Step::Row ? stmt->text(0) : QString();
}

core::Result<int> Database::userVersion()
{
    core::Result<qint64> v = queryInt(QStringLiteral("PRAGMA user_version"));
    if (!v)
        return v.error();
    return int(*v);
}

core::Status Database::setUserVersion(int version)
{
    return exec(QStringLiteral("PRAGMA user_version=%1").arg(version));
}

int Database::lastErrorCode() const
{
    return m_db ? sqlite3_extended_errcode(m_db) : SQLITE_MISUSE;
}
QString Database::lastErrorMessage() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("database not open");
}

bool Database::isDamageCode(int code)
{
    const int primary = code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

void Database::interrupt() const
{
    if (m_db)
        sqlite3_interrupt(m_db);
}

void Database::stopWhen(const std::atomic<bool> *flag)
{
    // Checked every few thousand virtual machine steps: microseconds apart.
    constexpr int Steps = 4000;
    auto stop = [](void *context) { return static_cast<const std::atomic<bool> *>(context)->load() ? 1 : 0; };
    sqlite3_progress_handler(m_db, flag ? Steps : 0, flag ? +stop : nullptr, const_cast<std::atomic<bool> *>(flag));
}

core::ErrorKind Database::kindOf(int code)
{
    switch (code & 0xff) {
    case SQLITE_FULL:
        return core::ErrorKind::StorageFull;
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return core::ErrorKind::ReadOnly;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return core::ErrorKind::Corrupt;
    case SQLITE_INTERRUPT:
        return core::ErrorKind::Cancelled;
    default:
        return core::ErrorKind::Other;
    }
}

qint64 Database::changes() const
{
    return sqlite3_changes64(m_db);
}
qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}
bool Database::inTransaction() const
{
    return m_db && !sqlite3_get_autocommit(m_db);
}

QString Database::sqliteVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}

} // namespace cairn::cache
