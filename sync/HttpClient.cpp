// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/HttpClient.h"

#include "core/Clock.h"
#include "sync/SizeLimit.h"
#include "sync/SyncLog.h"

#include <QDateTime>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <memory>
#include <optional>
#include <zlib.h>

using namespace std::chrono_literals;

namespace cairn::sync {

namespace {

// Why the client itself ended a reply; anything else that aborts it is Qt's transfer timeout.
enum AbortReason { NotAborted, Cancelled, ConnectTimedOut, TooLarge, UnaskedEncoding, Undecodable };

// A gzip or deflate body decoded as it arrives. Qt decodes only what it offered itself, and
// the client makes its own offer (see HttpClient::Options::compression).
class Inflater
{
    Q_DISABLE_COPY_MOVE(Inflater)

public:
    enum class Format { Gzip, Deflate };
    enum class Fed { Ok, TooLarge, Undecodable };

    explicit Inflater(Format format)
        : m_format(format)
    { }
    ~Inflater()
    {
        if (m_started)
            inflateEnd(&m_stream);
    }

    // Appends what `input` decodes to onto `out`, and stops as soon as `out` holds more than
    // `limit` bytes: a small body that decodes to gigabytes is never decoded whole.
    Fed feed(QByteArrayView input, QByteArray &out, qint64 limit)
    {
        if (input.isEmpty())
            return Fed::Ok;
        m_fed = true;
        if (!m_started) {
            // "deflate" is a zlib stream (RFC 9110), but some servers send it raw: its first
            // two bytes say which (a zlib header is a multiple of 31 with method 8).
            m_head.append(input);
            if (m_format == Format::Deflate && m_head.size() < 2)
                return Fed::Ok;
            int windowBits = 32 + MAX_WBITS; // gzip or zlib, told by the header
            if (m_format == Format::Deflate) {
                const auto b0 = quint8(m_head[0]), b1 = quint8(m_head[1]);
                if ((b0 & 0x0f) != 8 || ((b0 << 8) | b1) % 31 != 0)
                    windowBits = -MAX_WBITS;
            }
            if (inflateInit2(&m_stream, windowBits) != Z_OK)
                return Fed::Undecodable;
            m_started = true;
            const QByteArray head = std::exchange(m_head, {});
            return inflateAll(head, out, limit);
        }
        return inflateAll(input, out, limit);
    }

    // True when the body was compressed and its stream did not reach its end.
    bool cutShort() const { return m_fed && !m_ended; }

private:
    Fed inflateAll(QByteArrayView input, QByteArray &out, qint64 limit)
    {
        m_stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
        m_stream.avail_in = uInt(input.size());
        char buffer[32 * 1024];
        do {
            if (m_ended) {
                if (m_stream.avail_in == 0)
                    break;
                // Another gzip member follows (RFC 1952 allows several).
                if (inflateReset(&m_stream) != Z_OK)
                    return Fed::Undecodable;
                m_ended = false;
            }
            m_stream.next_out = reinterpret_cast<Bytef *>(buffer);
            m_stream.avail_out = uInt(sizeof buffer);
            const int status = inflate(&m_stream, Z_NO_FLUSH);
            out.append(buffer, qsizetype(sizeof buffer - m_stream.avail_out));
            if (out.size() > limit)
                return Fed::TooLarge;
            if (status == Z_STREAM_END)
                m_ended = true;
            else if (status == Z_BUF_ERROR && m_stream.avail_out != 0)
                break; // all input taken: the rest comes with the next chunk
            else if (status != Z_OK && status != Z_BUF_ERROR)
                return Fed::Undecodable;
        } while (m_stream.avail_in > 0 || m_stream.avail_out == 0);
        m_stream.next_in = nullptr;
        m_stream.avail_in = 0;
        return Fed::Ok;
    }

