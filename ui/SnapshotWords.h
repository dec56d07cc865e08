// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SnapshotStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace cairn::ui {

// How the window words a snapshot, the same in the Snapshots dialog and in the notice of a
// damaged cache: when it was taken, why, what it holds.
class SnapshotWords final
{
    Q_DECLARE_TR_FUNCTIONS(cairn::ui::SnapshotWords)

public:
    // "2026-12-02 14:05 (3 days ago)", in local time.
    static QString when(const QDateTime &createdAt, const QDateTime &now);
    // "Before removals of “files”"; "—" for a snapshot taken before Cairn kept reasons.
    static QString reason(const cache::SnapshotReason &reason);
    // "1,234 entities".
    static QString entities(int count);
    // "12.3 MB".
    static QString size(qint64 bytes);
    // One line for a confirmation or a notice: "the snapshot of 2026-12-02 14:05 (3 days
    // ago), before removals of “files”, 1,234 entities".
    static QString summary(const cache::SnapshotInfo &snapshot, const QDateTime &now);
};

} // namespace cairn::ui
