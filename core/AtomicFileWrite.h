// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QList>
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

struct FileToWrite
{
    QString path;
    FileContentWriter write;
};

// The same for several files as one: each is written and flushed beside its target, and
// only when all of them are complete do they replace their targets (renames, which need
// no space). A failure in any file, a full disk included, leaves every target as it was.
Status writeFilesAtomically(const QList<FileToWrite> &files);

} // namespace cairn::core
