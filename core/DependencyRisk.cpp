// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/DependencyRisk.h"

#include <QHash>
#include <QQueue>
#include <QSet>

#include <vector>

namespace cairn::core {

QStringList DependencyRisk::pathFrom(
    const QString &key, const Dependencies &dependencies, const Failing &failing, int maxVisited)
{
    // Breadth first: the first failing key met is at the least depth, and within a depth
    // the first in key order, since every list of dependencies comes sorted.
    QHash<QString, QString> cameFrom { { key, QString() } };
    QQueue<QString> queue;
    queue.enqueue(key);
    while (!queue.isEmpty() && cameFrom.size() <= maxVisited) {
        const QString at = queue.dequeue();
        for (const QString &next : dependencies(at)) {
            if (cameFrom.contains(next))
                continue;
            cameFrom.insert(next, at);
            if (failing(next)) {
                QStringList path { next };
                for (QString step = at; !step.isEmpty(); step = cameFrom.value(step))
                    path.prepend(step);
                return path;
            }
            queue.enqueue(next);
        }
    }
    return {};
}

QHash<QString, QStringList> DependencyRisk::pathsFrom(
    const QList<QString> &keys, const Dependencies &dependencies, const Failing &failing)
{
    // The walks below run on numbers: each key met is hashed once, when it is first seen,
    // instead of at every step of every walk (a catalog's keys are long strings).
    QHash<QString, int> numberOf;
    QStringList keyOf;
    std::vector<std::vector<int>> below; // what each one depends on, as read
    std::vector<char> fails;
    std::vector<char> isStart;
    std::vector<int> queue;
    const auto number = [&](const QString &key) {
        const qsizetype known = numberOf.size();
        int &n = numberOf[key]; // one lookup, inserting when new
        const bool added = numberOf.size() != known;
        if (added) {
            n = int(keyOf.size());
            keyOf.append(key);
            below.emplace_back();
            fails.push_back(0);
            isStart.push_back(0);
        }
        return std::pair { n, added };
    };
    // What lies below the keys. A path stops at the first failing entity, so what a failing
    // one depends on is only read when it is one of the keys.
    for (const QString &key : keys)
        isStart[size_t(number(key).first)] = 1;
    const auto read = [&](int n) {
        fails[size_t(n)] = failing(keyOf.at(n)) ? 1 : 0;
        if (fails[size_t(n)] && !isStart[size_t(n)])
            return;
        for (const QString &dep : dependencies(keyOf.at(n))) {
            const auto [d, added] = number(dep);
            below[size_t(n)].push_back(d);
            if (added)
                queue.push_back(d);
        }
    };
    for (int n = 0; n < int(keyOf.size()); ++n)
        queue.push_back(n);
    for (size_t at = 0; at < queue.size(); ++at)
        read(queue[at]);

    // Steps from each entity to the nearest failing one (0 for a failing one), going up from
    // all the failing ones at once through the entities that depend on them.
    const size_t count = size_t(keyOf.size());
    std::vector<std::vector<int>> dependents(count);
    for (size_t n = 0; n < count; ++n)
        for (const int d : below[n])
            dependents[size_t(d)].push_back(int(n));
    std::vector<int> steps(count, -1);
    queue.clear();
    for (size_t n = 0; n < count; ++n) {
        if (fails[n]) {
            steps[n] = 0;
            queue.push_back(int(n));
        }
    }
    for (size_t at = 0; at < queue.size(); ++at) {
        const int n = queue[at];
        for (const int up : dependents[size_t(n)]) {
            if (steps[size_t(up)] < 0) {
                steps[size_t(up)] = steps[size_t(n)] + 1;
                queue.push_back(up);
            }
        }
    }

    QHash<QString, QStringList> paths;
    for (size_t n = 0; n < count; ++n) {
        if (!isStart[n])
            continue;
        if (fails[n]) {
            // Its own verdict counts it 0 steps away, so the distances cannot tell whether
            // a path runs back to it through a cycle: the walk of its own answers that.
            QStringList path = pathFrom(keyOf.at(int(n)), dependencies, failing);
            if (!path.isEmpty())
                paths.insert(keyOf.at(int(n)), path);
            continue;
        }
        if (steps[n] < 0)
            continue;
        // Down the shortest way, taking at each step the first dependency in key order that
        // is one step nearer: the path the breadth-first walk of pathFrom meets first.
        QStringList path { keyOf.at(int(n)) };
        for (size_t at = n; steps[at] > 0;) {
            const int want = steps[at] - 1;
            for (const int d : below[at]) {
                if (steps[size_t(d)] == want) {
                    at = size_t(d);
                    break;
                }
            }
            path.append(keyOf.at(int(at)));
        }
        paths.insert(keyOf.at(int(n)), path);
    }
    return paths;
}

} // namespace cairn::core
