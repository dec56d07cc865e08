// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/RelationType.h"

#include <algorithm>
#include <array>

namespace cairn::core::relation {

namespace {

constexpr std::array<InversePair, 11> pairs = { {
    { OwnedBy, OwnerOf },
    { PartOf, HasPart },
    { DependsOn, DependencyOf },
    { ProvidesApi, ApiProvidedBy },
    { ConsumesApi, ApiConsumedBy },
    { MemberOf, HasMember },
    { ChildOf, ParentOf },
    { ContributesTo, HasContribution },
    { WorksOn, WorkedOnBy },
    { HasContributor, ContributorTo },
    { HasTeam, TeamOf },
} };

} // namespace

std::span<const InversePair> inversePairs()
{
    return pairs;
}

bool isBackward(QStringView type)
{
    return std::any_of(pairs.cbegin(), pairs.cend(), [type](const InversePair &pair) { return pair.backward == type; });
}

QString inverseOf(QStringView type)
{
    for (const auto &[forward, backward] : pairs) {
        if (type == forward)
            return backward.toString();
        if (type == backward)
            return forward.toString();
    }
    return QString();
}

} // namespace cairn::core::relation
