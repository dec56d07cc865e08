// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ScorecardEvaluator.h"

#include "core/EntityRef.h"
#include "core/LinkClassifier.h"
#include "core/ScorecardJson.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace cairn::core {

namespace {

constexpr QStringView DefaultOnCall = u"cairn.dev/on-call";
constexpr QStringView Deprecated = u"deprecated";

bool containsNoCase(const QStringList &list, const QString &value)
{
    return list.contains(value, Qt::CaseInsensitive);
}

bool matchesAnnotations(const QStringList &wanted, const HealthSubject &entity)
{
    for (const QString &want : wanted) {
        const qsizetype eq = want.indexOf(u'=');
        const QString key = (eq < 0 ? want : want.left(eq)).trimmed();
        const QString value = entity.annotation(key);
        if (value.trimmed().isEmpty())
            return false;
        if (eq >= 0 && value.trimmed().compare(want.mid(eq + 1).trimmed(), Qt::CaseInsensitive) != 0)
            return false;
    }
    return true;
}

bool matchesOwners(const QStringList &owners, const HealthSubject &entity)
{
    const EntityRef owner = entity.owner();
    if (owner.isNull())
        return false;
    for (const QString &text : owners) {
        Result<EntityRef> wanted = EntityRef::parseInField(text, u"owner", u"component", entity.ns);
        if (wanted && *wanted == owner)
            return true;
    }
    return false;
}

// A plain decimal ("87", "-2", "99.95") of at most 15 digits, read without Qt's general
// conversion, which costs more than the rest of its criterion and runs for several
// annotations of every component in a recompute. Its digits make an integer below 2^53 and
// its decimals a power of ten up to 10^15, both exact as doubles, so one division, which
// IEEE rounds correctly, gives the double nearest the text, as toDouble does (Clinger's
// fast path). nullopt for any other form.
std::optional<double> plainDecimal(QStringView text)
{
    constexpr std::array<double, 16> PowersOfTen { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15 };
    qsizetype i = 0;
    const bool negative = text.startsWith(u'-');
    if (negative || text.startsWith(u'+'))
        ++i;
    qint64 digits = 0;
    int count = 0;
    int decimals = -1; // none until the point
    for (; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'.' && decimals < 0) {
            decimals = 0;
            continue;
        }
        if (c < u'0' || c > u'9' || ++count > 15)
            return std::nullopt;
        digits = digits * 10 + (c - u'0');
        if (decimals >= 0)
            ++decimals;
    }
    if (count == 0 || decimals == 0) // no digit, or none after the point
        return std::nullopt;
    const double value = double(digits) / PowersOfTen.at(std::max(decimals, 0));
    return negative ? -value : value;
}

