// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"
#include "app/CommandParser.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "app/JsonOutput.h"
#include "cache/HygieneReport.h"
#include "core/AnswerEngine.h"
#include "core/AnswerFormatter.h"
#include "core/HygieneWords.h"

#include <QJsonArray>

#include <algorithm>

namespace cairn::app {

namespace {

// docs/cli-json.md, `cairn hygiene --json`: the ids and facts, never translated words.
QJsonObject toJson(const QList<core::HygieneItem> &items, const core::AnswerOptions &options)
{
    QJsonObject counts;
    for (core::HygieneCategory category : core::hygieneCategories())
        counts.insert(core::hygieneCategoryId(category), 0);
    QJsonArray list;
    for (const core::HygieneItem &item : items) {
        const QString id = core::hygieneCategoryId(item.category);
        counts.insert(id, counts.value(id).toInt() + 1);
        list.append(QJsonObject { { QStringLiteral("category"), id }, { QStringLiteral("ref"), item.ref.toString() },
            { QStringLiteral("kind"), item.ref.kind() }, { QStringLiteral("title"), item.displayName },
            { QStringLiteral("detail"), item.detail } });
    }
    return QJsonObject { { QStringLiteral("formatVersion"), core::AnswerFormatter::FormatVersion },
        { QStringLiteral("today"), options.today.toString(Qt::ISODate) },
        { QStringLiteral("staleDays"), options.staleDays }, { QStringLiteral("counts"), counts },
        { QStringLiteral("items"), list } };
}

void printText(QTextStream &out, const QList<core::HygieneItem> &items, const core::AnswerOptions &options)
{
    if (items.isEmpty()) {
        out << core::HygieneWords::clean() << '\n';
        return;
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        const core::HygieneItem &item = items.at(i);
        if (i == 0 || items.at(i - 1).category != item.category) {
            const auto count = std::count_if(items.cbegin(), items.cend(),
                [&](const core::HygieneItem &other) { return other.category == item.category; });
            out << (i == 0 ? "" : "\n") << core::HygieneWords::title(item.category) << " (" << count << ")\n";
        }
        out << "  " << item.ref.toString().leftJustified(48) << ' ' << core::HygieneWords::reason(item, options.today)
            << '\n';
    }
}

} // namespace

int runHygiene(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists the catalog's stale data: components without an owner or a system, owners not in the catalog, "
        "teams without members, people in no team, entities their source orphaned, projects without a recent "
        "update or past their target date, goals without a project. Each line names the entity and why."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON (docs/cli-json.md)."));
    parser.addOptions({ json });
    if (const std::optional<int> stop = parseCommandArguments(parser, QStringLiteral("hygiene"), arguments, context))
        return *stop;
    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    core::AnswerOptions options; // the answers' stale days
    options.today = context.today(); // --today, else the system's date
    core::Result<QList<core::HygieneItem>> items
        = cache::readHygieneReport(*cache.value(), options.today, options.staleDays);
    if (!items)
        return context.fail(items.errorString());
    if (parser.isSet(json))
        printJson(context.out(), toJson(*items, options));
    else
        printText(context.out(), *items, options);
    return ExitOk;
}

} // namespace cairn::app
