// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace cairn::app {

// Traces of the app module, off unless asked for: QT_LOGGING_RULES="cairn.app.debug=true".
Q_DECLARE_LOGGING_CATEGORY(appLog)

} // namespace cairn::app
