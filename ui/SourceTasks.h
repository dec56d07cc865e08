// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SourceRun.h"
#include "core/Result.h"
#include "sync/SourceRegistry.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace cairn::sync {
class TokenStore;
}

namespace cairn::ui {

// The Sources dialog's work that waits on the cache or the keychain, for its workers: each
// call opens a cache connection of the calling thread's own, does one thing and closes it,
// so the UI thread neither writes nor waits. Never call these on the UI thread.
namespace SourceTasks {

// The configured sources with their entity counts (counting reads every entity's index
// entry: a visible wait in a large catalog), on a read-only connection.
core::Result<QList<cache::SourceInfo>> list(const QString &cachePath);

// SourceRegistry::add with `token` as the keychain prompt's answer.
core::Result<sync::SourceRegistry::Addition> save(const QString &cachePath, const sync::TokenStore &tokens,
    const sync::SourceRegistry::Request &request, const QString &token);

// SourceRegistry::remove: tombstones, snapshot first, keychain token forgotten.
core::Result<sync::SourceRegistry::Removal> remove(
    const QString &cachePath, const sync::TokenStore &tokens, const QString &name);

// The token a connection test sends: the one typed, else for a variable its value now, else
// for a source being edited the one its keychain entry holds. Empty: none. An error names
// the variable or the keychain, never a value.
core::Result<QByteArray> tokenForTest(const sync::TokenStore &tokens, const sync::SourceRegistry::Request &request,
    const QString &typed, bool keychainHoldsOne);

} // namespace SourceTasks

} // namespace cairn::ui
