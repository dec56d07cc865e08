// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/HealthPolicy.h"
#include "core/HealthResult.h"
#include "core/Result.h"
#include "core/Scorecard.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace cairn::cache {

class Database;

// One entity's result for one scorecard, with what a listing shows of the entity.
struct EntityHealth
{
    QString ref; // as its source spelled it
    QString key;
    QString kind; // as written in the document
    QString title; // display name
    QString owner; // owner key; empty when none
    core::ScorecardResult result; // criteria with their evidence, and the risk path
};

// Which results a listing wants; empty or unset fields take all.
struct HealthFilter
{
    QString scorecard; // id or name, case-insensitively
    QString ownerKey; // lower-case ref
    std::optional<core::HealthBand> band;
    std::optional<core::MaturityLevel> level;
};

// Reads the stored health (cache::HealthStore wrote it): the scorecards it was computed
// with, one entity's results, or a listing worst first.
class HealthReader
{
public:
    explicit HealthReader(Database &db);

    core::Result<QList<core::Scorecard>> scorecards();
    // In the scorecards' order; empty when no scorecard applies to the entity.
    core::Result<QList<core::ScorecardResult>> forEntity(const QString &key);
    // By scorecard (in order), then score (lowest first), then ref.
    core::Result<QList<EntityHealth>> list(const HealthFilter &filter);

    // The same listing from scorecards that are not stored (`cairn health --scorecards
    // DIR`): evaluated now, with nothing written.
    core::Result<QList<EntityHealth>> evaluate(const HealthPolicy &policy, const HealthFilter &filter);

private:
    core::Result<const core::Scorecard *> scorecard(const QString &id);
    core::Status loadScorecards();

    Database &m_db;
    std::optional<QList<core::Scorecard>> m_scorecards;
};

} // namespace cairn::cache
