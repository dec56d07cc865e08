// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/Commands.h"

namespace cairn::app {

const QList<Command> &commands()
{
    static const QList<Command> all = {
        {QStringLiteral("sample"), QStringLiteral("sample"), QStringLiteral("load the bundled sample organisation"), runSample},
        {QStringLiteral("import"), QStringLiteral("import PATH... [--source NAME]"),
         QStringLiteral("import catalog files and folders"), runImport},
        {QStringLiteral("ask"), QStringLiteral("ask \"QUESTION\" [--json]"),
         QStringLiteral("who owns X, why X, how is X going, ... (en, fr)"), runAsk},
        {QStringLiteral("show"), QStringLiteral("show REF [--json]"), QStringLiteral("What? Why? Who? How? for one entity"),
         runShow},
        {QStringLiteral("list"), QStringLiteral("list [--kind K] [--owner REF] [--query TEXT] [--json]"),
         QStringLiteral("list entities"), runList},
        {QStringLiteral("removed"), QStringLiteral("removed [--kind K] [--json]"),
         QStringLiteral("entities removed upstream (kept)"), runRemoved},
        {QStringLiteral("snapshot"), QStringLiteral("snapshot create | list | restore ID"),
         QStringLiteral("copies of the cache, and going back to one"), runSnapshot},
        {QStringLiteral("check"), QStringLiteral("check"), QStringLiteral("integrity, schema version, counts per kind"),
         runCheck},
    };
    return all;
}

} // namespace cairn::app
