// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

// JSON written straight as text, for what is stored by the hundred thousand (a recompute's
// health rows, risk paths and graph rows): building QJsonValues to serialise them costs
// more than the work that produced them. Read back with QJsonDocument like any JSON.
namespace cairn::core::JsonText {

// `value` as a JSON string: quoted, with the characters JSON reserves escaped.
void appendString(QString &out, QStringView value);
// The same in UTF-8, the very bytes toUtf8() makes of the other's text, written straight
// into `out`: what is stored goes to SQLite as UTF-8, and converting a whole text after
// writing it cost as much as writing it.
void appendString(QByteArray &out, QStringView value);

// The most bytes writeString() writes for `value`: six a UTF-16 unit (an escape), and quotes.
constexpr qsizetype roomFor(QStringView value)
{
    return 6 * value.size() + 2;
}
// appendString's bytes written at `d`, which has roomFor(value) bytes; returns their end.
// For a writer of many strings, who makes room for all of them at once: made room for one
// by one, the growing cost more than the writing (a recompute's health rows).
char *writeString(char *d, QStringView value);

// ["a","b",...] as a QString or as UTF-8, of the `count` texts `at(0)`... gives, by the
// appendString of either: for texts held other than in a list (a risk path's keys in the
// dependency graph) without copying them into one.
template<typename Text, typename At> Text arrayOf(qsizetype count, At at)
{
    using Char = typename Text::value_type; // QChar or char
    Text text;
    qsizetype size = 2;
    for (qsizetype i = 0; i < count; ++i)
        size += QStringView(at(i)).size() + 3;
    text.reserve(size);
    text += Char(u'[');
    for (qsizetype i = 0; i < count; ++i) {
        if (i > 0)
            text += Char(u',');
        appendString(text, at(i));
    }
    text += Char(u']');
    return text;
}

// ["a","b",...]
QString stringArray(const QStringList &values);
QByteArray stringArrayUtf8(const QStringList &values);

} // namespace cairn::core::JsonText
