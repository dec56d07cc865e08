// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/EntityRow.h"

#include <QFuture>
#include <QList>

namespace cairn::cache {

// The rows of a long run of writes, flattened (EntityRow::from) one chunk ahead on Qt's
// global thread pool while the writer stores the chunk before. Flattening is pure
// computation, so on a machine with a core to spare it comes off the writer's clock;
// SQLite stays on the writer's thread. The writer decides the chunks by the run's size.
//
// The entities must outlive this object. The destructor waits for the chunk in flight,
// so leaving early (an error, a cancel) never leaves a thread reading freed documents.
class RowsAhead
{
public:
    explicit RowsAhead(QList<const core::SourcedEntity *> entities, qsizetype chunkSize = 1024);
    ~RowsAhead();
    RowsAhead(const RowsAhead &) = delete;
    RowsAhead &operator=(const RowsAhead &) = delete;

    // The next entity's row, in the order given. Blocks only while a pool thread is still
    // flattening it; a chunk no pool thread has started is flattened here.
    EntityRow next();

private:
    void startChunk();

    QList<const core::SourcedEntity *> m_entities;
    qsizetype m_chunkSize;
    qsizetype m_started = 0; // entities handed to a chunk so far
    QFuture<QList<EntityRow>> m_ahead;
    QList<EntityRow> m_current;
    qsizetype m_position = 0; // in m_current
};

} // namespace cairn::cache
