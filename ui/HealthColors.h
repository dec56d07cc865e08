// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/HealthResult.h"

#include <QColor>

namespace cairn::ui {

// The colours of the health bands wherever the window shows them (answers, the Health
// column, the dashboard's charts, the dependency graph), so that a band reads the same
// everywhere. Chosen to stay legible on light and dark backgrounds alike.
class HealthColors
{
public:
    static QColor forBand(core::HealthBand band);
    static QColor none(); // no scorecard applies
};

} // namespace cairn::ui
