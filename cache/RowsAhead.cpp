// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/RowsAhead.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace cairn::cache {

RowsAhead::RowsAhead(QList<const core::SourcedEntity *> entities, qsizetype chunkSize)
    : m_entities(std::move(entities))
    , m_chunkSize(std::max<qsizetype>(1, chunkSize))
{
    startChunk();
}

RowsAhead::~RowsAhead()
{
    // A chunk that no pool thread has started is cancelled, not flattened for nothing; one
    // that is running is waited for, as it reads the entities.
    m_ahead.cancel();
    m_ahead.waitForFinished();
}

void RowsAhead::startChunk()
{
    if (m_started >= m_entities.size())
        return;
    const qsizetype from = m_started;
    const qsizetype to = std::min(m_entities.size(), from + m_chunkSize);
    m_started = to;
    m_ahead = QtConcurrent::run([this, from, to] {
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
        Q_ASSERT(m_ahead.isValid() && m_ahead.resultCount() <= 1);
        if (!m_ahead.isValid())
            return EntityRow {};
        // Waits, or runs the chunk here if the pool has not started it; taken, not copied,
        // so the rows can be moved out one by one.
        m_current = m_ahead.takeResult();
        m_ahead = {}; // taken: a finished, empty future, safe to wait for
        m_position = 0;
        startChunk(); // the next chunk is flattened while this one is written
    }
    return std::move(m_current[m_position++]);
}

} // namespace cairn::cache
