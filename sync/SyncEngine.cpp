// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SyncEngine.h"

#include "cache/CatalogWriter.h"
#include "cache/SourceRunStream.h"
#include "core/Clock.h"
#include "core/EntityValidator.h"
#include "core/RelationType.h"
#include "sync/PartChecks.h"
#include "sync/SyncLog.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

namespace cairn::sync {

namespace {

QString problemsText(const QList<core::ValidationProblem> &problems)
{
    QStringList lines;
    for (const core::ValidationProblem &problem : problems)
        lines.append(problem.toString());
    return lines.join(QStringLiteral("; "));
}

} // namespace

SyncEngine::SyncEngine(cache::Cache &cache)
    : m_cache(cache)
{ }

bool SyncEngine::cancelled() const
{
    return m_cancel && m_cancel->load();
}

SyncOutcome SyncEngine::run(const QString &sourceName, const QString &sourceKind, const QString &location,
    CatalogSource &source, const SyncOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    const QDateTime startedAt = core::clock::nowUtc();
    SyncOutcome outcome;
    outcome.sourceName = sourceName;
    cache::CatalogWriter writer(m_cache);
    // The run, begun when the first part arrives: it holds the write lock until it ends.
    std::unique_ptr<cache::SourceRunStream> stream;

    const auto failed = [&](const core::Error &failure) {
        stream.reset(); // rolled back: nothing of the run stays, and the lock is free for the log
        const QString &error = failure.message;
        outcome.ok = false;
        outcome.cancelled = failure.kind == core::ErrorKind::Cancelled;
        outcome.error = error;
        outcome.errorKind = failure.kind;
        if (!options.dryRun) {
            // The log shows failed runs too; if even that fails, the error above still stands.
            if (core::Result<qint64> logged = writer.recordFailedRun(sourceName, startedAt, error); !logged)
                qCWarning(syncLog) << "the failed run of" << sourceName << "was not logged:" << logged.errorString();
        }
        outcome.elapsedMs = timer.elapsed();
        return outcome;
    };
    const core::Error cancelledError {
        QStringLiteral("The sync of \"%1\" was cancelled; the cache is unchanged.").arg(sourceName),
        core::ErrorKind::Cancelled,
    };

    cache::SourceRunInput settings;
    settings.sourceName = sourceName;
    settings.sourceKind = sourceKind;
    settings.location = location;
    settings.maxRemovalShare = options.maxRemovalShare;
    settings.allowRemovals = options.allowRemovals;
    settings.confirmedRemovals = options.confirmedRemovals;
    settings.dryRun = options.dryRun;
    settings.relationsStatedAtBothEnds = source.statesRelationsAtBothEnds();
    settings.progress = [this](int done, int total) {
        if (m_progress)
            m_progress(SyncPhase::Writing, done, total);
        return !cancelled();
    };
    HarvestContext context;
    // The etags are read when the source asks for them (for one that asks a server, after
    // its first request has left), together with the rest of the run's starting state: the
    // run is prepared then, and takes the write lock only when it writes.
    core::Result<bool> holdsEntities = writer.sourceHasLiveEntities(sourceName);
    if (!holdsEntities)
        return failed(holdsEntities.error());
    const auto prepared = [&]() -> core::Status {
        if (stream)
            return {};
        core::Result<std::unique_ptr<cache::SourceRunStream>> made = writer.prepareSourceRun(settings);
        if (!made)
            return made.error();
        stream = std::move(made).value();
        return {};
    };
    context.knownEtags = KnownEtags(holdsEntities.value(), [&]() -> core::Result<QHash<QString, QString>> {
        if (core::Status ready = prepared(); !ready)
            return ready.error();
        return stream->ownEtags();
    });
    core::Result<QJsonObject> storedOptions = writer.sourceOptions(sourceName);
    if (!storedOptions)
        return failed(storedOptions.error());
    QJsonObject sourceOptions = std::move(storedOptions).value();
    context.state = sourceOptions.value(u"state").toObject();
    context.progress = m_progress;
    context.cancel = m_cancel;

    // Invalid documents of entities the cache holds: kept as they were, not tombstoned.
    QList<core::EntityRef> keptInvalid;

    // Validation: a document that breaks the rules never reaches the cache; the version
    // already cached (if any) stays as it was rather than being tombstoned.
    struct CheckedPart
    {
        QList<core::SourcedEntity> part;
        std::vector<QList<core::ValidationProblem>> problems; // checkPart's, one per entity
    };
    const auto writeValid = [&](CheckedPart checked, cache::PartWrite when) -> core::Status {
        QList<core::SourcedEntity> &part = checked.part;
        QList<core::SourcedEntity> valid;
        valid.reserve(part.size());
        for (qsizetype i = 0; i < part.size(); ++i) {
            core::SourcedEntity &sourced = part[i];
            const QList<core::ValidationProblem> &problems = checked.problems[size_t(i)];
            if (problems.isEmpty()) {
                valid.append(std::move(sourced));
                continue;
            }
            const core::EntityRef ref = sourced.parsed().ref();
            outcome.problems.append(CatalogProblem { sourced.origin, ref.isNull() ? QString() : ref.toString(),
                QStringLiteral("invalid entity, skipped: %1").arg(problemsText(problems)) });
            if (!ref.isNull() && context.knownEtags.any()) {
                if (core::Status loaded = context.knownEtags.load(); !loaded)
                    return loaded;
                if (context.knownEtags.etags().contains(ref.key()))
                    keptInvalid.append(ref);
            }
        }
        part = {};
        if (core::Status ready = prepared(); !ready)
            return ready;
        return stream->add(std::move(valid), when);
    };
    // A compact document is parsed for the checks and dropped again; it goes on as text.
    const auto checked = [](QList<core::SourcedEntity> part) {
        std::vector<QList<core::ValidationProblem>> problems = checkPart(part);
        return CheckedPart { std::move(part), std::move(problems) };
    };
    // Parts handed on as they arrive (a server's pages) are checked on the thread pool
    // while the part before is written, so that this thread, which writes, does no more
    // than that; the order of the writes is the order of the parts.
    QFuture<CheckedPart> checking;
    const auto writeChecking = [&]() -> core::Status {
        if (!checking.isValid())
            return {};
        CheckedPart part = checking.takeResult();
        checking = {};
        return writeValid(std::move(part), cache::PartWrite::Now);
    };
    context.deliver = [&](QList<core::SourcedEntity> &&part) -> core::Status {
        if (cancelled())
            return cancelledError;
        QFuture<CheckedPart> next = QtConcurrent::run(checked, std::move(part));
        core::Status written = writeChecking();
        checking = std::move(next);
        return written;
    };

    core::Result<SourceHarvest> collected = source.collect(context);
    if (cancelled())
        return failed(cancelledError);
    if (!collected)
        return failed(collected.error());
    if (core::Status written = writeChecking(); !written)
        return failed(cancelled() ? cancelledError : written.error());
    SourceHarvest harvest = std::move(collected).value();
    outcome.requests = harvest.requests;
    outcome.problems.append(harvest.problems);
    outcome.notes = harvest.notes;
    outcome.notModified = harvest.notModified;

    // What the source kept rather than handed on (files, bundles: read whole first) is
    // planned whole and written only once the guard has let the run through.
    if (m_progress && !harvest.entities.isEmpty())
        m_progress(SyncPhase::Validating, 0, harvest.entities.size());
    if (core::Status written = writeValid(checked(std::move(harvest.entities)), cache::PartWrite::AfterGuard); !written)
        return failed(cancelled() ? cancelledError : written.error());
    harvest.entities = {};

    // A file that could not be parsed hides which entities it held: keep them all rather
    // than tombstone entities only because their file has a syntax error today.
    const bool readInPart = std::any_of(harvest.problems.cbegin(), harvest.problems.cend(),
        [](const CatalogProblem &problem) { return problem.ref.isEmpty(); });
    QList<core::EntityRef> unchangedRefs = std::move(harvest.unchangedRefs);
    unchangedRefs.append(keptInvalid);

    if (cancelled())
        return failed(cancelledError);
    core::Result<cache::RunSummary> summary = stream->finish(unchangedRefs, readInPart);
    stream.reset();
    if (!summary) {
        return failed(cancelled() ? cancelledError : summary.error());
    }
    outcome.summary = summary.value();
    if (outcome.summary.held)
        outcome.errorKind = core::ErrorKind::Held;
    outcome.keptBecauseUnreadable = outcome.summary.keptUnread;
    outcome.ok = true;

    // The source's state (ETags) is saved only once its run has committed, so a failed run
    // can never make the next one skip data it did not get.
    if (!options.dryRun && !outcome.summary.held && harvest.state != context.state) {
        sourceOptions.insert(QStringLiteral("state"), harvest.state);
        // The run itself is committed; without its ETags the next run only fetches more.
        if (core::Status saved = writer.saveSourceOptions(sourceName, sourceOptions); !saved)
            outcome.notes.append(CatalogProblem { {}, {},
                QStringLiteral("the source's ETags could not be saved (%1); the next sync fetches everything again")
                    .arg(saved.errorString()) });
    }

    core::Result<QList<cache::UnresolvedRef>> unresolved
        = cache::findUnresolvedRefs(m_cache, core::relation::OwnedBy.toString(), sourceName);
    if (unresolved)
        outcome.unresolved = unresolved.value();
    else // the report just lists no unresolved owners
        qCWarning(syncLog) << "unresolved owners of" << sourceName << "not read:" << unresolved.errorString();
    outcome.elapsedMs = timer.elapsed();
    const cache::RunSummary &s = outcome.summary;
    qCDebug(syncLog).nospace().noquote() << sourceName << ": " << (s.held ? "held" : "applied") << " +" << s.added
                                         << " ~" << s.changed << " =" << s.unchanged << " -" << s.removed << " in "
                                         << outcome.elapsedMs << " ms, " << outcome.problems.size() << " rejected";
    return outcome;
}

} // namespace cairn::sync
