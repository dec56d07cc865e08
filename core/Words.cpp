// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Words.h"

#include <QHash>

namespace cairn::core {

QLocale Words::locale()
{
    return QLocale(tr("C", "the locale (language_COUNTRY) of the answers' dates and numbers; C keeps ISO dates"));
}

QString Words::status(const QString &status)
{
    // Project and goal statuses, then component and API lifecycles.
    static const QHash<QString, const char *> known = {
        { QStringLiteral("pending"), QT_TRANSLATE_NOOP("Words", "pending") },
        { QStringLiteral("on-track"), QT_TRANSLATE_NOOP("Words", "on-track") },
        { QStringLiteral("at-risk"), QT_TRANSLATE_NOOP("Words", "at-risk") },
        { QStringLiteral("off-track"), QT_TRANSLATE_NOOP("Words", "off-track") },
        { QStringLiteral("paused"), QT_TRANSLATE_NOOP("Words", "paused") },
        { QStringLiteral("done"), QT_TRANSLATE_NOOP("Words", "done") },
        { QStringLiteral("completed"), QT_TRANSLATE_NOOP("Words", "completed") },
        { QStringLiteral("cancelled"), QT_TRANSLATE_NOOP("Words", "cancelled") },
        { QStringLiteral("production"), QT_TRANSLATE_NOOP("Words", "production") },
        { QStringLiteral("experimental"), QT_TRANSLATE_NOOP("Words", "experimental") },
        { QStringLiteral("deprecated"), QT_TRANSLATE_NOOP("Words", "deprecated") },
    };
    const auto it = known.constFind(status);
    if (it == known.constEnd())
        return status;
    return tr(it.value());
}

QString Words::kind(const QString &kind)
{
    static const QHash<QString, const char *> known = {
        { QStringLiteral("component"), QT_TRANSLATE_NOOP("Words", "component") },
        { QStringLiteral("api"), QT_TRANSLATE_NOOP("Words", "api") },
        { QStringLiteral("resource"), QT_TRANSLATE_NOOP("Words", "resource") },
        { QStringLiteral("system"), QT_TRANSLATE_NOOP("Words", "system") },
        { QStringLiteral("domain"), QT_TRANSLATE_NOOP("Words", "domain") },
        { QStringLiteral("group"), QT_TRANSLATE_NOOP("Words", "group") },
        { QStringLiteral("user"), QT_TRANSLATE_NOOP("Words", "user") },
        { QStringLiteral("project"), QT_TRANSLATE_NOOP("Words", "project") },
        { QStringLiteral("goal"), QT_TRANSLATE_NOOP("Words", "goal") },
        { QStringLiteral("location"), QT_TRANSLATE_NOOP("Words", "location") },
    };
    const QString lower = kind.toLower();
    const auto it = known.constFind(lower);
    if (it == known.constEnd())
        return kind;
    const QString translated = tr(it.value());
    return translated == lower ? kind : translated;
}

QString Words::date(QDate date)
{
    if (!date.isValid())
        return QString();
    const QString format = tr("yyyy-MM-dd", "how answers write a date (QDate::toString format)");
    return locale().toString(date, format);
}

QString Words::dateTime(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    const QLocale answers = locale();
    if (answers.language() == QLocale::C)
        return time.toUTC().toString(Qt::ISODate);
    return answers.toString(
        time.toLocalTime(), tr("yyyy-MM-dd HH:mm", "how answers write a moment (QDateTime::toString format)"));
}

QString Words::change(const QString &change)
{
    if (change == u"added")
        return tr("added");
    if (change == u"removed")
        return tr("removed");
    return tr("changed");
}

QString Words::percent(double fraction)
{
    return tr("%1 %", "a percentage").arg(locale().toString(qRound(fraction * 100)));
}

QString Words::number(double value)
{
    QLocale numbers = locale();
    numbers.setNumberOptions(QLocale::OmitGroupSeparator);
    return numbers.toString(value, 'g', 12);
}

QString Words::label(const QString &label)
{
    return tr("%1:", "a label before its value").arg(label);
}

int Words::labelWidth()
{
    const int width
        = tr("12", "width of the label column in text answers: the longest usual label and its colon").toInt();
    return width > 0 ? width : 12;
}

} // namespace cairn::core
