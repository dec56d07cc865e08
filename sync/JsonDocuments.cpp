// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/JsonDocuments.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>
#include <simdjson.h>
#include <string>
#include <vector>

namespace cairn::sync {

namespace od = simdjson::ondemand;
using simdjson::error_code;

static_assert(JsonDocumentReader::kPadding >= qsizetype(simdjson::SIMDJSON_PADDING));

namespace {

// A text larger than this leaves no buffers behind it: the next texts of an import (pages
// of a bundle, files of a folder) are small, and the writing that follows needs the memory.
constexpr qsizetype kKeptBuffers = 16 * 1024 * 1024;

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("a mapping");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString typeName(od::json_type type)
{
    switch (type) {
    case od::json_type::null:
        return QStringLiteral("null");
    case od::json_type::boolean:
        return QStringLiteral("a boolean");
    case od::json_type::number:
        return QStringLiteral("a number");
    case od::json_type::string:
        return QStringLiteral("a string");
    case od::json_type::array:
        return QStringLiteral("a list");
    case od::json_type::object:
        return QStringLiteral("a mapping");
    }
    return QStringLiteral("nothing");
}

QString messageOf(error_code error)
{
    switch (error) {
    case simdjson::TAPE_ERROR:
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
        return QStringLiteral("a comma, colon, bracket or brace is missing or misplaced");
    case simdjson::STRING_ERROR:
        return QStringLiteral("a string holds an invalid escape");
    case simdjson::UNCLOSED_STRING:
        return QStringLiteral("a string is not closed");
    case simdjson::UNESCAPED_CHARS:
        return QStringLiteral("a string holds a control character that must be escaped");
    case simdjson::UTF8_ERROR:
        return QStringLiteral("the text is not valid UTF-8");
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE:
        return QStringLiteral("a number is malformed or out of range");
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
        return QStringLiteral("a value is misspelled (true, false and null are the only bare words)");
    case simdjson::TRAILING_CONTENT:
        return QStringLiteral("something follows the end of the document");
    case simdjson::EMPTY:
        return QStringLiteral("there is no JSON value");
    default:
        break;
    }
    return QString::fromUtf8(simdjson::error_message(error));
}

// Qt writes numbers, as it decides integer or not; rare in entities, so its cost does not count.
void appendQtNumber(std::string &out, const QJsonValue &number)
{
    const QByteArray text = QJsonDocument(QJsonArray { number }).toJson(QJsonDocument::Compact);
    out.append(text.constData() + 1, size_t(text.size() - 2));
}

// The order of keys in a QJsonObject parsed by Qt: by code point, which is the order of
// their UTF-8 bytes.
bool keyLess(std::string_view a, std::string_view b)
{
    return a < b;
}

// Whether the whole text was read: simdjson 3.0's document has no at_end(), but its
// location is past the text only once everything was read.
bool atEnd(od::document &doc)
{
    return doc.current_location().error() == simdjson::OUT_OF_BOUNDS;
}

// A member of the document that says what it is, read while it is written.
enum class Wanted { None, Kind, Metadata, Name, Namespace };

} // namespace

QJsonObject JsonDocument::object() const
{
    return QJsonDocument::fromJson(json).object();
}

JsonDocument JsonDocument::fromValue(const QJsonValue &value, core::DocumentOrigin origin)
{
    JsonDocument document;
    document.origin = std::move(origin);
    if (!value.isObject()) {
        document.valueType = typeName(value);
        return document;
    }
    const QJsonObject object = value.toObject();
    document.json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    document.json.squeeze(); // kept until the run is written: not with the room it grew into
    const QJsonValue kind = object.value(u"kind");
    document.hasKind = !kind.isUndefined();
    document.kindIsString = kind.isString();
    document.kind = kind.toString();
    const QJsonObject metadata = object.value(u"metadata").toObject();
    document.name = metadata.value(u"name").toString();
    document.nameSpace = metadata.value(u"namespace").toString();
    return document;
}

struct JsonDocumentReader::Impl
{
    od::parser parser;
    std::string line; // an NDJSON line, copied with the padding simdjson reads past its end
    std::string out; // the text being written
    std::string scratch; // values read only to check them (a bundle's envelope)
    struct Member
    {
        std::string_view key; // unescaped, in the parser's buffers until the next text
        size_t begin;
        size_t end;
    };
    std::vector<std::vector<Member>> levels; // per depth, reused
    size_t depth = 0;
    JsonDocument *head = nullptr; // where the wanted members go, while writing a document

