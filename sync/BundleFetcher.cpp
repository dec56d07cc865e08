// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/BundleFetcher.h"

#include "sync/HttpClient.h"
#include "sync/HttpRequest.h"
#include "sync/HttpResponse.h"
#include "sync/JsonDocuments.h"
#include "sync/SizeLimit.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTimeZone>
#include <QUrl>

#include <optional>
#include <zlib.h>

namespace cairn::sync {

namespace {

// A local `.gz` bundle (HTTP bodies are already decoded by the client). Bounded, so a
// "zip bomb" cannot exhaust memory: the same limit as an HTTP response.
core::Result<QByteArray> gunzip(const QByteArray &compressed, const QString &origin)
{
    const qint64 limit = HttpClient::defaultMaxResponseBytes();
    z_stream stream {};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return core::Error { QStringLiteral("%1: could not start gzip decompression.").arg(origin) };
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    QByteArray out;
    char chunk[64 * 1024];
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(chunk);
        stream.avail_out = sizeof chunk;
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END)
            break;
        out.append(chunk, qsizetype(sizeof chunk - stream.avail_out));
        if (out.size() > limit) {
            inflateEnd(&stream);
            return core::Error { QStringLiteral("%1 decompresses to more than %2 MiB; it was not read. "
                                                "(CAIRN_MAX_RESPONSE_MB raises the limit.)")
                                     .arg(origin)
                                     .arg(limit / MiB) };
        }
        if (status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0)
            status = Z_BUF_ERROR; // input ended before the gzip stream did
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END)
        return core::Error {
            QStringLiteral("%1 is a damaged or truncated gzip file; nothing was read from it.").arg(origin)
        };
    return out;
}

bool isGzip(const QByteArray &data)
{
    return data.size() >= 2 && quint8(data[0]) == 0x1f && quint8(data[1]) == 0x8b;
}

QString httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toTimeZone(QTimeZone::utc()), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
}

// The checks that make an item an entity at all; the sync engine validates the rest.
QString whyNotAnEntity(const JsonDocument &item)
{
    if (!item.isMapping())
        return QStringLiteral("is not a JSON object");
    if (item.kind.isEmpty())
        return QStringLiteral("has no \"kind\"");
    if (item.name.isEmpty())
        return QStringLiteral("has no \"metadata.name\"");
    return {};
}

} // namespace

BundleFetcher::BundleFetcher(HttpClient &http, QString sourceName)
    : m_http(http)
    , m_sourceName(std::move(sourceName))
{ }

core::Result<BundleFetcher::Bundle> BundleFetcher::parse(const QByteArray &raw, const QString &origin)
{
    // A view past the byte-order mark, not a copy of a body that may be tens of MB. Read
    // through a const reference only, so nothing detaches it.
    const QByteArray data
        = raw.startsWith("\xEF\xBB\xBF") ? QByteArray::fromRawData(raw.constData() + 3, raw.size() - 3) : raw;
    if (isGzip(data))
        return core::Error { QStringLiteral("%1 is gzip-compressed without saying so. Serve it with "
                                            "\"Content-Encoding: gzip\", or publish it uncompressed.")
                                 .arg(origin) };

    Bundle bundle;
    auto take = [&bundle](JsonDocument &&item, core::DocumentOrigin where) {
        const QString why = whyNotAnEntity(item);
        if (!why.isEmpty()) {
            bundle.problems.append(
                core::Error { QStringLiteral("%1: the item %2; it was skipped.").arg(where.toString(), why) });
            return;
        }
        // Kept as compact text, never parsed into Qt values here: a bundle's entities all
        // wait for validation and the write, and parsed they would cost several times their text.
        bundle.entities.append(core::SourcedEntity { core::Entity(), std::move(where), std::move(item.json) });
    };

    // The same reader as catalog files (JsonDocumentReader): each item parsed once and
    // written in the stored form as it is read.
    JsonDocumentReader json;
    JsonDocumentReader::Result read = json.readText(data, origin);
    if (!read.error) {
        QList<JsonDocument> &items = read.read.documents;
        switch (read.read.shape) {
        case JsonDocumentReader::Shape::Array:
        case JsonDocumentReader::Shape::Items: {
            const QString pointer = read.read.shape == JsonDocumentReader::Shape::Items ? QStringLiteral("#/items/")
                                                                                        : QStringLiteral("#/");
            bundle.entities.reserve(items.size());
            for (qsizetype i = 0; i < items.size(); ++i)
                take(std::move(items[i]), core::DocumentOrigin { origin + pointer + QString::number(i), 0 });
            return bundle;
        }
        case JsonDocumentReader::Shape::Entity:
            if (items.constFirst().hasKind) {
                // A single entity: an NDJSON bundle of one line.
                take(std::move(items.first()), core::DocumentOrigin { origin, 1 });
                return bundle;
            }
            break;
        case JsonDocumentReader::Shape::Other:
            break;
        }
        return core::Error { QStringLiteral("%1 is JSON but not a bundle: expected an array of entities, an object "
                                            "with an \"items\" array, or NDJSON (see docs/bundle-format.md).")
                                 .arg(origin) };
    }

    // Not one JSON document: NDJSON, if its first record stands on its own line. Lines are
    // views into the data, not copies of it.
    QList<QByteArrayView> lines;
    for (qsizetype start = 0;;) {
        const qsizetype end = data.indexOf('\n', start);
        lines.append(QByteArrayView(data).sliced(start, (end < 0 ? data.size() : end) - start).trimmed());
        if (end < 0)
            break;
        start = end + 1;
    }
    qsizetype first = 0;
    while (first < lines.size() && lines[first].isEmpty())
        ++first;
    JsonDocument record;
    const bool ndjson = first < lines.size() && !json.readValue(lines[first], {}, record) && record.isMapping();
    if (!ndjson) {
        const JsonTextError &error = *read.error;
        const QString where = error.column > 0 ? QStringLiteral(", column %1").arg(error.column) : QString();
        const QString at = error.line > 0 ? QStringLiteral("%1:%2").arg(origin).arg(error.line) : origin;
        return core::Error { QStringLiteral("%1 is not valid JSON (%2%3) nor NDJSON; nothing was read from it.")
                                 .arg(at, error.message, where) };
    }
    for (qsizetype i = first; i < lines.size(); ++i) {
        const QByteArrayView line = lines[i];
        if (line.isEmpty())
            continue;
        core::DocumentOrigin where { origin, int(i + 1) };
        if (const std::optional<JsonTextError> lineError = json.readValue(line, where, record)) {
            const QString column
                = lineError->column > 0 ? QStringLiteral(" at column %1").arg(lineError->column) : QString();
            bundle.problems.append(core::Error { QStringLiteral("%1: not valid JSON (%2%3); the line was skipped.")
                                                     .arg(where.toString(), lineError->message, column) });
            continue;
        }
        take(std::move(record), std::move(where));
    }
    return bundle;
}

