// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/Cli.h"

#include "app/CliContext.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "cache/Cache.h"
#include "core/Clock.h"
#include "sync/ScorecardReader.h"

#include <QDate>

namespace cairn::app {

namespace {

void printHelp(QTextStream &out)
{
    out << "Cairn " << CAIRN_VERSION << " — an offline directory of your organisation's work.\n\n"
        << "Usage: cairn [--cache FILE] [--today DATE] COMMAND [ARGUMENTS]\n\n"
        << "Commands:\n";
    // Usage lines vary too much in length for one aligned column: summary beneath.
    for (const Command &command : commands())
        out << "  cairn " << command.usage << "\n      " << command.summary << '\n';
    out << "\nGlobal options:\n"
        << "  --cache FILE   the cache to use (default: $CAIRN_CACHE, else " << cache::Cache::defaultPath() << ")\n"
        << "  --today DATE   judge dates (deploy age, stale projects) as if today were DATE (YYYY-MM-DD)\n"
        << "  --help         this help; `cairn COMMAND --help` for a command's options\n"
        << "  --version      the version\n\n"
        << "Exit codes: 0 ok, 1 error, 2 usage, 3 held for confirmation.\n";
}

} // namespace

int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    // Global options may stand anywhere; take them out before the command sees its arguments.
    QString cachePath;
    QDate today = core::clock::today();
    QStringList rest;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--cache") {
            if (i + 1 >= arguments.size()) {
                err << "cairn: --cache needs a file name\n";
                return ExitUsage;
            }
            cachePath = arguments.at(++i);
            if (cachePath.isEmpty()) {
                err << "cairn: --cache needs a file name\n";
                return ExitUsage;
            }
        } else if (argument.startsWith(u"--cache=")) {
            cachePath = argument.mid(8);
            if (cachePath.isEmpty()) {
                // Falling back to the default cache here would write where the user did not ask.
                err << "cairn: --cache needs a file name\n";
                return ExitUsage;
            }
        } else if (argument == u"--today" || argument.startsWith(u"--today=")) {
            const bool joined = argument.startsWith(u"--today=");
            if (!joined && i + 1 >= arguments.size()) {
                err << "cairn: --today needs a date (YYYY-MM-DD)\n";
                return ExitUsage;
            }
            const QString text = joined ? argument.mid(8) : arguments.at(++i);
            today = QDate::fromString(text, Qt::ISODate);
            if (!today.isValid()) {
                err << "cairn: --today takes a date as YYYY-MM-DD, not \"" << text << "\"\n";
                return ExitUsage;
            }
        } else {
            rest.append(argument);
        }
    }
    // Only the default location's folder is made on a first run: a folder missing from a
    // path someone typed is more likely a typo than a wish for new folders.
    const bool cacheChosen = !cachePath.isEmpty();
    if (cachePath.isEmpty())
        cachePath = cache::Cache::defaultPath();

    if (rest.isEmpty() || rest.first() == u"--help" || rest.first() == u"-h" || rest.first() == u"help") {
        printHelp(out);
        return rest.isEmpty() ? ExitUsage : ExitOk;
    }
    if (rest.first() == u"--version" || rest.first() == u"-v") {
        out << "cairn " << CAIRN_VERSION << '\n';
        return ExitOk;
    }

    const QString name = rest.takeFirst();
    for (const Command &command : commands()) {
        if (command.name == name) {
            CliContext context(cachePath, out, err);
            context.setMayCreateCacheFolder(!cacheChosen);
            context.setToday(today);
            context.setScorecardErrors(sync::ScorecardReader::installForThisProcess(today));
            return command.run(context, rest);
        }
    }
    err << "cairn: unknown command \"" << name << "\". Run `cairn --help` for the list of commands.\n";
    return ExitUsage;
}

} // namespace cairn::app
