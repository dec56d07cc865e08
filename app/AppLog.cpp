// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/AppLog.h"

namespace cairn::app {

// Debug lines off by default; warnings on, as qWarning would be.
Q_LOGGING_CATEGORY(appLog, "cairn.app", QtWarningMsg)

} // namespace cairn::app
