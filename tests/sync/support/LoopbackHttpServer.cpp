// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/LoopbackHttpServer.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>

#include <array>
#include <memory>

namespace cairn::sync::test {

namespace {

QByteArray readFixture(const QString &name)
{
    QFile file(LoopbackHttpServer::tlsDir() + u'/' + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

quint32 crc32(const QByteArray &data)
{
    static const auto table = [] {
        std::array<quint32, 256> t {};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (char ch : data)
        crc = table[(crc ^ quint8(ch)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

void appendLe32(QByteArray &out, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        out.append(char((value >> (8 * i)) & 0xFF));
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

LoopbackHttpServer::LoopbackHttpServer(QObject *parent)
    : QTcpServer(parent)
{ }

QString LoopbackHttpServer::tlsDir()
{
    return QStringLiteral(CAIRN_TEST_DATA_DIR "/tls");
}

QByteArray LoopbackHttpServer::certificatePem()
{
    return readFixture(QStringLiteral("cert.pem"));
}

bool LoopbackHttpServer::start(const QHostAddress &address, bool tls)
{
    m_tls = tls;
    return listen(address, 0);
}

QUrl LoopbackHttpServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("%1://%2:%3%4")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), serverAddress().toString())
                    .arg(serverPort())
                    .arg(pathAndQuery));
}

QByteArray LoopbackHttpServer::gzip(const QByteArray &data)
{
    const QByteArray zlib = qCompress(data, 9);
    // qCompress: 4-byte length, 2-byte zlib header, raw deflate, 4-byte Adler-32.
    const QByteArray deflate = zlib.mid(6, zlib.size() - 10);
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    out += deflate;
    appendLe32(out, crc32(data));
    appendLe32(out, quint32(data.size()));
    return out;
}

void LoopbackHttpServer::incomingConnection(qintptr descriptor)
{
    ++m_connections;
    QTcpSocket *socket = nullptr;
    if (m_tls) {
        auto *ssl = new QSslSocket(this);
        ssl->setSocketDescriptor(descriptor);
        ssl->setLocalCertificate(QSslCertificate(certificatePem()));
        ssl->setPrivateKey(QSslKey(readFixture(QStringLiteral("key.pem")), QSsl::Rsa));
        ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
        ssl->startServerEncryption();
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
    }
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] { serve(socket, buffer); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

void LoopbackHttpServer::serve(QTcpSocket *socket, const std::shared_ptr<QByteArray> &buffer)
{
    *buffer += socket->readAll();
    const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    RecordedRequest request;
    const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        request.headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
        if (request.headers.last().first.compare("content-length", Qt::CaseInsensitive) == 0)
            contentLength = request.headers.last().second.toLongLong();
    }
    if (buffer->size() < headerEnd + 4 + contentLength)
        return; // the body is still coming
    request.body = buffer->mid(headerEnd + 4, contentLength);
    buffer->remove(0, headerEnd + 4 + contentLength);

    const qsizetype question = request.target.indexOf('?');
    request.path = QUrl::fromPercentEncoding(request.target.left(question < 0 ? request.target.size() : question));
    if (question >= 0) {
        QByteArray raw = request.target.mid(question + 1);
        raw.replace('+', "%20");
        request.query.setQuery(QString::fromLatin1(raw));
    }
    m_requests.append(request);
    respond(socket, m_handler ? m_handler(request) : CannedReply::json("{}", 404));
}

void LoopbackHttpServer::respond(QTcpSocket *socket, const CannedReply &reply)
{
    if (reply.mode == CannedReply::Mode::Silent)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    for (const auto &[name, value] : reply.headers)
        head += name + ": " + value + "\r\n";
    if (reply.sendContentLength)
        head += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    head += "Connection: close\r\n\r\n";
    socket->write(head);

    switch (reply.mode) {
    case CannedReply::Mode::Normal:
        socket->write(reply.body);
        socket->disconnectFromHost();
        break;
    case CannedReply::Mode::Truncate:
        socket->write(reply.body.left(reply.body.size() / 2));
        socket->disconnectFromHost();
        break;
    case CannedReply::Mode::Drip: {
        auto *timer = new QTimer(socket);
        auto offset = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, socket, [socket, timer, offset, reply] {
            socket->write(reply.body.mid(*offset, reply.dripChunk));
            *offset += reply.dripChunk;
            if (*offset >= reply.body.size()) {
                timer->stop();
                socket->disconnectFromHost();
            }
        });
        timer->start(reply.dripIntervalMs);
        break;
    }
    case CannedReply::Mode::Silent:
        break;
    }
}

} // namespace cairn::sync::test
