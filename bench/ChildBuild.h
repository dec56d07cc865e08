// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// A benchmark's cache built by a process of its own (the benchmark run again as
// `BENCH --build-only N PATH`), as a person's cache was by an earlier run: what the
// generator and the import leave in the measuring process's heap would count as its
// memory (bench_desktop) and slow down its allocations (bench_health).
namespace cairn::bench {

// Whether `args` (the process's arguments) ask for the build alone; then `n` and `path`
// are what to build.
bool isBuildOnly(const QStringList &args, int &n, QString &path);

// Runs this executable with --build-only N PATH and waits for it; false when it failed
// (its output goes to this process's).
bool buildInChildProcess(int n, const QString &path);

} // namespace cairn::bench
