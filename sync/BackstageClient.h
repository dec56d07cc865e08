// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Entity.h"
#include "core/EntityRef.h"
#include "core/Result.h"
#include "core/SourcedEntity.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace cairn::sync {

class HttpClient;
struct HttpRequest;
struct HttpResponse;

// The Backstage catalog REST protocol (catalog backend 4.x), on top of HttpClient:
// cursor-paged `GET /entities/by-query` and batched `POST /entities/by-refs`. It only
// speaks the protocol; diffing and writing the cache are the sync engine's job.
// Blocking calls, for the sync engine's worker thread.
class BackstageClient final
{
    Q_DISABLE_COPY_MOVE(BackstageClient)

public:
    enum class Phase { Listing, Fetching };

    // One line of the light listing: enough to diff against the cache.
    struct ListedEntity
    {
        core::EntityRef ref;
        QString uid;
        QString etag;
    };

    struct Listing
    {
        bool notModified = false; // every page answered 304: nothing changed
        QList<ListedEntity> entities; // empty when notModified
        qint64 totalItems = 0;
        // Opaque; keep it and pass it to the next listEntities() to ask "changed since?".
        QByteArray validator;
    };

    using Progress = std::function<void(Phase phase, qint64 done, qint64 total)>;

    // `baseUrl` is the catalog API root, such as https://backstage.example.com/api/catalog.
    BackstageClient(HttpClient &http, QUrl baseUrl, QByteArray token, QString sourceName);

    void setPageSize(int limit) { m_pageSize = limit; }
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }

    static QStringList listingFields();

    // Walks the listing with `fields=` (kind, namespace, name, uid, etag). With the
    // validator of the previous listing, every page is asked with If-None-Match, and when
    // all answer 304 the result is notModified (and transferred next to nothing).
    // `meanwhile`, when given, runs once, right after the first request has left: work the
    // caller can do while the server prepares its answer.
    core::Result<Listing> listEntities(
        const QByteArray &previousValidator = {}, const std::function<void()> &meanwhile = {});

    // Full entities come parsed and with the JSON text the server sent for each (stored as
    // received; see core::SourcedEntity::json), their origin the catalog's URL.

    // Full entities in the order of `refs`; std::nullopt for refs the catalog no longer has.
    core::Result<QList<std::optional<core::SourcedEntity>>> fetchByRefs(
        const QList<core::EntityRef> &refs, int batchSize = 500);
    // The same, handed on batch by batch while the next batch downloads. `onBatch` may stop
    // by returning an error, which is passed through.
    core::Status fetchByRefs(const QList<core::EntityRef> &refs, int batchSize,
        const std::function<core::Status(QList<std::optional<core::SourcedEntity>> &&batch)> &onBatch);

    // Every entity, page by page (for a first sync); each page is handed on while the next
    // one downloads. `onPage` may stop the walk by returning an error, which is passed through.
    core::Status fetchAllPages(const std::function<core::Status(QList<core::SourcedEntity> &&page)> &onPage);
    core::Result<QList<core::SourcedEntity>> fetchAll();

    // How many entities the catalog holds, from one listing page of one entity (its
    // totalItems): a connection test's question, a few hundred bytes whatever the catalog's
    // size. std::nullopt when the server answered but not as the catalog does (another
    // service at that address, a web page); an error when the exchange itself failed.
    core::Result<std::optional<qint64>> countEntities();

private:
    // A page of the light listing.
    struct Page
    {
        int status = 0;
        QJsonObject body; // without its items: totalItems, pageInfo
        QList<ListedEntity> entities;
        QByteArray etag;
    };

    struct InFlight;

    QUrl endpoint(const QString &path) const;
    HttpRequest request(QUrl url) const;
    static void askPlainOnLoopback(HttpRequest &request);
    HttpRequest pageRequest(const QByteArray &cursor, const QStringList &fields, const QByteArray &ifNoneMatch) const;
    core::Result<Page> readPage(const QUrl &url, core::Result<HttpResponse> response) const;
    core::Result<Page> getPage(const QByteArray &cursor, const QStringList &fields, const QByteArray &ifNoneMatch,
        const std::function<void()> &meanwhile = {});
    std::unique_ptr<InFlight> start(const HttpRequest &request);
    static core::Result<HttpResponse> wait(InFlight &flight);
    core::Error invalidResponse(const QUrl &url, const QString &what) const;
    core::Result<QJsonDocument> parseBody(const QUrl &url, const QByteArray &body) const;
    // Told the rest of a list body (totalItems, pageInfo) and how many items it has, before
    // they are parsed; an error stops the reading.
    using BeforeItems = std::function<core::Status(const QJsonObject &envelope, qsizetype count)>;
    // The "items" of a page or batch, each parsed with its own text (JSON null: nullopt),
    // and in `envelope` the rest of the body.
    core::Result<QList<std::optional<core::SourcedEntity>>> readItems(
        const QUrl &url, const QByteArray &body, QJsonObject &envelope, const BeforeItems &beforeItems = {}) const;
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    core::Error cancelledError() const;
    void report(Phase phase, qint64 done, qint64 total) const;

    HttpClient &m_http;
    QUrl m_baseUrl;
    QByteArray m_token;
    QString m_sourceName;
    int m_pageSize = 500;
    Progress m_progress;
    const std::atomic<bool> *m_cancel = nullptr;
};

} // namespace cairn::sync
