// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"
#include "core/Scorecard.h"

#include <QDate>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace cairn::cache {

// The scorecards a cache's stored health is computed with, and the "today" their date
// criteria are judged against. One for the whole process: the programs install the
// built-in scorecards and the person's own at start (sync::ScorecardReader::load), tests
// install theirs. A writable cache keeps its health in step with the installed policy;
// with none installed, a write leaves health to be recomputed at the next open that has
// one (cache::HealthStore).
struct HealthPolicy
{
    QList<core::Scorecard> scorecards;
    std::function<QDate()> today = [] { return core::clock::today(); };

    // Changes whenever a scorecard's definition does: stored health computed with another
    // fingerprint is recomputed.
    QString fingerprint() const;

    static void install(std::shared_ptr<const HealthPolicy> policy);
    static std::shared_ptr<const HealthPolicy> installed(); // null when none is
};

} // namespace cairn::cache
