// SPDX-License-Identifier: GPL-3.0-or-later
// cairn-desktop: the window. The command line stays `cairn` (app/main.cpp); both use the
// same cache, chosen the same way (--cache FILE, else $CAIRN_CACHE, else the default).
#include "cache/Cache.h"
#include "core/Clock.h"
#include "sync/ScorecardReader.h"
#include "ui/DesktopSession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>

#include "translations/Language.h"

static_assert(sizeof(CAIRN_APP_ID) > 1, "CAIRN_APP_ID (the top-level CMakeLists.txt) must name the application");

int main(int argc, char *argv[])
{
    Q_INIT_RESOURCE(cairn_sample);
    Q_INIT_RESOURCE(cairn_icons);
    QApplication app(argc, argv);
    // The same organisation and application names as the command line: one data folder.
    QApplication::setOrganizationName(QStringLiteral("Cairn"));
    QApplication::setApplicationName(QStringLiteral("cairn"));
    QApplication::setApplicationDisplayName(QStringLiteral("Cairn"));
    QApplication::setApplicationVersion(QStringLiteral(CAIRN_VERSION));
    // The .desktop file's name (packaging/linux), which Wayland matches the window with.
    QApplication::setDesktopFileName(QStringLiteral(CAIRN_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cairn.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Cairn: who owns what, why it exists and how to work with it."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption cacheOption(QStringLiteral("cache"),
        QStringLiteral("The cache file (default: $CAIRN_CACHE, else the data folder)."), QStringLiteral("FILE"));
    const QCommandLineOption firstPaint(QStringLiteral("quit-after-first-paint"),
        QStringLiteral("Print the milliseconds to the first painted window, then quit (benchmarks)."));
    const QCommandLineOption screenshots(QStringLiteral("screenshots"),
        QStringLiteral("Save the main views as PNG files in DIR, print their paths, then quit."),
        QStringLiteral("DIR"));
    const QCommandLineOption today(QStringLiteral("today"),
        QStringLiteral("Judge stale projects and ages as if today were DATE (YYYY-MM-DD)."), QStringLiteral("DATE"));
    const QCommandLineOption language(QStringLiteral("language"),
        QStringLiteral("The window's language: en or fr (default: the \"language\" setting, else the system's)."),
        QStringLiteral("LANG"));
    parser.addOptions({ cacheOption, firstPaint, screenshots, today, language });
    parser.process(app);
    if (const std::optional<QString> wrong = cairn::core::clock::useEnvironment()) {
        QTextStream(stderr) << "cairn-desktop: " << *wrong << '\n';
        return 2;
    }

    // Before any window exists: every string and date it shows follows the language.
    QString wanted = parser.value(language);
    if (!wanted.isEmpty() && cairn::translations::languageOf(wanted).isEmpty()) {
        QTextStream(stderr) << "cairn-desktop: --language takes one of "
                            << cairn::translations::supportedLanguages().join(QStringLiteral(", ")) << ", not \""
                            << wanted << "\"\n";
        return 2;
    }
    if (wanted.isEmpty())
        wanted = QSettings().value(QStringLiteral("language")).toString();
    cairn::translations::useLanguage(cairn::translations::chooseLanguage(wanted));

    cairn::ui::DesktopSession::Options options;
    options.cachePath = parser.isSet(cacheOption) ? parser.value(cacheOption) : cairn::cache::Cache::defaultPath();
    options.quitAfterFirstPaint = parser.isSet(firstPaint);
    options.screenshotFolder = parser.value(screenshots);
    if (parser.isSet(today)) {
        const QDate date = QDate::fromString(parser.value(today), Qt::ISODate);
        if (!date.isValid()) {
            QTextStream(stderr) << "cairn-desktop: --today takes a date as YYYY-MM-DD, not \"" << parser.value(today)
                                << "\"\n";
            return 2;
        }
        options.answers.today = date;
    }

    // Before any cache is opened: every connection that writes keeps health with these.
    for (const cairn::sync::ScorecardFileError &e :
        cairn::sync::ScorecardReader::installForThisProcess(options.answers.today))
        QTextStream(stderr) << "cairn-desktop: scorecard refused: " << e.toString() << '\n';

    cairn::ui::DesktopSession session(options);
    if (const QString error = session.start(); !error.isEmpty()) {
        QTextStream(stderr) << "cairn-desktop: " << error << '\n';
        if (!options.quitAfterFirstPaint && options.screenshotFolder.isEmpty())
            QMessageBox::critical(nullptr, QStringLiteral("Cairn"), error);
        return 1;
    }
    return app.exec();
}
