// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/SyncOutcome.h"

#include <QString>

namespace cairn::cache {
class Cache;
}

namespace cairn::sync {

// Fennel, the bundled sample organisation (resources/sample, compiled in as ":/sample").
// It is a source of its own, "sample", so removing it or importing real data never mixes
// the two. The command line (`cairn sample`) and the window's first run load it alike.
class SampleOrganisation final
{
public:
    static QString sourceName();
    static QString location();
    // Loads it again when it is already there: an update, as any sync of a source is.
    // The caller's executable must have registered the resources (Q_INIT_RESOURCE).
    static SyncOutcome load(cache::Cache &cache);
};

} // namespace cairn::sync
