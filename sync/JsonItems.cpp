// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/JsonItems.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
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

// A plain string at `pos` (an opening quote): its bytes, or empty when it holds an escape or
// a byte outside ASCII, which only a real parser reads right.
std::optional<QByteArrayView> plainString(const QByteArray &data, qsizetype pos, qsizetype end)
{
    for (qsizetype i = pos + 1; i < end; ++i) {
        const char c = data[i];
        if (c == '"')
            return QByteArrayView(data).sliced(pos + 1, i - pos - 1);
        if (c == '\\' || (c & 0x80) || quint8(c) < 0x20)
            return std::nullopt;
    }
    return std::nullopt;
}

// Whether `wanted` is `key` under `prefix` ("metadata" + "name" is "metadata.name"), or,
// with `below`, a path further down inside it.
bool pathMatches(QByteArrayView wanted, QByteArrayView prefix, QByteArrayView key, bool below)
{
    qsizetype at = 0;
    if (!prefix.isEmpty()) {
        if (!wanted.startsWith(prefix) || wanted.size() <= prefix.size() || wanted[prefix.size()] != '.')
            return false;
        at = prefix.size() + 1;
    }
    const QByteArrayView rest = wanted.sliced(at);
    if (!below)
        return rest == key;
    return rest.size() > key.size() && rest.startsWith(key) && rest[key.size()] == '.';
}

// Walks the object at `pos` (its '{'), storing the wanted strings found under `prefix`;
// returns the position after its '}', or -1 when the scan cannot go on.
qsizetype readMembers(const QByteArray &data, qsizetype pos, qsizetype end, QByteArrayView prefix,
    const QList<QByteArrayView> &paths, QList<QString> &values)
{
    pos = skipSpace(data, pos + 1);
    if (pos < end && data[pos] == '}')
        return pos + 1;
    while (pos < end) {
        if (data[pos] != '"')
            return -1;
        const std::optional<QByteArrayView> key = plainString(data, pos, end);
        if (!key)
            return -1;
        pos = skipSpace(data, pos + key->size() + 2);
        if (pos >= end || data[pos] != ':')
            return -1;
        pos = skipSpace(data, pos + 1);
        if (pos >= end)
            return -1;
        const auto wanted = std::find_if(
            paths.cbegin(), paths.cend(), [&](QByteArrayView path) { return pathMatches(path, prefix, *key, false); });
        qsizetype valueEnd = -1;
        if (wanted != paths.cend()) {
            const std::optional<QByteArrayView> text = data[pos] == '"' ? plainString(data, pos, end) : std::nullopt;
            if (!text)
                return -1;
            values[wanted - paths.cbegin()] = QString::fromLatin1(*text);
            valueEnd = pos + text->size() + 2;
        } else if (data[pos] == '{' && std::any_of(paths.cbegin(), paths.cend(), [&](QByteArrayView path) {
                       return pathMatches(path, prefix, *key, true);
                   })) {
            const QByteArray inner
                = prefix.isEmpty() ? key->toByteArray() : prefix.toByteArray() + '.' + key->toByteArray();
            valueEnd = readMembers(data, pos, end, inner, paths, values);
        } else {
            valueEnd = skipValue(data, pos);
        }
        if (valueEnd < 0 || valueEnd > end)
            return -1;
        pos = skipSpace(data, valueEnd);
        if (pos < end && data[pos] == ',') {
            pos = skipSpace(data, pos + 1);
            continue;
        }
        return pos < end && data[pos] == '}' ? pos + 1 : -1;
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

std::optional<QJsonObject> parseJsonEnvelope(const QByteArray &data, const JsonItems &items)
{
    if (!items.inItemsObject)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument outer
        = QJsonDocument::fromJson(data.left(items.arrayStart) + "[]" + data.mid(items.arrayEnd), &error);
    const QJsonValue left = outer.object().value(u"items");
    if (error.error != QJsonParseError::NoError || !left.isArray() || !left.toArray().isEmpty())
        return std::nullopt;
    return outer.object();
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

std::optional<QList<QString>> readStringMembers(
    const QByteArray &data, qsizetype start, qsizetype length, const QList<QByteArrayView> &paths)
{
    if (length <= 0 || data[start] != '{')
        return std::nullopt;
    QList<QString> values(paths.size());
    const qsizetype end = start + length;
    if (readMembers(data, start, end, {}, paths, values) != end)
        return std::nullopt;
    return values;
}

} // namespace cairn::sync
