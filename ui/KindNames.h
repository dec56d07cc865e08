// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace cairn::ui {

// What a kind is called where a person reads it: a group is a team, a user a person, an
// api an API. Kinds Cairn gives no meaning to keep their own name.
class KindNames final
{
    Q_DECLARE_TR_FUNCTIONS(cairn::ui::KindNames)

public:
    static QString singular(QStringView kind);
    // A heading over several of a kind ("Components", "Teams", "People").
    static QString plural(QStringView kind);
};

} // namespace cairn::ui
