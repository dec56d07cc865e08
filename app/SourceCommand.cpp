// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"
#include "app/CommandParser.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "sync/SourceFactory.h"
#include "sync/SourceRegistry.h"
#include "sync/TokenStore.h"

#include <QCommandLineParser>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace cairn::app {

namespace {

using sync::SourceFactory;
using sync::SourceRegistry;

// One line from stdin; on a terminal the typing is not echoed, so the token never shows.
QString readTokenLine(QTextStream &err)
{
#ifdef Q_OS_UNIX
    const bool terminal = isatty(STDIN_FILENO);
    termios saved {};
    if (terminal) {
        err << "Token (input hidden): ";
        err.flush();
        if (tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
#endif
    QTextStream in(stdin);
    QString line = in.readLine().trimmed();
#ifdef Q_OS_UNIX
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err << '\n';
    }
#endif
    return line;
}

QString tokenDescription(const cache::SourceInfo &info)
{
    switch (SourceRegistry::tokenPlace(info)) {
    case SourceRegistry::TokenPlace::Environment:
        return QStringLiteral("token from $%1").arg(SourceRegistry::tokenVariable(info));
    case SourceRegistry::TokenPlace::Keychain:
        return QStringLiteral("token in the system keychain");
    case SourceRegistry::TokenPlace::None:
        break;
    }
    return QString();
}

// Words a refused request; the exit code tells a mistyped command line (2) from a
// request the cache or the keychain turned down (1), as before the rules moved to sync/.
int refuse(CliContext &context, const SourceRegistry::Request &request, const SourceRegistry::Addition &addition)
{
    switch (addition.problem) {
    case SourceRegistry::Problem::None:
        break;
    case SourceRegistry::Problem::BlankName:
        context.err() << "cairn source add: the name must be a single line of text.\n";
        return ExitUsage;
    case SourceRegistry::Problem::UnknownKind:
        context.err() << "cairn source add: give one of --backstage URL, --bundle URL|PATH, --folder DIR.\n";
        return ExitUsage;
    case SourceRegistry::Problem::NotHttpUrl:
        context.err() << "cairn source add: --backstage needs the http(s) URL of the catalog API, such as "
                         "https://backstage.example.com/api/catalog.\n";
        return ExitUsage;
    case SourceRegistry::Problem::SecretInUrl:
        context.err() << "cairn source add: the URL must not carry a user, password or query; give the token "
                         "with --token-env VAR or --token-stdin.\n";
        return ExitUsage;
    case SourceRegistry::Problem::NoSuchFile:
        return context.fail(QStringLiteral("the bundle file %1 does not exist.").arg(request.location));
    case SourceRegistry::Problem::NoSuchFolder:
        return context.fail(QStringLiteral("the folder %1 does not exist.").arg(request.location));
    case SourceRegistry::Problem::NameTaken:
        return context.fail(QStringLiteral("there is already a source \"%1\" (%2 %3). Remove it first, or choose "
                                           "another name.")
                                .arg(request.name, addition.source.kind, addition.source.location));
    case SourceRegistry::Problem::NoTokenVariable:
        context.err() << "cairn source add: --token-env needs the name of the variable that holds the token.\n";
        return ExitUsage;
    case SourceRegistry::Problem::NoToken:
        return context.fail(QStringLiteral("no token was given. Pipe it with --token-stdin, name a variable with "
                                           "--token-env VAR, or use --no-token."));
    case SourceRegistry::Problem::KeychainFailed:
        return context.fail(
            addition.detail + QStringLiteral(" Use --token-env VAR to read it from an environment variable instead."));
    }
    return ExitOk;
}

int addSource(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Configures a source that `cairn sync` reads: a Backstage catalog, a bundle or a folder of catalog files. "
        "A Backstage token goes to the system keychain (typed, or piped with --token-stdin) or stays in an "
        "environment variable named with --token-env; it is never written to the cache."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Name of the source."));
    const QCommandLineOption backstage(QStringLiteral("backstage"),
        QStringLiteral("Backstage catalog API, e.g. https://backstage.example.com/api/catalog."),
        QStringLiteral("URL"));
    const QCommandLineOption bundle(QStringLiteral("bundle"),
        QStringLiteral("Bundle URL or file (JSON, NDJSON, gzip)."), QStringLiteral("URL|PATH"));
    const QCommandLineOption folder(
        QStringLiteral("folder"), QStringLiteral("Folder of catalog files."), QStringLiteral("DIR"));
    const QCommandLineOption tokenEnv(QStringLiteral("token-env"),
        QStringLiteral("Read the token at sync time from this environment variable."), QStringLiteral("VAR"));
    const QCommandLineOption tokenStdin(QStringLiteral("token-stdin"),
        QStringLiteral("Read the token from standard input and keep it in the keychain."));
    const QCommandLineOption noToken(QStringLiteral("no-token"), QStringLiteral("The catalog needs no token."));
    parser.addOptions({ backstage, bundle, folder, tokenEnv, tokenStdin, noToken });
    if (const std::optional<int> stop = parseCommandArguments(parser, QStringLiteral("source add"), arguments, context))
        return *stop;
    const QStringList names = parser.positionalArguments();
    const int kinds = int(parser.isSet(backstage)) + int(parser.isSet(bundle)) + int(parser.isSet(folder));
    if (names.size() != 1 || kinds != 1) {
        context.err()
            << "cairn source add: give one NAME and one of --backstage URL, --bundle URL|PATH, --folder DIR.\n";
        return ExitUsage;
    }
    SourceRegistry::Request request;
    request.name = names.first();
    if (parser.isSet(backstage)) {
        request.kind = SourceFactory::kindBackstage();
        request.location = parser.value(backstage);
        request.token = parser.isSet(tokenEnv) ? SourceRegistry::TokenPlace::Environment
            : parser.isSet(noToken)            ? SourceRegistry::TokenPlace::None
                                               : SourceRegistry::TokenPlace::Keychain;
    } else if (parser.isSet(bundle)) {
        request.kind = SourceFactory::kindBundle();
        request.location = parser.value(bundle);
        if (parser.isSet(tokenEnv))
            request.token = SourceRegistry::TokenPlace::Environment;
    } else {
        request.kind = SourceFactory::kindFiles();
        request.location = parser.value(folder);
    }
    request.tokenVariable = parser.value(tokenEnv);
    // Checked before the cache is opened, so that a mistyped location creates no cache file.
    if (const SourceRegistry::Problem problem = SourceRegistry::check(request);
        problem != SourceRegistry::Problem::None) {
        SourceRegistry::Addition refused;
        refused.problem = problem;
        return refuse(context, request, refused);
    }

    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    const sync::TokenStore tokens;
    core::Result<SourceRegistry::Addition> added
        = SourceRegistry(*cache.value(), tokens).add(request, [&context] { return readTokenLine(context.err()); });
    if (!added)
        return context.fail(added.errorString());
    if (added->problem != SourceRegistry::Problem::None)
        return refuse(context, request, added.value());
    const cache::SourceInfo &source = added->source;
    context.out() << "Added source \"" << source.name << "\" (" << source.kind << ' ' << source.location;
    if (const QString token = tokenDescription(source); !token.isEmpty())
        context.out() << ", " << token;
    context.out() << "). Run `cairn sync " << source.name << "` to read it.\n";
    if (!added->tokenForgotten)
        context.err() << "cairn: " << added->tokenForgotten.errorString() << '\n';
    return ExitOk;
}

int listSources(CliContext &context)
{
    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    const sync::TokenStore tokens;
    core::Result<QList<cache::SourceInfo>> sources = SourceRegistry(*cache.value(), tokens).sources();
    if (!sources)
        return context.fail(sources.errorString());
    if (sources->isEmpty()) {
        context.out() << "No sources. Add one with `cairn source add NAME --backstage URL | --bundle URL|PATH | "
                         "--folder DIR`.\n";
        return ExitOk;
    }
    for (const cache::SourceInfo &info : std::as_const(sources.value())) {
        context.out() << info.name << "  " << info.kind << "  " << QString(info.location).replace(u'\n', u' ') << "  "
                      << info.liveEntities << " entities";
        if (info.removedEntities > 0)
            context.out() << ", " << info.removedEntities << " removed upstream";
        if (info.keptEntities > 0)
            context.out() << ", " << info.keptEntities << " kept although upstream dropped them";
        if (const QString token = tokenDescription(info); !token.isEmpty())
            context.out() << ", " << token;
        context.out() << '\n';
    }
    return ExitOk;
}

int removeSource(CliContext &context, const QStringList &arguments)
{
    if (arguments.size() != 1) {
        context.err() << "cairn source remove: give the NAME of one source (`cairn source list` shows them).\n";
        return ExitUsage;
    }
    const QString &name = arguments.first();
    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    const sync::TokenStore tokens;
    core::Result<SourceRegistry::Removal> removed = SourceRegistry(*cache.value(), tokens).remove(name);
    if (!removed)
        return context.fail(removed.errorString());
    if (!removed->known)
        return context.fail(QStringLiteral("there is no source \"%1\". `cairn source list` shows them.").arg(name));
    const cache::RunSummary &summary = removed->summary;
    context.out() << "Removed source \"" << name << "\". Its " << summary.removed
                  << " entities are kept as removed upstream (tombstones; `cairn removed` lists them).\n";
    if (!summary.snapshotId.isEmpty())
        context.out() << "A snapshot was taken first: " << summary.snapshotId << " (cairn snapshot restore "
                      << summary.snapshotId << " undoes this).\n";
    if (!removed->tokenForgotten)
        context.err() << "cairn: " << removed->tokenForgotten.errorString() << '\n';
    return ExitOk;
}

} // namespace

int runSource(CliContext &context, const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if (sub == u"add")
        return addSource(context, arguments.mid(1));
    if (sub == u"list" && arguments.size() == 1)
        return listSources(context);
    if (sub == u"remove")
        return removeSource(context, arguments.mid(1));
    if (sub == u"--help" || sub == u"-h") {
        context.out() << "Usage: cairn source add NAME --backstage URL [--token-env VAR | --token-stdin | --no-token]\n"
                         "       cairn source add NAME --bundle URL|PATH [--token-env VAR]\n"
                         "       cairn source add NAME --folder DIR\n"
                         "       cairn source list\n"
                         "       cairn source remove NAME\n";
        return ExitOk;
    }
    context.err() << "cairn source: expected add, list or remove. Run `cairn source --help`.\n";
    return ExitUsage;
}

} // namespace cairn::app
