// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ProjectTimeline.h"

#include <QJsonArray>

#include <algorithm>

namespace cairn::core {

namespace {

QDate isoDate(const QJsonValue &value)
{
    // Dates may come as "2026-10-02" or a full timestamp; only the day matters here.
    const QString text = value.toString();
    QDate date = QDate::fromString(text.left(10), Qt::ISODate);
    return date;
}

} // namespace

QString TimelineSummary::slipText() const
{
    if (targetMoves <= 0)
        return QString();
    const QString times = targetMoves == 1 ? ProjectTimeline::tr("once", "target moved once")
                                           : ProjectTimeline::tr("%n times", "target moved 3 times", targetMoves);
    if (slipDays > 0)
        return ProjectTimeline::tr("target moved %1, +%n days since first set", "later", int(slipDays)).arg(times);
    if (slipDays < 0)
        return ProjectTimeline::tr("target moved %1, -%n days since first set", "earlier", int(-slipDays)).arg(times);
    return ProjectTimeline::tr("target moved %1, %n days since first set", "back to the first date", 0).arg(times);
}

QString TimelineSummary::staleText() const
{
    if (!stale)
        return QString();
    if (!lastUpdate.isValid())
        return ProjectTimeline::tr("no update ever");
    return ProjectTimeline::tr("no update for %n days (stale after %1)", nullptr, int(daysSinceUpdate)).arg(staleDays);
}

ProjectTimeline ProjectTimeline::fromEntity(const Entity &project)
{
    ProjectTimeline timeline;
    const QJsonObject spec = project.spec();
    timeline.m_status = spec.value(u"status").toString();
    timeline.m_startDate = isoDate(spec.value(u"startDate"));
    timeline.m_targetDate = isoDate(spec.value(u"targetDate"));
    const QJsonArray updates = spec.value(u"updates").toArray();
    for (const QJsonValue item : updates) {
        const QJsonObject u = item.toObject();
        StatusUpdate update;
        update.date = isoDate(u.value(u"date"));
        update.status = u.value(u"status").toString();
        update.targetDate = isoDate(u.value(u"targetDate"));
        const QString author = u.value(u"author").toString();
        if (!author.isEmpty()) {
            // An author is a person unless written otherwise.
            Result<EntityRef> ref = EntityRef::parse(author, EntityRefContext { QStringLiteral("user"), project.ns() });
            if (ref)
                update.author = ref.value();
        }
        update.text = u.value(u"text").toString();
        timeline.m_updates.append(std::move(update));
    }
    std::stable_sort(
        timeline.m_updates.begin(), timeline.m_updates.end(), [](const StatusUpdate &a, const StatusUpdate &b) {
            // Undated updates keep their place at the start; they cannot be ordered.
            return a.date.isValid() && b.date.isValid() ? a.date < b.date : !a.date.isValid() && b.date.isValid();
        });
    return timeline;
}

bool ProjectTimeline::isFinished(QStringView status)
{
    return status.compare(u"done", Qt::CaseInsensitive) == 0 || status.compare(u"cancelled", Qt::CaseInsensitive) == 0
        || status.compare(u"completed", Qt::CaseInsensitive) == 0;
}

TimelineSummary ProjectTimeline::summarize(QDate today, int staleDays) const
{
    TimelineSummary s;
    s.startDate = m_startDate;
    s.staleDays = staleDays;
    s.updates = m_updates;

    // Target history: every date stated by an update, then the spec's current one.
    QList<QDate> targets;
    QString previousStatus;
    for (const StatusUpdate &u : m_updates) {
        if (u.targetDate.isValid())
            targets.append(u.targetDate);
        if (!u.status.isEmpty() && u.status != previousStatus) {
            s.statusChanges.append(StatusChange { u.date, previousStatus, u.status });
            previousStatus = u.status;
        }
        if (u.date.isValid())
            s.lastUpdate = u.date;
    }
    if (m_targetDate.isValid())
        targets.append(m_targetDate);
    if (!targets.isEmpty()) {
        s.firstTarget = targets.first();
        s.currentTarget = targets.last();
        for (qsizetype i = 1; i < targets.size(); ++i) {
            if (targets.at(i) != targets.at(i - 1))
                ++s.targetMoves;
        }
        s.slipDays = s.firstTarget.daysTo(s.currentTarget);
    }

    // The spec's status is what the owner declares now; a stale last update must not override it.
    s.status = m_status.isEmpty() ? previousStatus : m_status;

    if (s.lastUpdate.isValid() && today.isValid())
        s.daysSinceUpdate = s.lastUpdate.daysTo(today);
    if (!isFinished(s.status))
        s.stale = !s.lastUpdate.isValid() || s.daysSinceUpdate > staleDays;
    return s;
}

} // namespace cairn::core
