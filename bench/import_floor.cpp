// SPDX-License-Identifier: GPL-3.0-or-later
// cairn_import_floor CACHE_FILE PATH...: the floor of `cairn import PATH...` as a whole
// process (issue 19). On the clock: read the same files (.json arrays or {"items": [...]},
// .ndjson; folders searched for them), parse every document with simdjson and write it
// compactly, then insert the rows `cairn import` writes (ImportFloor: entities, relations,
// FTS, run log) with raw prepared statements in one transaction into CACHE_FILE, a fresh
// cache, the way the cache writes a first run (ImportFloor::Method::Bulk). Off the clock,
// before it starts: the row contents, which ImportFloor computes from the documents as
// bench_import's floor does. Prints the milliseconds on the clock; bench/import-end-to-end
// compares them with `cairn import` run as a process.
#include "cache/Cache.h"
#include "core/Entity.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <simdjson.h>
#include <sys/resource.h>

#include "bench/ImportFloor.h"

using namespace cairn;

namespace {

QStringList catalogFiles(const QStringList &paths)
{
    QStringList files;
    for (const QString &path : paths) {
        if (!QFileInfo(path).isDir()) {
            files.append(path);
            continue;
        }
        QStringList found;
        QDirIterator it(
            path, { QStringLiteral("*.json"), QStringLiteral("*.ndjson") }, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            found.append(it.next());
        std::sort(found.begin(), found.end());
        files.append(found);
    }
    return files;
}

// Every document of the files, each parsed and written compactly; `each` gets its text.
template<typename Each> bool parseAll(const QStringList &files, Each each)
{
    simdjson::dom::parser parser;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            QTextStream(stderr) << "cairn_import_floor: cannot read " << path << "\n";
            return false;
        }
        const QByteArray data = file.readAll();
        const simdjson::padded_string text(data.constData(), size_t(data.size()));
        const auto take = [&](simdjson::dom::element element) {
            const std::string compact = simdjson::minify(element);
            each(QByteArray::fromRawData(compact.data(), qsizetype(compact.size())));
        };
        if (path.endsWith(u".ndjson")) {
            simdjson::dom::document_stream stream;
            if (parser.parse_many(text).get(stream))
                return false;
            for (auto document : stream) {
                simdjson::dom::element element;
                if (document.get(element))
                    return false;
                take(element);
            }
            continue;
        }
        simdjson::dom::element root;
        if (parser.parse(text).get(root))
            return false;
        simdjson::dom::array items;
        if (root.is_array())
            items = root.get_array();
        else if (root["items"].get(items)) {
            take(root);
            continue;
        }
        for (simdjson::dom::element item : items)
            take(item);
    }
    return true;
}

// CPU seconds of this process so far, user and system: on a loaded machine the wall clock
// measures the neighbours too.
double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        QTextStream(stderr) << "usage: cairn_import_floor CACHE_FILE PATH...\n";
        return 2;
    }
    const QStringList files = catalogFiles(args.mid(2));

    // Off the clock: the row contents, from the same documents.
    QList<core::Entity> entities;
    if (!parseAll(files,
            [&](const QByteArray &text) { entities.append(core::Entity(QJsonDocument::fromJson(text).object())); })) {
        QTextStream(stderr) << "cairn_import_floor: a file is not valid JSON\n";
        return 1;
    }
    const bench::ImportFloor floor(entities);
    entities = {};
    QFile::remove(args.at(1));
    auto cache = cache::Cache::open(args.at(1));
    if (!cache) {
        QTextStream(stderr) << "cairn_import_floor: " << cache.errorString() << "\n";
        return 1;
    }

    QElapsedTimer clock;
    clock.start();
    const double cpuAtStart = cpuSeconds();
    qsizetype documents = 0;
    qsizetype bytes = 0;
    if (!parseAll(files, [&](const QByteArray &text) {
            ++documents;
            bytes += text.size();
        }))
        return 1;
    const qint64 parsed = clock.elapsed();
    const qint64 written = floor.insertInto((*cache)->database().handle(), bench::ImportFloor::Method::Bulk);
    if (written < 0)
        return 1;
    const qint64 total = clock.elapsed();
    const double cpu = cpuSeconds() - cpuAtStart;
    QTextStream(stdout) << "floor " << total << " ms, CPU " << QString::number(cpu, 'f', 2) << " s (read and parse "
                        << parsed << " ms, " << documents << " documents, " << bytes << " bytes; insert " << written
                        << " ms, " << floor.rowCount() << " entities)\n";
    return documents == floor.rowCount() ? 0 : 1;
}
