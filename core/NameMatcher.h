// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/CatalogLookup.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace cairn::core {

enum class MatchKind {
    None, // nothing close enough
    Exact, // the ref, or a name/title equal once normalized
    Prefix, // the only name/title starting with the text
    Typo, // the only closest name/title within the typo bound
    Ambiguous, // several equally good matches: the candidates are listed, none is chosen
};

struct NameCandidate
{
    EntityRecord record;
    QString matchedOn; // "ref", "name", "title" or "displayName"
    int distance = 0; // edit distance for typo matches, else 0
};

struct NameMatch
{
    MatchKind kind = MatchKind::None;
    // Exact, Prefix, Typo: the match first. Ambiguous: every equally good candidate.
    QList<NameCandidate> candidates;

    bool isMatch() const { return kind == MatchKind::Exact || kind == MatchKind::Prefix || kind == MatchKind::Typo; }
    static QString kindId(MatchKind kind);
};

// Finds what a person means by "X": a ref, a name or a title, compared case- and
// accent-insensitively with some tolerance for typos. It never guesses between equally
// good candidates: the answer to an ambiguous name is the list of candidates.
class NameMatcher
{
public:
    explicit NameMatcher(const CatalogLookup &lookup, int candidateLimit = 50);

    // `preferredKinds` (lower-case) breaks ties: "members of X" prefers a group to a
    // component of the same name. Live entities are preferred to tombstoned ones.
    Result<NameMatch> match(QStringView text, const QStringList &preferredKinds = {}) const;

    // The comparison form of a name or title: NFD, combining marks dropped, case-folded,
    // separators (- _ . / :) and runs of spaces as one space, trimmed. The SQLite cache
    // stores this form in an indexed column, so it must stay stable.
    static QString normalize(QStringView text);
    // One character folded the same way (lower-case, accents dropped), same length, so a
    // question can be matched folded and its words cut from the original.
    static QChar foldChar(QChar c);

    // Optimal-string-alignment Damerau-Levenshtein distance; returns bound + 1 as soon as
    // the distance is known to exceed `bound` (cheap rejection of far candidates).
    static int distance(QStringView a, QStringView b, int bound);
    // Typos tolerated for a text of this length: 0 up to 3 characters, 1 up to 7, 2 up to
    // 15, then 3; short words have too many neighbours to guess.
    static int typoBound(qsizetype length);

private:
    const CatalogLookup &m_lookup;
    int m_candidateLimit;
};

} // namespace cairn::core
