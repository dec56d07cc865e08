// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/FakeBackstageServer.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace cairn::sync::test {

namespace {

QByteArray errorBody(const QString &name, const QString &message)
{
    return QJsonDocument(
        QJsonObject { { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("name"), name }, { QStringLiteral("message"), message } } } })
        .toJson(QJsonDocument::Compact);
}

// `fields=a.b,c` keeps only those paths, as the catalog does.
QJsonObject project(const QJsonObject &entity, const QStringList &fields)
{
    if (fields.isEmpty())
        return entity;
    QJsonObject out;
    for (const QString &field : fields) {
        const QStringList parts = field.split(u'.');
        if (parts.size() == 1) {
            if (entity.contains(parts[0]))
                out.insert(parts[0], entity.value(parts[0]));
        } else if (parts.size() == 2) {
            const QJsonValue value = entity.value(parts[0]).toObject().value(parts[1]);
            if (!value.isUndefined()) {
                QJsonObject inner = out.value(parts[0]).toObject();
                inner.insert(parts[1], value);
                out.insert(parts[0], inner);
            }
        }
    }
    return out;
}

QString refKey(const QString &kind, const QString &ns, const QString &name)
{
    return QStringLiteral("%1:%2/%3").arg(kind, ns, name).toLower();
}

} // namespace

FakeBackstageServer::FakeBackstageServer(QByteArray token, QObject *parent)
    : QObject(parent)
    , m_token(std::move(token))
{
    m_http.setHandler([this](const RecordedRequest &request) {
        CannedReply reply = handle(request);
        m_statuses.append(reply.status);
        return reply;
    });
}

bool FakeBackstageServer::start(const QHostAddress &address, bool tls)
{
    return m_http.start(address, tls);
}

QUrl FakeBackstageServer::baseUrl() const
{
    return m_http.url(QStringLiteral("/api/catalog"));
}

void FakeBackstageServer::clearRequests()
{
    m_http.clearRequests();
    m_statuses.clear();
}

void FakeBackstageServer::failNext(int count, int status, QByteArray retryAfter)
{
    m_failCount = count;
    m_failStatus = status;
    m_failRetryAfter = std::move(retryAfter);
}

