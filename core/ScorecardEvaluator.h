// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/HealthResult.h"
#include "core/HealthSubject.h"
#include "core/LinkClassifier.h"
#include "core/Scorecard.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace cairn::core {

// What an evaluation reads besides the entity itself: the other entities it names. Served
// by the cache's lookups (cache::HealthStore) or by a MemoryCatalog in tests.
class HealthFacts
{
public:
    virtual ~HealthFacts() = default;

    struct Other
    {
        QString kind; // lower-case
        QString lifecycle;
    };
    // The live entity with this key (lower-case kind:namespace/name); nullopt when none is.
    virtual std::optional<Other> live(const QString &key) const = 0;
    // The keys of what `entity` depends on (dependsOn, either end stating it), sorted.
    virtual QStringList dependencies(const HealthSubject &entity) const = 0;
};

// Evaluates scorecards against entities, judging dates against an injected "today".
class ScorecardEvaluator
{
public:
    // Whether evidence names its fact (Evidence::fact, ScorecardJson::factOf): those who show
    // it need the name; those who store it do not (ScorecardJson::resultsToJson leaves it
    // out, and its reader names it from the criterion), and a recompute would otherwise
    // make it for every criterion of every entity.
    enum class FactNames { Named, Unnamed };
    explicit ScorecardEvaluator(QDate today, FactNames names = FactNames::Named);

    static bool applies(const Scorecard &scorecard, const HealthSubject &entity);

    // Every criterion with its evidence, the score, band and level. `reads` (optional) gets
    // the keys of the other entities the result depends on but its dependencies (its owner,
    // its on-call): when one of them changes, the entity is evaluated again. Changes to its
    // dependencies are followed through the dependency graph (cache::HealthStore), which
    // `facts` answers. The risk path is not set here (DependencyRisk).
    ScorecardResult evaluate(const Scorecard &scorecard, const HealthSubject &entity, const HealthFacts &facts,
        QStringList *reads = nullptr) const;

    static HealthBand bandFor(int score);
    static MaturityLevel levelFor(int score, const MaturityThresholds &thresholds);

    // Stable lower-case ids, as stored in the cache and written in JSON.
    static QString bandId(HealthBand band); // failing, needs-attention, passing
    static QString levelId(MaturityLevel level); // none, bronze, silver, gold
    static std::optional<HealthBand> bandFromId(QStringView id);
    static std::optional<MaturityLevel> levelFromId(QStringView id);
    static QString findingId(Finding finding);
    static std::optional<Finding> findingFromId(QStringView id);

private:
    CriterionResult check(const Criterion &criterion, const HealthSubject &entity, const HealthFacts &facts,
        QStringList *reads, std::optional<QList<LinkGroup>> &links) const;
    // `fact`: ScorecardJson::factOf(criterion), which check() has made.
    Evidence annotationEvidence(const Criterion &criterion, const HealthSubject &entity, const QString &fact) const;

    QDate m_today;
    FactNames m_names;
};

} // namespace cairn::core
