// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Entity.h"
#include "core/HealthSubject.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace cairn::core {

// What a link is for, in the order the How section shows them.
enum class LinkCategory { Repository, Documentation, Runbook, Dashboard, OnCall, Chat, Other };

struct ClassifiedLink
{
    QString url; // may be a non-URL reference for annotations such as techdocs-ref "dir:."
    QString title;
    QString origin; // "link" for metadata.links, else the annotation key it came from
};

struct LinkGroup
{
    LinkCategory category = LinkCategory::Other;
    QList<ClassifiedLink> links;
};

// Groups an entity's links by meaning. People name links any way they like, so the
// declared `type` wins, then the icon, then words in the title, then the host; the
// well-known annotations add links nobody wrote in metadata.links.
class LinkClassifier
{
    Q_DECLARE_TR_FUNCTIONS(LinkClassifier)

public:
    static LinkCategory classify(const EntityLink &link);
    // Non-empty groups only, in LinkCategory order; a URL appears once.
    static QList<LinkGroup> group(const HealthSubject &entity);
    static QList<LinkGroup> group(const Entity &entity);

    // Stable lower-case identifier ("repository", "on-call", ...) used in JSON.
    static QString categoryId(LinkCategory category);
    // Heading for people ("Repository", "On-call", ...), in the installed translator's language.
    static QString categoryTitle(LinkCategory category);
};

} // namespace cairn::core
