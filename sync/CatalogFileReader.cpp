// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/CatalogFileReader.h"

#include "sync/SizeLimit.h"
#include "sync/YamlToJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUtf8StringView>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace cairn::sync {

namespace {

// Whether `path` is something other than a file or folder (a device, FIFO or socket, also
// behind a link): reading /dev/zero never ends, and opening a FIFO waits for a writer.
bool isSpecialFile(const QString &path)
{
    std::error_code error;
    const std::filesystem::file_status status
        = std::filesystem::status(std::filesystem::path(reinterpret_cast<const char16_t *>(path.utf16())), error);
    if (error || !std::filesystem::exists(status))
        return false; // missing, or inside Qt's resources: the open says so
    return !std::filesystem::is_regular_file(status) && !std::filesystem::is_directory(status);
}

// The 1-based line of the byte at `at`.
int lineOf(const QByteArray &text, qsizetype at)
{
    return int(QByteArrayView(text).first(at).count('\n')) + 1;
}

// The 1-based line of the first bytes that are not valid UTF-8; 0 when all of it is.
int firstLineNotUtf8(const QByteArray &text)
{
    if (QUtf8StringView(text).isValidUtf8())
        return 0;
    int line = 1;
    for (qsizetype start = 0; start < text.size(); ++line) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        if (!QUtf8StringView(QByteArrayView(text).sliced(start, end - start)).isValidUtf8())
            return line;
        start = end + 1;
    }
    return 1; // not reached: invalid bytes are on some line
}

CatalogProblem problemAt(const QString &file, int line, QString message)
{
    return CatalogProblem { core::DocumentOrigin { file, line }, QString(), std::move(message) };
}

// A quoted value whose quote is not closed on its line runs on, as YAML allows, through
// the lines below it: `name: "checkout` swallows `spec:` and everything after, and the
// entity is then refused for a bad name and a missing spec. Where such a value swallows a
// line that reads like a key, the likelier cause (a missing closing quote) is noted.
QList<CatalogProblem> unclosedQuoteNotes(const QByteArray &data, const QString &file)
{
    static const QRegularExpression opening(QStringLiteral("^\\s*(?:- )?[^#\\s\"'][^:#]*:\\s+([\"'])(.*)$"));
    static const QRegularExpression key(QStringLiteral("^\\s*[A-Za-z0-9_.-]+:(\\s|$)"));
    // Lines as views of the bytes; only those with ": \"" or ": '" are looked at closely, so
    // that a large file costs one pass.
    QList<QByteArrayView> lines;
    for (qsizetype start = 0; start <= data.size();) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        lines.append(QByteArrayView(data).sliced(start, end - start));
        start = end + 1;
    }
    const auto lineText = [&lines](qsizetype i) { return QString::fromUtf8(lines.at(i)); };
    QList<CatalogProblem> notes;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines.at(i).contains(": \"") && !lines.at(i).contains(": '"))
            continue;
        const QRegularExpressionMatch m = opening.match(lineText(i));
        if (!m.hasMatch())
            continue;
        const QChar quote = m.captured(1).front();
        // Where the value closes: a quote not escaped (\" in double quotes, '' in single).
        const auto closesIn = [quote](QStringView text) {
            for (qsizetype k = 0; k < text.size(); ++k) {
                if (quote == u'"' && text.at(k) == u'\\') {
                    ++k;
                } else if (text.at(k) == quote) {
                    if (quote == u'\'' && k + 1 < text.size() && text.at(k + 1) == u'\'')
                        ++k;
                    else
                        return true;
                }
            }
            return false;
        };
        if (closesIn(m.captured(2)))
            continue;
        qsizetype end = i + 1;
        bool swallowsAKey = false;
        while (end < lines.size() && !closesIn(lineText(end))) {
            swallowsAKey = swallowsAKey || key.match(lineText(end)).hasMatch();
            ++end;
        }
        if (swallowsAKey)
            notes.append(problemAt(file, int(i) + 1,
                end < lines.size()
                    ? QStringLiteral("the quote opened on this line closes only on line %1, so the lines between "
                                     "(keys included) are part of its value; is a closing %2 missing?")
                          .arg(end + 1)
                          .arg(quote)
                    : QStringLiteral("the quote opened on this line is never closed, so every line after it is "
                                     "part of its value; is a closing %1 missing?")
                          .arg(quote)));
        i = end;
    }
    return notes;
}

