// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/BundleSource.h"

#include "sync/BundleFetcher.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace cairn::sync {

namespace {

const auto kEtag = u"etag";
const auto kLastModified = u"lastModified";

} // namespace

BundleSource::BundleSource(Settings settings)
    : m_settings(std::move(settings))
{ }

core::Result<SourceHarvest> BundleSource::collect(const HarvestContext &context)
{
    HttpClient http(m_settings.http);
    int requests = 0; // exchanges on the wire, counted at the client's network manager
    if (auto *network = http.findChild<QNetworkAccessManager *>())
        QObject::connect(network, &QNetworkAccessManager::finished, &http, [&requests] { ++requests; });
    BundleFetcher fetcher(http, m_settings.sourceName);
    fetcher.setToken(m_settings.token);
    fetcher.setCancelFlag(context.cancel);
    if (context.progress)
        context.progress(SyncPhase::Fetching, 0, -1);

    const BundleFetcher::Validators previous { context.state.value(kEtag).toString().toLatin1(),
        context.state.value(kLastModified).toString().toLatin1() };
    core::Result<BundleFetcher::Bundle> bundle = fetcher.fetch(m_settings.location, previous);
    if (!bundle)
        return bundle.error();

    SourceHarvest harvest;
    harvest.requests = requests;
    harvest.state = context.state;
    harvest.state.insert(QString::fromUtf16(kEtag), QString::fromLatin1(bundle->validators.etag));
    harvest.state.insert(QString::fromUtf16(kLastModified), QString::fromLatin1(bundle->validators.lastModified));
    if (bundle->notModified) {
        harvest.notModified = true;
        if (core::Status loaded = context.knownEtags.load(); !loaded)
            return loaded.error();
        const QHash<QString, QString> &known = context.knownEtags.etags();
        harvest.unchangedRefs.reserve(known.size());
        for (auto it = known.cbegin(); it != known.cend(); ++it) {
            core::Result<core::EntityRef> ref = core::EntityRef::parse(it.key());
            if (ref)
                harvest.unchangedRefs.append(ref.value());
        }
        if (context.progress)
            context.progress(SyncPhase::Fetching, 0, 0);
        return harvest;
    }
    harvest.entities = std::move(bundle->entities);
    // An item that is not an entity hides which ref it was: reported without a ref, so
    // the engine keeps what the cache has rather than tombstoning it.
    for (const core::Error &problem : std::as_const(bundle->problems))
        harvest.problems.append(CatalogProblem { core::DocumentOrigin {}, QString(), problem.message });
    if (context.progress)
        context.progress(SyncPhase::Fetching, harvest.entities.size(), harvest.entities.size());
    return harvest;
}

} // namespace cairn::sync
