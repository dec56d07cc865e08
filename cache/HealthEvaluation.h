// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/HealthPolicy.h"
#include "cache/Statement.h"
#include "core/Entity.h"
#include "core/HealthResult.h"
#include "core/ScorecardEvaluator.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cairn::cache {
class Database;
}

// What an update of a few entities (HealthStore) and a recompute of all (HealthRecompute)
// both do with one entity: evaluate it, and turn its results into the columns stored.
namespace cairn::cache::health {

// One row of the health table, but for its entity and risk path.
struct StoredRow
{
    QString scorecard;
    int score = 0;
    QString band;
    QString level;
    QString failed; // the failed criteria's ids, comma-separated
    QString results; // ScorecardJson::resultsToJson

    static StoredRow of(const core::ScorecardResult &result);
};

// The statement that inserts a health row (without a risk path), and one insert with it.
core::Result<Statement> prepareInsert(Database &db);
core::Status insert(Statement &statement, qint64 entityId, const StoredRow &row);

// Every scorecard of `policy` that applies to `entity`, evaluated, in the policy's order;
// `reads` gets the keys of what they looked at, sorted and each once.
QList<core::ScorecardResult> evaluate(const HealthPolicy &policy, const core::ScorecardEvaluator &evaluator,
    const core::Entity &entity, const core::HealthFacts &facts, QStringList &reads);

// What a health read sees of another entity, as health_reads.seen keeps it: a reader is
// evaluated again only when this changes.
QString seenText(const std::optional<core::HealthFacts::Other> &other);

QString compactJson(const QJsonArray &array);

} // namespace cairn::cache::health
