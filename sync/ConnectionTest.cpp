// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/ConnectionTest.h"

#include "sync/BackstageClient.h"
#include "sync/BundleFetcher.h"
#include "sync/CatalogImporter.h"
#include "sync/SourceFactory.h"
#include "sync/SourceRegistry.h"

#include <QFileInfo>
#include <QHostInfo>
#include <QNetworkProxyFactory>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QUrl>

#include <chrono>

using namespace std::chrono_literals;

namespace cairn::sync {

namespace {

using Finding = ConnectionTest::Finding;
using Verdict = ConnectionTest::Verdict;

bool isHttpLocation(const QString &location)
{
    return location.startsWith(u"http://", Qt::CaseInsensitive)
        || location.startsWith(u"https://", Qt::CaseInsensitive);
}

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load();
}

// HttpClient follows the system's proxy settings; behind a proxy this machine neither
// resolves the host nor connects to it, so a diagnosis from here would be about the wrong hop.
bool throughProxy(const QUrl &url)
{
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(url));
    return !proxies.isEmpty() && proxies.constFirst().type() != QNetworkProxy::NoProxy;
}

// HttpClient says "offline" for every way of not getting an answer. A person fixing the
// address needs to know which one, so the host is asked again step by step: its name, then
// a bare TCP connection.
Verdict diagnoseReach(const QUrl &url, const HttpClient::Options &options, const std::atomic<bool> *cancel)
{
    if (throughProxy(url) || cancelled(cancel))
        return cancelled(cancel) ? Verdict::Cancelled : Verdict::Unreachable;
    const QHostInfo host = QHostInfo::fromName(url.host());
    if (host.error() == QHostInfo::HostNotFound)
        return Verdict::HostNotFound;
    if (host.error() != QHostInfo::NoError || host.addresses().isEmpty())
        return Verdict::Unreachable;
    // Each address in turn, as the client does (localhost is often ::1 first while the
    // server listens on 127.0.0.1 only); a few at most, each within the connect timeout.
    const quint16 port = quint16(url.port(url.scheme() == u"https" ? 443 : 80));
    bool timedOut = false;
    bool refused = false;
    const QList<QHostAddress> addresses = host.addresses().mid(0, 3);
    for (const QHostAddress &address : addresses) {
        if (cancelled(cancel))
            return Verdict::Cancelled;
        QTcpSocket socket;
        socket.connectToHost(address, port);
        if (socket.waitForConnected(int(options.connectTimeout.count()))) {
            socket.abort();
            return Verdict::NoAnswer;
        }
        timedOut = timedOut || socket.error() == QAbstractSocket::SocketTimeoutError;
        refused = refused || socket.error() == QAbstractSocket::ConnectionRefusedError;
    }
    if (timedOut)
        return Verdict::TimedOut;
    return refused ? Verdict::Refused : Verdict::Unreachable;
}

// HttpClient keeps the TLS library's findings in its message only; a handshake of our own,
// with the same trust, gives them as values a face can word.
QList<QSslError> diagnoseTls(const QUrl &url, const HttpClient::Options &options)
{
    if (throughProxy(url) || url.scheme() != u"https")
        return {};
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!options.extraCaCertificates.isEmpty())
        tls.addCaCertificates(options.extraCaCertificates);
    QSslSocket socket;
    socket.setSslConfiguration(tls);
    socket.connectToHostEncrypted(url.host(), quint16(url.port(443)));
    socket.waitForEncrypted(int(options.connectTimeout.count()));
    QList<QSslError> errors = socket.sslHandshakeErrors();
    socket.abort();
    return errors;
}

// The verdict of an exchange with an http(s) server that ended in `error`.
Finding fromHttpError(
    const core::Error &error, const QUrl &url, const HttpClient::Options &options, const std::atomic<bool> *cancel)
{
    Finding finding;
    finding.host = url.host();
    finding.port = url.port(url.scheme() == u"https" ? 443 : 80);
    finding.detail = error.message;
    switch (error.kind) {
    case core::ErrorKind::Cancelled:
        finding.verdict = Verdict::Cancelled;
        break;
    case core::ErrorKind::Authentication:
        finding.verdict = Verdict::TokenRefused;
        break;
    case core::ErrorKind::NotFound:
        finding.verdict = Verdict::NothingThere;
        break;
    case core::ErrorKind::Server:
        finding.verdict = Verdict::ServerFailing;
        break;
    case core::ErrorKind::Offline:
        finding.verdict = diagnoseReach(url, options, cancel);
        break;
    case core::ErrorKind::Tls:
        finding.tlsErrors = diagnoseTls(url, options);
        finding.verdict = Verdict::Tls;
        break;
    default:
        finding.verdict = Verdict::Failed;
        break;
    }
    return finding;
}

