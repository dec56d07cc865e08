// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/AnswerEngine.h"

#include "core/RelationType.h"
#include "core/ScorecardEvaluator.h"

#include <QSet>

#include <algorithm>

namespace cairn::core {

namespace {

const QStringList &knownKinds()
{
    static const QStringList kinds = {
        QStringLiteral("component"),
        QStringLiteral("api"),
        QStringLiteral("resource"),
        QStringLiteral("system"),
        QStringLiteral("domain"),
        QStringLiteral("group"),
        QStringLiteral("user"),
        QStringLiteral("project"),
        QStringLiteral("goal"),
        QStringLiteral("location"),
    };
    return kinds;
}

// Reads through the lookup and remembers the first failure, so the section builders read
// like the answer they build; the engine turns a failure into an Error at the end.
class Reader
{
public:
    explicit Reader(const CatalogLookup &lookup, int listLimit)
        : m_lookup(lookup)
        , m_listLimit(listLimit)
    { }

    bool failed() const { return m_error.has_value(); }
    const Error &error() const { return *m_error; }
    int listLimit() const { return m_listLimit; }

    std::optional<EntityRecord> find(const EntityRef &ref)
    {
        if (ref.isNull() || failed())
            return std::nullopt;
        Result<std::optional<EntityRecord>> r = m_lookup.find(ref);
        if (!r) {
            m_error = r.error();
            return std::nullopt;
        }
        return std::move(r).value();
    }

    EntitySummary summary(const EntityRef &ref)
    {
        const std::optional<EntityRecord> record = find(ref);
        return record ? AnswerEngine::summaryOf(*record) : AnswerEngine::unresolvedSummary(ref);
    }

    // The other ends of relations, unique, in ref order.
    QList<EntityRef> targets(const EntityRef &ref, QStringView type, QStringView kind = {})
    {
        return ends(ref, type, kind, true);
    }
    QList<EntityRef> sources(const EntityRef &ref, QStringView type, QStringView kind = {})
    {
        return ends(ref, type, kind, false);
    }

