// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

namespace cairn::core {

// "At risk through a dependency": an entity that depends, directly or through others, on
// one that fails a scorecard. The path shown is the shortest one, and among those the first
// in key order, so that a full recompute and an incremental one find the same path: this
// walk is the one an update makes from a few entities, and cache::RiskGraph finds its very
// paths for a whole catalog at once.
class DependencyRisk
{
public:
    using Dependencies = std::function<QStringList(const QString &key)>; // sorted keys
    using Failing = std::function<bool(const QString &key)>;

    // The keys from `key` (first) down to the nearest failing dependency (last); empty when
    // none is reachable. Cycles end where they meet a key already seen; the walk stops after
    // `maxVisited` entities, so a hub cannot make it unbounded.
    static QStringList pathFrom(
        const QString &key, const Dependencies &dependencies, const Failing &failing, int maxVisited = 100000);
};

} // namespace cairn::core
