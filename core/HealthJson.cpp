// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/HealthJson.h"

#include "core/HealthWords.h"
#include "core/ScorecardEvaluator.h"

#include <QJsonArray>

namespace cairn::core {

QJsonObject HealthJson::toJson(const ScorecardResult &r)
{
    QJsonArray criteria;
    for (const CriterionResult &c : r.criteria) {
        criteria.append(QJsonObject {
            { QStringLiteral("id"), c.criterionId },
            { QStringLiteral("name"), c.criterionName },
            { QStringLiteral("weight"), c.weight },
            { QStringLiteral("passed"), c.passed },
            { QStringLiteral("fact"), c.evidence.fact },
            { QStringLiteral("finding"), ScorecardEvaluator::findingId(c.evidence.finding) },
            { QStringLiteral("seen"), c.evidence.seen },
            { QStringLiteral("expected"), c.evidence.expected },
            { QStringLiteral("evidence"), HealthWords::evidence(c.evidence) },
        });
    }
    return QJsonObject {
        { QStringLiteral("scorecard"), r.scorecardId },
        { QStringLiteral("scorecardName"), r.scorecardName },
        { QStringLiteral("score"), r.score },
        { QStringLiteral("band"), ScorecardEvaluator::bandId(r.band) },
        { QStringLiteral("level"), ScorecardEvaluator::levelId(r.level) },
        { QStringLiteral("failed"), QJsonArray::fromStringList(r.failedIds()) },
        { QStringLiteral("atRiskVia"), QJsonArray::fromStringList(r.riskPath) },
        { QStringLiteral("criteria"), criteria },
    };
}

} // namespace cairn::core