    Format m_format;
    z_stream m_stream {};
    QByteArray m_head; // what came before the stream could start
    bool m_started = false;
    bool m_fed = false;
    bool m_ended = false;
};

QByteArray verb(HttpRequest::Method method)
{
    switch (method) {
    case HttpRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case HttpRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case HttpRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    }
    return QByteArrayLiteral("GET");
}

QString seconds(std::chrono::milliseconds ms)
{
    return QString::number(double(ms.count()) / 1000.0, 'g', 3);
}

QString megabytes(qint64 bytes)
{
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KB").arg(QString::number(double(bytes) / 1024.0, 'g', 3));
    return QStringLiteral("%1 MB").arg(QString::number(double(bytes) / (1024.0 * 1024.0), 'g', 4));
}

// Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 secs = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return std::chrono::milliseconds(std::max<qint64>(0, secs) * 1000);
    QDateTime when
        = QLocale::c().toDateTime(QString::fromLatin1(trimmed), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    if (!when.isValid())
        when = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    when.setTimeZone(QTimeZone::utc());
    const qint64 ms = core::clock::nowUtc().msecsTo(when);
    return std::chrono::milliseconds(std::max<qint64>(0, ms));
}

bool isSensitiveQueryName(const QString &name)
{
    static const char *const words[] = { "token", "key", "secret", "password", "passwd", "signature", "sig", "auth" };
    const QString lower = name.toLower();
    return std::any_of(
        std::begin(words), std::end(words), [&](const char *word) { return lower.contains(QLatin1StringView(word)); });
}

bool sameHost(const QUrl &from, const QUrl &to)
{
    if (from.host().compare(to.host(), Qt::CaseInsensitive) != 0)
        return false;
    if (from.port(-1) == to.port(-1) && from.scheme() == to.scheme())
        return true;
    // http://host → https://host is the usual upgrade and keeps the origin's trust.
    return from.scheme() == u"http" && to.scheme() == u"https" && from.port(80) == 80 && to.port(443) == 443;
}

core::ErrorKind statusKind(int status)
{
    if (status == 401 || status == 403)
        return core::ErrorKind::Authentication;
    if (status == 404 || status == 410)
        return core::ErrorKind::NotFound;
    if (status == 429 || status >= 500)
        return core::ErrorKind::Server;
    return core::ErrorKind::Other;
}

QString statusHint(int status)
{
    if (status == 401)
        return QStringLiteral("Check the token: it may be missing, wrong or expired.");
    if (status == 403)
        return QStringLiteral("Check that the token is allowed to read this catalog.");
    if (status == 404 || status == 410)
        return QStringLiteral("Check the URL (a Backstage catalog URL ends in /api/catalog).");
    if (status == 429)
        return QStringLiteral("The server is limiting requests; sync less often or try again later.");
    if (status >= 500)
        return QStringLiteral("The server is failing; try again later or tell its operators.");
    return QStringLiteral("Check the URL and the source's settings.");
}

} // namespace

struct HttpClient::Operation
{
    HttpRequest request;
    QUrl url; // where the next try goes (changes with redirects)
    HttpRequest::Method method = HttpRequest::Method::Get;
    QByteArray body;
    bool sendToken = true; // false once redirected to another host
    int attempt = 0;
    int redirects = 0;
    bool hasContext = false;
    QPointer<QObject> context;
    Callback done;
    const std::atomic<bool> *cancelFlag = nullptr;
    bool finished = false;

