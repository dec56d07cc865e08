// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CommandParser.h"

#include "app/CliContext.h"
#include "app/ExitCode.h"

#include <QCoreApplication>

namespace cairn::app {

std::optional<int> parseCommandArguments(
    QCommandLineParser &parser, const QString &commandName, const QStringList &arguments, CliContext &context)
{
    const QCommandLineOption help(
        QStringList { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this command's options."));
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
        // helpText() names the executable's full path in its usage line; a user types
        // `cairn COMMAND`, so that is what the usage line shows.
        QString text = parser.helpText();
        const QString program = QCoreApplication::arguments().value(0);
        const QString usage = QStringLiteral("Usage: ");
        if (text.startsWith(usage + program))
            text.replace(usage.size(), program.size(), QStringLiteral("cairn %1").arg(commandName));
        context.out() << text;
        return ExitOk;
    }
    return std::nullopt;
}

EntityFilterOptions::EntityFilterOptions(const QString &includeRemovedDescription)
    : kind(QStringLiteral("kind"), QStringLiteral("Only this kind (component, api, group, ...)."), QStringLiteral("K"))
    , owner(QStringLiteral("owner"), QStringLiteral("Only what this group or user owns."), QStringLiteral("REF"))
    , query(QStringLiteral("query"),
          QStringLiteral("Only entities matching these words (name, title, description, tags, owner)."),
          QStringLiteral("TEXT"))
    , includeRemoved(QStringLiteral("include-removed"), includeRemovedDescription)
{ }

core::Result<core::EntityRef> EntityFilterOptions::ownerRef(const QCommandLineParser &parser) const
{
    if (!parser.isSet(owner))
        return core::EntityRef();
    return core::EntityRef::parse(parser.value(owner), core::EntityRef::Context { QStringLiteral("group") });
}

} // namespace cairn::app
