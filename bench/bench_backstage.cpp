// SPDX-License-Identifier: GPL-3.0-or-later
// Sync from a real Backstage catalog backend (issue 4, "Speed"): 5,000 synthetic entities
// (SyntheticOrganisation without its Project and Goal kinds, which a stock catalog drops)
// written as a YAML catalog file and served by tools/backstage-server/serve.sh on
// 127.0.0.1. Once they are ingested, in the same run, alternating rounds of:
//   (a) download only: GET /entities/by-query?limit=500 with cursor paging, the very pages
//       a first sync reads, through the same HttpClient, bodies discarded;
//   (b) a full first sync into a fresh cache (SourceFactory -> BackstageSource ->
//       SyncEngine, as `cairn sync` runs it through SyncWorker::syncSource);
//   (c) a no-change re-sync of that cache (light listing, etags diffed, nothing fetched);
//   (c') the re-sync after it, whose stored listing validator makes every page a 304.
// Targets: b/a <= 1.25, c/b < 1/3. The server is killed at the end, also on failure
// (ServerGuard; SIGINT/SIGTERM too). Figures go to bench/README.md ("Sync from a real
// Backstage (5,000 entities)").
//
// usage: bench_backstage [ENTITIES=5000] [ROUNDS=3]
//        bench_backstage --write-catalog FILE [ENTITIES]   (only writes the catalog file)
// CAIRN_BENCH_BACKSTAGE_PORT=P: use a server already serving that file on 127.0.0.1:P with
// the token cairn-bench-token-5000 (for profiling; neither started nor stopped).
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "sync/BackstageClient.h"
#include "sync/BackstageSource.h"
#include "sync/HttpClient.h"
#include "sync/SourceFactory.h"
#include "sync/SyncWorker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

#include "bench/Targets.h"
#include "testsupport/SyntheticOrganisation.h"

using namespace cairn;

