// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <functional>

namespace cairn::bench {

// How long the thread's event loop was busy at a stretch: from the moment it woke up to
// the moment it was about to sleep again (QAbstractEventDispatcher's awake and
// aboutToBlock). That stretch is what a person sees frozen; a read on a worker that takes
// 200 ms costs the UI thread nothing while it runs.
class EventLoopStalls final : public QObject
{
public:
    EventLoopStalls();

    // The busy stretches seen since construction (or clear()), in milliseconds.
    const QList<double> &stretches() const { return m_stretches; }
    double longest() const;
    void clear() { m_stretches.clear(); }

    // Runs `action` from the event loop, then lets the loop run until `done()` holds
    // (checked every millisecond) and what it queued is handled; the longest stretch the
    // loop was busy meanwhile, `action` included. Gives up after `timeoutMs`.
    static double longestFrame(
        const std::function<void()> &action, const std::function<bool()> &done, int timeoutMs = 60000);

private:
    QElapsedTimer m_clock;
    qint64 m_awakeAt = -1;
    QList<double> m_stretches;
};

} // namespace cairn::bench
