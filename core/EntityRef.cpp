// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EntityRef.h"

#include <algorithm>
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

// Splits a ref as Backstage's parseEntityRef does, so that Cairn keeps every entity a
// Backstage catalog keeps: the kind is what comes before the first ':' (when that ':' comes
// before the first '/'), the namespace what comes between it and the first '/', and the
// name all the rest, ':' and '/' included ("component:default/foo:bar" names "foo:bar").
// Only a missing part is an error; a name no entity can have ("Team A", "a/b") parses, and
// is then reported as unresolved, as Backstage shows it. `defaultNamespace` is never empty:
// the callers put "default" in for an empty one.
Result<RefParts> splitRef(QStringView text, QStringView defaultKind, QStringView defaultNamespace)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return refError(text, QStringLiteral("it is empty"));
    qsizetype colon = trimmed.indexOf(u':');
    const qsizetype slash = trimmed.indexOf(u'/');
    if (slash >= 0 && slash < colon)
        colon = -1; // "default/component:x": the ':' is part of the name
    RefParts parts { defaultKind, defaultNamespace, {} };
    if (colon >= 0) {
        parts.kind = trimmed.first(colon);
        if (parts.kind.isEmpty())
            return refError(text, QStringLiteral("the kind before ':' is empty"));
    }
    if (slash >= 0) {
        parts.ns = trimmed.sliced(colon + 1, slash - colon - 1);
        if (parts.ns.isEmpty())
            return refError(text, QStringLiteral("the namespace before '/' is empty"));
    }
    parts.name = trimmed.sliced(std::max(colon, slash) + 1);
    if (parts.name.isEmpty())
        return refError(text, QStringLiteral("the name is empty"));
    if (parts.kind.isEmpty())
        return refError(text,
            QStringLiteral("it has no kind and none can be assumed here; write it as kind:%1").arg(trimmed.toString()));
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
    // Joined, not formatted with arg(): a health evaluation writes refs into its evidence,
    // for every component of a recompute.
    QString text;
    text.reserve(m_kind.size() + m_namespace.size() + m_name.size() + 2);
    text.append(m_kind).append(u':').append(m_namespace).append(u'/').append(m_name);
    return text;
}

} // namespace cairn::core
