// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/NameMatcher.h"

#include <QSet>

#include <algorithm>
#include <vector>

namespace cairn::core {

namespace {

enum Tier { ExactTier = 0, PrefixTier = 1, TypoTier = 2, NoTier = 3 };

struct Scored
{
    NameCandidate candidate;
    int tier = NoTier;
};

bool isSeparator(QChar c)
{
    return c.isSpace() || c == u'-' || c == u'_' || c == u'.' || c == u'/' || c == u':';
}

Scored score(const EntityRecord &record, const QString &needle)
{
    Scored best;
    best.candidate.record = record;
    const Entity &e = record.entity;
    const std::pair<QString, QString> names[] = {
        { QStringLiteral("name"), e.name() },
        { QStringLiteral("title"), e.title() },
        { QStringLiteral("displayName"), e.displayName() },
    };
    const int bound = NameMatcher::typoBound(needle.size());
    for (const auto &[field, value] : names) {
        const QString norm = NameMatcher::normalize(value);
        if (norm.isEmpty())
            continue;
        int tier = NoTier;
        int d = 0;
        if (norm == needle) {
            tier = ExactTier;
        } else if (norm.startsWith(needle)) {
            tier = PrefixTier;
        } else if (bound > 0) {
            d = NameMatcher::distance(needle, norm, bound);
            if (d <= bound)
                tier = TypoTier;
        }
        if (tier < best.tier || (tier == best.tier && tier == TypoTier && d < best.candidate.distance)) {
            best.tier = tier;
            best.candidate.matchedOn = field;
            best.candidate.distance = tier == TypoTier ? d : 0;
        }
    }
    return best;
}

} // namespace

QString NameMatch::kindId(MatchKind kind)
{
    switch (kind) {
    case MatchKind::Exact:
        return QStringLiteral("exact");
    case MatchKind::Prefix:
        return QStringLiteral("prefix");
    case MatchKind::Typo:
        return QStringLiteral("typo");
    case MatchKind::Ambiguous:
        return QStringLiteral("ambiguous");
    case MatchKind::None:
        break;
    }
    return QStringLiteral("none");
}

NameMatcher::NameMatcher(const CatalogLookup &lookup, int candidateLimit)
    : m_lookup(lookup)
    , m_candidateLimit(candidateLimit)
{ }

QChar NameMatcher::foldChar(QChar c)
{
    if (c.unicode() < 0x80)
        return c.toLower();
    const QString decomposed = QString(c).normalized(QString::NormalizationForm_D);
    return decomposed.isEmpty() ? c : decomposed.at(0).toCaseFolded();
}

QString NameMatcher::normalize(QStringView text)
{
    // Plain ASCII, as most names are, comes back from normalized() as it is, unconverted.
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    bool pendingSpace = false;
    for (const QChar c : decomposed) {
        const QChar::Category cat = c.category();
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining || cat == QChar::Mark_Enclosing)
            continue;
        if (isSeparator(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) {
            out.append(u' ');
            pendingSpace = false;
        }
        out.append(c.toCaseFolded());
    }
    return out;
}

int NameMatcher::typoBound(qsizetype length)
{
    if (length <= 3)
        return 0;
    if (length <= 7)
        return 1;
    if (length <= 15)
        return 2;
    return 3;
}

int NameMatcher::distance(QStringView a, QStringView b, int bound)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    if (std::abs(n - m) > bound)
        return bound + 1;
    // Three rows are enough for the transposition rule.
    std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (qsizetype j = 0; j <= m; ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        cur[0] = int(i);
        int rowMin = cur[0];
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = std::min({ prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost });
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            rowMin = std::min(rowMin, v);
        }
        if (rowMin > bound)
            return bound + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[m], bound + 1);
}

Result<NameMatch> NameMatcher::match(QStringView text, const QStringList &preferredKinds) const
{
    NameMatch result;
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return result;

    // A written ref is taken at its word, live or removed.
    if (trimmed.contains(u':')) {
        Result<EntityRef> ref = EntityRef::parse(trimmed);
        if (ref) {
            Result<std::optional<EntityRecord>> found = m_lookup.find(ref.value());
            if (!found)
                return found.error();
            if (found.value()) {
                result.kind = MatchKind::Exact;
                result.candidates.append(NameCandidate { *found.value(), QStringLiteral("ref"), 0 });
                return result;
            }
        }
    }

    const QString needle = normalize(trimmed);
    Result<QList<EntityRecord>> records = m_lookup.nameCandidates(trimmed, m_candidateLimit);
    if (!records)
        return records.error();

    QList<Scored> scored;
    QSet<EntityRef> seen;
    int bestTier = NoTier;
    int bestDistance = 1 << 20;
    for (const EntityRecord &record : std::as_const(records.value())) {
        const EntityRef ref = record.entity.ref();
        if (seen.contains(ref))
            continue;
        seen.insert(ref);
        Scored s = score(record, needle);
        if (s.tier == NoTier)
            continue;
        if (s.tier < bestTier || (s.tier == bestTier && s.candidate.distance < bestDistance)) {
            bestTier = s.tier;
            bestDistance = s.candidate.distance;
        }
        scored.append(std::move(s));
    }
    if (bestTier == NoTier)
        return result;

    QList<NameCandidate> best;
    for (Scored &s : scored) {
        if (s.tier == bestTier && s.candidate.distance == bestDistance)
            best.append(std::move(s.candidate));
    }
    // Narrow ties: live before removed, then the kinds the question implies.
    const auto narrow = [&best](auto &&keep) {
        QList<NameCandidate> kept;
        for (const NameCandidate &c : std::as_const(best)) {
            if (keep(c))
                kept.append(c);
        }
        if (!kept.isEmpty())
            best = std::move(kept);
    };
    if (best.size() > 1)
        narrow([](const NameCandidate &c) { return !c.record.isRemoved(); });
    if (best.size() > 1 && !preferredKinds.isEmpty())
        narrow([&](const NameCandidate &c) { return preferredKinds.contains(c.record.entity.kind().toLower()); });

    std::sort(best.begin(), best.end(),
        [](const NameCandidate &a, const NameCandidate &b) { return a.record.entity.ref() < b.record.entity.ref(); });
    result.candidates = std::move(best);
    if (result.candidates.size() > 1)
        result.kind = MatchKind::Ambiguous;
    else
        result.kind = bestTier == ExactTier ? MatchKind::Exact
            : bestTier == PrefixTier        ? MatchKind::Prefix
                                            : MatchKind::Typo;
    return result;
}

} // namespace cairn::core
