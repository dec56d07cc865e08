// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>

namespace cairn::models {

// One copy of each short text that many rows repeat (a kind, a namespace, a lifecycle, an
// owner, a system): the rows that hold it share it, so a table scrolled through 450,000
// components does not hold 450,000 copies of "production".
class TextInterner
{
public:
    static constexpr qsizetype MaxLength = 64; // longer texts rarely repeat
    static constexpr qsizetype MaxTexts = 65536; // past this, texts are no longer kept

    // The equal text already held, or `text` (then held, when short and there is room).
    QString intern(const QString &text);
    void clear() { m_texts.clear(); }

private:
    QSet<QString> m_texts;
};

} // namespace cairn::models
