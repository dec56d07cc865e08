// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <utility>

namespace cairn::sync::test {

// One request as the server saw it.
struct RecordedRequest
{
    QByteArray method;
    QByteArray target; // path and query exactly as sent
    QString path;
    QUrlQuery query; // decoded as a form (`+` is a space), as Express does
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const
    {
        for (const auto &pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QString param(const QString &name) const { return query.queryItemValue(name, QUrl::FullyDecoded); }
    // Whether an Express server (Backstage's catalog, `serve-static`) answers this request
    // with 304 for a resource whose ETag is `etag`: If-None-Match names it (or is `*`), and
    // the request does not say `Cache-Control: no-cache`, for which Express (its `fresh`
    // check) always sends the whole body again.
    bool isFresh(QByteArrayView etag) const
    {
        const QByteArray cacheControl = header("Cache-Control");
        for (const QByteArray &directive : cacheControl.split(',')) {
            if (directive.trimmed().compare("no-cache", Qt::CaseInsensitive) == 0)
                return false;
        }
        const auto opaque = [](QByteArrayView tag) { return tag.startsWith("W/") ? tag.sliced(2) : tag; };
        for (const QByteArray &listed : header("If-None-Match").split(',')) {
            const QByteArray tag = listed.trimmed();
            if (tag == "*" || (!tag.isEmpty() && opaque(tag) == opaque(etag)))
                return true;
        }
        return false;
    }
};

// What to answer, and how badly.
struct CannedReply
{
    enum class Mode {
        Normal, // the whole response, then close
        Truncate, // announce the full length, send half the body, close
        Drip, // the body a few bytes at a time, `dripIntervalMs` apart
        Silent // never answer, keep the connection open
    };
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Mode mode = Mode::Normal;
    bool sendContentLength = true; // false: the body ends when the connection closes
    int dripIntervalMs = 100;
    int dripChunk = 16;

    CannedReply &withHeader(QByteArray name, QByteArray value)
    {
        headers.append({ std::move(name), std::move(value) });
        return *this;
    }

    static CannedReply json(QByteArray body, int status = 200)
    {
        CannedReply reply;
        reply.status = status;
        reply.body = std::move(body);
        reply.headers.append(
            { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8") });
        return reply;
    }
};

// A tiny HTTP/1.1 server on a loopback address, plain or TLS, that records every request
// and can misbehave on demand (cut bodies, drip, silence) — which QHttpServer 6.4 cannot.
// Tests only ever contact 127.0.0.0/8.
class LoopbackHttpServer final : public QTcpServer
{
    Q_OBJECT

public:
    using Handler = std::function<CannedReply(const RecordedRequest &)>;

    explicit LoopbackHttpServer(QObject *parent = nullptr);

    // TLS uses the self-signed fixture in tests/data/tls (CN and SAN 127.0.0.1).
    bool start(const QHostAddress &address = QHostAddress::LocalHost, bool tls = false);
    QUrl url(const QString &pathAndQuery = QStringLiteral("/")) const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    const QList<RecordedRequest> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }
    int connectionCount() const { return m_connections; }

    static QString tlsDir();
    static QByteArray certificatePem();
    // gzip (RFC 1952) built from qCompress's zlib stream, so tests need no zlib of their own.
    static QByteArray gzip(const QByteArray &data);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void serve(QTcpSocket *socket, const std::shared_ptr<QByteArray> &buffer);
    void respond(QTcpSocket *socket, const CannedReply &reply);

    Handler m_handler;
    QList<RecordedRequest> m_requests;
    bool m_tls = false;
    int m_connections = 0;
};

} // namespace cairn::sync::test
