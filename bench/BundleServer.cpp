// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/BundleServer.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace cairn::bench {

class BundleServer::Listener final : public QTcpServer
{
public:
    explicit Listener(QByteArray body)
        : m_body(std::move(body))
    { }

    // On the server's thread.
    void setBody(QByteArray body)
    {
        m_body = std::move(body);
        ++m_version;
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer->left(end);
            buffer->remove(0, end + 4);
            const bool withEtag = !head.startsWith("GET /no-etag");
            const QByteArray etag = "\"v" + QByteArray::number(m_version) + '"';
            if (withEtag && head.contains("If-None-Match: " + etag)) {
                socket->write("HTTP/1.1 304 Not Modified\r\nETag: " + etag + "\r\nContent-Length: 0\r\n\r\n");
                return;
            }
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nContent-Length: "
                + QByteArray::number(m_body.size()) + "\r\n" + (withEtag ? "ETag: " + etag + "\r\n" : QByteArray())
                + "\r\n");
            socket->write(m_body);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    QByteArray m_body;
    int m_version = 1;
};

BundleServer::BundleServer(QByteArray body)
    : m_listener(std::make_unique<Listener>(std::move(body)))
{
    m_thread.setObjectName(QStringLiteral("bundle-server"));
}

BundleServer::~BundleServer()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(
            m_listener.get(),
            [this] {
                m_listener->close();
                // Its sockets are its children: they go with it, on its own thread.
                m_listener.reset();
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
}

bool BundleServer::start()
{
    m_listener->moveToThread(&m_thread);
    m_thread.start();
    bool listening = false;
    QMetaObject::invokeMethod(
        m_listener.get(),
        [&] {
            listening = m_listener->listen(QHostAddress::LocalHost, 0);
            m_port = m_listener->serverPort();
        },
        Qt::BlockingQueuedConnection);
    return listening;
}

QString BundleServer::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

void BundleServer::setBody(QByteArray body)
{
    QMetaObject::invokeMethod(
        m_listener.get(), [&] { m_listener->setBody(std::move(body)); }, Qt::BlockingQueuedConnection);
}

} // namespace cairn::bench
