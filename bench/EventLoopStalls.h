// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <atomic>
#include <ctime>
#include <functional>

class QThread;

namespace cairn::bench {

// How long the thread's event loop keeps an event waiting: a prober thread posts an event
// to it every millisecond (one at a time) and each records how long it waited before the
// loop handled it. The longest wait is the longest a keystroke or a click would have sat
// unanswered: the frame a person sees frozen. A read that takes 200 ms on a worker costs
// the loop nothing while it runs.
//
// Each wait is also taken in the loop thread's own CPU time (its clock read by the prober
// when it posts): the work that kept the event waiting, without the time a loaded machine
// did not schedule the thread at all.
class EventLoopStalls final : public QObject
{
public:
    EventLoopStalls();
    ~EventLoopStalls() override;

    struct Frame
    {
        double longestWait = 0; // ms: what a person feels, the scheduler's delays included
        double longestBusy = 0; // ms of the loop thread's CPU during the longest-working wait
        double threadCpu = 0; // ms of CPU the loop's thread spent in all
    };
    // Runs `action` from the event loop, then lets the loop run until `done()` holds
    // (checked every millisecond) and what it queued is handled. Gives up after `timeoutMs`.
    static Frame measure(const std::function<void()> &action, const std::function<bool()> &done, int timeoutMs = 60000);

private:
    double loopCpuMs() const;

    QElapsedTimer m_clock;
    clockid_t m_loopCpu {};
    QThread *m_prober;
    std::atomic<bool> m_probeOut = false;
    double m_longestWait = 0;
    double m_longestBusy = 0;
};

} // namespace cairn::bench
