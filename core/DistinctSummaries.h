// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Answer.h"

#include <QList>
#include <QSet>

namespace cairn::core {

// Entity summaries without repeats, in the order first added: the lists an answer gathers
// from several relations (a team's goals, a project's people, a person's work).
class DistinctSummaries
{
public:
    bool contains(const EntityRef &ref) const { return m_seen.contains(ref); }
    void add(const EntitySummary &summary)
    {
        if (m_seen.contains(summary.ref))
            return;
        m_seen.insert(summary.ref);
        m_list.append(summary);
    }
    qsizetype size() const { return m_list.size(); }
    const QList<EntitySummary> &list() const { return m_list; }

private:
    QSet<EntityRef> m_seen;
    QList<EntitySummary> m_list;
};

} // namespace cairn::core
