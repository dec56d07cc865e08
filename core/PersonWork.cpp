// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/PersonWork.h"

#include "core/DistinctSummaries.h"
#include "core/RelationType.h"

namespace cairn::core {

namespace {

// The summaries of refs not seen yet, up to `limit`; a ref seen before costs no lookup.
class Collector
{
public:
    Collector(const AnswerEngine &engine, int limit)
        : m_engine(engine)
        , m_limit(limit)
    { }

    Status add(const EntityRef &ref)
    {
        if (m_summaries.contains(ref) || m_summaries.size() >= m_limit)
            return {};
        Result<EntitySummary> summary = m_engine.summarize(ref);
        if (!summary)
            return summary.error();
        m_summaries.add(summary.value());
        return {};
    }

    const QList<EntitySummary> &list() const { return m_summaries.list(); }

private:
    const AnswerEngine &m_engine;
    int m_limit;
    DistinctSummaries m_summaries;
};

} // namespace

Result<PersonWork> PersonWorkReader::read(const AnswerEngine &engine, const EntityRef &who)
{
    const CatalogLookup &lookup = engine.lookup();
    const int limit = engine.options().listLimit;
    Collector teams(engine, limit);
    Collector projects(engine, limit);
    Collector owns(engine, limit);

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
    return PersonWork { teams.list(), projects.list(), owns.list() };
}

} // namespace cairn::core
