// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/YamlToJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include <string>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

namespace cairn::sync {

namespace {

constexpr int kMaxDepth = 256;
constexpr qsizetype kMaxValues = 1'000'000;

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

QJsonValue scalar(const YAML::Node &node)
{
    const QString text = QString::fromStdString(node.Scalar());
    const QString tag = QString::fromStdString(node.Tag());
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

// Converts one yaml-cpp node tree. Problems are thrown as YAML::Exception with the
// node's mark so that they reach the caller through the same path as parser errors.
class Converter
{
public:
    // `lines`, when given, gets the line of every value by its path; `lineOffset` is the
    // 0-based line where the document's chunk starts in the file.
    explicit Converter(QHash<QString, int> *lines = nullptr, int lineOffset = 0)
        : m_lines(lines)
        , m_lineOffset(lineOffset)
    { }

    QJsonValue convert(const YAML::Node &node, int depth)
    {
        if (m_lines && !node.Mark().is_null())
            m_lines->insert(m_path.join(u'/'), node.Mark().line + m_lineOffset + 1);
        if (depth > kMaxDepth)
            throw YAML::Exception(node.Mark(), "nested deeper than 256 levels");
        if (++m_values > kMaxValues)
            throw YAML::Exception(node.Mark(), "expands to more than a million values (aliases?)");
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            return QJsonValue(QJsonValue::Null);
        case YAML::NodeType::Scalar:
            return scalar(node);
        case YAML::NodeType::Sequence: {
            QJsonArray array;
            for (const YAML::Node &item : node) {
                if (m_lines)
                    m_path.append(QString::number(array.size()));
                array.append(convert(item, depth + 1));
                if (m_lines)
                    m_path.removeLast();
            }
            return array;
        }
        case YAML::NodeType::Map: {
            QJsonObject object;
            for (const auto &entry : node) {
                const QString key = keyText(entry.first);
                if (object.contains(key))
                    throw YAML::Exception(
                        entry.first.Mark(), "duplicate key \"" + key.toStdString() + "\" in a mapping");
                if (m_lines)
                    m_path.append(key);
                object.insert(key, convert(entry.second, depth + 1));
                if (m_lines)
                    m_path.removeLast();
            }
            return object;
        }
        }
        return QJsonValue(QJsonValue::Null);
    }

private:
    static QString keyText(const YAML::Node &key)
    {
        if (key.IsScalar())
            return QString::fromStdString(key.Scalar());
        if (key.IsNull())
            return QStringLiteral("null");
        // JSON keys are strings: a complex key is kept as its flow YAML text.
        YAML::Emitter out;
        out << YAML::Flow << key;
        return QString::fromUtf8(out.c_str());
    }

    qsizetype m_values = 0;
    QHash<QString, int> *m_lines = nullptr;
    int m_lineOffset = 0;
    QStringList m_path;
};

bool isMarkerLine(const QByteArray &line, const char *marker)
{
    if (!line.startsWith(marker))
        return false;
    return line.size() == 3 || line.at(3) == ' ' || line.at(3) == '\t' || line.at(3) == '\r';
}

// Lines before a document's content: blank lines, comments, directives, end markers.
bool isPreamble(const QByteArray &line)
{
    const QByteArray t = line.trimmed();
    return t.isEmpty() || t.startsWith('#') || t.startsWith('%') || isMarkerLine(line, "...");
}

struct Chunk
{
    QByteArray text;
    int firstLine = 0; // 0-based line of the chunk's first line in the file
};

// Splits at column-0 `---` markers. YAML forbids a marker line inside any scalar, so this
// split never cuts a document in two; it lets each document fail on its own.
QList<Chunk> splitDocuments(const QByteArray &text)
{
    QList<Chunk> chunks;
    Chunk current;
    bool hasContent = false;
    int lineNo = 0;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        const QByteArray line = text.mid(pos, end - pos);
        if (isMarkerLine(line, "---") && hasContent) {
            chunks.append(current);
            current = Chunk { {}, lineNo };
            hasContent = false;
        }
        current.text.append(line).append('\n');
        if (!isPreamble(line) && !isMarkerLine(line, "---"))
            hasContent = true;
        else if (isMarkerLine(line, "---") && !line.mid(3).trimmed().isEmpty()
            && !line.mid(3).trimmed().startsWith('#'))
            hasContent = true; // `--- {inline: document}`
        pos = end + 1;
        ++lineNo;
    }
    if (hasContent)
        chunks.append(current);
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
    QByteArray body = text;
    if (body.startsWith("\xEF\xBB\xBF"))
        body.remove(0, 3);
    for (const Chunk &chunk : splitDocuments(body)) {
        // yaml-cpp throws; nothing of that crosses this boundary.
        try {
            const std::vector<YAML::Node> nodes = YAML::LoadAll(chunk.text.toStdString());
            for (const YAML::Node &node : nodes) {
                if (!node.IsDefined() || node.IsNull())
                    continue;
                YamlDocument document;
                Converter converter(lines == Lines::Keep ? &document.lines : nullptr, chunk.firstLine);
                document.value = converter.convert(node, 0);
                document.line = node.Mark().is_null() ? chunk.firstLine + 1 : node.Mark().line + chunk.firstLine + 1;
                result.documents.append(document);
            }
        } catch (const YAML::DeepRecursion &e) {
            // yaml-cpp's own depth guard words this "bad file"; say what it is, as for JSON.
            result.errors.append(errorAt(e.mark, chunk.firstLine,
                "nested too deeply (more than " + std::to_string(kMaxDepth) + " levels); nothing in a catalog is"));
        } catch (const YAML::Exception &e) {
            result.errors.append(errorAt(e.mark, chunk.firstLine, e.msg));
        } catch (const std::exception &e) {
            result.errors.append(YamlError { chunk.firstLine + 1, 0, QString::fromUtf8(e.what()) });
        }
    }
    return result;
}

} // namespace cairn::sync
