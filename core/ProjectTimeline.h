// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Entity.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace cairn::core {

// One entry of a project's spec.updates.
struct StatusUpdate
{
    QDate date;
    QString status; // empty when the update did not move the status
    QDate targetDate; // invalid when the update did not restate the target date
    EntityRef author;
    QString text;
};

// A status change seen in the history ("on-track -> at-risk on 2026-11-20").
struct StatusChange
{
    QDate date;
    QString from; // empty for the first status set
    QString to;
};

// What a person needs to judge a project at a glance: its status, how far its date has
// slipped and whether anyone has said anything lately.
struct TimelineSummary
{
    QString status; // spec.status, else the last update's status
    QDate startDate;
    QDate firstTarget; // the first target date ever set (first update stating one, else spec)
    QDate currentTarget; // spec.targetDate, else the last one stated
    int targetMoves = 0; // how many times the target changed after it was first set
    qint64 slipDays = 0; // currentTarget - firstTarget, in days (negative: pulled in)
    QDate lastUpdate; // invalid when there was never an update
    qint64 daysSinceUpdate = -1; // -1 when there was never an update
    bool stale = false;
    int staleDays = 14;
    QList<StatusChange> statusChanges;
    QList<StatusUpdate> updates; // oldest first

    // "target moved 3 times, +45 days since first set"; empty when it never moved. In the
    // installed translator's language, as staleText().
    QString slipText() const;
    // "no update for 20 days (stale after 14)" / "no update ever"; empty when not stale.
    QString staleText() const;
};

// The history of a Project read from its spec. Updates are sorted by date (the document's
// order breaks ties), because people append them out of order.
class ProjectTimeline
{
    Q_DECLARE_TR_FUNCTIONS(ProjectTimeline)

public:
    static ProjectTimeline fromEntity(const Entity &project);

    const QList<StatusUpdate> &updates() const { return m_updates; }

    // A project is stale when its last update is more than `staleDays` days before `today`,
    // or it never had one; finished (done, cancelled) projects are never stale.
    TimelineSummary summarize(QDate today, int staleDays = 14) const;

    static bool isFinished(QStringView status);

private:
    QList<StatusUpdate> m_updates;
    QString m_status;
    QDate m_startDate;
    QDate m_targetDate;
};

} // namespace cairn::core
