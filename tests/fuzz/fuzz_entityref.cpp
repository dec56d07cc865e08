// SPDX-License-Identifier: GPL-3.0-or-later
// Entity refs from arbitrary text, alone and in each spec field that defaults their kind.
#include "core/EntityRef.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using cairn::core::EntityRef;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const auto ref = EntityRef::parse(text)) {
        // What is parsed prints and parses back to the same ref.
        const auto again = EntityRef::parse(ref->toString());
        if (!again || !(*again == *ref))
            __builtin_trap();
    }
    for (const char16_t *field : { u"owner", u"parent", u"dependsOn", u"memberOf", u"system", u"goals" }) {
        (void)EntityRef::parseInField(text, QStringView(field), u"component", u"default");
        (void)EntityRef::checkInField(text, QStringView(field), u"goal", u"ns");
    }
    return 0;
}
