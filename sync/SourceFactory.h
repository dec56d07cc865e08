// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SourceRun.h"
#include "core/Result.h"
#include "sync/CatalogSource.h"
#include "sync/HttpClient.h"

#include <QByteArray>

#include <memory>

namespace cairn::sync {

// Turns a configured source (a row of the cache's sources) into the CatalogSource that
// reads it, and finds its token. Kinds: "backstage" (location: catalog API URL),
// "bundle" (URL or path), "files" (folders or files, one per line; `cairn import` and
// `cairn source add --folder`), "sample" (the bundled sample).
//
// Options kept with the source (never a secret): "tokenEnv" names the environment
// variable holding the token; "tokenKeychain": true means the OS keychain holds it;
// "state" is the source's sync state (validators), written by the engine.
class SourceFactory
{
public:
    static QString kindBackstage() { return QStringLiteral("backstage"); }
    static QString kindBundle() { return QStringLiteral("bundle"); }
    static QString kindFiles() { return QStringLiteral("files"); }
    static QString kindSample() { return QStringLiteral("sample"); }
    static QString optionTokenEnv() { return QStringLiteral("tokenEnv"); }
    static QString optionTokenKeychain() { return QStringLiteral("tokenKeychain"); }

    // The source's token, read now from the environment or the keychain; empty when the
    // source has none, or when the keychain holds none for it (SyncOutcome::tokenMissing).
    // The error names the variable or the keychain, never a value.
    static core::Result<QByteArray> tokenFor(const cache::SourceInfo &info);

    // The reader for `info`; an error for an unknown kind or an unusable location.
    static core::Result<std::unique_ptr<CatalogSource>> create(
        const cache::SourceInfo &info, const QByteArray &token, const HttpClient::Options &http = {});
};

} // namespace cairn::sync
