// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/BackstageClient.h"

#include "sync/HttpClient.h"
#include "sync/HttpRequest.h"
#include "sync/HttpResponse.h"
#include "sync/JsonItems.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace cairn::sync {

namespace {

// Each item parsed from its own bytes, the second half of them on the thread pool while
// this thread parses the first: this thread also writes the sync, and is what it waits
// for. Empty when one of them does not parse.
std::optional<QList<QJsonValue>> parseItems(
    const QByteArray &body, const QList<std::pair<qsizetype, qsizetype>> &ranges)
{
    const auto parse = [&body, &ranges](qsizetype from, qsizetype to) -> std::optional<QList<QJsonValue>> {
        QList<QJsonValue> values;
        values.reserve(to - from);
        for (qsizetype i = from; i < to; ++i) {
            std::optional<QJsonValue> item = parseJsonItem(body, ranges[i].first, ranges[i].second);
            if (!item)
                return std::nullopt;
            values.append(std::move(*item));
        }
        return values;
    };
    const qsizetype half = ranges.size() / 2;
    // Waiting for a half no pool thread has started runs it here.
    QFuture<std::optional<QList<QJsonValue>>> second = QtConcurrent::run(parse, half, ranges.size());
    std::optional<QList<QJsonValue>> values = parse(0, half);
    std::optional<QList<QJsonValue>> rest = second.takeResult();
    if (!values || !rest)
        return std::nullopt;
    values->append(std::move(*rest));
    return values;
}

// Kept beside the page validators: a validator is only good for the same walk.
constexpr auto kValidatorVersion = 1;

QByteArray encodeValidator(
    int pageSize, const QList<QByteArray> &cursors, const QList<QByteArray> &etags, qint64 totalItems)
{
    QJsonArray pages;
    for (qsizetype i = 0; i < cursors.size(); ++i) {
        pages.append(QJsonObject { { QStringLiteral("cursor"), QString::fromLatin1(cursors[i]) },
            { QStringLiteral("etag"), QString::fromLatin1(etags[i]) } });
    }
    const QJsonObject root { { QStringLiteral("v"), kValidatorVersion }, { QStringLiteral("limit"), pageSize },
        { QStringLiteral("totalItems"), double(totalItems) }, { QStringLiteral("pages"), pages } };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

// What a line of the light listing holds, in this order.
const QList<QByteArrayView> &listingPaths()
{
    static const QList<QByteArrayView> paths { "kind", "metadata.namespace", "metadata.name", "metadata.uid",
        "metadata.etag" };
    return paths;
}

QList<QString> listingValuesOf(const QJsonObject &item)
{
    const QJsonObject metadata = item.value(u"metadata").toObject();
    return { item.value(u"kind").toString(), metadata.value(u"namespace").toString(),
        metadata.value(u"name").toString(), metadata.value(u"uid").toString(), metadata.value(u"etag").toString() };
}

} // namespace

BackstageClient::BackstageClient(HttpClient &http, QUrl baseUrl, QByteArray token, QString sourceName)
    : m_http(http)
    , m_baseUrl(std::move(baseUrl))
    , m_token(std::move(token))
    , m_sourceName(std::move(sourceName))
{ }

QStringList BackstageClient::listingFields()
{
    return { QStringLiteral("kind"), QStringLiteral("metadata.namespace"), QStringLiteral("metadata.name"),
        QStringLiteral("metadata.uid"), QStringLiteral("metadata.etag") };
}

QUrl BackstageClient::endpoint(const QString &path) const
{
    QUrl url = m_baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

HttpRequest BackstageClient::request(QUrl url) const
{
    HttpRequest request = HttpRequest::get(m_sourceName, std::move(url));
    request.bearerToken = m_token;
    request.withHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    return request;
}

void BackstageClient::askPlainOnLoopback(HttpRequest &request)
{
    // The catalog sends a listing or a by-refs batch whole (with a Content-Length), but a
    // full page as it reads it, one HTTP chunk per entity. From a catalog on this machine
    // the first kind comes uncompressed: compressing costs the server CPU and saves no
    // time (the listing of 5,251 refs: 135 ms of its CPU plain, 174 ms in gzip, for 885 KB
    // against 260 KB). A full page stays gzip (HttpClient's default) even here: plain, its
    // 500 chunks would each cost Qt an event on the sync's thread.
    if (HttpClient::isLoopback(request.url))
        request.withHeader(QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("identity"));
}

core::Error BackstageClient::invalidResponse(const QUrl &url, const QString &what) const
{
    return core::Error { QStringLiteral("Source \"%1\": %2 is not a Backstage catalog response: %3. Check that the URL "
                                        "is the catalog API (it ends in /api/catalog) and try again; a proxy or an "
                                        "overloaded server may have cut the response short.")
                             .arg(m_sourceName, HttpClient::redactedUrl(url), what) };
}

core::Result<QJsonDocument> BackstageClient::parseBody(const QUrl &url, const QByteArray &body) const
{
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalidResponse(url,
            QStringLiteral("invalid JSON (%1 at byte %2 of %3)")
                .arg(parseError.errorString())
                .arg(parseError.offset)
                .arg(body.size()));
    return document;
}

core::Result<QList<std::optional<core::SourcedEntity>>> BackstageClient::readItems(
    const QUrl &url, const QByteArray &body, QJsonObject &envelope, const BeforeItems &beforeItems) const
{
    const core::DocumentOrigin origin { HttpClient::redactedUrl(m_baseUrl), 0 };
    QList<std::optional<core::SourcedEntity>> items;
    bool announced = false;
    const auto announce = [&](qsizetype count) -> core::Status {
        if (announced || !beforeItems)
            return {};
        announced = true;
        return beforeItems(envelope, count);
    };
    // Each item parsed from its own bytes, which are kept as the stored text: serialising
    // every entity again cost a tenth of a first sync.
    const std::optional<JsonItems> ranges = findJsonItems(body);
    if (std::optional<QJsonObject> outer = ranges ? parseJsonEnvelope(body, *ranges) : std::nullopt) {
        envelope = std::move(*outer);
        if (core::Status going = announce(ranges->items.size()); !going)
            return going.error();
        // Broken somewhere when empty: the whole-body parse below says where.
        if (const std::optional<QList<QJsonValue>> parsed = parseItems(body, ranges->items)) {
            items.reserve(parsed->size());
            for (qsizetype i = 0; i < parsed->size(); ++i) {
                const QJsonValue &item = parsed->at(i);
                if (item.isNull())
                    items.append(std::nullopt);
                else if (item.isObject())
                    items.append(core::SourcedEntity { core::Entity(item.toObject()), origin,
                        body.mid(ranges->items[i].first, ranges->items[i].second) });
                else
                    return invalidResponse(url, QStringLiteral("an item is neither an entity nor null"));
            }
            return items;
        }
    }
    core::Result<QJsonDocument> parsed = parseBody(url, body);
    if (!parsed)
        return parsed.error();
    envelope = parsed->object();
    if (!parsed->isObject() || !envelope.value(u"items").isArray())
        return invalidResponse(url, QStringLiteral("no \"items\" array"));
    const QJsonArray array = envelope.take(u"items").toArray();
    if (core::Status going = announce(array.size()); !going)
        return going.error();
    items.reserve(array.size());
    for (const QJsonValue item : array) {
        if (item.isNull())
            items.append(std::nullopt);
        else if (item.isObject())
            items.append(core::SourcedEntity { core::Entity(item.toObject()), origin });
        else
            return invalidResponse(url, QStringLiteral("an item is neither an entity nor null"));
    }
    return items;
}

core::Error BackstageClient::cancelledError() const
{
    return core::Error { QStringLiteral("Source \"%1\": the sync was cancelled.").arg(m_sourceName),
        core::ErrorKind::Cancelled };
}

void BackstageClient::report(Phase phase, qint64 done, qint64 total) const
{
    if (m_progress)
        m_progress(phase, done, total);
}

HttpRequest BackstageClient::pageRequest(
    const QByteArray &cursor, const QStringList &fields, const QByteArray &ifNoneMatch) const
{
    // Built by hand so that a base64 cursor's `+` and `/` are percent-encoded: servers
    // built on Express read a bare `+` in a query as a space.
    QByteArray query = "limit=" + QByteArray::number(m_pageSize);
    if (!cursor.isEmpty())
        query += "&cursor=" + QUrl::toPercentEncoding(QString::fromLatin1(cursor));
    // The cursor carries the filter and order, not the field selection: fields go on every page.
    if (!fields.isEmpty())
        query += "&fields=" + QUrl::toPercentEncoding(fields.join(u','), ",.");
    QUrl url = endpoint(QStringLiteral("/entities/by-query"));
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);

    HttpRequest req = request(url);
    if (!ifNoneMatch.isEmpty())
        req.withHeader(QByteArrayLiteral("If-None-Match"), ifNoneMatch);
    if (!fields.isEmpty())
        askPlainOnLoopback(req);
    return req;
}

core::Result<BackstageClient::Page> BackstageClient::readPage(
    const QUrl &url, core::Result<HttpResponse> response) const
{
    if (!response)
        return response.error();
    Page page;
    page.status = response->status;
    page.etag = response->header("ETag");
    if (response->notModified())
        return page;
    const QByteArray &body = response->body;
    // values: kind, namespace, name, uid, etag
    const auto append = [&](QList<QString> &&values) -> core::Status {
        if (values[1].isEmpty())
            values[1] = QStringLiteral("default");
        ListedEntity listed { core::EntityRef(std::move(values[0]), std::move(values[1]), std::move(values[2])),
            std::move(values[3]), std::move(values[4]) };
        // An incomplete line would look like a removal to the diff, so it stops the listing.
        if (listed.ref.isNull() || listed.ref.kind().isEmpty() || listed.uid.isEmpty() || listed.etag.isEmpty())
            return invalidResponse(url,
                QStringLiteral("item %1 lacks kind, metadata.name, metadata.uid or metadata.etag")
                    .arg(page.entities.size()));
        page.entities.append(std::move(listed));
        return {};
    };

    // Each line read off its bytes where it is plain: thousands of lines of five short
    // strings, which as a parsed document cost more than all the rest of a no-change
    // re-sync. A line the scan cannot read is parsed; a body that is no list, parsed whole.
    const std::optional<JsonItems> ranges = findJsonItems(body);
    if (std::optional<QJsonObject> outer = ranges ? parseJsonEnvelope(body, *ranges) : std::nullopt) {
        page.body = std::move(*outer);
        page.entities.reserve(ranges->items.size());
        bool whole = true;
        for (const auto &[start, length] : ranges->items) {
            std::optional<QList<QString>> values = readStringMembers(body, start, length, listingPaths());
            if (!values) {
                const std::optional<QJsonValue> item = parseJsonItem(body, start, length);
                if (!item) {
                    whole = false; // broken somewhere: the whole-body parse below says where
                    break;
                }
                values = listingValuesOf(item->toObject());
            }
            if (core::Status added = append(std::move(*values)); !added)
                return added.error();
        }
        if (whole)
            return page;
        page.entities.clear();
    }
    core::Result<QJsonDocument> parsed = parseBody(url, body);
    if (!parsed)
        return parsed.error();
    const QJsonDocument &document = parsed.value();
    if (!document.isObject() || !document.object().value(u"items").isArray())
        return invalidResponse(url, QStringLiteral("no \"items\" array"));
    page.body = document.object();
    const QJsonArray items = page.body.take(u"items").toArray();
    page.entities.reserve(items.size());
    for (const QJsonValue item : items) {
        if (core::Status added = append(listingValuesOf(item.toObject())); !added)
            return added.error();
    }
    return page;
}

// One exchange on the wire while the caller does something else: the next page downloads
// (in the network manager's own thread) while the previous one is validated and written.
struct BackstageClient::InFlight
{
    QObject context; // the callback's guard: destroyed unanswered, the answer is dropped
    std::optional<core::Result<HttpResponse>> response;
    QEventLoop *loop = nullptr;
};

std::unique_ptr<BackstageClient::InFlight> BackstageClient::start(const HttpRequest &request)
{
    auto flight = std::make_unique<InFlight>();
    InFlight *raw = flight.get();
    m_http.send(
        request, &raw->context,
        [raw](core::Result<HttpResponse> response) {
            raw->response.emplace(std::move(response));
            if (raw->loop)
                raw->loop->quit();
        },
        m_cancel);
    // HttpClient starts an exchange from its event loop (so that even an immediate failure
    // is reported later), and so does QNetworkAccessManager: let both hops run now, or the
    // request would leave only once the caller waits for it, after its own work.
    for (int hop = 0; hop < 2; ++hop)
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    return flight;
}

core::Result<HttpResponse> BackstageClient::wait(InFlight &flight)
{
    if (!flight.response) {
        QEventLoop loop;
        flight.loop = &loop;
        loop.exec(QEventLoop::ExcludeUserInputEvents);
        flight.loop = nullptr;
    }
    return std::move(*flight.response);
}

core::Result<std::optional<qint64>> BackstageClient::countEntities()
{
    const int pageSize = std::exchange(m_pageSize, 1);
    const HttpRequest req = pageRequest({}, listingFields(), {});
    m_pageSize = pageSize;
    core::Result<HttpResponse> response = m_http.send(req, m_cancel);
    if (!response)
        return response.error();
    // An answer that is not a listing (readPage's error) is a fact about the address here,
    // not a failure of the exchange.
    const core::Result<Page> page = readPage(req.url, std::move(response));
    if (!page || !page->body.value(u"totalItems").isDouble())
        return std::optional<qint64>();
    return std::optional<qint64>(qint64(page->body.value(u"totalItems").toDouble()));
}

core::Result<BackstageClient::Page> BackstageClient::getPage(const QByteArray &cursor, const QStringList &fields,
    const QByteArray &ifNoneMatch, const std::function<void()> &meanwhile)
{
    const HttpRequest req = pageRequest(cursor, fields, ifNoneMatch);
    if (!meanwhile)
        return readPage(req.url, m_http.send(req, m_cancel));
    const std::unique_ptr<InFlight> flight = start(req);
    meanwhile();
    return readPage(req.url, wait(*flight));
}

core::Result<BackstageClient::Listing> BackstageClient::listEntities(
    const QByteArray &previousValidator, const std::function<void()> &meanwhile)
{
    // Handed to the first request only.
    std::function<void()> first = meanwhile;
    const auto once = [&first]() -> std::function<void()> { return std::exchange(first, {}); };
    const QStringList fields = listingFields();
    std::optional<Page> firstPage;

    // Ask every page of the previous walk "changed since?". A page's body holds the next
    // page's cursor, so a 304 means that cursor is still the one stored.
    const QJsonObject previous = QJsonDocument::fromJson(previousValidator).object();
    const QJsonArray previousPages = previous.value(u"pages").toArray();
    if (previous.value(u"v").toInt() == kValidatorVersion && previous.value(u"limit").toInt() == m_pageSize
        && !previousPages.isEmpty()) {
        bool allSame = true;
        for (qsizetype i = 0; i < previousPages.size(); ++i) {
            if (cancelled())
                return cancelledError();
            const QJsonObject stored = previousPages.at(i).toObject();
            auto page = getPage(stored.value(u"cursor").toString().toLatin1(), fields,
                stored.value(u"etag").toString().toLatin1(), once());
            if (!page)
                return page.error();
            if (page->status != 304) {
                if (i == 0)
                    firstPage = std::move(*page); // the walk below starts with it
                allSame = false;
                break;
            }
        }
        if (allSame) {
            Listing listing;
            listing.notModified = true;
            listing.totalItems = qint64(previous.value(u"totalItems").toDouble());
            listing.validator = previousValidator;
            report(Phase::Listing, listing.totalItems, listing.totalItems);
            return listing;
        }
    }

    Listing listing;
    QList<QByteArray> cursors;
    QList<QByteArray> etags;
    QSet<QByteArray> seenCursors;
    QByteArray cursor;
    while (true) {
        if (cancelled())
            return cancelledError();
        Page page;
        if (firstPage && cursor.isEmpty()) {
            page = std::move(*firstPage);
            firstPage.reset();
        } else {
            auto fetched = getPage(cursor, fields, {}, once());
            if (!fetched)
                return fetched.error();
            page = std::move(*fetched);
        }
        if (page.status == 304)
            return invalidResponse(endpoint(QStringLiteral("/entities/by-query")),
                QStringLiteral("304 Not Modified to an unconditional request"));
        cursors.append(cursor);
        etags.append(page.etag);
        listing.totalItems = qint64(page.body.value(u"totalItems").toDouble());
        const bool emptyPage = page.entities.isEmpty();
        listing.entities.append(std::move(page.entities));
        report(Phase::Listing, listing.entities.size(), listing.totalItems);
        const QByteArray next = page.body.value(u"pageInfo").toObject().value(u"nextCursor").toString().toLatin1();
        if (next.isEmpty())
            break;
        if (seenCursors.contains(next) || emptyPage)
            return invalidResponse(
                endpoint(QStringLiteral("/entities/by-query")), QStringLiteral("the cursor paging does not advance"));
        seenCursors.insert(next);
        cursor = next;
    }
    // Without an ETag on every page there is nothing to ask next time.
    if (!etags.contains(QByteArray()))
        listing.validator = encodeValidator(m_pageSize, cursors, etags, listing.totalItems);
    return listing;
}

core::Result<QList<std::optional<core::SourcedEntity>>> BackstageClient::fetchByRefs(
    const QList<core::EntityRef> &refs, int batchSize)
{
    QList<std::optional<core::SourcedEntity>> result;
    result.reserve(refs.size());
    core::Status status = fetchByRefs(refs, batchSize, [&result](QList<std::optional<core::SourcedEntity>> &&batch) {
        result.append(std::move(batch));
        return core::Status {};
    });
    if (!status)
        return status.error();
    return result;
}

core::Status BackstageClient::fetchByRefs(const QList<core::EntityRef> &refs, int batchSize,
    const std::function<core::Status(QList<std::optional<core::SourcedEntity>> &&batch)> &onBatch)
{
    const QUrl url = endpoint(QStringLiteral("/entities/by-refs"));
    batchSize = std::max(1, batchSize);
    const auto batchRequest = [&](qsizetype start) {
        const qsizetype count = std::min<qsizetype>(batchSize, refs.size() - start);
        QJsonArray entityRefs;
        // The lower-case key: the catalog backend (4.0.0, seen live) matches by-refs against
        // its lower-cased refs and answers null for `Component:default/x`.
        for (qsizetype i = start; i < start + count; ++i)
            entityRefs.append(refs[i].key());
        // `fields` would go in this body too; in the query string the server rejects it.
        HttpRequest req = request(url);
        req.method = HttpRequest::Method::Post;
        req.contentType = QByteArrayLiteral("application/json");
        req.body = QJsonDocument(QJsonObject { { QStringLiteral("entityRefs"), entityRefs } })
                       .toJson(QJsonDocument::Compact);
        askPlainOnLoopback(req);
        return req;
    };
    if (refs.isEmpty())
        return {};
    qsizetype done = 0;
    std::unique_ptr<InFlight> flight = start(batchRequest(0));
    for (qsizetype start = 0; start < refs.size(); start += batchSize) {
        if (cancelled())
            return cancelledError();
        const qsizetype count = std::min<qsizetype>(batchSize, refs.size() - start);
        auto response = wait(*flight);
        if (!response)
            return response.error();
        // The next batch is asked for before this one is handed on (see InFlight).
        if (start + batchSize < refs.size())
            flight = this->start(batchRequest(start + batchSize));
        QJsonObject envelope;
        // null: removed since the listing
        core::Result<QList<std::optional<core::SourcedEntity>>> batch = readItems(url, response->body, envelope);
        if (!batch)
            return batch.error();
        if (batch->size() != count)
            return invalidResponse(url, QStringLiteral("%1 items for %2 refs").arg(batch->size()).arg(count));
        done += count;
        if (core::Status status = onBatch(std::move(batch).value()); !status)
            return status;
        report(Phase::Fetching, done, refs.size());
    }
    return {};
}

core::Status BackstageClient::fetchAllPages(const std::function<core::Status(QList<core::SourcedEntity> &&)> &onPage)
{
    QSet<QByteArray> seenCursors;
    qint64 done = 0;
    HttpRequest req = pageRequest({}, {}, {});
    std::unique_ptr<InFlight> flight = start(req);
    while (true) {
        if (cancelled())
            return cancelledError();
        core::Result<HttpResponse> response = wait(*flight);
        if (!response)
            return response.error();
        if (response->notModified())
            return invalidResponse(endpoint(QStringLiteral("/entities/by-query")),
                QStringLiteral("304 Not Modified to an unconditional request"));
        // The next page is asked for as soon as its cursor is read, before this page's
        // entities are parsed and handed on (see InFlight): the server prepares it
        // meanwhile. The envelope is read first, off a scan of the body.
        const QUrl url = req.url;
        QByteArray next;
        QJsonObject envelope;
        core::Result<QList<std::optional<core::SourcedEntity>>> items
            = readItems(url, response->body, envelope, [&](const QJsonObject &read, qsizetype count) -> core::Status {
                  next = read.value(u"pageInfo").toObject().value(u"nextCursor").toString().toLatin1();
                  if (next.isEmpty())
                      return {};
                  if (seenCursors.contains(next) || count == 0)
                      return invalidResponse(endpoint(QStringLiteral("/entities/by-query")),
                          QStringLiteral("the cursor paging does not advance"));
                  seenCursors.insert(next);
                  req = pageRequest(next, {}, {});
                  flight = start(req);
                  return {};
              });
        if (!items)
            return items.error();
        QList<core::SourcedEntity> entities;
        entities.reserve(items->size());
        for (std::optional<core::SourcedEntity> &item : *items) {
            // A listing has no nulls; one would be an empty document, refused as invalid.
            entities.append(item ? std::move(*item)
                                 : core::SourcedEntity { core::Entity(), { HttpClient::redactedUrl(m_baseUrl), 0 } });
        }
        done += entities.size();
        const qint64 total = qint64(envelope.value(u"totalItems").toDouble());
        if (auto status = onPage(std::move(entities)); !status)
            return status;
        report(Phase::Fetching, done, total);
        if (next.isEmpty())
            return {};
    }
}

core::Result<QList<core::SourcedEntity>> BackstageClient::fetchAll()
{
    QList<core::SourcedEntity> all;
    auto status = fetchAllPages([&all](QList<core::SourcedEntity> &&page) -> core::Status {
        all.append(std::move(page));
        return {};
    });
    if (!status)
        return status.error();
    return all;
}

} // namespace cairn::sync
