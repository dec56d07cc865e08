// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/HygieneItem.h"
#include "core/Result.h"

#include <QDate>
#include <QList>

namespace cairn::cache {

class Cache;

// The directory hygiene report: the stale data people find in every catalog, read from the
// live entities of the cache (core::HygieneCategory says what each category holds).
// Ordered by category (core::hygieneCategories()), then display name, then ref.
//
// Dates are judged against `today`, injected as core::AnswerOptions::today is, and a
// project is without a recent update on the same terms as core::ProjectTimeline's "stale"
// (more than `staleDays` days, or never; finished projects never are).
//
// One statement per category, each answered from an index (the owner, system, last update
// and target date sort indexes, the relations' both ends) except the orphan mark, one pass
// over the documents that contain it; nothing is read per entity.
core::Result<QList<core::HygieneItem>> readHygieneReport(Cache &cache, QDate today, int staleDays = 14);

} // namespace cairn::cache
