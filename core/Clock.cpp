// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Clock.h"

#include <QTimeZone>

namespace cairn::core::clock {

namespace {

// Read from every thread, written only before they start: no lock on the hot path.
std::function<QDateTime()> &source()
{
    static std::function<QDateTime()> current;
    return current;
}

} // namespace

QDateTime nowUtc()
{
    const std::function<QDateTime()> &set = source();
    return set ? set().toUTC() : QDateTime::currentDateTimeUtc();
}

QDateTime nowLocal()
{
    return nowUtc().toLocalTime();
}

QDate today()
{
    return nowLocal().date();
}

void setSource(std::function<QDateTime()> next)
{
    source() = std::move(next);
}

std::optional<QString> useEnvironment()
{
    const QString text = qEnvironmentVariable("CAIRN_NOW");
    if (text.isEmpty())
        return std::nullopt;
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        return QStringLiteral("CAIRN_NOW takes a time as 2026-11-24T09:00:00Z, not \"%1\".").arg(text);
    setSource([at] { return QDateTime(at); }); // the same time at every call: a copy each
    return std::nullopt;
}

ScopedSource::ScopedSource(std::function<QDateTime()> next)
    : m_previous(std::exchange(source(), std::move(next)))
{ }

ScopedSource::ScopedSource(const QDateTime &at)
    : ScopedSource(std::function<QDateTime()>([at] { return at; }))
{ }

ScopedSource::~ScopedSource()
{
    source() = std::move(m_previous);
}

} // namespace cairn::core::clock
