// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/CatalogExporter.h"

#include "cache/Cache.h"
#include "core/AtomicFileWrite.h"
#include "core/DeviceWrite.h"

#include <QDir>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <yaml-cpp/yaml.h>

namespace cairn::sync {

namespace {

const QString Metadata = QStringLiteral("metadata");
const QString Annotations = QStringLiteral("annotations");

// Characters a YAML reader would not give back from a plain or block scalar: C0 controls
// but tab and LF, DEL, C1 controls, and the characters YAML 1.1 reads as line breaks or BOM.
bool hasUnprintable(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n') || (u >= 0x7F && u <= 0x9F) || u == 0x2028 || u == 0x2029
            || u == 0xFEFF)
            return true;
    }
    return false;
}

// A literal block (|) gives back exactly its text only when the text ends with one line
// break (the default "clip" keeps one), does not start with a space, tab or line break
// (the first line sets the indentation) and holds no CR: yaml-cpp writes no chomping or
// indentation indicators. Other multi-line strings are double-quoted with escapes.
bool literalKeepsText(QStringView text)
{
    return text.size() > 1 && text.endsWith(u'\n') && !text.endsWith(u"\n\n") && text.front() != u' '
        && text.front() != u'\t' && text.front() != u'\n' && !text.contains(u'\r') && !hasUnprintable(text);
}

void emitString(YAML::Emitter &out, const QString &text, bool allowLiteral)
{
    const std::string utf8 = text.toStdString();
    if (text.contains(u'\n')) {
        if (allowLiteral && literalKeepsText(text))
            out << YAML::Literal << utf8;
        else
            out << YAML::DoubleQuoted << utf8;
    } else if (CatalogExporter::needsQuotes(text) || hasUnprintable(text)) {
        out << YAML::DoubleQuoted << utf8;
    } else {
        // yaml-cpp itself quotes what YAML syntax needs (": ", "#", leading spaces, "[", ...).
        out << utf8;
    }
}

std::string numberText(double value)
{
    // JSON numbers are doubles; an integral one reads best without a fraction.
    if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 9007199254740992.0)
        return QByteArray::number(qint64(value)).toStdString();
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest).toStdString();
}

void emitValue(YAML::Emitter &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            return;
        }
        out << YAML::BeginMap;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            out << YAML::Key;
            emitString(out, it.key(), false);
            out << YAML::Value;
            emitValue(out, it.value());
        }
        out << YAML::EndMap;
        return;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            return;
        }
        out << YAML::BeginSeq;
        for (const QJsonValue item : array)
            emitValue(out, item);
        out << YAML::EndSeq;
        return;
    }
    case QJsonValue::String:
        emitString(out, value.toString(), true);
        return;
    case QJsonValue::Double:
        out << numberText(value.toDouble());
        return;
    case QJsonValue::Bool:
        out << value.toBool();
        return;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out << YAML::Null;
        return;
    }
}

// Kinds are letters in practice; anything else must not make a path of its own.
QString fileNameFor(const QString &kind)
{
    QString name = kind;
    for (QChar &c : name) {
        if (!(c.isLetterOrNumber() || c == u'-' || c == u'_'))
            c = u'_';
    }
    return name + QStringLiteral(".yaml");
}

} // namespace

CatalogExporter::CatalogExporter(cache::Cache &cache)
    : m_cache(cache)
{ }

bool CatalogExporter::isServerOnlyAnnotation(QStringView key)
{
    return key.startsWith(u"backstage.io/managed-by-");
}

QJsonObject CatalogExporter::catalogDocument(QJsonObject document)
{
    document.remove(QStringLiteral("relations"));
    document.remove(QStringLiteral("status"));
    QJsonObject metadata = document.value(Metadata).toObject();
    if (document.value(Metadata).isObject()) {
        metadata.remove(QStringLiteral("uid"));
        metadata.remove(QStringLiteral("etag"));
        if (metadata.value(Annotations).isObject()) {
            QJsonObject annotations = metadata.value(Annotations).toObject();
            bool stripped = false;
            for (auto it = annotations.begin(); it != annotations.end();) {
                if (isServerOnlyAnnotation(it.key())) {
                    it = annotations.erase(it);
                    stripped = true;
                } else {
                    ++it;
                }
            }
            // Only what the server added goes: an annotations object the author left empty stays.
            if (stripped && annotations.isEmpty())
                metadata.remove(Annotations);
            else if (stripped)
                metadata.insert(Annotations, annotations);
        }
        document.insert(Metadata, metadata);
    }
    return document;
}

