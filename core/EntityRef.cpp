// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EntityRef.h"

#include "core/Ascii.h"

#include <utility>

namespace cairn::core {

namespace {

Error refError(QStringView text, const QString &problem)
{
    return Error { QStringLiteral("Invalid entity reference \"%1\": %2").arg(text.toString(), problem) };
}

// A ref's parts as views into the text or the defaults, so that a check allocates nothing
// unless it finds a problem.
struct RefParts
{
    QStringView kind;
    QStringView ns;
    QStringView name;
};

// `defaultNamespace` is never empty: the callers put "default" in for an empty one.
Result<RefParts> splitRef(QStringView text, QStringView defaultKind, QStringView defaultNamespace)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return refError(text, QStringLiteral("it is empty"));
    // One pass finds the separators; the errors are then told in the order a reader
    // would check them.
    qsizetype colon = -1;
    qsizetype slash = -1;
    bool secondColon = false;
    bool secondSlash = false;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (c == u':') {
            secondColon = colon >= 0;
            colon = secondColon ? colon : i;
        } else if (c == u'/') {
            secondSlash = slash >= 0;
            slash = secondSlash ? slash : i;
        } else if (c.isSpace()) {
            // A space inside a ref is almost always a display name written where a ref
            // belongs ("owner: Team A"); it would never resolve, so say so instead of storing it.
            return refError(text,
                QStringLiteral("it contains a space; write kind:namespace/name, "
                               "with the entity's name, not its title"));
        }
    }

    if (colon >= 0 && slash >= 0 && slash < colon)
        return refError(text,
            QStringLiteral("the ':' after the kind must come before the '/'; "
                           "write kind:namespace/name"));
    RefParts parts { defaultKind, defaultNamespace, {} };
    QStringView rest = trimmed;
    if (colon >= 0) {
        parts.kind = trimmed.first(colon);
        if (parts.kind.isEmpty())
            return refError(text, QStringLiteral("the kind before ':' is empty"));
        if (secondColon)
            return refError(text, QStringLiteral("it has more than one ':'; write kind:namespace/name"));
        rest = trimmed.sliced(colon + 1);
    }
    // Past the checks above, every '/' comes after the ':'.
    if (slash >= 0) {
        parts.ns = trimmed.sliced(colon + 1, slash - colon - 1);
        if (parts.ns.isEmpty())
            return refError(text, QStringLiteral("the namespace before '/' is empty"));
        if (secondSlash)
            return refError(text, QStringLiteral("it has more than one '/'; write kind:namespace/name"));
        rest = trimmed.sliced(slash + 1);
    }

    if (rest.isEmpty())
        return refError(text, QStringLiteral("the name is empty"));
    parts.name = rest;
    const QStringView kind = parts.kind;
    if (kind.isEmpty())
        return refError(text,
            QStringLiteral("it has no kind and none can be assumed here; write it as kind:%1").arg(trimmed.toString()));
    // Backstage's kind pattern, ^[a-zA-Z][a-z0-9A-Z]*$, checked by hand: ASCII only.
    if (!ascii::isLetter(kind.front()))
        return refError(text, QStringLiteral("the kind \"%1\" must start with a letter").arg(kind));
    for (const QChar c : kind) {
        if (!ascii::isAlnum(c))
            return refError(
                text, QStringLiteral("the kind \"%1\" may only hold letters a-z, A-Z and digits").arg(kind));
    }
    return parts;
}

QStringView namespaceOrDefault(QStringView ns)
{
    return ns.isEmpty() ? QStringView(u"default") : ns;
}

// The kind a bare ref in a spec field defaults to; see EntityRef::defaultKindForField().
QStringView defaultKindOf(QStringView field, QStringView referringKind)
{
    if (field == u"parent")
        return referringKind.compare(u"goal", Qt::CaseInsensitive) == 0 ? QStringView(u"goal") : QStringView(u"group");
    struct FieldKind
    {
        QStringView field;
        QStringView kind;
    };
    static constexpr FieldKind kinds[] = {
        { u"owner", u"group" },
        { u"team", u"group" },
        { u"contributors", u"group" },
        { u"system", u"system" },
        { u"subcomponentOf", u"component" },
        { u"components", u"component" },
        { u"providesApis", u"api" },
        { u"consumesApis", u"api" },
        { u"domain", u"domain" },
        { u"subdomainOf", u"domain" },
        { u"memberOf", u"group" },
        { u"children", u"group" },
        { u"members", u"user" },
        { u"goals", u"goal" },
        // Who wrote a project update: a person.
        { u"author", u"user" },
    };
    for (const FieldKind &entry : kinds) {
        if (entry.field == field)
            return entry.kind;
    }
    return {};
}

EntityRef toRef(const RefParts &parts)
{
    return EntityRef(parts.kind.toString(), parts.ns.toString(), parts.name.toString());
}

} // namespace

EntityRef::EntityRef(QString kind, QString ns, QString name)
    : m_kind(std::move(kind))
    , m_namespace(std::move(ns))
    , m_name(std::move(name))
{
    // Built by hand rather than with arg(): a ref is made for every relation of every entity.
    m_key.reserve(m_kind.size() + m_namespace.size() + m_name.size() + 2);
    m_key.append(m_kind).append(u':').append(m_namespace).append(u'/').append(m_name);
    m_key = std::move(m_key).toLower();
}

Result<EntityRef> EntityRef::parse(QStringView text, const Context &context)
{
    Result<RefParts> parts = splitRef(text, context.defaultKind, namespaceOrDefault(context.defaultNamespace));
    if (!parts)
        return parts.error();
    return toRef(*parts);
}

Status EntityRef::check(QStringView text, const Context &context)
{
    Result<RefParts> parts = splitRef(text, context.defaultKind, namespaceOrDefault(context.defaultNamespace));
    if (!parts)
        return parts.error();
    return {};
}

QString EntityRef::defaultKindForField(QStringView field, QStringView referringKind)
{
    const QStringView kind = defaultKindOf(field, referringKind);
    return kind.isEmpty() ? QString() : kind.toString();
}

Result<EntityRef> EntityRef::parseInField(
    QStringView text, QStringView field, QStringView referringKind, QStringView referringNamespace)
{
    Result<RefParts> parts
        = splitRef(text, defaultKindOf(field, referringKind), namespaceOrDefault(referringNamespace));
    if (!parts)
        return parts.error();
    return toRef(*parts);
}

Status EntityRef::checkInField(
    QStringView text, QStringView field, QStringView referringKind, QStringView referringNamespace)
{
    Result<RefParts> parts
        = splitRef(text, defaultKindOf(field, referringKind), namespaceOrDefault(referringNamespace));
    if (!parts)
        return parts.error();
    return {};
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
