// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EntityRef.h"

#include <QHash>

#include <utility>

namespace cairn::core {

namespace {

Error refError(QStringView text, const QString &problem)
{
    return Error { QStringLiteral("Invalid entity reference \"%1\": %2").arg(text.toString(), problem) };
}

} // namespace

EntityRef::EntityRef(QString kind, QString ns, QString name)
    : m_kind(std::move(kind))
    , m_namespace(std::move(ns))
    , m_name(std::move(name))
    , m_key(QStringLiteral("%1:%2/%3").arg(m_kind, m_namespace, m_name).toLower())
{ }

Result<EntityRef> EntityRef::parse(QStringView text, const Context &context)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return refError(text, QStringLiteral("it is empty"));
    // A space inside a ref is almost always a display name written where a ref belongs
    // ("owner: Team A"); it would never resolve, so say so instead of storing it.
    for (const QChar c : trimmed) {
        if (c.isSpace())
            return refError(text,
                QStringLiteral("it contains a space; write kind:namespace/name, "
                               "with the entity's name, not its title"));
    }

    QStringView rest = trimmed;
    QString kind;
    const qsizetype colon = rest.indexOf(u':');
    const qsizetype firstSlash = rest.indexOf(u'/');
    if (colon >= 0 && firstSlash >= 0 && firstSlash < colon)
        return refError(text,
            QStringLiteral("the ':' after the kind must come before the '/'; "
                           "write kind:namespace/name"));
    if (colon >= 0) {
        kind = rest.left(colon).toString();
        rest = rest.mid(colon + 1);
        if (kind.isEmpty())
            return refError(text, QStringLiteral("the kind before ':' is empty"));
        if (rest.contains(u':'))
            return refError(text, QStringLiteral("it has more than one ':'; write kind:namespace/name"));
    } else {
        kind = context.defaultKind;
    }

    QString ns;
    const qsizetype slash = rest.indexOf(u'/');
    if (slash >= 0) {
        ns = rest.left(slash).toString();
        rest = rest.mid(slash + 1);
        if (ns.isEmpty())
            return refError(text, QStringLiteral("the namespace before '/' is empty"));
        if (rest.contains(u'/'))
            return refError(text, QStringLiteral("it has more than one '/'; write kind:namespace/name"));
    } else {
        ns = context.defaultNamespace.isEmpty() ? QStringLiteral("default") : context.defaultNamespace;
    }

    if (rest.isEmpty())
        return refError(text, QStringLiteral("the name is empty"));
    if (kind.isEmpty())
        return refError(text,
            QStringLiteral("it has no kind and none can be assumed here; write it as kind:%1").arg(trimmed.toString()));
    // Backstage's kind pattern, ^[a-zA-Z][a-z0-9A-Z]*$, checked by hand: ASCII only.
    const auto isAsciiLetter = [](QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); };
    const auto isAsciiDigit = [](QChar c) { return c >= u'0' && c <= u'9'; };
    if (!isAsciiLetter(kind.front()))
        return refError(text, QStringLiteral("the kind \"%1\" must start with a letter").arg(kind));
    for (const QChar c : std::as_const(kind)) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c))
            return refError(
                text, QStringLiteral("the kind \"%1\" may only hold letters a-z, A-Z and digits").arg(kind));
    }
    return EntityRef(kind, ns, rest.toString());
}

QString EntityRef::defaultKindForField(QStringView field, QStringView referringKind)
{
    if (field == u"parent")
        return referringKind.compare(u"goal", Qt::CaseInsensitive) == 0 ? QStringLiteral("goal")
                                                                        : QStringLiteral("group");
    static const QHash<QString, QString> kinds = {
        { QStringLiteral("owner"), QStringLiteral("group") },
        { QStringLiteral("team"), QStringLiteral("group") },
        { QStringLiteral("contributors"), QStringLiteral("group") },
        { QStringLiteral("system"), QStringLiteral("system") },
        { QStringLiteral("subcomponentOf"), QStringLiteral("component") },
        { QStringLiteral("components"), QStringLiteral("component") },
        { QStringLiteral("providesApis"), QStringLiteral("api") },
        { QStringLiteral("consumesApis"), QStringLiteral("api") },
        { QStringLiteral("domain"), QStringLiteral("domain") },
        { QStringLiteral("subdomainOf"), QStringLiteral("domain") },
        { QStringLiteral("memberOf"), QStringLiteral("group") },
        { QStringLiteral("children"), QStringLiteral("group") },
        { QStringLiteral("members"), QStringLiteral("user") },
        { QStringLiteral("goals"), QStringLiteral("goal") },
        // Who wrote a project update: a person.
        { QStringLiteral("author"), QStringLiteral("user") },
    };
    return kinds.value(field.toString());
}

Result<EntityRef> EntityRef::parseInField(
    QStringView text, QStringView field, QStringView referringKind, QStringView referringNamespace)
{
    return parse(text,
        Context { defaultKindForField(field, referringKind),
            referringNamespace.isEmpty() ? QStringLiteral("default") : referringNamespace.toString() });
}

bool EntityRef::isKind(QStringView kind) const
{
    return m_kind.compare(kind, Qt::CaseInsensitive) == 0;
}

QString EntityRef::toString() const
{
    return QStringLiteral("%1:%2/%3").arg(m_kind, m_namespace, m_name);
}

} // namespace cairn::core
