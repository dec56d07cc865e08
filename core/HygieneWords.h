// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/HygieneItem.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace cairn::core {

// How a person reads the hygiene report, in the installed translator's language (the
// window, `cairn hygiene` as text). The JSON output carries the ids and details instead.
class HygieneWords
{
    Q_DECLARE_TR_FUNCTIONS(HygieneWords)

public:
    // A category as a heading: "No owner", "Owner not in the catalog", ...
    static QString title(HygieneCategory category);
    // Why this item is in the report, from its detail: "Its owner group:default/guest is not
    // in the catalog." Ages are counted to `today`, the day the report was judged on.
    static QString reason(const HygieneItem &item, QDate today);
    // The words for an empty report.
    static QString clean();
};

} // namespace cairn::core
