// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"
#include "app/CommandParser.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "app/JsonOutput.h"
#include "cache/CatalogQuery.h"
#include "core/AnswerEngine.h"
#include "core/AnswerFormatter.h"
#include "core/AskEngine.h"

namespace cairn::app {

int runShow(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Shows one entity in four sections: What? Why? Who? How? A ref is kind:namespace/name; "
                       "kind and namespace may be left out when the name is unique (`cairn ask` takes plain names)."));
    parser.addPositionalArgument(
        QStringLiteral("REF"), QStringLiteral("The entity, e.g. component:default/checkout-service."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON (docs/answers.md)."));
    parser.addOption(json);
    if (const std::optional<int> stop = parseCommandArguments(parser, QStringLiteral("show"), arguments, context))
        return *stop;
    if (parser.positionalArguments().size() != 1) {
        context.err()
            << "cairn show: give exactly one entity ref, e.g. cairn show component:default/checkout-service\n";
        return ExitUsage;
    }
    const QString text = parser.positionalArguments().constFirst();

    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    cache::CatalogQuery catalog(*cache.value());
    core::AnswerEngine engine(catalog);

    // A ref with its kind is looked up as written; a bare name goes through the same
    // matching as `cairn ask "what is X"`, which lists candidates when it is ambiguous.
    core::Result<core::EntityRef> ref = core::EntityRef::parse(text);
    if (ref) {
        core::Result<std::optional<core::EntityRecord>> found = catalog.find(ref.value());
        if (!found)
            return context.fail(found.errorString());
        if (found->has_value()) {
            core::Result<core::Answer> answer = engine.answer(**found);
            if (!answer)
                return context.fail(answer.errorString());
            if (parser.isSet(json))
                printJson(context.out(), core::AnswerFormatter::toJson(answer.value()));
            else
                context.out() << core::AnswerFormatter::toText(answer.value());
            return ExitOk;
        }
    }
    core::ParsedQuestion question;
    question.intent = core::Intent::Show;
    question.subject = ref ? ref->name() : text;
    question.rawSubject = question.subject;
    question.kindHint = ref ? ref->kind().toLower() : QString();
    question.language = QStringLiteral("en");
    question.text = text;
    const core::Result<core::AskResult> result = core::AskEngine(catalog).ask(question);
    // `show` names one entity: one that is not there is an error for a script (exit 1),
    // unlike `ask`, where finding nothing is an answer. JSON still describes the outcome.
    if (result && result->outcome == core::AskOutcome::NotFound) {
        if (parser.isSet(json))
            printAskResult(context, result, true);
        return context.fail(QStringLiteral("There is no %1 in the cache. `cairn list --query %2` searches, "
                                           "`cairn removed` lists entities removed upstream.")
                                .arg(text, question.subject));
    }
    return printAskResult(context, result, parser.isSet(json));
}

} // namespace cairn::app
