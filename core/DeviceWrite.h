// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QByteArrayView>

class QIODevice;

namespace cairn::core {

// Writes every byte or fails. A file on a filling disk takes part of a write and reports
// no error (write(2) returned a short count); only the next write says "No space left on
// device", so a short count is retried rather than taken as a reason-less failure. A
// device that accepts nothing fails too, instead of looping. `written`, when given, is
// increased by the bytes that did go out.
Status writeFully(QIODevice &device, QByteArrayView bytes, qint64 *written = nullptr);

} // namespace cairn::core
