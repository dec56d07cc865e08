// SPDX-License-Identifier: GPL-3.0-or-later
// CSV export of arbitrary fields (split at NUL bytes, records at 0x01, each as wide as the
// first): written whole, and no cell a spreadsheet would run as a formula.
#include "core/CsvWriter.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using cairn::core::CsvWriter;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(buffer);
    qsizetype columns = -1;
    for (const QString &row : text.split(QChar(1))) {
        QStringList fields = row.split(QChar(0));
        // Every record has the first one's fields, as every export writes them (the writer
        // refuses a record of another width: a caller's mistake, not the input's).
        if (columns < 0)
            columns = fields.size();
        fields.resize(columns);
        if (!writer.writeRow(fields))
            __builtin_trap();
        for (const QString &field : fields) {
            if (CsvWriter::startsFormula(CsvWriter::neutralised(field)))
                __builtin_trap();
        }
    }
    if (!writer.finish())
        __builtin_trap();
    return 0;
}
