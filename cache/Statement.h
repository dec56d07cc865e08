// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include <type_traits>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace cairn::cache {

// One prepared statement. Move-only; finalized by the destructor, so an early return can
// never leak a statement that would keep the database locked.
// Binding indexes are 1-based, column indexes 0-based (as in SQLite).
class Statement
{
public:
    enum class Step { Row, Done };

    Statement() = default;
    Statement(sqlite3 *db, sqlite3_stmt *stmt)
        : m_db(db)
        , m_stmt(stmt)
    { }
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }

    // Binding never fails for a valid index on a statement that is reset (or new); a wrong
    // index or name, or a binding before the reset, is a programming error: SQLite keeps
    // the value it had (an unbound parameter is NULL).
    void bind(int index, QStringView text);
    void bind(int index, const QString &text) { bind(index, QStringView(text)); }
    void bind(int index, const char16_t *text) { bind(index, QStringView(text)); }
    void bindUtf8(int index, const QByteArray &utf8); // text already in UTF-8
    void bind(int index, qint64 value);
    void bind(int index, int value) { bind(index, qint64(value)); }
    void bind(int index, double value);
    void bindBlob(int index, const QByteArray &data);
    void bindNull(int index);
    // A null QString binds SQL NULL; an empty one binds ''.
    void bindOptional(int index, const QString &text);
    // Named parameters (":name", "@name", "$name"); returns false when there is none.
    int parameterIndex(const char *name) const;
    template<typename T> bool bind(const char *name, const T &value)
    {
        const int index = parameterIndex(name);
        if (index == 0)
            return false;
        bind(index, value);
        return true;
    }

    // One step. Errors carry SQLite's text and the statement's SQL.
    core::Result<Step> step();
    // Steps until done, for statements that return no rows.
    core::Status exec();
    // Clears bindings and resets, so the statement can run again.
    void reset();

    int columnCount() const;
    bool isNull(int column) const;
    QString text(int column) const;
    // `room` bytes of capacity past the end: for a parser that reads past it (simdjson).
    QByteArray utf8(int column, qsizetype room = 0) const;
    // The column's UTF-8 text where SQLite holds it: valid until the next step or reset.
    QByteArrayView utf8View(int column) const;
    QByteArray blob(int column) const;
    qint64 int64(int column) const;
    int int32(int column) const { return int(int64(column)); }
    double real(int column) const;

    QString sql() const;

private:
    // Binds m_spare's text to `index` and keeps it in m_held[index], the text SQLite reads
    // in place (SQLITE_STATIC) until the index is bound again: no copy per row, and the
    // buffer a text replaces is reused for the next one.
    void bindHeld(int index);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QList<QByteArray> m_held;
    QByteArray m_spare;
};

// Steps `q` to its end, calling each(q) for every row. `each` returns nothing; or a bool,
// false to stop before the next row; or a core::Status, whose error stops the steps and is
// returned.
template<typename Each> core::Status forEachRow(Statement &q, Each each)
{
    using Returned = std::invoke_result_t<Each &, const Statement &>;
    for (;;) {
        core::Result<Statement::Step> step = q.step();
        if (!step)
            return step.error();
        if (*step == Statement::Step::Done)
            return {};
        if constexpr (std::is_void_v<Returned>) {
            each(std::as_const(q));
        } else if constexpr (std::is_same_v<Returned, bool>) {
            if (!each(std::as_const(q)))
                return {};
        } else {
            if (core::Status done = each(std::as_const(q)); !done)
                return done;
        }
    }
}

// Steps `q` to its end, appending make(q) for each row.
template<typename Row, typename Make> core::Status collectRows(Statement &q, QList<Row> &out, Make make)
{
    return forEachRow(q, [&](const Statement &row) { out.append(make(row)); });
}

} // namespace cairn::cache
