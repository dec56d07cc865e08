// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace cairn::core {

// Compass's bands: failing below 50 %, needs attention below 100 %, passing at 100 %.
enum class HealthBand { Failing, NeedsAttention, Passing };
enum class MaturityLevel { None, Bronze, Silver, Gold };

// What a criterion found, as a fact rather than a sentence, so that each face words it in
// its own language (core::HealthWords) and the cache stores it once.
enum class Finding {
    Found, // the fact is there (seen: its value)
    Missing, // the fact is absent or blank
    Unresolved, // a ref that names no live entity (seen: the ref)
    Deprecated, // lifecycle deprecated, or a dependency that is (seen: the refs)
    DependencyMissing, // dependencies that do not exist (seen: the refs)
    NotANumber, // an annotation that should hold a number or a date (seen: its value)
    TooLow, // below the minimum (seen: value, expected: the minimum)
    TooHigh, // above the maximum
    TooOld, // a date older than allowed (seen: the date, expected: the days allowed)
    InFuture, // a date after today: not a deploy that happened
    Different, // not the expected value
};

struct Evidence
{
    QString fact; // what was read: "spec.owner", "annotation cairn.dev/last-deploy", "links"
    Finding finding = Finding::Missing;
    QString seen; // the value seen; empty when missing
    QString expected; // the threshold or value required, when the criterion has one
};

struct CriterionResult
{
    QString criterionId;
    QString criterionName;
    int weight = 0;
    bool passed = false;
    Evidence evidence;
};

struct ScorecardResult
{
    QString scorecardId;
    QString scorecardName;
    int score = 0; // 0..100: the weights of the passed criteria
    HealthBand band = HealthBand::Failing;
    MaturityLevel level = MaturityLevel::None;
    QList<CriterionResult> criteria; // in the scorecard's order
    // At risk through a dependency: the keys from this entity down to a dependency that
    // is failing this scorecard (first the entity itself); empty when none is.
    QStringList riskPath;

    QStringList failedIds() const
    {
        QStringList ids;
        for (const CriterionResult &c : criteria)
            if (!c.passed)
                ids.append(c.criterionId);
        return ids;
    }
};

} // namespace cairn::core
