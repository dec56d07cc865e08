// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/CatalogImporter.h"

#include "sync/CatalogFileReader.h"
#include "sync/CompassMapper.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace cairn::sync {

namespace {

// How a file was reached: it decides how strict to be and what to say about a second visit.
enum class Reach { Named, Location, FolderSearch };

// The identity of a file within one import. Resource paths have no file system behind them
// to resolve, so their cleaned path is their identity.
QString canonicalKey(const QString &path)
{
    if (path.startsWith(u':'))
        return QDir::cleanPath(path);
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

bool hasWildcard(QStringView path)
{
    return path.contains(u'*') || path.contains(u'?');
}

// `*` and `?` stay within one path segment; `**/` spans any number of folders.
QRegularExpression globExpression(QStringView pattern)
{
    QString rx = QStringLiteral("^");
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'*' && i + 1 < pattern.size() && pattern.at(i + 1) == u'*') {
            ++i;
            if (i + 1 < pattern.size() && pattern.at(i + 1) == u'/') {
                ++i;
                rx += QStringLiteral("(?:.*/)?");
            } else {
                rx += QStringLiteral(".*");
            }
        } else if (c == u'*') {
            rx += QStringLiteral("[^/]*");
        } else if (c == u'?') {
            rx += QStringLiteral("[^/]");
        } else {
            rx += QRegularExpression::escape(QString(c));
        }
    }
    rx += u'$';
    return QRegularExpression(rx);
}

// Whether a document is a compass.yml to map. Only one without a kind can be, so an entity
// is never parsed again to tell.
bool isCompass(const CatalogDocument &document, const QString &file)
{
    return document.isMapping() && !document.hasKind && CompassMapper::isCompassDocument(document.object(), file);
}

// A file found by a folder search is a catalog file when something in it looks like an entity.
bool looksLikeCatalogFile(const CatalogFileContents &contents, const QString &file)
{
    return std::any_of(contents.documents.cbegin(), contents.documents.cend(),
        [&](const CatalogDocument &d) { return d.kindIsString || isCompass(d, file); });
}

class ImportRun
{
public:
    void readPath(const QString &path, Reach reach)
    {
        const QString clean = QDir::cleanPath(path);
        const QFileInfo info(clean);
        if (!info.exists()) {
            problem({ clean, 0 }, {}, QStringLiteral("no such file or folder; check the path"));
            return;
        }
        if (info.isDir())
            readFolder(clean);
        else
            readFile(clean, reach);
    }

    // Compass names its dependencies by ARI, and a mapped component is named after its
    // `name`: re-point each DEPENDS_ON to the component it names when that one is here too.
    void resolveCompassDependencies()
    {
        QHash<QString, QString> refById;
        for (const qsizetype i : std::as_const(m_compassEntities)) {
            const core::Entity entity = m_result.entities.at(i).parsed();
            const QString id = entity.annotation(QStringLiteral("compass.atlassian.com/id"));
            if (!id.isEmpty())
                refById.insert(CompassMapper::dependencyRef(id).toLower(), entity.ref().toString());
        }
        for (const qsizetype i : std::as_const(m_compassEntities)) {
            core::SourcedEntity &sourced = m_result.entities[i];
            QJsonObject document = sourced.parsed().document();
            QJsonObject spec = document.value(u"spec").toObject();
            QJsonArray dependsOn = spec.value(u"dependsOn").toArray();
            bool changed = false;
            for (qsizetype d = 0; d < dependsOn.size(); ++d) {
                const auto found = refById.constFind(dependsOn.at(d).toString().toLower());
                if (found != refById.cend() && *found != dependsOn.at(d).toString()) {
                    dependsOn.replace(d, *found);
                    changed = true;
                }
            }
            if (!changed)
                continue;
            spec.insert(QStringLiteral("dependsOn"), dependsOn);
            document.insert(QStringLiteral("spec"), spec);
            sourced = core::SourcedEntity::compact(document, std::move(sourced.origin));
        }
    }

    CatalogReadResult take() { return std::move(m_result); }

private:
    void problem(core::DocumentOrigin origin, QString ref, QString message)
    {
        m_result.problems.append(CatalogProblem { std::move(origin), std::move(ref), std::move(message) });
    }

    void note(core::DocumentOrigin origin, QString ref, QString message)
    {
        m_result.notes.append(CatalogProblem { std::move(origin), std::move(ref), std::move(message) });
    }

    void readFolder(const QString &folder)
    {
        for (const QString &file : CatalogFileReader::filesInFolder(folder))
            readFile(file, Reach::FolderSearch);
    }

