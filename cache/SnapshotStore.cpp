// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/SnapshotStore.h"

#include "cache/Cache.h"
#include "cache/CacheLog.h"
#include "cache/HealthStore.h"
#include "cache/Schema.h"
#include "cache/SqlTry.h"
#include "cache/Transaction.h"
#include "core/Clock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <sqlite3.h>

namespace cairn::cache {

namespace {

const QString FileSuffix = QStringLiteral(".sqlite3");
const QString IdFormat = QStringLiteral("yyyyMMddTHHmmsszzz");

const QString ReasonSuffix = QStringLiteral(".json");
// 256 pages (1 MiB at SQLite's default page size) per step: small enough for a progress
// bar to move on a large cache, large enough that the steps cost nothing.
constexpr int PagesPerStep = 256;

// Copies every page of `from` into `to` with the SQLite backup API, which reads a
// consistent state of the source even while other connections write (a commit by another
// connection between two steps restarts the copy; the destination stays locked throughout).
core::Status backup(sqlite3 *to, sqlite3 *from, const QString &what, const std::function<void(int, int)> &pages)
{
    sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
    if (!b)
        return core::Error {
            QStringLiteral("Could not start %1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(to)))
        };
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(b, PagesPerStep);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
        else if (pages && (rc == SQLITE_OK || rc == SQLITE_DONE)) {
            const int total = sqlite3_backup_pagecount(b);
            pages(total - sqlite3_backup_remaining(b), total);
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE)
        return core::Error { QStringLiteral("Could not complete %1: %2 (%3)")
                                 .arg(what, QString::fromUtf8(sqlite3_errmsg(to)),
                                     QString::fromUtf8(sqlite3_errstr(rc))) };
    return {};
}

std::function<void(int, int)> pagesOf(const SnapshotStore::Progress &progress, SnapshotStore::Step step)
{
    if (!progress)
        return {};
    return [progress, step](int done, int total) { progress(step, done, total); };
}

// Written whole or not at all: a reader never sees half a reason.
core::Status writeReason(const QString &path, const SnapshotReason &reason)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return core::Error {
            QStringLiteral("Could not write why the snapshot was taken to %1: %2").arg(path, file.errorString())
        };
    file.write(QJsonDocument(reason.toJson()).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return core::Error {
            QStringLiteral("Could not write why the snapshot was taken to %1: %2").arg(path, file.errorString())
        };
    return {};
}

// A reason is a description: one that cannot be read leaves the snapshot usable, shown
// without its reason, and the trace says why.
SnapshotReason readReason(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(cacheLog) << "could not read the snapshot reason" << path << file.errorString();
        return {};
    }
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &error);
    if (!json.isObject()) {
        qCWarning(cacheLog) << "the snapshot reason" << path << "is not a JSON object:" << error.errorString();
        return {};
    }
    return SnapshotReason::fromJson(json.object());
}

// A copy in progress is written to `<id>.sqlite3.partial` and renamed when complete; one
// whose process was killed stays behind, as large as the cache. Any such file untouched for
// ten minutes is abandoned (a copy being written is touched page after page); a failure to
// delete one is only logged: it costs space, not data.
void removeAbandonedCopies(const QString &dir)
{
    // Files' times are the system's: compared with its clock, not Cairn's (which a test may set).
    const QDateTime abandonedBefore = QDateTime::currentDateTimeUtc().addSecs(-10 * 60);
    const QFileInfoList leftovers
        = QDir(dir).entryInfoList({ QStringLiteral("*.partial"), QStringLiteral("*.partial-journal"),
                                      QStringLiteral("*.partial-wal"), QStringLiteral("*.partial-shm") },
            QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : leftovers) {
        if (file.lastModified().toUTC() >= abandonedBefore)
            continue;
        if (QFile::remove(file.filePath()))
            qCInfo(cacheLog) << "removed an abandoned snapshot copy" << file.filePath();
        else
            qCWarning(cacheLog) << "could not remove the abandoned snapshot copy" << file.filePath();
    }
}

// Ids are times to the millisecond, and their order is the order snapshots were taken in:
// "the newest sound snapshot" is the last id. A clock that stands still or was set back
// (by hand, by a time server's step) must not give a new snapshot an id that is taken or
// sorts before an older one, so an id is never at or before the newest in the folder; its
// time is then a millisecond after that one's.
QString nextId(const QString &dir)
{
    QDateTime at = core::clock::nowUtc();
    const QStringList taken
        = QDir(dir).entryList({ QStringLiteral("*") + FileSuffix }, QDir::Files, QDir::Name | QDir::Reversed);
    for (const QString &name : taken) {
        QDateTime newest = QDateTime::fromString(name.chopped(FileSuffix.size()), IdFormat);
        if (!newest.isValid())
            continue; // not one of ours
        newest.setTimeSpec(Qt::UTC);
        if (at <= newest)
            at = newest.addMSecs(1);
        break;
    }
    return at.toString(IdFormat);
}

} // namespace