CatalogFileContents parseYaml(QByteArray data, const QString &file)
{
    CatalogFileContents contents;
    contents.notes = unclosedQuoteNotes(data, file);
    YamlParseResult yaml = YamlToJson::parse(data);
    data = QByteArray(); // not held while the documents are written out as JSON
    for (YamlDocument &document : yaml.documents) {
        contents.documents.append(
            JsonDocument::fromValue(document.value, core::DocumentOrigin { file, document.line }));
        document.value = QJsonValue(); // one document in two forms at a time, not the whole file
    }
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

// Appends the catalog files under `folder` until `files` holds `enough` of them.
void collectFiles(const QString &folder, QStringList &files, qsizetype enough = -1)
{
    const QDir dir(folder);
    const QFileInfoList entries
        = dir.entryInfoList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot | QDir::Readable, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (enough >= 0 && files.size() >= enough)
            return;
        const QString name = entry.fileName();
        if (name.startsWith(u'.') || name == u"node_modules")
            continue;
        // Symlinked folders are not followed: a link back up the tree would never end.
        if (entry.isDir() && !entry.isSymLink())
            collectFiles(entry.filePath(), files, enough);
        // Not only regular files: a device or FIFO named like a catalog file is listed, so
        // that reading it reports it instead of passing it over in silence.
        else if (!entry.isDir() && CatalogFileReader::formatOf(name) != CatalogFileReader::Format::Unknown)
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

bool CatalogFileReader::holdsCatalogFiles(const QString &folder)
{
    QStringList first;
    collectFiles(QDir::cleanPath(folder), first, 1);
    return !first.isEmpty();
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
    const auto refused = [&path](QString why) {
        CatalogFileContents contents;
        contents.problems.append(problemAt(path, 0, std::move(why)));
        return contents;
    };
    if (isSpecialFile(path))
        return refused(QStringLiteral("not a regular file (a device, a FIFO or a socket, perhaps behind a link); it "
                                      "was not read"));
    const Format format = formatOf(path);
    if (format == Format::Unknown)
        return refused(QStringLiteral("not a catalog file: expected .yaml, .yml, .json, .ndjson or .jsonl"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refused(QStringLiteral("cannot read the file: %1").arg(file.errorString()));
    const qint64 limit = maxFileSize();
    const auto tooLarge = [&refused, limit] {
        return refused(QStringLiteral("the file is larger than %1 MiB, the limit for one catalog file; it was not "
                                      "read. Is it really a catalog file? (CAIRN_MAX_FILE_MB raises the limit.)")
                           .arg(limit / MiB));
    };
    if (file.size() > limit)
        return tooLarge();
    // The file's size, plus one byte to notice one that grows while it is read; more room
    // only as it grows, and never more than the limit. (QIODevice::read(limit) would take
    // the whole limit from memory first.)
    // And JSON's padding after it, so that the JSON reader reads the file in place.
    QByteArray data(std::min(file.size(), limit) + 1 + JsonDocumentReader::kPadding, Qt::Uninitialized);
    qint64 filled = 0;
    for (;;) {
        const qint64 got = file.read(data.data() + filled, data.size() - filled);
        if (got < 0)
            return refused(QStringLiteral("cannot read the file: %1").arg(file.errorString()));
        if (got == 0)
            break;
        filled += got;
        if (filled > limit)
            return tooLarge();
        if (filled == data.size())
            data.resize(std::min(data.size() * 2, limit + 1 + JsonDocumentReader::kPadding));
    }
    if (data.size() - filled < JsonDocumentReader::kPadding)
        data.resize(filled + JsonDocumentReader::kPadding);
    std::memset(data.data() + filled, 0, size_t(data.size() - filled)); // the padding is read
    data.truncate(filled);
    return parse(std::move(data), path, format, json);
}

qint64 CatalogFileReader::maxFileSize()
{
    return sizeLimit("CAIRN_MAX_FILE_MB", DefaultMaxFileSize);
}

CatalogFileContents CatalogFileReader::parse(const QByteArray &data, const QString &file, Format format)
{
    JsonDocumentReader json;
    return parse(data, file, format, json);
}

CatalogFileContents CatalogFileReader::parse(
    QByteArray data, const QString &file, Format format, JsonDocumentReader &json)
{
    QByteArray body = std::move(data);
    if (body.startsWith("\xEF\xBB\xBF"))
        body.remove(0, 3); // a UTF-8 byte order mark, as Windows editors write
    // A binary file (or UTF-16 text) would come out of the parsers as odd strings or escape
    // errors; say what it is instead.
    if (body.contains('\0')) {
        CatalogFileContents contents;
        contents.problems.append(problemAt(file, lineOf(body, body.indexOf('\0')),
            QStringLiteral("the file is not UTF-8 text (it holds NUL bytes: binary data, or text saved as UTF-16); "
                           "a catalog file is YAML or JSON saved as UTF-8. It was not read")));
        return contents;
    }
    // Bytes that are not UTF-8 (Latin-1 from an old editor) are read as U+FFFD: kept, but
    // changed, so the reader is told where.
    const int notUtf8 = firstLineNotUtf8(body);
    CatalogFileContents contents;
    switch (format) {
    case Format::Yaml:
        contents = parseYaml(std::move(body), file);
        break;
    case Format::Json:
        contents = parseJson(body, file, json);
        break;
    case Format::NdJson:
        contents = parseNdJson(body, file, json);
        break;
    case Format::Unknown:
        contents.problems.append(problemAt(file, 0, QStringLiteral("unknown catalog file format")));
        return contents;
    }
    if (notUtf8 > 0)
        contents.notes.append(problemAt(file, notUtf8,
            QStringLiteral("bytes that are not UTF-8 were read as \u201c\uFFFD\u201d (the first on this line); save "
                           "the file as UTF-8 to keep those characters")));
    return contents;
}

} // namespace cairn::sync