    // Returns false when the file had been read already.
    bool readFile(const QString &path, Reach reach)
    {
        const QString key = canonicalKey(path);
        if (m_files.contains(key))
            return false;
        m_files.insert(key);

        CatalogFileContents contents = CatalogFileReader::read(path, m_json);
        if (reach == Reach::FolderSearch && contents.problems.isEmpty() && !looksLikeCatalogFile(contents, path)) {
            note({ path, 0 }, {}, QStringLiteral("skipped: found by searching a folder, but holds no catalog entity"));
            return true;
        }
        m_result.filesRead.append(path);
        m_result.problems.append(contents.problems);
        m_result.notes.append(contents.notes);

        // A file's own documents first, then the files its Locations point at, so the order
        // of entities (and which of two duplicates wins) follows the files as written.
        QList<core::SourcedEntity> locations;
        for (CatalogDocument &document : contents.documents) {
            const bool location = document.kind.compare(u"Location", Qt::CaseInsensitive) == 0;
            if (const core::SourcedEntity *accepted = accept(std::move(document), path); accepted && location)
                locations.append(*accepted);
        }
        contents = {};
        for (const core::SourcedEntity &location : std::as_const(locations))
            followLocation(location);
        return true;
    }

    // Adds the document as an entity and returns it, or reports why it cannot be one. It
    // goes on as its text (SourcedEntity::json), read again only for a compass.yml.
    const core::SourcedEntity *accept(CatalogDocument &&document, const QString &file)
    {
        if (!document.isMapping()) {
            problem(document.origin, {},
                QStringLiteral("the document is %1, not a mapping; an entity is a mapping with apiVersion, "
                               "kind, metadata and spec")
                    .arg(document.valueType));
            return nullptr;
        }
        const bool fromCompass = isCompass(document, file);
        if (fromCompass) {
            core::Result<QJsonObject> mapped = CompassMapper::toEntity(document.object());
            if (!mapped) {
                problem(document.origin, {}, mapped.errorString());
                return nullptr;
            }
            document = JsonDocument::fromValue(mapped.value(), std::move(document.origin));
        }

        const QString &name = document.name;
        const QString kind = document.kind.trimmed();
        if (kind.isEmpty()) {
            problem(document.origin, {},
                QStringLiteral("the document%1 has no kind; add `kind:` (Component, API, Group, User, ...)")
                    .arg(name.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(name)));
            return nullptr;
        }
        if (name.trimmed().isEmpty()) {
            // `name: 12345` is a number to YAML: say so, rather than that there is no name.
            const QJsonValue given
                = document.object().value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name"));
            if (given.isDouble() || given.isBool())
                problem(document.origin, kind,
                    QStringLiteral("the %1's metadata.name is %2, which YAML reads as a %3, not as text; quote it "
                                   "(name: \"%2\")")
                        .arg(kind,
                            given.isBool() ? (given.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                           : QString::number(given.toDouble(), 'g', 17),
                            given.isBool() ? QStringLiteral("boolean") : QStringLiteral("number")));
            else
                problem(document.origin, kind,
                    QStringLiteral("the %1 has no metadata.name; every entity needs one").arg(kind));
            return nullptr;
        }

        // As core::Entity::ref() reads it.
        const core::EntityRef ref(document.kind,
            document.nameSpace.isEmpty() ? QStringLiteral("default") : document.nameSpace, document.name);
        if (const auto first = m_refs.constFind(ref.key()); first != m_refs.cend()) {
            problem(document.origin, ref.toString(),
                QStringLiteral("%1 is defined twice: first at %2, again here; the first is kept, rename or "
                               "remove one of them")
                    .arg(ref.toString(), first->toString()));
            return nullptr;
        }
        m_refs.insert(ref.key(), document.origin);
        m_result.entities.append(
            core::SourcedEntity { core::Entity(), std::move(document.origin), std::move(document.json) });
        if (fromCompass)
            m_compassEntities.append(m_result.entities.size() - 1);
        return &m_result.entities.constLast();
    }

    void followLocation(const core::SourcedEntity &location)
    {
        const core::Entity entity = location.parsed();
        const QJsonObject spec = entity.spec();
        const QString ref = entity.ref().toString();
        const QString type = spec.value(u"type").toString().trimmed().toLower();
        const bool optional
            = spec.value(u"presence").toString().trimmed().compare(u"optional", Qt::CaseInsensitive) == 0;

        QStringList targets;
        if (const QString target = spec.value(u"target").toString(); !target.trimmed().isEmpty())
            targets.append(target.trimmed());
        for (const QJsonValue value : spec.value(u"targets").toArray()) {
            if (const QString target = value.toString(); !target.trimmed().isEmpty())
                targets.append(target.trimmed());
        }
        if (targets.isEmpty())
            return;
        // Other location types (github-discovery, ...) need a Backstage server to expand.
        if (!type.isEmpty() && type != u"url" && type != u"file") {
            note(location.origin, ref,
                QStringLiteral("Location type \"%1\" is not read by a file import; its targets were not followed")
                    .arg(type));
            return;
        }
        for (const QString &target : std::as_const(targets))
            followTarget(location, ref, target, optional);
    }

    void followTarget(const core::SourcedEntity &location, const QString &ref, const QString &target, bool optional)
    {
        QString path = target;
        const QUrl url(target);
        const QString scheme = url.scheme().toLower();
        if (scheme == u"http" || scheme == u"https") {
            note(location.origin, ref,
                QStringLiteral("target %1 is remote; a file import does not fetch it (use a bundle or Backstage "
                               "source)")
                    .arg(target));
            return;
        }
        if (scheme == u"file")
            path = url.toLocalFile();

        const QString base = QFileInfo(location.origin.file).path();
        const QString resolved = QDir::isAbsolutePath(path) || path.startsWith(u':')
            ? QDir::cleanPath(path)
            : QDir::cleanPath(base + u'/' + path);

        if (hasWildcard(resolved)) {
            followPattern(location, ref, target, resolved, optional);
            return;
        }
        const QFileInfo info(resolved);
        if (!info.exists()) {
            if (!optional)
                problem(location.origin, ref,
                    QStringLiteral("Location %1: target \"%2\" (%3) does not exist; fix the target, or add "
                                   "`presence: optional` to the Location if it may be absent")
                        .arg(ref, target, resolved));
            return;
        }
        if (info.isDir()) {
            readFolder(resolved);
            return;
        }
        if (!readFile(resolved, Reach::Location))
            note(location.origin, ref,
                QStringLiteral("target \"%1\" was already read in this import (a loop or a shared target); "
                               "it was not read again")
                    .arg(target));
    }

    void followPattern(const core::SourcedEntity &location, const QString &ref, const QString &target,
        const QString &resolved, bool optional)
    {
        const QStringList segments = resolved.split(u'/');
        const auto firstWild
            = std::find_if(segments.cbegin(), segments.cend(), [](const QString &s) { return hasWildcard(s); });
        const qsizetype at = firstWild - segments.cbegin();
        const QString folder = segments.mid(0, at).join(u'/');
        const QRegularExpression pattern = globExpression(segments.mid(at).join(u'/'));
        int matched = 0;
        for (const QString &file : CatalogFileReader::filesInFolder(folder.isEmpty() ? QStringLiteral("/") : folder)) {
            const QString relative = file.mid(folder.size() + 1);
            if (!pattern.match(relative).hasMatch())
                continue;
            ++matched;
            readFile(file, Reach::Location);
        }
        if (matched == 0 && !optional)
            problem(location.origin, ref,
                QStringLiteral("Location %1: target \"%2\" (%3) matches no file; fix the pattern, or add "
                               "`presence: optional` to the Location")
                    .arg(ref, target, resolved));
    }

    CatalogReadResult m_result;
    QSet<QString> m_files; // canonical keys of the files read
    QHash<QString, core::DocumentOrigin> m_refs; // ref key -> where it was first read
    QList<qsizetype> m_compassEntities; // indexes of entities mapped from compass.yml
    JsonDocumentReader m_json; // its buffers serve every JSON file of the import
};

} // namespace

CatalogReadResult CatalogImporter::read(const QStringList &paths)
{
    ImportRun run;
    for (const QString &path : paths)
        run.readPath(path, Reach::Named);
    run.resolveCompassDependencies();
    return run.take();
}

QString CatalogImporter::defaultSourceName(const QStringList &paths)
{
    QStringList canonical;
    for (const QString &path : paths)
        canonical.append(canonicalKey(path));
    canonical.removeDuplicates();
    std::sort(canonical.begin(), canonical.end());
    if (canonical.size() == 1)
        return QStringLiteral("files:") + canonical.first();
    const QByteArray hash = QCryptographicHash::hash(canonical.join(u'\n').toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("files:") + QString::fromLatin1(hash.toHex().left(12));
}

} // namespace cairn::sync
