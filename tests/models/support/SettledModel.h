// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/EntityTableModel.h"

#include <QSignalSpy>

namespace cairn::tests {

// Waits until the reads a table model was asked for have arrived (they run on its reader
// threads); false after 10 s.
[[nodiscard]] inline bool settle(const models::EntityTableModel &model)
{
    if (!model.isReading())
        return true;
    QSignalSpy settled(&model, &models::EntityTableModel::settled);
    return settled.wait(10000) && !model.isReading();
}

} // namespace cairn::tests
