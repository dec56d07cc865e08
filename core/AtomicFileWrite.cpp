// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/AtomicFileWrite.h"

#include <QDir>
#include <QSaveFile>

namespace cairn::core {

Status writeFileAtomically(const QString &path, const FileContentWriter &write)
{
    const QString shown = QDir::toNativeSeparators(path);
    const auto failed = [&shown](const QString &reason) {
        return Error { QStringLiteral("Could not write %1: %2").arg(shown, reason) };
    };
    if (path.isEmpty())
        return Error { QStringLiteral("Could not write the file: no file name was given") };

    QSaveFile file(path);
    // Never fall back to writing the target in place (the default, stated for the reader):
    // that fallback is exactly the half-written file this function exists to prevent.
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());

    if (Status status = write(file); !status) {
        file.cancelWriting(); // the temporary file is removed; the target is not touched
        return failed(status.errorString());
    }
    // Buffered bytes reach the disk here, so a full disk is often only noticed now. Flushed
    // and checked before commit(): after a partial write, Qt 6.4's commit() can rename the
    // truncated temporary into place and report success.
    if (!file.flush()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failed(reason);
    }
    if (!file.commit())
        return failed(file.errorString());
    return {};
}

} // namespace cairn::core
