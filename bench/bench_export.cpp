// SPDX-License-Identifier: GPL-3.0-or-later
// bench_export [N [ROUNDS]]: exports N components (default 100,000) with the 8 default columns
// (ref, name, title, type, lifecycle, owner, system, tags) from a file cache to a CSV file with
// cache::ViewExport + core::CsvWriter, and in the same run has /usr/bin/sqlite3 -csv write the
// same columns of the same rows (v_components, same order) from the same cache. Best of ROUNDS
// (default 3) each; the ratio export/sqlite3 is what bench/README.md records (target <= 1.5).
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/ViewExport.h"
#include "core/CsvWriter.h"
#include "core/SourcedEntity.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <limits>

#include "bench/Targets.h"
#include "testsupport/SyntheticOrganisation.h"

using namespace cairn;

namespace {

// Resident memory now, in KiB (Linux), to show the export does not grow with the rows.
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// N components with realistic documents: the synthetic organisation's components, renamed
// copies of them until there are N.
QList<core::SourcedEntity> components(int count)
{
    const testsupport::SyntheticOrganisation organisation(std::max(2000, count / 5));
    QList<core::Entity> base;
    for (const core::Entity &entity : organisation.entities()) {
        if (entity.kind().compare(u"component", Qt::CaseInsensitive) == 0)
            base.append(entity);
    }
    QList<core::SourcedEntity> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        QJsonObject document = base.at(i % base.size()).document();
        if (i >= base.size()) {
            QJsonObject metadata = document.value(u"metadata").toObject();
            metadata.insert(QStringLiteral("name"),
                metadata.value(u"name").toString() + QStringLiteral("-c%1").arg(i / base.size()));
            document.insert(QStringLiteral("metadata"), metadata);
        }
        out.append(
            core::SourcedEntity { core::Entity(document), core::DocumentOrigin { QStringLiteral("bench"), i + 1 } });
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 100'000;
    const int rounds = args.size() > 2 ? std::max(1, args.at(2).toInt()) : 3;
    const QString sqlite3Cli = QStringLiteral("/usr/bin/sqlite3");
    if (!QFileInfo(sqlite3Cli).isExecutable()) {
        std::fprintf(stderr, "bench_export: %s is missing (tools/install-deps installs it)\n", qPrintable(sqlite3Cli));
        return 1;
    }
    QTemporaryDir dir;
    const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite3"));
    {
        auto cache = cache::Cache::open(cachePath);
        if (!cache) {
            std::fprintf(stderr, "bench_export: %s\n", qPrintable(cache.errorString()));
            return 1;
        }
        cache::SourceRunInput run;
        run.sourceName = QStringLiteral("bench");
        run.sourceKind = QStringLiteral("files");
        run.entities = components(count);
        if (auto applied = cache::CatalogWriter(**cache).applySourceRun(run); !applied) {
            std::fprintf(stderr, "bench_export: %s\n", qPrintable(applied.errorString()));
            return 1;
        }
    }

    auto opened = cache::Cache::open(cachePath);
    if (!opened)
        return 1;
    cache::Cache &cache = **opened;
    cache::ExportFilter filter;
    filter.kind = QStringLiteral("component");
    const QStringList columns = cache::ViewExport::defaultColumns(u"component");
    const QString sql = QStringLiteral("SELECT %1 FROM v_components ORDER BY name;").arg(columns.join(u','));
    const QString ours = dir.filePath(QStringLiteral("cairn.csv"));
    const QString theirs = dir.filePath(QStringLiteral("sqlite3.csv"));

    double bestOurs = std::numeric_limits<double>::max();
    double bestTheirs = std::numeric_limits<double>::max();
    QList<double> ratios; // each round's export / sqlite3, judged on their median
    qint64 rows = 0;
    qint64 rssGrowth = 0;
    for (int round = 0; round < rounds; ++round) {
        const qint64 rssBefore = residentKiB();
        QElapsedTimer timer;
        timer.start();
        QFile file(ours);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 1;
        core::CsvWriter writer(file);
        core::Result<qint64> written = cache::ViewExport(cache).write(filter, columns, writer);
        file.close();
        const double oursSeconds = double(timer.nsecsElapsed()) / 1e9;
        bestOurs = std::min(bestOurs, oursSeconds);
        if (!written) {
            std::fprintf(stderr, "bench_export: %s\n", qPrintable(written.errorString()));
            return 1;
        }
        rows = *written;
        rssGrowth = std::max(rssGrowth, residentKiB() - rssBefore);

        QProcess sqlite3;
        sqlite3.setStandardOutputFile(theirs, QIODevice::Truncate);
        timer.restart();
        sqlite3.start(sqlite3Cli,
            { QStringLiteral("-readonly"), QStringLiteral("-csv"), QStringLiteral("-header"), cachePath, sql });
        if (!sqlite3.waitForFinished(600'000) || sqlite3.exitCode() != 0) {
            std::fprintf(stderr, "bench_export: sqlite3 failed: %s\n", sqlite3.readAllStandardError().constData());
            return 1;
        }
        const double theirsSeconds = double(timer.nsecsElapsed()) / 1e9;
        bestTheirs = std::min(bestTheirs, theirsSeconds);
        ratios.append(oursSeconds / theirsSeconds);
    }
    std::printf("rows %lld, columns %lld; cairn export %.3f s (%lld bytes, resident memory +%lld KiB); "
                "sqlite3 -csv %.3f s (%lld bytes); ratio of the bests %.2f, best of %d\n",
        rows, qint64(columns.size()), bestOurs, QFileInfo(ours).size(), rssGrowth, bestTheirs, QFileInfo(theirs).size(),
        bestOurs / bestTheirs, rounds);
    bench::medianAtMost("cairn export / sqlite3 -csv, the same rows and columns", ratios, 1.5, "x", "issue 5");
    return bench::exitStatus();
}
