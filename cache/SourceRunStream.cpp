// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/SourceRunStream.h"

#include "cache/Cache.h"
#include "cache/SourceRunApplier.h"

namespace cairn::cache {

SourceRunStream::SourceRunStream(Cache &cache, SourceRunInput settings)
    : m_cache(cache)
    , m_settings(std::move(settings))
    , m_applier(std::make_unique<SourceRunApplier>(cache, m_settings))
{ }

// Out of line: SourceRunApplier is complete here. Destroying an unfinished applier rolls
// its transaction back.
SourceRunStream::~SourceRunStream() = default;

core::Error SourceRunStream::inContext(const core::Error &error) const
{
    return core::Error { QStringLiteral("Could not apply the run of source \u201c%1\u201d to the cache %2 "
                                        "(nothing was changed): %3")
                             .arg(m_settings.sourceName, m_cache.path(), error.message) };
}

core::Status SourceRunStream::prepare()
{
    if (core::Status prepared = m_applier->prepare(); !prepared)
        return inContext(prepared.error());
    return {};
}

core::Status SourceRunStream::begin()
{
    if (core::Status started = m_applier->begin(); !started)
        return inContext(started.error());
    m_begun = true;
    return {};
}

core::Status SourceRunStream::begun()
{
    return m_begun ? core::Status {} : begin();
}

QHash<QString, QString> SourceRunStream::ownEtags() const
{
    return m_applier->ownEtags();
}

core::Error SourceRunStream::endedError() const
{
    return core::Error {
        QStringLiteral("The run of source \u201c%1\u201d has already ended.").arg(m_settings.sourceName)
    };
}

core::Status SourceRunStream::add(QList<core::SourcedEntity> part, PartWrite when)
{
    if (m_finished)
        return endedError();
    if (core::Status started = begun(); !started) {
        m_finished = true;
        return started;
    }
    if (core::Status added = m_applier->add(std::move(part), when); !added) {
        // Half a part may be planned: nothing more goes into this run, which rolls back
        // when the stream goes.
        m_finished = true;
        return inContext(added.error());
    }
    return {};
}

core::Result<RunSummary> SourceRunStream::finish(const QList<core::EntityRef> &unchangedRefs, bool keepUndelivered)
{
    if (m_finished)
        return endedError();
    m_finished = true;
    if (core::Status started = begun(); !started)
        return started.error();
    core::Result<RunSummary> summary = m_applier->finish(unchangedRefs, keepUndelivered);
    if (!summary)
        return inContext(summary.error());
    return summary;
}

} // namespace cairn::cache
