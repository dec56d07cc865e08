// SPDX-License-Identifier: GPL-3.0-or-later
// Sync speed and memory: a full sync of N synthetic entities (default 100,000) from a
// bundle served over loopback in this process, ROUNDS times (default 3; the target is judged
// on the median of the rounds' ratios), each against the import floor measured in the
// same round (ImportFloor, shared with bench_import: the same rows inserted with raw prepared
// statements in one transaction, their contents computed before the clock starts);
// a no-change re-sync (304, and a full re-download that changes nothing); peak memory of
// a sync in a child process of its own (VmHWM; getrusage's ru_maxrss as a fallback). Figures go to bench/README.md
// ("Sync").
//
// usage: bench_sync [N [ROUNDS]]        (CAIRN_BENCH_N also sets N)
#include "cache/Cache.h"
#include "sync/BundleSource.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <sys/resource.h>

#include "bench/BundleServer.h"
#include "bench/ImportFloor.h"
#include "bench/Targets.h"
#include "testsupport/SyntheticOrganisation.h"

using namespace cairn;

namespace {

// Peak resident set of this process in kB. VmHWM rather than getrusage's ru_maxrss: Linux
// carries ru_maxrss over fork + exec, so a child would report its parent's peak.
long peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').first().toLong();
        }
    }
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // kilobytes on Linux
}

QByteArray ndjsonOf(const QList<core::Entity> &entities)
{
    QByteArray out;
    for (const core::Entity &entity : entities)
        out += QJsonDocument(entity.document()).toJson(QJsonDocument::Compact) + '\n';
    return out;
}

// The floor of bench_import (ImportFloor), into a fresh cache at `path`: ms, or -1.
qint64 importFloorMs(const bench::ImportFloor &floor, const QString &path)
{
    auto opened = cache::Cache::open(path);
    if (!opened)
        return -1;
    return floor.insertInto(opened.value()->database().handle());
}

sync::SyncOutcome syncBundle(cache::Cache &cache, const QString &location)
{
    sync::BundleSource source(sync::BundleSource::Settings { QStringLiteral("bench"), location, {}, {} });
    return sync::SyncEngine(cache).run(
        QStringLiteral("bench"), QStringLiteral("bundle"), location, source, sync::SyncOptions { true, false, 0.10 });
}

// The child of the memory measurement: one full sync of a bundle file, nothing else held.
int memoryChild(const QString &bundle, const QString &cachePath)
{
    const long before = peakRssKb();
    auto cache = cache::Cache::open(cachePath);
    if (!cache)
        return 1;
    const sync::SyncOutcome outcome = syncBundle(*cache.value(), bundle);
    std::printf("%ld %ld %d\n", before, peakRssKb(), outcome.summary.added);
    return outcome.ok ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 4 && args.at(1) == u"--memory-child")
        return memoryChild(args.at(2), args.at(3));
    int n = qEnvironmentVariableIsSet("CAIRN_BENCH_N") ? qEnvironmentVariableIntValue("CAIRN_BENCH_N") : 100000;
    if (args.size() > 1)
        n = args.at(1).toInt();
    const int rounds = args.size() > 2 ? qMax(1, args.at(2).toInt()) : 3;
    for (const char *var : { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
        qunsetenv(var);

    QTemporaryDir dir;
    const QList<core::Entity> entities = testsupport::SyntheticOrganisation(n).entities();
    const QByteArray body = ndjsonOf(entities);
    std::printf("bench_sync: %d entities, bundle %.1f MB (NDJSON)\n", n, double(body.size()) / 1e6);

    bench::BundleServer server(body);
    if (!server.start())
        return 1;
    const QString url = server.url();
    const QString noEtagUrl = server.url(QStringLiteral("/no-etag/org.ndjson"));

    // Rounds alternate the floor and a full sync, each into a fresh file, so that each
    // round's ratio compares two measurements taken under the same load.
    QList<double> fullRatios;
    std::unique_ptr<cache::Cache> synced;
    qint64 fullMs = 0;
    for (int round = 0; round < rounds; ++round) {
        qint64 floor = -1;
        {
            const bench::ImportFloor rows(entities); // computed before the clock, as bench_import does
            floor = importFloorMs(rows, dir.filePath(QStringLiteral("floor-%1.sqlite3").arg(round)));
        }
        if (floor < 0)
            return 1;
        synced.reset(); // the previous round's cache closed before the next one is written
        auto opened = cache::Cache::open(dir.filePath(QStringLiteral("cache-%1.sqlite3").arg(round)));
        if (!opened)
            return 1;
        synced = std::move(opened).value();
        QElapsedTimer timer;
        timer.start();
        const sync::SyncOutcome full = syncBundle(*synced, url);
        fullMs = timer.elapsed();
        if (!full.ok) {
            std::fprintf(stderr, "full sync failed: %s\n", qPrintable(full.error));
            return 1;
        }
        fullRatios.append(double(fullMs) / double(qMax<qint64>(1, floor)));
        std::printf("round %d: import floor (bench_import's: raw prepared inserts of precomputed rows, one "
                    "transaction) %lld ms; full sync over loopback HTTP %lld ms, %d added -> %.2fx the floor\n",
            round + 1, floor, fullMs, full.summary.added, fullRatios.last());
        std::fflush(stdout);
    }
    cache::Cache &cache = *synced;
    QElapsedTimer timer;
    timer.start();
    const sync::SyncOutcome notModified = syncBundle(cache, url);
    const qint64 notModifiedMs = timer.elapsed();
    std::printf("no-change re-sync (304): %lld ms, %d unchanged -> %.3f of the full sync\n", notModifiedMs,
        notModified.summary.unchanged, double(notModifiedMs) / double(fullMs));

    timer.restart();
    const sync::SyncOutcome sameBody = syncBundle(cache, noEtagUrl);
    const qint64 sameBodyMs = timer.elapsed();
    std::printf("no-change re-sync (no ETag, whole bundle again): %lld ms, %d unchanged -> %.3f of the full sync\n",
        sameBodyMs, sameBody.summary.unchanged, double(sameBodyMs) / double(fullMs));

    // Peak memory in a process of its own, so this process's copies do not count.
    const QString bundleFile = dir.filePath(QStringLiteral("org.ndjson"));
    QFile file(bundleFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size())
        return 1;
    file.close();
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(),
        { QStringLiteral("--memory-child"), bundleFile, dir.filePath(QStringLiteral("memory.sqlite3")) });
    child.waitForFinished(-1);
    const QList<QByteArray> figures = child.readAllStandardOutput().trimmed().split(' ');
    if (figures.size() != 3) {
        std::fprintf(stderr, "the memory child printed no figures: %s\n", child.readAllStandardError().constData());
        return 1;
    }
    const double peakMb = figures.at(1).toDouble() / 1024.0;
    std::printf("peak RSS of a %s-entity sync (own process): %.0f MB (%.0f MB before it began)\n",
        figures.at(2).constData(), peakMb, figures.at(0).toDouble() / 1024.0);

    bench::medianAtMost("full bundle sync / import floor", fullRatios, 1.5, "x", "issue 4");
    bench::figureAtMost("no-change re-sync (304) / the last full sync", double(notModifiedMs) / double(fullMs), 1,
        1.0 / 3.0, "x", "issue 4");
    bench::figureAtMost("no-change re-sync (whole bundle again) / the last full sync",
        double(sameBodyMs) / double(fullMs), 1, 1.0 / 3.0, "x", "issue 4");
    if (n <= 100'000)
        bench::figureAtMost("peak RSS of a sync", peakMb, 1, 300, "MB", "issue 19");
    return bench::exitStatus();
}