QJsonObject FakeBackstageServer::putEntity(
    const QString &kind, const QString &name, const QJsonObject &spec, const QString &ns)
{
    const QString key = refKey(kind, ns, name);
    QString uid = m_uidByRef.value(key);
    if (uid.isEmpty()) {
        uid = QUuid::createUuidV5(QUuid(), key).toString(QUuid::WithoutBraces);
        m_uidByRef.insert(key, uid);
    }
    QJsonObject metadata { { QStringLiteral("namespace"), ns }, { QStringLiteral("name"), name },
        { QStringLiteral("uid"), uid } };
    QJsonObject entity { { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
        { QStringLiteral("kind"), kind }, { QStringLiteral("metadata"), metadata }, { QStringLiteral("spec"), spec },
        { QStringLiteral("relations"), QJsonArray() } };
    const QByteArray etag
        = QCryptographicHash::hash(QJsonDocument(entity).toJson(QJsonDocument::Compact), QCryptographicHash::Sha1)
              .toHex();
    metadata.insert(QStringLiteral("etag"), QString::fromLatin1(etag));
    entity.insert(QStringLiteral("metadata"), metadata);
    m_byUid.insert(uid, entity);
    return entity;
}

bool FakeBackstageServer::removeEntity(const QString &kind, const QString &name, const QString &ns)
{
    const QString uid = m_uidByRef.take(refKey(kind, ns, name));
    return !uid.isEmpty() && m_byUid.remove(uid) > 0;
}

CannedReply FakeBackstageServer::handle(const RecordedRequest &request)
{
    if (interceptor) {
        if (auto reply = interceptor(request))
            return *reply;
    }
    if (m_failCount > 0) {
        --m_failCount;
        CannedReply reply
            = CannedReply::json(errorBody(QStringLiteral("Error"), QStringLiteral("injected failure")), m_failStatus);
        if (!m_failRetryAfter.isEmpty())
            reply.headers.append({ QByteArrayLiteral("Retry-After"), m_failRetryAfter });
        return reply;
    }
    if (request.header("Authorization") != "Bearer " + m_token)
        return CannedReply::json(
            errorBody(QStringLiteral("AuthenticationError"), QStringLiteral("Missing credentials")), 401);
    if (request.method == "GET" && request.path == u"/api/catalog/entities/by-query")
        return byQuery(request);
    if (request.method == "POST" && request.path == u"/api/catalog/entities/by-refs")
        return byRefs(request);
    return CannedReply::json(errorBody(QStringLiteral("NotFoundError"), QStringLiteral("Not found")), 404);
}

CannedReply FakeBackstageServer::byQuery(const RecordedRequest &request)
{
    const int limit
        = request.query.hasQueryItem(QStringLiteral("limit")) ? request.param(QStringLiteral("limit")).toInt() : 20;
    QString kindFilter;
    QString after;
    const QString cursorText = request.param(QStringLiteral("cursor"));
    if (!cursorText.isEmpty()) {
        // A cursor carries the query; the catalog rejects a query beside it.
        if (request.query.hasQueryItem(QStringLiteral("filter"))
            || request.query.hasQueryItem(QStringLiteral("orderField")))
            return CannedReply::json(errorBody(QStringLiteral("InputError"), QStringLiteral("cursor with query")), 400);
        const QJsonObject cursor = QJsonDocument::fromJson(
            QByteArray::fromBase64(cursorText.toLatin1(), QByteArray::AbortOnBase64DecodingErrors))
                                       .object();
        if (!cursor.contains(u"after"))
            return CannedReply::json(errorBody(QStringLiteral("InputError"), QStringLiteral("Malformed cursor")), 400);
        after = cursor.value(u"after").toString();
        kindFilter = cursor.value(u"kind").toString();
    } else {
        const QString filter = request.param(QStringLiteral("filter"));
        if (filter.startsWith(u"kind="))
            kindFilter = filter.mid(5).toLower();
    }
    const QStringList fields = request.param(QStringLiteral("fields")).split(u',', Qt::SkipEmptyParts);

    QList<QJsonObject> matching;
    for (const QJsonObject &entity : std::as_const(m_byUid)) {
        if (kindFilter.isEmpty() || entity.value(u"kind").toString().toLower() == kindFilter)
            matching.append(entity);
    }
    QJsonArray items;
    QString lastUid;
    bool more = false;
    for (const QJsonObject &entity : std::as_const(matching)) {
        const QString uid = entity.value(u"metadata").toObject().value(u"uid").toString();
        if (!after.isEmpty() && uid <= after)
            continue;
        if (items.size() >= limit) {
            more = true;
            break;
        }
        items.append(project(entity, fields));
        lastUid = uid;
    }
    QJsonObject pageInfo;
    if (more) {
        // The tildes make the base64 contain `+` and `/`, which must survive the query string.
        const QJsonObject next { { QStringLiteral("after"), lastUid }, { QStringLiteral("kind"), kindFilter },
            { QStringLiteral("pad"), QStringLiteral("~~~~~~??????") },
            { QStringLiteral("totalItems"), int(matching.size()) } };
        pageInfo.insert(QStringLiteral("nextCursor"),
            QString::fromLatin1(QJsonDocument(next).toJson(QJsonDocument::Compact).toBase64()));
    }
    if (!after.isEmpty()) {
        const QJsonObject prev { { QStringLiteral("before"), after }, { QStringLiteral("isPrevious"), true } };
        pageInfo.insert(QStringLiteral("prevCursor"),
            QString::fromLatin1(QJsonDocument(prev).toJson(QJsonDocument::Compact).toBase64()));
    }
    const QByteArray body = QJsonDocument(
        QJsonObject { { QStringLiteral("items"), items }, { QStringLiteral("totalItems"), int(matching.size()) },
            { QStringLiteral("pageInfo"),
                pageInfo } }).toJson(QJsonDocument::Compact);
    CannedReply reply = CannedReply::json(body);
    if (!fields.isEmpty()) {
        // Only projected listings carry an ETag; full pages are streamed without one.
        const QByteArray etag = "W/\"" + QCryptographicHash::hash(body, QCryptographicHash::Sha1).toBase64() + '"';
        reply.headers.append({ QByteArrayLiteral("ETag"), etag });
        if (request.isFresh(etag)) {
            reply.status = 304;
            reply.body.clear();
        }
    }
    return reply;
}

CannedReply FakeBackstageServer::byRefs(const RecordedRequest &request)
{
    if (request.query.hasQueryItem(QStringLiteral("fields")))
        return CannedReply::json(
            errorBody(QStringLiteral("InputError"), QStringLiteral("Unknown query parameter 'fields'")), 400);
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (!body.value(u"entityRefs").isArray())
        return CannedReply::json(errorBody(QStringLiteral("InputError"), QStringLiteral("entityRefs missing")), 400);
    QStringList fields;
    for (const QJsonValue field : body.value(u"fields").toArray())
        fields.append(field.toString());
    QJsonArray items;
    for (const QJsonValue ref : body.value(u"entityRefs").toArray()) {
        // As strict as the real backend: only lower-case refs match.
        const QString uid = m_uidByRef.value(ref.toString());
        if (uid.isEmpty())
            items.append(QJsonValue::Null);
        else
            items.append(project(m_byUid.value(uid), fields));
    }
    return CannedReply::json(
        QJsonDocument(QJsonObject { { QStringLiteral("items"), items } }).toJson(QJsonDocument::Compact));
}

} // namespace cairn::sync::test