Finding testBackstage(const ConnectionTest::Probe &probe, const std::atomic<bool> *cancel)
{
    const QUrl url(probe.location, QUrl::StrictMode);
    if (SourceRegistry::checkBackstageUrl(url) != SourceRegistry::Problem::None) {
        Finding finding;
        finding.detail = QStringLiteral("%1 is not the http(s) URL of a Backstage catalog API (such as "
                                        "https://backstage.example.com/api/catalog), without a user, password "
                                        "or query.")
                             .arg(HttpClient::redactedUrl(url));
        return finding;
    }
    HttpClient http(probe.http);
    BackstageClient client(http, url, probe.token, probe.sourceName);
    client.setCancelFlag(cancel);
    const core::Result<std::optional<qint64>> count = client.countEntities();
    if (!count)
        return fromHttpError(count.error(), url, probe.http, cancel);
    Finding finding;
    finding.host = url.host();
    finding.port = url.port(url.scheme() == u"https" ? 443 : 80);
    if (!count->has_value()) {
        finding.verdict = Verdict::NotACatalog;
        finding.detail = QStringLiteral("%1 answered, but not with the JSON of a Backstage catalog's "
                                        "/entities/by-query. A catalog URL usually ends in /api/catalog.")
                             .arg(HttpClient::redactedUrl(url));
        return finding;
    }
    finding.verdict = Verdict::Reached;
    finding.entities = **count;
    return finding;
}

Finding testBundle(const ConnectionTest::Probe &probe, const std::atomic<bool> *cancel)
{
    const bool remote = isHttpLocation(probe.location);
    if (!remote && !QFileInfo(probe.location).isFile()) {
        Finding finding;
        finding.verdict = Verdict::NothingThere;
        finding.detail = QStringLiteral("There is no file at %1.").arg(probe.location);
        return finding;
    }
    HttpClient http(probe.http);
    BundleFetcher fetcher(http, probe.sourceName);
    fetcher.setToken(probe.token);
    fetcher.setCancelFlag(cancel);
    const core::Result<BundleFetcher::Bundle> bundle = fetcher.fetch(probe.location);
    if (!bundle) {
        const core::Error &error = bundle.error();
        // The exchange itself worked and the body is not a bundle, or a local file failed:
        // what was read is the problem, not the way to it.
        if (!remote || error.kind == core::ErrorKind::Other || error.kind == core::ErrorKind::InvalidInput) {
            Finding finding;
            finding.verdict = error.kind == core::ErrorKind::NotFound ? Verdict::NothingThere : Verdict::Unreadable;
            finding.detail = error.message;
            return finding;
        }
        return fromHttpError(error, QUrl(probe.location, QUrl::StrictMode), probe.http, cancel);
    }
    Finding finding;
    finding.verdict = Verdict::Reached;
    finding.entities = bundle->entities.size();
    finding.problems = int(bundle->problems.size());
    if (remote) {
        const QUrl url(probe.location, QUrl::StrictMode);
        finding.host = url.host();
        finding.port = url.port(url.scheme() == u"https" ? 443 : 80);
    }
    return finding;
}

Finding testFolder(const ConnectionTest::Probe &probe)
{
    Finding finding;
    if (!QFileInfo(probe.location).isDir()) {
        finding.verdict = Verdict::NothingThere;
        finding.detail = QStringLiteral("There is no folder at %1.").arg(probe.location);
        return finding;
    }
    const CatalogReadResult read = CatalogImporter::read({ probe.location });
    finding.verdict = Verdict::Reached;
    finding.entities = read.entities.size();
    finding.files = int(read.filesRead.size());
    finding.problems = int(read.problems.size());
    return finding;
}

} // namespace

HttpClient::Options ConnectionTest::quickOptions()
{
    HttpClient::Options options;
    options.connectTimeout = 10s;
    options.idleTimeout = 20s;
    options.maxAttempts = 1;
    return options;
}

ConnectionTest::Finding ConnectionTest::run(const Probe &probe, const std::atomic<bool> *cancel)
{
    if (probe.kind == SourceFactory::kindBackstage())
        return testBackstage(probe, cancel);
    if (probe.kind == SourceFactory::kindBundle())
        return testBundle(probe, cancel);
    if (probe.kind == SourceFactory::kindFiles())
        return testFolder(probe);
    Finding finding;
    finding.detail = QStringLiteral("Cairn cannot test a source of kind \"%1\".").arg(probe.kind);
    return finding;
}

} // namespace cairn::sync
