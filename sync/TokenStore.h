// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QString>

namespace cairn::sync {

// Where a source's secret lives: the operating system's keychain (qtkeychain), never the
// cache, a settings file, a log or an error message. For headless use a source can name an
// environment variable instead, read at sync time. Virtual so that a test can stand in for
// the keychain, which a build machine rarely has.
//
// Blocking: each call waits for the keychain in a local event loop of the calling thread,
// and const, so one store may serve several threads (a subclass keeps that true). A window
// calls it from a worker thread, never from its UI thread.
class TokenStore
{
public:
    explicit TokenStore(QString service = QStringLiteral("Cairn"));
    virtual ~TokenStore() = default;
    TokenStore(const TokenStore &) = default;
    TokenStore &operator=(const TokenStore &) = default;

    virtual core::Status store(const QString &sourceName, const QString &token) const;
    // An empty string when the keychain holds no token for the source.
    virtual core::Result<QString> read(const QString &sourceName) const;
    virtual core::Status remove(const QString &sourceName) const;

    // The token of a source whose token lives in an environment variable; an error names
    // the variable (never its value) when it is unset or empty.
    static core::Result<QString> readEnvironment(const QString &variable);

private:
    QString m_service;
};

} // namespace cairn::sync
