// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/CacheLog.h"

namespace cairn::cache {

// Debug lines off by default; warnings on, as qWarning would be.
Q_LOGGING_CATEGORY(cacheLog, "cairn.cache", QtWarningMsg)

} // namespace cairn::cache
