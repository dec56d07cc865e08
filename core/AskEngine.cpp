// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/AskEngine.h"

#include "core/CoreLog.h"
#include "core/RelationType.h"
#include "core/Words.h"

#include <QRegularExpression>
#include <QSet>

namespace cairn::core {

namespace {

// Kinds a question implies for X, to break ties between same-named entities.
QStringList preferredKinds(const ParsedQuestion &q)
{
    if (!q.kindHint.isEmpty())
        return { q.kindHint };
    switch (q.intent) {
    case Intent::Members:
    case Intent::Owns:
    case Intent::GoalsOf:
        return { QStringLiteral("group"), QStringLiteral("user") };
    case Intent::HowIsItGoing:
        return { QStringLiteral("project"), QStringLiteral("goal") };
    default:
        // No guess for the rest: same-named entities of different kinds are listed.
        return {};
    }
}

QString named(const EntitySummary &s)
{
    if (!s.resolved)
        return AskEngine::tr("%1 (not in the catalog)").arg(s.ref.toString());
    const QString name = s.ref.name();
    return s.title == name || s.title.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(s.title, name);
}

// Collapses the double spaces an empty part leaves ("X is a  component") and trims; a
// no-break space a translation put before a colon stays (simplified() would drop it).
QString tidy(QString text)
{
    static const QRegularExpression spaces(QStringLiteral(" {2,}"));
    return text.replace(spaces, QStringLiteral(" ")).trimmed();
}

QString plural(qsizetype n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(Words::locale().toString(n), n == 1 ? one : many);
}

// "checkout-service is a service component (production)"; in French the kind comes first
// ("un composant service").
QString isA(const QString &x, const EntitySummary &e)
{
    const QString status = e.status.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(Words::status(e.status));
    return tidy(AskEngine::tr("%1 is a %2 %3%4", "name is a type kind (status)")
                    .arg(x, e.type, Words::kind(e.kind.toLower()), status));
}

} // namespace

QString AskResult::outcomeId(AskOutcome outcome)
{
    switch (outcome) {
    case AskOutcome::Answer:
        return QStringLiteral("answer");
    case AskOutcome::List:
        return QStringLiteral("list");
    case AskOutcome::Candidates:
        return QStringLiteral("candidates");
    case AskOutcome::Search:
        return QStringLiteral("search");
    case AskOutcome::NotFound:
        break;
    }
    return QStringLiteral("not-found");
}

QString AskResult::focusId(AnswerFocus focus)
{
    switch (focus) {
    case AnswerFocus::What:
        return QStringLiteral("what");
    case AnswerFocus::Why:
        return QStringLiteral("why");
    case AnswerFocus::Who:
        return QStringLiteral("who");
    case AnswerFocus::How:
        return QStringLiteral("how");
    case AnswerFocus::All:
        break;
    }
    return QStringLiteral("all");
}

AskEngine::AskEngine(const CatalogLookup &lookup, AnswerOptions options)
    : m_lookup(lookup)
    , m_engine(lookup, std::move(options))
    , m_matcher(lookup)
{ }

Result<AskResult> AskEngine::ask(QStringView question) const
{
    if (question.size() > MaxQuestionLength)
        return Error { tr("The question is %1 characters long; Cairn reads questions of up to %2 characters. "
                          "Ask about one thing at a time.")
                           .arg(question.size())
                           .arg(MaxQuestionLength),
            ErrorKind::InvalidInput };
    const ParsedQuestion parsed = QuestionParser::parse(question);
    // Why a question found what it found starts with how it was read.
    qCDebug(coreLog).noquote() << "asked" << parsed.text << "read as" << ParsedQuestion::intentId(parsed.intent) << "of"
                               << parsed.subject << "kind" << parsed.kindHint << "language" << parsed.language;
    return ask(parsed);
}

Result<AskResult> AskEngine::ask(const ParsedQuestion &question) const
{
    AskResult result;
    result.question = question;

    if (question.intent == Intent::ProjectsAtRisk) {
        Result<QList<EntityRecord>> projects = m_lookup.entitiesOfKind(
            u"project", { QStringLiteral("at-risk"), QStringLiteral("off-track") }, m_engine.options().listLimit);
        if (!projects)
            return projects.error();
        result.outcome = AskOutcome::List;
        for (const EntityRecord &record : std::as_const(projects.value()))
            result.items.append(AnswerEngine::summaryOf(record));
        result.headline = result.items.isEmpty()
            ? AskEngine::tr("No project is at risk or off track")
            : AskEngine::tr("%1 at risk or off track")
                  .arg(plural(result.items.size(), AskEngine::tr("project"), AskEngine::tr("projects")));
        return result;
    }

    const QString subject = question.subject.isEmpty() ? question.text : question.subject;
    if (subject.isEmpty()) {
        result.headline
            = AskEngine::tr("Ask about something: \"who owns X\", \"what is X\", \"why X\", \"how do I deploy X\"");
        return result;
    }

    Result<NameMatch> match = m_matcher.match(subject, preferredKinds(question));
    if (!match)
        return match.error();
    // "members of team a": the kind word may be part of the name after all.
    if (match->kind == MatchKind::None && question.rawSubject != subject && !question.rawSubject.isEmpty()) {
        match = m_matcher.match(question.rawSubject, preferredKinds(question));
        if (!match)
            return match.error();
    }
    result.match = match->kind;

    // A bare question that is no known phrasing: an entity's exact name shows it, else search.
    if (question.intent == Intent::Search && match->kind != MatchKind::Exact)
        return fallBackToSearch(std::move(result), question.text);

    switch (match->kind) {
    case MatchKind::None:
        return fallBackToSearch(std::move(result), subject);
    case MatchKind::Ambiguous:
        result.outcome = AskOutcome::Candidates;
        result.candidates = match->candidates;
        result.headline
            = AskEngine::tr("\"%1\" could be %2; say which one")
                  .arg(subject,
                      plural(result.candidates.size(), AskEngine::tr("entity"), AskEngine::tr("different entities")));
        return result;
    case MatchKind::Prefix:
    case MatchKind::Typo:
        result.matchNote = AskEngine::tr("Took \"%1\" to mean %2")
                               .arg(subject, match->candidates.first().record.entity.ref().toString());
        break;
    case MatchKind::Exact:
        break;
    }
    return answerAbout(std::move(result), match->candidates.first().record);
}

Result<AskResult> AskEngine::fallBackToSearch(AskResult result, const QString &text) const
{
    Result<QList<SearchHit>> hits = m_lookup.search(text, searchLimit);
    if (!hits)
        return hits.error();
    result.hits = hits.value();
    result.outcome = result.hits.isEmpty() ? AskOutcome::NotFound : AskOutcome::Search;
    if (result.hits.isEmpty())
        result.headline = AskEngine::tr("Nothing in the catalog matches \"%1\"").arg(text);
    else if (result.question.intent == Intent::Search)
        result.headline = AskEngine::tr("Best matches for \"%1\"").arg(text);
    else
        result.headline = AskEngine::tr("Nothing is called \"%1\"; best matches").arg(text);
    return result;
}

Result<AskResult> AskEngine::answerAbout(AskResult result, const EntityRecord &record) const
{
    Result<Answer> built = m_engine.answer(record);
    if (!built)
        return built.error();
    const Answer &a = built.value();
    const QString x = named(a.entity);
    result.outcome = AskOutcome::Answer;

    switch (result.question.intent) {
    case Intent::Show:
    case Intent::Search:
        result.focus = AnswerFocus::All;
        result.headline
            = tidy(AskEngine::tr("%1: %2 %3", "name: type kind").arg(x, a.entity.type, Words::kind(a.entity.kind)));
        break;
    case Intent::WhatIs:
        result.focus = AnswerFocus::What;
        result.headline = isA(x, a.entity);
        break;
    case Intent::WhoOwns:
        result.focus = AnswerFocus::Who;
        if (!a.who.owner)
            result.headline = AskEngine::tr("%1 declares no owner").arg(x);
        else if (!a.who.owner->entity.resolved)
            result.headline = AskEngine::tr("%1 names %2 as owner, which is not in the catalog")
                                  .arg(x, a.who.owner->entity.ref.toString());
        else
            result.headline = AskEngine::tr("%1 is owned by %2").arg(x, named(a.who.owner->entity));
        break;
    case Intent::Members: {
        result.focus = AnswerFocus::Who;
        if (a.entity.ref.isKind(u"group")) {
            result.items = a.who.members;
        } else if (a.entity.ref.isKind(u"project")) {
            if (a.who.team)
                result.items.append(*a.who.team);
            result.items.append(a.who.contributors);
        } else if (a.who.owner) {
            result.items = a.who.owner->members;
        }
        result.headline = AskEngine::tr("%1: %2", "name: count")
                              .arg(x, plural(result.items.size(), AskEngine::tr("member"), AskEngine::tr("members")));
        break;
    }
    case Intent::Why:
        result.focus = AnswerFocus::Why;
        if (!a.why.goals.isEmpty())
            result.headline = AskEngine::tr("%1 serves %2").arg(x, named(a.why.goals.first().goal));
        else if (!a.why.purpose.isEmpty())
            result.headline = AskEngine::tr("%1: %2", "name: purpose").arg(x, a.why.purpose.section(u'\n', 0, 0));
        else if (!a.why.projects.isEmpty())
            result.headline = AskEngine::tr("%1 is worked on by %2").arg(x, named(a.why.projects.first()));
        else
            result.headline = a.why.nothingExplains;
        break;
    case Intent::HowTo:
    case Intent::HowIsItGoing:
        result.focus = AnswerFocus::How;
        if (a.how.timeline) {
            QStringList parts { a.how.timeline->status.isEmpty()
                    ? AskEngine::tr("%1 is without a status").arg(x)
                    : AskEngine::tr("%1 is %2", "name is status").arg(x, Words::status(a.how.timeline->status)) };
            if (!a.how.timeline->slipText().isEmpty())
                parts.append(a.how.timeline->slipText());
            if (a.how.timeline->stale)
                parts.append(AskEngine::tr("stale: %1").arg(a.how.timeline->staleText()));
            result.headline = parts.join(AskEngine::tr("; ", "between the parts of a headline"));
        } else if (a.how.progress && a.how.progress->fraction) {
            result.headline = AskEngine::tr("%1 is %2 done").arg(x, Words::percent(*a.how.progress->fraction));
        } else {
            qsizetype links = 0;
            for (const LinkGroup &g : a.how.links)
                links += g.links.size();
            result.headline = AskEngine::tr("%1: %2", "name: count")
                                  .arg(x, plural(links, AskEngine::tr("link"), AskEngine::tr("links")));
        }
        break;
    case Intent::DependsOn:
        result.focus = AnswerFocus::How;
        result.items = a.how.dependsOn;
        result.items.append(a.how.consumesApis);
        result.headline = AskEngine::tr("%1 depends on %2")
                              .arg(x, plural(result.items.size(), AskEngine::tr("entity"), AskEngine::tr("entities")));
        break;
    case Intent::Dependents:
        result.focus = AnswerFocus::Who;
        for (const Dependent &d : a.who.dependents)
            result.items.append(d.entity);
        result.headline = (a.who.dependentCount == 1 ? AskEngine::tr("%1 depends on %2", "one dependent")
                                                     : AskEngine::tr("%1 depend on %2", "dependents"))
                              .arg(plural(a.who.dependentCount, AskEngine::tr("entity"), AskEngine::tr("entities")), x);
        break;
    case Intent::Owns:
        result.focus = AnswerFocus::Who;
        result.items = a.who.owns;
        result.headline = AskEngine::tr("%1 owns %2")
                              .arg(x, plural(a.who.ownsCount, AskEngine::tr("entity"), AskEngine::tr("entities")));
        break;
    case Intent::GoalsOf: {
        result.focus = AnswerFocus::Why;
        // A team's goals: those it owns, and those its projects serve.
        QSet<EntityRef> seen;
        const auto addGoal = [&](const EntitySummary &goal) {
            if (!seen.contains(goal.ref)) {
                seen.insert(goal.ref);
                result.items.append(goal);
            }
        };
        for (const EntitySummary &owned : a.who.owns) {
            if (owned.ref.isKind(u"goal"))
                addGoal(owned);
        }
        Result<QList<Relation>> projects = m_lookup.relationsFrom(a.entity.ref, relation::TeamOf);
        if (!projects)
            return projects.error();
        for (const Relation &rel : std::as_const(projects.value())) {
            Result<QList<Relation>> goals = m_lookup.relationsFrom(rel.target, relation::ContributesTo);
            if (!goals)
                return goals.error();
            for (const Relation &goal : std::as_const(goals.value())) {
                Result<EntitySummary> summary = m_engine.summarize(goal.target);
                if (!summary)
                    return summary.error();
                addGoal(summary.value());
            }
        }
        result.headline = AskEngine::tr("%1: %2", "name: count")
                              .arg(x, plural(result.items.size(), AskEngine::tr("goal"), AskEngine::tr("goals")));
        break;
    }
    case Intent::ProjectsAtRisk:
        break; // answered before X is looked up
    }
    result.answer = built.value();
    return result;
}

} // namespace cairn::core