core::Result<BundleFetcher::Bundle> BundleFetcher::fetch(const QString &location, const Validators &previous)
{
    const QString scheme = location.section(u':', 0, 0).toLower();
    if (location.contains(QStringLiteral("://"))) {
        if (scheme == u"http" || scheme == u"https")
            return fetchUrl(location, previous);
        if (scheme == u"file")
            return fetchFile(QUrl(location).toLocalFile(), previous);
        return core::Error { QStringLiteral("Source \"%1\": %2 is neither an http(s) URL nor a local path. Check the "
                                            "bundle location.")
                                 .arg(m_sourceName, HttpClient::redactedUrl(QUrl(location))),
            core::ErrorKind::InvalidInput };
    }
    return fetchFile(location, previous);
}

core::Result<BundleFetcher::Bundle> BundleFetcher::fetchFile(const QString &path, const Validators &previous)
{
    const QFileInfo info(path);
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly))
        return core::Error { QStringLiteral("Source \"%1\": cannot read the bundle file %2 (%3). Check the path and "
                                            "that the file is readable.")
                                 .arg(m_sourceName, path,
                                     info.exists() ? file.errorString() : QStringLiteral("no such file")),
            info.exists() ? core::ErrorKind::Other : core::ErrorKind::NotFound };
    // A file has no ETag; its size and modification time play that part.
    const QDateTime modified = info.lastModified().toUTC();
    Validators current { QByteArray::number(info.size()) + '-' + QByteArray::number(modified.toMSecsSinceEpoch()),
        httpDate(modified).toLatin1() };
    if (!previous.etag.isEmpty() && previous.etag == current.etag) {
        Bundle bundle;
        bundle.notModified = true;
        bundle.validators = current;
        return bundle;
    }
    QByteArray data = file.readAll();
    if (isGzip(data)) {
        core::Result<QByteArray> inflated = gunzip(data, path);
        if (!inflated)
            return core::Error { QStringLiteral("Source \"%1\": %2").arg(m_sourceName, inflated.errorString()),
                inflated.errorKind() };
        data = std::move(inflated).value();
    }
    auto bundle = parse(data, path);
    if (!bundle)
        return core::Error { QStringLiteral("Source \"%1\": %2").arg(m_sourceName, bundle.errorString()),
            bundle.errorKind() };
    bundle->validators = current;
    return bundle;
}

core::Result<BundleFetcher::Bundle> BundleFetcher::fetchUrl(const QString &location, const Validators &previous)
{
    const QUrl url(location);
    HttpRequest request = HttpRequest::get(m_sourceName, url);
    request.bearerToken = m_token;
    request.withHeader(
        QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json, application/x-ndjson;q=0.9, */*;q=0.5"));
    if (!previous.etag.isEmpty())
        request.withHeader(QByteArrayLiteral("If-None-Match"), previous.etag);
    if (!previous.lastModified.isEmpty())
        request.withHeader(QByteArrayLiteral("If-Modified-Since"), previous.lastModified);
    auto response = m_http.send(request, m_cancel);
    if (!response)
        return response.error();

    Validators current { response->header("ETag"), response->header("Last-Modified") };
    if (response->notModified()) {
        Bundle bundle;
        bundle.notModified = true;
        // A 304 may refresh the validators; keep the old ones where it does not.
        bundle.validators = { current.etag.isEmpty() ? previous.etag : current.etag,
            current.lastModified.isEmpty() ? previous.lastModified : current.lastModified };
        return bundle;
    }
    auto bundle = parse(response->body, HttpClient::redactedUrl(url));
    if (!bundle)
        return core::Error { QStringLiteral("Source \"%1\": %2").arg(m_sourceName, bundle.errorString()),
            bundle.errorKind() };
    bundle->validators = current;
    return bundle;
}

} // namespace cairn::sync
