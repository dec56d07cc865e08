// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/HealthPolicy.h"
#include "cache/Statement.h"
#include "core/HealthResult.h"
#include "core/ScorecardEvaluator.h"

#include <QByteArray>
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

// One row of the health table, but for its entity and risk path: its texts in UTF-8, as
// they are bound, so that a recompute converts them on the pool, not on the writer's thread.
struct StoredRow
{
    QByteArray scorecard;
    int score = 0;
    QByteArray band;
    QByteArray level;
    QByteArray failed; // the failed criteria's ids, comma-separated
    QByteArray results; // ScorecardJson::resultsToJson
    bool failing = false;

    static StoredRow of(const core::ScorecardResult &result);
};

// The statement that inserts a health row (without a risk path), and one insert with it.
core::Result<Statement> prepareInsert(Database &db);
core::Status insert(Statement &statement, qint64 entityId, const StoredRow &row);
// The statement that inserts a health row or, where the entity has one for that scorecard,
// replaces its columns but the risk path; bound by insert() as prepareInsert's is.
core::Result<Statement> prepareUpsert(Database &db);

// Every scorecard of `policy` that applies to `entity`, evaluated, in the policy's order;
// `reads` gets the keys of what they looked at, sorted and each once, but for the entity's
// dependencies (what those were seen as is kept with the graph: GraphRow).
QList<core::ScorecardResult> evaluate(const HealthPolicy &policy, const core::ScorecardEvaluator &evaluator,
    const core::HealthSubject &entity, const core::HealthFacts &facts, QStringList &reads);

// What a health read sees of another entity, as health_reads.seen keeps it: a reader is
// evaluated again only when this changes.
QString seenText(const std::optional<core::HealthFacts::Other> &other);

// One row of health_dependencies: an entity's dependencies with what each was seen as
// (seenText: the reads of its dependencies an evaluation makes are kept here, not in
// health_reads), and the entities it states itself a dependencyOf. Lists sorted by key; no
// row is kept for an entity with neither.
struct GraphRow
{
    QStringList dependencies;
    QStringList seen; // of each dependency, in the same order
    QStringList statedFor;

    // With what `facts` sees of each dependency now.
    static GraphRow of(const QStringList &dependencies, const QStringList &statedFor, const core::HealthFacts &facts);
    bool isEmpty() const { return dependencies.isEmpty() && statedFor.isEmpty(); }
    bool operator==(const GraphRow &) const = default;
};

// A graph row's two columns as stored (JSON: [[key, seen], ...] and [key, ...]), made
// wherever convenient (a pool thread) and bound as they are.
struct GraphRowText
{
    QByteArray dependencies;
    QByteArray statedFor;

    static GraphRowText of(const GraphRow &row);
};

// The statement that writes (or replaces) a graph row, and one write with it.
core::Result<Statement> prepareGraphWrite(Database &db);
core::Status writeGraphRow(Statement &statement, const QString &key, const GraphRowText &row);
// A row as read back from its two columns.
GraphRow graphRowFrom(const QByteArray &dependencies, const QByteArray &statedFor);

} // namespace cairn::cache::health
