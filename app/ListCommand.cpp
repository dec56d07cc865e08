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

int runList(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists entities in the cache, by kind, then name."));
    const EntityFilterOptions choose(QStringLiteral("Also list entities removed upstream."));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N entities (default 1000)."),
        QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON (docs/cli-json.md)."));
    parser.addOptions({ choose.kind, choose.owner, choose.query, choose.includeRemoved, limit, json });
    if (const std::optional<int> stop = parseCommandArguments(parser, QStringLiteral("list"), arguments, context))
        return *stop;

    cache::EntityFilter filter;
    filter.kind = parser.value(choose.kind);
    filter.text = parser.value(choose.query);
    filter.includeRemoved = parser.isSet(choose.includeRemoved);
    bool limitOk = false;
    filter.limit = parser.value(limit).toInt(&limitOk);
    if (!limitOk || filter.limit <= 0) {
        context.err() << "cairn list: --limit takes a positive number, not \"" << parser.value(limit) << "\".\n";
        return ExitUsage;
    }
    core::Result<core::EntityRef> owner = choose.ownerRef(parser);
    if (!owner) {
        context.err() << "cairn list: " << owner.errorString() << "\n";
        return ExitUsage;
    }
    filter.owner = owner.value();

    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    cache::CatalogQuery catalog(*cache.value());
    core::Result<QList<core::EntityRecord>> records = catalog.list(filter);
    if (!records)
        return context.fail(records.errorString());

    if (parser.isSet(json)) {
        QJsonArray items;
        for (const core::EntityRecord &record : std::as_const(records.value()))
            items.append(core::AnswerFormatter::toJson(core::AnswerEngine::summaryOf(record)));
        printJson(context.out(),
            QJsonObject { { QStringLiteral("formatVersion"), core::AnswerFormatter::FormatVersion },
                { QStringLiteral("entities"), items } });
        return ExitOk;
    }
    if (records->isEmpty()) {
        context.out() << "No entity matches. `cairn list` without options lists everything; "
                         "`cairn sample` loads the sample organisation.\n";
        return ExitOk;
    }
    for (const core::EntityRecord &record : std::as_const(records.value())) {
        const core::EntitySummary summary = core::AnswerEngine::summaryOf(record);
        context.out() << summary.ref.toString().leftJustified(48) << ' ' << summary.title;
        if (!summary.status.isEmpty())
            context.out() << "  [" << summary.status << ']';
        if (summary.removed)
            context.out() << "  (removed upstream)";
        context.out() << '\n';
    }
    if (records->size() == filter.limit)
        context.out() << "(first " << filter.limit << " shown; use --limit for more)\n";
    return ExitOk;
}

} // namespace cairn::app
