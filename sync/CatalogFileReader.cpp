// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/CatalogFileReader.h"

#include "sync/YamlToJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

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

CatalogFileContents parseYaml(const QByteArray &data, const QString &file)
{
    CatalogFileContents contents;
    const YamlParseResult yaml = YamlToJson::parse(data);
    for (const YamlDocument &document : yaml.documents)
        contents.documents.append(
            JsonDocument::fromValue(document.value, core::DocumentOrigin { file, document.line }));
    for (const YamlError &error : yaml.errors) {
        const QString where = error.column > 0 ? QStringLiteral(" (column %1)").arg(error.column) : QString();
        contents.problems.append(problemAt(file, error.line,
            QStringLiteral("YAML error%1: %2; this document was skipped, fix the file and import again")
                .arg(where, error.message)));
    }
    return contents;
}

CatalogFileContents parseJson(const QByteArray &data, const QString &file, JsonDocumentReader &json)
{
    CatalogFileContents contents;
    JsonDocumentReader::Result read = json.readText(data, file);
    if (read.error) {
        const JsonTextError &error = *read.error;
        const QString where = error.column > 0 ? QStringLiteral(" (column %1)").arg(error.column) : QString();
        contents.problems.append(problemAt(file, error.line,
            QStringLiteral("JSON error%1: %2; nothing was read from this file").arg(where, error.message)));
        return contents;
    }
    contents.documents = std::move(read.read.documents);
    return contents;
}

CatalogFileContents parseNdJson(const QByteArray &data, const QString &file, JsonDocumentReader &json)
{
    CatalogFileContents contents;
    int lineNo = 0;
    qsizetype pos = 0;
    while (pos < data.size()) {
        qsizetype end = data.indexOf('\n', pos);
        if (end < 0)
            end = data.size();
        ++lineNo;
        const QByteArrayView line = QByteArrayView(data).sliced(pos, end - pos).trimmed();
        pos = end + 1;
        if (line.isEmpty())
            continue;
        JsonDocument document;
        if (const std::optional<JsonTextError> error = json.readValue(line, { file, lineNo }, document)) {
            const QString where = error->column > 0 ? QStringLiteral(" (column %1)").arg(error->column) : QString();
            contents.problems.append(problemAt(
                file, lineNo, QStringLiteral("JSON error%1: %2; this line was skipped").arg(where, error->message)));
            continue;
        }
        contents.documents.append(std::move(document));
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
    JsonDocumentReader json;
    return read(path, json);
}

CatalogFileContents CatalogFileReader::read(const QString &path, JsonDocumentReader &json)
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
    return parse(file.readAll(), path, format, json);
}

CatalogFileContents CatalogFileReader::parse(const QByteArray &data, const QString &file, Format format)
{
    JsonDocumentReader json;
    return parse(data, file, format, json);
}

CatalogFileContents CatalogFileReader::parse(
    const QByteArray &data, const QString &file, Format format, JsonDocumentReader &json)
{
    QByteArray body = data;
    if (body.startsWith("\xEF\xBB\xBF"))
        body.remove(0, 3); // a UTF-8 byte order mark, as Windows editors write
    switch (format) {
    case Format::Yaml:
        return parseYaml(body, file);
    case Format::Json:
        return parseJson(body, file, json);
    case Format::NdJson:
        return parseNdJson(body, file, json);
    case Format::Unknown:
        break;
    }
    CatalogFileContents contents;
    contents.problems.append(problemAt(file, 0, QStringLiteral("unknown catalog file format")));
    return contents;
}

} // namespace cairn::sync
