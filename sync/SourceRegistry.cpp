// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SourceRegistry.h"

#include "cache/CatalogWriter.h"
#include "sync/SourceFactory.h"
#include "sync/TokenStore.h"

#include <QFileInfo>
#include <QJsonObject>

#include <algorithm>

namespace cairn::sync {

namespace {

bool isHttpLocation(const QString &location)
{
    return location.startsWith(u"http://", Qt::CaseInsensitive)
        || location.startsWith(u"https://", Qt::CaseInsensitive);
}

// The location as the cache keeps it: a URL without its trailing slash, a path made absolute,
// so that the same source given twice is recognised as the same.
QString storedLocation(const SourceRegistry::Request &request)
{
    if (request.kind == SourceFactory::kindBackstage())
        return QUrl(request.location, QUrl::StrictMode).toString(QUrl::StripTrailingSlash);
    if (request.kind == SourceFactory::kindBundle() && isHttpLocation(request.location))
        return request.location;
    return QFileInfo(request.location).absoluteFilePath();
}

const cache::SourceInfo *findByName(const QList<cache::SourceInfo> &sources, const QString &name)
{
    const auto it = std::find_if(
        sources.cbegin(), sources.cend(), [&name](const cache::SourceInfo &info) { return info.name == name; });
    return it == sources.cend() ? nullptr : &*it;
}

} // namespace

SourceRegistry::SourceRegistry(cache::Cache &cache, const TokenStore &tokens)
    : m_cache(cache)
    , m_tokens(tokens)
{ }

SourceRegistry::Problem SourceRegistry::checkBackstageUrl(const QUrl &url)
{
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
        return Problem::NotHttpUrl;
    // A secret in the URL would end up in the cache; tokens have their own place.
    if (!url.userInfo().isEmpty() || url.hasQuery())
        return Problem::SecretInUrl;
    return Problem::None;
}

SourceRegistry::Problem SourceRegistry::check(const Request &request)
{
    if (request.name.trimmed().isEmpty() || request.name.contains(u'\n'))
        return Problem::BlankName;
    const bool namesNoVariable = request.token == TokenPlace::Environment && request.tokenVariable.trimmed().isEmpty();
    if (request.kind == SourceFactory::kindBackstage()) {
        const Problem url = checkBackstageUrl(QUrl(request.location, QUrl::StrictMode));
        return url == Problem::None && namesNoVariable ? Problem::NoTokenVariable : url;
    }
    if (request.kind == SourceFactory::kindBundle()) {
        if (!isHttpLocation(request.location) && !QFileInfo(request.location).isFile())
            return Problem::NoSuchFile;
        return namesNoVariable ? Problem::NoTokenVariable : Problem::None;
    }
    if (request.kind == SourceFactory::kindFiles())
        return QFileInfo(request.location).isDir() ? Problem::None : Problem::NoSuchFolder;
    return Problem::UnknownKind;
}

SourceRegistry::TokenPlace SourceRegistry::tokenPlace(const cache::SourceInfo &source)
{
    if (!tokenVariable(source).isEmpty())
        return TokenPlace::Environment;
    if (source.options.value(SourceFactory::optionTokenKeychain()).toBool())
        return TokenPlace::Keychain;
    return TokenPlace::None;
}

QString SourceRegistry::tokenVariable(const cache::SourceInfo &source)
{
    return source.options.value(SourceFactory::optionTokenEnv()).toString();
}

core::Result<SourceRegistry::Addition> SourceRegistry::add(const Request &request, const TokenPrompt &askToken)
{
    Addition addition;
    addition.problem = check(request);
    if (addition.problem != Problem::None)
        return addition;

    const QString location = storedLocation(request);
    const bool takesToken = request.kind != SourceFactory::kindFiles();
    QJsonObject options;
    if (takesToken && request.token == TokenPlace::Environment && !request.tokenVariable.isEmpty())
        options.insert(SourceFactory::optionTokenEnv(), request.tokenVariable);

    cache::CatalogWriter writer(m_cache);
    core::Result<QList<cache::SourceInfo>> existing = writer.sources(cache::CatalogWriter::Counts::Left);
    if (!existing)
        return existing.error();
    const cache::SourceInfo *same = findByName(existing.value(), request.name);
    const bool hadKeychainToken = same && same->options.value(SourceFactory::optionTokenKeychain()).toBool();
    if (same) {
        if (same->kind != request.kind || same->location != location) {
            if (!request.editing) {
                addition.problem = Problem::NameTaken;
                addition.source = *same;
                return addition;
            }
            addition.moved = true;
        } else {
            addition.replaced = true;
            options.insert(QStringLiteral("state"), same->options.value(u"state"));
        }
    }

    const bool keychain = takesToken && request.token == TokenPlace::Keychain;
    if (keychain) {
        const QString token = askToken ? askToken() : QString();
        if (token.isEmpty() && hadKeychainToken) {
            addition.tokenKept = true;
        } else if (token.isEmpty()) {
            addition.problem = Problem::NoToken;
            return addition;
        } else if (core::Status stored = m_tokens.store(request.name, token); !stored) {
            addition.problem = Problem::KeychainFailed;
            addition.detail = stored.errorString();
            return addition;
        }
        options.insert(SourceFactory::optionTokenKeychain(), true);
    }

    core::Result<cache::SourceInfo> added = writer.addSource(request.name, request.kind, location, options);
    if (!added)
        return added.error();
    addition.source = std::move(added).value();
    // Forgotten only once the source no longer points at it: a failed write keeps both.
    if (hadKeychainToken && !keychain)
        addition.tokenForgotten = m_tokens.remove(request.name);
    return addition;
}

core::Result<QList<cache::SourceInfo>> SourceRegistry::sources()
{
    return cache::CatalogWriter(m_cache).sources();
}

core::Result<SourceRegistry::Removal> SourceRegistry::remove(const QString &name)
{
    cache::CatalogWriter writer(m_cache);
    core::Result<QList<cache::SourceInfo>> sources = writer.sources();
    if (!sources)
        return sources.error();
    Removal removal;
    const cache::SourceInfo *source = findByName(sources.value(), name);
    if (!source)
        return removal;
    removal.known = true;
    const bool keychainToken = source->options.value(SourceFactory::optionTokenKeychain()).toBool();
    core::Result<cache::RunSummary> removed = writer.removeSource(name);
    if (!removed)
        return removed.error();
    removal.summary = std::move(removed).value();
    if (keychainToken)
        removal.tokenForgotten = m_tokens.remove(name);
    return removal;
}

core::Result<SourceRegistry::Selection> SourceRegistry::choose(const QStringList &names)
{
    core::Result<QList<cache::SourceInfo>> sources = cache::CatalogWriter(m_cache).sources();
    if (!sources)
        return sources.error();
    Selection selection;
    if (names.isEmpty()) {
        selection.sources = std::move(sources).value();
        return selection;
    }
    QStringList seen;
    for (const QString &name : names) {
        if (seen.contains(name))
            continue;
        seen.append(name);
        if (const cache::SourceInfo *source = findByName(sources.value(), name))
            selection.sources.append(*source);
        else
            selection.unknown.append(name);
    }
    return selection;
}

} // namespace cairn::sync
