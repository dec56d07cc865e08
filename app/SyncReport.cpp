// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/SyncReport.h"

#include "app/ExitCode.h"
#include "core/ShortText.h"

namespace cairn::app {

namespace {

QString where(const sync::CatalogProblem &problem)
{
    QString text = problem.origin.toString();
    if (!problem.ref.isEmpty())
        text += text.isEmpty() ? core::shortened(problem.ref)
                               : QStringLiteral(" (%1)").arg(core::shortened(problem.ref));
    return text;
}

void listRefs(QTextStream &out, const QList<core::EntityRef> &refs, int limit)
{
    for (qsizetype i = 0; i < refs.size() && i < limit; ++i)
        out << "    " << refs.at(i).toString() << '\n';
    if (refs.size() > limit)
        out << "    … and " << (refs.size() - limit) << " more\n";
}

} // namespace

int reportSyncOutcome(const sync::SyncOutcome &outcome, bool dryRun, QTextStream &out, QTextStream &err)
{
    for (const sync::CatalogProblem &problem : outcome.problems)
        err << "cairn: " << where(problem) << ": " << problem.message << '\n';
    for (const sync::CatalogProblem &note : outcome.notes)
        out << "note: " << where(note) << ": " << note.message << '\n';

    if (!outcome.ok) {
        err << "cairn: " << outcome.error;
        if (outcome.tokenMissing)
            err << " Add the source again (cairn source add) or use --token-env VAR.";
        err << '\n';
        return exitCodeFor(outcome.errorKind);
    }
    const cache::RunSummary &summary = outcome.summary;
    const QString prefix
        = dryRun ? QStringLiteral("Would apply") : QStringLiteral("Source \"%1\"").arg(outcome.sourceName);
    if (summary.held) {
        if (summary.upstreamChanged)
            err << "cairn: the run of source \"" << outcome.sourceName << "\" was HELD again: the source changed "
                << "since the removals were confirmed, and it would now remove " << summary.removed
                << " other entities. Nothing was changed. Check the new list; if the removals are right, run again "
                   "with --allow-removals.\n";
        else
            err << "cairn: the run of source \"" << outcome.sourceName << "\" was HELD: it would remove "
                << summary.removed << " entities (of its " << summary.liveBefore
                << "), more than the share allowed without confirmation. "
                << "Nothing was changed. Check the source; if the removals are right, run again with "
                   "--allow-removals.\n";
        err << "  would remove:\n";
        listRefs(err, summary.removedRefs, 20);
        return exitCodeFor(outcome.errorKind);
    }
    out << prefix << ": " << summary.added << " added, " << summary.changed << " changed, " << summary.unchanged
        << " unchanged, " << summary.removed << " removed upstream (kept as tombstones)";
    if (!outcome.problems.isEmpty())
        out << ", " << outcome.problems.size() << " rejected";
    out << " in " << outcome.elapsedMs << " ms.\n";
    if (dryRun) {
        if (!summary.addedRefs.isEmpty()) {
            out << "  would add:\n";
            listRefs(out, summary.addedRefs, 20);
        }
        if (!summary.changedRefs.isEmpty()) {
            out << "  would change:\n";
            listRefs(out, summary.changedRefs, 20);
        }
        if (!summary.removedRefs.isEmpty()) {
            out << "  would remove:\n";
            listRefs(out, summary.removedRefs, 20);
        }
    } else if (!summary.removedRefs.isEmpty()) {
        out << "  removed upstream:\n";
        listRefs(out, summary.removedRefs, 20);
    }
    if (!summary.snapshotId.isEmpty())
        out << "  A snapshot was taken before the removals: " << summary.snapshotId << " (cairn snapshot restore "
            << summary.snapshotId << " undoes this run).\n";
    if (summary.upstreamChanged)
        out << "  The source changed since the removals were confirmed; none of them was left to remove.\n";
    if (summary.keptByDecision > 0)
        out << "  " << summary.keptByDecision
            << " entities the source no longer has were kept, as you chose (keep my copy).\n";
    if (summary.keptReturned > 0)
        out << "  " << summary.keptReturned
            << " entities you had kept are back in the source; they are synced as usual again.\n";
    if (outcome.keptBecauseUnreadable > 0)
        out << "  " << outcome.keptBecauseUnreadable
            << " entities were kept as they were because part of the source could not be read.\n";
    for (const QString &conflict : summary.conflicts)
        out << "  conflict: " << conflict << '\n';
    if (!outcome.unresolved.isEmpty()) {
        out << "  Unresolved owners (shown as unresolved, not errors):\n";
        for (const cache::UnresolvedRef &ref : outcome.unresolved)
            out << "    " << ref.entity.toString() << " is owned by " << ref.target
                << (ref.notAnOwner ? ", which is not a group or a user: only they can own\n"
                                   : ", which is not in the cache\n");
    }
    return outcome.problems.isEmpty() ? ExitOk : ExitError;
}

} // namespace cairn::app
