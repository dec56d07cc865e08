// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"
#include "app/CommandParser.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "cache/CatalogWriter.h"
#include "sync/HttpClient.h"
#include "sync/SourceFactory.h"
#include "sync/TokenStore.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace cairn::app {

namespace {

using sync::SourceFactory;

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
    const QString line = in.readLine().trimmed();
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
    const QString variable = info.options.value(SourceFactory::optionTokenEnv()).toString();
    if (!variable.isEmpty())
        return QStringLiteral("token from $%1").arg(variable);
    if (info.options.value(SourceFactory::optionTokenKeychain()).toBool())
        return QStringLiteral("token in the system keychain");
    return QString();
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
    const QString name = names.first();
    if (name.trimmed().isEmpty() || name.contains(u'\n')) {
        context.err() << "cairn source add: the name must be a single line of text.\n";
        return ExitUsage;
    }

    QString kind;
    QString location;
    QJsonObject options;
    bool storeToken = false;
    if (parser.isSet(backstage)) {
        kind = SourceFactory::kindBackstage();
        const QUrl url(parser.value(backstage), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty()) {
            context.err() << "cairn source add: --backstage needs the http(s) URL of the catalog API, such as "
                             "https://backstage.example.com/api/catalog.\n";
            return ExitUsage;
        }
        if (!url.userInfo().isEmpty() || url.hasQuery()) {
            // A secret in the URL would end up in the cache; tokens have their own place.
            context.err() << "cairn source add: the URL must not carry a user, password or query; give the token "
                             "with --token-env VAR or --token-stdin.\n";
            return ExitUsage;
        }
        location = url.toString(QUrl::StripTrailingSlash);
        if (parser.isSet(tokenEnv))
            options.insert(SourceFactory::optionTokenEnv(), parser.value(tokenEnv));
        else if (!parser.isSet(noToken))
            storeToken = true;
    } else if (parser.isSet(bundle)) {
        kind = SourceFactory::kindBundle();
        location = parser.value(bundle);
        const bool isUrl = location.startsWith(u"http://", Qt::CaseInsensitive)
            || location.startsWith(u"https://", Qt::CaseInsensitive);
        if (!isUrl) {
            if (!QFileInfo(location).isFile())
                return context.fail(QStringLiteral("the bundle file %1 does not exist.").arg(location));
            location = QFileInfo(location).absoluteFilePath();
        }
        if (parser.isSet(tokenEnv))
            options.insert(SourceFactory::optionTokenEnv(), parser.value(tokenEnv));
    } else {
        kind = SourceFactory::kindFiles();
        if (!QFileInfo(parser.value(folder)).isDir())
            return context.fail(QStringLiteral("the folder %1 does not exist.").arg(parser.value(folder)));
        location = QFileInfo(parser.value(folder)).absoluteFilePath();
    }

    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    cache::CatalogWriter writer(*cache.value());
    core::Result<QList<cache::SourceInfo>> existing = writer.sources();
    if (!existing)
        return context.fail(existing.errorString());
    for (const cache::SourceInfo &info : std::as_const(existing.value())) {
        if (info.name == name && (info.kind != kind || info.location != location))
            return context.fail(QStringLiteral("there is already a source \"%1\" (%2 %3). Remove it first, or choose "
                                               "another name.")
                                    .arg(name, info.kind, info.location));
        if (info.name == name)
            options.insert(QStringLiteral("state"), info.options.value(u"state")); // re-adding keeps validators
    }

    if (storeToken) {
        const QString token = readTokenLine(context.err());
        if (token.isEmpty())
            return context.fail(QStringLiteral("no token was given. Pipe it with --token-stdin, name a variable with "
                                               "--token-env VAR, or use --no-token."));
        core::Status stored = sync::TokenStore().store(name, token);
        if (!stored)
            return context.fail(stored.errorString());
        options.insert(SourceFactory::optionTokenKeychain(), true);
    }

    core::Result<cache::SourceInfo> added = writer.addSource(name, kind, location, options);
    if (!added)
        return context.fail(added.errorString());
    context.out() << "Added source \"" << name << "\" (" << kind << ' ' << location;
    if (const QString token = tokenDescription(added.value()); !token.isEmpty())
        context.out() << ", " << token;
    context.out() << "). Run `cairn sync " << name << "` to read it.\n";
    return ExitOk;
}

int listSources(CliContext &context)
{
    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    core::Result<QList<cache::SourceInfo>> sources = cache::CatalogWriter(*cache.value()).sources();
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
    const QString name = arguments.first();
    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    cache::CatalogWriter writer(*cache.value());
    core::Result<QList<cache::SourceInfo>> sources = writer.sources();
    if (!sources)
        return context.fail(sources.errorString());
    const auto it = std::find_if(
        sources->cbegin(), sources->cend(), [&name](const cache::SourceInfo &info) { return info.name == name; });
    if (it == sources->cend())
        return context.fail(QStringLiteral("there is no source \"%1\". `cairn source list` shows them.").arg(name));
    const bool hadKeychainToken = it->options.value(SourceFactory::optionTokenKeychain()).toBool();
    core::Result<cache::RunSummary> removed = writer.removeSource(name);
    if (!removed)
        return context.fail(removed.errorString());
    context.out() << "Removed source \"" << name << "\". Its " << removed->removed
                  << " entities are kept as removed upstream (tombstones; `cairn removed` lists them).\n";
    if (!removed->snapshotId.isEmpty())
        context.out() << "A snapshot was taken first: " << removed->snapshotId << " (cairn snapshot restore "
                      << removed->snapshotId << " undoes this).\n";
    if (hadKeychainToken) {
        if (core::Status forgotten = sync::TokenStore().remove(name); !forgotten)
            context.err() << "cairn: " << forgotten.errorString() << '\n';
    }
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
