// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace cairn::core {

// Traces of the core module, off unless asked for: QT_LOGGING_RULES="cairn.core.debug=true".
Q_DECLARE_LOGGING_CATEGORY(coreLog)

} // namespace cairn::core
