// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace cairn::sync {

// One YAML document converted to JSON, with the 1-based line where its content starts.
struct YamlDocument
{
    QJsonValue value;
    int line = 0;
    // With Lines::Keep: the 1-based line of each value by its path ("criteria/2/weight",
    // list items by index), for a reader that points people at the line to fix.
    QHash<QString, int> lines;
};

// A YAML error at a 1-based line and column (0 when yaml-cpp gave no position).
struct YamlError
{
    int line = 0;
    int column = 0;
    QString message;
};

struct YamlParseResult
{
    QList<YamlDocument> documents;
    QList<YamlError> errors;
};

// Parses multi-document YAML into JSON values, keeping yaml-cpp (and its exceptions)
// inside this file so no other code has to know about it.
//
// Scalars are typed as Backstage's YAML 1.2 reader types them: plain true/false become
// bools, plain numbers become numbers, plain null/~/empty become null; anything quoted
// or written as a block scalar stays a string, and so do dates, because catalog fields
// such as targetDate are ISO strings and must round-trip unchanged. .inf and .nan stay
// strings because JSON cannot hold them.
//
// Documents are split on their `---` markers before parsing, so a syntax error costs only
// the document it is in: the documents before and after it are still returned. Empty
// documents are skipped, as Backstage skips them. Duplicate keys are an error (Backstage
// rejects them too), as are documents nested deeper than 256 levels or expanding, through
// aliases, to more than a million values (a "billion laughs" file must not hang an import).
class YamlToJson
{
public:
    enum class Lines { Drop, Keep };
    static YamlParseResult parse(const QByteArray &text, Lines lines = Lines::Drop);
};

} // namespace cairn::sync
