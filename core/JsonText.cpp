// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/JsonText.h"

namespace cairn::core::JsonText {

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
