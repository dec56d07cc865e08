// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/HttpClient.h"

#include <QByteArray>
#include <QList>
#include <QSslError>
#include <QString>

#include <atomic>

namespace cairn::sync {

// "Test connection" for a source that is being configured: whether Cairn can read it as it
// is typed, token included, before anything is stored. It reaches the source the way a sync
// does (HttpClient, BackstageClient, BundleFetcher, CatalogImporter) and answers with facts
// (a Verdict, counts, the TLS library's findings) that a face words; `detail` keeps the
// underlying message for whoever needs the exact words.
//
// Blocking, with local event loops: run it on a worker thread, never on the UI thread.
class ConnectionTest
{
public:
    enum class Verdict {
        Reached, // read: Finding::entities (and for a folder, files) say what it holds
        HostNotFound, // the host name does not resolve (DNS)
        Refused, // nothing listens at that host and port
        TimedOut, // the host did not take the connection in time
        NoAnswer, // the host took the connection but its answer never came (in time) or broke off
        Unreachable, // the network or the proxy failed otherwise (detail says how)
        Tls, // the secure connection failed; tlsErrors say why when the certificate is to blame
        TokenRefused, // HTTP 401 or 403
        NothingThere, // HTTP 404 or 410, or no such file or folder
        NotACatalog, // the server answered, but not as a Backstage catalog does
        Unreadable, // a bundle that is not one, a file that cannot be read (detail says why)
        ServerFailing, // HTTP 5xx or 429
        Cancelled,
        Failed, // anything else (detail says what)
    };

    struct Probe
    {
        QString kind; // SourceFactory::kindBackstage(), kindBundle() or kindFiles()
        QString location; // as the person typed it
        QByteArray token; // as typed, not yet stored; empty: none
        QString sourceName; // names the source in `detail`; may be empty
        HttpClient::Options http = quickOptions();
    };

    struct Finding
    {
        Verdict verdict = Verdict::Failed;
        qint64 entities = 0; // Reached: the catalog's total, the bundle's or the folder's entities
        int files = 0; // Reached, folder: catalog files read
        int problems = 0; // Reached, bundle or folder: items or documents that are not entities
        QString host; // the host tried, for the words of a network verdict
        int port = -1;
        QList<QSslError> tlsErrors; // Tls: why the certificate was not trusted, when it was not
        QString detail; // everything but Reached: the underlying message, in English
    };

    // One attempt, short waits: a person is watching, and a test that retries for a minute
    // says less than one that says at once what failed.
    static HttpClient::Options quickOptions();

    // `cancel` may be set from any thread; an exchange in flight then ends as Cancelled.
    static Finding run(const Probe &probe, const std::atomic<bool> *cancel = nullptr);
};

} // namespace cairn::sync
