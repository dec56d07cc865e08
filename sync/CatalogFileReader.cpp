// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/CatalogFileReader.h"

#include "sync/YamlToJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>

namespace cairn::sync {

namespace {

// Larger than any real catalog file; a bigger one is a mistake (a database dump, a log)
// that should not take the whole memory of the machine.
constexpr qint64 kMaxFileSize = 256 * 1024 * 1024;

CatalogProblem problemAt(const QString &file, int line, QString message)
{
    return CatalogProblem { core::DocumentOrigin { file, line }, QString(), std::move(message) };
}

// 1-based line and column of a byte offset.
std::pair<int, int> lineAndColumn(const QByteArray &data, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    const qsizetype lineStart = data.lastIndexOf('\n', offset - 1) + 1;
    const int line = int(std::count(data.cbegin(), data.cbegin() + offset, '\n')) + 1;
    return { line, int(offset - lineStart) + 1 };
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The byte offsets where the entities of a JSON entity list start: the elements of a
// top-level array, or of the top-level object's "items" array. QJsonDocument keeps no
// positions, so this small scan over the (already validated) text finds them, to give each
// entity its own line.
QList<qsizetype> entityOffsets(const QByteArray &d)
{
    struct Frame
    {
        bool array = false;
        bool holdsEntities = false;
        bool expectingKey = false; // objects: the next string is a key
        bool atValue = false; // arrays: the next token starts an element
        QByteArray key; // objects: the last key read
    };
    QList<qsizetype> offsets;
    QList<Frame> stack;
    for (qsizetype i = 0; i < d.size(); ++i) {
        const char c = d.at(i);
        if (isJsonSpace(c))
            continue;
        if (!stack.isEmpty()) {
            Frame &top = stack.last();
            if (top.array && top.atValue && c != ']') {
                if (top.holdsEntities)
                    offsets.append(i);
                top.atValue = false;
            }
        }
        if (c == '"') {
            const qsizetype start = i + 1;
            for (++i; i < d.size() && d.at(i) != '"'; ++i) {
                if (d.at(i) == '\\')
                    ++i;
            }
            if (!stack.isEmpty() && !stack.last().array && stack.last().expectingKey) {
                stack.last().key = d.mid(start, i - start);
                stack.last().expectingKey = false;
            }
            continue;
        }
        switch (c) {
        case '[': {
            const bool holds
                = stack.isEmpty() || (stack.size() == 1 && !stack.first().array && stack.first().key == "items");
            stack.append(Frame { true, holds, false, true, {} });
            break;
        }
        case '{':
            stack.append(Frame { false, false, true, false, {} });
            break;
        case ']':
        case '}':
            if (!stack.isEmpty())
                stack.removeLast();
            break;
        case ',':
            if (!stack.isEmpty()) {
                if (stack.last().array)
                    stack.last().atValue = true;
                else
                    stack.last().expectingKey = true;
            }
            break;
        default:
            break;
        }
    }
    return offsets;
}

QList<int> linesOf(const QByteArray &data, const QList<qsizetype> &offsets)
{
    QList<int> lines;
    int line = 1;
    qsizetype pos = 0;
    for (const qsizetype offset : offsets) {
        line += int(std::count(data.cbegin() + pos, data.cbegin() + offset, '\n'));
        pos = offset;
        lines.append(line);
    }
    return lines;
}

CatalogFileContents parseYaml(const QByteArray &data, const QString &file)
{
    CatalogFileContents contents;
    const YamlParseResult yaml = YamlToJson::parse(data);
    for (const YamlDocument &document : yaml.documents)
        contents.documents.append(CatalogDocument { document.value, core::DocumentOrigin { file, document.line } });
    for (const YamlError &error : yaml.errors) {
        const QString where = error.column > 0 ? QStringLiteral(" (column %1)").arg(error.column) : QString();
        contents.problems.append(problemAt(file, error.line,
            QStringLiteral("YAML error%1: %2; this document was skipped, fix the file and import again")
                .arg(where, error.message)));
    }
    return contents;
}

CatalogFileContents parseJson(const QByteArray &data, const QString &file)
{
    CatalogFileContents contents;
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(data, error.offset);
        contents.problems.append(problemAt(file, line,
            QStringLiteral("JSON error (column %1): %2; nothing was read from this file")
                .arg(column)
                .arg(error.errorString())));
        return contents;
    }
    QJsonArray list;
    if (json.isArray()) {
        list = json.array();
    } else if (const QJsonObject object = json.object();
               object.value(u"items").isArray() && !object.contains(u"kind")) {
        list = object.value(u"items").toArray();
    } else {
        const qsizetype start = std::find_if_not(data.cbegin(), data.cend(), isJsonSpace) - data.cbegin();
        contents.documents.append(
            CatalogDocument { object, core::DocumentOrigin { file, lineAndColumn(data, start).first } });
        return contents;
    }
    QList<int> lines = linesOf(data, entityOffsets(data));
    if (lines.size() != list.size())
        lines = QList<int>(list.size(), 1); // cannot happen on valid JSON; never guess wrong lines
    for (qsizetype i = 0; i < list.size(); ++i)
        contents.documents.append(CatalogDocument { list.at(i), core::DocumentOrigin { file, lines.at(i) } });
    return contents;
}

CatalogFileContents parseNdJson(const QByteArray &data, const QString &file)
{
    CatalogFileContents contents;
    int lineNo = 0;
    qsizetype pos = 0;
    while (pos < data.size()) {
        qsizetype end = data.indexOf('\n', pos);
        if (end < 0)
            end = data.size();
        ++lineNo;
        const QByteArray line = data.mid(pos, end - pos).trimmed();
        pos = end + 1;
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError) {
            contents.problems.append(problemAt(file, lineNo,
                QStringLiteral("JSON error (column %1): %2; this line was skipped")
                    .arg(error.offset + 1)
                    .arg(error.errorString())));
            continue;
        }
        const QJsonValue value = json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object());
        contents.documents.append(CatalogDocument { value, core::DocumentOrigin { file, lineNo } });
    }
    return contents;
}

