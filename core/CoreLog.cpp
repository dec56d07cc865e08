// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/CoreLog.h"

namespace cairn::core {

// Debug lines off by default; warnings on, as qWarning would be.
Q_LOGGING_CATEGORY(coreLog, "cairn.core", QtWarningMsg)

} // namespace cairn::core
