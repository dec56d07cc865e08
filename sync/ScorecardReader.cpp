// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/ScorecardReader.h"

#include "cache/HealthPolicy.h"
#include "core/ScorecardJson.h"
#include "sync/YamlToJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

// Q_INIT_RESOURCE may not be called inside a namespace; the scorecards are compiled into a
// static library, whose resources are registered only when asked for.
static void registerBuiltInScorecards()
{
    Q_INIT_RESOURCE(cairn_scorecards);
}

namespace cairn::sync {

namespace {

// A scorecard is a few dozen lines; anything much larger is not one, and is not read whole.
constexpr qint64 MaxFileBytes = 1024 * 1024;

const QString BuiltInFolder = QStringLiteral(":/scorecards");

// The line of the value at `path`, or of the nearest enclosing one that has a line.
int lineOf(const YamlDocument &document, QString path)
{
    while (true) {
        if (const auto it = document.lines.constFind(path); it != document.lines.constEnd())
            return *it;
        if (path.isEmpty())
            return document.line;
        const qsizetype slash = path.lastIndexOf(u'/');
        path = slash < 0 ? QString() : path.left(slash);
    }
}

QString idFromFileName(const QString &file)
{
    return QFileInfo(file).completeBaseName().toLower();
}

void appendSet(ScorecardSet &to, ScorecardSet from)
{
    to.scorecards.append(std::move(from.scorecards));
    to.errors.append(std::move(from.errors));
}

} // namespace

QString ScorecardFileError::toString() const
{
    return line > 0 ? QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message)
                    : QStringLiteral("%1: %2").arg(file, message);
}

ScorecardSet ScorecardReader::readText(const QByteArray &text, const QString &file, const QString &fallbackId)
{
    ScorecardSet set;
    const YamlParseResult parsed = YamlToJson::parse(text, YamlToJson::Lines::Keep);
    for (const YamlError &e : parsed.errors)
        set.errors.append(ScorecardFileError { file, e.line, QStringLiteral("not valid YAML: %1").arg(e.message) });
    if (!parsed.errors.isEmpty())
        return set;
    if (parsed.documents.size() != 1) {
        set.errors.append(ScorecardFileError { file, parsed.documents.value(1).line,
            parsed.documents.isEmpty() ? QStringLiteral("is empty: a scorecard file holds one scorecard")
                                       : QStringLiteral("holds %1 documents: a scorecard file holds one scorecard")
                                             .arg(parsed.documents.size()) });
        return set;
    }
    const YamlDocument &document = parsed.documents.constFirst();
    if (!document.value.isObject()) {
        set.errors.append(
            ScorecardFileError { file, document.line, QStringLiteral("must be a mapping with name and criteria") });
        return set;
    }
    auto read = core::ScorecardJson::fromJson(document.value.toObject(), fallbackId);
    if (auto *problems = std::get_if<QList<core::ScorecardJson::Problem>>(&read)) {
        for (const core::ScorecardJson::Problem &p : *problems) {
            const QString where
                = p.path.isEmpty() ? QString() : QString(p.path).replace(u'/', u'.') + QStringLiteral(": ");
            set.errors.append(ScorecardFileError { file, lineOf(document, p.path), where + p.message });
        }
        return set;
    }
    core::Scorecard scorecard = std::get<core::Scorecard>(std::move(read));
    scorecard.origin = file;
    set.scorecards.append(std::move(scorecard));
    return set;
}

ScorecardSet ScorecardReader::readFile(const QString &path)
{
    ScorecardSet set;
    const QFileInfo info(path);
    if (!info.isFile()) {
        set.errors.append(ScorecardFileError { path, 0, QStringLiteral("is not a regular file") });
        return set;
    }
    if (info.size() > MaxFileBytes) {
        set.errors.append(ScorecardFileError { path, 0,
            QStringLiteral("is %1 bytes; a scorecard file may hold at most %2").arg(info.size()).arg(MaxFileBytes) });
        return set;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        set.errors.append(
            ScorecardFileError { path, 0, QStringLiteral("could not be read: %1").arg(file.errorString()) });
        return set;
    }
    return readText(file.read(MaxFileBytes + 1), path, idFromFileName(path));
}

ScorecardSet ScorecardReader::readFolder(const QString &folder)
{
    ScorecardSet set;
    const QDir dir(folder);
    if (!dir.exists())
        return set;
    const QStringList files = dir.entryList({ QStringLiteral("*.yaml"), QStringLiteral("*.yml") },
        QDir::Files | QDir::Readable, QDir::Name | QDir::IgnoreCase);
    for (const QString &name : files)
        appendSet(set, readFile(dir.filePath(name)));
    return set;
}

ScorecardSet ScorecardReader::builtIn()
{
    registerBuiltInScorecards();
    ScorecardSet set = readFolder(BuiltInFolder);
    for (core::Scorecard &s : set.scorecards)
        s.origin = QStringLiteral("built-in");
    return set;
}

void ScorecardReader::addFolder(ScorecardSet &set, const QString &folder)
{
    ScorecardSet more = readFolder(folder);
    set.errors.append(more.errors);
    for (core::Scorecard &s : more.scorecards) {
        const bool taken = std::any_of(set.scorecards.cbegin(), set.scorecards.cend(),
            [&s](const core::Scorecard &have) { return have.id.compare(s.id, Qt::CaseInsensitive) == 0; });
        if (taken)
            set.errors.append(ScorecardFileError { s.origin, 0,
                QStringLiteral("its id \u201c%1\u201d is already a scorecard's; give it another `id:`").arg(s.id) });
        else
            set.scorecards.append(std::move(s));
    }
}

ScorecardSet ScorecardReader::load(const QStringList &folders)
{
    ScorecardSet set = builtIn();
    for (const QString &folder : folders)
        addFolder(set, folder);
    return set;
}

QList<ScorecardFileError> ScorecardReader::installForThisProcess(QDate today)
{
    ScorecardSet set = load({ userFolder() });
    auto policy = std::make_shared<cache::HealthPolicy>();
    policy->scorecards = std::move(set.scorecards);
    policy->today = [today] { return today; };
    cache::HealthPolicy::install(std::move(policy));
    return set.errors;
}

QString ScorecardReader::userFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/scorecards");
}

} // namespace cairn::sync
