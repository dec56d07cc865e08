// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace cairn::reliability {

// How a run of the real `cairn` ended.
struct Finished
{
    bool hung = false; // still running at the time limit (then killed)
    bool crashed = false; // ended by a signal: a crash, or the kill asked for
    int exitCode = -1;
    QString output; // standard output and error, interleaved
};

// Runs `cairn --cache CACHE ARGUMENTS...` with the clock standing still at one time, so a
// killed run and a whole one write the same bytes (run times, snapshot ids). With
// `killAfterMs` >= 0 it is killed (SIGKILL: no destructor, no rollback, no flush) that
// long after it started, when still running; past `timeoutMs` it counts as hung.
Finished runCairn(const QString &cache, const QStringList &arguments, int killAfterMs = -1, int timeoutMs = 300'000);

// The loops' settings: CAIRN_RELIABILITY_FULL=1 asks for the full counts.
bool fullRun();
// CAIRN_RELIABILITY_SEED when set, else a new one; printed, with what it repeats.
quint32 seedForThisRun(const char *repeats);

} // namespace cairn::reliability
