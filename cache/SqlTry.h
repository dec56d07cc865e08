// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Early return of an error value, so write paths read as the sequence of steps they are.
// Internal to the cache module.
#define CAIRN_TRY(expr)                                                                                                \
    do {                                                                                                               \
        if (auto &&cairnTryResult_ = (expr); !cairnTryResult_)                                                         \
            return cairnTryResult_.error();                                                                            \
    } while (false)

// NOLINTBEGIN(bugprone-macro-parentheses): decl is a declaration and tmp a name to declare;
// neither can be parenthesised.
#define CAIRN_TRY_CONCAT_INNER(a, b) a##b
#define CAIRN_TRY_CONCAT(a, b) CAIRN_TRY_CONCAT_INNER(a, b)
// CAIRN_TRY_ASSIGN(auto stmt, db.prepare(...)); declares `stmt` holding the value.
#define CAIRN_TRY_ASSIGN(decl, expr) CAIRN_TRY_ASSIGN_IMPL(CAIRN_TRY_CONCAT(cairnTryTmp_, __LINE__), decl, expr)
#define CAIRN_TRY_ASSIGN_IMPL(tmp, decl, expr)                                                                         \
    auto tmp = (expr);                                                                                                 \
    if (!tmp)                                                                                                          \
        return tmp.error();                                                                                            \
    decl = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)
