// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/PersonWork.h"

#include "core/RelationType.h"

#include <QSet>

namespace cairn::core {

namespace {

// Appends the summaries of refs not seen yet, up to `limit`.
class Collector
{
public:
    Collector(const AnswerEngine &engine, QList<EntitySummary> &into, int limit)
        : m_engine(engine)
        , m_into(into)
        , m_limit(limit)
    { }

    Status add(const EntityRef &ref)
    {
        if (m_seen.contains(ref) || m_into.size() >= m_limit)
            return {};
        m_seen.insert(ref);
        Result<EntitySummary> summary = m_engine.summarize(ref);
        if (!summary)
            return summary.error();
        m_into.append(summary.value());
        return {};
    }

private:
    const AnswerEngine &m_engine;
    QList<EntitySummary> &m_into;
    int m_limit;
    QSet<EntityRef> m_seen;
};

} // namespace

Result<PersonWork> PersonWorkReader::read(const AnswerEngine &engine, const EntityRef &who)
{
    const CatalogLookup &lookup = engine.lookup();
    const int limit = engine.options().listLimit;
    PersonWork work;
    Collector teams(engine, work.teams, limit);
    Collector projects(engine, work.projects, limit);
    Collector owns(engine, work.owns, limit);

    // Who answers for the work: the person and their teams.
    QList<EntityRef> owners { who };
    if (who.isKind(u"group")) {
        if (Status s = teams.add(who); !s)
            return s.error();
    } else {
        Result<QList<Relation>> memberOf = lookup.relationsFrom(who, relation::MemberOf);
        if (!memberOf)
            return memberOf.error();
        for (const Relation &r : std::as_const(memberOf.value())) {
            owners.append(r.target);
            if (Status s = teams.add(r.target); !s)
                return s.error();
        }
    }

    for (const EntityRef &owner : std::as_const(owners)) {
        for (const QStringView type : { relation::OwnerOf, relation::TeamOf, relation::ContributorTo }) {
            Result<QList<Relation>> relations = lookup.relationsFrom(owner, type);
            if (!relations)
                return relations.error();
            for (const Relation &r : std::as_const(relations.value())) {
                Collector &list = r.target.isKind(u"project") ? projects : owns;
                if (Status s = list.add(r.target); !s)
                    return s.error();
            }
        }
    }
    return work;
}

} // namespace cairn::core
