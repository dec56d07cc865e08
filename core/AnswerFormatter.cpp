// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/AnswerFormatter.h"

#include "core/HealthJson.h"
#include "core/HealthWords.h"
#include "core/Words.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cairn::core {

namespace {

// ---- JSON -------------------------------------------------------------------------------

QJsonValue dateValue(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalSummary(const std::optional<EntitySummary> &s)
{
    return s ? QJsonValue(AnswerFormatter::toJson(*s)) : QJsonValue(QJsonValue::Null);
}

QJsonArray summaries(const QList<EntitySummary> &list)
{
    QJsonArray out;
    for (const EntitySummary &s : list)
        out.append(AnswerFormatter::toJson(s));
    return out;
}

QJsonArray refs(const QList<EntityRef> &list)
{
    QJsonArray out;
    for (const EntityRef &r : list)
        out.append(r.toString());
    return out;
}

QJsonObject whatJson(const WhatSection &w)
{
    return QJsonObject {
        { QStringLiteral("title"), w.entity.title },
        { QStringLiteral("kind"), w.entity.kind },
        { QStringLiteral("type"), w.entity.type },
        { QStringLiteral("apiVersion"), w.apiVersion },
        { QStringLiteral("lifecycle"), w.lifecycle },
        { QStringLiteral("status"), w.status },
        { QStringLiteral("description"), w.description },
        { QStringLiteral("system"), optionalSummary(w.system) },
        { QStringLiteral("domain"), optionalSummary(w.domain) },
        { QStringLiteral("tags"), QJsonArray::fromStringList(w.tags) },
        { QStringLiteral("tier"), w.tier },
        { QStringLiteral("startDate"), dateValue(w.startDate) },
        { QStringLiteral("targetDate"), dateValue(w.targetDate) },
        { QStringLiteral("knownKind"), w.knownKind },
        { QStringLiteral("rawSpec"), w.knownKind ? QJsonValue(QJsonValue::Null) : QJsonValue(w.rawSpec) },
    };
}

QJsonObject whyJson(const WhySection &w)
{
    QJsonArray goals;
    for (const GoalChain &chain : w.goals) {
        goals.append(QJsonObject {
            { QStringLiteral("goal"), AnswerFormatter::toJson(chain.goal) },
            { QStringLiteral("ancestors"), summaries(chain.ancestors) },
            { QStringLiteral("cycle"), refs(chain.cycle) },
        });
    }
    return QJsonObject {
        { QStringLiteral("goals"), goals },
        { QStringLiteral("projects"), summaries(w.projects) },
        { QStringLiteral("subGoals"), summaries(w.subGoals) },
        { QStringLiteral("purpose"), w.purpose },
        { QStringLiteral("nothingExplains"), w.nothingExplains },
        { QStringLiteral("problems"), QJsonArray::fromStringList(w.problems) },
    };
}

QJsonObject whoJson(const WhoSection &w)
{
    QJsonValue owner(QJsonValue::Null);
    if (w.owner) {
        owner = QJsonObject {
            { QStringLiteral("entity"), AnswerFormatter::toJson(w.owner->entity) },
            { QStringLiteral("members"), summaries(w.owner->members) },
            { QStringLiteral("teams"), summaries(w.owner->teams) },
            { QStringLiteral("note"), w.owner->note },
        };
    }
    QJsonArray dependents;
    for (const Dependent &d : w.dependents) {
        dependents.append(QJsonObject { { QStringLiteral("entity"), AnswerFormatter::toJson(d.entity) },
            { QStringLiteral("relation"), d.relation } });
    }
    return QJsonObject {
        { QStringLiteral("owner"), owner },
        { QStringLiteral("team"), optionalSummary(w.team) },
        { QStringLiteral("contributors"), summaries(w.contributors) },
        { QStringLiteral("parent"), optionalSummary(w.parent) },
        { QStringLiteral("children"), summaries(w.children) },
        { QStringLiteral("members"), summaries(w.members) },
        { QStringLiteral("groups"), summaries(w.groups) },
        { QStringLiteral("owns"), summaries(w.owns) },
        { QStringLiteral("ownsCount"), w.ownsCount },
        { QStringLiteral("dependents"), dependents },
        { QStringLiteral("dependentCount"), w.dependentCount },
    };
}

QJsonObject updateJson(const StatusUpdate &u)
{
    return QJsonObject {
        { QStringLiteral("date"), dateValue(u.date) },
        { QStringLiteral("status"), u.status },
        { QStringLiteral("targetDate"), dateValue(u.targetDate) },
        { QStringLiteral("author"),
            u.author.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(u.author.toString()) },
        { QStringLiteral("text"), u.text },
    };
}

QJsonValue timelineJson(const std::optional<TimelineSummary> &t)
{
    if (!t)
        return QJsonValue::Null;
    QJsonArray changes;
    for (const StatusChange &c : t->statusChanges) {
        changes.append(QJsonObject { { QStringLiteral("date"), dateValue(c.date) }, { QStringLiteral("from"), c.from },
            { QStringLiteral("to"), c.to } });
    }
    return QJsonObject {
        { QStringLiteral("status"), t->status },
        { QStringLiteral("startDate"), dateValue(t->startDate) },
        { QStringLiteral("firstTarget"), dateValue(t->firstTarget) },
        { QStringLiteral("currentTarget"), dateValue(t->currentTarget) },
        { QStringLiteral("targetMoves"), t->targetMoves },
        { QStringLiteral("slipDays"), qint64(t->slipDays) },
        { QStringLiteral("slipText"), t->slipText() },
        { QStringLiteral("lastUpdate"), dateValue(t->lastUpdate) },
        { QStringLiteral("daysSinceUpdate"),
            t->lastUpdate.isValid() ? QJsonValue(qint64(t->daysSinceUpdate)) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("stale"), t->stale },
        { QStringLiteral("staleDays"), t->staleDays },
        { QStringLiteral("staleText"), t->staleText() },
        { QStringLiteral("statusChanges"), changes },
    };
}

QJsonArray scorecardsJson(const QList<ScorecardResult> &results)
{
    QJsonArray array;
    for (const ScorecardResult &r : results)
        array.append(HealthJson::toJson(r));
    return array;
}

QJsonValue progressJson(const std::optional<GoalRollup> &p)
{
    if (!p)
        return QJsonValue::Null;
    return QJsonObject {
        { QStringLiteral("fraction"), p->fraction ? QJsonValue(*p->fraction) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("basis"), GoalRollup::basisId(p->basis) },
        { QStringLiteral("current"),
            p->basis == ProgressBasis::Measured ? QJsonValue(p->current) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("target"),
            p->basis == ProgressBasis::Measured ? QJsonValue(p->target) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("unit"), p->unit },
        { QStringLiteral("inputs"), p->inputs },
        { QStringLiteral("excluded"), p->excluded },
        { QStringLiteral("cycle"), refs(p->cycle) },
    };
}

QJsonObject howJson(const HowSection &h)
{
    QJsonArray links;
    for (const LinkGroup &g : h.links) {
        QJsonArray items;
        for (const ClassifiedLink &l : g.links) {
            items.append(QJsonObject { { QStringLiteral("url"), l.url }, { QStringLiteral("title"), l.title },
                { QStringLiteral("origin"), l.origin } });
        }
        links.append(QJsonObject { { QStringLiteral("category"), LinkClassifier::categoryId(g.category) },
            { QStringLiteral("title"), LinkClassifier::categoryTitle(g.category) },
            { QStringLiteral("links"), items } });
    }
    QJsonArray updates;
    for (const StatusUpdate &u : h.latestUpdates)
        updates.append(updateJson(u));
    QJsonValue health(QJsonValue::Null);
    if (h.health) {
        health = QJsonObject { { QStringLiteral("scorePercent"), h.health->scorePercent },
            { QStringLiteral("band"), h.health->band },
            { QStringLiteral("failedChecks"), QJsonArray::fromStringList(h.health->failedChecks) } };
    }
    return QJsonObject {
        { QStringLiteral("links"), links },
        { QStringLiteral("timeline"), timelineJson(h.timeline) },
        { QStringLiteral("latestUpdates"), updates },
        { QStringLiteral("progress"), progressJson(h.progress) },
        { QStringLiteral("dependsOn"), summaries(h.dependsOn) },
        { QStringLiteral("providesApis"), summaries(h.providesApis) },
        { QStringLiteral("consumesApis"), summaries(h.consumesApis) },
        { QStringLiteral("providers"), summaries(h.providers) },
        { QStringLiteral("health"), health },
        { QStringLiteral("scorecards"), scorecardsJson(h.scorecards) },
    };
}

QJsonObject answerBody(const Answer &a)
{
    return QJsonObject {
        { QStringLiteral("entity"), AnswerFormatter::toJson(a.entity) },
        { QStringLiteral("source"), a.source },
        { QStringLiteral("removedAt"),
            a.removedAt.isValid() ? QJsonValue(a.removedAt.toUTC().toString(Qt::ISODate))
                                  : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("what"), whatJson(a.what) },
        { QStringLiteral("why"), whyJson(a.why) },
        { QStringLiteral("who"), whoJson(a.who) },
        { QStringLiteral("how"), howJson(a.how) },
    };
}

// ---- Text -------------------------------------------------------------------------------

QString line(const EntitySummary &s)
{
    QString out = s.title.isEmpty() ? s.ref.name() : s.title;
    if (s.resolved)
        out += QStringLiteral(" [%1]").arg(s.ref.toString());
    else
        out = AnswerFormatter::tr("%1 (unresolved: not in the catalog)").arg(s.ref.toString());
    if (!s.status.isEmpty())
        out += QStringLiteral(" (%1)").arg(Words::status(s.status));
    if (!s.email.isEmpty())
        out += QStringLiteral(" <%1>").arg(s.email);
    if (s.removed)
        out += AnswerFormatter::tr(" (removed upstream)");
    return out;
}

void field(QStringList &out, const QString &label, const QString &value)
{
    if (!value.isEmpty())
        out.append(QStringLiteral("  %1 %2").arg(Words::label(label), -Words::labelWidth()).arg(value));
}

void list(QStringList &out, const QString &label, const QList<EntitySummary> &items, int total = -1)
{
    if (items.isEmpty())
        return;
    const qsizetype count = total >= 0 ? total : items.size();
    out.append(QStringLiteral("  %1 (%2):").arg(label).arg(count));
    for (const EntitySummary &s : items)
        out.append(QStringLiteral("    - %1").arg(line(s)));
    if (count > items.size())
        out.append(AnswerFormatter::tr("    ... and %n more", nullptr, int(count - items.size())));
}

void whatText(QStringList &out, const WhatSection &w)
{
    out.append(AnswerFormatter::tr("WHAT"));
    field(out, AnswerFormatter::tr("Title"), w.entity.title);
    field(out, AnswerFormatter::tr("Kind"),
        w.entity.type.isEmpty() ? Words::kind(w.entity.kind)
                                : QStringLiteral("%1 (%2)").arg(Words::kind(w.entity.kind), w.entity.type));
    field(out, AnswerFormatter::tr("Lifecycle"), Words::status(w.lifecycle));
    field(out, AnswerFormatter::tr("Status"), Words::status(w.status));
    if (w.system)
        field(out, AnswerFormatter::tr("System"), line(*w.system));
    if (w.domain)
        field(out, AnswerFormatter::tr("Domain"), line(*w.domain));
    field(out, AnswerFormatter::tr("Tags"), w.tags.join(QStringLiteral(", ")));
    field(out, AnswerFormatter::tr("Tier"), w.tier);
    if (w.startDate.isValid())
        field(out, AnswerFormatter::tr("Start"), Words::date(w.startDate));
    if (w.targetDate.isValid())
        field(out, AnswerFormatter::tr("Target"), Words::date(w.targetDate));
    if (!w.description.isEmpty()) {
        out.append(QStringLiteral("  %1").arg(Words::label(AnswerFormatter::tr("Description"))));
        for (const QString &l : w.description.split(u'\n'))
            out.append(l.trimmed().isEmpty() ? QString() : QStringLiteral("    %1").arg(l));
    }
    if (!w.knownKind) {
        out.append(AnswerFormatter::tr("  Spec (kind unknown to Cairn, shown raw):"));
        out.append(
            QStringLiteral("    %1").arg(QString::fromUtf8(QJsonDocument(w.rawSpec).toJson(QJsonDocument::Compact))));
    }
}

void whyText(QStringList &out, const WhySection &w)
{
    out.append(AnswerFormatter::tr("WHY"));
    if (!w.purpose.isEmpty())
        field(out, AnswerFormatter::tr("Purpose"), w.purpose);
    for (const GoalChain &chain : w.goals) {
        QStringList names { line(chain.goal) };
        for (const EntitySummary &a : chain.ancestors)
            names.append(a.title.isEmpty() ? a.ref.name() : (a.resolved ? a.title : line(a)));
        out.append(QStringLiteral("  %1 %2")
                       .arg(Words::label(AnswerFormatter::tr("Goal")))
                       .arg(names.join(QStringLiteral(" -> "))));
    }
    list(out, AnswerFormatter::tr("Sub-goals"), w.subGoals);
    list(out, AnswerFormatter::tr("Projects"), w.projects);
    for (const QString &p : w.problems)
        out.append(QStringLiteral("  %1 %2").arg(Words::label(AnswerFormatter::tr("Problem"))).arg(p));
    if (!w.nothingExplains.isEmpty())
        out.append(QStringLiteral("  %1").arg(w.nothingExplains));
}

void whoText(QStringList &out, const WhoSection &w)
{
    out.append(AnswerFormatter::tr("WHO"));
    if (!w.owner) {
        out.append(QStringLiteral("  %1 %2")
                       .arg(Words::label(AnswerFormatter::tr("Owner")), -Words::labelWidth())
                       .arg(AnswerFormatter::tr("none declared")));
    } else {
        field(out, AnswerFormatter::tr("Owner"), line(w.owner->entity));
        if (!w.owner->note.isEmpty())
            out.append(QString(Words::labelWidth() + 3, u' ') + w.owner->note);
        for (const EntitySummary &m : w.owner->members)
            out.append(QStringLiteral("    %1 %2").arg(Words::label(AnswerFormatter::tr("member"))).arg(line(m)));
        for (const EntitySummary &t : w.owner->teams)
            out.append(QStringLiteral("    %1 %2").arg(Words::label(AnswerFormatter::tr("team"))).arg(line(t)));
    }
    if (w.team)
        field(out, AnswerFormatter::tr("Team"), line(*w.team));
    list(out, AnswerFormatter::tr("Contributors"), w.contributors);
    if (w.parent)
        field(out, AnswerFormatter::tr("Parent"), line(*w.parent));
    list(out, AnswerFormatter::tr("Children"), w.children);
    list(out, AnswerFormatter::tr("Members"), w.members);
    list(out, AnswerFormatter::tr("Groups"), w.groups);
    list(out, AnswerFormatter::tr("Owns"), w.owns, w.ownsCount);
    if (w.dependentCount > 0) {
        out.append(QStringLiteral("  %1 (%2):").arg(AnswerFormatter::tr("Depended on by")).arg(w.dependentCount));
        for (const Dependent &d : w.dependents)
            out.append(QStringLiteral("    - %1 (%2)")
                           .arg(line(d.entity),
                               d.relation == u"consumesApi"
                                   ? AnswerFormatter::tr("consumesApi", "how a dependent depends on it")
                                   : AnswerFormatter::tr("dependsOn", "how a dependent depends on it")));
        if (w.dependentCount > w.dependents.size())
            out.append(
                AnswerFormatter::tr("    ... and %n more", nullptr, int(w.dependentCount - w.dependents.size())));
    }
}

void howText(QStringList &out, const HowSection &h)
{
    out.append(AnswerFormatter::tr("HOW"));
    for (const LinkGroup &g : h.links) {
        out.append(QStringLiteral("  %1").arg(Words::label(LinkClassifier::categoryTitle(g.category))));
        for (const ClassifiedLink &l : g.links)
            out.append(QStringLiteral("    - %1 <%2>").arg(l.title.isEmpty() ? l.url : l.title, l.url));
    }
    if (h.timeline) {
        const TimelineSummary &t = *h.timeline;
        field(out, AnswerFormatter::tr("Status"),
            t.status.isEmpty() ? AnswerFormatter::tr("not set") : Words::status(t.status));
        if (t.currentTarget.isValid())
            field(out, AnswerFormatter::tr("Target"), Words::date(t.currentTarget));
        field(out, AnswerFormatter::tr("Slip"), t.slipText());
        field(out, AnswerFormatter::tr("Stale"), t.staleText());
    }
    if (!h.latestUpdates.isEmpty()) {
        out.append(QStringLiteral("  %1").arg(Words::label(AnswerFormatter::tr("Latest updates"))));
        for (const StatusUpdate &u : h.latestUpdates) {
            // Trim the line's end only: the indent shows the update belongs to the list.
            out.append(QStringLiteral("    - ")
                + QStringLiteral("%1 %2%3 %4")
                      .arg(Words::date(u.date), Words::status(u.status),
                          u.targetDate.isValid() ? AnswerFormatter::tr(" (target %1)").arg(Words::date(u.targetDate))
                                                 : QString(),
                          u.text)
                      .trimmed());
        }
    }
    if (h.progress) {
        const GoalRollup &p = *h.progress;
        QString text = p.fraction ? Words::percent(*p.fraction) : AnswerFormatter::tr("unknown");
        if (p.basis == ProgressBasis::Measured)
            text += QStringLiteral(" (%1 / %2 %3)")
                        .arg(Words::number(p.current), Words::number(p.target), p.unit)
                        .trimmed();
        else if (p.basis == ProgressBasis::Rollup)
            text += AnswerFormatter::tr(" (rolled up from %n inputs)", nullptr, p.inputs);
        field(out, AnswerFormatter::tr("Progress"), text);
    }
    list(out, AnswerFormatter::tr("Depends on"), h.dependsOn);
    list(out, AnswerFormatter::tr("Provides APIs"), h.providesApis);
    list(out, AnswerFormatter::tr("Consumes APIs"), h.consumesApis);
    list(out, AnswerFormatter::tr("Provided by"), h.providers);
    for (const ScorecardResult &r : h.scorecards) {
        field(out, r.scorecardName,
            AnswerFormatter::tr("%1, %2, level %3")
                .arg(Words::percent(r.score / 100.0), HealthWords::band(r.band), HealthWords::level(r.level)));
        for (const CriterionResult &c : r.criteria)
            if (!c.passed)
                out.append(QStringLiteral("    \u2717 %1: %2").arg(c.criterionName, HealthWords::evidence(c.evidence)));
        if (const QString risk = HealthWords::risk(r.riskPath); !risk.isEmpty())
            out.append(QStringLiteral("    \u26a0 %1").arg(risk));
    }
}

} // namespace

QJsonObject AnswerFormatter::toJson(const EntitySummary &s)
{
    return QJsonObject {
        { QStringLiteral("ref"), s.ref.toString() },
        { QStringLiteral("kind"), s.kind },
        { QStringLiteral("title"), s.title },
        { QStringLiteral("type"), s.type },
        { QStringLiteral("status"), s.status },
        { QStringLiteral("email"), s.email },
        { QStringLiteral("resolved"), s.resolved },
        { QStringLiteral("removed"), s.removed },
    };
}

QJsonObject AnswerFormatter::toJson(const Answer &answer)
{
    QJsonObject out = answerBody(answer);
    out.insert(QStringLiteral("formatVersion"), FormatVersion);
    return out;
}

QJsonObject AnswerFormatter::toJson(const AskResult &r)
{
    QJsonArray candidates;
    for (const NameCandidate &c : r.candidates) {
        candidates.append(QJsonObject { { QStringLiteral("entity"), toJson(AnswerEngine::summaryOf(c.record)) },
            { QStringLiteral("matchedOn"), c.matchedOn }, { QStringLiteral("distance"), c.distance } });
    }
    QJsonArray hits;
    for (const SearchHit &h : r.hits) {
        hits.append(QJsonObject { { QStringLiteral("ref"), h.ref.toString() }, { QStringLiteral("kind"), h.kind },
            { QStringLiteral("title"), h.title },
            { QStringLiteral("owner"),
                h.owner.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(h.owner.toString()) },
            { QStringLiteral("removed"), h.removed } });
    }
    QJsonArray changes;
    for (const CatalogChange &c : r.changes) {
        changes.append(QJsonObject { { QStringLiteral("at"), c.at.toUTC().toString(Qt::ISODate) },
            { QStringLiteral("change"), c.change }, { QStringLiteral("ref"), c.ref.toString() },
            { QStringLiteral("title"), c.title }, { QStringLiteral("source"), c.source } });
    }
    return QJsonObject {
        { QStringLiteral("formatVersion"), FormatVersion },
        { QStringLiteral("question"),
            QJsonObject { { QStringLiteral("text"), r.question.text },
                { QStringLiteral("intent"), ParsedQuestion::intentId(r.question.intent) },
                { QStringLiteral("subject"), r.question.subject }, { QStringLiteral("kindHint"), r.question.kindHint },
                { QStringLiteral("action"), r.question.action },
                { QStringLiteral("language"), r.question.language } } },
        { QStringLiteral("outcome"), AskResult::outcomeId(r.outcome) },
        { QStringLiteral("focus"), AskResult::focusId(r.focus) },
        { QStringLiteral("headline"), r.headline },
        { QStringLiteral("match"), NameMatch::kindId(r.match) },
        { QStringLiteral("matchNote"), r.matchNote },
        { QStringLiteral("answer"), r.answer ? QJsonValue(answerBody(*r.answer)) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("items"), summaries(r.items) },
        { QStringLiteral("candidates"), candidates },
        { QStringLiteral("hits"), hits },
        { QStringLiteral("changes"), changes },
        { QStringLiteral("changesSince"),
            r.changesSince.isValid() ? QJsonValue(r.changesSince.toString(Qt::ISODate))
                                     : QJsonValue(QJsonValue::Null) },
    };
}

QString AnswerFormatter::toText(const Answer &a)
{
    QStringList out;
    out.append(QStringLiteral("%1  [%2]").arg(a.entity.title, a.entity.ref.toString()));
    if (a.removedAt.isValid())
        out.append(AnswerFormatter::tr("Removed upstream on %1").arg(Words::dateTime(a.removedAt)));
    out.append(QString());
    whatText(out, a.what);
    out.append(QString());
    whyText(out, a.why);
    out.append(QString());
    whoText(out, a.who);
    out.append(QString());
    howText(out, a.how);
    return out.join(u'\n') + u'\n';
}

QString AnswerFormatter::toText(const AskResult &r)
{
    QStringList out;
    if (!r.matchNote.isEmpty())
        out.append(QStringLiteral("(%1)").arg(r.matchNote));
    out.append(r.headline);
    for (const EntitySummary &s : r.items)
        out.append(QStringLiteral("  - %1").arg(line(s)));
    for (const NameCandidate &c : r.candidates)
        out.append(QStringLiteral("  - %1").arg(line(AnswerEngine::summaryOf(c.record))));
    for (const CatalogChange &c : r.changes) {
        out.append(QStringLiteral("  - %1 %2 %3 [%4] (%5)")
                       .arg(Words::dateTime(c.at.toLocalTime()), Words::change(c.change), c.title, c.ref.toString(),
                           c.source));
    }
    for (const SearchHit &h : r.hits) {
        out.append(QStringLiteral("  - %1 [%2] %3%4")
                       .arg(h.title, h.ref.toString(), h.kind,
                           h.owner.isNull() ? QString() : AnswerFormatter::tr(", owner %1").arg(h.owner.toString())));
    }
    if (r.answer && r.items.isEmpty()) {
        out.append(QString());
        switch (r.focus) {
        case AnswerFocus::What:
            whatText(out, r.answer->what);
            break;
        case AnswerFocus::Why:
            whyText(out, r.answer->why);
            break;
        case AnswerFocus::Who:
            whoText(out, r.answer->who);
            break;
        case AnswerFocus::How:
            howText(out, r.answer->how);
            break;
        case AnswerFocus::All:
            return out.join(u'\n') + u'\n' + toText(*r.answer);
        }
    }
    return out.join(u'\n') + u'\n';
}

} // namespace cairn::core
