// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/KnownEtags.h"

namespace cairn::sync {

KnownEtags::KnownEtags(bool any, Reader reader)
    : m_any(any)
    , m_reader(std::move(reader))
{
    if (!m_any)
        m_etags.emplace();
}

core::Status KnownEtags::load() const
{
    if (m_etags)
        return {};
    if (!m_reader) {
        m_etags.emplace();
        return {};
    }
    core::Result<QHash<QString, QString>> read = m_reader();
    if (!read)
        return read.error();
    m_etags.emplace(std::move(read).value());
    return {};
}

const QHash<QString, QString> &KnownEtags::etags() const
{
    static const QHash<QString, QString> none;
    return m_etags ? *m_etags : none;
}

} // namespace cairn::sync
