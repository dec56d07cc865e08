// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

// The targets the issues set, judged where they are measured (issue 17: "the suite exits
// non-zero when a median over its rounds is over the target"). Each judgement prints one
// line that starts "target met" or "target MISSED", which bench/run collects into its
// summary; a benchmark's exit status says whether every target it judged was met.
namespace cairn::bench {

// The median of the values (the mean of the middle two for an even count); 0 for none.
double median(QList<double> values);

// Judges the median of the rounds against an upper limit ("<= limit"); prints the verdict
// with the rounds it came from. Returns whether the target was met.
bool medianAtMost(const char *what, const QList<double> &rounds, double limit, const char *unit, const char *issue);

// Judges one figure that is already a statistic over many samples (a p50 or p99 over
// thousands of calls, pooled from every round), or a single measurement (samples 1: a
// peak memory), against an upper limit.
bool figureAtMost(
    const char *what, double figure, qsizetype samples, double limit, const char *unit, const char *issue);

// The exit status for main(): 0 when every target judged so far was met, MissedExitCode
// otherwise (distinct from 1, which the benchmarks use when they could not measure).
inline constexpr int MissedExitCode = 3;
int exitStatus();

} // namespace cairn::bench