void collectFiles(const QString &folder, QStringList &files)
{
    const QDir dir(folder);
    const QFileInfoList entries
        = dir.entryInfoList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot | QDir::Readable, QDir::Name);
    for (const QFileInfo &entry : entries) {
        const QString name = entry.fileName();
        if (name.startsWith(u'.') || name == u"node_modules")
            continue;
        // Symlinked folders are not followed: a link back up the tree would never end.
        if (entry.isDir() && !entry.isSymLink())
            collectFiles(entry.filePath(), files);
        else if (entry.isFile() && CatalogFileReader::formatOf(name) != CatalogFileReader::Format::Unknown)
            files.append(entry.filePath());
    }
}

} // namespace

CatalogFileReader::Format CatalogFileReader::formatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"yaml" || suffix == u"yml")
        return Format::Yaml;
    if (suffix == u"json")
        return Format::Json;
    if (suffix == u"ndjson" || suffix == u"jsonl")
        return Format::NdJson;
    return Format::Unknown;
}

QStringList CatalogFileReader::filesInFolder(const QString &folder)
{
    QStringList files;
    collectFiles(QDir::cleanPath(folder), files);
    // One global order by path, so the same folder always reads the same way.
    std::sort(files.begin(), files.end());
    return files;
}

CatalogFileContents CatalogFileReader::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        CatalogFileContents contents;
        contents.problems.append(
            problemAt(path, 0, QStringLiteral("cannot read the file: %1").arg(file.errorString())));
        return contents;
    }
    if (file.size() > kMaxFileSize) {
        CatalogFileContents contents;
        contents.problems.append(problemAt(path, 0,
            QStringLiteral("the file is larger than 256 MiB; it was not read (is it really a catalog file?)")));
        return contents;
    }
    const Format format = formatOf(path);
    if (format == Format::Unknown) {
        CatalogFileContents contents;
        contents.problems.append(
            problemAt(path, 0, QStringLiteral("not a catalog file: expected .yaml, .yml, .json, .ndjson or .jsonl")));
        return contents;
    }
    return parse(file.readAll(), path, format);
}

CatalogFileContents CatalogFileReader::parse(const QByteArray &data, const QString &file, Format format)
{
    QByteArray body = data;
    if (body.startsWith("\xEF\xBB\xBF"))
        body.remove(0, 3); // a UTF-8 byte order mark, as Windows editors write
    switch (format) {
    case Format::Yaml:
        return parseYaml(body, file);
    case Format::Json:
        return parseJson(body, file);
    case Format::NdJson:
        return parseNdJson(body, file);
    case Format::Unknown:
        break;
    }
    CatalogFileContents contents;
    contents.problems.append(problemAt(file, 0, QStringLiteral("unknown catalog file format")));
    return contents;
}

} // namespace cairn::sync
