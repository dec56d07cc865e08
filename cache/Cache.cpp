// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"

#include "cache/CacheLog.h"
#include "cache/CacheOwnership.h"
#include "cache/HealthStore.h"
#include "cache/Schema.h"
#include "cache/SqlTry.h"
#include "cache/Transaction.h"
#include "core/Clock.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace cairn::cache {

namespace {

// Why the file at `db` cannot be used as it is: a non-empty reason means damage.
// An error that is not damage (locked, permission denied, newer schema) is returned as such.
struct Inspection
{
    QString damage;
};

core::Result<Inspection> inspect(Database &db, Cache::IntegrityCheck when)
{
    // Another program's database is neither migrated nor, when damaged, moved aside.
    if (core::Status ours = CacheOwnership::checkDatabase(db); !ours)
        return ours.error();
    core::Result<int> version = db.userVersion();
    if (!version) {
        if (Database::isDamageCode(db.lastErrorCode()))
            return Inspection { db.lastErrorMessage() };
        return version.error();
    }
    if (*version > Schema::latestVersion())
        return Schema::newerSchemaError(db.path(), *version);
    if (when == Cache::IntegrityCheck::Deferred)
        return Inspection {};

    core::Result<Statement> check = db.prepare(QStringLiteral("PRAGMA quick_check"));
    if (!check) {
        if (Database::isDamageCode(db.lastErrorCode()))
            return Inspection { db.lastErrorMessage() };
        return check.error();
    }
    QStringList problems;
    for (;;) {
        core::Result<Statement::Step> step = check->step();
        if (!step) {
            if (Database::isDamageCode(db.lastErrorCode()))
                return Inspection { db.lastErrorMessage() };
            return step.error();
        }
        if (*step == Statement::Step::Done)
            break;
        const QString line = check->text(0);
        if (line != u"ok")
            problems.append(line);
    }
    return Inspection { problems.mid(0, 3).join(u"; ") };
}

// Moves `path` and its -wal/-shm aside; returns the new main file path.
core::Result<QString> moveAside(const QString &path)
{
    const QString stamp = core::clock::nowLocal().toString(QStringLiteral("yyyyMMddTHHmmss"));
    QString target = QStringLiteral("%1.damaged-%2").arg(path, stamp);
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = QStringLiteral("%1.damaged-%2-%3").arg(path, stamp).arg(n);
    if (!QFile::rename(path, target))
        return core::Error {
            QStringLiteral("The cache %1 is damaged and could not be moved aside to %2.").arg(path, target),
            core::ErrorKind::Corrupt
        };
    for (const QString &suffix : { QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        if (QFileInfo::exists(path + suffix) && !QFile::rename(path + suffix, target + suffix))
            qCWarning(cacheLog) << "could not move" << path + suffix << "aside to" << target + suffix;
    }
    return target;
}

// Brings a cache opened for writing up to this build: its schema, then its health, which a
// cache from before schema 6 lacks and which goes stale with the day or the scorecards.
core::Status prepareForWriting(Database &db, Cache::HealthAtOpen health = Cache::HealthAtOpen::CatchUp)
{
    // A migration that drops health (schema 8 made its table anew) is completed by the
    // catch-up inside the migration's transaction: in a transaction of its own, a kill in
    // between would leave the new schema without health. The window (HealthAtOpen::Later)
    // leaves the catch-up until after its first paint; the next open redoes it if it was
    // killed before.
    CAIRN_TRY(Schema::migrate(db, [&]() -> core::Status {
        if (health == Cache::HealthAtOpen::Later)
            return {};
        return HealthStore::ensureCurrent(db);
    }));
    if (health == Cache::HealthAtOpen::Later)
        return {};
    CAIRN_TRY_ASSIGN(Transaction tx, Transaction::begin(db));
    CAIRN_TRY(HealthStore::ensureCurrent(db));
    return tx.commit();
}

core::Result<Database> createFresh(const QString &path)
{
    core::Result<Database> db = Database::open(path, Database::Mode::ReadWriteCreate);
    if (!db)
        return db.error();
    if (core::Status s = db->configure(); !s)
        return s.error();
    if (core::Status s = prepareForWriting(*db); !s)
        return s.error();
    return std::move(db).value();
}

} // namespace

Cache::Cache(QString path, Database db)
    : m_path(std::move(path))
    , m_db(std::move(db))
{ }
Cache::~Cache() = default;

core::Result<bool> Cache::healthIsCurrent()
{
    const std::shared_ptr<const HealthPolicy> policy = HealthPolicy::installed();
    if (!policy)
        return true; // nothing to keep health with
    return HealthStore(m_db, *policy).isCurrent();
}

bool Cache::isInMemory() const
{
    return m_path == u":memory:" || m_path.isEmpty();
}

core::Status Cache::setAutoCheckpoint(bool on)
{
    // 1000 pages is SQLite's default.
    return m_db.exec(
        on ? QStringLiteral("PRAGMA wal_autocheckpoint=1000") : QStringLiteral("PRAGMA wal_autocheckpoint=0"));
}

core::Status Cache::checkpoint()
{
    if (isInMemory())
        return {};
    return m_db.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
}

void Cache::close()
{
    m_db.close();
}

QString Cache::defaultPath()
{
    QString fromEnv = qEnvironmentVariable("CAIRN_CACHE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/cache.sqlite3");
}

core::Result<std::unique_ptr<Cache>> Cache::open(const QString &path, IntegrityCheck check, HealthAtOpen health)
{
    const bool inMemory = path == u":memory:" || path.isEmpty();
    if (inMemory || !QFileInfo::exists(path)) {
        if (!inMemory)
            QDir().mkpath(QFileInfo(path).absolutePath());
        core::Result<Database> db = createFresh(path);
        if (!db)
            return db.error();
        return std::unique_ptr<Cache>(new Cache(path, std::move(db).value()));
    }

    // A file that is not a SQLite database at all is refused before SQLite opens it.
    if (core::Status ours = CacheOwnership::checkFile(path); !ours)
        return ours.error();
    // Inspect before configure(): switching to WAL writes the header, and a file we refuse
    // (another program's, a newer schema) must stay byte-for-byte as it was.
    core::Result<Database> db = Database::open(path, Database::Mode::ReadWrite);
    if (!db)
        return db.error();
    core::Result<Inspection> inspection = inspect(*db, check);
    if (!inspection)
        return inspection.error();

    QString damage = inspection->damage;
    if (damage.isEmpty()) {
        core::Status configured = db->configure();
        if (!configured && Database::isDamageCode(db->lastErrorCode()))
            damage = db->lastErrorMessage();
        else if (!configured)
            return configured.error();
    }
    if (damage.isEmpty()) {
        if (core::Status migrated = prepareForWriting(*db, health); !migrated)
            return migrated.error();
        return std::unique_ptr<Cache>(new Cache(path, std::move(db).value()));
    }

    db->close();
    return replaceDamaged(path, damage);
}

core::Result<std::unique_ptr<Cache>> Cache::replaceDamaged(const QString &path, const QString &damage)
{
    core::Result<QString> movedTo = moveAside(path);
    if (!movedTo)
        return movedTo.error();
    core::Result<Database> fresh = createFresh(path);
    if (!fresh)
        return fresh.error();
    std::unique_ptr<Cache> cache(new Cache(path, std::move(fresh).value()));
    cache->m_quarantinedPath = *movedTo;
    cache->m_damage = damage;
    cache->m_quarantineMessage
        = QStringLiteral("The cache %1 was damaged (%2). It was moved aside to %3 (nothing was deleted) and a "
                         "fresh, empty cache was created. Sync your sources again, or restore a snapshot.")
              .arg(path, damage, *movedTo);
    return cache;
}

core::Result<QString> Cache::findDamage(const QString &path)
{
    core::Result<Database> db = Database::open(path, Database::Mode::ReadOnly);
    if (!db)
        return db.error();
    core::Result<Inspection> inspection = inspect(*db, IntegrityCheck::AtOpen);
    if (!inspection)
        return inspection.error();
    return inspection->damage;
}

core::Result<std::unique_ptr<Cache>> Cache::openReadOnly(const QString &path)
{
    core::Result<Database> db = Database::open(path, Database::Mode::ReadOnly);
    if (!db)
        return db.error();
    // Before the first read: a writer's checkpoint locks the file for a moment, and a
    // reader opened right then must wait for it rather than fail.
    if (core::Status s = db->exec(QStringLiteral("PRAGMA busy_timeout=5000")); !s)
        return s.error();
    core::Result<int> version = db->userVersion();
    if (!version)
        return version.error();
    if (*version > Schema::latestVersion())
        return Schema::newerSchemaError(path, *version);
    if (*version < Schema::latestVersion())
        return core::Error { QStringLiteral("The cache %1 has schema %2, older than this Cairn's %3; open it for "
                                            "writing once to migrate it.")
                                 .arg(path)
                                 .arg(*version)
                                 .arg(Schema::latestVersion()) };
    return std::unique_ptr<Cache>(new Cache(path, std::move(db).value()));
}

} // namespace cairn::cache
