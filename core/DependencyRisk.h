// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

namespace cairn::core {

// "At risk through a dependency": an entity that depends, directly or through others, on
// one that fails a scorecard. The path shown is the shortest one, and among those the first
// in key order, so that a full recompute and an incremental one find the same path.
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

    // The path of each of `keys`, the very one pathFrom finds (keys without one are left
    // out), in one pass over the part of the graph below them: a walk per key would cost the
    // square of that part on a large catalog. Each key's dependencies and verdict are read once.
    static QHash<QString, QStringList> pathsFrom(
        const QList<QString> &keys, const Dependencies &dependencies, const Failing &failing);
};

} // namespace cairn::core
