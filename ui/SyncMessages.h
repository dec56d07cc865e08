// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/SourceHarvest.h"
#include "sync/SyncOutcome.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace cairn::ui {

// The window's own words for a sync: what it is doing now, and what became of it. A failure
// is told from its kind (offline, a refused token, a failing server, an untrusted
// certificate, removals held), never with the command line's advice; the engine's own
// sentence follows as the detail.
class SyncMessages final
{
    Q_DECLARE_TR_FUNCTIONS(cairn::ui::SyncMessages)

public:
    // "Syncing “github” (2 of 3) · downloading 1,200 of 5,000 entities".
    static QString progress(
        const QString &source, int position, int sources, sync::SyncPhase phase, qint64 done, qint64 total);
    // The headline of a failed or held run: what happened to which source, and what a person
    // can do in the window.
    static QString failure(const sync::SyncOutcome &outcome);
    // Rich text for the banner: the headline, then the engine's sentence as the detail.
    static QString banner(const QList<sync::SyncOutcome> &failed);
    // What the status bar says when a run is over: "Synced 2 sources: 12 added, 3 changed".
    static QString summary(const QList<sync::SyncOutcome> &outcomes);
};

} // namespace cairn::ui
