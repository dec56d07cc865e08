// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/GoalProgress.h"
#include "core/HealthResult.h"
#include "core/LinkClassifier.h"
#include "core/ProjectTimeline.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cairn::core {

// A reference as an answer shows it: enough to print a line and to click through.
// `resolved` is false when the ref names nothing in the catalog: such refs are shown,
// never dropped, because a dangling owner is exactly what a reader must see.
struct EntitySummary
{
    EntityRef ref;
    QString kind;
    QString title; // display name; the ref's name when unresolved
    QString type; // spec.type
    QString status; // spec.status for projects and goals, else spec.lifecycle
    QString email; // spec.profile.email for groups and users
    bool resolved = false;
    bool removed = false; // tombstoned upstream
};

struct WhatSection
{
    EntitySummary entity;
    QString apiVersion;
    QString lifecycle;
    QString status;
    QString description; // Markdown, as written
    std::optional<EntitySummary> system;
    std::optional<EntitySummary> domain; // the entity's own domain, or its system's
    QStringList tags;
    QString tier; // from annotations/labels (tier, cairn.dev/tier, ...); empty when none
    QDate startDate;
    QDate targetDate;
    bool knownKind = true;
    QJsonObject rawSpec; // the whole spec, for kinds Cairn gives no meaning to
};

// A goal and its parents up to the top.
struct GoalChain
{
    EntitySummary goal;
    QList<EntitySummary> ancestors; // parent first; stops before a repeat or an unresolved parent
    QList<EntityRef> cycle; // non-empty when the parents loop: the refs, first repeated at the end
};

struct WhySection
{
    QList<GoalChain> goals; // project: its goals; goal: itself; component: its projects' goals
    QList<EntitySummary> projects; // component: projects listing it; goal: contributing projects
    QList<EntitySummary> subGoals; // goal only
    QString purpose; // system, domain: its description
    QString nothingExplains; // plain sentence when nothing explains why; empty otherwise
    QStringList problems; // goal cycles, reported rather than followed
};

struct OwnerAnswer
{
    EntitySummary entity; // resolved == false: the owner ref names nothing
    QList<EntitySummary> members; // group owner
    QList<EntitySummary> teams; // user owner
    QString note; // e.g. "a user:default/guest exists" for a mistyped kind
};

struct Dependent
{
    EntitySummary entity;
    QString relation; // dependsOn or consumesApi: how it depends on the subject
};

struct WhoSection
{
    std::optional<OwnerAnswer> owner; // absent: the entity declares no owner
    std::optional<EntitySummary> team;
    QList<EntitySummary> contributors;
    std::optional<EntitySummary> parent; // group
    QList<EntitySummary> children; // group
    QList<EntitySummary> members; // group
    QList<EntitySummary> groups; // user
    QList<EntitySummary> owns; // group, user: at most the list limit
    int ownsCount = 0;
    QList<Dependent> dependents; // at most the list limit
    int dependentCount = 0;
};

// The worst of the entity's scorecards, in brief (the JSON's `health`); the whole results
// are in HowSection::scorecards.
struct HealthAnswer
{
    int scorePercent = 0;
    QString band; // failing, needs-attention, passing
    QStringList failedChecks; // criterion ids
};

struct HowSection
{
    QList<LinkGroup> links;
    std::optional<TimelineSummary> timeline; // projects
    QList<StatusUpdate> latestUpdates; // projects: newest first
    std::optional<GoalRollup> progress; // goals
    QList<EntitySummary> dependsOn;
    QList<EntitySummary> providesApis;
    QList<EntitySummary> consumesApis;
    QList<EntitySummary> providers; // API: components providing it
    std::optional<HealthAnswer> health; // absent when no scorecard applies
    QList<ScorecardResult> scorecards; // each that applies, criteria with evidence, risk path
};

// The four answers for one entity.
struct Answer
{
    EntitySummary entity;
    QString source;
    QDateTime removedAt;
    WhatSection what;
    WhySection why;
    WhoSection who;
    HowSection how;
};

} // namespace cairn::core
