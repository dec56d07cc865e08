// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/Cli.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#include "translations/Language.h"

int main(int argc, char *argv[])
{
    // The sample organisation lives in a static library; its resources must be registered.
    Q_INIT_RESOURCE(cairn_sample);
    QCoreApplication app(argc, argv);
    // AppDataLocation becomes <data>/Cairn/cairn: the cache's default home.
    QCoreApplication::setOrganizationName(QStringLiteral("Cairn"));
    QCoreApplication::setApplicationName(QStringLiteral("cairn"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CAIRN_VERSION));

    // Answers in the system's language (LANGUAGE, LC_ALL, LANG); `cairn ask` then follows the
    // question's. JSON output stays language-neutral (English words beside its ids).
    if (!QCoreApplication::arguments().contains(QStringLiteral("--json")))
        cairn::translations::useLanguage(cairn::translations::chooseLanguage());

    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = cairn::app::runCommandLine(QCoreApplication::arguments(), out, err);
    out.flush();
    err.flush();
    return code;
}
