// SPDX-License-Identifier: GPL-3.0-or-later
// A catalog response through the whole ingest: arbitrary bytes as a JSON file (a Backstage
// page, a bundle, an entity), read, validated, planned and written by the sync engine into
// a fresh in-memory cache, with relations, search and health; then read back.
#include "cache/Cache.h"
#include "cache/CatalogQuery.h"
#include "sync/FileSource.h"
#include "sync/SyncEngine.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("page.json"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            __builtin_trap();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    auto cache = cairn::cache::Cache::open(QStringLiteral(":memory:"));
    if (!cache)
        __builtin_trap();
    cairn::sync::FileSource source({ path });
    const cairn::sync::SyncOutcome outcome = cairn::sync::SyncEngine(*cache.value())
                                                 .run(QStringLiteral("fuzz"), QStringLiteral("files"), path, source,
                                                     cairn::sync::SyncOptions { true, false, 1.0 });
    if (outcome.ok) {
        const cairn::cache::CatalogQuery query(*cache.value());
        (void)query.search(QStringLiteral("service"), 20);
    }
    return 0;
}
