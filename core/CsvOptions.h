// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QChar>
#include <QString>
#include <QStringView>

namespace cairn::core {

// The CSV dialect is fixed (RFC 4180: UTF-8, CRLF, '"' quoting with doubled quotes,
// formula cells neutralised); only what spreadsheets disagree on is a choice.
struct CsvOptions
{
    enum class Delimiter : char16_t { Comma = u',', Semicolon = u';', Tab = u'\t' };

    Delimiter delimiter = Delimiter::Comma;
    // Excel guesses the encoding of a CSV file and only picks UTF-8 when the file starts
    // with a BOM; without one, "Amélie" opens as "AmÃ©lie". Off by default because
    // scripts and most other tools read the BOM as part of the first header.
    bool byteOrderMark = false;

    QChar delimiterChar() const { return QChar(static_cast<char16_t>(delimiter)); }

    // Reads a delimiter as written on a command line: "," ";" "tab" (or a real tab),
    // also "comma" and "semicolon". Errors quote the text and list what is accepted.
    static Result<Delimiter> parseDelimiter(QStringView text)
    {
        const QString t = text.trimmed().toString().toLower();
        if (t == u"," || t == u"comma")
            return Delimiter::Comma;
        if (t == u";" || t == u"semicolon")
            return Delimiter::Semicolon;
        if (t == u"tab" || t == u"\\t" || text == u"\t")
            return Delimiter::Tab;
        return Error { QStringLiteral("Unknown CSV delimiter \"%1\": use \",\", \";\" or \"tab\".").arg(text) };
    }
};

} // namespace cairn::core
