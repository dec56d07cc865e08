// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/DependencyRisk.h"

#include <QHash>
#include <QQueue>
#include <QSet>

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
    // What lies below the keys. A path stops at the first failing entity, so what a failing
    // one depends on is only read when it is one of the keys.
    QHash<QString, QStringList> below;
    QSet<QString> failingBelow;
    QSet<QString> starts(keys.cbegin(), keys.cend());
    QQueue<QString> queue;
    const auto reach = [&](const QString &key) {
        if (below.contains(key))
            return;
        const bool fails = failing(key);
        if (fails)
            failingBelow.insert(key);
        below.insert(key, fails && !starts.contains(key) ? QStringList() : dependencies(key));
        queue.enqueue(key);
    };
    for (const QString &key : keys)
        reach(key);
    while (!queue.isEmpty())
        for (const QString &next : below.value(queue.dequeue()))
            reach(next);

    // Steps from each entity to the nearest failing one (0 for a failing one), going up from
    // all the failing ones at once through the entities that depend on them.
    QHash<QString, QStringList> dependents;
    for (auto it = below.constBegin(); it != below.constEnd(); ++it)
        for (const QString &dep : it.value())
            dependents[dep].append(it.key());
    QHash<QString, int> steps;
    for (const QString &key : std::as_const(failingBelow)) {
        steps.insert(key, 0);
        queue.enqueue(key);
    }
    while (!queue.isEmpty()) {
        const QString at = queue.dequeue();
        const int next = steps.value(at) + 1;
        for (const QString &up : dependents.value(at)) {
            if (!steps.contains(up)) {
                steps.insert(up, next);
                queue.enqueue(up);
            }
        }
    }

    QHash<QString, QStringList> paths;
    for (const QString &key : starts) {
        if (failingBelow.contains(key)) {
            // Its own verdict counts it 0 steps away, so the distances cannot tell whether
            // a path runs back to it through a cycle: the walk of its own answers that.
            QStringList path = pathFrom(key, dependencies, failing);
            if (!path.isEmpty())
                paths.insert(key, path);
            continue;
        }
        if (!steps.contains(key))
            continue;
        // Down the shortest way, taking at each step the first dependency in key order that
        // is one step nearer: the path the breadth-first walk of pathFrom meets first.
        QStringList path { key };
        for (QString at = key; steps.value(at) > 0;) {
            const int want = steps.value(at) - 1;
            for (const QString &dep : below.value(at)) {
                if (steps.contains(dep) && steps.value(dep) == want) {
                    at = dep;
                    break;
                }
            }
            path.append(at);
        }
        paths.insert(key, path);
    }
    return paths;
}

} // namespace cairn::core
