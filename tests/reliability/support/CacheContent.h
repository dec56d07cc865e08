// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace cairn::reliability {

// What a cache file holds, read with SQLite alone (not through Cairn, whose open would
// migrate or repair it): every table's rows, each as text, sorted, and the schema version.
// Two files with equal contents hold the same catalog, run log, health and search index.
struct CacheContent
{
    int userVersion = 0;
    QMap<QString, QStringList> tables;

    bool operator==(const CacheContent &) const = default;
    // The first difference, for a failure message: which table, which row.
    QString differenceFrom(const CacheContent &other) const;
    qsizetype rowCount() const;
};

// Reads `path` (with its -wal, as SQLite recovers it). Empty error text when it could.
struct ContentRead
{
    CacheContent content;
    QString error;
};
ContentRead readContent(const QString &path);

// readContent(path).content, the error (if any) said as a warning.
CacheContent contentOf(const QString &path);

// A cache and the snapshots beside it, by file name (copies cut short, `*.partial`, are
// not snapshots).
struct CacheState
{
    CacheContent cache;
    QMap<QString, CacheContent> snapshots;

    bool operator==(const CacheState &) const = default;
};
CacheState stateOf(const QString &cachePath);

// A cache and its snapshot folder, copied whole (a restore needs the snapshot beside it);
// what was at `to` is replaced.
bool copyCache(const QString &from, const QString &to);

// PRAGMA integrity_check's lines: {"ok"} for a sound file.
QStringList integrityCheck(const QString &path);

// Sets PRAGMA user_version: a cache as an older Cairn left it, for its migration.
bool setUserVersion(const QString &path, int version);

} // namespace cairn::reliability
