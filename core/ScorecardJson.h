// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/HealthResult.h"
#include "core/Result.h"
#include "core/Scorecard.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <variant>

namespace cairn::core {

// A scorecard's definition as JSON: the shape of a scorecard file (docs/scorecards.md) once
// its YAML is read, and how the cache keeps it (health_scorecards.definition).
class ScorecardJson
{
public:
    // One problem in a definition: where (a path such as "criteria/2/weight", empty for the
    // whole document) and what is wrong.
    struct Problem
    {
        QString path;
        QString message;
    };

    // The scorecard, or every problem found (not only the first: a person fixing a file
    // wants them all at once). `fallbackId` names a scorecard that has no `id:`.
    static std::variant<Scorecard, QList<Problem>> fromJson(const QJsonObject &json, const QString &fallbackId);
    static QJsonObject toJson(const Scorecard &scorecard);

    // What a criterion reads, named as its evidence names it ("spec.owner", "annotation
    // cairn.dev/last-deploy"): the stored results leave it out and take it from here.
    static QString factOf(const Criterion &criterion);

    // The results of one entity as compact JSON text in UTF-8, as stored: [[criterion id,
    // passed 0/1, finding, seen, expected], ...]. Read back (parsed) against the scorecard
    // they came from.
    static QByteArray resultsToJson(const ScorecardResult &result);
    static QList<CriterionResult> resultsFromJson(const QJsonArray &json, const Scorecard &scorecard);

    static QString criterionTypeId(CriterionType type);
};

} // namespace cairn::core
