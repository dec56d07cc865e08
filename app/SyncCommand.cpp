// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/AppLog.h"
#include "app/CliContext.h"
#include "app/CommandParser.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "app/SyncReport.h"
#include "sync/SourceRegistry.h"
#include "sync/SyncWorker.h"
#include "sync/TokenStore.h"

#include <QElapsedTimer>

#include <cstdio>
#include <future>
#include <optional>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace cairn::app {

namespace {

bool stderrIsTerminal()
{
#ifdef Q_OS_UNIX
    return isatty(STDERR_FILENO) != 0;
#else
    return false;
#endif
}

QString phaseName(sync::SyncPhase phase)
{
    switch (phase) {
    case sync::SyncPhase::Listing:
        return QStringLiteral("listing");
    case sync::SyncPhase::Fetching:
        return QStringLiteral("fetching");
    case sync::SyncPhase::Validating:
        return QStringLiteral("validating");
    case sync::SyncPhase::Writing:
        return QStringLiteral("writing");
    }
    return {};
}

// The progress line: one line on the terminal, rewritten in place with \r, a few times a
// second; nothing at all when stderr is a file or a pipe (logs and scripts stay clean).
class ProgressLine
{
public:
    ProgressLine(QTextStream &err, bool enabled)
        : m_err(err)
        , m_enabled(enabled)
    {
        m_throttle.start();
    }

    void update(const QString &source, sync::SyncPhase phase, qint64 done, qint64 total)
    {
        if (!m_enabled || (m_throttle.elapsed() < 100 && done != total))
            return;
        m_throttle.restart();
        QString text = QStringLiteral("%1: %2 %3").arg(source, phaseName(phase)).arg(done);
        if (total >= 0)
            text += QStringLiteral("/%1").arg(total);
        m_err << '\r' << text.leftJustified(m_width);
        m_width = std::max<int>(m_width, int(text.size()));
        m_err.flush();
    }

    void clear()
    {
        if (!m_enabled || m_width == 0)
            return;
        m_err << '\r' << QString(m_width, u' ') << '\r';
        m_err.flush();
        m_width = 0;
    }

private:
    QTextStream &m_err;
    bool m_enabled;
    QElapsedTimer m_throttle;
    int m_width = 0;
};

// What syncChosen() returns when the check found the cache damaged: nothing was said yet.
constexpr int kDamagedCache = -1;

int syncChosen(CliContext &context, const QStringList &names, bool allowRemovals, bool dryRun, bool deferCheck);

} // namespace

int runSync(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Syncs configured sources into the cache (see `cairn source`). Each source is one transaction: a "
        "failure leaves the cache as it was. A run that would remove many entities is held (exit code 3) "
        "until it is confirmed with --allow-removals."));
    parser.addPositionalArgument(
        QStringLiteral("NAME"), QStringLiteral("The source to sync (default: all)."), QStringLiteral("[NAME | --all]"));
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("Sync every source, in priority order."));
    const QCommandLineOption allowRemovals(
        QStringLiteral("allow-removals"), QStringLiteral("Apply a run that removes many entities."));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"), QStringLiteral("Show what would change; write nothing."));
    parser.addOptions({ all, allowRemovals, dryRun });
    if (const std::optional<int> stop = parseCommandArguments(parser, QStringLiteral("sync"), arguments, context))
        return *stop;
    const QStringList names = parser.positionalArguments();
    if (names.size() > 1 || (!names.isEmpty() && parser.isSet(all))) {
        context.err() << "cairn sync: give one source NAME or --all.\n";
        return ExitUsage;
    }

    // The integrity check reads every page of the cache: for 5,000 entities it was a third
    // of a no-change re-sync, ahead of it. It runs instead on a read-only connection of its
    // own while the sync waits on the server, and its verdict is awaited before anything is
    // said. A damaged cache is then opened again as the other commands open it (moved aside,
    // a fresh one in its place, the person told) and the command starts over on that; the
    // run written into the damaged file goes aside with it.
    for (bool deferred = true;; deferred = false) {
        const int code = syncChosen(context, names, parser.isSet(allowRemovals), parser.isSet(dryRun), deferred);
        if (code != kDamagedCache)
            return code;
        context.closeCache();
    }
}

namespace {

int syncChosen(CliContext &context, const QStringList &names, bool allowRemovals, bool dryRun, bool deferCheck)
{
    core::Result<cache::Cache *> cache
        = context.cache(deferCheck ? cache::Cache::IntegrityCheck::Deferred : cache::Cache::IntegrityCheck::AtOpen);
    if (!cache)
        return context.fail(cache.errorString());
    std::future<core::Result<QString>> check;
    if (deferCheck && !cache.value()->isInMemory())
        check
            = std::async(std::launch::async, [path = cache.value()->path()] { return cache::Cache::findDamage(path); });
    // Whether the check found damage; waits for its verdict the first time.
    std::optional<bool> verdict;
    const auto damaged = [&check, &verdict]() {
        if (!verdict) {
            verdict = false;
            if (check.valid()) {
                const core::Result<QString> damage = check.get();
                if (!damage)
                    qCDebug(appLog) << "the integrity check did not run:" << damage.errorString();
                verdict = damage && !damage->isEmpty();
            }
        }
        return *verdict;
    };

    const sync::TokenStore tokens;
    core::Result<sync::SourceRegistry::Selection> chosen = sync::SourceRegistry(*cache.value(), tokens).choose(names);
    if (!chosen || !chosen->unknown.isEmpty() || chosen->sources.isEmpty()) {
        if (damaged())
            return kDamagedCache;
        if (!chosen)
            return context.fail(chosen.errorString());
        if (!chosen->unknown.isEmpty())
            return context.fail(QStringLiteral("there is no source \"%1\". `cairn source list` shows them.")
                                    .arg(chosen->unknown.first()));
        context.out() << "No sources to sync. Add one with `cairn source add`.\n";
        return ExitOk;
    }

    const sync::SyncOptions options { allowRemovals, dryRun, 0.10 };
    // The WAL is folded back when the cache closes at exit, after the summaries are out
    // (see Cache::setAutoCheckpoint); if this fails, each commit checkpoints as usual.
    if (core::Status manual = cache.value()->setAutoCheckpoint(false); !manual)
        qCDebug(appLog) << "checkpoints stay automatic:" << manual.errorString();
    ProgressLine line(context.err(), stderrIsTerminal());
    int exitCode = ExitOk;
    for (const cache::SourceInfo &info : std::as_const(chosen->sources)) {
        const sync::SyncOutcome outcome = sync::SyncWorker::syncSource(
            *cache.value(), info, options, sync::HttpClient::Options {},
            [&line, &info](
                sync::SyncPhase phase, qint64 done, qint64 total) { line.update(info.name, phase, done, total); },
            nullptr);
        line.clear();
        if (damaged())
            return kDamagedCache;
        const int code = reportSyncOutcome(outcome, options.dryRun, context.out(), context.err());
        context.out().flush();
        context.err().flush();
        // Held outranks an error: it is the one that needs a person's decision.
        if (code == ExitHeld || (code == ExitError && exitCode == ExitOk))
            exitCode = code;
    }
    return exitCode;
}

} // namespace

} // namespace cairn::app
