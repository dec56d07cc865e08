// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Freshness.h"

#include <QStringList>

namespace cairn::ui {

QString Freshness::age(const QDateTime &then, const QDateTime &now)
{
    const qint64 seconds = qMax<qint64>(0, then.secsTo(now));
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%1 min ago").arg(seconds / 60);
    if (seconds < 48 * 3600)
        return tr("%1 h ago").arg(seconds / 3600);
    return tr("%1 days ago").arg(seconds / 86400);
}

QString Freshness::describe(
    const QList<cache::SourceInfo> &sources, const QList<cache::SyncRunRecord> &runs, const QDateTime &now)
{
    if (sources.isEmpty())
        return tr("Offline copy · no source yet");
    QStringList parts;
    for (const cache::SourceInfo &source : sources) {
        const cache::SyncRunRecord *lastGood = nullptr;
        const cache::SyncRunRecord *last = nullptr;
        for (const cache::SyncRunRecord &run : runs) {
            if (run.source != source.name || run.operation != u"sync")
                continue;
            if (!last)
                last = &run;
            // A held run read the source: its data is as fresh as that read, though
            // its removals wait.
            if (run.status == u"ok" || run.status == u"held") {
                lastGood = &run;
                break;
            }
        }
        const QString verb = source.kind == u"sample" ? tr("loaded") : tr("synced");
        QString part;
        if (lastGood) {
            const QDateTime when = lastGood->finishedAt.isValid() ? lastGood->finishedAt : lastGood->startedAt;
            part = tr("%1 %2 from %3").arg(verb, age(when, now), source.name);
        } else {
            part = tr("%1 never synced").arg(source.name);
        }
        if (last && last != lastGood && last->status == u"failed")
            part += tr(" (last sync failed %1)").arg(age(last->startedAt, now));
        if (lastGood && lastGood->status == u"held")
            part += tr(" (removals held)");
        parts.append(part);
    }
    return tr("Offline copy · %1").arg(parts.join(QStringLiteral(" · ")));
}

} // namespace cairn::ui
