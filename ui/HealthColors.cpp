// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/HealthColors.h"

namespace cairn::ui {

QColor HealthColors::forBand(core::HealthBand band)
{
    switch (band) {
    case core::HealthBand::Failing:
        return QColor(0xc0, 0x39, 0x2b);
    case core::HealthBand::NeedsAttention:
        return QColor(0xc7, 0x7c, 0x02);
    case core::HealthBand::Passing:
        return QColor(0x2e, 0x8b, 0x57);
    }
    return none();
}

QColor HealthColors::none()
{
    return QColor(0x6b, 0x72, 0x80);
}

} // namespace cairn::ui
