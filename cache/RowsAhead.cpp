// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/RowsAhead.h"

#include <algorithm>
#include <chrono>

namespace cairn::cache {

RowsAhead::RowsAhead(QList<const core::SourcedEntity *> entities, qsizetype chunkSize)
    : m_entities(std::move(entities))
    , m_chunkSize(std::max<qsizetype>(1, chunkSize))
{
    startChunk();
}

RowsAhead::~RowsAhead()
{
    // A chunk on a thread is waited for (it reads the entities); one that got no thread
    // and was never asked for is simply dropped, not flattened for nothing.
    if (m_ahead.valid() && m_ahead.wait_for(std::chrono::seconds(0)) != std::future_status::deferred)
        m_ahead.wait();
}

void RowsAhead::startChunk()
{
    if (m_started >= m_entities.size())
        return;
    const qsizetype from = m_started;
    const qsizetype to = std::min(m_entities.size(), from + m_chunkSize);
    m_started = to;
    // Deferred as well: where no thread can be had, the chunk is flattened when asked for.
    m_ahead = std::async(std::launch::async | std::launch::deferred, [this, from, to] {
        QList<EntityRow> rows;
        rows.reserve(to - from);
        for (qsizetype i = from; i < to; ++i)
            rows.append(EntityRow::from(*m_entities.at(i)));
        return rows;
    });
}

EntityRow RowsAhead::next()
{
    if (m_position == m_current.size()) {
        // The caller asks once per entity it handed over, never past the end.
        Q_ASSERT(m_ahead.valid());
        if (!m_ahead.valid())
            return EntityRow {};
        m_current = m_ahead.get();
        m_position = 0;
        startChunk(); // the next chunk is flattened while this one is written
    }
    return std::move(m_current[m_position++]);
}

} // namespace cairn::cache
