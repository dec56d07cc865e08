// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"

#include <QList>
#include <QObject>

namespace cairn::ui {

// Back and forward through the entities a person opened, as a browser does: opening a new
// one drops what was ahead; going back then forward returns to the same place.
class NavigationHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigationHistory)

public:
    explicit NavigationHistory(QObject *parent = nullptr);

    // Records `ref` as the current place (nothing changes when it already is).
    void visit(const core::EntityRef &ref);
    // The place moved to; null when there is nowhere to go.
    core::EntityRef back();
    core::EntityRef forward();

    bool canGoBack() const { return m_current > 0; }
    bool canGoForward() const { return m_current + 1 < m_places.size(); }
    core::EntityRef current() const;
    void clear();

    // A long session must not grow without bound; the oldest places go first.
    static constexpr int MaxPlaces = 200;

Q_SIGNALS:
    void changed();

private:
    QList<core::EntityRef> m_places;
    qsizetype m_current = -1;
};

} // namespace cairn::ui
