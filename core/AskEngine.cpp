// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/AskEngine.h"

#include "core/ChangePeriod.h"
#include "core/CoreLog.h"
#include "core/DistinctSummaries.h"
#include "core/PersonWork.h"
#include "core/RelationType.h"
#include "core/Words.h"

#include <QRegularExpression>

namespace cairn::core {

namespace {

// Kinds a question implies for X, to break ties between same-named entities.
QStringList preferredKinds(const ParsedQuestion &q)
{
    if (!q.kindHint.isEmpty())
        return { q.kindHint };
    if (!q.impliedKinds.isEmpty())
        return q.impliedKinds;
    switch (q.intent) {
    case Intent::Members:
    case Intent::Owns:
    case Intent::GoalsOf:
        return { QStringLiteral("group"), QStringLiteral("user") };
    case Intent::WorksOn:
        return { QStringLiteral("user"), QStringLiteral("group") };
    case Intent::HowIsItGoing:
        return { QStringLiteral("project"), QStringLiteral("goal") };
    case Intent::ProjectsFor:
        return { QStringLiteral("goal"), QStringLiteral("group"), QStringLiteral("user") };
    case Intent::DependsOn:
    case Intent::OnCall:
        return { QStringLiteral("component"), QStringLiteral("resource") };
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

QString namesOf(const QList<EntitySummary> &list)
{
    QStringList names;
    for (const EntitySummary &s : list)
        names.append(s.title.isEmpty() ? s.ref.name() : s.title);
    return names.join(AskEngine::tr(", ", "between names in a list"));
}

// "Hélène Mercier (helene-mercier) is a person in Checkout, Platform; helene@…; works on 2
// projects and owns 3 other entities".
QString personHeadline(const QString &x, const EntitySummary &person, const PersonWork &work)
{
    QStringList parts;
    parts.append(work.teams.isEmpty() ? AskEngine::tr("%1 is a person in no team").arg(x)
                                      : AskEngine::tr("%1 is a person in %2").arg(x, namesOf(work.teams)));
    if (!person.email.isEmpty())
        parts.append(person.email);
    parts.append(AskEngine::tr("works on %1 and owns %2", "works on N projects and owns N entities")
                     .arg(plural(work.projects.size(), AskEngine::tr("project"), AskEngine::tr("projects")),
                         plural(work.owns.size(), AskEngine::tr("other entity"), AskEngine::tr("other entities"))));
    return parts.join(AskEngine::tr("; ", "between the parts of a headline"));
}

// The link a "where is the runbook of X" question asks for.
std::optional<LinkCategory> linkAskedFor(const ParsedQuestion &q)
{
    for (const LinkCategory category : { LinkCategory::Runbook, LinkCategory::Documentation, LinkCategory::Dashboard,
             LinkCategory::Repository, LinkCategory::OnCall }) {
        if (q.action == LinkClassifier::categoryId(category))
            return category;
    }
    return std::nullopt;
}

QString linkHeadline(const QString &x, const Answer &a, LinkCategory category)
{
    const QString what = LinkClassifier::categoryTitle(category).toLower();
    for (const LinkGroup &group : a.how.links) {
        if (group.category == category && !group.links.isEmpty())
            return AskEngine::tr("%1 of %2: %3", "Runbook of X: URL")
                .arg(LinkClassifier::categoryTitle(category), x, group.links.first().url);
    }
    return AskEngine::tr("%1 has no %2 link", "X has no runbook link").arg(x, what);
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
    , m_engine(lookup, options)
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

    if (question.intent == Intent::WhatChanged)
        return whatChanged(std::move(result));

    const QString subject = question.subject.isEmpty() ? question.text : question.subject;
    if (subject.isEmpty()) {
        result.headline
            = AskEngine::tr("Ask about something: \"who owns X\", \"what is X\", \"why X\", \"how do I deploy X\"");
        return result;
    }

    // A kind word may be part of a title ("Storefront team", "API Entrepôt"): the whole
    // phrase is tried first, and only an exact match of it wins over the shorter name.
    Result<NameMatch> match = NameMatch {};
    if (question.rawSubject != subject && !question.rawSubject.isEmpty()) {
        match = m_matcher.match(question.rawSubject, preferredKinds(question));
        if (!match)
            return match.error();
    }
    if (match->kind != MatchKind::Exact) {
        Result<NameMatch> shorter = m_matcher.match(subject, preferredKinds(question));
        if (!shorter)
            return shorter.error();
        if (shorter->kind != MatchKind::None || match->kind == MatchKind::None)
            match = std::move(shorter);
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
    if (!result.hits.isEmpty()) {
        result.headline = result.question.intent == Intent::Search
            ? AskEngine::tr("Best matches for \"%1\"").arg(text)
            : AskEngine::tr("Nothing is called \"%1\"; best matches").arg(text);
        return result;
    }
    // A question of a form not understood is not a question about nothing: its words may
    // still name entities, and the user is told which form was not read.
    const QuestionWords words = QuestionWords::of(text);
    if (result.question.intent != Intent::Search || !words.hasQuestionWords) {
        result.headline = AskEngine::tr("Nothing in the catalog matches \"%1\"").arg(text);
        return result;
    }
    for (const QString &word : words.content) {
        Result<QList<SearchHit>> found = m_lookup.search(word, searchLimit);
        if (!found)
            return found.error();
        for (const SearchHit &hit : std::as_const(found.value())) {
            const bool known = std::any_of(
                result.hits.cbegin(), result.hits.cend(), [&hit](const SearchHit &h) { return h.ref == hit.ref; });
            if (!known && result.hits.size() < searchLimit)
                result.hits.append(hit);
        }
    }
    result.outcome = result.hits.isEmpty() ? AskOutcome::NotFound : AskOutcome::Search;
    result.headline = result.hits.isEmpty()
        ? AskEngine::tr("I did not understand \"%1\", and none of its words names anything in the catalog. "
                        "Try \"who owns X\", \"what is X\", \"why X\" or \"how do I deploy X\"")
              .arg(text)
        : AskEngine::tr("I did not understand the question; these match some of its words");
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
        if (a.entity.ref.isKind(u"user")) {
            // "who is Hélène": a person is their teams, their address and their work.
            Result<PersonWork> work = PersonWorkReader::read(m_engine, a.entity.ref);
            if (!work)
                return work.error();
            result.focus = AnswerFocus::Who;
            result.headline = personHeadline(x, a.entity, work.value());
            result.items = work->all();
        }
        break;
    case Intent::WorksOn: {
        result.focus = AnswerFocus::Who;
        Result<PersonWork> work = PersonWorkReader::read(m_engine, a.entity.ref);
        if (!work)
            return work.error();
        result.items = work->all();
        result.headline
            = AskEngine::tr("%1 works on %2 and owns %3", "name works on N projects and owns N entities")
                  .arg(x, plural(work->projects.size(), AskEngine::tr("project"), AskEngine::tr("projects")),
                      plural(work->owns.size(), AskEngine::tr("other entity"), AskEngine::tr("other entities")));
        if (!work->teams.isEmpty() && !a.entity.ref.isKind(u"group"))
            result.headline
                += AskEngine::tr(", as a member of %1", "…, as a member of team names").arg(namesOf(work->teams));
        break;
    }
    case Intent::ProjectsFor: {
        result.focus = AnswerFocus::Why;
        if (a.entity.ref.isKind(u"goal")) {
            result.items = a.why.projects;
        } else {
            Result<PersonWork> work = PersonWorkReader::read(m_engine, a.entity.ref);
            if (!work)
                return work.error();
            result.items = work->projects;
        }
        result.headline = AskEngine::tr("%1: %2", "name: count")
                              .arg(x, plural(result.items.size(), AskEngine::tr("project"), AskEngine::tr("projects")));
        break;
    }
    case Intent::OnCall: {
        result.focus = AnswerFocus::Who;
        Result<QString> onCall = onCallHeadline(x, record, a, result.items);
        if (!onCall)
            return onCall.error();
        result.headline = onCall.value();
        break;
    }
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
            // Who works on a project: its owner, its team and the team's people, its
            // contributors.
            Result<QList<EntitySummary>> people = projectPeople(a);
            if (!people)
                return people.error();
            result.items = people.value();
        } else if (a.who.owner) {
            result.items = a.who.owner->members;
        }
        result.headline = AskEngine::tr("%1: %2", "name: count")
                              .arg(x, plural(result.items.size(), AskEngine::tr("member"), AskEngine::tr("members")));
        break;
    }
    case Intent::Why:
        result.focus = AnswerFocus::Why;
        if (a.entity.ref.isKind(u"goal")) {
            // A goal serves its parent; a top goal is what the others serve.
            const GoalChain *chain = a.why.goals.isEmpty() ? nullptr : &a.why.goals.first();
            if (chain && !chain->ancestors.isEmpty())
                result.headline = AskEngine::tr("%1 serves %2").arg(x, named(chain->ancestors.first()));
            else
                result.headline = AskEngine::tr("%1 is a top-level goal: it serves no other goal").arg(x);
            if (!a.what.description.isEmpty())
                result.headline
                    += AskEngine::tr("; %1", "headline; description").arg(a.what.description.section(u'\n', 0, 0));
        } else if (!a.why.goals.isEmpty())
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
        if (const std::optional<LinkCategory> asked = linkAskedFor(result.question)) {
            result.headline = linkHeadline(x, a, *asked);
        } else if (a.how.timeline) {
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
        DistinctSummaries goals;
        for (const EntitySummary &owned : a.who.owns) {
            if (owned.ref.isKind(u"goal"))
                goals.add(owned);
        }
        Result<QList<Relation>> projects = m_lookup.relationsFrom(a.entity.ref, relation::TeamOf);
        if (!projects)
            return projects.error();
        for (const Relation &rel : std::as_const(projects.value())) {
            Result<QList<Relation>> served = m_lookup.relationsFrom(rel.target, relation::ContributesTo);
            if (!served)
                return served.error();
            for (const Relation &goal : std::as_const(served.value())) {
                Result<EntitySummary> summary = m_engine.summarize(goal.target);
                if (!summary)
                    return summary.error();
                goals.add(summary.value());
            }
        }
        result.items = goals.list();
        result.headline = AskEngine::tr("%1: %2", "name: count")
                              .arg(x, plural(result.items.size(), AskEngine::tr("goal"), AskEngine::tr("goals")));
        break;
    }
    case Intent::ProjectsAtRisk:
    case Intent::WhatChanged:
        break; // answered before X is looked up
    }
    result.answer = built.value();
    return result;
}

Result<AskResult> AskEngine::whatChanged(AskResult result) const
{
    const QDate today = m_engine.options().today;
    const std::optional<QDate> since = ChangePeriod::start(result.question.subject, today);
    if (!since) {
        result.headline = AskEngine::tr("I did not understand the period \"%1\"; try \"since yesterday\", \"since "
                                        "Monday\", \"this week\" or a date such as %2")
                              .arg(result.question.subject, today.addDays(-3).toString(Qt::ISODate));
        return result;
    }
    result.changesSince = *since;
    const QStringList asked = result.question.action.isEmpty() ? QStringList() : QStringList { result.question.action };
    // One more than shown, to know whether there are more.
    const int limit = m_engine.options().listLimit;
    Result<QList<CatalogChange>> changes = m_lookup.changesSince(QDateTime(*since, QTime(0, 0)), asked, limit + 1);
    if (!changes)
        return changes.error();
    result.changes = changes.value();
    const bool more = result.changes.size() > limit;
    if (more)
        result.changes.resize(limit);
    result.outcome = AskOutcome::List;
    result.focus = AnswerFocus::How;
    const QString day = Words::date(*since);
    if (result.changes.isEmpty() && result.question.action == u"added")
        result.headline = AskEngine::tr("Nothing was added since %1").arg(day);
    else if (result.changes.isEmpty() && result.question.action == u"removed")
        result.headline = AskEngine::tr("Nothing was removed since %1").arg(day);
    else if (result.changes.isEmpty() && result.question.action == u"changed")
        result.headline = AskEngine::tr("Nothing was changed since %1").arg(day);
    else if (result.changes.isEmpty())
        result.headline = AskEngine::tr("No sync has changed anything since %1").arg(day);
    else if (more)
        result.headline
            = AskEngine::tr("More than %1 changes since %2; the newest %1").arg(Words::locale().toString(limit), day);
    else
        result.headline
            = AskEngine::tr("%1 since %2, newest first", "N changes since date")
                  .arg(plural(result.changes.size(), AskEngine::tr("change"), AskEngine::tr("changes")), day);
    return result;
}

Result<QList<EntitySummary>> AskEngine::projectPeople(const Answer &a) const
{
    DistinctSummaries people;
    if (a.who.owner) {
        people.add(a.who.owner->entity);
        for (const EntitySummary &member : a.who.owner->members)
            people.add(member);
    }
    if (a.who.team) {
        people.add(*a.who.team);
        Result<QList<Relation>> members = m_lookup.relationsFrom(a.who.team->ref, relation::HasMember);
        if (!members)
            return members.error();
        for (const Relation &r : std::as_const(members.value())) {
            Result<EntitySummary> member = m_engine.summarize(r.target);
            if (!member)
                return member.error();
            people.add(member.value());
        }
    }
    for (const EntitySummary &contributor : a.who.contributors)
        people.add(contributor);
    return people.list();
}

Result<QString> AskEngine::onCallHeadline(
    const QString &x, const EntityRecord &record, const Answer &a, QList<EntitySummary> &people) const
{
    qsizetype links = 0;
    for (const LinkGroup &group : a.how.links) {
        if (group.category == LinkCategory::OnCall)
            links += group.links.size();
    }
    const QString written = record.entity.annotation(QStringLiteral("cairn.dev/on-call")).trimmed();
    QString who;
    if (!written.isEmpty()) {
        const Result<EntityRef> ref
            = EntityRef::parse(written, EntityRef::Context { QStringLiteral("user"), record.entity.ns() });
        if (ref) {
            Result<EntitySummary> person = m_engine.summarize(ref.value());
            if (!person)
                return person.error();
            people.append(person.value());
            who = named(person.value());
        } else {
            who = AskEngine::tr("%1 (not a reference)").arg(written);
        }
    }
    const QString schedule = links == 0
        ? QString()
        : AskEngine::tr(" (%1)", "on-call schedule links")
              .arg(plural(links, AskEngine::tr("on-call link"), AskEngine::tr("on-call links")));
    if (who.isEmpty())
        return links == 0 ? AskEngine::tr("%1 names no one on call and has no on-call link").arg(x)
                          : AskEngine::tr("%1 names no one on call; see its on-call links%2").arg(x, schedule);
    return AskEngine::tr("On call for %1: %2%3").arg(x, who, schedule);
}

} // namespace cairn::core
