// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/JsonText.h"

namespace cairn::core::JsonText {

void appendString(QString &out, QStringView value)
{
    out += u'"';
    for (const QChar c : value) {
        switch (c.unicode()) {
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
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
}

QString stringArray(const QStringList &values)
{
    QString text;
    qsizetype size = 2;
    for (const QString &v : values)
        size += v.size() + 3;
    text.reserve(size);
    text += u'[';
    for (const QString &v : values) {
        if (text.size() > 1)
            text += u',';
        appendString(text, v);
    }
    text += u']';
    return text;
}

} // namespace cairn::core::JsonText
