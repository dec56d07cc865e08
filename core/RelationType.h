// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <span>

namespace cairn::core::relation {

// Backstage's relation names, and Cairn's own for projects and goals. Every relation has
// an inverse, so a relation stored once can be read from either end.
inline constexpr QStringView OwnedBy = u"ownedBy";
inline constexpr QStringView OwnerOf = u"ownerOf";
inline constexpr QStringView PartOf = u"partOf";
inline constexpr QStringView HasPart = u"hasPart";
inline constexpr QStringView DependsOn = u"dependsOn";
inline constexpr QStringView DependencyOf = u"dependencyOf";
inline constexpr QStringView ProvidesApi = u"providesApi";
inline constexpr QStringView ApiProvidedBy = u"apiProvidedBy";
inline constexpr QStringView ConsumesApi = u"consumesApi";
inline constexpr QStringView ApiConsumedBy = u"apiConsumedBy";
inline constexpr QStringView MemberOf = u"memberOf";
inline constexpr QStringView HasMember = u"hasMember";
inline constexpr QStringView ChildOf = u"childOf";
inline constexpr QStringView ParentOf = u"parentOf";
// Project -> Goal it serves.
inline constexpr QStringView ContributesTo = u"contributesTo";
inline constexpr QStringView HasContribution = u"hasContribution";
// Project -> Component it works on.
inline constexpr QStringView WorksOn = u"worksOn";
inline constexpr QStringView WorkedOnBy = u"workedOnBy";
// Project -> User or Group contributing to it.
inline constexpr QStringView HasContributor = u"hasContributor";
inline constexpr QStringView ContributorTo = u"contributorTo";
// Project -> the Group that carries it out.
inline constexpr QStringView HasTeam = u"hasTeam";
inline constexpr QStringView TeamOf = u"teamOf";

// The inverse relation name; empty for a name Cairn does not know.
QString inverseOf(QStringView type);

// Whether `type` is the backward name of a pair (ownerOf, hasMember, ...).
bool isBackward(QStringView type);

// Every relation Cairn knows, each pair once as {forward, backward}: for SQL that reads a
// relation stored once from its other end.
struct InversePair
{
    QStringView forward;
    QStringView backward;
};
std::span<const InversePair> inversePairs();

} // namespace cairn::core::relation
