// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SyncEngine.h"

#include "cache/CatalogWriter.h"
#include "core/EntityValidator.h"
#include "core/RelationType.h"

#include <QElapsedTimer>
#include <QSet>

namespace cairn::sync {

namespace {

QString problemsText(const QList<core::ValidationProblem> &problems)
{
    QStringList lines;
    for (const core::ValidationProblem &problem : problems)
        lines.append(problem.toString());
    return lines.join(QStringLiteral("; "));
}

// Keys are lower-case refs; they identify an entity as well as its spelled ref does.
core::EntityRef refFromKey(const QString &key)
{
    core::Result<core::EntityRef> ref = core::EntityRef::parse(key);
    return ref ? ref.value() : core::EntityRef();
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
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    SyncOutcome outcome;
    outcome.sourceName = sourceName;
    cache::CatalogWriter writer(m_cache);

    const auto failed = [&](const QString &error, bool wasCancelled) {
        outcome.ok = false;
        outcome.cancelled = wasCancelled;
        outcome.error = error;
        if (!options.dryRun) {
            // The log shows failed runs too; if even that fails, the error above still stands.
            (void)writer.recordFailedRun(sourceName, startedAt, error);
        }
        outcome.elapsedMs = timer.elapsed();
        return outcome;
    };

    HarvestContext context;
    core::Result<QHash<QString, QString>> etags = writer.sourceEtags(sourceName);
    if (!etags)
        return failed(etags.errorString(), false);
    context.knownEtags = etags.value();
    core::Result<QList<cache::SourceInfo>> sources = writer.sources();
    if (!sources)
        return failed(sources.errorString(), false);
    QJsonObject sourceOptions;
    for (const cache::SourceInfo &info : std::as_const(sources.value())) {
        if (info.name == sourceName)
            sourceOptions = info.options;
    }
    context.state = sourceOptions.value(u"state").toObject();
    context.progress = m_progress;
    context.cancel = m_cancel;

    core::Result<SourceHarvest> collected = source.collect(context);
    if (cancelled())
        return failed(
            QStringLiteral("The sync of \"%1\" was cancelled; the cache is unchanged.").arg(sourceName), true);
    if (!collected)
        return failed(collected.errorString(), false);
    SourceHarvest harvest = std::move(collected).value();
    outcome.requests = harvest.requests;
    outcome.problems = harvest.problems;
    outcome.notes = harvest.notes;

    // Validation: a document that breaks the rules never reaches the cache; the version
    // already cached (if any) stays as it was rather than being tombstoned.
    if (m_progress)
        m_progress(SyncPhase::Validating, 0, harvest.entities.size());
    cache::SourceRunInput input;
    input.sourceName = sourceName;
    input.sourceKind = sourceKind;
    input.location = location;
    input.maxRemovalShare = options.maxRemovalShare;
    input.allowRemovals = options.allowRemovals;
    input.dryRun = options.dryRun;
    input.unchangedRefs = std::move(harvest.unchangedRefs);
    input.entities.reserve(harvest.entities.size());
    QSet<QString> delivered;
    for (core::SourcedEntity &sourced : harvest.entities) {
        // A compact document is parsed for the checks and dropped again; it goes on as text.
        const core::Entity entity = sourced.parsed();
        const QList<core::ValidationProblem> problems = core::validateEntity(entity);
        const core::EntityRef ref = entity.ref();
        if (!problems.isEmpty()) {
            outcome.problems.append(CatalogProblem { sourced.origin, ref.isNull() ? QString() : ref.toString(),
                QStringLiteral("invalid entity, skipped: %1").arg(problemsText(problems)) });
            if (!ref.isNull() && context.knownEtags.contains(ref.key()))
                input.unchangedRefs.append(ref);
            continue;
        }
        delivered.insert(ref.key());
        input.entities.append(std::move(sourced));
    }
    harvest.entities = {}; // moved out above: only the empty shells were left
    for (const core::EntityRef &ref : std::as_const(input.unchangedRefs))
        delivered.insert(ref.key());

    // A file that could not be parsed hides which entities it held: keep them all rather
    // than tombstone entities only because their file has a syntax error today.
    const bool readInPart = std::any_of(harvest.problems.cbegin(), harvest.problems.cend(),
        [](const CatalogProblem &problem) { return problem.ref.isEmpty(); });
    if (readInPart) {
        for (auto it = context.knownEtags.cbegin(); it != context.knownEtags.cend(); ++it) {
            if (delivered.contains(it.key()))
                continue;
            const core::EntityRef ref = refFromKey(it.key());
            if (ref.isNull())
                continue;
            input.unchangedRefs.append(ref);
            ++outcome.keptBecauseUnreadable;
        }
    }
    // The writer tracks the keys it sees itself; ours would only add to the run's peak.
    delivered = {};

    const int total = int(input.entities.size());
    input.progress = [this, total](int done, int) {
        if (m_progress)
            m_progress(SyncPhase::Writing, done, total);
        return !cancelled();
    };
    if (cancelled())
        return failed(
            QStringLiteral("The sync of \"%1\" was cancelled; the cache is unchanged.").arg(sourceName), true);
    core::Result<cache::RunSummary> summary = writer.applySourceRun(input);
    if (!summary) {
        const bool wasCancelled = cancelled();
        return failed(wasCancelled
                ? QStringLiteral("The sync of \"%1\" was cancelled; the cache is unchanged.").arg(sourceName)
                : summary.errorString(),
            wasCancelled);
    }
    outcome.summary = summary.value();
    outcome.ok = true;

    // The source's state (ETags) is saved only once its run has committed, so a failed run
    // can never make the next one skip data it did not get.
    if (!options.dryRun && !outcome.summary.held && harvest.state != context.state) {
        sourceOptions.insert(QStringLiteral("state"), harvest.state);
        // The run itself is committed; without its ETags the next run only fetches more.
        if (core::Result<cache::SourceInfo> saved = writer.addSource(sourceName, sourceKind, location, sourceOptions);
            !saved)
            outcome.notes.append(CatalogProblem { {}, {},
                QStringLiteral("the source's ETags could not be saved (%1); the next sync fetches everything again")
                    .arg(saved.errorString()) });
    }

    core::Result<QList<cache::UnresolvedRef>> unresolved
        = cache::findUnresolvedRefs(m_cache, core::relation::OwnedBy.toString(), sourceName);
    if (unresolved)
        outcome.unresolved = unresolved.value();
    outcome.elapsedMs = timer.elapsed();
    return outcome;
}

} // namespace cairn::sync
