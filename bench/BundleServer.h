// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QThread>

#include <memory>

namespace cairn::bench {

// A bundle on a web server, over loopback, served from a thread of its own as a real server
// would be (so that serving costs the measured threads nothing): every GET gets the NDJSON
// body with ETag "v<version>" — none when the path starts with /no-etag — and a request
// whose If-None-Match names the current ETag gets 304.
class BundleServer final
{
public:
    explicit BundleServer(QByteArray body);
    ~BundleServer();
    BundleServer(const BundleServer &) = delete;
    BundleServer &operator=(const BundleServer &) = delete;

    // Listens on 127.0.0.1 at a free port.
    bool start();
    // http://127.0.0.1:<port><path>
    QString url(const QString &path = QStringLiteral("/org.ndjson")) const;
    // The next requests get `body`, under a new ETag.
    void setBody(QByteArray body);

private:
    class Listener;
    std::unique_ptr<Listener> m_listener;
    QThread m_thread;
    quint16 m_port = 0;
};

} // namespace cairn::bench
