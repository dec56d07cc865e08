// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/JsonItems.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>

namespace cairn::sync {

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

qsizetype skipSpace(const QByteArray &data, qsizetype pos)
{
    while (pos < data.size() && isJsonSpace(data[pos]))
        ++pos;
    return pos;
}

// `pos` is at an opening quote; returns the position after the closing one, or -1.
// The closing quote is found with memchr, the text between being most of the bytes; a
// quote is escaped when an odd run of backslashes stands right before it.
qsizetype skipString(const QByteArray &data, qsizetype pos)
{
    const char *const begin = data.constData();
    const char *const end = begin + data.size();
    const char *from = begin + pos + 1;
    while (from < end) {
        const auto *quote = static_cast<const char *>(std::memchr(from, '"', size_t(end - from)));
        if (!quote)
            return -1;
        const char *run = quote;
        while (run > from && run[-1] == '\\')
            --run;
        if ((quote - run) % 2 == 0)
            return quote - begin + 1;
        from = quote + 1;
    }
    return -1;
}

// The end of the value starting at `pos`, by structure alone (brackets, strings); -1 when
// it does not end. Whether the value is valid JSON is left to the parser of the item.
qsizetype skipValue(const QByteArray &data, qsizetype pos)
{
    if (pos >= data.size())
        return -1;
    const char *const begin = data.constData();
    const char *const end = begin + data.size();
    const char first = begin[pos];
    if (first == '"')
        return skipString(data, pos);
    if (first != '{' && first != '[') {
        const char *p = begin + pos;
        while (p < end && !isJsonSpace(*p) && *p != ',' && *p != ']' && *p != '}')
            ++p;
        return p > begin + pos ? p - begin : -1;
    }
    int depth = 0;
    for (const char *p = begin + pos; p < end; ++p) {
        const char c = *p;
        if (c == '"') {
            const qsizetype after = skipString(data, p - begin);
            if (after < 0)
                return -1;
            p = begin + after - 1; // the closing quote; the loop steps past it
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return p - begin + 1;
        }
    }
    return -1;
}

} // namespace

std::optional<JsonItems> findJsonItems(const QByteArray &data)
{
    JsonItems ranges;
    qsizetype pos = skipSpace(data, 0);
    if (pos >= data.size())
        return std::nullopt;
    if (data[pos] == '{') {
        // Find the value of "items" among the top-level members.
        ranges.inItemsObject = true;
        bool found = false;
        pos = skipSpace(data, pos + 1);
        while (pos < data.size() && data[pos] == '"') {
            const qsizetype keyEnd = skipString(data, pos);
            if (keyEnd < 0)
                return std::nullopt;
            const bool isItems = QByteArrayView(data).sliced(pos, keyEnd - pos) == "\"items\"";
            pos = skipSpace(data, keyEnd);
            if (pos >= data.size() || data[pos] != ':')
                return std::nullopt;
            pos = skipSpace(data, pos + 1);
            const qsizetype valueEnd = skipValue(data, pos);
            if (valueEnd < 0)
                return std::nullopt;
            if (isItems) {
                if (found || data[pos] != '[')
                    return std::nullopt;
                found = true;
                ranges.arrayStart = pos;
                ranges.arrayEnd = valueEnd;
            }
            pos = skipSpace(data, valueEnd);
            if (pos < data.size() && data[pos] == ',')
                pos = skipSpace(data, pos + 1);
            else
                break;
        }
        if (!found || pos >= data.size() || data[pos] != '}' || skipSpace(data, pos + 1) != data.size())
            return std::nullopt;
    } else if (data[pos] == '[') {
        ranges.arrayStart = pos;
        ranges.arrayEnd = skipValue(data, pos);
        if (ranges.arrayEnd < 0 || skipSpace(data, ranges.arrayEnd) != data.size())
            return std::nullopt;
    } else {
        return std::nullopt;
    }

    // The items: values separated by commas, nothing else.
    pos = skipSpace(data, ranges.arrayStart + 1);
    if (data[pos] == ']')
        return pos + 1 == ranges.arrayEnd ? std::optional<JsonItems>(std::move(ranges)) : std::nullopt;
    for (;;) {
        const qsizetype end = skipValue(data, pos);
        if (end < 0)
            return std::nullopt;
        ranges.items.append({ pos, end - pos });
        pos = skipSpace(data, end);
        if (pos >= ranges.arrayEnd)
            return std::nullopt;
        if (data[pos] == ']')
            return pos + 1 == ranges.arrayEnd ? std::optional<JsonItems>(std::move(ranges)) : std::nullopt;
        if (data[pos] != ',')
            return std::nullopt;
        pos = skipSpace(data, pos + 1);
    }
}

std::optional<QJsonValue> parseJsonItem(const QByteArray &data, qsizetype start, qsizetype length)
{
    QJsonParseError error;
    if (data[start] == '{') {
        const QJsonDocument item
            = QJsonDocument::fromJson(QByteArray::fromRawData(data.constData() + start, length), &error);
        if (error.error != QJsonParseError::NoError)
            return std::nullopt;
        return QJsonValue(item.object());
    }
    const QJsonDocument wrapped
        = QJsonDocument::fromJson('[' + QByteArrayView(data).sliced(start, length).toByteArray() + ']', &error);
    if (error.error != QJsonParseError::NoError || wrapped.array().size() != 1)
        return std::nullopt;
    return wrapped.array().at(0);
}

} // namespace cairn::sync
