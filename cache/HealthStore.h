// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/HealthPolicy.h"
#include "core/HealthResult.h"
#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace cairn::cache {

class Database;

// Keeps the stored health (schema 6: health, health_reads, health_dependencies,
// health_scorecards, health_state, entities.health_score/health_band) in step with the
// entities, inside the caller's write transaction, so that no commit leaves entities and
// their health apart.
//
// A write hands over the keys it changed (added, changed, removed, purged): those entities
// are evaluated again, with every entity whose health read one of them and saw something
// that is no longer so (its owner or on-call: health_reads; its dependencies: its row of
// health_dependencies, the graph the stored paths were computed on). Risk paths are
// computed again where they can change: up from each entity whose dependencies or failing
// verdict changed, as far as a path changes. Everything is recomputed instead when the
// scorecards or the day differ from what the stored health was computed for
// (health_state), so a restored snapshot or a cache from before schema 6 never goes
// without health.
class HealthStore
{
public:
    HealthStore(Database &db, const HealthPolicy &policy);

    // What every write calls before its commit: with the installed policy, update() (or
    // recomputeAll() when stale); with none, forgets health_state so that the next open
    // with a policy recomputes.
    static core::Status afterWrite(Database &db, const QStringList &changedKeys);
    // What an open for writing and a snapshot restore call: recomputes when stale.
    static core::Status ensureCurrent(Database &db);

    core::Result<bool> isCurrent();
    core::Status recomputeAll();
    core::Status update(const QStringList &changedKeys);

    // Evaluates every live entity without storing anything: `cairn health --scorecards`
    // with files that are not installed. By entity key, in the policy's scorecard order.
    core::Result<QHash<QString, QList<core::ScorecardResult>>> evaluateAll();

private:
    class Facts;
    core::Status writeState();
    core::Status writeScorecards();

    Database &m_db;
    const HealthPolicy &m_policy;
    QDate m_today;
};

} // namespace cairn::cache
