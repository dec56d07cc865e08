// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SourceRun.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace cairn::ui {

// What the status bar says about how old the data is. Cairn shows a copy: it never claims
// to be live, and a source that was never synced, or whose last sync failed, says so.
class Freshness final
{
    Q_DECLARE_TR_FUNCTIONS(cairn::ui::Freshness)

public:
    // `runs` newest first, as CatalogWriter::recentRuns gives them.
    static QString describe(
        const QList<cache::SourceInfo> &sources, const QList<cache::SyncRunRecord> &runs, const QDateTime &now);
    // "just now", "5 min ago", "3 h ago", "2 days ago".
    static QString age(const QDateTime &then, const QDateTime &now);
};

} // namespace cairn::ui
