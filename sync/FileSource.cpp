// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/FileSource.h"

#include "sync/CatalogImporter.h"

namespace cairn::sync {

FileSource::FileSource(QStringList paths)
    : m_paths(std::move(paths))
{ }

core::Result<SourceHarvest> FileSource::collect(const HarvestContext &context)
{
    if (context.progress)
        context.progress(SyncPhase::Listing, 0, -1);
    CatalogReadResult read = CatalogImporter::read(m_paths);
    if (read.filesRead.isEmpty() && read.entities.isEmpty() && !read.problems.isEmpty()) {
        // Nothing could be read at all (a wrong path): that is a failed run, not a source
        // that became empty, so nothing may be tombstoned.
        QStringList messages;
        for (const CatalogProblem &problem : std::as_const(read.problems)) {
            // The path is what the user has to fix: the message alone does not name it.
            const QString where = problem.origin.toString();
            messages.append(where.isEmpty() ? problem.message : QStringLiteral("%1: %2").arg(where, problem.message));
        }
        return core::Error { messages.join(QLatin1Char('\n')) };
    }
    SourceHarvest harvest;
    harvest.entities = std::move(read.entities);
    harvest.problems = std::move(read.problems);
    harvest.notes = std::move(read.notes);
    return harvest;
}

} // namespace cairn::sync
