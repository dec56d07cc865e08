// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/Targets.h"

#include <algorithm>
#include <cstdio>

namespace cairn::bench {

namespace {

bool s_missed = false;

bool verdict(const char *what, double figure, const char *how, double limit, const char *unit, const char *issue)
{
    const bool met = figure <= limit;
    s_missed = s_missed || !met;
    // Three significant digits, without an exponent for the large figures (9058 ms).
    const int decimals = figure >= 100 ? 0 : figure >= 10 ? 1 : figure >= 1 ? 2 : 3;
    std::printf("target %-6s %s: %s %.*f %s, limit <= %.4g %s (%s)\n", met ? "met" : "MISSED", what, how, decimals,
        figure, unit, limit, unit, issue);
    std::fflush(stdout);
    return met;
}

} // namespace

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 != 0 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2.0;
}

bool medianAtMost(const char *what, const QList<double> &rounds, double limit, const char *unit, const char *issue)
{
    char how[64];
    std::snprintf(how, sizeof how, "median of %lld rounds", static_cast<long long>(rounds.size()));
    return verdict(what, median(rounds), how, limit, unit, issue);
}

bool figureAtMost(const char *what, double figure, qsizetype samples, double limit, const char *unit, const char *issue)
{
    char how[64];
    if (samples > 1)
        std::snprintf(how, sizeof how, "over %lld samples", static_cast<long long>(samples));
    else
        std::snprintf(how, sizeof how, "measured once");
    return verdict(what, figure, how, limit, unit, issue);
}

int exitStatus()
{
    return s_missed ? MissedExitCode : 0;
}

} // namespace cairn::bench
