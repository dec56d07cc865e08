// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace cairn::sync {

// What the cache holds of a source, entity key -> etag, for an incremental fetch: read on
// first use. A source that asks a server sends its first request, then reads them, so
// that the read (5,000 rows: ~5 ms; 100,000: ~100 ms) overlaps the server's work. Whether
// there are any is known up front, to choose between a first and an incremental fetch.
class KnownEtags
{
public:
    using Reader = std::function<core::Result<QHash<QString, QString>>()>;

    KnownEtags() = default; // none
    KnownEtags(bool any, Reader reader);

    bool any() const { return m_any; }
    // Reads them unless already read; after a failed read, the next call reads again.
    core::Status load() const;
    // Empty until load() succeeded.
    const QHash<QString, QString> &etags() const;

private:
    bool m_any = false;
    Reader m_reader;
    mutable std::optional<QHash<QString, QString>> m_etags;
};

} // namespace cairn::sync
