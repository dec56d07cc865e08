// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SourceTasks.h"

#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "sync/TokenStore.h"

namespace cairn::ui::SourceTasks {

namespace {

// The writer's connection of this worker. The integrity check is left out: the session ran
// it at start, and it reads every page.
core::Result<std::unique_ptr<cache::Cache>> openForWriting(const QString &cachePath)
{
    return cache::Cache::open(cachePath, cache::Cache::IntegrityCheck::Deferred);
}

} // namespace

core::Result<QList<cache::SourceInfo>> list(const QString &cachePath)
{
    core::Result<std::unique_ptr<cache::Cache>> cache = cache::Cache::openReadOnly(cachePath);
    if (!cache)
        return cache.error();
    return cache::CatalogWriter(**cache).sources(cache::CatalogWriter::Counts::Included);
}

core::Result<sync::SourceRegistry::Addition> save(const QString &cachePath, const sync::TokenStore &tokens,
    const sync::SourceRegistry::Request &request, const QString &token)
{
    core::Result<std::unique_ptr<cache::Cache>> cache = openForWriting(cachePath);
    if (!cache)
        return cache.error();
    return sync::SourceRegistry(**cache, tokens).add(request, [token] { return token; });
}

core::Result<sync::SourceRegistry::Removal> remove(
    const QString &cachePath, const sync::TokenStore &tokens, const QString &name)
{
    core::Result<std::unique_ptr<cache::Cache>> cache = openForWriting(cachePath);
    if (!cache)
        return cache.error();
    return sync::SourceRegistry(**cache, tokens).remove(name);
}

core::Result<QByteArray> tokenForTest(const sync::TokenStore &tokens, const sync::SourceRegistry::Request &request,
    const QString &typed, bool keychainHoldsOne)
{
    using TokenPlace = sync::SourceRegistry::TokenPlace;
    if (request.token == TokenPlace::Environment) {
        core::Result<QString> value = sync::TokenStore::readEnvironment(request.tokenVariable.trimmed());
        if (!value)
            return value.error();
        return value->toUtf8();
    }
    if (request.token != TokenPlace::Keychain)
        return QByteArray();
    if (!typed.isEmpty() || !keychainHoldsOne)
        return typed.toUtf8();
    core::Result<QString> stored = tokens.read(request.name);
    if (!stored)
        return stored.error();
    return stored->toUtf8();
}

} // namespace cairn::ui::SourceTasks
