// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/HealthEvaluation.h"
#include "cache/HealthPolicy.h"
#include "cache/RiskGraph.h"
#include "cache/StoredHealth.h"
#include "core/Result.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>

#include <tuple>
#include <utility>
#include <vector>

namespace cairn::cache {

class CatalogFacts;
class Database;

// Every entity's health computed again, inside the caller's write transaction, and the
// rows of health, health_reads and health_dependencies and each entity's worst score
// brought to what it finds: only a row that differs from the stored one is written
// (StoredHealth), so the next day's recompute, which judges most of the catalog as the
// day before, writes little. HealthStore runs it when the scorecards or the day change
// and when a write changed too much for an update entity by entity.
//
// Into empty tables (a first import, a migration) it is a bulk load: their secondary
// indexes are taken down and built again (BulkIndexes). The rows of each table go in key
// order, and what is pure computation runs on Qt's thread pool beside the writer: the
// entities are evaluated, and compared with what is stored, chunks ahead of it, and the
// risk paths found while it stores the rest. SQLite stays on the caller's thread.
class HealthRecompute
{
public:
    HealthRecompute(Database &db, const HealthPolicy &policy, QDate today);

    core::Status run();

private:
    struct Verdicts;
    struct Pending;
    using Risk = std::tuple<qint64, int, QByteArray>; // entity id, scorecard index, path (JSON, UTF-8)
    // health_dependencies' rows as they are written, and the graph the risk paths are found on.
    struct Graph
    {
        std::vector<std::pair<QString, health::GraphRowText>> rows;
        RiskGraph risk;
    };

    static Graph graphOf(const CatalogFacts &facts);
    core::Status forgetUnscored(QList<qint64> &ids);
    core::Status writeGraph(const std::vector<std::pair<QString, health::GraphRowText>> &rows);
    core::Status evaluate(const CatalogFacts &facts, Verdicts &verdicts, Pending &pending);
    core::Status writeWorst(Pending &pending);
    using StoredRisks = QHash<StoredHealth::RowKey, StoredHealth::Digest>;
    // Of one scorecard: the risk paths that differ from the stored ones, and the ids of every
    // entity at risk, sorted.
    struct Risks
    {
        std::vector<Risk> changed;
        std::vector<qint64> atRisk;
    };
    // Of the entities numbered in [from, to) in the graph.
    static Risks risksOf(int scorecard, const Verdicts &verdicts, const RiskGraph &graph, const StoredRisks &stored,
        const QByteArray &scorecardId, int from, int to);
    std::vector<Risk> sorted(std::vector<Risk> risks) const;
    core::Status writeRisk(const std::vector<Risk> &changed, const std::vector<std::vector<qint64>> &atRisk,
        const StoredRisks &stored, const QList<QByteArray> &scorecardIds);

    Database &m_db;
    const HealthPolicy &m_policy;
    QDate m_today;
};

} // namespace cairn::cache
