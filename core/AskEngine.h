// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/AnswerEngine.h"
#include "core/NameMatcher.h"
#include "core/QuestionParser.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace cairn::core {

enum class AskOutcome {
    Answer, // X was found: `answer` holds the four sections, `focus` the one asked about
    List, // a list question (projects at risk, what TEAM owns, ...): `items`
    Candidates, // X is ambiguous: `candidates`, nothing chosen
    Search, // no intent or X not found: full-text `hits`
    NotFound, // nothing at all
};

// The section a question is about; the others stay in `answer` for whoever wants them.
enum class AnswerFocus { All, What, Why, Who, How };

struct AskResult
{
    ParsedQuestion question;
    AskOutcome outcome = AskOutcome::NotFound;
    AnswerFocus focus = AnswerFocus::All;
    QString headline; // the one line a person reads first
    QString matchNote; // how X was matched when not exactly ("took “artst-lookup” to mean artist-lookup")
    MatchKind match = MatchKind::None;
    std::optional<Answer> answer;
    QList<EntitySummary> items;
    QList<NameCandidate> candidates;
    QList<SearchHit> hits;
    QList<CatalogChange> changes; // what-changed: the sync runs' entity lines, newest first
    QDate changesSince; // what-changed: the first day asked about

    static QString outcomeId(AskOutcome outcome);
    static QString focusId(AnswerFocus focus);
};

// Turns a question into an answer: parse it, find X, build the answer, say it in one line.
class AskEngine
{
    Q_DECLARE_TR_FUNCTIONS(AskEngine)

public:
    explicit AskEngine(const CatalogLookup &lookup, AnswerOptions options = {});

    // The longest question read, in characters: every word of a question becomes part of a
    // query over the catalog, so a pasted page would cost time and memory in proportion to
    // its length times the catalog's size. Longer ones are refused (InvalidInput).
    static constexpr int MaxQuestionLength = 500;

    Result<AskResult> ask(QStringView question) const;
    Result<AskResult> ask(const ParsedQuestion &question) const;

    int searchLimit = 10;

private:
    Result<AskResult> answerAbout(AskResult result, const EntityRecord &record) const;
    Result<AskResult> whatChanged(AskResult result) const;
    Result<AskResult> fallBackToSearch(AskResult result, const QString &text) const;
    // A project's owner, its team and the team's members, its contributors, once each.
    Result<QList<EntitySummary>> projectPeople(const Answer &a) const;
    // Who is on call for X (its cairn.dev/on-call annotation), added to `people`, and the
    // headline that says so with its on-call links.
    Result<QString> onCallHeadline(
        const QString &x, const EntityRecord &record, const Answer &a, QList<EntitySummary> &people) const;

    const CatalogLookup &m_lookup;
    AnswerEngine m_engine;
    NameMatcher m_matcher;
};

} // namespace cairn::core
