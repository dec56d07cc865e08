// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"
#include "app/CommandParser.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "app/JsonOutput.h"
#include "cache/CatalogQuery.h"
#include "core/AnswerFormatter.h"
#include "core/AskEngine.h"
#include "core/QuestionParser.h"

#include "translations/Language.h"

namespace cairn::app {

int printAskResult(CliContext &context, const core::Result<core::AskResult> &result, bool json)
{
    if (!result)
        return context.fail(result.errorString());
    if (json)
        printJson(context.out(), core::AnswerFormatter::toJson(result.value()));
    else
        context.out() << core::AnswerFormatter::toText(result.value());
    // Not finding anything is an answer, not a failure; scripts read the JSON outcome.
    return ExitOk;
}

int runAsk(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Answers a question from the cache, offline: who owns X, who is on X, what is X, why X, "
        "how do I deploy X, how is X going, what does X depend on, what depends on X, what does TEAM own, "
        "projects at risk, goals of TEAM — in English or French (qui possède X, c'est quoi X, pourquoi X, "
        "comment ...). Anything else is a full-text search."));
    parser.addPositionalArgument(
        QStringLiteral("QUESTION"), QStringLiteral("The question, in quotes."), QStringLiteral("\"QUESTION\""));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON (docs/answers.md)."));
    parser.addOption(json);
    if (const std::optional<int> stop = parseCommandArguments(parser, QStringLiteral("ask"), arguments, context))
        return *stop;
    const QString question = parser.positionalArguments().join(QLatin1Char(' ')).trimmed();
    if (question.isEmpty()) {
        context.err() << "cairn ask: ask a question, e.g. cairn ask \"who owns checkout-service\"\n";
        return ExitUsage;
    }
    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    // The answer speaks the question's language: "qui possède X" is answered in French, "who
    // owns X" in English, whatever the system's; a bare name keeps the system's language. JSON
    // stays language-neutral: its words are the English ones, whatever the question's.
    if (parser.isSet(json))
        translations::useLanguage(QStringLiteral("en"));
    else if (const core::ParsedQuestion parsed = core::QuestionParser::parse(question);
             parsed.intent != core::Intent::Search)
        translations::useLanguage(parsed.language);
    cache::CatalogQuery catalog(*cache.value());
    return printAskResult(context, core::AskEngine(catalog).ask(question), parser.isSet(json));
}

} // namespace cairn::app
