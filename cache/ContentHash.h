// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace cairn::cache {

// The fingerprint of an entity's stored text (entities.content_hash), by which a sync tells
// a delivered document that changed from one that did not. It only ever compares two
// versions of the same entity, so it needs to be fast and stable, not cryptographic: a
// 64-bit XXH64 (libxxhash) misses a real change with a chance of 2^-64.
namespace ContentHash {

// 16 lower-case hex digits: XXH64 of the text, seed 0, most significant digit first. The
// stored values depend on exactly this: another algorithm (XXH3) would make every row of
// an existing cache look changed once.
QByteArray of(QByteArrayView text);

// Whether `stored` is the fingerprint of `text`. Caches written before XXH64 hold the
// 40-digit SHA-1 of the same text; those rows are compared the old way until a change
// writes them again, so an upgrade never shows unchanged entities as changed.
bool matches(QByteArrayView stored, QByteArrayView text);

} // namespace ContentHash

} // namespace cairn::cache
