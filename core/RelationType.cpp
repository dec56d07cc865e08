// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/RelationType.h"

#include <array>
#include <utility>

namespace cairn::core::relation {

QString inverseOf(QStringView type)
{
    static constexpr std::array<std::pair<QStringView, QStringView>, 11> pairs = { {
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
    for (const auto &[forward, backward] : pairs) {
        if (type == forward)
            return backward.toString();
        if (type == backward)
            return forward.toString();
    }
    return QString();
}

} // namespace cairn::core::relation
