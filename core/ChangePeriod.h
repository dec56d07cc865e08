// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QStringView>

#include <optional>

namespace cairn::core {

// The first day a "what changed since …" question asks about, from the words after
// "since" / "depuis" (or "this week", "cette semaine"), in English or French, relative to
// `today`: yesterday, today, a weekday (the last one before today), this or last week,
// the last N days, an ISO date. No words: the last seven days. Words that name no day:
// nullopt, so the question is answered as not understood rather than guessed.
class ChangePeriod
{
public:
    static constexpr int DefaultDays = 7;
    static std::optional<QDate> start(QStringView words, QDate today);
};

} // namespace cairn::core
