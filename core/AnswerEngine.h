// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Answer.h"
#include "core/CatalogLookup.h"
#include "core/Clock.h"

#include <QCoreApplication>
#include <QDate>

namespace cairn::core {

struct AnswerOptions
{
    QDate today = core::clock::today(); // injectable, so "stale" is testable
    int staleDays = 14; // a project without an update for longer is stale
    int latestUpdates = 3; // status updates shown in How
    int listLimit = 50; // longest list in an answer; counts stay exact
};

// Builds the four answers (What, Why, Who, How) for any entity from a CatalogLookup
// alone, so the command line and the desktop app show the same thing, offline.
// Unknown kinds get What with their spec shown raw and the sections that still apply.
class AnswerEngine
{
    Q_DECLARE_TR_FUNCTIONS(AnswerEngine)

public:
    explicit AnswerEngine(const CatalogLookup &lookup, AnswerOptions options = {});

    // Error when the ref names nothing in the catalog or a lookup fails.
    Result<Answer> answer(const EntityRef &ref) const;
    Result<Answer> answer(const EntityRecord &record) const;

    // A ref as answers show it; unresolved (not an error) when it names nothing.
    Result<EntitySummary> summarize(const EntityRef &ref) const;
    static EntitySummary summaryOf(const EntityRecord &record);
    static EntitySummary unresolvedSummary(const EntityRef &ref);

    // A goal and its parents to the top; a loop is reported in `cycle`, not followed.
    Result<GoalChain> goalChain(const EntityRef &goal) const;

    const AnswerOptions &options() const { return m_options; }
    const CatalogLookup &lookup() const { return m_lookup; }

private:
    const CatalogLookup &m_lookup;
    AnswerOptions m_options;
};

} // namespace cairn::core
