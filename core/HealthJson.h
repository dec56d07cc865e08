// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/HealthResult.h"

#include <QJsonObject>

namespace cairn::core {

// One scorecard's result as JSON, the same object in `cairn health --json` and in the
// answers' How section (docs/scorecards.md, "JSON"): ids for programs, words beside them.
class HealthJson
{
public:
    static QJsonObject toJson(const ScorecardResult &result);
};

} // namespace cairn::core
