// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace cairn::sync {

// Traces of the sync module, off unless asked for: QT_LOGGING_RULES="cairn.sync.debug=true".
Q_DECLARE_LOGGING_CATEGORY(syncLog)

} // namespace cairn::sync
