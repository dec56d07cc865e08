// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SnapshotWords.h"

#include "ui/Freshness.h"

#include <QLocale>

namespace cairn::ui {

QString SnapshotWords::when(const QDateTime &createdAt, const QDateTime &now)
{
    const QString local = QLocale().toString(
        createdAt.toLocalTime(), tr("yyyy-MM-dd HH:mm", "when a snapshot was taken (QDateTime::toString format)"));
    return tr("%1 (%2)", "a snapshot's time and how long ago it was").arg(local, Freshness::age(createdAt, now));
}

QString SnapshotWords::reason(const cache::SnapshotReason &reason)
{
    using Kind = cache::SnapshotReason::Kind;
    switch (reason.kind) {
    case Kind::BeforeRemovals:
        return tr("Before removals of “%1”", "a sync about to tombstone entities of this source").arg(reason.subject);
    case Kind::BeforeRestore:
        return tr("Before restoring %1", "the snapshot id being restored").arg(reason.subject);
    case Kind::BeforeSourceRemoval:
        return tr("Before removing source “%1”").arg(reason.subject);
    case Kind::BeforePurge:
        return tr("Before purging removed entities");
    case Kind::ByHand:
        return tr("Taken by hand");
    case Kind::Unknown:
        break;
    }
    return tr("—", "a snapshot taken before Cairn kept why");
}

QString SnapshotWords::entities(int count)
{
    // Spelled out rather than %n: English has no translation file to pick the singular.
    return count == 1 ? tr("1 entity") : tr("%1 entities").arg(QLocale().toString(count));
}

QString SnapshotWords::size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1);
}

QString SnapshotWords::summary(const cache::SnapshotInfo &snapshot, const QDateTime &now)
{
    if (snapshot.reason.kind == cache::SnapshotReason::Kind::Unknown)
        return tr("the snapshot of %1, %2").arg(when(snapshot.createdAt, now), entities(snapshot.liveEntities));
    // Mid-sentence: only the first letter goes down, a source's name keeps its case.
    QString why = reason(snapshot.reason);
    why[0] = why.at(0).toLower();
    return tr("the snapshot of %1, %2, %3").arg(when(snapshot.createdAt, now), why, entities(snapshot.liveEntities));
}

} // namespace cairn::ui
