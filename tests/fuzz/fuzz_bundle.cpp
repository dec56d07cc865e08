// SPDX-License-Identifier: GPL-3.0-or-later
// A bundle's bytes as a web server would send them: parsed, and every entity in it read.
#include "sync/BundleFetcher.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto bundle = cairn::sync::BundleFetcher::parse(bytes, QStringLiteral("https://fuzz.example/bundle.json"));
    if (bundle) {
        for (const cairn::core::SourcedEntity &entity : bundle->entities)
            (void)entity.parsed().ref();
    }
    return 0;
}
