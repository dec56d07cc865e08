// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/HealthEvaluation.h"

#include "cache/Database.h"
#include "core/ScorecardJson.h"

#include <QJsonDocument>

#include <algorithm>

namespace cairn::cache::health {

StoredRow StoredRow::of(const core::ScorecardResult &result)
{
    return StoredRow { result.scorecardId, result.score, core::ScorecardEvaluator::bandId(result.band),
        core::ScorecardEvaluator::levelId(result.level), result.failedIds().join(u','),
        core::ScorecardJson::resultsToJson(result) };
}

core::Result<Statement> prepareInsert(Database &db)
{
    return db.prepare(QStringLiteral("INSERT INTO health(entity_id, scorecard, score, band, level, failed, results, "
                                     "risk_path) VALUES(:id, :scorecard, :score, :band, :level, :failed, :results, "
                                     "NULL)"));
}

core::Status insert(Statement &statement, qint64 entityId, const StoredRow &row)
{
    statement.reset();
    statement.bind(":id", entityId);
    statement.bind(":scorecard", row.scorecard);
    statement.bind(":score", row.score);
    statement.bind(":band", row.band);
    statement.bind(":level", row.level);
    statement.bind(":failed", row.failed);
    statement.bind(":results", row.results);
    return statement.exec();
}

QList<core::ScorecardResult> evaluate(const HealthPolicy &policy, const core::ScorecardEvaluator &evaluator,
    const core::Entity &entity, const core::HealthFacts &facts, QStringList &reads)
{
    QList<core::ScorecardResult> results;
    for (const core::Scorecard &s : policy.scorecards)
        if (core::ScorecardEvaluator::applies(s, entity))
            results.append(evaluator.evaluate(s, entity, facts, &reads));
    std::sort(reads.begin(), reads.end());
    reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
    return results;
}

QString seenText(const std::optional<core::HealthFacts::Other> &other)
{
    return other ? other->kind + u'\n' + other->lifecycle : QString();
}

QString compactJson(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace cairn::cache::health
