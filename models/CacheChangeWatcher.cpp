// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/CacheChangeWatcher.h"

#include "cache/Cache.h"

namespace cairn::models {

CacheChangeWatcher::CacheChangeWatcher(cache::Cache &cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
{
    m_version = readVersion();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &CacheChangeWatcher::checkNow);
    m_timer.start();
}

qint64 CacheChangeWatcher::readVersion()
{
    core::Result<qint64> version = m_cache.database().queryInt(QStringLiteral("PRAGMA data_version"));
    if (!version) {
        m_lastError = version.errorString();
        return -1;
    }
    m_lastError.clear();
    return *version;
}

bool CacheChangeWatcher::checkNow()
{
    const qint64 version = readVersion();
    if (version < 0)
        return false;
    // After a failed read the next good one counts as a change: a refresh too many is
    // harmless, a missed one leaves the window showing old data.
    const bool moved = version != m_version;
    m_version = version;
    if (moved)
        Q_EMIT changed();
    return moved;
}

} // namespace cairn::models
