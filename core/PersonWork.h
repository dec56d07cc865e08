// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/AnswerEngine.h"

#include <QList>

namespace cairn::core {

// What a person (or a team) works on, as "what does X work on" and "who is X" answer it:
// the teams they are in, the projects they or those teams own, lead or contribute to, and
// what else they own directly or through a team. Each list is at most the answers' list
// limit, in the catalog's order, without repeats.
struct PersonWork
{
    QList<EntitySummary> teams; // a user's groups; a group: itself
    QList<EntitySummary> projects;
    QList<EntitySummary> owns; // anything but projects

    // Projects first, then the rest: the order an answer lists them in.
    QList<EntitySummary> all() const { return projects + owns; }
};

class PersonWorkReader
{
public:
    static Result<PersonWork> read(const AnswerEngine &engine, const EntityRef &who);
};

} // namespace cairn::core
