// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/HealthSubject.h"

#include <QByteArray>

namespace cairn::cache::health {

// The bytes of one text that health reads: a scorecard judges presence, refs, links and
// short values, and quotes at most the start of a description, so a pasted log of 40 MB
// costs health 64 KiB and not ten times its size (docs/reliability.md).
inline constexpr qsizetype kTextRead = 64 * 1024;

// Room a document is read with past its end (Statement::utf8's `room`): the parser reads
// there, and a document read without it is copied first.
inline constexpr qsizetype kDocumentRoom = 64;

// What health reads of an entity's stored JSON document, read straight from its text: what
// HealthSubject::of gives for the entity Qt's reader makes of it, but every text cut, on a
// character boundary, to kTextRead bytes of UTF-8. No QJsonObject is built: a recompute
// reads every entity's document, and building one was 40 % of its evaluation. A document
// that does not parse (the cache only stores valid ones) reads as an empty entity. Safe to
// call on several threads at once.
core::HealthSubject subjectFrom(const QByteArray &document);

} // namespace cairn::cache::health
