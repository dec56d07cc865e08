// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityValidator.h"
#include "core/SourcedEntity.h"

#include <QList>

#include <vector>

namespace cairn::sync {

// The validation of one delivered part: for each entity, in order, what is wrong with it
// (empty when it may reach the cache). A part read whole (a bundle, a folder: every
// document parsed from its text for the checks) is split across Qt's thread pool; a
// server's page stays on the calling thread (SyncEngine checks it on the pool while it
// writes the page before).
std::vector<QList<core::ValidationProblem>> checkPart(const QList<core::SourcedEntity> &part);

} // namespace cairn::sync
