// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QString>

#include <functional>

class QIODevice;

namespace cairn::core {

// Produces a file's whole content on the device it is given.
using FileContentWriter = std::function<Status(QIODevice &)>;

// Writes a file all or nothing, for every exporter: `write` fills a QSaveFile beside the
// target, which replaces the target only when everything was written and flushed. When
// `write` fails or is cancelled (returns an error), or the disk fills up, no half-written
// file is left and an existing file keeps its old bytes; the error names the path:
// "Could not write /x/y.csv: No space left on device". An existing file's permissions are
// kept. Writing to standard output ("-") is the caller's business: it cannot be atomic.
Status writeFileAtomically(const QString &path, const FileContentWriter &write);

} // namespace cairn::core
