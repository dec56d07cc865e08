// SPDX-License-Identifier: GPL-3.0-or-later
// Entity documents from arbitrary bytes, read as a YAML, a JSON and an NDJSON catalog file;
// every document read is turned into an entity and validated, as an import does before
// anything is written.
#include "core/Entity.h"
#include "core/EntityValidator.h"
#include "sync/CatalogFileReader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using cairn::sync::CatalogFileReader;
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    // The same bytes through each reader: a seed of one format mutates into the others.
    for (const CatalogFileReader::Format format :
        { CatalogFileReader::Format::Yaml, CatalogFileReader::Format::Json, CatalogFileReader::Format::NdJson }) {
        const cairn::sync::CatalogFileContents contents
            = CatalogFileReader::parse(text, QStringLiteral("fuzz.input"), format);
        for (const cairn::sync::CatalogDocument &document : contents.documents) {
            const cairn::core::Entity entity(document.object());
            (void)cairn::core::validateEntity(entity);
            (void)entity.ref();
            (void)entity.owner();
        }
    }
    return 0;
}
