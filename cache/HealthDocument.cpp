// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/HealthDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <simdjson.h>
#include <string>
#include <string_view>

namespace cairn::cache::health {

namespace {

static_assert(size_t(kDocumentRoom) >= simdjson::SIMDJSON_PADDING);

// Buffers grown for a document larger than this are let go after it, not kept per thread.
constexpr size_t kKeptBuffers = 16u * 1024 * 1024;

struct Reader
{
    simdjson::dom::parser parser;
    std::string copy; // a document read without room past its end, with that room
};

QString cutText(std::string_view utf8)
{
    if (utf8.size() > size_t(kTextRead)) {
        size_t end = size_t(kTextRead);
        while (end > 0 && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80)
            --end; // not inside a character
        utf8 = utf8.substr(0, end);
    }
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

QJsonValue valueOf(simdjson::dom::element element)
{
    using simdjson::dom::element_type;
    switch (element.type()) {
    case element_type::OBJECT: {
        // Inserted straight in: the cache's documents are written with their keys sorted,
        // as QJsonObject keeps them, so each insert lands at the end.
        QJsonObject object;
        for (const simdjson::dom::key_value_pair member : simdjson::dom::object(element))
            object.insert(cutText(member.key), valueOf(member.value));
        return object;
    }
    case element_type::ARRAY: {
        QJsonArray array;
        for (const simdjson::dom::element item : simdjson::dom::array(element))
            array.append(valueOf(item));
        return array;
    }
    case element_type::STRING:
        return cutText(std::string_view(element));
    // As Qt's own reader: an integer that fits stays one, anything else is a double.
    case element_type::INT64:
        return qint64(int64_t(element));
    case element_type::UINT64:
    case element_type::DOUBLE:
        return double(element);
    case element_type::BOOL:
        return bool(element);
    case element_type::NULL_VALUE:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

// Whether a text of the document is longer than health reads.
bool holdsLongText(simdjson::dom::element element)
{
    using simdjson::dom::element_type;
    switch (element.type()) {
    case element_type::OBJECT:
        for (const simdjson::dom::key_value_pair member : simdjson::dom::object(element))
            if (member.key.size() > size_t(kTextRead) || holdsLongText(member.value))
                return true;
        return false;
    case element_type::ARRAY:
        for (const simdjson::dom::element item : simdjson::dom::array(element))
            if (holdsLongText(item))
                return true;
        return false;
    case element_type::STRING:
        return std::string_view(element).size() > size_t(kTextRead);
    default:
        return false;
    }
}

} // namespace

core::Entity entityFrom(const QByteArray &document)
{
    // A document this short holds no text to cut.
    const auto byQt = [&document] { return core::Entity(QJsonDocument::fromJson(document).object()); };
    if (document.size() <= kTextRead)
        return byQt();
    thread_local Reader reader;
    const auto size = size_t(document.size());
    const char *text = document.constData();
    if (document.capacity() - document.size() < kDocumentRoom) {
        reader.copy.reserve(size + simdjson::SIMDJSON_PADDING);
        reader.copy.assign(text, size);
        text = reader.copy.data();
    }
    simdjson::dom::element root;
    const bool parsed = !reader.parser.parse(text, size, false).get(root);
    // Qt's object is smaller to build from a document of many short texts: simdjson's
    // reading is kept for one that holds a text to cut.
    const bool cut = parsed && holdsLongText(root);
    QJsonValue value = cut ? valueOf(root) : QJsonValue();
    if (size > kKeptBuffers)
        reader = Reader();
    // Qt writes a double of 2^64 or more as an integer, which simdjson 3.0 refuses: such a
    // rare document is read whole by Qt.
    return cut ? core::Entity(value.toObject()) : byQt();
}

} // namespace cairn::cache::health
