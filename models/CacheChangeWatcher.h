// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace cairn::cache {
class Cache;
}

namespace cairn::models {

// Tells the UI thread that another connection committed to the cache: a `cairn sync` in a
// terminal or the in-process SyncWorker, each on its own connection. It polls
// PRAGMA data_version on the UI thread's read connection, which moves only when another
// connection commits, so the window's own reads never look like a change.
class CacheChangeWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheChangeWatcher)

public:
    // Watches `cache` (which must outlive the watcher) and starts polling.
    explicit CacheChangeWatcher(cache::Cache &cache, QObject *parent = nullptr);

    int interval() const { return m_timer.interval(); }
    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    bool isActive() const { return m_timer.isActive(); }

    // Reads data_version now; emits changed() and returns true when it moved since the
    // last read. A failed read is kept in lastError() and is not a change.
    bool checkNow();
    const QString &lastError() const { return m_lastError; }

Q_SIGNALS:
    void changed();

private:
    qint64 readVersion();

    cache::Cache &m_cache;
    QTimer m_timer;
    qint64 m_version = -1;
    QString m_lastError;
};

} // namespace cairn::models
