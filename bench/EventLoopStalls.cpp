// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/EventLoopStalls.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <pthread.h>

namespace cairn::bench {

namespace {

double cpuMs(clockid_t clock)
{
    timespec now {};
    clock_gettime(clock, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

} // namespace

EventLoopStalls::EventLoopStalls()
    : m_prober(new QThread)
{
    m_clock.start();
    pthread_getcpuclockid(pthread_self(), &m_loopCpu);
    auto *timer = new QTimer;
    timer->setTimerType(Qt::PreciseTimer);
    timer->setInterval(1);
    timer->moveToThread(m_prober);
    // Runs on the prober: posts the next probe once the last one was handled.
    QObject::connect(timer, &QTimer::timeout, timer, [this] {
        if (m_probeOut.exchange(true))
            return;
        const qint64 sent = m_clock.nsecsElapsed();
        const double busySince = cpuMs(m_loopCpu);
        QMetaObject::invokeMethod(
            this,
            [this, sent, busySince] {
                m_longestWait = std::max(m_longestWait, double(m_clock.nsecsElapsed() - sent) / 1e6);
                m_longestBusy = std::max(m_longestBusy, cpuMs(m_loopCpu) - busySince);
                m_probeOut.store(false);
            },
            Qt::QueuedConnection);
    });
    QObject::connect(m_prober, &QThread::started, timer, qOverload<>(&QTimer::start));
    QObject::connect(m_prober, &QThread::finished, timer, &QObject::deleteLater);
    m_prober->start();
}

EventLoopStalls::~EventLoopStalls()
{
    m_prober->quit();
    m_prober->wait();
    delete m_prober;
}

EventLoopStalls::Frame EventLoopStalls::measure(
    const std::function<void()> &action, const std::function<bool()> &done, int timeoutMs)
{
    EventLoopStalls stalls;
    const double cpuBefore = cpuMs(CLOCK_THREAD_CPUTIME_ID);
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
    // The probe posted while the loop was last busy is still waiting: let it in.
    QElapsedTimer drain;
    drain.start();
    while (stalls.m_probeOut.load() && drain.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return Frame { stalls.m_longestWait, stalls.m_longestBusy, cpuMs(CLOCK_THREAD_CPUTIME_ID) - cpuBefore };
}

} // namespace cairn::bench
