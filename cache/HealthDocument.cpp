// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/HealthDocument.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <optional>
#include <simdjson.h>
#include <string>
#include <string_view>
#include <utility>

namespace cairn::cache::health {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

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

QString cutText(const QString &text)
{
    // A UTF-16 unit is at most three bytes of UTF-8.
    if (text.size() * 3 <= kTextRead)
        return text;
    const QByteArray utf8 = text.toUtf8();
    return cutText(std::string_view(utf8.constData(), size_t(utf8.size())));
}

// A string's text, cut; empty for any other value (as QJsonValue::toString).
QString textOf(element value)
{
    return value.type() == element_type::STRING ? cutText(std::string_view(value)) : QString();
}

// The members of an object that are read, each the last of its name (as Qt's reader keeps
// a name given twice); null where absent, and all of them for a value that is no object.
template<size_t N>
std::array<std::optional<element>, N> membersOf(element object, const std::array<std::string_view, N> &names)
{
    std::array<std::optional<element>, N> found;
    if (object.type() != element_type::OBJECT)
        return found;
    for (const simdjson::dom::key_value_pair member : simdjson::dom::object(object))
        for (size_t i = 0; i < N; ++i)
            if (member.key == names[i])
                found[i] = member.value;
    return found;
}

QString textOf(const std::optional<element> &value)
{
    return value ? textOf(*value) : QString();
}

// As Entity::tags reads them: one string, or the strings of an array.
QStringList stringsOf(const std::optional<element> &value)
{
    QStringList out;
    if (!value)
        return out;
    if (value->type() == element_type::STRING)
        out.append(textOf(*value));
    else if (value->type() == element_type::ARRAY)
        for (const element item : simdjson::dom::array(*value))
            if (item.type() == element_type::STRING)
                out.append(textOf(item));
    return out;
}

void readMetadata(element metadata, core::HealthSubject &s)
{
    enum { Namespace, Name, Description, Tags, Annotations, Links };
    static constexpr std::array<std::string_view, 6> Names { "namespace", "name", "description", "tags", "annotations",
        "links" };
    const auto m = membersOf(metadata, Names);
    if (QString ns = textOf(m[Namespace]); !ns.isEmpty())
        s.ns = std::move(ns);
    s.name = textOf(m[Name]);
    s.description = textOf(m[Description]);
    s.tags = stringsOf(m[Tags]);
    if (m[Annotations] && m[Annotations]->type() == element_type::OBJECT) {
        for (const simdjson::dom::key_value_pair member : simdjson::dom::object(*m[Annotations]))
            if (member.value.type() == element_type::STRING)
                s.annotations.append({ cutText(member.key), textOf(member.value) });
        core::HealthSubject::sortAnnotations(s.annotations);
    }
    if (m[Links] && m[Links]->type() == element_type::ARRAY) {
        static constexpr std::array<std::string_view, 4> LinkNames { "url", "title", "icon", "type" };
        for (const element item : simdjson::dom::array(*m[Links])) {
            const auto l = membersOf(item, LinkNames);
            QString url = textOf(l[0]);
            if (!url.isEmpty())
                s.links.append(core::EntityLink { std::move(url), textOf(l[1]), textOf(l[2]), textOf(l[3]) });
        }
    }
}

core::HealthSubject subjectOf(element root)
{
    core::HealthSubject s;
    static constexpr std::array<std::string_view, 3> Names { "kind", "metadata", "spec" };
    const auto r = membersOf(root, Names);
    s.kind = textOf(r[0]);
    if (r[1])
        readMetadata(*r[1], s);
    if (r[2]) {
        static constexpr std::array<std::string_view, 3> SpecNames { "type", "lifecycle", "owner" };
        const auto spec = membersOf(*r[2], SpecNames);
        s.type = textOf(spec[0]);
        s.lifecycle = textOf(spec[1]);
        s.ownerText = textOf(spec[2]);
    }
    return s;
}

// What Qt's reader makes of a document simdjson refuses, its texts cut all the same.
core::HealthSubject subjectByQt(const QByteArray &document)
{
    core::HealthSubject s = core::HealthSubject::of(core::Entity(QJsonDocument::fromJson(document).object()));
    for (QString *text : { &s.kind, &s.ns, &s.name, &s.type, &s.lifecycle, &s.ownerText, &s.description })
        *text = cutText(*text);
    for (QString &tag : s.tags)
        tag = cutText(tag);
    for (auto &[key, value] : s.annotations) {
        key = cutText(key);
        value = cutText(value);
    }
    core::HealthSubject::sortAnnotations(s.annotations);
    for (core::EntityLink &link : s.links)
        for (QString *text : { &link.url, &link.title, &link.icon, &link.type })
            *text = cutText(*text);
    return s;
}

} // namespace

core::HealthSubject subjectFrom(const QByteArray &document)
{
    thread_local Reader reader;
    const auto size = size_t(document.size());
    const char *text = document.constData();
    if (document.capacity() - document.size() < kDocumentRoom) {
        reader.copy.reserve(size + simdjson::SIMDJSON_PADDING);
        reader.copy.assign(text, size);
        text = reader.copy.data();
    }
    element root;
    const bool parsed = !reader.parser.parse(text, size, false).get(root);
    std::optional<core::HealthSubject> subject;
    if (parsed)
        subject = subjectOf(root);
    if (size > kKeptBuffers)
        reader = Reader();
    // Qt writes a double of 2^64 or more as an integer, which simdjson 3.0 refuses: such a
    // rare document is read by Qt.
    return subject ? std::move(*subject) : subjectByQt(document);
}

} // namespace cairn::cache::health
