// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Entity.h"
#include "core/EntityRef.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace cairn::core {

// What a scorecard reads of an entity, and nothing else: its kind and name, the strings of
// spec it filters and judges by, the description, tags, string annotations and links. Read
// as Entity's accessors read them, so that an evaluation gives the same whether it starts
// from an Entity or from a stored document read straight into this (cache::health::
// subjectFrom), which a recompute of every entity does without building a QJsonObject.
struct HealthSubject
{
    QString kind;
    QString ns = QStringLiteral("default"); // metadata.namespace, "default" when absent
    QString name;
    QString type; // spec.type
    QString lifecycle; // spec.lifecycle
    QString ownerText; // spec.owner as written
    QString description;
    QStringList tags;
    // The annotations whose value is a string, sorted by key (as QString orders them).
    QList<std::pair<QString, QString>> annotations;
    QList<EntityLink> links; // those with a url, as Entity::links gives them

    static HealthSubject of(const Entity &entity);
    // Sorts annotations by key and keeps the last of those that share one.
    static void sortAnnotations(QList<std::pair<QString, QString>> &annotations);

    // The annotation's value; empty when absent or not a string (as Entity::annotation).
    QString annotation(QStringView key) const;
    // spec.owner completed as a ref; null when none or it does not parse (as Entity::owner).
    EntityRef owner() const;
    // Null when kind or name is missing (as Entity::ref).
    EntityRef ref() const;

    bool operator==(const HealthSubject &) const = default;
};

} // namespace cairn::core
