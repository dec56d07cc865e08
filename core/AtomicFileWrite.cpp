// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/AtomicFileWrite.h"

#include <QDir>
#include <QSaveFile>

#include <memory>
#include <vector>

namespace cairn::core {

namespace {

// A save file whose every write is whole or fails with the system's reason. A file on a
// filling disk takes part of a write and reports nothing wrong; a writer that ignores the
// short count (QImage, QSvgGenerator) would then have a cut-short file committed. Trying
// the rest again either finishes it or fails with "No space left on device", which the
// save file remembers and commit() refuses.
class WholeWritesSaveFile final : public QSaveFile
{
public:
    using QSaveFile::QSaveFile;

protected:
    qint64 writeData(const char *data, qint64 length) override
    {
        qint64 done = 0;
        while (done < length) {
            const qint64 n = QSaveFile::writeData(data + done, length - done);
            if (n <= 0)
                return -1;
            done += n;
        }
        return done;
    }
};

Error couldNotWrite(const QString &path, const QString &reason)
{
    return Error { QStringLiteral("Could not write %1: %2").arg(QDir::toNativeSeparators(path), reason) };
}

// Writes one file beside its target and flushes it, without replacing the target yet.
Status prepare(QSaveFile &file, const FileToWrite &what)
{
    // Never fall back to writing the target in place (the default, stated for the reader):
    // that fallback is exactly the half-written file this function exists to prevent.
    file.setDirectWriteFallback(false);
    // Unbuffered: buffered, the short write of a filling disk happens inside flush() and is
    // reported as "Unknown error"; written straight through, WholeWritesSaveFile gets the
    // system's own reason. Every writer here writes in blocks of its own.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return couldNotWrite(what.path, file.errorString());
    if (Status status = what.write(file); !status)
        return couldNotWrite(what.path, status.errorString());
    // Checked here, not left to commit(): a writer may ignore a failed write, and Qt 6.4's
    // commit() can rename a cut-short temporary into place and report success.
    if (file.error() != QFileDevice::NoError)
        return couldNotWrite(what.path, file.errorString());
    return {};
}

} // namespace

Status writeFileAtomically(const QString &path, const FileContentWriter &write)
{
    return writeFilesAtomically({ FileToWrite { path, write } });
}

Status writeFilesAtomically(const QList<FileToWrite> &files)
{
    std::vector<std::unique_ptr<QSaveFile>> prepared;
    prepared.reserve(std::size_t(files.size()));
    for (const FileToWrite &what : files) {
        if (what.path.isEmpty())
            return Error { QStringLiteral("Could not write the file: no file name was given") };
        prepared.push_back(std::make_unique<WholeWritesSaveFile>(what.path));
        // On failure every QSaveFile still open is destroyed uncommitted, which removes its
        // temporary file: no target has been touched yet.
        if (Status status = prepare(*prepared.back(), what); !status)
            return status;
    }
    for (std::size_t i = 0; i < prepared.size(); ++i)
        if (!prepared[i]->commit())
            return couldNotWrite(files[qsizetype(i)].path, prepared[i]->errorString());
    return {};
}

} // namespace cairn::core
