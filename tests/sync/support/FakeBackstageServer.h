// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>

#include <functional>
#include <optional>

#include "support/LoopbackHttpServer.h"

namespace cairn::sync::test {

// The Backstage catalog endpoints Cairn uses, as the real catalog backend 4.0.0 answers
// them (tools/backstage-server, seen live): cursor-paged GET /entities/by-query with
// opaque base64 cursors that carry the query, `fields=` projection with a weak ETag and
// 304, POST /entities/by-refs with nulls, and a bearer token (401 without it).
class FakeBackstageServer final : public QObject
{
    Q_OBJECT

public:
    explicit FakeBackstageServer(QByteArray token = QByteArrayLiteral("test-token-123"), QObject *parent = nullptr);

    bool start(const QHostAddress &address = QHostAddress::LocalHost, bool tls = false);
    QUrl baseUrl() const; // .../api/catalog
    const QByteArray &token() const { return m_token; }
    LoopbackHttpServer &http() { return m_http; }
    const QList<RecordedRequest> &requests() const { return m_http.requests(); }
    // Statuses answered, in the order of requests().
    const QList<int> &statuses() const { return m_statuses; }
    void clearRequests();

    // Adds or replaces an entity; uid stays stable per ref, etag follows the content.
    QJsonObject putEntity(const QString &kind, const QString &name, const QJsonObject &spec = {},
        const QString &ns = QStringLiteral("default"));
    bool removeEntity(const QString &kind, const QString &name, const QString &ns = QStringLiteral("default"));
    int entityCount() const { return int(m_byUid.size()); }

    // Called before the catalog; a reply returned here is sent instead (faults, delays).
    std::function<std::optional<CannedReply>(const RecordedRequest &)> interceptor;
    // The next `count` requests answer `status` (with Retry-After when given).
    void failNext(int count, int status, QByteArray retryAfter = {});

private:
    CannedReply handle(const RecordedRequest &request);
    CannedReply byQuery(const RecordedRequest &request);
    CannedReply byRefs(const RecordedRequest &request);

    LoopbackHttpServer m_http;
    QByteArray m_token;
    QMap<QString, QJsonObject> m_byUid; // ordered by uid, as the catalog orders
    QMap<QString, QString> m_uidByRef; // lower-case kind:namespace/name → uid
    QList<int> m_statuses;
    int m_failCount = 0;
    int m_failStatus = 500;
    QByteArray m_failRetryAfter;
};

} // namespace cairn::sync::test
