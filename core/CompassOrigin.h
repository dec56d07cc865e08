// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Entity.h"

#include <QString>
#include <QStringView>

namespace cairn::core {

// The annotation sync::CompassMapper puts on every component it maps from a compass.yml,
// and its value. The rules that differ for Compass (an owner is optional there) must tell
// such a component from a Backstage document wherever it is checked again: in the same
// import, and after it was stored, exported as a bundle and read back.
inline constexpr QStringView MappedFromAnnotation = u"cairn.dev/mapped-from";
inline constexpr QStringView MappedFromCompass = u"compass.yml";

inline bool isMappedFromCompass(const Entity &entity)
{
    return entity.annotation(MappedFromAnnotation.toString()) == MappedFromCompass;
}

} // namespace cairn::core
