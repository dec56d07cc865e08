// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// The languages Cairn speaks (English, the source text, and French, from cairn_fr.ts compiled
// into the programs) and the one the running program uses. One translator for the whole
// program: the window, and the answers core/ words (QCoreApplication::translate), follow it.
namespace cairn::translations {

// "en", "fr".
QStringList supportedLanguages();

// "fr_FR.UTF-8", "fr-CA", "French" -> "fr"; "en_GB", "C", "POSIX" -> "en"; a language Cairn
// does not speak -> empty.
QString languageOf(const QString &localeName);

// The language to use: `override` (a --language option, a setting) when Cairn speaks it,
// else the environment as gettext reads it (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG; "C" is
// English), else QLocale::system()'s UI languages, else English.
QString chooseLanguage(const QString &override = {});

// Installs the translator of `language` on the application ("en" removes any); false when
// the language is unknown or its translation could not be loaded (then English stays).
bool useLanguage(const QString &language);

// The language installed by useLanguage(): "en" until then.
QString currentLanguage();

} // namespace cairn::translations
