// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"
#include "app/CommandParser.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "app/JsonOutput.h"
#include "cache/CatalogQuery.h"
#include "core/AnswerEngine.h"
#include "core/AnswerFormatter.h"

#include <QJsonArray>

namespace cairn::app {

int runRemoved(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists entities removed upstream: their source no longer has them. Cairn keeps them (tombstones), "
        "readable with `cairn show`, until they are purged explicitly."));
    const QCommandLineOption kind(QStringLiteral("kind"), QStringLiteral("Only this kind."), QStringLiteral("K"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON (docs/cli-json.md)."));
    parser.addOptions({ kind, json });
    if (const std::optional<int> stop = parseCommandArguments(parser, QStringLiteral("removed"), arguments, context))
        return *stop;
    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    cache::CatalogQuery catalog(*cache.value());
    core::Result<QList<cache::EntityDetails>> removed = catalog.removed(parser.value(kind));
    if (!removed)
        return context.fail(removed.errorString());

    if (parser.isSet(json)) {
        QJsonArray items;
        for (const cache::EntityDetails &details : std::as_const(removed.value())) {
            QJsonObject item = core::AnswerFormatter::toJson(core::AnswerEngine::summaryOf(details.record));
            item.insert(QStringLiteral("source"), details.record.source);
            item.insert(QStringLiteral("removedAt"), details.record.removedAt.toString(Qt::ISODate));
            items.append(item);
        }
        printJson(context.out(),
            QJsonObject { { QStringLiteral("formatVersion"), core::AnswerFormatter::FormatVersion },
                { QStringLiteral("removed"), items } });
        return ExitOk;
    }
    if (removed->isEmpty()) {
        context.out() << "Nothing has been removed upstream.\n";
        return ExitOk;
    }
    for (const cache::EntityDetails &details : std::as_const(removed.value())) {
        const core::Entity &entity = details.record.entity;
        context.out() << entity.ref().toString().leftJustified(48) << ' ' << entity.displayName() << "  removed "
                      << details.record.removedAt.toString(Qt::ISODate) << " from " << details.record.source << '\n';
    }
    return ExitOk;
}

} // namespace cairn::app
