// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SyncLog.h"

namespace cairn::sync {

// Debug lines off by default; warnings on, as qWarning would be.
Q_LOGGING_CATEGORY(syncLog, "cairn.sync", QtWarningMsg)

} // namespace cairn::sync
