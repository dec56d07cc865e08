// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/PartChecks.h"

#include <QThread>

#include <algorithm>
#include <future>

namespace cairn::sync {

namespace {

// From how many entities a part is checked on more than one thread: more than a server's
// page, so that pages checked while the server works keep to one core.
constexpr qsizetype SplitFrom = 4096;

} // namespace

std::vector<QList<core::ValidationProblem>> checkPart(const QList<core::SourcedEntity> &part)
{
    std::vector<QList<core::ValidationProblem>> problems(size_t(part.size()));
    // Each slice writes only its own elements; the part is only read.
    const auto check = [&part, &problems](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i)
            problems[size_t(i)] = core::validateEntity(part.at(i).parsed());
    };
    const qsizetype threads = part.size() < SplitFrom ? 1 : std::clamp<qsizetype>(QThread::idealThreadCount(), 1, 8);
    const qsizetype slice = (part.size() + threads - 1) / std::max<qsizetype>(1, threads);
    std::vector<std::future<void>> others;
    for (qsizetype t = 1; t < threads; ++t) {
        const qsizetype from = std::min(part.size(), t * slice);
        // Deferred as well: where no thread can be had, the slice runs at get() instead.
        others.push_back(
            std::async(std::launch::async | std::launch::deferred, check, from, std::min(part.size(), from + slice)));
    }
    check(0, std::min(part.size(), slice));
    for (std::future<void> &other : others)
        other.get();
    return problems;
}

} // namespace cairn::sync
