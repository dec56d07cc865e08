// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/YamlToJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include <istream>
#include <optional>
#include <streambuf>
#include <string>
#include <vector>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

namespace cairn::sync {

namespace {

constexpr int kMaxDepth = 256;
constexpr qsizetype kMaxValues = 1'000'000;
const std::string kTooDeep = "nested too deeply (more than 256 levels); nothing in a catalog is";
const char *const kStalled = "cannot be read as YAML from here on (brackets or quotes that do not match?)";
constexpr int kMaxEmptyDocuments = 100;

// The core-schema tags yaml-cpp reports for explicitly tagged scalars (`!!str 12`).
constexpr QStringView kTagInt = u"tag:yaml.org,2002:int";
constexpr QStringView kTagFloat = u"tag:yaml.org,2002:float";
constexpr QStringView kTagBool = u"tag:yaml.org,2002:bool";
constexpr QStringView kTagNull = u"tag:yaml.org,2002:null";

bool isNullWord(QStringView s)
{
    return s.isEmpty() || s == u"~" || s == u"null" || s == u"Null" || s == u"NULL";
}

std::optional<bool> boolWord(QStringView s)
{
    if (s == u"true" || s == u"True" || s == u"TRUE")
        return true;
    if (s == u"false" || s == u"False" || s == u"FALSE")
        return false;
    return std::nullopt;
}

// A YAML 1.2 core-schema number, or nothing when the text is not one.
std::optional<QJsonValue> number(const QString &s)
{
    static const QRegularExpression decimal(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression octal(QStringLiteral("^0o[0-7]+$"));
    static const QRegularExpression hex(QStringLiteral("^0x[0-9a-fA-F]+$"));
    static const QRegularExpression real(QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    bool ok = false;
    if (decimal.match(s).hasMatch()) {
        const qint64 v = s.toLongLong(&ok, 10);
        if (ok)
            return QJsonValue(v);
        return QJsonValue(s.toDouble()); // too large for 64 bits: a double, as in JavaScript
    }
    if (octal.match(s).hasMatch()) {
        const qint64 v = QStringView(s).mid(2).toLongLong(&ok, 8);
        return ok ? std::optional(QJsonValue(v)) : std::nullopt;
    }
    if (hex.match(s).hasMatch()) {
        const qint64 v = QStringView(s).mid(2).toLongLong(&ok, 16);
        return ok ? std::optional(QJsonValue(v)) : std::nullopt;
    }
    if (real.match(s).hasMatch()) {
        const double v = s.toDouble(&ok);
        return ok ? std::optional(QJsonValue(v)) : std::nullopt;
    }
    return std::nullopt;
}

QJsonValue plainScalar(const QString &s)
{
    if (isNullWord(s))
        return QJsonValue(QJsonValue::Null);
    if (const auto b = boolWord(s))
        return QJsonValue(*b);
    if (const auto n = number(s))
        return *n;
    return QJsonValue(s);
}

QJsonValue scalar(const std::string &yamlTag, const QString &text)
{
    const QString tag = QString::fromStdString(yamlTag);
    // yaml-cpp tags plain scalars "?" and quoted or block scalars "!".
    if (tag == u"?")
        return plainScalar(text);
    if (tag == kTagNull)
        return QJsonValue(QJsonValue::Null);
    if (tag == kTagBool) {
        if (const auto b = boolWord(text))
            return QJsonValue(*b);
    } else if (tag == kTagInt || tag == kTagFloat) {
        if (const auto n = number(text))
            return *n;
    }
    // !!str, "!" (quoted, block) and application tags all keep the text as written.
    return QJsonValue(text);
}

// The bytes of one document, read by yaml-cpp's parser in place: no copy of a file that
// may be hundreds of megabytes.
class ByteStream final : public std::streambuf
{
public:
    explicit ByteStream(QByteArrayView bytes)
    {
        char *begin = const_cast<char *>(bytes.data()); // read only: nothing is put back past it
        setg(begin, begin, begin + bytes.size());
    }
};

// Builds JSON from yaml-cpp's parser events, without yaml-cpp's node tree: that tree costs
// several times the file's size, and this is what keeps an import's peak memory a small
// multiple of its largest document (issue 20). Problems are thrown as YAML::Exception with
// the mark of the value, so that they reach the caller through the same path as parser
// errors.
class JsonBuilder final : public YAML::EventHandler
{
public:
    // `lines`, when given, gets the line of every value by its path; `lineOffset` is the
    // 0-based line where the document's chunk starts in the file.
    JsonBuilder(QHash<QString, int> *lines, int lineOffset)
        : m_lines(lines)
        , m_lineOffset(lineOffset)
    { }

    // The document's value, and the 1-based line where it starts; null for an empty one.
    QJsonValue root() const { return m_root; }
    int rootLine() const { return m_rootLine; }

    void OnDocumentStart(const YAML::Mark &) override { }
    void OnDocumentEnd() override { }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        begin(mark);
        finish(Value { QJsonValue(QJsonValue::Null), QStringLiteral("null"), 1 }, mark, anchor);
    }

    void OnScalar(
        const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor, const std::string &value) override
    {
        begin(mark);
        QString text = QString::fromStdString(value);
        QJsonValue json = scalar(tag, text);
        // The text is kept only where it is needed: a long value is not held twice.
        if (!atKey() && anchor == YAML::NullAnchor)
            text.clear();
        finish(Value { std::move(json), std::move(text), 1 }, mark, anchor);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const auto it = m_anchors.constFind(anchor);
        if (it == m_anchors.constEnd())
            throw YAML::Exception(mark, "alias to an unknown anchor");
        // An alias costs what its anchor expands to: that is what an export writes out.
        m_values += it->count - 1;
        begin(mark);
        finish(*it, mark, YAML::NullAnchor);
    }

    void OnSequenceStart(
        const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        open(Frame::Sequence, mark, anchor);
    }

    void OnSequenceEnd() override
    {
        Frame frame = takeFrame();
        finish(Value { std::move(frame.array), {}, m_values - frame.valuesBefore + 1 }, frame.mark, frame.anchor);
    }

    void OnMapStart(
        const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        open(Frame::Map, mark, anchor);
    }

    void OnMapEnd() override
    {
        Frame frame = takeFrame();
        // Inserting keys in order is what keeps a mapping of 100,000 keys linear: QJsonObject
        // keeps its keys sorted, and an insertion in the middle moves all that follow.
        std::stable_sort(
            frame.entries.begin(), frame.entries.end(), [](const Entry &a, const Entry &b) { return a.key < b.key; });
        const Entry *duplicate = nullptr;
        for (std::size_t i = 1; i < frame.entries.size(); ++i) {
            const Entry &entry = frame.entries[i];
            if (entry.key == frame.entries[i - 1].key && (!duplicate || before(entry.keyMark, duplicate->keyMark)))
                duplicate = &entry; // the first place in the text where a key came again
        }
        if (duplicate)
            throw YAML::Exception(
                duplicate->keyMark, "duplicate key \"" + duplicate->key.toStdString() + "\" in a mapping");
        QJsonObject object;
        for (Entry &entry : frame.entries)
            object.insert(entry.key, entry.value); // Qt 6.4 takes it by const reference only
        finish(Value { std::move(object), {}, m_values - frame.valuesBefore + 1 }, frame.mark, frame.anchor);
    }

private:
    // A finished value: its JSON, its text when it was a scalar (a mapping key keeps the
    // text as written: `012:` is the key "012"), and how many values it expands to.
    struct Value
    {
        QJsonValue json;
        QString text;
        qsizetype count = 1;
    };

    struct Entry
    {
        QString key;
        QJsonValue value;
        YAML::Mark keyMark;
    };

    struct Frame
    {
        enum Kind { Sequence, Map } kind = Sequence;
        YAML::anchor_t anchor = YAML::NullAnchor;
        qsizetype valuesBefore = 0;
        YAML::Mark mark;
        bool isKey = false; // a complex key, or inside one
        QJsonArray array;
        std::vector<Entry> entries;
        std::optional<QString> key; // a mapping's key waiting for its value
        YAML::Mark keyMark;
    };

    static bool before(const YAML::Mark &a, const YAML::Mark &b)
    {
        return a.line < b.line || (a.line == b.line && a.column < b.column);
    }

    // JSON keys are strings: a complex key (a mapping or list) is kept as its JSON text,
    // which is also flow YAML.
    static QString keyText(const Value &key)
    {
        if (key.json.isObject())
            return QString::fromUtf8(QJsonDocument(key.json.toObject()).toJson(QJsonDocument::Compact));
        if (key.json.isArray())
            return QString::fromUtf8(QJsonDocument(key.json.toArray()).toJson(QJsonDocument::Compact));
        return key.text;
    }

    bool atKey() const { return !m_frames.empty() && m_frames.back().kind == Frame::Map && !m_frames.back().key; }

    // A value starts at `mark`: the limits, and its line by its path.
    void begin(const YAML::Mark &mark)
    {
        if (m_frames.size() > std::size_t(kMaxDepth))
            throw YAML::Exception(mark, kTooDeep);
        if (++m_values > kMaxValues)
            throw YAML::Exception(mark, "expands to more than a million values (aliases?)");
        if (m_frames.empty() && m_rootLine == 0)
            m_rootLine = mark.is_null() ? m_lineOffset + 1 : mark.line + m_lineOffset + 1;
        if (!m_lines || mark.is_null() || m_keyDepth > 0 || atKey())
            return;
        QStringList path;
        path.reserve(qsizetype(m_frames.size()));
        for (const Frame &frame : m_frames)
            path.append(frame.kind == Frame::Map ? *frame.key : QString::number(frame.array.size()));
        m_lines->insert(path.join(u'/'), mark.line + m_lineOffset + 1);
    }

    void open(Frame::Kind kind, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        begin(mark);
        Frame frame;
        frame.kind = kind;
        frame.anchor = anchor;
        frame.valuesBefore = m_values;
        frame.mark = mark;
        frame.isKey = m_keyDepth > 0 || atKey();
        if (frame.isKey)
            ++m_keyDepth;
        m_frames.push_back(std::move(frame));
    }

    Frame takeFrame()
    {
        Frame frame = std::move(m_frames.back());
        m_frames.pop_back();
        if (frame.isKey)
            --m_keyDepth;
        return frame;
    }

    void finish(Value value, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        if (anchor != YAML::NullAnchor)
            m_anchors.insert(anchor, value);
        if (m_frames.empty()) {
            m_root = std::move(value.json);
            return;
        }
        Frame &parent = m_frames.back();
        if (parent.kind == Frame::Sequence) {
            parent.array.append(value.json); // Qt 6.4 takes it by const reference only
        } else if (!parent.key) {
            parent.key = keyText(value);
            parent.keyMark = mark;
        } else {
            parent.entries.push_back(Entry { std::move(*parent.key), std::move(value.json), parent.keyMark });
            parent.key.reset();
        }
    }

    QHash<QString, int> *m_lines = nullptr;
    int m_lineOffset = 0;
    std::vector<Frame> m_frames;
    QHash<YAML::anchor_t, Value> m_anchors;
    qsizetype m_values = 0;
    int m_keyDepth = 0;
    QJsonValue m_root;
    int m_rootLine = 0;
};

bool isMarkerLine(QByteArrayView line, const char *marker)
{
    if (!line.startsWith(marker))
        return false;
    return line.size() == 3 || line.at(3) == ' ' || line.at(3) == '\t' || line.at(3) == '\r';
}

// Lines before a document's content: blank lines, comments, directives, end markers.
bool isPreamble(QByteArrayView line)
{
    const QByteArrayView t = line.trimmed();
    return t.isEmpty() || t.startsWith('#') || t.startsWith('%') || isMarkerLine(line, "...");
}

// One document's bytes in the file's text, not a copy of them.
struct Chunk
{
    QByteArrayView text;
    int firstLine = 0; // 0-based line of the chunk's first line in the file
};

// Splits at column-0 `---` markers. YAML forbids a marker line inside any scalar, so this
// split never cuts a document in two; it lets each document fail on its own.
QList<Chunk> splitDocuments(QByteArrayView text)
{
    QList<Chunk> chunks;
    qsizetype chunkStart = 0;
    int chunkLine = 0;
    bool hasContent = false;
    int lineNo = 0;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = text.sliced(pos, end - pos);
        if (isMarkerLine(line, "---") && hasContent) {
            chunks.append(Chunk { text.sliced(chunkStart, pos - chunkStart), chunkLine });
            chunkStart = pos;
            chunkLine = lineNo;
            hasContent = false;
        }
        const bool inlineDocument = isMarkerLine(line, "---") && !line.sliced(3).trimmed().isEmpty()
            && !line.sliced(3).trimmed().startsWith('#'); // `--- {inline: document}`
        if ((!isPreamble(line) && !isMarkerLine(line, "---")) || inlineDocument)
            hasContent = true;
        pos = end + 1;
        ++lineNo;
    }
    if (hasContent)
        chunks.append(Chunk { text.sliced(chunkStart), chunkLine });
    return chunks;
}

YamlError errorAt(const YAML::Mark &mark, int lineOffset, const std::string &message)
{
    YamlError error;
    if (!mark.is_null()) {
        error.line = mark.line + lineOffset + 1;
        error.column = mark.column + 1;
    }
    error.message = QString::fromStdString(message);
    return error;
}

} // namespace

YamlParseResult YamlToJson::parse(const QByteArray &text, Lines lines)
{
    YamlParseResult result;
    QByteArrayView body(text);
    if (body.startsWith("\xEF\xBB\xBF"))
        body = body.sliced(3);
    for (const Chunk &chunk : splitDocuments(body)) {
        // yaml-cpp throws; nothing of that crosses this boundary.
        try {
            ByteStream bytes(chunk.text);
            std::istream input(&bytes);
            YAML::Parser parser(input);
            // yaml-cpp 0.7 can report empty documents for ever on some broken text (a stray
            // closing brace after flow mappings, found by tests/fuzz): a chunk holds one
            // document, so a run of empty ones is a parser that no longer moves.
            int emptyInARow = 0;
            for (;;) {
                YamlDocument document;
                JsonBuilder builder(lines == Lines::Keep ? &document.lines : nullptr, chunk.firstLine);
                if (!parser.HandleNextDocument(builder))
                    break;
                if (builder.root().isNull()) {
                    if (++emptyInARow == kMaxEmptyDocuments) {
                        result.errors.append(YamlError { chunk.firstLine + 1, 0, QString::fromUtf8(kStalled) });
                        break;
                    }
                    continue;
                }
                emptyInARow = 0;
                document.value = builder.root();
                document.line = builder.rootLine();
                result.documents.append(std::move(document));
            }
        } catch (const YAML::DeepRecursion &e) {
            // yaml-cpp's own depth guard words this "bad file"; say what it is, as for JSON.
            result.errors.append(errorAt(e.mark, chunk.firstLine, kTooDeep));
        } catch (const YAML::Exception &e) {
            result.errors.append(errorAt(e.mark, chunk.firstLine, e.msg));
        } catch (const std::exception &e) {
            result.errors.append(YamlError { chunk.firstLine + 1, 0, QString::fromUtf8(e.what()) });
        }
    }
    return result;
}

} // namespace cairn::sync
