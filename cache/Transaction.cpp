// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Transaction.h"

#include "cache/CacheLog.h"
#include "cache/Database.h"

#include <utility>

namespace cairn::cache {

core::Result<Transaction> Transaction::begin(Database &db)
{
    core::Status begun = db.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!begun)
        return begun.error();
    return Transaction(&db);
}

Transaction::~Transaction()
{
    rollback();
}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{ }

core::Status Transaction::commit()
{
    if (!m_db)
        return core::Error { QStringLiteral("Cannot commit: the transaction is no longer active.") };
    core::Status done = m_db->exec(QStringLiteral("COMMIT"));
    if (!done)
        return done; // still active: the destructor rolls back
    m_db = nullptr;
    return {};
}

void Transaction::rollback()
{
    if (!m_db)
        return;
    // A failed statement may already have rolled the transaction back (e.g. SQLITE_FULL).
    if (m_db->inTransaction()) {
        // SQLite rolls back by itself when the connection closes; still worth a trace.
        if (core::Status rolledBack = m_db->exec(QStringLiteral("ROLLBACK")); !rolledBack)
            qCWarning(cacheLog) << "rollback failed:" << rolledBack.errorString();
    }
    m_db = nullptr;
}

} // namespace cairn::cache