    // Writes the value compactly into `to`, as Qt would write it parsed: object members
    // sorted by key, the last of two equal keys kept, strings escaped as Qt escapes them.
    template<typename Value> error_code write(Value &value, std::string &to, Wanted wanted)
    {
        od::json_type type;
        if (error_code e = value.type().get(type))
            return e;
        switch (type) {
        case od::json_type::object: {
            od::object object;
            if (error_code e = value.get_object().get(object))
                return e;
            return writeObject(object, to, wanted);
        }
        case od::json_type::array: {
            od::array array;
            if (error_code e = value.get_array().get(array))
                return e;
            to += '[';
            bool first = true;
            for (auto element : array) {
                od::value item;
                if (error_code e = element.get(item))
                    return e;
                if (!first)
                    to += ',';
                first = false;
                if (error_code e = write(item, to, Wanted::None))
                    return e;
            }
            to += ']';
            return simdjson::SUCCESS;
        }
        case od::json_type::string: {
            std::string_view text;
            if (error_code e = value.get_string().get(text))
                return e;
            appendString(to, text);
            if (head && wanted == Wanted::Kind) {
                head->kind = QString::fromUtf8(text.data(), qsizetype(text.size()));
                head->kindIsString = true;
            } else if (head && wanted == Wanted::Name) {
                head->name = QString::fromUtf8(text.data(), qsizetype(text.size()));
            } else if (head && wanted == Wanted::Namespace) {
                head->nameSpace = QString::fromUtf8(text.data(), qsizetype(text.size()));
            }
            return simdjson::SUCCESS;
        }
        case od::json_type::number:
            return writeNumber(value, to);
        case od::json_type::boolean: {
            bool b = false;
            if (error_code e = value.get_bool().get(b))
                return e;
            to += b ? "true" : "false";
            return simdjson::SUCCESS;
        }
        case od::json_type::null: {
            bool null = false;
            if (error_code e = value.is_null().get(null))
                return e;
            if (!null)
                return simdjson::N_ATOM_ERROR;
            to += "null";
            return simdjson::SUCCESS;
        }
        }
        return simdjson::INCORRECT_TYPE;
    }

    // As Qt reads a number: an integer when written without fraction or exponent and within
    // 64 bits, a double otherwise.
    template<typename Value> error_code writeNumber(Value &value, std::string &to)
    {
        std::string_view token = value.raw_json_token();
        while (!token.empty()
            && (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' || token.back() == '\t'))
            token.remove_suffix(1);
        double d = 0;
        if (error_code e = value.get_double().get(d))
            return e;
        if (token.find_first_of(".eE") == std::string_view::npos) {
            qint64 integer = 0;
            const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), integer);
            if (ec == std::errc() && end == token.data() + token.size()) {
                appendQtNumber(to, QJsonValue(integer));
                return simdjson::SUCCESS;
            }
        }
        appendQtNumber(to, QJsonValue(d));
        return simdjson::SUCCESS;
    }

    error_code writeObject(od::object &object, std::string &to, Wanted wanted)
    {
        to += '{';
        const size_t start = to.size();
        if (levels.size() <= depth)
            levels.resize(depth + 1);
        const size_t level = depth++;
        levels[level].clear();
        for (auto field : object) {
            od::field member;
            if (error_code e = std::move(field).get(member))
                return e;
            std::string_view key;
            if (error_code e = member.unescaped_key().get(key))
                return e;
            Wanted inner = Wanted::None;
            if (head && wanted == Wanted::None && level == 0) {
                if (key == "kind") {
                    head->hasKind = true;
                    head->kind.clear();
                    head->kindIsString = false;
                    inner = Wanted::Kind;
                } else if (key == "metadata") {
                    head->name.clear();
                    head->nameSpace.clear();
                    inner = Wanted::Metadata;
                }
            } else if (head && wanted == Wanted::Metadata) {
                if (key == "name")
                    inner = Wanted::Name;
                else if (key == "namespace")
                    inner = Wanted::Namespace;
            }
            if (!levels[level].empty())
                to += ',';
            const size_t begin = to.size();
            appendString(to, key);
            to += ':';
            od::value &value = member.value();
            if (error_code e = write(value, to, inner))
                return e;
            levels[level].push_back(Member { key, begin, to.size() });
        }
        --depth;
        std::vector<Member> &members = levels[level];
        const bool sorted = std::adjacent_find(members.cbegin(), members.cend(), [](const Member &a, const Member &b) {
            return !keyLess(a.key, b.key);
        }) == members.cend();
        if (!sorted) {
            // Hand-written files rarely keep keys in order: put the members in Qt's.
            std::stable_sort(
                members.begin(), members.end(), [](const Member &a, const Member &b) { return keyLess(a.key, b.key); });
            const std::string written = to.substr(start);
            to.resize(start);
            for (size_t i = 0; i < members.size(); ++i) {
                if (i + 1 < members.size() && !keyLess(members[i].key, members[i + 1].key))
                    continue; // an equal key follows: the last one written wins, as in Qt
                if (to.size() > start)
                    to += ',';
                to.append(written, members[i].begin - start, members[i].end - members[i].begin);
            }
        }
        to += '}';
        return simdjson::SUCCESS;
    }

