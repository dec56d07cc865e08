// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Scorecard.h"

#include <QDate>
#include <QList>
#include <QString>

namespace cairn::sync {

// A scorecard file that was refused: which file, which line and what is wrong.
struct ScorecardFileError
{
    QString file;
    int line = 0; // 1-based; 0 when the file could not be read at all
    QString message;

    QString toString() const; // "file:line: message", as compilers say it
};

struct ScorecardSet
{
    QList<core::Scorecard> scorecards; // the built-in ones first, then the folders' by file name
    QList<ScorecardFileError> errors; // files refused; the others still apply
};

// Reads scorecard files (docs/scorecards.md): YAML through YamlToJson, checked by
// core::ScorecardJson, so a malformed file is refused with its line and the rest apply.
class ScorecardReader
{
public:
    // The scorecards Cairn ships (resources/scorecards/*.yaml, compiled in).
    static ScorecardSet builtIn();
    // One file: one scorecard, or the reasons it was refused.
    static ScorecardSet readFile(const QString &path);
    static ScorecardSet readText(const QByteArray &text, const QString &file, const QString &fallbackId);
    // Every *.yaml / *.yml file of a folder, by name; a folder that does not exist is empty.
    static ScorecardSet readFolder(const QString &folder);
    // The built-in scorecards, then each folder's. A scorecard whose id was already taken is
    // refused: its id names it in the cache and on the command line.
    static ScorecardSet load(const QStringList &folders);
    // Adds a folder's scorecards to `set`, refusing one whose id `set` already has.
    static void addFolder(ScorecardSet &set, const QString &folder);

    // The folder of the person's own scorecards: "scorecards" in the app's data location.
    static QString userFolder();

    // What a program does at start: the built-in scorecards and the person's folder become
    // the process's cache::HealthPolicy, dates judged against `today`. The files refused.
    static QList<ScorecardFileError> installForThisProcess(QDate today);
};

} // namespace cairn::sync
