// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/NavigationHistory.h"

namespace cairn::ui {

NavigationHistory::NavigationHistory(QObject *parent)
    : QObject(parent)
{ }

void NavigationHistory::visit(const core::EntityRef &ref)
{
    if (ref.isNull() || (m_current >= 0 && m_places.at(m_current) == ref))
        return;
    m_places.resize(m_current + 1);
    m_places.append(ref);
    if (m_places.size() > MaxPlaces)
        m_places.removeFirst();
    m_current = m_places.size() - 1;
    Q_EMIT changed();
}

core::EntityRef NavigationHistory::back()
{
    if (!canGoBack())
        return {};
    --m_current;
    Q_EMIT changed();
    return m_places.at(m_current);
}

core::EntityRef NavigationHistory::forward()
{
    if (!canGoForward())
        return {};
    ++m_current;
    Q_EMIT changed();
    return m_places.at(m_current);
}

core::EntityRef NavigationHistory::current() const
{
    return m_current >= 0 ? m_places.at(m_current) : core::EntityRef();
}

void NavigationHistory::clear()
{
    m_places.clear();
    m_current = -1;
    Q_EMIT changed();
}

} // namespace cairn::ui
