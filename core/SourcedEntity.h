// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Entity.h"

namespace cairn::core {

// An entity as a source delivered it, with where it came from (for messages that point
// at the file and line, or the URL).
struct SourcedEntity
{
    Entity entity;
    DocumentOrigin origin;
};

} // namespace cairn::core