    static void appendString(std::string &to, std::string_view text)
    {
        static constexpr char hex[] = "0123456789abcdef";
        to += '"';
        const char *run = text.data();
        const char *const end = text.data() + text.size();
        for (const char *p = run; p != end; ++p) {
            const auto c = quint8(*p);
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            to.append(run, size_t(p - run));
            run = p + 1;
            to += '\\';
            switch (c) {
            case '"':
                to += '"';
                break;
            case '\\':
                to += '\\';
                break;
            case '\b':
                to += 'b';
                break;
            case '\f':
                to += 'f';
                break;
            case '\n':
                to += 'n';
                break;
            case '\r':
                to += 'r';
                break;
            case '\t':
                to += 't';
                break;
            default:
                to += "u00";
                to += hex[c >> 4];
                to += hex[c & 0xf];
            }
        }
        to.append(run, size_t(end - run));
        to += '"';
    }

    // Lets go of the parser's and the writer's buffers, grown for a large text.
    void release()
    {
        parser = od::parser();
        std::string().swap(out);
        std::string().swap(scratch);
    }

    // One document: a mapping written into `document.json`, anything else checked and named.
    template<typename Value> error_code document(Value &value, JsonDocument &document)
    {
        od::json_type type;
        if (error_code e = value.type().get(type))
            return e;
        out.clear();
        if (type != od::json_type::object) {
            scratch.clear();
            if (error_code e = write(value, scratch, Wanted::None))
                return e;
            document.valueType = typeName(type);
            return simdjson::SUCCESS;
        }
        depth = 0;
        head = &document;
        const error_code e = write(value, out, Wanted::None);
        head = nullptr;
        if (e)
            return e;
        document.json = QByteArray(out.data(), qsizetype(out.size()));
        return simdjson::SUCCESS;
    }
};

namespace {

// Lines counted forward only, as the items are read in order.
class LineCounter
{
public:
    explicit LineCounter(const char *base)
        : m_base(base)
    { }
    int lineAt(const char *at)
    {
        m_line += int(std::count(m_base + m_pos, at, '\n'));
        m_pos = size_t(at - m_base);
        return m_line;
    }
    int columnAt(const char *at) const
    {
        const char *lineStart = at;
        while (lineStart > m_base && lineStart[-1] != '\n')
            --lineStart;
        return int(at - lineStart) + 1;
    }

private:
    const char *m_base;
    size_t m_pos = 0;
    int m_line = 1;
};

} // namespace

JsonDocumentReader::JsonDocumentReader()
    : d(std::make_unique<Impl>())
{ }

JsonDocumentReader::~JsonDocumentReader() = default;

JsonDocumentReader::Result JsonDocumentReader::readText(const QByteArray &text, const QString &file)
{
    Result result;
    // A file read for this has its room already: no second copy of tens of megabytes.
    std::optional<simdjson::padded_string> copy;
    if (text.capacity() - text.size() < kPadding)
        copy.emplace(text.constData(), size_t(text.size()));
    const simdjson::padded_string_view padded = copy
        ? simdjson::padded_string_view(*copy)
        : simdjson::padded_string_view(text.constData(), size_t(text.size()), size_t(text.capacity()));
    // Buffers sized for one huge text are not kept for the rest of the import.
    const auto release = qScopeGuard([this, &text] {
        if (text.size() > kKeptBuffers)
            d->release();
    });
    LineCounter lines(padded.data());
    od::document doc;
    error_code error = d->parser.iterate(padded).get(doc);
    // A text simdjson could not start on (an empty one) has no document to ask where it
    // stopped: its token positions are null (UBSan, found by tests/fuzz).
    const bool started = !error;

    const auto item = [&](od::value &value) -> error_code {
        const std::string_view token = value.raw_json_token();
        JsonDocument document;
        document.origin = core::DocumentOrigin { file, lines.lineAt(token.data()) };
        if (error_code e = d->document(value, document))
            return e;
        result.read.documents.append(std::move(document));
        return simdjson::SUCCESS;
    };
    const auto items = [&](od::array &array) -> error_code {
        for (auto element : array) {
            od::value value;
            if (error_code e = element.get(value))
                return e;
            if (error_code e = item(value))
                return e;
        }
        return simdjson::SUCCESS;
    };

    const auto read = [&]() -> error_code {
        od::json_type type;
        if (error_code e = doc.type().get(type))
            return e;
        if (type == od::json_type::array) {
            result.read.shape = Shape::Array;
            od::array array;
            if (error_code e = doc.get_array().get(array))
                return e;
            return items(array);
        }
        if (type == od::json_type::object) {
            // {"items": [...]} without a kind is a list of entities (a bundle, a Backstage
            // page): the other members are checked, and left.
            bool hasKind = false;
            {
                od::object object;
                if (error_code e = doc.get_object().get(object))
                    return e;
                const error_code found = object.find_field_unordered("kind").error();
                if (found != simdjson::SUCCESS && found != simdjson::NO_SUCH_FIELD)
                    return found;
                hasKind = found == simdjson::SUCCESS;
            }
            doc.rewind();
            if (!hasKind) {
                od::object object;
                if (error_code e = doc.get_object().get(object))
                    return e;
                bool listed = false;
                for (auto field : object) {
                    od::field member;
                    if (error_code e = std::move(field).get(member))
                        return e;
                    std::string_view key;
                    if (error_code e = member.unescaped_key().get(key))
                        return e;
                    od::value &value = member.value();
                    od::json_type memberType;
                    if (error_code e = value.type().get(memberType))
                        return e;
                    if (key == "items" && memberType == od::json_type::array && !listed) {
                        listed = true;
                        od::array array;
                        if (error_code e = value.get_array().get(array))
                            return e;
                        if (error_code e = items(array))
                            return e;
                        continue;
                    }
                    d->scratch.clear();
                    if (error_code e = d->write(value, d->scratch, Wanted::None))
                        return e;
                }
                if (listed) {
                    result.read.shape = Shape::Items;
                    return simdjson::SUCCESS;
                }
                result.read.documents.clear();
                doc.rewind();
            }
            result.read.shape = Shape::Entity;
        } else {
            result.read.shape = Shape::Other;
        }
        std::string_view token;
        if (error_code e = doc.raw_json_token().get(token))
            return e;
        JsonDocument document;
        document.origin = core::DocumentOrigin { file, lines.lineAt(token.data()) };
        if (error_code e = d->document(doc, document))
            return e;
        result.read.documents.append(std::move(document));
        return simdjson::SUCCESS;
    };

    if (!error)
        error = read();
    if (!error && !atEnd(doc))
        error = simdjson::TRAILING_CONTENT;
    if (error) {
        JsonTextError failure;
        failure.message = messageOf(error);
        const char *at = nullptr;
        if (started && doc.current_location().get(at) == simdjson::SUCCESS && at) {
            LineCounter from(padded.data());
            failure.line = from.lineAt(at);
            failure.column = from.columnAt(at);
        }
        result.read.documents.clear();
        result.error = failure;
    }
    return result;
}

std::optional<JsonTextError> JsonDocumentReader::readValue(
    QByteArrayView text, core::DocumentOrigin origin, JsonDocument &out)
{
    // simdjson reads a little past the end of a text: the line is copied with room for it.
    d->line.assign(text.data(), size_t(text.size()));
    d->line.resize(size_t(text.size()) + simdjson::SIMDJSON_PADDING, ' ');
    od::document doc;
    out = JsonDocument();
    out.origin = std::move(origin);
    error_code error = d->parser.iterate(d->line.data(), size_t(text.size()), d->line.size()).get(doc);
    const bool started = !error; // else doc has no positions to ask (see readText)
    if (!error)
        error = d->document(doc, out);
    if (!error && !atEnd(doc))
        error = simdjson::TRAILING_CONTENT;
    if (!error)
        return std::nullopt;
    JsonTextError failure;
    failure.line = out.origin.line;
    failure.message = messageOf(error);
    const char *at = nullptr;
    if (started && doc.current_location().get(at) == simdjson::SUCCESS && at)
        failure.column = int(at - d->line.data()) + 1;
    out.json.clear();
    return failure;
}

} // namespace cairn::sync
