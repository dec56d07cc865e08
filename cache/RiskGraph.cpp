// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/RiskGraph.h"

namespace cairn::cache {

namespace {

// pathFrom's bound: a walk stops once it has seen this many entities.
constexpr qsizetype MaxVisited = 100000;

} // namespace

RiskGraph::RiskGraph(const QHash<QString, QStringList> &dependencies)
{
    // Those that depend on something first, in the hash's order, so that their lists go in
    // in that order; then what they depend on that depends on nothing.
    m_numberOf.reserve(dependencies.size());
    const auto number = [this](const QString &key) {
        const qsizetype known = m_numberOf.size();
        int &n = m_numberOf[key]; // one lookup, inserting when new
        if (m_numberOf.size() != known) {
            n = int(m_keyOf.size());
            m_keyOf.append(key);
        }
        return n;
    };
    for (auto it = dependencies.constBegin(); it != dependencies.constEnd(); ++it)
        number(it.key());
    m_belowStart.reserve(size_t(dependencies.size()) + 1);
    m_belowStart.push_back(0);
    for (auto it = dependencies.constBegin(); it != dependencies.constEnd(); ++it) {
        for (const QString &dependency : it.value())
            m_below.push_back(number(dependency));
        m_belowStart.push_back(int(m_below.size()));
    }
    const size_t count = size_t(m_keyOf.size());
    m_belowStart.resize(count + 1, int(m_below.size()));

    // Dependents, counted then placed.
    m_aboveStart.assign(count + 1, 0);
    for (const int d : m_below)
        ++m_aboveStart[size_t(d) + 1];
    for (size_t n = 0; n < count; ++n)
        m_aboveStart[n + 1] += m_aboveStart[n];
    m_above.resize(m_below.size());
    std::vector<int> placed(m_aboveStart.begin(), m_aboveStart.end() - 1);
    for (size_t n = 0; n < count; ++n)
        for (int i = m_belowStart[n]; i < m_belowStart[n + 1]; ++i)
            m_above[size_t(placed[size_t(m_below[size_t(i)])]++)] = int(n);
}

std::vector<std::pair<QString, QStringList>> RiskGraph::paths(
    const QSet<QString> &failing, const std::function<bool(const QString &key)> &wanted) const
{
    std::vector<std::pair<QString, QStringList>> found;
    for (const auto &[node, path] :
        numberedPaths(failing, [this, &wanted](int node) { return wanted(m_keyOf.at(node)); }))
        found.emplace_back(m_keyOf.at(node), keysOf(path));
    return found;
}

std::vector<std::pair<int, QList<int>>> RiskGraph::numberedPaths(
    const QSet<QString> &failing, const std::function<bool(int node)> &wanted, int from, int to) const
{
    const size_t count = size_t(m_keyOf.size());
    std::vector<char> fails(count, 0);
    // Steps from each entity to the nearest failing one (0 for a failing one), going up
    // from all the failing ones at once through the entities that depend on them.
    std::vector<int> steps(count, -1);
    std::vector<int> queue;
    for (const QString &key : failing) {
        const auto it = m_numberOf.constFind(key);
        if (it == m_numberOf.constEnd())
            continue; // neither depends on anything nor is depended on: no path meets it
        fails[size_t(*it)] = 1;
        steps[size_t(*it)] = 0;
        queue.push_back(*it);
    }
    for (size_t at = 0; at < queue.size(); ++at) {
        const int n = queue[at];
        for (int i = m_aboveStart[size_t(n)]; i < m_aboveStart[size_t(n) + 1]; ++i) {
            const int up = m_above[size_t(i)];
            if (steps[size_t(up)] < 0) {
                steps[size_t(up)] = steps[size_t(n)] + 1;
                queue.push_back(up);
            }
        }
    }

    std::vector<std::pair<int, QList<int>>> found;
    std::vector<int> seenBy(count, -1); // the walk that last saw each node
    std::vector<int> cameFrom(count, -1);
    for (size_t n = size_t(from); n < (to < 0 ? count : size_t(to)); ++n) {
        if (steps[n] < 0 || (steps[n] == 0 && m_belowStart[n] == m_belowStart[n + 1]))
            continue; // reaches no failing one, or fails and depends on nothing
        if (!wanted(int(n)))
            continue;
        QList<int> path;
        if (fails[n]) {
            path = pathOfFailing(int(n), fails, seenBy, cameFrom, queue);
            if (path.isEmpty())
                continue;
        } else {
            // Down the shortest way, taking at each step the first dependency in key order
            // that is one step nearer: the path pathFrom's breadth-first walk meets first.
            path.append(int(n));
            for (size_t at = n; steps[at] > 0;) {
                const int want = steps[at] - 1;
                for (int i = m_belowStart[at]; i < m_belowStart[at + 1]; ++i) {
                    if (steps[size_t(m_below[size_t(i)])] == want) {
                        at = size_t(m_below[size_t(i)]);
                        break;
                    }
                }
                path.append(int(at));
            }
        }
        found.emplace_back(int(n), std::move(path));
    }
    return found;
}

QList<int> RiskGraph::pathOfFailing(int from, const std::vector<char> &fails, std::vector<int> &seenBy,
    std::vector<int> &cameFrom, std::vector<int> &queue) const
{
    // pathFrom's walk: breadth first, dependencies in order, the first failing one met.
    queue.clear();
    queue.push_back(from);
    seenBy[size_t(from)] = from;
    cameFrom[size_t(from)] = -1;
    qsizetype seen = 1;
    for (size_t at = 0; at < queue.size() && seen <= MaxVisited; ++at) {
        const int n = queue[at];
        for (int i = m_belowStart[size_t(n)]; i < m_belowStart[size_t(n) + 1]; ++i) {
            const int next = m_below[size_t(i)];
            if (seenBy[size_t(next)] == from)
                continue;
            seenBy[size_t(next)] = from;
            cameFrom[size_t(next)] = n;
            ++seen;
            if (fails[size_t(next)]) {
                QList<int> path { next };
                for (int step = n; step >= 0; step = cameFrom[size_t(step)])
                    path.prepend(step);
                return path;
            }
            queue.push_back(next);
        }
    }
    return {};
}

QStringList RiskGraph::keysOf(const QList<int> &nodes) const
{
    QStringList keys;
    keys.reserve(nodes.size());
    for (const int n : nodes)
        keys.append(m_keyOf.at(n));
    return keys;
}

} // namespace cairn::cache
