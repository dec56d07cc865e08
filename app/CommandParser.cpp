// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CommandParser.h"

#include "app/CliContext.h"
#include "app/ExitCode.h"

namespace cairn::app {

std::optional<int> parseCommandArguments(QCommandLineParser &parser, const QString &commandName,
                                         const QStringList &arguments, CliContext &context)
{
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this command's options."));
    parser.addOption(help);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("cairn %1").arg(commandName));
    if (!parser.parse(withProgram)) {
        context.err() << "cairn " << commandName << ": " << parser.errorText() << "\n"
                      << "Run `cairn " << commandName << " --help` for its options.\n";
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        context.out() << parser.helpText();
        return ExitOk;
    }
    return std::nullopt;
}

} // namespace cairn::app
