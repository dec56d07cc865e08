// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/EventLoopStalls.h"

#include <QAbstractEventDispatcher>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace cairn::bench {

EventLoopStalls::EventLoopStalls()
{
    m_clock.start();
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(QThread::currentThread());
    connect(dispatcher, &QAbstractEventDispatcher::awake, this, [this] {
        if (m_awakeAt < 0)
            m_awakeAt = m_clock.nsecsElapsed();
    });
    connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, [this] {
        if (m_awakeAt >= 0)
            m_stretches.append(double(m_clock.nsecsElapsed() - m_awakeAt) / 1e6);
        m_awakeAt = -1;
    });
}

double EventLoopStalls::longest() const
{
    return m_stretches.isEmpty() ? 0.0 : *std::max_element(m_stretches.begin(), m_stretches.end());
}

double EventLoopStalls::longestFrame(
    const std::function<void()> &action, const std::function<bool()> &done, int timeoutMs)
{
    EventLoopStalls stalls;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(1);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QTimer::singleShot(0, &loop, [&] {
        action();
        poll.start();
    });
    loop.exec();
    return stalls.longest();
}

} // namespace cairn::bench
