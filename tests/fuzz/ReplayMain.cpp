// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a fuzz target's LLVMFuzzerTestOneInput on files, without libFuzzer: its seed corpus
// and the inputs a fuzzer once crashed on, replayed by ctest in every build (GCC and the
// sanitizer build included), so a crash found once stays fixed.
// Usage: fuzz_<name>_replay FILE|FOLDER...  (folders are read recursively; a missing one is skipped)
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char *argv[])
{
    QTextStream out(stdout);
    int replayed = 0;
    const auto replay = [&](const QString &path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            out << "cannot read " << path << '\n';
            return false;
        }
        const QByteArray bytes = file.readAll();
        out << "replaying " << path << " (" << bytes.size() << " bytes)\n";
        out.flush(); // a crash names its input
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
        ++replayed;
        return true;
    };
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        const QFileInfo info(path);
        if (info.isDir()) {
            QDirIterator files(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                const QString file = files.next();
                if (!file.endsWith(QLatin1StringView(".gitkeep")) && !replay(file))
                    return 1;
            }
        } else if (info.exists() && !replay(path)) {
            return 1;
        }
    }
    out << replayed << " inputs replayed\n";
    return replayed > 0 ? 0 : 1;
}
