// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "sync/SourceHarvest.h"

namespace cairn::sync {

// Where entities come from: catalog files, a bundle, a Backstage catalog. A source only
// collects; validation and the one-transaction write are the engine's, the same for all.
class CatalogSource
{
public:
    virtual ~CatalogSource() = default;
    // The whole source as it is now, or an error that names the source and says what to check.
    virtual core::Result<SourceHarvest> collect(const HarvestContext &context) = 0;
    // Whether each relation comes stated at both ends, when both are in the source (see
    // cache::SourceRunInput::relationsStatedAtBothEnds). Files and bundles may state one
    // end only, so only a source that knows better says so.
    virtual bool statesRelationsAtBothEnds() const { return false; }
};

} // namespace cairn::sync
