// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"

#include "app/ExitCode.h"

#include <QDir>
#include <QFileInfo>

namespace cairn::app {

CliContext::CliContext(QString cachePath, QTextStream &out, QTextStream &err)
    : m_cachePath(std::move(cachePath))
    , m_out(out)
    , m_err(err)
{ }

core::Result<cache::Cache *> CliContext::cache(cache::Cache::IntegrityCheck check)
{
    if (m_cache)
        return m_cache.get();
    // The default location's folder may not exist on a first run.
    const QFileInfo info(m_cachePath);
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
        if (opened.errorKind() == core::ErrorKind::NewerVersion)
            return core::Error { opened.errorString()
                    + QStringLiteral(" Upgrade Cairn or use another cache file with --cache."),
                opened.errorKind() };
        return opened.error();
    }
    m_cache = std::move(opened).value();
    if (!m_cache->quarantineMessage().isEmpty())
        m_err << "cairn: " << m_cache->quarantineMessage() << " `cairn snapshot list` shows the snapshots.\n";
    return m_cache.get();
}

int CliContext::fail(const QString &message)
{
    m_err << "cairn: " << message << "\n";
    m_err.flush();
    return ExitError;
}

} // namespace cairn::app
