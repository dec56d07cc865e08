// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"

#include "app/ExitCode.h"
#include "cache/SnapshotStore.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace cairn::app {

CliContext::CliContext(QString cachePath, QTextStream &out, QTextStream &err)
    : m_cachePath(std::move(cachePath))
    , m_out(out)
    , m_err(err)
{ }

namespace {

// How to get the catalog back after a damaged cache was moved aside: the newest snapshot
// that is sound, by its id, else syncing again.
QString restoreAdvice(cache::Cache &fresh)
{
    const core::Result<std::optional<cache::SnapshotInfo>> newest = cache::SnapshotStore(fresh).newestSound();
    if (newest && newest->has_value())
        return QStringLiteral("To go back to the newest sound snapshot (%1, %2 live entities): `cairn snapshot "
                              "restore %3`.")
            .arg(QLocale::c().toString((*newest)->createdAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")))
            .arg((*newest)->liveEntities)
            .arg((*newest)->id);
    if (newest)
        return QStringLiteral("There is no sound snapshot to restore: `cairn sync` (or `cairn import`) fills the "
                              "fresh cache again.");
    return QStringLiteral("`cairn snapshot list` shows the snapshots; `cairn snapshot restore ID` restores one.");
}

} // namespace

core::Result<cache::Cache *> CliContext::cache(cache::Cache::IntegrityCheck check)
{
    if (m_cache)
        return m_cache.get();
    // The default location's folder may not exist on a first run.
    const QFileInfo info(m_cachePath);
    if (!m_mayCreateCacheFolder && !QFileInfo(info.absolutePath()).isDir())
        return core::Error { QStringLiteral("The folder %1 for the cache %2 does not exist. Create it, or choose "
                                            "another file with --cache.")
                                 .arg(QDir::toNativeSeparators(info.absolutePath()),
                                     QDir::toNativeSeparators(m_cachePath)),
            core::ErrorKind::InvalidInput };
    if (!QDir().mkpath(info.absolutePath()))
        return core::Error { QStringLiteral("Could not create the folder %1 for the cache. Check its permissions, "
                                            "or choose another file with --cache.")
                                 .arg(QDir::toNativeSeparators(info.absolutePath())) };
    core::Result<std::unique_ptr<cache::Cache>> opened = cache::Cache::open(m_cachePath, check);
    if (!opened) {
        // The cache layer states the fact; what to type about it is the command line's.
        if (opened.errorKind() == core::ErrorKind::ReadOnly)
            return core::Error { opened.errorString()
                    + QStringLiteral(" Check that the folder exists and is writable, or choose another file with "
                                     "--cache."),
                opened.errorKind() };
        if (opened.errorKind() == core::ErrorKind::Corrupt)
            return core::Error { opened.errorString()
                    + QStringLiteral(" Move it yourself or use another cache file with --cache."),
                opened.errorKind() };
        if (opened.errorKind() == core::ErrorKind::ForeignFile)
            return core::Error { opened.errorString()
                    + QStringLiteral(" Choose another file with --cache (or leave it out for the default cache)."),
                opened.errorKind() };
        if (opened.errorKind() == core::ErrorKind::NewerVersion)
            return core::Error { opened.errorString()
                    + QStringLiteral(" Upgrade Cairn or use another cache file with --cache."),
                opened.errorKind() };
        return opened.error();
    }
    m_cache = std::move(opened).value();
    if (!m_cache->quarantineMessage().isEmpty()) {
        // The command that found the damage fails: its answer would come from the fresh,
        // empty cache, and a script must not take that for success. The next command
        // works on the fresh cache.
        QString message = m_cache->quarantineMessage() + u' ' + restoreAdvice(*m_cache);
        m_cache.reset();
        return core::Error { std::move(message), core::ErrorKind::Corrupt };
    }
    return m_cache.get();
}

int CliContext::fail(const QString &message)
{
    m_err << "cairn: " << message << "\n";
    m_err.flush();
    return ExitError;
}

} // namespace cairn::app