    QList<EntitySummary> summaries(const QList<EntityRef> &refs)
    {
        QList<EntitySummary> out;
        for (const EntityRef &ref : refs) {
            if (out.size() >= m_listLimit)
                break;
            out.append(summary(ref));
        }
        return out;
    }

private:
    QList<EntityRef> ends(const EntityRef &ref, QStringView type, QStringView kind, bool from)
    {
        if (failed())
            return {};
        Result<QList<Relation>> r = from ? m_lookup.relationsFrom(ref, type) : m_lookup.relationsTo(ref, type);
        if (!r) {
            m_error = r.error();
            return {};
        }
        QList<EntityRef> out;
        QSet<EntityRef> seen;
        for (const Relation &rel : std::as_const(r.value())) {
            const EntityRef &other = from ? rel.target : rel.source;
            if ((!kind.isEmpty() && !other.isKind(kind)) || seen.contains(other))
                continue;
            seen.insert(other);
            out.append(other);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    const CatalogLookup &m_lookup;
    int m_listLimit;
    std::optional<Error> m_error;
};

QList<EntityRef> unite(QList<EntityRef> a, const QList<EntityRef> &b)
{
    for (const EntityRef &ref : b) {
        if (!a.contains(ref))
            a.append(ref);
    }
    std::sort(a.begin(), a.end());
    return a;
}

QString tierOf(const Entity &e)
{
    // Teams write the tier under many keys (tier, service-tier, cairn.dev/tier, ...).
    const auto pick = [](const QMap<QString, QString> &map) {
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (it.key().endsWith(u"tier", Qt::CaseInsensitive) && !it.value().isEmpty())
                return it.value();
        }
        return QString();
    };
    const QString fromAnnotations = pick(e.annotations());
    return fromAnnotations.isEmpty() ? pick(e.labels()) : fromAnnotations;
}

GoalChain buildChain(Reader &reader, const EntityRef &start)
{
    GoalChain chain;
    chain.goal = reader.summary(start);
    QList<EntityRef> path { start };
    std::optional<EntityRecord> current = reader.find(start);
    while (current && path.size() < 64) {
        QList<EntityRef> parents = current->entity.specRefs(u"parent");
        if (parents.isEmpty())
            parents = reader.targets(current->entity.ref(), relation::ChildOf, u"goal");
        if (parents.isEmpty())
            break;
        const EntityRef parent = parents.first();
        if (path.contains(parent)) {
            chain.cycle = path.mid(path.indexOf(parent));
            chain.cycle.append(parent);
            break;
        }
        path.append(parent);
        chain.ancestors.append(reader.summary(parent));
        current = reader.find(parent);
    }
    return chain;
}

// One sentence per kind: French needs the kind's gender ("ce composant", "cette API").
QString nothingExplainsText(const Entity &e)
{
    const QString kind = e.kind().toLower();
    if (kind == u"project")
        return AnswerEngine::tr("This project serves no goal");
    if (kind == u"component")
        return AnswerEngine::tr("No goal is linked to this component");
    if (kind == u"api")
        return AnswerEngine::tr("No goal is linked to this api");
    if (kind == u"resource")
        return AnswerEngine::tr("No goal is linked to this resource");
    if (kind == u"system")
        return AnswerEngine::tr("No goal is linked to this system");
    if (kind == u"domain")
        return AnswerEngine::tr("No goal is linked to this domain");
    if (kind == u"group")
        return AnswerEngine::tr("No goal is linked to this group");
    if (kind == u"user")
        return AnswerEngine::tr("No goal is linked to this user");
    return AnswerEngine::tr("No goal is linked to this %1").arg(kind);
}

QString cycleText(const QList<EntityRef> &cycle)
{
    QStringList names;
    for (const EntityRef &ref : cycle)
        names.append(ref.toString());
    return AnswerEngine::tr("Goal parents loop: %1").arg(names.join(QStringLiteral(" -> ")));
}

void addChain(WhySection &why, GoalChain chain)
{
    for (const GoalChain &existing : std::as_const(why.goals)) {
        if (existing.goal.ref == chain.goal.ref)
            return;
    }
    if (!chain.cycle.isEmpty()) {
        const QString problem = cycleText(chain.cycle);
        if (!why.problems.contains(problem))
            why.problems.append(problem);
    }
    why.goals.append(std::move(chain));
}

QList<EntityRef> projectGoals(Reader &reader, const Entity &project)
{
    return unite(project.specRefs(u"goals"), reader.targets(project.ref(), relation::ContributesTo));
}

WhatSection buildWhat(Reader &reader, const EntityRecord &record)
{
    const Entity &e = record.entity;
    WhatSection what;
    what.entity = AnswerEngine::summaryOf(record);
    what.apiVersion = e.apiVersion();
    what.lifecycle = e.lifecycle();
    what.status = e.specString(u"status");
    what.description = e.description();
    what.tags = e.tags();
    what.tier = tierOf(e);
    what.startDate = QDate::fromString(e.specString(u"startDate").left(10), Qt::ISODate);
    what.targetDate = QDate::fromString(e.specString(u"targetDate").left(10), Qt::ISODate);
    what.knownKind = knownKinds().contains(e.kind().toLower());
    if (!what.knownKind)
        what.rawSpec = e.spec();

    const QList<EntityRef> systems = e.specRefs(u"system");
    if (!systems.isEmpty())
        what.system = reader.summary(systems.first());
    QList<EntityRef> domains = e.specRefs(u"domain");
    if (domains.isEmpty() && !systems.isEmpty()) {
        if (const std::optional<EntityRecord> system = reader.find(systems.first()))
            domains = system->entity.specRefs(u"domain");
    }
    if (!domains.isEmpty())
        what.domain = reader.summary(domains.first());
    return what;
}

WhySection buildWhy(Reader &reader, const EntityRecord &record)
{
    const Entity &e = record.entity;
    const EntityRef self = e.ref();
    WhySection why;
    if (e.isKind(u"project")) {
        for (const EntityRef &goal : projectGoals(reader, e))
            addChain(why, buildChain(reader, goal));
    } else if (e.isKind(u"goal")) {
        addChain(why, buildChain(reader, self));
        why.subGoals = reader.summaries(reader.sources(self, relation::ChildOf, u"goal"));
        why.projects = reader.summaries(reader.sources(self, relation::ContributesTo));
    } else {
        // Anything a project works on is explained by that project's goals.
        const QList<EntityRef> projects = reader.sources(self, relation::WorksOn);
        why.projects = reader.summaries(projects);
        for (const EntityRef &projectRef : projects) {
            if (const std::optional<EntityRecord> project = reader.find(projectRef)) {
                for (const EntityRef &goal : projectGoals(reader, project->entity))
                    addChain(why, buildChain(reader, goal));
            }
        }
        if (e.isKind(u"system") || e.isKind(u"domain"))
            why.purpose = e.description();
    }
    if (why.goals.isEmpty() && why.projects.isEmpty() && why.purpose.isEmpty()) {
        why.nothingExplains = nothingExplainsText(e);
    }
    return why;
}

OwnerAnswer buildOwner(Reader &reader, const EntityRef &ownerRef)
{
    OwnerAnswer owner;
    owner.entity = reader.summary(ownerRef);
    if (!owner.entity.resolved) {
        // The usual cause: a bare owner name defaults to a group while the catalog has a user
        // of that name (or the reverse). Say so; do not silently pick it.
        for (const QString &kind : { QStringLiteral("user"), QStringLiteral("group") }) {
            if (ownerRef.isKind(kind))
                continue;
            const EntityRef other(kind, ownerRef.ns(), ownerRef.name());
            if (reader.find(other))
                owner.note
                    = AnswerEngine::tr("No %1 in the catalog; a %2 exists").arg(ownerRef.toString(), other.toString());
        }
        if (owner.note.isEmpty())
            owner.note = AnswerEngine::tr("No %1 in the catalog").arg(ownerRef.toString());
        return owner;
    }
    if (ownerRef.isKind(u"group"))
        owner.members = reader.summaries(reader.targets(ownerRef, relation::HasMember));
    else if (ownerRef.isKind(u"user"))
        owner.teams = reader.summaries(reader.targets(ownerRef, relation::MemberOf));
    return owner;
}

WhoSection buildWho(Reader &reader, const EntityRecord &record)
{
    const Entity &e = record.entity;
    const EntityRef self = e.ref();
    WhoSection who;

    EntityRef ownerRef = e.owner();
    if (ownerRef.isNull()) {
        const QList<EntityRef> owners = reader.targets(self, relation::OwnedBy);
        if (!owners.isEmpty())
            ownerRef = owners.first();
    }
    if (!ownerRef.isNull())
        who.owner = buildOwner(reader, ownerRef);

    if (e.isKind(u"project")) {
        const QList<EntityRef> teams = unite(e.specRefs(u"team"), reader.targets(self, relation::HasTeam));
        if (!teams.isEmpty())
            who.team = reader.summary(teams.first());
        who.contributors
            = reader.summaries(unite(e.specRefs(u"contributors"), reader.targets(self, relation::HasContributor)));
    }
    if (e.isKind(u"group")) {
        const QList<EntityRef> parents = reader.targets(self, relation::ChildOf);
        if (!parents.isEmpty())
            who.parent = reader.summary(parents.first());
        who.children = reader.summaries(reader.targets(self, relation::ParentOf));
        who.members = reader.summaries(reader.targets(self, relation::HasMember));
    }
    if (e.isKind(u"user"))
        who.groups = reader.summaries(reader.targets(self, relation::MemberOf));
    if (e.isKind(u"group") || e.isKind(u"user")) {
        const QList<EntityRef> owned = reader.targets(self, relation::OwnerOf);
        who.ownsCount = int(owned.size());
        who.owns = reader.summaries(owned);
    }

    // Reverse relations: who would notice if this went away.
    QList<std::pair<EntityRef, QString>> dependents;
    for (const EntityRef &ref : reader.sources(self, relation::DependsOn))
        dependents.append({ ref, relation::DependsOn.toString() });
    for (const EntityRef &ref : reader.sources(self, relation::ConsumesApi))
        dependents.append({ ref, relation::ConsumesApi.toString() });
    who.dependentCount = int(dependents.size());
    for (const auto &[ref, type] : std::as_const(dependents)) {
        if (who.dependents.size() >= reader.listLimit())
            break;
        who.dependents.append(Dependent { reader.summary(ref), type });
    }
    return who;
}

HowSection buildHow(
    Reader &reader, const CatalogLookup &lookup, const EntityRecord &record, const AnswerOptions &options)
{
    const Entity &e = record.entity;
    const EntityRef self = e.ref();
    HowSection how;
    how.links = LinkClassifier::group(e);
    if (e.isKind(u"project")) {
        const TimelineSummary timeline = ProjectTimeline::fromEntity(e).summarize(options.today, options.staleDays);
        for (qsizetype i = timeline.updates.size() - 1; i >= 0 && how.latestUpdates.size() < options.latestUpdates; --i)
            how.latestUpdates.append(timeline.updates.at(i));
        how.timeline = timeline;
    }
    if (e.isKind(u"goal") && !reader.failed()) {
        Result<GoalRollup> progress = GoalProgress(lookup).of(self);
        if (progress)
            how.progress = std::move(progress).value();
    }
    how.dependsOn = reader.summaries(unite(e.specRefs(u"dependsOn"), reader.targets(self, relation::DependsOn)));
    how.providesApis = reader.summaries(reader.targets(self, relation::ProvidesApi));
    how.consumesApis = reader.summaries(reader.targets(self, relation::ConsumesApi));
    if (e.isKind(u"api"))
        how.providers = reader.summaries(reader.sources(self, relation::ProvidesApi));
    if (Result<QList<ScorecardResult>> health = lookup.health(self); health && !health->isEmpty()) {
        how.scorecards = std::move(health).value();
        const ScorecardResult *worst = &how.scorecards.constFirst();
        for (const ScorecardResult &r : how.scorecards)
            if (r.score < worst->score)
                worst = &r;
        how.health = HealthAnswer { worst->score, ScorecardEvaluator::bandId(worst->band), worst->failedIds() };
    }
    return how;
}

} // namespace

AnswerEngine::AnswerEngine(const CatalogLookup &lookup, AnswerOptions options)
    : m_lookup(lookup)
    , m_options(options)
{ }

EntitySummary AnswerEngine::summaryOf(const EntityRecord &record)
{
    const Entity &e = record.entity;
    EntitySummary s;
    s.ref = e.ref();
    s.kind = e.kind();
    s.title = e.displayName();
    s.type = e.specType();
    s.status = e.specString(u"status");
    if (s.status.isEmpty())
        s.status = e.lifecycle();
    s.email = e.spec().value(u"profile").toObject().value(u"email").toString();
    s.resolved = true;
    s.removed = record.isRemoved();
    return s;
}

EntitySummary AnswerEngine::unresolvedSummary(const EntityRef &ref)
{
    EntitySummary s;
    s.ref = ref;
    s.kind = ref.kind();
    s.title = ref.name();
    s.resolved = false;
    return s;
}

Result<EntitySummary> AnswerEngine::summarize(const EntityRef &ref) const
{
    Reader reader(m_lookup, m_options.listLimit);
    EntitySummary s = reader.summary(ref);
    if (reader.failed())
        return reader.error();
    return s;
}

Result<GoalChain> AnswerEngine::goalChain(const EntityRef &goal) const
{
    Reader reader(m_lookup, m_options.listLimit);
    GoalChain chain = buildChain(reader, goal);
    if (reader.failed())
        return reader.error();
    return chain;
}

Result<Answer> AnswerEngine::answer(const EntityRef &ref) const
{
    Result<std::optional<EntityRecord>> found = m_lookup.find(ref);
    if (!found)
        return found.error();
    if (!found.value())
        return Error { tr("Nothing in the catalog is %1.").arg(ref.toString()) };
    return answer(*found.value());
}

Result<Answer> AnswerEngine::answer(const EntityRecord &record) const
{
    Reader reader(m_lookup, m_options.listLimit);
    Answer a;
    a.entity = summaryOf(record);
    a.source = record.source;
    a.removedAt = record.removedAt;
    a.what = buildWhat(reader, record);
    a.why = buildWhy(reader, record);
    a.who = buildWho(reader, record);
    a.how = buildHow(reader, m_lookup, record, m_options);
    if (reader.failed())
        return reader.error();
    return a;
}

} // namespace cairn::core
