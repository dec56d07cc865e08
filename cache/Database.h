// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/Statement.h"
#include "core/Result.h"

#include <QString>

#include <atomic>

struct sqlite3;

namespace cairn::cache {

// One SQLite connection (the sqlite3 C API, no QtSql). Move-only, closed by the destructor.
// A connection belongs to one thread: each thread that reads the cache opens its own
// Database (WAL lets readers go on while the one writer commits).
class Database
{
public:
    enum class Mode { ReadWriteCreate, ReadWrite, ReadOnly };

    Database() = default;
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens `path` (":memory:" for a private in-memory database). Nothing is written yet:
    // settings that write (WAL) are applied by configure(), so a file Cairn must refuse
    // can be inspected and left byte-for-byte untouched.
    static core::Result<Database> open(const QString &path, Mode mode = Mode::ReadWriteCreate);

    // WAL journal, foreign keys on, busy timeout, synchronous=NORMAL (safe with WAL).
    core::Status configure(int busyTimeoutMs = DefaultBusyTimeoutMs);
    // How long a statement waits for another connection's write lock (set from open on).
    static constexpr int DefaultBusyTimeoutMs = 5000;
    // What SQLITE_BUSY / SQLITE_LOCKED ("database is locked") mean to a person: the cache
    // is in use by another writer. Empty for any other code.
    static QString busyMessage(int code, const QString &path);

    // The SQLite library this program runs with ("3.40.1"), for `cairn check` and About.
    static QString sqliteVersion();

    bool isOpen() const { return m_db != nullptr; }
    void close();
    const QString &path() const { return m_path; }

    // Runs one or more statements that return no rows.
    core::Status exec(const QString &sql);
    core::Result<Statement> prepare(const QString &sql);
    // The first column of the first row, for PRAGMAs and counts; NULL or no row gives 0.
    core::Result<qint64> queryInt(const QString &sql);
    core::Result<QString> queryText(const QString &sql);

    core::Result<int> userVersion();
    core::Status setUserVersion(int version);

    // The SQLite result code and message of the most recent failure on this connection.
    int lastErrorCode() const;
    QString lastErrorMessage() const;
    // True for codes that mean the file is not a sound database (SQLITE_CORRUPT, SQLITE_NOTADB).
    static bool isDamageCode(int code);
    // The kind of a failure with this (extended) SQLite result code: full, read-only, corrupt.
    static core::ErrorKind kindOf(int code);

    // Number of rows changed by the last INSERT/UPDATE/DELETE.
    qint64 changes() const;
    qint64 lastInsertRowId() const;
    bool inTransaction() const;
    // Makes the statement this connection is stepping fail with SQLITE_INTERRUPT; the only
    // call that may come from another thread (while the connection is open).
    void interrupt() const;
    // While `*flag` is true, every statement on this connection stops (SQLITE_INTERRUPT),
    // including one that starts after it was set, which interrupt() cannot reach. The flag
    // must outlive the connection; null removes the check.
    void stopWhen(const std::atomic<bool> *flag);

    sqlite3 *handle() const { return m_db; }

private:
    core::Error error(const QString &doing) const;

    sqlite3 *m_db = nullptr;
    QString m_path;
};

} // namespace cairn::cache