bool CatalogExporter::needsQuotes(QStringView text)
{
    if (text.isEmpty() || text == u"=" || text == u"<<")
        return true;
    // YAML 1.1 (yaml-cpp, PyYAML, older tools) and 1.2 (Backstage) nulls and booleans.
    static const QStringList words { QStringLiteral("~"), QStringLiteral("null"), QStringLiteral("true"),
        QStringLiteral("false"), QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("y"), QStringLiteral("n"),
        QStringLiteral("on"), QStringLiteral("off") };
    for (const QString &word : words) {
        if (text.compare(word, Qt::CaseInsensitive) == 0)
            return true;
    }
    // Numbers in every base and form (1_000, 0x1F, 0o17, 1e3, .5, 12:30 sexagesimal), .inf
    // and .nan, and dates or timestamps (YAML 1.1 reads 2024-05-01 as a date). Broader than
    // the grammars on purpose: a needless pair of quotes costs nothing.
    static const QRegularExpression numberLike(
        QStringLiteral("^[-+]?(\\.?[0-9][0-9A-Za-z_.:+-]*|\\.(inf|nan))$"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression dateLike(QStringLiteral("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"));
    const QString subject = text.toString();
    return numberLike.match(subject).hasMatch() || dateLike.match(subject).hasMatch();
}

QByteArray CatalogExporter::toYaml(const QJsonObject &document)
{
    YAML::Emitter out;
    out.SetIndent(2);
    emitValue(out, document);
    QByteArray yaml(out.c_str(), qsizetype(out.size()));
    if (!yaml.endsWith('\n'))
        yaml.append('\n');
    return yaml;
}

core::Result<qint64> CatalogExporter::forEach(const CatalogExportOptions &options, const DocumentSink &sink) const
{
    const bool keepLocations
        = options.includeLocations || options.filter.kind.compare(u"location", Qt::CaseInsensitive) == 0;
    cache::ViewExport view(m_cache);
    view.setProgress(m_progress);
    view.setCancelCheck(m_cancelled);
    qint64 written = 0;
    core::Result<qint64> visited
        = view.forEachDocument(options.filter, [&](const QByteArray &text, bool) -> core::Status {
              QJsonParseError parseError;
              const QJsonDocument json = QJsonDocument::fromJson(text, &parseError);
              if (!json.isObject())
                  return core::Error { QStringLiteral("A cached document is not a JSON object (%1): %2")
                                           .arg(parseError.errorString(), QString::fromUtf8(text.left(80))) };
              const QJsonObject document = json.object();
              if (!keepLocations
                  && document.value(QStringLiteral("kind")).toString().compare(u"location", Qt::CaseInsensitive) == 0)
                  return {};
              if (core::Status status = sink(catalogDocument(document)); !status)
                  return status;
              ++written;
              return {};
          });
    if (!visited)
        return visited.error();
    return written;
}

core::Result<qint64> CatalogExporter::writeYaml(QIODevice &device, const CatalogExportOptions &options) const
{
    return forEach(options, [&](const QJsonObject &document) -> core::Status {
        return core::writeFully(device, QByteArrayLiteral("---\n") + toYaml(document));
    });
}

core::Result<qint64> CatalogExporter::writeBundle(QIODevice &device, const CatalogExportOptions &options) const
{
    // {"items": [...]}: one JSON document a Backstage page reader also understands, yet
    // written one entity at a time, one per line.
    if (core::Status status = core::writeFully(device, QByteArrayLiteral("{\"items\": [\n")); !status)
        return status.error();
    bool first = true;
    core::Result<qint64> written = forEach(options, [&](const QJsonObject &document) -> core::Status {
        QByteArray line = QJsonDocument(document).toJson(QJsonDocument::Compact);
        if (!first)
            line.prepend(",\n");
        first = false;
        return core::writeFully(device, line);
    });
    if (!written)
        return written;
    if (core::Status status = core::writeFully(device, first ? QByteArrayLiteral("]}\n") : QByteArrayLiteral("\n]}\n"));
        !status)
        return status.error();
    return written;
}

core::Result<qint64> CatalogExporter::writeYamlDirectory(
    const QString &directory, const CatalogExportOptions &options) const
{
    // The folders this export creates, innermost first: a failed export takes them away
    // again, so that it leaves the disk as it found it.
    QStringList created;
    for (QFileInfo missing(QDir(directory).absolutePath()); !missing.exists() && !missing.isRoot();
         missing = QFileInfo(missing.absolutePath()))
        created.append(missing.absoluteFilePath());
    const auto failed = [&created](core::Error error) -> core::Result<qint64> {
        for (const QString &folder : std::as_const(created)) // innermost first
            QDir().rmdir(folder); // only ever removes an empty folder
        return error;
    };
    if (!QDir().mkpath(directory))
        return failed(
            core::Error { QStringLiteral("Could not create the folder %1.").arg(QDir::toNativeSeparators(directory)) });
    cache::ViewExport view(m_cache);
    core::Result<QStringList> kinds = view.kinds(options.filter);
    if (!kinds)
        return failed(kinds.error());
    QStringList toWrite; // the kinds, one file each
    for (const QString &kind : std::as_const(kinds.value()))
        if (kind != u"location" || options.includeLocations || !options.filter.kind.isEmpty())
            toWrite.append(kind);
    // A link where a file goes would be written through, overwriting whatever it points at
    // (the save replaces the link's target). Refused before anything is written, so that a
    // refusal leaves the folder as it was.
    for (const QString &kind : std::as_const(toWrite)) {
        const QFileInfo target(QDir(directory).filePath(fileNameFor(kind)));
        if (target.isSymLink())
            return failed(core::Error {
                QStringLiteral("Could not write %1: it is a symbolic link (to %2), and an "
                               "export does not write through links. Remove the link or "
                               "choose another folder; nothing was written.")
                    .arg(QDir::toNativeSeparators(target.filePath()), QDir::toNativeSeparators(target.symLinkTarget())),
                core::ErrorKind::InvalidInput });
    }
    // All files or none: a full disk at the last kind must not leave the folder half old,
    // half new.
    qint64 total = 0;
    QList<core::FileToWrite> files;
    for (const QString &kind : std::as_const(toWrite)) {
        CatalogExportOptions one = options;
        one.filter.kind = kind;
        files.append({ QDir(directory).filePath(fileNameFor(kind)), [this, one, &total](QIODevice &file) {
                          core::Result<qint64> n = writeYaml(file, one);
                          if (!n)
                              return core::Status { n.error() };
                          total += *n;
                          return core::Status {};
                      } });
    }
    if (core::Status status = core::writeFilesAtomically(files); !status)
        return failed(status.error());
    return total;
}

} // namespace cairn::sync
