// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/CatalogLookup.h"

#include <QList>
#include <QString>

#include <optional>

namespace cairn::core {

// How a goal's progress figure was obtained, so nobody mistakes a rollup for a measurement.
enum class ProgressBasis {
    Measured, // the goal's own progress{current,target}
    Score, // the goal's own 0.0-1.0 spec.score
    Status, // the goal is done (1.0)
    Rollup, // mean of its sub-goals and contributing projects
    None, // nothing to go on, or the goal is cancelled
};

struct GoalRollup
{
    std::optional<double> fraction; // 0.0-1.0; absent when unknown
    ProgressBasis basis = ProgressBasis::None;
    // Measured only: the figures as written, for "3.1 / 4 %".
    double current = 0;
    double target = 0;
    QString unit;
    int inputs = 0; // Rollup only: sub-goals and projects that counted
    int excluded = 0; // Rollup only: cancelled or unknown inputs left out
    QList<EntityRef> cycle; // non-empty when the goal hierarchy loops through here

    static QString basisId(ProgressBasis basis);
};

// The rollup rule (docs/answers.md, "Goal progress"):
//  1. a goal with progress{current,target} (target != 0) is current/target, clamped to 0-1;
//  2. else a goal with a numeric spec.score in 0-1 is that score;
//  3. else a done goal is 1.0 and a cancelled goal has no progress (excluded upstream);
//  4. else the mean of its inputs: each sub-goal's own rollup (recursively; unknown ones
//     excluded) and each contributing project (its own progress{current,target} when set,
//     else done = 1.0, cancelled excluded, any other status = 0.0);
//  5. no inputs: unknown.
// A goal met again on the current path (a cycle) contributes nothing and is reported.
class GoalProgress
{
public:
    explicit GoalProgress(const CatalogLookup &lookup, int maxDepth = 32);

    Result<GoalRollup> of(const EntityRef &goal) const;

    // A project's contribution under rule 4; absent for a cancelled project.
    static std::optional<double> projectFraction(const Entity &project);
    // Rules 1-3 for one goal document; absent when they do not apply.
    static std::optional<GoalRollup> ownProgress(const Entity &goal);

private:
    Result<GoalRollup> rollup(const EntityRecord &goal, QList<EntityRef> &path) const;

    const CatalogLookup &m_lookup;
    int m_maxDepth;
};

} // namespace cairn::core
