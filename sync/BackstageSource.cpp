// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/BackstageSource.h"

#include "sync/BackstageClient.h"
#include "sync/SyncLog.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace cairn::sync {

namespace {

core::EntityRef refFromKey(const QString &key)
{
    core::Result<core::EntityRef> ref = core::EntityRef::parse(key);
    return ref ? ref.value() : core::EntityRef();
}

SyncPhase toSyncPhase(BackstageClient::Phase phase)
{
    return phase == BackstageClient::Phase::Listing ? SyncPhase::Listing : SyncPhase::Fetching;
}

} // namespace

BackstageSource::BackstageSource(Settings settings)
    : m_settings(std::move(settings))
{ }

core::Result<SourceHarvest> BackstageSource::collect(const HarvestContext &context)
{
    // The client is made here, on the thread that runs the sync: its network manager is
    // bound to the thread that creates it.
    HttpClient http(m_settings.http);
    BackstageClient client(http, m_settings.baseUrl, m_settings.token, m_settings.sourceName);
    client.setPageSize(m_settings.pageSize);
    client.setCancelFlag(context.cancel);
    client.setProgress([&](BackstageClient::Phase phase, qint64 done, qint64 total) {
        if (context.progress)
            context.progress(toSyncPhase(phase), done, total);
    });

    SourceHarvest harvest;
    // Exchanges on the wire (retries and redirects included), counted where they end: the
    // client's network manager, which is its child. Tests and the log compare this figure.
    if (auto *network = http.findChild<QNetworkAccessManager *>())
        QObject::connect(network, &QNetworkAccessManager::finished, &http, [&harvest] { ++harvest.requests; });

    // Pages and batches go to the engine as they arrive, so that writing one overlaps the
    // download of the next; without a taker they are kept in the harvest.
    const auto handOn = [&](QList<core::SourcedEntity> &&part) -> core::Status {
        if (context.deliver)
            return context.deliver(std::move(part));
        harvest.entities.append(std::move(part));
        return {};
    };

    if (!context.knownEtags.any()) {
        // Nothing cached to diff against: full pages cost one round trip per page instead
        // of a listing plus every entity by refs.
        if (context.progress)
            context.progress(SyncPhase::Fetching, 0, -1);
        core::Status status = client.fetchAllPages(
            [&](QList<core::SourcedEntity> &&page) -> core::Status { return handOn(std::move(page)); });
        if (!status)
            return status.error();
        return harvest;
    }

    client.setPageSize(m_settings.listingPageSize);
    const QByteArray previousValidator = context.state.value(listingValidatorKey()).toString().toUtf8();
    if (context.progress)
        context.progress(SyncPhase::Listing, 0, -1);
    // The cache's etags are read while the server prepares the listing; a failed read is
    // reported by the load below, which reads nothing more when the first one succeeded.
    core::Result<BackstageClient::Listing> listing = client.listEntities(previousValidator, [&] {
        if (core::Status early = context.knownEtags.load(); !early)
            qCDebug(syncLog) << "etags not read ahead of the listing:" << early.errorString();
    });
    if (!listing)
        return listing.error();
    if (core::Status loaded = context.knownEtags.load(); !loaded)
        return loaded.error();
    const QHash<QString, QString> &knownEtags = context.knownEtags.etags();
    harvest.state = context.state;
    if (listing->notModified) {
        // Every page answered 304: the catalog is as the cache holds it.
        harvest.notModified = true;
        harvest.unchangedRefs.reserve(knownEtags.size());
        for (auto it = knownEtags.cbegin(); it != knownEtags.cend(); ++it) {
            const core::EntityRef ref = refFromKey(it.key());
            if (!ref.isNull())
                harvest.unchangedRefs.append(ref);
        }
        return harvest;
    }
    if (listing->validator.isEmpty())
        harvest.state.remove(listingValidatorKey());
    else
        harvest.state.insert(listingValidatorKey(), QString::fromUtf8(listing->validator));

    QList<core::EntityRef> toFetch;
    for (const BackstageClient::ListedEntity &listed : std::as_const(listing->entities)) {
        const auto cached = knownEtags.constFind(listed.ref.key());
        if (cached != knownEtags.cend() && cached.value() == listed.etag)
            harvest.unchangedRefs.append(listed.ref);
        else
            toFetch.append(listed.ref);
    }
    if (!toFetch.isEmpty()) {
        core::Status status = client.fetchByRefs(
            toFetch, m_settings.batchSize, [&](QList<std::optional<core::SourcedEntity>> &&batch) -> core::Status {
                QList<core::SourcedEntity> part;
                part.reserve(batch.size());
                for (std::optional<core::SourcedEntity> &entity : batch) {
                    // null: deleted between the listing and the fetch. Left out, it is removed
                    // like any entity the catalog no longer has.
                    if (entity)
                        part.append(std::move(*entity));
                }
                return handOn(std::move(part));
            });
        if (!status)
            return status.error();
    }
    return harvest;
}

} // namespace cairn::sync
