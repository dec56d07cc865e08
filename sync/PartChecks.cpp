// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/PartChecks.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace cairn::sync {

namespace {

// From how many entities a part is checked on more than one thread: more than a server's
// page, which is already checked beside the writing of the one before.
constexpr qsizetype SplitFrom = 4096;

} // namespace

std::vector<QList<core::ValidationProblem>> checkPart(const QList<core::SourcedEntity> &part)
{
    std::vector<QList<core::ValidationProblem>> problems(size_t(part.size()));
    // Each slice writes only its own elements; the part is only read.
    const auto check = [&part, &problems](std::pair<qsizetype, qsizetype> slice) {
        for (qsizetype i = slice.first; i < slice.second; ++i)
            problems[size_t(i)] = core::validateEntity(part.at(i).parsed());
    };
    if (part.size() < SplitFrom) {
        check({ 0, part.size() });
        return problems;
    }
    const qsizetype count = std::clamp<qsizetype>(QThread::idealThreadCount(), 1, 8);
    const qsizetype size = (part.size() + count - 1) / count;
    // The slices after the first on Qt's global pool, as every other worker of Cairn; the
    // first on this thread. Waiting for a slice no pool thread has started runs it here,
    // so a busy pool slows the checks but never stalls them (QtConcurrent::blockingMap
    // would wait for a pool thread).
    QList<QFuture<void>> others;
    for (qsizetype from = size; from < part.size(); from += size)
        others.append(QtConcurrent::run(check, std::pair { from, std::min(part.size(), from + size) }));
    check({ 0, std::min(part.size(), size) });
    for (QFuture<void> &other : others)
        other.waitForFinished();
    return problems;
}

} // namespace cairn::sync
