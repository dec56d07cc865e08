// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/DependencyRisk.h"

#include <QHash>
#include <QQueue>

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

} // namespace cairn::core
