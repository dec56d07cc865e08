// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>

#include <memory>

namespace cairn::translations {

namespace {

struct Installed
{
    QString language = QStringLiteral("en");
    std::unique_ptr<QTranslator> cairn;
    std::unique_ptr<QTranslator> qt; // Qt's own dialogs and buttons, when the system has them
};

Installed &installed()
{
    static Installed state;
    return state;
}

void removeInstalled()
{
    Installed &state = installed();
    if (state.cairn)
        QCoreApplication::removeTranslator(state.cairn.get());
    if (state.qt)
        QCoreApplication::removeTranslator(state.qt.get());
    state.cairn.reset();
    state.qt.reset();
    state.language = QStringLiteral("en");
}

} // namespace

QStringList supportedLanguages()
{
    return { QStringLiteral("en"), QStringLiteral("fr") };
}

QString languageOf(const QString &localeName)
{
    QString name = localeName.trimmed().toLower();
    if (name.isEmpty())
        return QString();
    if (name == u"c" || name.startsWith(u"c.") || name == u"posix")
        return QStringLiteral("en");
    if (name == u"french" || name == u"français" || name == u"francais")
        return QStringLiteral("fr");
    if (name == u"english")
        return QStringLiteral("en");
    const qsizetype end = name.indexOf(QRegularExpression(QStringLiteral("[_\\-.@]")));
    const QString language = end < 0 ? name : name.left(end);
    return supportedLanguages().contains(language) ? language : QString();
}

QString chooseLanguage(const QString &override)
{
    if (QString chosen = languageOf(override); !chosen.isEmpty())
        return chosen;
    // gettext's order: the first of LC_ALL, LC_MESSAGES, LANG that is set names the locale;
    // LANGUAGE (a list, "fr:en") then takes precedence unless that locale is "C".
    QString locale;
    for (const char *variable : { "LC_ALL", "LC_MESSAGES", "LANG" }) {
        locale = qEnvironmentVariable(variable);
        if (!locale.isEmpty())
            break;
    }
    const QString localeLanguage = languageOf(locale);
    const bool cLocale = !locale.isEmpty() && localeLanguage == u"en" && !locale.startsWith(u"en", Qt::CaseInsensitive);
    if (!cLocale) {
        for (const QString &entry : qEnvironmentVariable("LANGUAGE").split(u':', Qt::SkipEmptyParts)) {
            if (QString chosen = languageOf(entry); !chosen.isEmpty())
                return chosen;
        }
    }
    if (!locale.isEmpty())
        return localeLanguage.isEmpty() ? QStringLiteral("en") : localeLanguage;
    for (const QString &ui : QLocale::system().uiLanguages()) {
        if (QString chosen = languageOf(ui); !chosen.isEmpty())
            return chosen;
    }
    return QStringLiteral("en");
}

bool useLanguage(const QString &language)
{
    const QString chosen = languageOf(language);
    if (chosen.isEmpty())
        return false;
    if (chosen == installed().language)
        return true;
    removeInstalled();
    // Dates and numbers as the language writes them: the system's own locale when it speaks
    // that language (fr_CA stays fr_CA), else the language's usual one.
    const QLocale system = QLocale::system();
    const QLocale::Language wanted = chosen == u"fr" ? QLocale::French : QLocale::English;
    if (system.language() == wanted || (wanted == QLocale::English && system.language() == QLocale::C))
        QLocale::setDefault(system);
    else
        QLocale::setDefault(wanted == QLocale::French ? QLocale(QLocale::French, QLocale::France)
                                                      : QLocale(QLocale::English, QLocale::UnitedStates));
    if (chosen == u"en")
        return true;
    auto cairn = std::make_unique<QTranslator>();
    if (!cairn->load(QStringLiteral(":/i18n/cairn_%1.qm").arg(chosen)))
        return false;
    QCoreApplication::installTranslator(cairn.get());
    Installed &state = installed();
    state.cairn = std::move(cairn);
    state.language = chosen;
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_%1").arg(chosen), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        state.qt = std::move(qt);
    }
    return true;
}

QString currentLanguage()
{
    return installed().language;
}

} // namespace cairn::translations
