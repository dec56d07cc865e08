// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

namespace cairn::core::clock {

// The one reading of the time of day in Cairn. Every rule that depends on it (the times a run
// writes, "synced 3 h ago", retention and purges, snapshots' ids and ages, HTTP dates, the day
// stale projects are judged on) asks here, so a test can set the time: across a change to
// summer time, jumping backwards, or standing still so that two runs of one import write the
// same bytes (the crash loop compares a killed run with a whole one).
//
// Not for measuring durations: QElapsedTimer is monotonic, this clock is not.

QDateTime nowUtc();
// nowUtc() in the machine's time zone.
QDateTime nowLocal();
// The local date of nowLocal().
QDate today();

// Replaces where the time comes from; an empty function gives the system clock back.
// Set it before other threads read the clock (a test's start, main()).
void setSource(std::function<QDateTime()> source);

// CAIRN_NOW in the environment, an ISO 8601 time ("2026-11-24T09:00:00Z"): the clock stands
// still at that time, for tests and reproducible screenshots. Returns what is wrong with the
// variable, if it is set and is not such a time; nothing changes then.
std::optional<QString> useEnvironment();

// Sets the clock for a scope, then gives back the one before (tests).
class ScopedSource
{
public:
    explicit ScopedSource(std::function<QDateTime()> source);
    // A clock standing still at `at`.
    explicit ScopedSource(const QDateTime &at);
    ~ScopedSource();
    ScopedSource(const ScopedSource &) = delete;
    ScopedSource &operator=(const ScopedSource &) = delete;

private:
    std::function<QDateTime()> m_previous;
};

} // namespace cairn::core::clock
