// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/LinkClassifier.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cairn::core {

// What a criterion checks. Each reads facts of the entity itself or of the entities it
// names (owner, on-call, dependencies), never anything else, so that a change can be
// followed to the entities whose health it affects (cache::HealthStore).
enum class CriterionType {
    OwnerResolves, // spec.owner is set and names a live entity
    HasDescription, // metadata.description is not blank
    HasLink, // a link of `link` category (LinkClassifier: type, icon, title, annotation)
    OnCallResolves, // the `annotation` (default cairn.dev/on-call) names a live user or group
    LifecycleActive, // spec.lifecycle is set and is not "deprecated"
    DependenciesHealthy, // every dependsOn target exists and none is deprecated
    Annotation, // metadata.annotations[`annotation`] compared by `check`
};

// How an Annotation criterion judges the annotation's value.
enum class AnnotationCheck {
    Present, // set and not blank
    Equals, // equal to `value`, case-insensitively
    AtLeast, // a number >= `number`
    AtMost, // a number <= `number`
    AgeAtMostDays, // an ISO date at most `number` days before "today"
};

struct Criterion
{
    QString id; // unique within its scorecard: "has-owner"
    QString name; // for people: "Has an owner that exists"
    int weight = 0; // the weights of a scorecard add up to 100
    CriterionType type = CriterionType::HasDescription;
    LinkCategory link = LinkCategory::Other; // HasLink
    QString annotation; // Annotation, OnCallResolves
    AnnotationCheck check = AnnotationCheck::Present; // Annotation
    QString value; // Equals
    double number = 0; // AtLeast, AtMost, AgeAtMostDays
};

// Which entities a scorecard applies to: every non-empty list must match (ANDed); within a
// list, any value (ORed). Compared case-insensitively; owners as refs.
struct ScorecardFilter
{
    QStringList kinds; // "component"
    QStringList types;
    QStringList lifecycles;
    QStringList owners; // refs: "group:default/payments"
    QStringList tags;
    // Annotations that must be present; with a value after '=', equal to it:
    // "backstage.io/source-location" or "cairn.dev/tier=1".
    QStringList annotations;
};

// Minimum scores of the maturity levels; an entity below `bronze` has level none.
struct MaturityThresholds
{
    int bronze = 50;
    int silver = 75;
    int gold = 100;
};

// A named set of weighted criteria (docs/scorecards.md). Data, read from YAML files by
// sync::ScorecardReader; the built-in ones are files too (resources/scorecards/).
struct Scorecard
{
    QString id; // stable: "component-readiness"
    QString name; // "Component readiness"
    QString description;
    ScorecardFilter appliesTo;
    QList<Criterion> criteria;
    MaturityThresholds levels;
    QString origin; // "built-in" or the file it was read from
};

} // namespace cairn::core
