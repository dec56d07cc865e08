// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/HealthResult.h"
#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <array>

namespace cairn::cache {
class Cache;
}

namespace cairn::models {

// How many components are in each band (indexed by core::HealthBand) or level (by
// core::MaturityLevel).
using BandCounts = std::array<int, 3>;
using LevelCounts = std::array<int, 4>;

// The health dashboard's numbers, components only (what its clicks open in the components
// table): per scorecard, per owning team, and the worst components. Aggregated in SQL on
// the stored health (`health`, `entities.health_score`/`health_band`, schema 6); no
// criterion's evidence is decoded, so it stays a few hundred milliseconds at 100,000
// entities, and is read off the UI thread (the window's BackgroundReader).
struct HealthSummary
{
    struct Scorecard
    {
        QString id;
        QString name;
        BandCounts bands {};
        LevelCounts levels {};
        int atRisk = 0; // depend, directly or not, on a component failing it
        int total() const { return bands[0] + bands[1] + bands[2]; }
    };

    enum class OwnerState {
        Resolved, // a live entity of the catalog
        NotFound, // named, but nothing in the cache has that ref
        None, // the components name no owner
    };
    struct Team
    {
        OwnerState state = OwnerState::Resolved;
        core::EntityRef owner; // null for OwnerState::None
        QString name; // the owner's display name; its ref when it is not in the catalog
        BandCounts bands {};
        LevelCounts levels {}; // for one scorecard only
        int total() const { return bands[0] + bands[1] + bands[2]; }
    };

    struct Component
    {
        core::EntityRef ref;
        QString name; // display name
        QString ownerName; // as Team::name; empty when it has none
        QString scorecardName; // the scorecard this score is of (the worst one's by default)
        int score = 0;
        core::HealthBand band = core::HealthBand::Failing;
        QStringList failed; // the names of the criteria it fails
        bool atRisk = false;
    };

    // The scorecard that `teams` and `worst` are of: an id, or empty for each component's
    // worst scorecard (its Health column).
    QString scorecard;
    int components = 0; // live components
    int withoutHealth = 0; // those no scorecard applies to
    QList<Scorecard> scorecards; // in the scorecards' order, each with the components it applies to
    // Most failing first, then most needing attention, then by name; no owner last.
    QList<Team> teams;
    QList<Component> worst; // lowest score first, then by name

    // True when no scorecard applies to any component (the dashboard's empty state).
    bool isEmpty() const { return components == withoutHealth; }

    // Reads the summary for `scorecard` (an id; empty: the worst of each component) with
    // at most `worstRows` worst components, all in one read transaction.
    static core::Result<HealthSummary> read(cache::Cache &cache, const QString &scorecard, int worstRows = 20);
};

} // namespace cairn::models
