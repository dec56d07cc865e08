// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

namespace cairn::cache {

class Database;

// BEGIN IMMEDIATE ... COMMIT, rolled back by the destructor unless committed: whatever
// path leaves a write early (an error, a cancel) leaves the cache as it was.
// IMMEDIATE takes the write lock up front, so a second writer waits (busy timeout) at
// BEGIN instead of failing halfway through with SQLITE_BUSY.
class Transaction
{
public:
    static core::Result<Transaction> begin(Database &db);

    ~Transaction();
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    core::Status commit();
    void rollback();
    bool isActive() const { return m_db != nullptr; }

private:
    explicit Transaction(Database *db)
        : m_db(db)
    { }
    Database *m_db = nullptr;
};

} // namespace cairn::cache
