// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ChangePeriod.h"

#include "core/NameMatcher.h"

#include <QRegularExpression>
#include <QStringList>

namespace cairn::core {

namespace {

// Monday is 1, as QDate::dayOfWeek() counts.
int weekday(const QString &word)
{
    static const QStringList english { QStringLiteral("monday"), QStringLiteral("tuesday"), QStringLiteral("wednesday"),
        QStringLiteral("thursday"), QStringLiteral("friday"), QStringLiteral("saturday"), QStringLiteral("sunday") };
    static const QStringList french { QStringLiteral("lundi"), QStringLiteral("mardi"), QStringLiteral("mercredi"),
        QStringLiteral("jeudi"), QStringLiteral("vendredi"), QStringLiteral("samedi"), QStringLiteral("dimanche") };
    const qsizetype en = english.indexOf(word);
    if (en >= 0)
        return int(en) + 1;
    const qsizetype fr = french.indexOf(word);
    return fr >= 0 ? int(fr) + 1 : 0;
}

} // namespace

std::optional<QDate> ChangePeriod::start(QStringView words, QDate today)
{
    QString text = NameMatcher::normalize(words);
    static const QRegularExpression filler(
        QStringLiteral(R"(^(?:since|from|in|during|over|depuis|de|the|le|la|les) )"));
    for (QRegularExpressionMatch m = filler.match(text); m.hasMatch(); m = filler.match(text))
        text = text.mid(m.capturedLength());
    text = text.trimmed();
    if (text.isEmpty())
        return today.addDays(-(DefaultDays - 1));
    if (text == u"yesterday" || text == u"hier")
        return today.addDays(-1);
    if (text == u"today" || text == u"aujourd hui" || text == u"aujourd'hui" || text == u"aujourdhui")
        return today;
    const QDate monday = today.addDays(-(today.dayOfWeek() - 1));
    if (text == u"this week" || text == u"cette semaine")
        return monday;
    if (text == u"last week" || text == u"semaine derniere")
        return monday.addDays(-7);
    static const QRegularExpression lastDays(
        QStringLiteral(R"(^(?:(?:last|past) )?(\d{1,3}) (?:days?(?: ago)?|derniers jours)$)"));
    if (const QRegularExpressionMatch m = lastDays.match(text); m.hasMatch())
        return today.addDays(-m.captured(1).toInt());
    static const QRegularExpression day(QStringLiteral(R"(^(?:last )?(\w+)(?: dernier)?$)"));
    if (const QRegularExpressionMatch m = day.match(text); m.hasMatch()) {
        if (const int wanted = weekday(m.captured(1)); wanted > 0) {
            const int back = (today.dayOfWeek() - wanted + 7) % 7;
            return today.addDays(-(back == 0 ? 7 : back));
        }
    }
    const QDate iso = QDate::fromString(words.trimmed().toString().split(u' ').constLast(), Qt::ISODate);
    if (iso.isValid() && iso <= today)
        return iso;
    return std::nullopt;
}

} // namespace cairn::core
