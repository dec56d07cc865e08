// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/Database.h"
#include "core/Result.h"

#include <QString>

#include <memory>

namespace cairn::cache {

// The local SQLite cache: one file, created and migrated at open, checked for damage.
//
// Threads: a Cache (its connection) belongs to the thread that opened it. The one writer
// (a sync or import on its worker) and each reader (the UI thread, a query worker) open
// their own Cache on the same file; WAL lets readers go on while the writer commits, and
// a reader sees the writer's run all at once when it commits.
class Cache
{
public:
    // Opens or creates the cache at `path` (":memory:" for a private in-memory cache) and
    // brings its schema up to date. A file written by a newer Cairn is refused and left
    // untouched. A damaged file (PRAGMA quick_check fails, or not a database) is moved
    // aside as `<name>.damaged-YYYYMMDDTHHMMSS` with its -wal/-shm, never deleted, and a
    // fresh cache is created in its place; quarantineMessage() then says so.
    //
    // With IntegrityCheck::Deferred the quick_check is left out (it reads every page: at
    // 100,000 entities it would stand between a person and the window); the caller runs
    // findDamage() right after, off its thread, and acts on the answer. A file that is
    // not a database at all is still found and moved aside here.
    enum class IntegrityCheck { AtOpen, Deferred };
    // The stored health is brought up to date at open when it was computed for other
    // scorecards or another day (HealthStore::ensureCurrent): at 100,000 entities a pass of
    // a second or two. With HealthAtOpen::Later the caller does it off its thread, by
    // opening the file again there (the window, right after its first paint).
    enum class HealthAtOpen { CatchUp, Later };
    static core::Result<std::unique_ptr<Cache>> open(const QString &path, IntegrityCheck check = IntegrityCheck::AtOpen,
        HealthAtOpen health = HealthAtOpen::CatchUp);
    // Whether the stored health is current for the installed scorecards and today.
    core::Result<bool> healthIsCurrent();

    // PRAGMA quick_check on a read-only connection of the calling thread's own: empty when
    // the file is sound, else what is wrong. An error when the check could not run.
    static core::Result<QString> findDamage(const QString &path);

    // What open() does with a damaged file, for a caller that found the damage itself
    // (findDamage() after a Deferred open): moves the file at `path` aside with its
    // -wal/-shm, never deleting it, and opens a fresh cache in its place, whose
    // quarantinedPath() and damage() say what happened. Every connection to the file must
    // be closed first (a rename under an open connection fails on Windows, and the
    // connection would go on with the moved file elsewhere).
    static core::Result<std::unique_ptr<Cache>> replaceDamaged(const QString &path, const QString &damage);

    // A read-only connection for a reader thread: no migration, no quarantine (the
    // writer's open does both); refused when the schema is not the one this build knows.
    static core::Result<std::unique_ptr<Cache>> openReadOnly(const QString &path);

    // $CAIRN_CACHE when set, else <AppDataLocation>/cache.sqlite3.
    static QString defaultPath();

    ~Cache();
    Cache(const Cache &) = delete;
    Cache &operator=(const Cache &) = delete;

    const QString &path() const { return m_path; }
    bool isInMemory() const;
    Database &database() { return m_db; }
    const Database &database() const { return m_db; }

    // Non-empty when open() found the file damaged and moved it aside.
    const QString &quarantineMessage() const { return m_quarantineMessage; }
    // Where the damaged file went; empty when nothing was quarantined.
    const QString &quarantinedPath() const { return m_quarantinedPath; }
    // What was wrong with it (SQLite's words); empty when nothing was quarantined.
    const QString &damage() const { return m_damage; }

    // WAL checkpoints (folding committed pages back into the file). SQLite runs one inside
    // the commit that takes the WAL past 1,000 pages: for a large sync, a quarter of its
    // write time spent before anyone sees the result. A connection that writes such runs
    // turns that off and calls checkpoint() once the result is delivered (SyncWorker after
    // each source; the command line when it closes the cache, which checkpoints too).
    core::Status setAutoCheckpoint(bool on);
    // PASSIVE: copies what no reader still needs, never waits for readers or blocks them.
    core::Status checkpoint();

    // Closes the connection (a checkpoint folds the WAL back into the file). Used before
    // a file-level operation; the Cache is unusable afterwards.
    void close();

private:
    Cache(QString path, Database db);

    QString m_path;
    Database m_db;
    QString m_quarantineMessage;
    QString m_quarantinedPath;
    QString m_damage;
};

} // namespace cairn::cache
