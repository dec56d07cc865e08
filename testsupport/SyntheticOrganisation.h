// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Entity.h"

#include <QList>

namespace cairn::testsupport {

// A deterministic synthetic organisation of N entities with a realistic mix of kinds
// (about 2 % groups, 15 % users, 45 % components, 15 % APIs, 12 % resources, 4 % systems,
// 0.5 % domains, 4 % projects, 2.5 % goals) and 0 to 8 dependencies per component.
// The same N and seed always give the same documents, so benchmark runs compare.
class SyntheticOrganisation
{
public:
    explicit SyntheticOrganisation(int entityCount, quint32 seed = 20261124);

    const QList<core::Entity> &entities() const { return m_entities; }

private:
    QList<core::Entity> m_entities;
};

} // namespace cairn::testsupport
