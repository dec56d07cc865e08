// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QHashFunctions>
#include <QMetaType>
#include <QString>
#include <QStringView>

namespace cairn::core {

// How to complete a ref written without its kind or namespace.
struct EntityRefContext
{
    QString defaultKind; // empty: the kind must be written
    QString defaultNamespace = QStringLiteral("default");
};

// A reference to a catalog entity, `kind:namespace/name`. A value type, never a bare
// string: code that changes or removes entities takes refs and checks their kind, because
// the outage Cairn exists for began with one kind of ID passed where another was meant.
// Compared and hashed case-insensitively, as Backstage does; the spelling is kept for display.
class EntityRef
{
public:
    using Context = EntityRefContext;

    EntityRef() = default;
    EntityRef(QString kind, QString ns, QString name);

    // Parses `kind:namespace/name`, `kind:name`, `namespace/name` or `name` as Backstage
    // does: the name is everything after the namespace, ':' and '/' included, and its
    // characters are not checked (a ref to "Team A" parses, and resolves to nothing). Only a
    // missing part is an error; errors quote the text and say what is wrong.
    static Result<EntityRef> parse(QStringView text, const Context &context = {});

    // Completes a ref by the spec field it sits in (owner -> group, dependsOn -> no kind, ...)
    // and the kind and namespace of the entity that refers to it.
    static Result<EntityRef> parseInField(
        QStringView text, QStringView field, QStringView referringKind, QStringView referringNamespace);

    // The error parse() or parseInField() would give, without building the ref: for checks
    // that need only the verdict.
    static Status check(QStringView text, const Context &context = {});
    static Status checkInField(
        QStringView text, QStringView field, QStringView referringKind, QStringView referringNamespace);

    // The kind a bare ref in this spec field defaults to, lower-case; empty when none.
    // `parent` is a goal's parent goal in a Goal and a parent group everywhere else.
    static QString defaultKindForField(QStringView field, QStringView referringKind = {});

    bool isNull() const { return m_name.isEmpty(); }
    const QString &kind() const { return m_kind; }
    const QString &ns() const { return m_namespace; }
    const QString &name() const { return m_name; }

    // True when the kind is `kind`, compared case-insensitively.
    bool isKind(QStringView kind) const;

    // `kind:namespace/name` as spelled.
    QString toString() const;
    // Lower-case `kind:namespace/name`: the identity used for comparison, hashing and storage keys.
    const QString &key() const { return m_key; }

    friend bool operator==(const EntityRef &a, const EntityRef &b) { return a.m_key == b.m_key; }
    friend bool operator<(const EntityRef &a, const EntityRef &b) { return a.m_key < b.m_key; }

private:
    QString m_kind;
    QString m_namespace;
    QString m_name;
    QString m_key;
};

inline size_t qHash(const EntityRef &ref, size_t seed = 0) noexcept
{
    return qHash(ref.key(), seed);
}

} // namespace cairn::core

Q_DECLARE_METATYPE(cairn::core::EntityRef)
