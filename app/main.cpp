// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/Cli.h"
#include "app/ExitCode.h"
#include "core/Clock.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QTextStream>

#include <cerrno>
#include <cstdio>
#include <cstring>

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
    if (const std::optional<QString> wrong = cairn::core::clock::useEnvironment()) {
        err << "cairn: " << *wrong << '\n';
        return cairn::app::ExitUsage;
    }
    int code = cairn::app::runCommandLine(QCoreApplication::arguments(), out, err);
    // An answer that never reached its reader (`cairn list > /dev/full`, a closed pipe) is a
    // failure, whichever command wrote it: a script must not take it for success.
    // A command that failed already said why (export checks its own output).
    out.flush();
    errno = 0;
    const bool written = out.status() == QTextStream::Ok && std::fflush(stdout) == 0 && !std::ferror(stdout);
    if (!written && code == cairn::app::ExitOk) {
        const int cause = errno;
        err << "Could not write to standard output: "
            << (cause != 0 ? QString::fromLocal8Bit(std::strerror(cause)) : out.device()->errorString()) << '\n';
        code = cairn::app::ExitError;
    }
    err.flush();
    return code;
}
