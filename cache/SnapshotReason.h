// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace cairn::cache {

// Why a snapshot was taken. The schema has no place for it (a snapshot is a copy of the
// whole file, and the file may be a restored older one), so SnapshotStore keeps it in a
// small sidecar `<id>.json` beside the snapshot. Snapshots from before the sidecar, or
// whose sidecar cannot be read, have an Unknown reason.
struct SnapshotReason
{
    enum class Kind {
        Unknown,
        BeforeRemovals, // a sync or import run about to tombstone entities of `subject` (a source)
        BeforeRestore, // a restore of snapshot `subject` about to replace the content
        BeforeSourceRemoval, // source `subject` about to be removed
        BeforePurge, // tombstones about to be deleted for good
        ByHand, // asked for: `cairn snapshot create`, the window's Take Snapshot Now
    };

    Kind kind = Kind::Unknown;
    QString subject; // the source's name, or the restored snapshot's id; empty otherwise

    static SnapshotReason beforeRemovals(const QString &source) { return { Kind::BeforeRemovals, source }; }
    static SnapshotReason beforeRestore(const QString &snapshotId) { return { Kind::BeforeRestore, snapshotId }; }
    static SnapshotReason beforeSourceRemoval(const QString &source) { return { Kind::BeforeSourceRemoval, source }; }
    static SnapshotReason beforePurge() { return { Kind::BeforePurge, {} }; }
    static SnapshotReason byHand() { return { Kind::ByHand, {} }; }

    // In English, for the command line and traces ("before removals of “files”"); empty
    // when Unknown. The window words it itself, translated.
    QString describe() const;

    // The sidecar's content: {"reason": "before-removals", "subject": "files"}.
    QJsonObject toJson() const;
    // An unknown or missing "reason" gives Kind::Unknown: a newer Cairn's reason is not an error.
    static SnapshotReason fromJson(const QJsonObject &json);

    friend bool operator==(const SnapshotReason &, const SnapshotReason &) = default;
};

} // namespace cairn::cache
