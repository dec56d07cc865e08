// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EntityFormat.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>

namespace cairn::core {

namespace {

constexpr qsizetype MaxNameLength = 63;

bool matches(QStringView text, const QRegularExpression &pattern)
{
    return pattern.match(text).hasMatch();
}

bool isValidDnsSubdomain(QStringView text)
{
    if (text.isEmpty() || text.size() > 253)
        return false;
    const auto labels = text.split(u'.');
    for (const QStringView label : labels) {
        if (!isValidNamespace(label))
            return false;
    }
    return true;
}

// Backstage's "prefix/suffix" shape for apiVersion and label keys: one '/' at most.
template<typename PrefixCheck, typename SuffixCheck>
bool isValidPrefixAndOrSuffix(QStringView text, PrefixCheck prefixOk, SuffixCheck suffixOk)
{
    const auto parts = text.split(u'/');
    if (parts.size() == 1)
        return suffixOk(parts.at(0));
    if (parts.size() == 2)
        return prefixOk(parts.at(0)) && suffixOk(parts.at(1));
    return false;
}

} // namespace

bool isValidEntityName(QStringView name)
{
    static const QRegularExpression pattern(QStringLiteral("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$"));
    return !name.isEmpty() && name.size() <= MaxNameLength && matches(name, pattern);
}

bool isValidNamespace(QStringView ns)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]+(?:-+[a-z0-9]+)*$"));
    return !ns.isEmpty() && ns.size() <= MaxNameLength && matches(ns, pattern);
}

bool isValidKind(QStringView kind)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z][a-z0-9A-Z]*$"));
    return !kind.isEmpty() && kind.size() <= MaxNameLength && matches(kind, pattern);
}

bool isValidTag(QStringView tag)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$"));
    return !tag.isEmpty() && tag.size() <= MaxNameLength && matches(tag, pattern);
}

bool isValidApiVersion(QStringView apiVersion)
{
    static const QRegularExpression versionPattern(QStringLiteral("^[a-z0-9A-Z]+$"));
    return isValidPrefixAndOrSuffix(apiVersion, isValidDnsSubdomain, [](QStringView version) {
        return !version.isEmpty() && version.size() <= MaxNameLength && matches(version, versionPattern);
    });
}

bool isValidLabelKey(QStringView key)
{
    return isValidPrefixAndOrSuffix(key, isValidDnsSubdomain, isValidEntityName);
}

bool isValidLabelValue(QStringView value)
{
    return value.isEmpty() || isValidEntityName(value);
}

bool isValidIsoDate(QStringView text)
{
    const QString trimmed = text.trimmed().toString();
    if (QDate::fromString(trimmed, Qt::ISODate).isValid())
        return true;
    // A date-time must still start with a full date; "2026" alone is not a day.
    return trimmed.size() > 10 && trimmed.at(10) == u'T' && QDateTime::fromString(trimmed, Qt::ISODateWithMs).isValid();
}

QStringList workStatuses()
{
    return { QStringLiteral("pending"), QStringLiteral("on-track"), QStringLiteral("at-risk"),
        QStringLiteral("off-track"), QStringLiteral("paused"), QStringLiteral("done"), QStringLiteral("cancelled") };
}

} // namespace cairn::core
