// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace cairn::reliability {

// The synthetic organisation of `entities` entities as NDJSON, the file an import reads.
// `edited`: a later version of it, with every third description changed, 4 % of entities
// gone (under the 10 % a run may remove unasked) and 100 new components: a run from one to
// the other adds, changes and removes.
QByteArray syntheticCatalog(int entities, bool edited);

} // namespace cairn::reliability
