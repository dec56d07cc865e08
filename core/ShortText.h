// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace cairn::core {

// A value quoted in a message, cut short when long: a 10,000-character name pasted into a
// catalog file must not fill the terminal, twice. The length says what was left out.
inline QString shortened(QStringView text, qsizetype most = 80)
{
    if (text.size() <= most)
        return text.toString();
    return text.first(most - 20).toString() + QStringLiteral("… (%1 characters)").arg(text.size());
}

} // namespace cairn::core
