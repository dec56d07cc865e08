// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EntityFormat.h"

#include "core/Ascii.h"

#include <QDate>
#include <QDateTime>

#include <algorithm>

namespace cairn::core {

namespace {

constexpr qsizetype MaxNameLength = 63;

// The patterns below are checked by hand: they run for every name, tag, label and
// annotation key of every synced entity, and a regular expression match costs more than
// the whole check. Their character classes are ASCII only (core/Ascii.h), as in
// Backstage's patterns.
//
// The patterns were QRegularExpressions ending in `$`, which (PCRE's default) also
// matches before one final '\n'; what follows the check gets the text without it, so the
// verdicts stay the same.
QStringView withoutFinalNewline(QStringView text)
{
    return text.endsWith(u'\n') ? text.chopped(1) : text;
}

// ^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$
bool matchesNamePattern(QStringView text)
{
    text = withoutFinalNewline(text);
    if (text.isEmpty() || !ascii::isAlnum(text.front()) || !ascii::isAlnum(text.back()))
        return false;
    return std::all_of(
        text.begin(), text.end(), [](QChar c) { return ascii::isAlnum(c) || c == u'-' || c == u'_' || c == u'.'; });
}

// ^[a-z0-9]+(?:-+[a-z0-9]+)*$: runs of '-' only between lower-case letters and digits.
bool matchesNamespacePattern(QStringView text)
{
    text = withoutFinalNewline(text);
    if (text.isEmpty() || !ascii::isLowerAlnum(text.front()) || !ascii::isLowerAlnum(text.back()))
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) { return ascii::isLowerAlnum(c) || c == u'-'; });
}

// ^[a-zA-Z][a-z0-9A-Z]*$
bool matchesKindPattern(QStringView text)
{
    text = withoutFinalNewline(text);
    return !text.isEmpty() && ascii::isLetter(text.front()) && std::all_of(text.begin(), text.end(), ascii::isAlnum);
}

// ^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$: single '-' only between the other characters.
bool matchesTagPattern(QStringView text)
{
    text = withoutFinalNewline(text);
    const auto isTagChar = [](QChar c) { return ascii::isLowerAlnum(c) || c == u':' || c == u'+' || c == u'#'; };
    if (text.isEmpty() || !isTagChar(text.front()) || !isTagChar(text.back()))
        return false;
    for (qsizetype i = 1; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!isTagChar(c) && (c != u'-' || text.at(i - 1) == u'-'))
            return false;
    }
    return true;
}

// ^[a-z0-9A-Z]+$
bool matchesVersionPattern(QStringView text)
{
    text = withoutFinalNewline(text);
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), ascii::isAlnum);
}

bool isValidDnsSubdomain(QStringView text)
{
    if (text.isEmpty() || text.size() > 253)
        return false;
    // Every '.'-separated label, empty ones included, must be a valid namespace.
    qsizetype from = 0;
    while (true) {
        const qsizetype dot = text.indexOf(u'.', from);
        if (!isValidNamespace(text.sliced(from, (dot < 0 ? text.size() : dot) - from)))
            return false;
        if (dot < 0)
            return true;
        from = dot + 1;
    }
}

// Backstage's "prefix/suffix" shape for apiVersion and label keys: one '/' at most.
template<typename PrefixCheck, typename SuffixCheck>
bool isValidPrefixAndOrSuffix(QStringView text, PrefixCheck prefixOk, SuffixCheck suffixOk)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0)
        return suffixOk(text);
    const QStringView suffix = text.sliced(slash + 1);
    return !suffix.contains(u'/') && prefixOk(text.first(slash)) && suffixOk(suffix);
}

} // namespace

bool isValidEntityName(QStringView name)
{
    return !name.isEmpty() && name.size() <= MaxNameLength && matchesNamePattern(name);
}

bool isValidNamespace(QStringView ns)
{
    return !ns.isEmpty() && ns.size() <= MaxNameLength && matchesNamespacePattern(ns);
}

bool isValidKind(QStringView kind)
{
    return !kind.isEmpty() && kind.size() <= MaxNameLength && matchesKindPattern(kind);
}

bool isValidTag(QStringView tag)
{
    return !tag.isEmpty() && tag.size() <= MaxNameLength && matchesTagPattern(tag);
}

bool isValidApiVersion(QStringView apiVersion)
{
    return isValidPrefixAndOrSuffix(apiVersion, isValidDnsSubdomain, [](QStringView version) {
        return !version.isEmpty() && version.size() <= MaxNameLength && matchesVersionPattern(version);
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
