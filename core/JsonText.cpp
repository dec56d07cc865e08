// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/JsonText.h"

#include <algorithm>

namespace cairn::core::JsonText {

namespace {

// A JSON escape for a character below 0x20, as the QString writer makes it: \u and four
// lower-case hexadecimal digits.
char *writeControl(char *d, char16_t c)
{
    constexpr char Hex[] = "0123456789abcdef";
    *d++ = '\\';
    *d++ = 'u';
    *d++ = '0';
    *d++ = '0';
    *d++ = Hex[(c >> 4) & 0xF];
    *d++ = Hex[c & 0xF];
    return d;
}

} // namespace

void appendString(QString &out, QStringView value)
{
    out += u'"';
    // The characters that need no escape (nearly all) go in a run at a time: appended one
    // by one, they were most of the time of writing a health row's evidence.
    qsizetype run = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char16_t c = value[i].unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\')
            continue;
        out += value.sliced(run, i - run);
        run = i + 1;
        switch (c) {
        case u'"':
            out += u"\\\"";
            break;
        case u'\\':
            out += u"\\\\";
            break;
        case u'\n':
            out += u"\\n";
            break;
        case u'\r':
            out += u"\\r";
            break;
        case u'\t':
            out += u"\\t";
            break;
        default:
            out += QStringLiteral("\\u%1").arg(c, 4, 16, QLatin1Char('0'));
        }
    }
    out += value.sliced(run);
    out += u'"';
}

void appendString(QByteArray &out, QStringView value)
{
    // Room for the worst case, written in place and cut to what was written; grown by
    // doubling, so that many strings appended to one text do not each reallocate it.
    const qsizetype at = out.size();
    const qsizetype most = at + roomFor(value);
    if (out.capacity() < most)
        out.reserve(std::max(most, 2 * out.capacity()));
    out.resize(most);
    out.resize(writeString(out.data() + at, value) - out.constData());
}

char *writeString(char *d, QStringView value)
{
    *d++ = '"';
    const qsizetype size = value.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = value[i].unicode();
        if (c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\') {
            *d++ = char(c);
            continue;
        }
        if (c >= 0x80) {
            // Beyond ASCII, a run at a time by Qt's own conversion: the same bytes, a lone
            // surrogate included. A run ends only at an ASCII character, so a pair is never
            // cut in two.
            qsizetype end = i + 1;
            while (end < size && value[end].unicode() >= 0x80)
                ++end;
            const QByteArray utf8 = value.sliced(i, end - i).toUtf8();
            d = std::copy(utf8.cbegin(), utf8.cend(), d);
            i = end - 1;
            continue;
        }
        *d++ = '\\';
        switch (c) {
        case u'"':
            *d++ = '"';
            break;
        case u'\\':
            *d++ = '\\';
            break;
        case u'\n':
            *d++ = 'n';
            break;
        case u'\r':
            *d++ = 'r';
            break;
        case u'\t':
            *d++ = 't';
            break;
        default:
            d = writeControl(d - 1, c);
        }
    }
    *d++ = '"';
    return d;
}

QByteArray stringArrayUtf8(const QStringList &values)
{
    return arrayOf<QByteArray>(values.size(), [&values](qsizetype i) -> QStringView { return values.at(i); });
}

QString stringArray(const QStringList &values)
{
    return arrayOf<QString>(values.size(), [&values](qsizetype i) -> QStringView { return values.at(i); });
}

} // namespace cairn::core::JsonText
