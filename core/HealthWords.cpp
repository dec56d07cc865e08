// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/HealthWords.h"

#include "core/Words.h"

namespace cairn::core {

namespace {

// "annotation cairn.dev/last-deploy" -> "cairn.dev/last-deploy": the key alone reads
// better in a sentence; other facts ("spec.owner") are already names.
QString factName(const QString &fact)
{
    static const QString annotation = QStringLiteral("annotation ");
    return fact.startsWith(annotation) ? fact.mid(annotation.size()) : fact;
}

} // namespace

QString HealthWords::band(HealthBand band)
{
    switch (band) {
    case HealthBand::Failing:
        return tr("Failing");
    case HealthBand::NeedsAttention:
        return tr("Needs attention");
    case HealthBand::Passing:
        return tr("Passing");
    }
    return {};
}

QString HealthWords::level(MaturityLevel level)
{
    switch (level) {
    case MaturityLevel::None:
        return tr("None", "maturity level");
    case MaturityLevel::Bronze:
        return tr("Bronze");
    case MaturityLevel::Silver:
        return tr("Silver");
    case MaturityLevel::Gold:
        return tr("Gold");
    }
    return {};
}

QString HealthWords::evidence(const Evidence &e)
{
    const QString fact = factName(e.fact);
    if (e.fact.startsWith(u"links: ")) {
        const QString category = e.fact.mid(7);
        return e.finding == Finding::Found
            ? tr("%1 link: %2").arg(category, e.seen)
            : tr("no %1 link, in metadata.links or a well-known annotation").arg(category);
    }
    switch (e.finding) {
    case Finding::Found:
        if (e.fact == u"spec.dependsOn")
            return tr("%n dependencies, all in the catalog and none deprecated", nullptr, e.seen.toInt());
        if (!e.expected.isEmpty())
            return tr("%1 is %2 (limit %3)").arg(fact, e.seen, e.expected);
        return tr("%1 is %2").arg(fact, e.seen);
    case Finding::Missing:
        return tr("%1 is missing").arg(fact);
    case Finding::Unresolved:
        return tr("%1 names %2, which is not in the catalog").arg(fact, e.seen);
    case Finding::Deprecated:
        if (e.fact == u"spec.dependsOn")
            return tr("depends on deprecated %1").arg(e.seen);
        return tr("%1 is %2").arg(fact, e.seen);
    case Finding::DependencyMissing:
        return tr("depends on %1, not in the catalog").arg(e.seen);
    case Finding::NotANumber:
        return tr("%1 is \u201c%2\u201d, which is not a number or date").arg(fact, e.seen);
    case Finding::TooLow:
        return tr("%1 is %2, below the minimum of %3").arg(fact, e.seen, e.expected);
    case Finding::TooHigh:
        return tr("%1 is %2, above the maximum of %3").arg(fact, e.seen, e.expected);
    case Finding::TooOld:
        return tr("%1 is %2, more than %3 days ago").arg(fact, e.seen, e.expected);
    case Finding::InFuture:
        return tr("%1 is %2, after today (%3)").arg(fact, e.seen, e.expected);
    case Finding::Different:
        return tr("%1 is \u201c%2\u201d, not \u201c%3\u201d").arg(fact, e.seen, e.expected);
    }
    return {};
}

QString HealthWords::risk(const QStringList &path)
{
    if (path.size() < 2)
        return {};
    if (path.size() == 2)
        return tr("at risk through %1, which is failing").arg(path.constLast());
    return tr("at risk through %1, which is failing (via %2)")
        .arg(path.constLast(), path.mid(1, path.size() - 2).join(QStringLiteral(" \u2192 ")));
}

} // namespace cairn::core