std::optional<double> numberIn(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (const std::optional<double> plain = plainDecimal(trimmed))
        return plain;
    bool ok = false;
    const double value = trimmed.toDouble(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

QString numberText(double value)
{
    // A whole number of fewer than 12 digits reads the same either way, and is written
    // several times per component in a recompute: without the general double formatting.
    constexpr double Digits12 = 1e12;
    if (!std::signbit(value) && value < Digits12 && value == std::floor(value))
        return QString::number(qint64(value));
    return QString::number(value, 'g', 12);
}

Evidence found(QString fact, QString seen)
{
    return Evidence { std::move(fact), Finding::Found, std::move(seen), {} };
}

Evidence missing(QString fact)
{
    return Evidence { std::move(fact), Finding::Missing, {}, {} };
}

// QStringLiteral: a copy of one is free (its text is static), and every criterion of a
// recompute writes one.
const std::array<std::pair<Finding, QString>, 11> &findingIds()
{
    static const std::array<std::pair<Finding, QString>, 11> ids { {
        { Finding::Found, QStringLiteral("found") },
        { Finding::Missing, QStringLiteral("missing") },
        { Finding::Unresolved, QStringLiteral("unresolved") },
        { Finding::Deprecated, QStringLiteral("deprecated") },
        { Finding::DependencyMissing, QStringLiteral("dependency-missing") },
        { Finding::NotANumber, QStringLiteral("not-a-number") },
        { Finding::TooLow, QStringLiteral("too-low") },
        { Finding::TooHigh, QStringLiteral("too-high") },
        { Finding::TooOld, QStringLiteral("too-old") },
        { Finding::InFuture, QStringLiteral("in-future") },
        { Finding::Different, QStringLiteral("different") },
    } };
    return ids;
}

} // namespace

ScorecardEvaluator::ScorecardEvaluator(QDate today, FactNames names)
    : m_today(today)
    , m_names(names)
{ }

bool ScorecardEvaluator::applies(const Scorecard &scorecard, const HealthSubject &entity)
{
    const ScorecardFilter &f = scorecard.appliesTo;
    if (!f.kinds.isEmpty() && !containsNoCase(f.kinds, entity.kind))
        return false;
    if (!f.types.isEmpty() && !containsNoCase(f.types, entity.type))
        return false;
    if (!f.lifecycles.isEmpty() && !containsNoCase(f.lifecycles, entity.lifecycle))
        return false;
    if (!f.owners.isEmpty() && !matchesOwners(f.owners, entity))
        return false;
    if (!f.tags.isEmpty()) {
        const QStringList &tags = entity.tags;
        const bool any = std::any_of(
            f.tags.cbegin(), f.tags.cend(), [&tags](const QString &tag) { return containsNoCase(tags, tag); });
        if (!any)
            return false;
    }
    return f.annotations.isEmpty() || matchesAnnotations(f.annotations, entity);
}

ScorecardResult ScorecardEvaluator::evaluate(
    const Scorecard &scorecard, const HealthSubject &entity, const HealthFacts &facts, QStringList *reads) const
{
    ScorecardResult result;
    result.scorecardId = scorecard.id;
    result.scorecardName = scorecard.name;
    result.criteria.reserve(scorecard.criteria.size());
    int total = 0;
    int passed = 0;
    std::optional<QList<LinkGroup>> links; // classified once, for the criteria that ask
    for (const Criterion &criterion : scorecard.criteria) {
        CriterionResult r = check(criterion, entity, facts, reads, links);
        total += criterion.weight;
        if (r.passed)
            passed += criterion.weight;
        result.criteria.append(std::move(r));
    }
    // Weights add up to 100 in a valid scorecard (ScorecardReader refuses others); the
    // division keeps a hand-built one in range all the same.
    result.score = total > 0 ? int(qRound(100.0 * passed / total)) : 100;
    if (passed < total && result.score == 100)
        result.score = 99; // "passing" means every criterion passed
    result.band = bandFor(result.score);
    result.level = levelFor(result.score, scorecard.levels);
    return result;
}

CriterionResult ScorecardEvaluator::check(const Criterion &criterion, const HealthSubject &entity,
    const HealthFacts &facts, QStringList *reads, std::optional<QList<LinkGroup>> &links) const
{
    CriterionResult r;
    r.criterionId = criterion.id;
    r.criterionName = criterion.name;
    r.weight = criterion.weight;
    Evidence &e = r.evidence;
    const QString fact = m_names == FactNames::Named ? ScorecardJson::factOf(criterion) : QString();

    switch (criterion.type) {
    case CriterionType::OwnerResolves: {
        const QString written = entity.ownerText.trimmed();
        if (written.isEmpty()) {
            e = missing(fact);
            break;
        }
        const EntityRef owner = entity.owner();
        if (owner.isNull()) {
            e = Evidence { fact, Finding::Unresolved, written, {} };
            break;
        }
        if (reads)
            reads->append(owner.key());
        const bool resolves = facts.live(owner.key()).has_value();
        e = Evidence { fact, resolves ? Finding::Found : Finding::Unresolved, owner.toString(), {} };
        r.passed = resolves;
        break;
    }
    case CriterionType::HasDescription: {
        const QString description = entity.description.trimmed();
        // The start of it, on one line: enough to recognise it as the one written (and no
        // copy of a description of megabytes).
        QString start = description.left(240).simplified();
        if (start.size() > 60)
            start = start.left(59) + u'\u2026';
        e = description.isEmpty() ? missing(fact) : found(fact, start);
        r.passed = !description.isEmpty();
        break;
    }
    case CriterionType::HasLink: {
        e = missing(fact);
        if (!links)
            links = LinkClassifier::group(entity);
        for (const LinkGroup &group : std::as_const(*links)) {
            if (group.category == criterion.link && !group.links.isEmpty()) {
                e = found(fact, group.links.constFirst().url);
                r.passed = true;
            }
        }
        break;
    }
    case CriterionType::OnCallResolves: {
        const QString key = criterion.annotation.isEmpty() ? DefaultOnCall.toString() : criterion.annotation;
        const QString written = entity.annotation(key).trimmed();
        if (written.isEmpty()) {
            e = missing(fact);
            break;
        }
        Result<EntityRef> ref = EntityRef::parse(written, EntityRef::Context { QStringLiteral("user"), entity.ns });
        if (!ref) {
            e = Evidence { fact, Finding::Unresolved, written, {} };
            break;
        }
        if (reads)
            reads->append(ref->key());
        const std::optional<HealthFacts::Other> other = facts.live(ref->key());
        r.passed = other && (other->kind == u"user" || other->kind == u"group");
        e = Evidence { fact, r.passed ? Finding::Found : Finding::Unresolved, ref->toString(), {} };
        break;
    }
    case CriterionType::LifecycleActive: {
        const QString lifecycle = entity.lifecycle.trimmed();
        if (lifecycle.isEmpty())
            e = missing(fact);
        else if (lifecycle.compare(Deprecated, Qt::CaseInsensitive) == 0)
            e = Evidence { fact, Finding::Deprecated, lifecycle, {} };
        else
            e = found(fact, lifecycle);
        r.passed = e.finding == Finding::Found;
        break;
    }
    case CriterionType::DependenciesHealthy: {
        const QStringList deps = facts.dependencies(entity);
        QStringList absent;
        QStringList deprecated;
        for (const QString &key : deps) {
            const std::optional<HealthFacts::Other> other = facts.live(key);
            if (!other)
                absent.append(key);
            else if (other->lifecycle.compare(Deprecated, Qt::CaseInsensitive) == 0)
                deprecated.append(key);
        }
        // Absent ones first: a dependency that is gone is the worse news.
        if (!absent.isEmpty())
            e = Evidence { fact, Finding::DependencyMissing, absent.join(u", "), {} };
        else if (!deprecated.isEmpty())
            e = Evidence { fact, Finding::Deprecated, deprecated.join(u", "), {} };
        else
            e = found(fact, QString::number(deps.size()));
        r.passed = e.finding == Finding::Found;
        break;
    }
    case CriterionType::Annotation:
        e = annotationEvidence(criterion, entity, fact);
        r.passed = e.finding == Finding::Found;
        break;
    }
    return r;
}

Evidence ScorecardEvaluator::annotationEvidence(
    const Criterion &criterion, const HealthSubject &entity, const QString &fact) const
{
    const QString value = entity.annotation(criterion.annotation).trimmed();
    if (value.isEmpty())
        return missing(fact);
    switch (criterion.check) {
    case AnnotationCheck::Present:
        return found(fact, value);
    case AnnotationCheck::Equals:
        if (value.compare(criterion.value.trimmed(), Qt::CaseInsensitive) == 0)
            return found(fact, value);
        return Evidence { fact, Finding::Different, value, criterion.value };
    case AnnotationCheck::AtLeast:
    case AnnotationCheck::AtMost: {
        const std::optional<double> number = numberIn(value);
        if (!number)
            return Evidence { fact, Finding::NotANumber, value, numberText(criterion.number) };
        if (criterion.check == AnnotationCheck::AtLeast && *number < criterion.number)
            return Evidence { fact, Finding::TooLow, value, numberText(criterion.number) };
        if (criterion.check == AnnotationCheck::AtMost && *number > criterion.number)
            return Evidence { fact, Finding::TooHigh, value, numberText(criterion.number) };
        return Evidence { fact, Finding::Found, value, numberText(criterion.number) };
    }
    case AnnotationCheck::AgeAtMostDays: {
        // A date, or a date-time whose date part is taken: deploy tools write either.
        const QDate date = QDate::fromString(value.left(10), Qt::ISODate);
        if (!date.isValid())
            return Evidence { fact, Finding::NotANumber, value, numberText(criterion.number) };
        const qint64 age = date.daysTo(m_today);
        if (age < 0)
            return Evidence { fact, Finding::InFuture, value, m_today.toString(Qt::ISODate) };
        if (double(age) > criterion.number)
            return Evidence { fact, Finding::TooOld, value, numberText(criterion.number) };
        return Evidence { fact, Finding::Found, value, numberText(criterion.number) };
    }
    }
    return missing(fact);
}

HealthBand ScorecardEvaluator::bandFor(int score)
{
    if (score < 50)
        return HealthBand::Failing;
    return score < 100 ? HealthBand::NeedsAttention : HealthBand::Passing;
}

MaturityLevel ScorecardEvaluator::levelFor(int score, const MaturityThresholds &thresholds)
{
    if (score >= thresholds.gold)
        return MaturityLevel::Gold;
    if (score >= thresholds.silver)
        return MaturityLevel::Silver;
    if (score >= thresholds.bronze)
        return MaturityLevel::Bronze;
    return MaturityLevel::None;
}

QString ScorecardEvaluator::bandId(HealthBand band)
{
    switch (band) {
    case HealthBand::Failing:
        return QStringLiteral("failing");
    case HealthBand::NeedsAttention:
        return QStringLiteral("needs-attention");
    case HealthBand::Passing:
        return QStringLiteral("passing");
    }
    return {};
}

QString ScorecardEvaluator::levelId(MaturityLevel level)
{
    switch (level) {
    case MaturityLevel::None:
        return QStringLiteral("none");
    case MaturityLevel::Bronze:
        return QStringLiteral("bronze");
    case MaturityLevel::Silver:
        return QStringLiteral("silver");
    case MaturityLevel::Gold:
        return QStringLiteral("gold");
    }
    return {};
}

std::optional<HealthBand> ScorecardEvaluator::bandFromId(QStringView id)
{
    for (HealthBand band : { HealthBand::Failing, HealthBand::NeedsAttention, HealthBand::Passing })
        if (id.compare(bandId(band), Qt::CaseInsensitive) == 0)
            return band;
    return std::nullopt;
}

std::optional<MaturityLevel> ScorecardEvaluator::levelFromId(QStringView id)
{
    for (MaturityLevel level :
        { MaturityLevel::None, MaturityLevel::Bronze, MaturityLevel::Silver, MaturityLevel::Gold })
        if (id.compare(levelId(level), Qt::CaseInsensitive) == 0)
            return level;
    return std::nullopt;
}

QString ScorecardEvaluator::findingId(Finding finding)
{
    for (const auto &[f, id] : findingIds())
        if (f == finding)
            return id;
    return {};
}

std::optional<Finding> ScorecardEvaluator::findingFromId(QStringView id)
{
    for (const auto &[f, text] : findingIds())
        if (text == id)
            return f;
    return std::nullopt;
}

} // namespace cairn::core
