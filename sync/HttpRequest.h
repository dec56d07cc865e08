// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

namespace cairn::sync {

// One HTTP request as a value, so a source can build it without touching the network and
// a test can compare it. The token is kept apart from the headers because the client
// treats it specially: it is dropped on a redirect to another host and never written into
// a message.
struct HttpRequest
{
    enum class Method { Get, Post, Head };

    QString sourceName; // named in every error, e.g. the configured source name
    Method method = Method::Get;
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers; // e.g. If-None-Match, Accept
    QByteArray body; // sent with POST
    QByteArray contentType; // of the body; application/json when empty and there is a body
    QByteArray bearerToken; // sent as `Authorization: Bearer ...` to the original host only

    static HttpRequest get(QString sourceName, QUrl url)
    {
        HttpRequest request;
        request.sourceName = std::move(sourceName);
        request.url = std::move(url);
        return request;
    }

    HttpRequest &withHeader(QByteArray name, QByteArray value)
    {
        headers.append({ std::move(name), std::move(value) });
        return *this;
    }
};

} // namespace cairn::sync
