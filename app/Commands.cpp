// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/Commands.h"

namespace cairn::app {

const QList<Command> &commands()
{
    static const QList<Command> all = {
        { QStringLiteral("sample"), QStringLiteral("sample"), QStringLiteral("load the bundled sample organisation"),
            runSample },
        { QStringLiteral("import"), QStringLiteral("import PATH... [--source NAME]"),
            QStringLiteral("import catalog files and folders"), runImport },
        { QStringLiteral("ask"), QStringLiteral("ask \"QUESTION\" [--json]"),
            QStringLiteral("who owns X, why X, how is X going, ... (en, fr)"), runAsk },
        { QStringLiteral("show"), QStringLiteral("show REF [--json]"),
            QStringLiteral("What? Why? Who? How? for one entity"), runShow },
        { QStringLiteral("list"), QStringLiteral("list [--kind K] [--owner REF] [--query TEXT] [--json]"),
            QStringLiteral("list entities"), runList },
        { QStringLiteral("export"),
            QStringLiteral("export [--kind K] [--columns a,b] [--format csv|yaml|bundle] [-o FILE|DIR|-]"),
            QStringLiteral("CSV of a view, or every entity back out as catalog files"), runExport },
        { QStringLiteral("health"),
            QStringLiteral("health [--scorecard NAME] [--owner REF] [--band BAND] [--level LEVEL] [--scorecards DIR] "
                           "[--json]"),
            QStringLiteral("scorecards: each component's score, band, level and the evidence"), runHealth },
        { QStringLiteral("removed"), QStringLiteral("removed [--kind K] [--json]"),
            QStringLiteral("entities removed upstream (kept)"), runRemoved },
        { QStringLiteral("hygiene"), QStringLiteral("hygiene [--json]"),
            QStringLiteral("stale data: no owner, empty teams, stale projects, ..."), runHygiene },
        { QStringLiteral("snapshot"), QStringLiteral("snapshot create | list | restore ID"),
            QStringLiteral("copies of the cache, and going back to one"), runSnapshot },
        { QStringLiteral("check"), QStringLiteral("check"),
            QStringLiteral("integrity, schema version, counts per kind"), runCheck },
        { QStringLiteral("source"), QStringLiteral("source add NAME --backstage URL|--bundle URL|PATH|--folder DIR"),
            QStringLiteral("configure sources: add, list, remove"), runSource },
        { QStringLiteral("sync"), QStringLiteral("sync [NAME | --all] [--allow-removals] [--dry-run]"),
            QStringLiteral("sync configured sources into the cache"), runSync },
        { QStringLiteral("log"), QStringLiteral("log [--limit N]"), QStringLiteral("recent sync runs"), runLog },
        { QStringLiteral("purge"), QStringLiteral("purge --older-than DAYS [--dry-run]"),
            QStringLiteral("delete old tombstones for good (snapshot first, logged)"), runPurge },
    };
    return all;
}

} // namespace cairn::app