SnapshotStore::SnapshotStore(Cache &cache)
    : m_cache(cache)
{ }

QString SnapshotStore::folder() const
{
    return m_cache.path() + QStringLiteral(".snapshots");
}

core::Result<SnapshotInfo> SnapshotStore::create(const SnapshotReason &reason, const Progress &progress)
{
    if (m_cache.isInMemory())
        return core::Error { QStringLiteral("An in-memory cache has no file to snapshot.") };
    const QString dir = folder();
    if (!QDir().mkpath(dir))
        return core::Error { QStringLiteral("Could not create the snapshot folder %1; check permissions.").arg(dir) };

    const QString id = nextId(dir);
    removeAbandonedCopies(dir);
    const QString target = dir + u'/' + id + FileSuffix;
    const QString partial = target + QStringLiteral(".partial");
    const QString reasonPath = dir + u'/' + id + ReasonSuffix;
    QFile::remove(partial);

    {
        // A separate connection reads the last committed state, even while this cache's own
        // connection holds the write lock of a run about to apply removals.
        CAIRN_TRY_ASSIGN(Database source, Database::open(m_cache.path(), Database::Mode::ReadOnly));
        CAIRN_TRY_ASSIGN(Database dest, Database::open(partial, Database::Mode::ReadWriteCreate));
        CAIRN_TRY(backup(dest.handle(), source.handle(),
            QStringLiteral("the snapshot of %1 into %2").arg(m_cache.path(), partial),
            pagesOf(progress, Step::Snapshotting)));
        // A self-contained file (no -wal needed), readable read-only by anyone.
        CAIRN_TRY(dest.queryText(QStringLiteral("PRAGMA journal_mode=DELETE")));
    }
    // The reason first: a snapshot is listed as soon as it is in place, and then has it.
    if (core::Status written = writeReason(reasonPath, reason); !written) {
        QFile::remove(partial);
        return written.error();
    }
    if (!QFile::rename(partial, target)) {
        QFile::remove(reasonPath);
        return core::Error { QStringLiteral("Could not move the snapshot %1 into place as %2.").arg(partial, target) };
    }
    return info(id);
}

// What the file and its name say, without opening it.
core::Result<SnapshotInfo> SnapshotStore::fileInfo(const QString &id) const
{
    const QString path = folder() + u'/' + id + FileSuffix;
    const QFileInfo file(path);
    if (!file.exists())
        return core::Error { QStringLiteral("There is no snapshot %1 in %2.").arg(id, folder()),
            core::ErrorKind::NotFound };
    SnapshotInfo s;
    s.id = id;
    s.path = path;
    s.sizeBytes = file.size();
    s.createdAt = QDateTime::fromString(id, IdFormat);
    s.createdAt.setTimeSpec(Qt::UTC); // ids are written in UTC (QTimeZone::UTC is Qt 6.5)
    s.reason = readReason(folder() + u'/' + id + ReasonSuffix);
    return s;
}

core::Result<SnapshotInfo> SnapshotStore::info(const QString &id) const
{
    CAIRN_TRY_ASSIGN(SnapshotInfo s, fileInfo(id));
    CAIRN_TRY_ASSIGN(Database db, Database::open(s.path, Database::Mode::ReadOnly));
    CAIRN_TRY_ASSIGN(Statement q,
        db.prepare(QStringLiteral("SELECT kind, count(*) FROM entities WHERE removed_at IS NULL GROUP BY kind")));
    CAIRN_TRY(forEachRow(q, [&](const Statement &row) {
        const int n = row.int32(1);
        s.liveByKind.insert(row.text(0), n);
        s.liveEntities += n;
    }));
    return s;
}

