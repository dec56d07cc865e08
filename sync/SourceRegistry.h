// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SourceRun.h"
#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace cairn::cache {
class Cache;
} // namespace cairn::cache

namespace cairn::sync {

class TokenStore;

// What a source is and may be, for every face: the command line's `cairn source` and
// `cairn sync`, the window's Sources dialog and sync buttons. Each rule is checked here and
// answered as a fact (a Problem, a Selection); the face words it.
class SourceRegistry
{
public:
    // Where a source's token lives. Never in the cache.
    enum class TokenPlace {
        None,
        Environment, // read at sync time from the variable named in Request::tokenVariable
        Keychain, // the operating system's keychain, through TokenStore
    };

    // Why a source was not added; None when it was.
    enum class Problem {
        None,
        BlankName, // empty, blank or more than one line
        UnknownKind, // not backstage, bundle or files
        NotHttpUrl, // a Backstage location that is not an http(s) URL with a host
        SecretInUrl, // a Backstage URL with a user, password or query: it would be stored in the cache
        NoSuchFile, // a bundle location that is neither an http(s) URL nor a file
        NoSuchFolder, // a files location that is not a folder
        NameTaken, // another source (Addition::source) has the name
        NoTokenVariable, // an environment variable was chosen and none named
        NoToken, // the keychain was chosen and no token was given
        KeychainFailed, // the keychain refused the token (Addition::detail says why)
    };

    struct Request
    {
        QString name;
        QString kind; // SourceFactory::kindBackstage(), kindBundle() or kindFiles()
        QString location; // URL, file or folder as the person gave it
        TokenPlace token = TokenPlace::None; // ignored for a folder of files
        QString tokenVariable; // with TokenPlace::Environment
        // The window's Edit of the named source, which may then move to another kind or
        // location: its entities stay (the next sync tells which are still there, behind the
        // mass-removal guard) and its sync state is dropped, since validators of another
        // location mean nothing there.
        bool editing = false;
    };

    struct Addition
    {
        Problem problem = Problem::None;
        // None: the source as the cache now holds it. NameTaken: the source that has the name.
        cache::SourceInfo source;
        // The name already belonged to this kind and location: its options were replaced and
        // its sync state (validators) kept, so the next sync stays incremental.
        bool replaced = false;
        // An edit moved it to another kind or location: its sync state was dropped.
        bool moved = false;
        // The keychain was chosen again and no new token given: the one it holds stays.
        bool tokenKept = false;
        // Its token no longer lives in the keychain (none now, or a variable): the keychain's
        // answer to forgetting it. Fine when there was nothing to forget.
        core::Status tokenForgotten;
        QString detail; // KeychainFailed: the keychain's own words
    };

    struct Removal
    {
        bool known = false; // false: there is no such source and nothing was changed
        cache::RunSummary summary; // its entities tombstoned; the snapshot taken first
        core::Status tokenForgotten; // the keychain's answer when it held the source's token
    };

    struct Selection
    {
        QList<cache::SourceInfo> sources; // in the order to sync them
        QStringList unknown; // names asked for that are not configured
    };

    // Called only once every other rule has passed, when the token goes to the keychain: the
    // command line reads a hidden line, a window its password field. Empty: none given, which
    // keeps the token the keychain already holds for a source of that name (an update).
    using TokenPrompt = std::function<QString()>;

    SourceRegistry(cache::Cache &cache, const TokenStore &tokens);

    // The rules a request must pass on its own, before any cache is opened (so a mistyped
    // URL never creates a cache file). add() checks them again.
    static Problem check(const Request &request);
    // The one check of a Backstage catalog URL: here at add, in SourceFactory at sync time.
    static Problem checkBackstageUrl(const QUrl &url);
    static TokenPlace tokenPlace(const cache::SourceInfo &source);
    static QString tokenVariable(const cache::SourceInfo &source);

    // Adds the source, or updates the one of that name, kind and location (or of that name
    // alone, for Request::editing). An error only when the cache could not be read or
    // written; a refused request is a Problem. Blocking on the keychain and the cache: a
    // window runs it on a worker with a connection of its own.
    core::Result<Addition> add(const Request &request, const TokenPrompt &askToken = {});
    // Configured sources in priority order.
    core::Result<QList<cache::SourceInfo>> sources();
    // Tombstones the source's entities (snapshot first) and forgets its keychain token.
    core::Result<Removal> remove(const QString &name);
    // The sources to sync: every one in priority order when `names` is empty, else the named
    // ones in the order given, each once.
    core::Result<Selection> choose(const QStringList &names);

private:
    cache::Cache &m_cache;
    const TokenStore &m_tokens;
};

} // namespace cairn::sync
