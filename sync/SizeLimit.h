// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace cairn::sync {

inline constexpr qint64 MiB = qint64(1024) * 1024;

// A bound on what Cairn reads into memory at once, raised or lowered by an environment
// variable in MiB (docs/reliability.md, "Limits"): `variable` when it holds a whole number
// from 1 to 65,536, else `fallback`. A nonsense value is ignored rather than refusing
// everything.
qint64 sizeLimit(const char *variable, qint64 fallback);

} // namespace cairn::sync
