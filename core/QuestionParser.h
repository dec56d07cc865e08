// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace cairn::core {

// What a question asks for.
enum class Intent {
    Show, // all four answers ("show X", or a bare name)
    WhoOwns, // who owns X / qui possède X
    Members, // who is on X / members of X / membres de X
    WhatIs, // what is X / c'est quoi X
    Why, // why X / why do we do X / pourquoi X
    HowTo, // how do I deploy X / comment déployer X
    HowIsItGoing, // how is X going / où en est X
    DependsOn, // what does X depend on / de quoi dépend X
    Dependents, // what depends on X / who consumes X / qui dépend de X
    Owns, // what does TEAM own / que possède TEAM
    ProjectsAtRisk, // projects at risk / projets à risque
    GoalsOf, // goals of TEAM / objectifs de TEAM
    ProjectsFor, // which projects contribute to GOAL / projets de l'équipe X
    OnCall, // who is on call for X / qui est d'astreinte pour X
    WorksOn, // what does PERSON work on / sur quoi travaille PERSON
    WhatChanged, // what changed since Monday / qu'est-ce qui a changé depuis hier
    Search, // anything else: full-text search over the cache
};

struct ParsedQuestion
{
    Intent intent = Intent::Search;
    QString subject; // X as written, articles, quotes and a kind word removed; WhatChanged: the period
    QString rawSubject; // X as written with only quotes and articles removed ("team a")
    QString kindHint; // lower-case kind named beside X ("the wayback-archive API" -> "api")
    QStringList impliedKinds; // kinds the verb implies for X ("who consumes X": api)
    QString action; // HowTo: deploy, run, use, ... (English, whatever the question's language);
                    // WhatChanged: added, changed or removed, empty for all
    QString language; // "en" or "fr"
    QString text; // the question, trimmed

    static QString intentId(Intent intent);
};

// The words of a question that was not understood: whether it has the words questions are
// made of ("what", "qui", "changed"...), and the others, which may name entities.
struct QuestionWords
{
    bool hasQuestionWords = false;
    QStringList content; // as written, at most four, longest first, three letters or more

    static QuestionWords of(QStringView text);
};

// Reads the English and French questions Cairn understands. Matching is done on a
// lower-case, accent-free copy of the question of the same length, so X is cut from the
// original text with its accents and case intact ("pourquoi Amélie" keeps "Amélie").
class QuestionParser
{
public:
    static ParsedQuestion parse(QStringView question);
};

} // namespace cairn::core