core::Result<QList<SnapshotInfo>> SnapshotStore::list() const
{
    QDir dir(folder());
    QStringList names = dir.entryList({ QStringLiteral("*") + FileSuffix }, QDir::Files, QDir::Name | QDir::Reversed);
    QList<SnapshotInfo> out;
    for (const QString &name : std::as_const(names)) {
        const QString id = name.chopped(FileSuffix.size());
        core::Result<SnapshotInfo> s = info(id);
        if (s) {
            out.append(std::move(s).value());
            continue;
        }
        // One snapshot that cannot be read (damaged, locked) is listed as such, so the
        // others stay listed and restorable and old ones can still be pruned.
        core::Result<SnapshotInfo> unread = fileInfo(id);
        if (!unread && unread.errorKind() == core::ErrorKind::NotFound)
            continue; // removed since the folder was read
        if (!unread)
            return unread.error();
        unread->problem = s.errorString();
        out.append(std::move(unread).value());
    }
    return out;
}

core::Result<std::optional<SnapshotInfo>> SnapshotStore::newestSound() const
{
    const QDir dir(folder());
    const QStringList names
        = dir.entryList({ QStringLiteral("*") + FileSuffix }, QDir::Files, QDir::Name | QDir::Reversed);
    for (const QString &name : names) {
        const QString path = dir.filePath(name);
        // A snapshot that cannot be checked (damaged beyond opening, from a newer Cairn) is
        // passed over like a damaged one: the next older may still serve.
        const core::Result<QString> damage = Cache::findDamage(path);
        if (!damage || !damage->isEmpty()) {
            qCWarning(cacheLog) << "snapshot" << path << "passed over:" << (damage ? *damage : damage.errorString());
            continue;
        }
        const core::Result<SnapshotInfo> sound = info(name.chopped(FileSuffix.size()));
        if (!sound) {
            qCWarning(cacheLog) << "snapshot" << path << "passed over:" << sound.errorString();
            continue;
        }
        return std::optional<SnapshotInfo>(*sound);
    }
    return std::optional<SnapshotInfo>();
}

core::Result<QString> SnapshotStore::restore(const QString &id, const Progress &progress)
{
    CAIRN_TRY_ASSIGN(SnapshotInfo wanted, info(id));
    {
        CAIRN_TRY_ASSIGN(Database check, Database::open(wanted.path, Database::Mode::ReadOnly));
        CAIRN_TRY_ASSIGN(int version, check.userVersion());
        if (version > Schema::latestVersion())
            return Schema::newerSchemaError(wanted.path, version);
    }
    // The state being replaced is itself kept, so a restore can be undone.
    CAIRN_TRY_ASSIGN(SnapshotInfo before, create(SnapshotReason::beforeRestore(id), progress));
    {
        CAIRN_TRY_ASSIGN(Database source, Database::open(wanted.path, Database::Mode::ReadOnly));
        CAIRN_TRY(backup(m_cache.database().handle(), source.handle(),
            QStringLiteral("the restore of snapshot %1 into %2").arg(id, m_cache.path()),
            pagesOf(progress, Step::Restoring)));
    }
    // A snapshot from before schema 6, or from another day or other scorecards, has no
    // health or stale health: it comes back with health computed for it, in the migration's
    // transaction when it needs one.
    CAIRN_TRY(Schema::migrate(m_cache.database(), [&] { return HealthStore::ensureCurrent(m_cache.database()); }));
    {
        CAIRN_TRY_ASSIGN(Transaction tx, Transaction::begin(m_cache.database()));
        CAIRN_TRY(HealthStore::ensureCurrent(m_cache.database()));
        CAIRN_TRY(tx.commit());
    }
    return before.id;
}

core::Result<int> SnapshotStore::keepLast(int count)
{
    CAIRN_TRY_ASSIGN(QList<SnapshotInfo> all, list());
    int deleted = 0;
    for (qsizetype i = qMax(0, count); i < all.size(); ++i) {
        if (!QFile::remove(all.at(i).path))
            return core::Error { QStringLiteral("Could not delete the old snapshot %1.").arg(all.at(i).path) };
        ++deleted;
        // Its reason alone is a few bytes that describe nothing: not worth failing over.
        const QString reason = folder() + u'/' + all.at(i).id + ReasonSuffix;
        if (QFileInfo::exists(reason) && !QFile::remove(reason))
            qCWarning(cacheLog) << "could not delete the old snapshot reason" << reason;
    }
    return deleted;
}

} // namespace cairn::cache
