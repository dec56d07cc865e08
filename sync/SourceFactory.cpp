// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SourceFactory.h"

#include "sync/BackstageSource.h"
#include "sync/BundleSource.h"
#include "sync/FileSource.h"
#include "sync/SourceRegistry.h"
#include "sync/TokenStore.h"

#include <QUrl>

namespace cairn::sync {

core::Result<QByteArray> SourceFactory::tokenFor(const cache::SourceInfo &info)
{
    const QString variable = info.options.value(optionTokenEnv()).toString();
    if (!variable.isEmpty()) {
        core::Result<QString> token = TokenStore::readEnvironment(variable);
        if (!token)
            return core::Error { QStringLiteral("Source \"%1\": %2").arg(info.name, token.errorString()),
                token.errorKind() };
        return token->toUtf8();
    }
    if (info.options.value(optionTokenKeychain()).toBool()) {
        core::Result<QString> token = TokenStore().read(info.name);
        if (!token)
            return token.error();
        return token->toUtf8();
    }
    return QByteArray();
}

core::Result<std::unique_ptr<CatalogSource>> SourceFactory::create(
    const cache::SourceInfo &info, const QByteArray &token, const HttpClient::Options &http)
{
    if (info.kind == kindBackstage()) {
        const QUrl url(info.location, QUrl::StrictMode);
        // A user or query in a stored URL (a cache edited by hand) is refused at add only;
        // here it is the URL's shape that matters.
        if (SourceRegistry::checkBackstageUrl(url) == SourceRegistry::Problem::NotHttpUrl)
            return core::Error { QStringLiteral("Source \"%1\": %2 is not an http(s) URL of a Backstage catalog API "
                                                "(such as https://backstage.example.com/api/catalog).")
                                     .arg(info.name, HttpClient::redactedUrl(url)),
                core::ErrorKind::InvalidInput };
        BackstageSource::Settings settings;
        settings.sourceName = info.name;
        settings.baseUrl = url;
        settings.token = token;
        settings.http = http;
        return std::unique_ptr<CatalogSource>(new BackstageSource(std::move(settings)));
    }
    if (info.kind == kindBundle()) {
        BundleSource::Settings settings { info.name, info.location, token, http };
        return std::unique_ptr<CatalogSource>(new BundleSource(std::move(settings)));
    }
    if (info.kind == kindFiles() || info.kind == kindSample()) {
        const QStringList paths = info.location.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (paths.isEmpty())
            return core::Error { QStringLiteral("Source \"%1\" names no folder or file to read.").arg(info.name),
                core::ErrorKind::InvalidInput };
        return std::unique_ptr<CatalogSource>(new FileSource(paths));
    }
    return core::Error { QStringLiteral("Source \"%1\" is of kind \"%2\", which this version of Cairn cannot sync.")
                             .arg(info.name, info.kind) };
}

} // namespace cairn::sync
