// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace cairn::cache {

// Traces of the cache module, off unless asked for: QT_LOGGING_RULES="cairn.cache.debug=true".
Q_DECLARE_LOGGING_CATEGORY(cacheLog)

} // namespace cairn::cache
