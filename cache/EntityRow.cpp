// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/EntityRow.h"

#include "cache/ContentHash.h"
#include "core/NameMatcher.h"
#include "core/RelationDeriver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVarLengthArray>

#include <algorithm>

namespace cairn::cache {

namespace {

// Writes exactly what QJsonDocument::toJson(Compact) writes (tests/cache/
// tst_documenttext.cpp holds it to that, byte for byte), in about half the time: Qt's
// writer copies every key and string twice and grows its output piece by piece, and this
// text is made for every synced entity. Numbers, rare in entities, are left to Qt.
class CompactJsonWriter
{
public:
    QByteArray write(const QJsonObject &object)
    {
        appendObject(object);
        return QByteArray(m_out.constData(), m_out.size());
    }

private:
    // Room for `count` more bytes; returns where they go.
    char *extend(qsizetype count)
    {
        const qsizetype size = m_out.size();
        if (size + count > m_out.capacity())
            m_out.reserve(std::max(size + count, 2 * m_out.capacity()));
        m_out.resize(size + count);
        return m_out.data() + size;
    }

    void append(char c) { *extend(1) = c; }
    void append(QByteArrayView text) { std::copy(text.begin(), text.end(), extend(text.size())); }

    // As Qt's escapedString(): quote, backslash and control characters escaped, the rest as
    // UTF-8, and a surrogate that is not part of a pair as a u-escape of its code.
    void appendString(QStringView text)
    {
        static constexpr char hex[] = "0123456789abcdef";
        char *const start = extend(text.size() * 6 + 2); // the longest escape is 6 bytes
        char *cursor = start;
        *cursor++ = '"';
        const char16_t *src = text.utf16();
        const char16_t *const end = src + text.size();
        while (src != end) {
            const char16_t u = *src++;
            if (u < 0x80) {
                if (u >= 0x20 && u != u'"' && u != u'\\') {
                    *cursor++ = char(u);
                    continue;
                }
                *cursor++ = '\\';
                switch (u) {
                case u'"':
                    *cursor++ = '"';
                    break;
                case u'\\':
                    *cursor++ = '\\';
                    break;
                case u'\b':
                    *cursor++ = 'b';
                    break;
                case u'\f':
                    *cursor++ = 'f';
                    break;
                case u'\n':
                    *cursor++ = 'n';
                    break;
                case u'\r':
                    *cursor++ = 'r';
                    break;
                case u'\t':
                    *cursor++ = 't';
                    break;
                default:
                    *cursor++ = 'u';
                    *cursor++ = '0';
                    *cursor++ = '0';
                    *cursor++ = hex[u >> 4];
                    *cursor++ = hex[u & 0xf];
                }
            } else if (u < 0x800) {
                *cursor++ = char(0xc0 | (u >> 6));
                *cursor++ = char(0x80 | (u & 0x3f));
            } else if (!QChar::isSurrogate(u)) {
                *cursor++ = char(0xe0 | (u >> 12));
                *cursor++ = char(0x80 | ((u >> 6) & 0x3f));
                *cursor++ = char(0x80 | (u & 0x3f));
            } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
                const char32_t c = QChar::surrogateToUcs4(u, *src++);
                *cursor++ = char(0xf0 | (c >> 18));
                *cursor++ = char(0x80 | ((c >> 12) & 0x3f));
                *cursor++ = char(0x80 | ((c >> 6) & 0x3f));
                *cursor++ = char(0x80 | (c & 0x3f));
            } else {
                *cursor++ = '\\';
                *cursor++ = 'u';
                *cursor++ = hex[u >> 12];
                *cursor++ = hex[(u >> 8) & 0xf];
                *cursor++ = hex[(u >> 4) & 0xf];
                *cursor++ = hex[u & 0xf];
            }
        }
        *cursor++ = '"';
        m_out.resize(m_out.size() - (text.size() * 6 + 2) + (cursor - start));
    }

    void appendObject(const QJsonObject &object)
    {
        append('{');
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it != object.begin())
                append(',');
            appendString(it.key());
            append(':');
            appendValue(it.value());
        }
        append('}');
    }

    void appendArray(const QJsonArray &array)
    {
        append('[');
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                append(',');
            appendValue(array.at(i));
        }
        append(']');
    }

    void appendValue(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Bool:
            append(value.toBool() ? QByteArrayView("true") : QByteArrayView("false"));
            break;
        case QJsonValue::Double: {
            // Integers and doubles are written differently; Qt knows which one it holds.
            const QByteArray text = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
            append(QByteArrayView(text).sliced(1, text.size() - 2));
            break;
        }
        case QJsonValue::String:
            appendString(value.toString());
            break;
        case QJsonValue::Array:
            appendArray(value.toArray());
            break;
        case QJsonValue::Object:
            appendObject(value.toObject());
            break;
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            append(QByteArrayView("null"));
            break;
        }
    }

    // Most documents fit, so most are written without a heap allocation until the result.
    QVarLengthArray<char, 4096> m_out;
};

// Every column but the document text and its hash.
void fillColumns(EntityRow &row, const core::Entity &entity)
{
    row.ref = entity.ref();
    row.kind = entity.kind().toLower();
    row.title = entity.title();
    row.displayName = entity.displayName();
    row.matchName = core::NameMatcher::normalize(row.ref.name());
    // A person's or team's profile name is their title for finding them.
    if (row.displayName != row.ref.name())
        row.matchTitle = core::NameMatcher::normalize(row.displayName);
    const core::EntityRef owner = entity.owner();
    if (!owner.isNull())
        row.ownerKey = owner.key();
    row.type = entity.specType();
    row.lifecycle = entity.lifecycle();
    row.status = entity.specString(u"status");
    row.uid = entity.uid();
    row.etag = entity.etag();
    row.description = entity.description();
    row.tagsText = entity.tags().join(u' ');
    row.relations = core::statedRelationsOf(entity);
}

} // namespace

EntityRow EntityRow::from(const core::Entity &entity)
{
    EntityRow row;
    fillColumns(row, entity);
    row.document = documentText(entity);
    row.contentHash = ContentHash::of(row.document);
    return row;
}

EntityRow EntityRow::from(const core::SourcedEntity &sourced)
{
    if (sourced.json.isEmpty())
        return from(sourced.entity);
    EntityRow row;
    fillColumns(row, sourced.parsed()); // the delivered entity, or its text parsed
    row.document = sourced.json;
    row.contentHash = ContentHash::of(row.document);
    return row;
}

QByteArray EntityRow::documentText(const core::Entity &entity)
{
    // QJsonObject keeps keys sorted, so the same document always gives the same text and
    // the hash detects real changes only.
    return CompactJsonWriter().write(entity.document());
}

QByteArray EntityRow::documentText(const core::SourcedEntity &sourced)
{
    return sourced.json.isEmpty() ? documentText(sourced.entity) : sourced.json;
}

} // namespace cairn::cache
