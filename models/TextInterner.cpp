// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TextInterner.h"

namespace cairn::models {

QString TextInterner::intern(const QString &text)
{
    if (text.size() > MaxLength)
        return text;
    if (const auto it = m_texts.constFind(text); it != m_texts.constEnd())
        return *it;
    if (m_texts.size() < MaxTexts)
        m_texts.insert(text);
    return text;
}

} // namespace cairn::models
