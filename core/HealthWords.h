// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/HealthResult.h"

#include <QCoreApplication>
#include <QString>

namespace cairn::core {

// Health as a person reads it, in the installed translator's language: a band, a level,
// and the evidence of a criterion as a sentence ("cairn.dev/test-coverage is 52, below the
// minimum of 70"). JSON keeps the ids (ScorecardEvaluator::bandId, findingId) beside it.
class HealthWords
{
    Q_DECLARE_TR_FUNCTIONS(HealthWords)

public:
    static QString band(HealthBand band); // "Failing", "Needs attention", "Passing"
    static QString level(MaturityLevel level); // "None", "Bronze", "Silver", "Gold"
    static QString evidence(const Evidence &evidence);
    // "at risk through component:default/voucher-engine (via a > b)"; empty for no path.
    static QString risk(const QStringList &path);
};

} // namespace cairn::core