    QPointer<QNetworkReply> reply;
    QByteArray data;
    qint64 wireBytes = 0; // the body's bytes as they came, before any decoding
    std::unique_ptr<Inflater> inflater; // the body's Content-Encoding, when it has one
    QByteArray encoding; // an encoding the client cannot decode, for the message
    AbortReason abortReason = NotAborted;
    QStringList sslErrors;
    QTimer *connectTimer = nullptr;
    QTimer *retryTimer = nullptr;
    QTimer *cancelPoll = nullptr;
};

HttpClient::HttpClient(QObject *parent)
    : HttpClient(Options {}, parent)
{ }

HttpClient::HttpClient(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
{
    // Corporate networks put catalogs behind proxies; follow what the system says
    // (environment variables on Linux, system settings on Windows and macOS).
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    // Redirects are handled here, not by Qt, so the token never follows one to another host.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpClient::~HttpClient()
{
    // Nothing is reported after destruction: callbacks may capture things already gone.
    for (const OperationPtr &op : m_operations) {
        op->finished = true;
        if (op->reply) {
            op->reply->disconnect(this);
            op->reply->abort();
        }
    }
}

bool HttpClient::isLoopback(const QUrl &url)
{
    const QString host = url.host().toLower();
    if (host == u"localhost" || host.endsWith(u".localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString HttpClient::redactedUrl(const QUrl &url)
{
    QUrl clean = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    if (clean.hasQuery()) {
        QUrlQuery query(clean);
        const auto items = query.queryItems(QUrl::FullyEncoded);
        QUrlQuery redacted;
        for (const auto &[name, value] : items)
            redacted.addQueryItem(name, isSensitiveQueryName(name) ? QStringLiteral("REDACTED") : value);
        clean.setQuery(redacted);
    }
    return clean.toDisplayString();
}

void HttpClient::send(const HttpRequest &request, QObject *context, Callback done, const std::atomic<bool> *cancel)
{
    auto op = std::make_shared<Operation>();
    op->request = request;
    op->url = request.url;
    op->method = request.method;
    op->body = request.body;
    op->hasContext = context != nullptr;
    op->context = context;
    op->done = std::move(done);
    op->cancelFlag = cancel;
    op->connectTimer = new QTimer(this);
    op->connectTimer->setSingleShot(true);
    op->retryTimer = new QTimer(this);
    op->retryTimer->setSingleShot(true);
    m_operations.push_back(op);

    std::weak_ptr<Operation> weak = op;
    connect(op->connectTimer, &QTimer::timeout, this, [this, weak] {
        if (auto o = weak.lock())
            abortOperation(o, ConnectTimedOut);
    });
    connect(op->retryTimer, &QTimer::timeout, this, [this, weak] {
        if (auto o = weak.lock())
            start(o);
    });
    if (cancel) {
        op->cancelPoll = new QTimer(this);
        op->cancelPoll->setInterval(20);
        connect(op->cancelPoll, &QTimer::timeout, this, [this, weak] {
            auto o = weak.lock();
            if (o && o->cancelFlag->load())
                abortOperation(o, Cancelled);
        });
        op->cancelPoll->start();
    }

    // Even an immediate failure is reported later, so callers see one behaviour.
    QMetaObject::invokeMethod(
        this,
        [this, weak] {
            if (auto o = weak.lock(); o && !o->finished)
                start(o);
        },
        Qt::QueuedConnection);
}

core::Result<HttpResponse> HttpClient::send(const HttpRequest &request, const std::atomic<bool> *cancel)
{
    std::optional<core::Result<HttpResponse>> outcome;
    QEventLoop loop;
    send(
        request, &loop,
        [&](core::Result<HttpResponse> result) {
            outcome.emplace(std::move(result));
            loop.quit();
        },
        cancel);
    if (!outcome)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return std::move(*outcome);
}

void HttpClient::cancel()
{
    const auto operations = m_operations;
    for (const OperationPtr &op : operations)
        abortOperation(op, Cancelled);
}

void HttpClient::start(const OperationPtr &op)
{
    if (op->finished)
        return;
    if (op->cancelFlag && op->cancelFlag->load()) {
        abortOperation(op, Cancelled);
        return;
    }
    const QString scheme = op->url.scheme().toLower();
    if (!op->url.isValid() || (scheme != u"http" && scheme != u"https") || op->url.host().isEmpty()) {
        fail(op, QStringLiteral("is not an http or https URL"),
            QStringLiteral("Check the URL in the source's settings."), core::ErrorKind::InvalidInput);
        return;
    }

    ++op->attempt;
    qCDebug(syncLog).noquote() << verb(op->method) << redactedUrl(op->url) << "attempt" << op->attempt;
    op->data.clear();
    op->wireBytes = 0;
    op->inflater.reset();
    op->encoding.clear();
    op->abortReason = NotAborted;
    op->sslErrors.clear();

    QNetworkRequest request(op->url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // No QAbstractNetworkCache is ever installed, so every request goes to the network as
    // it is. Not AlwaysNetwork: that makes Qt add `Cache-Control: no-cache`, which tells an
    // Express server (Backstage's catalog among them) to ignore If-None-Match and send the
    // whole body again instead of a 304.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferNetwork);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setTransferTimeout(int(m_options.idleTimeout.count()));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Cairn/0.1"));
    for (const auto &[name, value] : op->request.headers) {
        // Credentials only ever travel in bearerToken, which the client controls.
        if (!op->sendToken
            && (name.compare("authorization", Qt::CaseInsensitive) == 0
                || name.compare("cookie", Qt::CaseInsensitive) == 0))
            continue;
        request.setRawHeader(name, value);
    }
    if (op->sendToken && !op->request.bearerToken.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + op->request.bearerToken);
    // The client's own offer, before the caller's headers so that one of theirs wins; the
    // body is decoded here either way (see Options::compression), and the size limit counts
    // decoded bytes.
    if (!std::any_of(op->request.headers.cbegin(), op->request.headers.cend(),
            [](const auto &header) { return header.first.compare("accept-encoding", Qt::CaseInsensitive) == 0; })) {
        const bool plain = m_options.compression == Options::Compression::None;
        request.setRawHeader(
            QByteArrayLiteral("Accept-Encoding"), plain ? QByteArrayLiteral("identity") : QByteArrayLiteral("gzip"));
    }

    // Only for https: the TLS backend (OpenSSL, the system's CA folder) is loaded on first
    // use, which a plain-http catalog does not need to pay for at start-up.
    if (scheme == u"https") {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!m_options.extraCaCertificates.isEmpty())
            tls.addCaCertificates(m_options.extraCaCertificates);
        request.setSslConfiguration(tls);
    }

    QNetworkReply *reply = nullptr;
    switch (op->method) {
    case HttpRequest::Method::Get:
        reply = m_network->get(request);
        break;
    case HttpRequest::Method::Head:
        reply = m_network->head(request);
        break;
    case HttpRequest::Method::Post:
        request.setHeader(QNetworkRequest::ContentTypeHeader,
            op->request.contentType.isEmpty() ? QByteArrayLiteral("application/json") : op->request.contentType);
        reply = m_network->post(request, op->body);
        break;
    }
    op->reply = reply;
    op->connectTimer->start(m_options.connectTimeout);

    std::weak_ptr<Operation> weak = op;
    // The handshake finishes before any header is written, so a bad certificate stops the
    // exchange before the token leaves the machine. The errors are kept for the message
    // and never ignored.
    connect(reply, &QNetworkReply::sslErrors, this, [weak](const QList<QSslError> &errors) {
        if (auto o = weak.lock()) {
            for (const QSslError &error : errors)
                o->sslErrors.append(error.errorString());
        }
    });
    connect(reply, &QNetworkReply::requestSent, this, [weak] {
        if (auto o = weak.lock())
            o->connectTimer->stop();
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, weak] {
        auto o = weak.lock();
        if (!o || !o->reply)
            return;
        o->connectTimer->stop();
        bool known = false;
        const qint64 length = o->reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        if (known && length > m_options.maxResponseBytes) {
            abortOperation(o, TooLarge);
            return;
        }
        if (o->inflater || !o->encoding.isEmpty())
            return;
        const QByteArray encoding = o->reply->rawHeader(QByteArrayLiteral("Content-Encoding")).trimmed().toLower();
        if (encoding == "gzip" || encoding == "x-gzip")
            o->inflater = std::make_unique<Inflater>(Inflater::Format::Gzip);
        else if (encoding == "deflate")
            o->inflater = std::make_unique<Inflater>(Inflater::Format::Deflate);
        else if (!encoding.isEmpty() && encoding != "identity") {
            // Only a body that is used stops the exchange: a redirect's or an error's is not
            // needed (an error's message is then not quoted).
            o->encoding = encoding;
            const int status = o->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status >= 200 && status < 300)
                abortOperation(o, UnaskedEncoding);
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, weak] {
        auto o = weak.lock();
        if (!o || !o->reply || o->abortReason != NotAborted)
            return;
        if (const int stop = take(*o, o->reply->readAll()); stop != NotAborted)
            abortOperation(o, stop);
    });
    connect(reply, &QNetworkReply::finished, this, [this, weak] {
        if (auto o = weak.lock())
            onFinished(o);
    });
}

int HttpClient::take(Operation &op, const QByteArray &chunk) const
{
    op.wireBytes += chunk.size();
    if (!op.inflater) {
        op.data += chunk;
        return op.data.size() > m_options.maxResponseBytes ? TooLarge : NotAborted;
    }
    switch (op.inflater->feed(chunk, op.data, m_options.maxResponseBytes)) {
    case Inflater::Fed::Ok:
        return NotAborted;
    case Inflater::Fed::TooLarge:
        return TooLarge;
    case Inflater::Fed::Undecodable:
        break;
    }
    return Undecodable;
}

void HttpClient::abortOperation(const OperationPtr &op, int reason)
{
    if (op->finished)
        return;
    if (op->reply) {
        if (op->abortReason == NotAborted)
            op->abortReason = AbortReason(reason);
        op->reply->abort(); // finished() follows, and onFinished reports the reason
        return;
    }
    if (reason == Cancelled)
        fail(op, QStringLiteral("was cancelled"), QString(), core::ErrorKind::Cancelled);
}

void HttpClient::onFinished(const OperationPtr &op)
{
    QNetworkReply *reply = op->reply;
    if (op->finished || !reply)
        return;
    op->reply = nullptr;
    op->connectTimer->stop();
    reply->deleteLater();

    switch (op->abortReason) {
    case Cancelled:
        fail(op, QStringLiteral("was cancelled"), QString(), core::ErrorKind::Cancelled);
        return;
    case TooLarge:
        failTooLarge(op);
        return;
    case UnaskedEncoding:
        fail(op,
            QStringLiteral("answered in an encoding it was not asked for (Content-Encoding: %1)")
                .arg(QString::fromLatin1(op->encoding.left(40))),
            QStringLiteral("Check the server's or the proxy's compression settings: Cairn asks for gzip or for "
                           "no compression."));
        return;
    case Undecodable:
        failUndecodable(op);
        return;
    case ConnectTimedOut:
        retryOrFail(op, QStringLiteral("could not connect within %1 s").arg(seconds(m_options.connectTimeout)),
            QStringLiteral("Check the URL, that the server is up, and the network and proxy settings."),
            core::ErrorKind::Offline);
        return;
    case NotAborted:
        break;
    }

    int rest = NotAborted;
    if (reply->isOpen())
        rest = take(*op, reply->readAll());
    const QNetworkReply::NetworkError error = reply->error();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    // Transport failures (QNetworkReply groups them below 200), including a body cut short
    // after the status line arrived.
    if (error != QNetworkReply::NoError && int(error) < 200) {
        const QString reason = reply->errorString();
        switch (error) {
        case QNetworkReply::SslHandshakeFailedError: {
            const QString why = op->sslErrors.isEmpty() ? reason : op->sslErrors.join(QStringLiteral("; "));
            fail(op,
                QStringLiteral("was refused: the TLS certificate of %1 is not valid (%2)").arg(op->url.host(), why),
                QStringLiteral("Check the server's certificate; if a private CA signed it, install that CA in the "
                               "system's trust store. Nothing, not even the token, was sent."),
                core::ErrorKind::Tls);
            return;
        }
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            // Not ours, so it is Qt's transfer timeout: the server went quiet.
            retryOrFail(op, QStringLiteral("got no data for %1 s").arg(seconds(m_options.idleTimeout)),
                QStringLiteral("Check that the server is up and not overloaded, and the network and proxy settings."),
                core::ErrorKind::Offline);
            return;
        case QNetworkReply::RemoteHostClosedError:
            if (status != 0) {
                retryCutShort(op, status);
                return;
            }
            retryOrFail(op, QStringLiteral("failed: %1").arg(reason),
                QStringLiteral("Check the URL and that the server is up."), core::ErrorKind::Offline);
            return;
        case QNetworkReply::ProxyConnectionRefusedError:
        case QNetworkReply::ProxyConnectionClosedError:
        case QNetworkReply::ProxyNotFoundError:
        case QNetworkReply::ProxyTimeoutError:
        case QNetworkReply::ProxyAuthenticationRequiredError:
            retryOrFail(op, QStringLiteral("failed at the proxy: %1").arg(reason),
                QStringLiteral("Check the system's proxy settings."), core::ErrorKind::Offline);
            return;
        default:
            retryOrFail(op, QStringLiteral("failed: %1").arg(reason),
                QStringLiteral("Check the URL and that the server is up."), core::ErrorKind::Offline);
            return;
        }
    }
    if (status == 0) {
        fail(op, QStringLiteral("failed: %1").arg(reply->errorString()),
            QStringLiteral("Check the URL and that the server speaks HTTP."));
        return;
    }
    if (rest == TooLarge) {
        failTooLarge(op);
        return;
    }
    if (rest == Undecodable || (op->inflater && op->inflater->cutShort())) {
        failUndecodable(op);
        return;
    }

    if (status >= 300 && status < 400 && status != 304) {
        handleRedirect(op, status, reply->rawHeader(QByteArrayLiteral("Location")));
        return;
    }

    if ((status >= 200 && status < 300) || status == 304) {
        // Qt 6.4 can end a reply without an error when the server closes the connection
        // before the Content-Length it announced (it then takes the close for the end of
        // a body of unknown length), so the count is checked here as well. A chunked body's
        // length is its chunks' (RFC 9112 6.3: a Content-Length beside it is ignored).
        bool announced = false;
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&announced);
        const bool chunked = reply->rawHeader(QByteArrayLiteral("Transfer-Encoding")).toLower().contains("chunked");
        const bool bodyExpected = op->method != HttpRequest::Method::Head && status != 204 && status != 304 && !chunked;
        if (announced && bodyExpected && op->wireBytes < length) {
            retryCutShort(op, status);
            return;
        }
        HttpResponse response;
        response.status = status;
        response.url = op->url;
        response.headers = reply->rawHeaderPairs();
        response.body = std::move(op->data);
        response.attempts = op->attempt;
        qCDebug(syncLog).noquote() << verb(op->method) << redactedUrl(op->url) << "HTTP" << status
                                   << response.body.size() << "bytes";
        finish(op, std::move(response));
        return;
    }

    // An error status: say what the server said, if it said it in JSON (Backstage does:
    // {"error":{"name":..,"message":..}}), without ever repeating the token.
    QString what = QStringLiteral("answered HTTP %1").arg(status);
    const QString phrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    if (!phrase.isEmpty())
        what += u' ' + phrase;
    const QJsonObject errorBody = QJsonDocument::fromJson(op->data).object();
    QString serverSaid = errorBody.value(u"error").toObject().value(u"message").toString();
    if (serverSaid.isEmpty())
        serverSaid = errorBody.value(u"message").toString();
    if (!serverSaid.isEmpty()) {
        if (!op->request.bearerToken.isEmpty())
            serverSaid.replace(QString::fromUtf8(op->request.bearerToken), QStringLiteral("***"));
        what += QStringLiteral(" (the server said: %1)").arg(serverSaid.left(300));
    }
    if (status == 429 || status >= 500) {
        std::chrono::milliseconds retryAfter(-1);
        if (auto parsed = parseRetryAfter(reply->rawHeader(QByteArrayLiteral("Retry-After"))))
            retryAfter = *parsed;
        retryOrFail(op, what, statusHint(status), statusKind(status), retryAfter);
        return;
    }
    fail(op, what, statusHint(status), statusKind(status));
}

qint64 HttpClient::defaultMaxResponseBytes()
{
    return sizeLimit("CAIRN_MAX_RESPONSE_MB", 256 * MiB);
}

void HttpClient::retryCutShort(const OperationPtr &op, int status)
{
    retryOrFail(op,
        QStringLiteral("got HTTP %1 but the connection closed before the whole response arrived (%2 bytes read)")
            .arg(status)
            .arg(op->data.size()),
        QStringLiteral("Check that the server and any proxy in between are healthy; try again."),
        core::ErrorKind::Server);
}

void HttpClient::failTooLarge(const OperationPtr &op)
{
    fail(op, QStringLiteral("answered with more than the limit of %1").arg(megabytes(m_options.maxResponseBytes)),
        QStringLiteral("Check that the URL points at the catalog or bundle itself; if the data really is that "
                       "large, CAIRN_MAX_RESPONSE_MB raises the limit (in MiB)."));
}

void HttpClient::failUndecodable(const OperationPtr &op)
{
    // A compressed body that does not decode, or ends before its stream does: cut or
    // mangled on the way, most likely, so it is tried again.
    retryOrFail(op,
        QStringLiteral("sent a compressed body that does not decode (%1 bytes decoded)").arg(op->data.size()),
        QStringLiteral("Check that the server and any proxy in between are healthy; try again."),
        core::ErrorKind::Server);
}

void HttpClient::handleRedirect(const OperationPtr &op, int status, const QByteArray &location)
{
    const QUrl target = op->url.resolved(QUrl::fromEncoded(location));
    if (location.isEmpty() || !target.isValid()) {
        fail(op, QStringLiteral("answered HTTP %1 without a usable Location").arg(status),
            QStringLiteral("Check the URL; the server's redirect is broken."));
        return;
    }
    if (op->redirects >= m_options.maxRedirects) {
        fail(op, QStringLiteral("was redirected more than %1 times").arg(m_options.maxRedirects),
            QStringLiteral("Check the URL; the server may redirect in a loop."));
        return;
    }
    const QString to = target.scheme().toLower();
    if (op->url.scheme().compare(u"https", Qt::CaseInsensitive) == 0 && to == u"http") {
        fail(op,
            QStringLiteral("was redirected from https to http (%1), which is refused because it would "
                           "send the request unencrypted")
                .arg(redactedUrl(target)),
            QStringLiteral("Check the URL and the server's configuration; use an https address that does not "
                           "redirect to http."),
            core::ErrorKind::Tls);
        return;
    }
    if (to != u"http" && to != u"https") {
        fail(op, QStringLiteral("was redirected to %1, which is not http or https").arg(redactedUrl(target)),
            QStringLiteral("Check the URL."));
        return;
    }
    // A token is meant for the host it was issued for; another host never receives it.
    if (!sameHost(op->url, target))
        op->sendToken = false;
    if (status == 303 || ((status == 301 || status == 302) && op->method == HttpRequest::Method::Post)) {
        op->method = HttpRequest::Method::Get;
        op->body.clear();
    }
    op->url = target;
    ++op->redirects;
    --op->attempt; // a redirect is not a retry
    start(op);
}

void HttpClient::retryOrFail(const OperationPtr &op, const QString &what, const QString &hint, core::ErrorKind kind,
    std::chrono::milliseconds retryAfter)
{
    if (op->attempt >= m_options.maxAttempts) {
        fail(op, op->attempt > 1 ? QStringLiteral("%1 (gave up after %2 attempts)").arg(what).arg(op->attempt) : what,
            hint, kind);
        return;
    }
    std::chrono::milliseconds delay;
    if (retryAfter.count() >= 0) {
        delay = std::min(retryAfter, m_options.maxBackoff);
    } else {
        // Exponential backoff with "equal jitter": half fixed, half random, so that many
        // clients failing together do not come back together.
        const qint64 base = std::min<qint64>(
            m_options.maxBackoff.count(), m_options.initialBackoff.count() << std::min(op->attempt - 1, 20));
        const qint64 half = base / 2;
        delay = std::chrono::milliseconds(half + (half > 0 ? QRandomGenerator::global()->bounded(half + 1) : 0));
    }
    qCDebug(syncLog).noquote() << verb(op->method) << redactedUrl(op->url) << what << "- retry in" << delay.count()
                               << "ms";
    op->retryTimer->start(delay);
}

void HttpClient::fail(const OperationPtr &op, const QString &what, const QString &hint, core::ErrorKind kind)
{
    finish(op, core::Error { describe(*op, what, hint), kind });
}

QString HttpClient::describe(const Operation &op, const QString &what, const QString &hint) const
{
    const QString source = op.request.sourceName.isEmpty() ? QStringLiteral("HTTP")
                                                           : QStringLiteral("Source \"%1\"").arg(op.request.sourceName);
    QString message
        = QStringLiteral("%1: %2 %3 %4.").arg(source, QString::fromLatin1(verb(op.method)), redactedUrl(op.url), what);
    if (!hint.isEmpty())
        message += u' ' + hint;
    return message;
}

void HttpClient::finish(const OperationPtr &op, core::Result<HttpResponse> result)
{
    if (op->finished)
        return;
    op->finished = true;
    op->connectTimer->stop();
    op->retryTimer->stop();
    op->connectTimer->deleteLater();
    op->retryTimer->deleteLater();
    if (op->cancelPoll) {
        op->cancelPoll->stop();
        op->cancelPoll->deleteLater();
    }
    if (op->reply) {
        op->reply->disconnect(this);
        op->reply->abort();
        op->reply->deleteLater();
        op->reply = nullptr;
    }
    // NOLINTNEXTLINE(performance-unnecessary-copy-initialization): the copy is the point
    const OperationPtr keep = op; // the erase below may drop the last other reference
    m_operations.erase(std::remove(m_operations.begin(), m_operations.end(), op), m_operations.end());
    if (keep->hasContext && !keep->context)
        return;
    Callback done = std::move(keep->done);
    if (done)
        done(std::move(result));
}

} // namespace cairn::sync
