// SPDX-License-Identifier: GPL-3.0-or-later
// The question parser on arbitrary text, as typed into the ask bar or `cairn ask`.
#include "core/QuestionParser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString question = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)cairn::core::QuestionParser::parse(question);
    (void)cairn::core::QuestionWords::of(question);
    return 0;
}
