// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>

namespace cairn::core {

// The small words every answer shares, in the installed translator's language: a status or
// lifecycle as a person reads it, dates and numbers in that language's locale. English keeps
// the catalog's own words and ISO dates, so English answers read as they always did. JSON
// never goes through here: it stays language-neutral (docs/answers.md).
class Words
{
    Q_DECLARE_TR_FUNCTIONS(Words)

public:
    // The locale of the answers' dates and numbers: "C" in English, "fr_FR" in French.
    static QLocale locale();
    // "on-track" -> "on-track" / "en bonne voie"; a word Cairn does not know stays as written.
    static QString status(const QString &status);
    // A kind as a person reads it: "Component" -> "Component" / "composant"; unknown kinds as written.
    static QString kind(const QString &kind);
    // 2026-11-20 / "20 novembre 2026"; empty for an invalid date.
    static QString date(QDate date);
    // A moment: ISO 8601 UTC in English (as answers always wrote it), "20 novembre 2026 à 10:00"
    // (local time) in French; empty when invalid.
    static QString dateTime(const QDateTime &time);
    // A sync run's change to an entity: "added" / "ajouté", "changed", "removed".
    static QString change(const QString &change);
    // 0.62 -> "62 %" (a no-break space before % in French).
    static QString percent(double fraction);
    static QString number(double value);
    // "Title" -> "Title:" / "Titre :".
    static QString label(const QString &label);
    // How wide text answers pad a label and its colon, so values line up (12 in English).
    static int labelWidth();
};

} // namespace cairn::core
