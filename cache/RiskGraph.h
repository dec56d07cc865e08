// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>
#include <vector>

namespace cairn::cache {

// The catalog's dependency graph on numbers, for the risk paths of every entity at once: a
// recompute walks it once per scorecard, and on keys each step of each walk hashed a long
// string. Its paths are core::DependencyRisk::pathFrom's, to the step: the shortest, the
// first in key order among those, cycles ending where they meet a key already seen. Read
// only once built, so walks on several threads may share it.
class RiskGraph
{
public:
    RiskGraph() = default;
    // Every entity's dependencies, each list sorted.
    explicit RiskGraph(const QHash<QString, QStringList> &dependencies);

    // Each key `wanted` takes that depends, directly or not, on a `failing` one, with its
    // path from itself (first) to the nearest failing one (last).
    std::vector<std::pair<QString, QStringList>> paths(
        const QSet<QString> &failing, const std::function<bool(const QString &key)> &wanted) const;
    // The same on the graph's numbers (keyOf): for walks on several threads at once, which
    // would otherwise count references to the same keys as they copy them into paths. Of
    // the nodes numbered in [from, to) only, so that one walk may be shared out.
    std::vector<std::pair<int, QList<int>>> numberedPaths(
        const QSet<QString> &failing, const std::function<bool(int node)> &wanted, int from = 0, int to = -1) const;
    const QString &keyOf(int node) const { return m_keyOf.at(node); }
    int size() const { return int(m_keyOf.size()); }

private:
    // A failing entity's own path: one that ends at itself through a cycle does not count,
    // so it is walked on its own, as pathFrom walks it.
    QList<int> pathOfFailing(int from, const std::vector<char> &fails, std::vector<int> &seenBy,
        std::vector<int> &cameFrom, std::vector<int> &queue) const;
    QStringList keysOf(const QList<int> &nodes) const;

    QHash<QString, int> m_numberOf;
    QStringList m_keyOf;
    // Dependencies (in the lists' order) and dependents of node n: [start[n], start[n + 1]).
    std::vector<int> m_belowStart;
    std::vector<int> m_below;
    std::vector<int> m_aboveStart;
    std::vector<int> m_above;
};

} // namespace cairn::cache
