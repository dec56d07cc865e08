// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "sync/HttpRequest.h"
#include "sync/HttpResponse.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace cairn::sync {

// The one HTTP client every source goes through, so that timeouts, retries, TLS, proxies,
// redirects and size limits are decided in one place. Create it in the thread that uses it
// (the sync engine's worker thread): it owns a QNetworkAccessManager, which is bound to its
// thread.
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    // The largest response, decoded: CAIRN_MAX_RESPONSE_MB (in MiB) when set, else 256 MiB.
    // Also the bound on a bundle file decompressed (BundleFetcher).
    static qint64 defaultMaxResponseBytes();

    struct Options
    {
        // Until the request is on the wire: TCP connect, proxy and TLS handshake.
        std::chrono::milliseconds connectTimeout { 15'000 };
        // Longest silence while waiting for or reading the response.
        std::chrono::milliseconds idleTimeout { 30'000 };
        int maxAttempts = 4; // first try included
        std::chrono::milliseconds initialBackoff { 500 }; // doubled on every retry, with jitter
        std::chrono::milliseconds maxBackoff { 30'000 }; // caps backoff and Retry-After
        qint64 maxResponseBytes = defaultMaxResponseBytes(); // decoded bytes
        int maxRedirects = 5;
        // Extra certificate authorities trusted beside the system ones (a private CA; the
        // tests' fixture). Verification itself can never be switched off.
        QList<QSslCertificate> extraCaCertificates;
        // What the client asks the server to compress with (Accept-Encoding); it decodes the
        // answer itself. gzip, to every host, this machine's too: not Qt's own offer, which
        // includes br, for which a Backstage catalog (Express) spends a quarter more CPU
        // than for gzip on pages about 5 % smaller (and Qt's brotli decoding costs more than
        // zlib's); and not None on loopback, where the catalog then writes each entity as an
        // HTTP chunk of its own (~1 KB, 500 a page) and Qt hands each one across threads:
        // more of the sync's CPU than the server saves (bench/README.md).
        enum class Compression { Gzip, None };
        Compression compression = Compression::Gzip;
    };

    using Callback = std::function<void(core::Result<HttpResponse>)>;

    explicit HttpClient(QObject *parent = nullptr);
    explicit HttpClient(Options options, QObject *parent = nullptr);
    ~HttpClient() override;

    const Options &options() const { return m_options; }
    void setOptions(Options options) { m_options = std::move(options); }

    // Asynchronous: `done` is called exactly once, later, in this client's thread, unless
    // `context` (which must live in this thread) is destroyed first. `cancel` may be set
    // from any thread; it is polled.
    void send(const HttpRequest &request, QObject *context, Callback done, const std::atomic<bool> *cancel = nullptr);

    // Synchronous, for the worker thread: runs a local event loop until the exchange ends.
    // Never call it on the UI thread.
    core::Result<HttpResponse> send(const HttpRequest &request, const std::atomic<bool> *cancel = nullptr);

    // Whether `url` names this machine (localhost, 127.0.0.0/8, ::1).
    static bool isLoopback(const QUrl &url);

    // The URL as it may be shown: no user info, and the values of query items whose names
    // speak of tokens, keys, secrets, passwords or signatures replaced.
    static QString redactedUrl(const QUrl &url);

public Q_SLOTS:
    // Ends every exchange in flight with a "cancelled" error. Safe to invoke from another
    // thread through a queued call.
    void cancel();

private:
    struct Operation;
    using OperationPtr = std::shared_ptr<Operation>;

    void start(const OperationPtr &op);
    void onFinished(const OperationPtr &op);
    void handleRedirect(const OperationPtr &op, int status, const QByteArray &location);
    void retryOrFail(const OperationPtr &op, const QString &what, const QString &hint, core::ErrorKind kind,
        std::chrono::milliseconds retryAfter = std::chrono::milliseconds(-1));
    void abortOperation(const OperationPtr &op, int reason);
    // Adds a chunk of the body (decoded when it is compressed); an AbortReason if it must stop.
    int take(Operation &op, const QByteArray &chunk) const;
    // The body ended before all of it came; worth another try.
    void retryCutShort(const OperationPtr &op, int status);
    void failTooLarge(const OperationPtr &op);
    void failUndecodable(const OperationPtr &op);
    void fail(const OperationPtr &op, const QString &what, const QString &hint,
        core::ErrorKind kind = core::ErrorKind::Other);
    void finish(const OperationPtr &op, core::Result<HttpResponse> result);
    QString describe(const Operation &op, const QString &what, const QString &hint) const;

    Options m_options;
    QNetworkAccessManager *m_network = nullptr;
    std::vector<OperationPtr> m_operations;
};

} // namespace cairn::sync
