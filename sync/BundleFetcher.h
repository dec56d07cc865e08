// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/SourcedEntity.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>

namespace cairn::sync {

class HttpClient;

// Reads a bundle (docs/bundle-format.md): a JSON array of entities, a JSON object with an
// `items` array, or NDJSON, from an http(s) URL or a local file. Conditional: with the
// validators of the last fetch it answers "not modified" without transferring the bundle.
class BundleFetcher final
{
    Q_DISABLE_COPY_MOVE(BundleFetcher)

public:
    // What the next fetch sends back: the server's ETag and Last-Modified, or for a local
    // file its size and modification time.
    struct Validators
    {
        QByteArray etag;
        QByteArray lastModified;
        bool isEmpty() const { return etag.isEmpty() && lastModified.isEmpty(); }
    };

    struct Bundle
    {
        bool notModified = false;
        // Compact documents (SourcedEntity::json), parsed on demand by whoever reads them.
        QList<core::SourcedEntity> entities;
        // One message per item that is not an entity; the others are kept.
        QList<core::Error> problems;
        Validators validators;
    };

    BundleFetcher(HttpClient &http, QString sourceName);

    void setToken(QByteArray token) { m_token = std::move(token); }
    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }

    // `location` is an http:// or https:// URL, a file:// URL or a local path.
    core::Result<Bundle> fetch(const QString &location, const Validators &previous = {});

    // Parses a bundle's bytes; `origin` names it in the entities' origins and in messages.
    // Fails only when the document as a whole is unreadable.
    static core::Result<Bundle> parse(const QByteArray &data, const QString &origin);

private:
    core::Result<Bundle> fetchFile(const QString &path, const Validators &previous);
    core::Result<Bundle> fetchUrl(const QString &location, const Validators &previous);

    HttpClient &m_http;
    QString m_sourceName;
    QByteArray m_token;
    const std::atomic<bool> *m_cancel = nullptr;
};

} // namespace cairn::sync
