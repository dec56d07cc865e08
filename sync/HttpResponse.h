// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QUrl>

#include <utility>

namespace cairn::sync {

// A finished HTTP exchange: a 2xx or a 304 (anything else comes back as an error).
struct HttpResponse
{
    int status = 0;
    QUrl url; // the URL that answered, after redirects
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body; // decoded: gzip and deflate are undone by the client
    int attempts = 1; // how many tries it took, retries included

    bool notModified() const { return status == 304; }

    // The first header of that name, compared case-insensitively; empty when absent.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

} // namespace cairn::sync