namespace {

constexpr int kPageSize = 500; // BackstageSource::Settings::pageSize, which `cairn sync` uses
const QByteArray kToken = QByteArrayLiteral("cairn-bench-token-5000");
const char *const kTokenVariable = "CAIRN_BENCH_BACKSTAGE_TOKEN";

volatile sig_atomic_t g_serverPid = 0;
volatile sig_atomic_t g_scriptPid = 0; // serve.sh or wait-count.sh while one runs

void killServerOnSignal(int signal)
{
    if (g_serverPid > 0)
        ::kill(pid_t(g_serverPid), SIGTERM);
    if (g_scriptPid > 0)
        ::kill(pid_t(g_scriptPid), SIGTERM);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// Kills the server when it goes out of scope: normal end, early return or failure.
class ServerGuard
{
    Q_DISABLE_COPY_MOVE(ServerGuard)

public:
    ServerGuard() = default;
    ~ServerGuard() { stop(); }
    void adopt(qint64 pid)
    {
        m_pid = pid;
        g_serverPid = sig_atomic_t(pid);
    }
    void stop()
    {
        if (m_pid <= 0)
            return;
        const auto pid = pid_t(m_pid);
        ::kill(pid, SIGTERM);
        for (int i = 0; i < 50 && ::kill(pid, 0) == 0; ++i)
            QThread::msleep(100);
        if (::kill(pid, 0) == 0)
            ::kill(pid, SIGKILL);
        std::printf("server (pid %lld) stopped\n", m_pid);
        m_pid = 0;
        g_serverPid = 0;
    }

private:
    qint64 m_pid = 0;
};

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    const QList<QByteArray> parts = file.readAll().split(' ');
    return parts.size() >= 3 ? QString::fromLatin1(parts[0] + ' ' + parts[1] + ' ' + parts[2]) : QStringLiteral("?");
}

// CPU time (user + system, all threads) in milliseconds: of this process, and of the server
// process from /proc/PID/stat (fields 14 and 15, after the parenthesised command name). On a
// 2-core machine the server and the sync share the CPU, so a phase's wall time alone does not
// say who was busy.
qint64 ownCpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    auto ms = [](const timeval &t) { return qint64(t.tv_sec) * 1000 + t.tv_usec / 1000; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

qint64 processCpuMs(qint64 pid)
{
    if (pid <= 0)
        return -1;
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const long ticks = sysconf(_SC_CLK_TCK);
    return (fields[11].toLongLong() + fields[12].toLongLong()) * 1000 / (ticks > 0 ? ticks : 100);
}

// Idle time of the whole machine, summed over its cores (/proc/stat: the "cpu" line's idle
// and iowait): what was left for a second thread of ours while a phase ran.
qint64 machineIdleMs()
{
    QFile file(QStringLiteral("/proc/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');
    if (fields.size() < 6 || fields[0] != "cpu")
        return -1;
    const long ticks = sysconf(_SC_CLK_TCK);
    return (fields[4].toLongLong() + fields[5].toLongLong()) * 1000 / (ticks > 0 ? ticks : 100);
}

struct CpuClock
{
    qint64 serverPid = 0;
    qint64 own = 0, server = 0, idle = 0;
    void start()
    {
        own = ownCpuMs();
        server = processCpuMs(serverPid);
        idle = machineIdleMs();
    }
    QString elapsed() const
    {
        const qint64 serverNow = processCpuMs(serverPid);
        const qint64 idleNow = machineIdleMs();
        return QStringLiteral("cpu %1 ms ours").arg(ownCpuMs() - own)
            + (serverNow >= 0 && server >= 0 ? QStringLiteral(", %1 ms server").arg(serverNow - server) : QString())
            + (idleNow >= 0 && idle >= 0 ? QStringLiteral(", %1 ms idle").arg(idleNow - idle) : QString());
    }
};

// For profiling one phase: `perf record -D -1 --control=fifo:FIFO ...` with
// CAIRN_BENCH_PERF_CTL=FIFO and CAIRN_BENCH_PERF_PHASE=b (or c) samples that phase only.
void perfControl(const char *command, const char *phase)
{
    const QByteArray fifo = qgetenv("CAIRN_BENCH_PERF_CTL");
    if (fifo.isEmpty() || qgetenv("CAIRN_BENCH_PERF_PHASE") != phase)
        return;
    if (FILE *control = std::fopen(fifo.constData(), "w")) {
        std::fputs(command, control);
        std::fclose(control);
    }
}

int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return -1;
    return probe.serverPort();
}

// The first `count` entities of a synthetic organisation that a stock catalog keeps
// (Project and Goal come last in SyntheticOrganisation, so nothing kept refers to them).
QList<core::Entity> backstageEntities(int count)
{
    for (int n = count;;) {
        const testsupport::SyntheticOrganisation organisation(n);
        QList<core::Entity> kept;
        for (const core::Entity &entity : organisation.entities()) {
            const QString kind = entity.document().value(u"kind").toString();
            if (kind != u"Project" && kind != u"Goal")
                kept.append(entity);
        }
        if (kept.size() >= count) {
            kept.resize(count);
            return kept;
        }
        n += int(count - kept.size()) + 1;
    }
}

// JSON is YAML: one flow-style document per entity.
QByteArray yamlOf(const QList<core::Entity> &entities)
{
    QByteArray out;
    for (const core::Entity &entity : entities)
        out += "---\n" + QJsonDocument(entity.document()).toJson(QJsonDocument::Compact) + '\n';
    return out;
}

struct Script
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Script runScript(
    const QString &script, const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(script, arguments);
    Script result;
    const bool started = process.waitForStarted();
    g_scriptPid = sig_atomic_t(process.processId());
    const bool finished = started && process.waitForFinished(timeoutMs);
    g_scriptPid = 0;
    if (!finished) {
        process.kill();
        process.waitForFinished();
        result.err = "did not finish in time";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

struct Download
{
    bool ok = false;
    QString error;
    int requests = 0;
    qint64 bytes = 0;
    qint64 ms = 0;
};

// (a) The pages a first sync reads, and nothing else: the same URL, query, headers and
// HttpClient as BackstageClient::getPage; the cursor is cut out of the body's tail
// (pageInfo comes last) so that no JSON parse is counted as download.
Download downloadPages(const QUrl &baseUrl, int limit = kPageSize, const QStringList &fields = {})
{
    Download result;
    sync::HttpClient http;
    QElapsedTimer timer;
    timer.start();
    QByteArray cursor;
    while (true) {
        QByteArray query = "limit=" + QByteArray::number(limit);
        if (!fields.isEmpty())
            query += "&fields=" + QUrl::toPercentEncoding(fields.join(u','), ",.");
        if (!cursor.isEmpty())
            query += "&cursor=" + QUrl::toPercentEncoding(QString::fromLatin1(cursor));
        QUrl url = baseUrl;
        url.setPath(baseUrl.path() + QStringLiteral("/entities/by-query"));
        url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
        sync::HttpRequest request = sync::HttpRequest::get(QStringLiteral("bench"), url);
        request.bearerToken = kToken;
        request.withHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
        auto response = http.send(request);
        if (!response) {
            result.error = response.errorString();
            return result;
        }
        ++result.requests;
        result.bytes += response->body.size();
        const QByteArray &body = response->body;
        const qsizetype info = body.lastIndexOf("\"pageInfo\"");
        if (info < 0) {
            result.error = QStringLiteral("a page without pageInfo");
            return result;
        }
        const qsizetype key = body.indexOf("\"nextCursor\":\"", info);
        if (key < 0)
            break;
        const qsizetype start = key + qsizetype(sizeof("\"nextCursor\":\"") - 1);
        const qsizetype end = body.indexOf('"', start);
        if (end < 0) {
            result.error = QStringLiteral("a cut cursor");
            return result;
        }
        cursor = body.mid(start, end - start);
    }
    result.ms = timer.elapsed();
    result.ok = true;
    return result;
}

struct Synced
{
    sync::SyncOutcome outcome;
    qint64 ms = 0;
    qint64 checkpointMs = 0; // after the result, off the sync's clock
};

// A sync as `cairn sync NAME` and the app's SyncWorker run it: the configured source (token
// from the environment) through SourceFactory and SyncEngine, on a connection whose WAL
// checkpoint waits until the result is out (Cache::setAutoCheckpoint). The sync is on the
// clock; the checkpoint the app then runs is timed on its own.
Synced syncOnce(cache::Cache &cache, const cache::SourceInfo &info)
{
    Synced result;
    if (core::Status off = cache.setAutoCheckpoint(false); !off)
        std::fprintf(stderr, "auto-checkpoint stays on: %s\n", qPrintable(off.errorString()));
    QElapsedTimer timer;
    timer.start();
    result.outcome
        = sync::SyncWorker::syncSource(cache, info, sync::SyncOptions {}, sync::HttpClient::Options {}, {}, nullptr);
    result.ms = timer.elapsed();
    timer.restart();
    if (core::Status folded = cache.checkpoint(); !folded)
        std::fprintf(stderr, "checkpoint failed: %s\n", qPrintable(folded.errorString()));
    result.checkpointMs = timer.elapsed();
    return result;
}

qint64 median(std::vector<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress shows in a log file as it happens
    const QStringList args = QCoreApplication::arguments();
    // --write-catalog FILE [N]: only write the catalog file (to serve it by hand, for profiling).
    if (args.size() >= 3 && args.at(1) == u"--write-catalog") {
        const QByteArray yaml = yamlOf(backstageEntities(args.size() > 3 ? args.at(3).toInt() : 5000));
        QFile file(args.at(2));
        return file.open(QIODevice::WriteOnly) && file.write(yaml) == yaml.size() ? 0 : 1;
    }
    const int n = args.size() > 1 ? args.at(1).toInt() : 5000;
    const int rounds = args.size() > 2 ? std::max(1, args.at(2).toInt()) : 3;
    // CAIRN_BENCH_BACKSTAGE_PORT: use a server already running there (started by hand with
    // this bench's token and catalog), for profiling; it is neither started nor stopped.
    const int givenPort = qEnvironmentVariableIntValue("CAIRN_BENCH_BACKSTAGE_PORT");
    for (const char *var : { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
        qunsetenv(var);
    qputenv(kTokenVariable, kToken);
    std::signal(SIGINT, killServerOnSignal);
    std::signal(SIGTERM, killServerOnSignal);

    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    const QString catalogPath = dir.filePath(QStringLiteral("catalog.yaml"));
    {
        const QByteArray yaml = yamlOf(backstageEntities(n));
        QFile file(catalogPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(yaml) != yaml.size())
            return 1;
        std::printf("bench_backstage: %d entities (Backstage kinds only), catalog file %.1f MB\n", n,
            double(yaml.size()) / 1e6);
    }

    const int port = givenPort > 0 ? givenPort : freePort();
    if (port <= 0)
        return 1;
    const QString server = QStringLiteral(CAIRN_BACKSTAGE_SERVER_DIR);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CAIRN_BACKSTAGE_INTERVAL_S"), QStringLiteral("100000"));
    const QString portText = QString::number(port);
    const QString tokenText = QString::fromLatin1(kToken);

    ServerGuard guard;
    CpuClock cpu;
    cpu.serverPid = qEnvironmentVariableIntValue("CAIRN_BENCH_BACKSTAGE_PID"); // with CAIRN_BENCH_BACKSTAGE_PORT
    QElapsedTimer wall;
    wall.start();
    if (givenPort <= 0) {
        const Script served = runScript(
            server + QStringLiteral("/serve.sh"), { catalogPath, portText, tokenText }, environment, 15 * 60 * 1000);
        const qint64 pid = served.out.trimmed().toLongLong();
        if (served.exitCode != 0 || pid <= 0) {
            std::fprintf(stderr, "serve.sh failed: %s\n", served.err.constData());
            return 1;
        }
        guard.adopt(pid);
        cpu.serverPid = pid;
        std::printf(
            "server pid %lld on 127.0.0.1:%d, answering after %.1f s\n", pid, port, double(wall.elapsed()) / 1e3);

        const Script counted = runScript(server + QStringLiteral("/wait-count.sh"),
            { QString::number(n + 1), portText, tokenText, QStringLiteral("600") }, environment, 11 * 60 * 1000);
        if (counted.exitCode != 0) {
            std::fprintf(stderr, "wait-count.sh failed: %s\n", counted.err.constData());
            return 1;
        }
        std::printf(
            "ingested %s entities after %.1f s\n", counted.out.trimmed().constData(), double(wall.elapsed()) / 1e3);
        // Let the last stitching settle, then warm the server up with one untimed read.
        QThread::sleep(10);
    }
    const int expected = n + 1; // the catalog also returns the Location generated for the served file
    const QUrl baseUrl(QStringLiteral("http://127.0.0.1:%1/api/catalog").arg(port));
    const Download warmUp = downloadPages(baseUrl);
    if (!warmUp.ok) {
        std::fprintf(stderr, "warm-up download failed: %s\n", qPrintable(warmUp.error));
        return 1;
    }
    std::printf("warm-up read: %d pages, %.1f MB, %lld ms; load average %s\n\n", warmUp.requests,
        double(warmUp.bytes) / 1e6, warmUp.ms, qPrintable(loadAverage()));

    std::vector<qint64> downloads, fulls, resyncs, validatedResyncs, checkpoints, listings;
    QList<double> fullRatios, resyncRatios; // b/a and c/b of each round, judged on their medians
    for (int round = 1; round <= rounds; ++round) {
        cpu.start();
        const Download download = downloadPages(baseUrl);
        const QString downloadCpu = cpu.elapsed();
        if (!download.ok) {
            std::fprintf(stderr, "download failed: %s\n", qPrintable(download.error));
            return 1;
        }

        auto opened = cache::Cache::open(dir.filePath(QStringLiteral("cache-%1.sqlite3").arg(round)));
        if (!opened) {
            std::fprintf(stderr, "cache: %s\n", qPrintable(opened.errorString()));
            return 1;
        }
        cache::Cache &cache = *opened.value();
        auto added = cache::CatalogWriter(cache).addSource(QStringLiteral("backstage"),
            sync::SourceFactory::kindBackstage(), baseUrl.toString(),
            QJsonObject { { sync::SourceFactory::optionTokenEnv(), QString::fromLatin1(kTokenVariable) } });
        if (!added) {
            std::fprintf(stderr, "source add: %s\n", qPrintable(added.errorString()));
            return 1;
        }
        cpu.start();
        perfControl("enable\n", "b");
        const Synced full = syncOnce(cache, added.value());
        perfControl("disable\n", "b");
        const QString fullCpu = cpu.elapsed();
        if (!full.outcome.ok || full.outcome.summary.added != expected) {
            std::fprintf(stderr, "full sync failed (%d added): %s\n", full.outcome.summary.added,
                qPrintable(full.outcome.error));
            return 1;
        }
        // A first sync reads full pages, which carry no validator: this re-sync walks the
        // light listing and diffs its etags against the cache (nothing to fetch).
        auto sources = cache::CatalogWriter(cache).sources();
        if (!sources || sources->isEmpty())
            return 1;
        perfControl("enable\n", "c");
        const Synced again = syncOnce(cache, sources->first());
        perfControl("disable\n", "c");
        if (!again.outcome.ok || again.outcome.summary.unchanged != expected || again.outcome.summary.added != 0
            || again.outcome.summary.changed != 0) {
            std::fprintf(stderr, "re-sync failed or changed something (%d unchanged): %s\n",
                again.outcome.summary.unchanged, qPrintable(again.outcome.error));
            return 1;
        }
        // And the next one, with the listing validator the re-sync stored: every page 304.
        sources = cache::CatalogWriter(cache).sources();
        if (!sources || sources->isEmpty())
            return 1;
        const Synced validated = syncOnce(cache, sources->first());
        if (!validated.outcome.ok || validated.outcome.summary.unchanged != expected) {
            std::fprintf(stderr, "validated re-sync failed: %s\n", qPrintable(validated.outcome.error));
            return 1;
        }
        // (d) What (c) asks the server, and nothing else: the server's own share of (c).
        const Download listing = downloadPages(
            baseUrl, sync::BackstageSource::Settings {}.listingPageSize, sync::BackstageClient::listingFields());
        if (!listing.ok) {
            std::fprintf(stderr, "listing download failed: %s\n", qPrintable(listing.error));
            return 1;
        }
        listings.push_back(listing.ms);
        downloads.push_back(download.ms);
        fulls.push_back(full.ms);
        checkpoints.push_back(full.checkpointMs);
        resyncs.push_back(again.ms);
        validatedResyncs.push_back(validated.ms);
        fullRatios.append(double(full.ms) / double(std::max<qint64>(1, download.ms)));
        resyncRatios.append(double(again.ms) / double(std::max<qint64>(1, full.ms)));
        std::printf("round %d: (a) download %lld ms (%d requests, %.1f MB) | (b) full sync %lld ms (%d requests, "
                    "%d added) = %.2fx, then checkpoint %lld ms | (c) re-sync %lld ms (%d requests, %d unchanged) = "
                    "%.3f of b | "
                    "(c') 304 re-sync %lld ms (%d requests) | (d) listing download %lld ms | load %s\n",
            round, download.ms, download.requests, double(download.bytes) / 1e6, full.ms, full.outcome.requests,
            full.outcome.summary.added, double(full.ms) / double(download.ms), full.checkpointMs, again.ms,
            again.outcome.requests, again.outcome.summary.unchanged, double(again.ms) / double(full.ms), validated.ms,
            validated.outcome.requests, listing.ms, qPrintable(loadAverage()));
        std::printf("         (a) %s | (b) %s (with its checkpoint)\n", qPrintable(downloadCpu), qPrintable(fullCpu));
    }

    const qint64 a = median(downloads), b = median(fulls), c = median(resyncs);
    std::printf("\nmedian of %d rounds: (a) download only %lld ms, (b) full sync %lld ms, "
                "(c) no-change re-sync %lld ms\n",
        rounds, a, b, c);
    std::printf("WAL checkpoint after the full sync's result (off its clock): %lld ms\n", median(checkpoints));
    std::printf("(c') next re-sync, listing validator answered 304: %lld ms (%.3f of b)\n", median(validatedResyncs),
        double(median(validatedResyncs)) / double(b));
    const qint64 d = median(listings);
    std::printf("(d) the listing (c) asks for, downloaded alone: %lld ms = %.3f of a; c - d = %lld ms\n", d,
        double(d) / double(a), c - d);
    std::printf("load average at the end: %s\n", qPrintable(loadAverage()));
    bench::medianAtMost("(b) full sync / (a) download only", fullRatios, 1.25, "x", "issue 4");
    bench::medianAtMost("(c) no-change re-sync / (b) full sync", resyncRatios, 1.0 / 3.0, "x", "issue 4");
    return bench::exitStatus();
}
