// SPDX-License-Identifier: GPL-3.0-or-later
// The format checks of EntityFormat are written by hand for speed; they must give the
// same verdict as the Backstage patterns they replaced. The regular-expression versions
// are kept here as the reference, verbatim, and both run over every short string of a
// tricky alphabet and over lengths around each limit.
#include "core/EntityFormat.h"

#include <QRegularExpression>
#include <QTest>

using namespace cairn::core;

namespace reference {

constexpr qsizetype MaxNameLength = 63;

bool matches(QStringView text, const QRegularExpression &pattern)
{
    return pattern.match(text).hasMatch();
}

bool isValidNamespace(QStringView ns)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]+(?:-+[a-z0-9]+)*$"));
    return !ns.isEmpty() && ns.size() <= MaxNameLength && matches(ns, pattern);
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

bool isValidEntityName(QStringView name)
{
    static const QRegularExpression pattern(QStringLiteral("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$"));
    return !name.isEmpty() && name.size() <= MaxNameLength && matches(name, pattern);
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

} // namespace reference

namespace {

// Every string of up to three characters over an alphabet holding each class the patterns
// tell apart, with both ends of each letter range, plus the characters that border them.
QStringList shortStrings()
{
    const QString alphabet = QStringLiteral("azAZ09-_.:+#/ \n\r\tǅé٣") + QChar(0xd800) // a lone high surrogate
        + QChar(u'`') + QChar(u'{') + QChar(u'@') + QChar(u'[');
    QStringList out = { QString() };
    QStringList previous = { QString() };
    for (int length = 1; length <= 3; ++length) {
        QStringList next;
        for (const QString &prefix : std::as_const(previous)) {
            for (const QChar c : alphabet)
                next.append(prefix + c);
        }
        out += next;
        previous = next;
    }
    return out;
}

// Lengths around each limit (63 for names, 253 for a DNS prefix), with and without a
// final newline, a leading or trailing '-', and labels of each length in a prefix.
QStringList boundaryStrings()
{
    QStringList out;
    for (const qsizetype n : { 1, 2, 61, 62, 63, 64, 65 }) {
        const QString run(n, u'a');
        out << run << run + u'\n' << run + QStringLiteral("\n\n") << u'-' + run << run + u'-' << run.first(n - 1) + u'.'
            << QStringLiteral("a-") + run << QStringLiteral("a--") + run
            << QStringLiteral("a.") + run + QStringLiteral("/v1") << run + QStringLiteral(".io/") + run
            << QString(n, u'-') << QString(n, u'9') << QStringLiteral("ex.com/") + run + u'\n';
    }
    for (const qsizetype n : { 251, 252, 253, 254 }) {
        QString dns;
        while (dns.size() < n)
            dns += QStringLiteral("abc.");
        dns.truncate(n);
        if (dns.endsWith(u'.'))
            dns.back() = u'x';
        out << dns + QStringLiteral("/v1") << dns + QStringLiteral("/name") << dns + QStringLiteral("\n/v1");
    }
    out << QStringLiteral("backstage.io/v1alpha1") << QStringLiteral("backstage.io/managed-by-location")
        << QStringLiteral("cairn.dev/v1") << QStringLiteral("a/b/c") << QStringLiteral("/") << QStringLiteral("//")
        << QStringLiteral("a\n/b") << QStringLiteral("a/b\n") << QStringLiteral("a.\n/b") << QStringLiteral("tier-1")
        << QStringLiteral("c++") << QStringLiteral("c#-lang") << QStringLiteral("a--b") << QStringLiteral("a-\n")
        << QStringLiteral("\n") << QStringLiteral("a\nb") << QStringLiteral("café") << QStringLiteral("Straße")
        << QStringLiteral("janelle.dawe_2") << QStringLiteral("team--a1") << QStringLiteral("123")
        << QStringLiteral("a b") << QStringLiteral(" a") << QStringLiteral("a ") << QStringLiteral("\U0001F600")
        << QStringLiteral("a\U0001F600b");
    return out;
}

struct Check
{
    const char *name;
    bool (*actual)(QStringView);
    bool (*expected)(QStringView);
};

const Check checks[] = {
    { "isValidEntityName", isValidEntityName, reference::isValidEntityName },
    { "isValidNamespace", isValidNamespace, reference::isValidNamespace },
    { "isValidKind", isValidKind, reference::isValidKind },
    { "isValidTag", isValidTag, reference::isValidTag },
    { "isValidApiVersion", isValidApiVersion, reference::isValidApiVersion },
    { "isValidLabelKey", isValidLabelKey, reference::isValidLabelKey },
    { "isValidLabelValue", isValidLabelValue, reference::isValidLabelValue },
};

void compareAll(const QStringList &texts)
{
    for (const Check &check : checks) {
        for (const QString &text : texts) {
            if (check.actual(text) != check.expected(text))
                QFAIL(qPrintable(QStringLiteral("%1 differs from its pattern for \"%2\" (%3 chars): %4")
                                     .arg(QLatin1StringView(check.name), text)
                                     .arg(text.size())
                                     .arg(check.expected(text) ? QStringLiteral("pattern accepts")
                                                               : QStringLiteral("pattern rejects"))));
        }
    }
}

} // namespace

class TestEntityFormatEquivalence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortStringsGetThePatternsVerdict() { compareAll(shortStrings()); }
    void boundariesGetThePatternsVerdict() { compareAll(boundaryStrings()); }

    // Guards the generated table itself: it reaches both verdicts of every check.
    void tableHoldsValidAndInvalidTexts()
    {
        const QStringList texts = shortStrings() + boundaryStrings();
        for (const Check &check : checks) {
            const auto valid = std::count_if(texts.begin(), texts.end(), check.expected);
            QVERIFY2(valid > 0 && valid < texts.size(), check.name);
        }
    }
};

QTEST_GUILESS_MAIN(TestEntityFormatEquivalence)
#include "tst_entityformatequivalence.moc"
