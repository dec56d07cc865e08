// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SyncMessages.h"

#include <QLocale>

namespace cairn::ui {

namespace {

QString phaseWords(sync::SyncPhase phase, qint64 done, qint64 total)
{
    const QLocale locale;
    const QString count = locale.toString(done);
    const bool known = total >= 0;
    const QString of = known ? locale.toString(total) : QString();
    // Nothing counted yet (a bundle on its way counts its entities once it is in).
    if (!known && done == 0) {
        switch (phase) {
        case sync::SyncPhase::Listing:
            return SyncMessages::tr("listing entities…");
        case sync::SyncPhase::Fetching:
            return SyncMessages::tr("downloading…");
        case sync::SyncPhase::Validating:
            return SyncMessages::tr("checking entities…");
        case sync::SyncPhase::Writing:
            return SyncMessages::tr("saving entities…");
        }
    }
    switch (phase) {
    case sync::SyncPhase::Listing:
        return known ? SyncMessages::tr("listing %1 of %2 entities").arg(count, of)
                     : SyncMessages::tr("listing entities (%1 so far)").arg(count);
    case sync::SyncPhase::Fetching:
        return known ? SyncMessages::tr("downloading %1 of %2 entities").arg(count, of)
                     : SyncMessages::tr("downloading (%1 entities so far)").arg(count);
    case sync::SyncPhase::Validating:
        return known ? SyncMessages::tr("checking %1 of %2 entities").arg(count, of)
                     : SyncMessages::tr("checking entities (%1 so far)").arg(count);
    case sync::SyncPhase::Writing:
        return known ? SyncMessages::tr("saving %1 of %2 entities").arg(count, of)
                     : SyncMessages::tr("saving entities (%1 so far)").arg(count);
    }
    return {};
}

} // namespace

QString SyncMessages::progress(
    const QString &source, int position, int sources, sync::SyncPhase phase, qint64 done, qint64 total)
{
    const QString who = sources > 1 ? tr("Syncing “%1” (%2 of %3)").arg(source).arg(position).arg(sources)
                                    : tr("Syncing “%1”").arg(source);
    return tr("%1 · %2").arg(who, phaseWords(phase, done, total));
}

QString SyncMessages::failure(const sync::SyncOutcome &outcome)
{
    const QString &source = outcome.sourceName;
    if (outcome.summary.held) {
        return tr("The sync of “%1” would remove %n entities, more than Cairn removes without asking. Nothing "
                  "was changed; review the list to apply the removals or keep your copy.",
            nullptr, outcome.summary.removed)
            .arg(source);
    }
    switch (outcome.errorKind) {
    case core::ErrorKind::Offline:
        return tr("Cairn could not reach “%1”: you seem to be offline, or its server is down. You are "
                  "looking at your last copy.")
            .arg(source);
    case core::ErrorKind::Authentication:
        if (outcome.tokenMissing)
            return tr("“%1” needs a token and the keychain holds none. Enter it in File ▸ Sources.").arg(source);
        return tr("“%1” refused the token. Check it in File ▸ Sources.").arg(source);
    case core::ErrorKind::Server:
        return tr("The server of “%1” failed. Cairn kept your copy; try again later.").arg(source);
    case core::ErrorKind::Tls:
        return tr("The certificate of “%1” is not trusted, so Cairn did not send it anything. Your copy is "
                  "unchanged.")
            .arg(source);
    case core::ErrorKind::NotFound:
        return tr("There is nothing at the address of “%1”. Check it in File ▸ Sources.").arg(source);
    case core::ErrorKind::StorageFull:
        return tr("The sync of “%1” stopped: the disk is full. Your copy is unchanged.").arg(source);
    case core::ErrorKind::ReadOnly:
        return tr("The sync of “%1” could not write the cache file. Your copy is unchanged.").arg(source);
    case core::ErrorKind::Corrupt:
        return tr("The sync of “%1” found the cache damaged. Restore a snapshot from File ▸ Snapshots.").arg(source);
    case core::ErrorKind::InvalidInput:
        return tr("“%1” is not set up right. Check it in File ▸ Sources.").arg(source);
    case core::ErrorKind::Cancelled:
        return tr("The sync of “%1” was cancelled; nothing was changed.").arg(source);
    case core::ErrorKind::Held:
    case core::ErrorKind::NewerVersion:
    case core::ErrorKind::ForeignFile:
    case core::ErrorKind::Other:
        break;
    }
    return tr("The sync of “%1” failed. Your copy is unchanged.").arg(source);
}

QString SyncMessages::banner(const QList<sync::SyncOutcome> &failed)
{
    QStringList parts;
    for (const sync::SyncOutcome &outcome : failed) {
        QString part = QStringLiteral("<b>%1</b>").arg(failure(outcome).toHtmlEscaped());
        // A held run's detail is the list the dialog shows; a failure's is the engine's fact.
        if (!outcome.summary.held && !outcome.error.isEmpty())
            part += QStringLiteral("<br><small>%1</small>").arg(outcome.error.toHtmlEscaped());
        parts.append(part);
    }
    return parts.join(QStringLiteral("<br>"));
}

QString SyncMessages::summary(const QList<sync::SyncOutcome> &outcomes)
{
    int synced = 0;
    int added = 0;
    int changed = 0;
    int removed = 0;
    QString first;
    for (const sync::SyncOutcome &outcome : outcomes) {
        if (!outcome.ok || outcome.summary.held)
            continue;
        if (++synced == 1)
            first = outcome.sourceName;
        added += outcome.summary.added;
        changed += outcome.summary.changed;
        removed += outcome.summary.removed;
    }
    if (synced == 0)
        return {};
    const QString sources = synced == 1 ? tr("Synced “%1”").arg(first) : tr("Synced %n sources", nullptr, synced);
    if (added == 0 && changed == 0 && removed == 0)
        return tr("%1: nothing new.").arg(sources);
    const QLocale locale;
    return tr("%1: %2 added, %3 changed, %4 removed.")
        .arg(sources, locale.toString(added), locale.toString(changed), locale.toString(removed));
}

} // namespace cairn::ui
