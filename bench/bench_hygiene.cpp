// SPDX-License-Identifier: GPL-3.0-or-later
// The directory hygiene report at scale (issue 15): cache::readHygieneReport over the
// synthetic organisation, with 1 % of its components marked orphaned by their source and
// 1 % without a system, judged on 2026-11-24. Wall time p50 and min over 7 runs after a
// warm-up, the items per category, and in the same run the floor of any read that looks
// inside every document (one instr() pass over them), so the ratio is measured.
// Usage: bench_hygiene [ENTITIES=100000] [CACHE_FILE]. The cache file (default
// $TMPDIR/cairn-bench-hygiene-N.sqlite3) is reused when it already holds N entities.
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/HygieneReport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QMap>

#include <algorithm>
#include <cstdio>

#include "bench/Targets.h"
#include "testsupport/SyntheticOrganisation.h"

using namespace cairn;

namespace {

// Every 100th component is orphaned, every 100th (another) has no system.
core::Entity planted(const core::Entity &entity, int &components)
{
    if (!entity.isKind(u"Component"))
        return entity;
    const int n = components++;
    QJsonObject document = entity.document();
    if (n % 100 == 0) {
        QJsonObject metadata = document.value(u"metadata").toObject();
        QJsonObject annotations = metadata.value(u"annotations").toObject();
        annotations.insert(QStringLiteral("backstage.io/orphan"), QStringLiteral("true"));
        metadata.insert(QStringLiteral("annotations"), annotations);
        document.insert(QStringLiteral("metadata"), metadata);
    } else if (n % 100 == 50) {
        QJsonObject spec = document.value(u"spec").toObject();
        spec.remove(u"system");
        document.insert(QStringLiteral("spec"), spec);
    }
    return core::Entity(document);
}

bool build(cache::Cache &cache, int n)
{
    QElapsedTimer t;
    t.start();
    const testsupport::SyntheticOrganisation org(n);
    cache::SourceRunInput input;
    input.sourceName = QStringLiteral("synthetic");
    input.sourceKind = QStringLiteral("files");
    input.location = QStringLiteral("bench");
    input.entities.reserve(org.entities().size());
    int components = 0;
    for (const core::Entity &e : org.entities())
        input.entities.append(core::SourcedEntity { planted(e, components), {} });
    core::Result<cache::RunSummary> summary = cache::CatalogWriter(cache).applySourceRun(input);
    if (!summary) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(summary.errorString()));
        return false;
    }
    std::printf("built: %d entities in %lld ms\n", n, static_cast<long long>(t.elapsed()));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int n = args.size() > 1 ? args.at(1).toInt() : 100000;
    const QString path
        = args.size() > 2 ? args.at(2) : QDir::temp().filePath(QStringLiteral("cairn-bench-hygiene-%1.sqlite3").arg(n));

    core::Result<std::unique_ptr<cache::Cache>> opened = cache::Cache::open(path);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.errorString()));
        return 1;
    }
    core::Result<qint64> count
        = opened.value()->database().queryInt(QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL"));
    if (!count || *count != n) {
        opened.value().reset();
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(path + suffix);
        opened = cache::Cache::open(path);
        if (!opened || !build(*opened.value(), n))
            return 1;
    } else {
        std::printf("reusing %s (%lld entities)\n", qPrintable(path), static_cast<long long>(*count));
    }
    cache::Cache &cache = *opened.value();
    const QDate today(2026, 11, 24);

    QList<core::HygieneItem> items;
    QList<double> report;
    QList<double> floor;
    for (int run = 0; run < 8; ++run) {
        QElapsedTimer t;
        t.start();
        core::Result<QList<core::HygieneItem>> read = cache::readHygieneReport(cache, today);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (!read) {
            std::fprintf(stderr, "%s\n", qPrintable(read.errorString()));
            return 1;
        }
        t.restart();
        core::Result<qint64> pass = cache.database().queryInt(
            QStringLiteral("SELECT count(*) FROM entities WHERE instr(document, 'no such text in any document') > 0"));
        const double floorMs = double(t.nsecsElapsed()) / 1e6;
        if (!pass)
            return 1;
        if (run == 0) // the warm-up: pages into the cache, statements compiled once
            continue;
        report.append(ms);
        floor.append(floorMs);
        items = std::move(read).value();
    }

    QMap<QString, int> perCategory;
    for (const core::HygieneItem &item : std::as_const(items))
        ++perCategory[core::hygieneCategoryId(item.category)];
    std::printf("\nreadHygieneReport over %d entities: %lld items\n", n, static_cast<long long>(items.size()));
    for (core::HygieneCategory category : core::hygieneCategories()) {
        const QString id = core::hygieneCategoryId(category);
        std::printf("  %-26s %6d\n", qPrintable(id), perCategory.value(id));
    }
    const double p50 = bench::median(report);
    const double floorP50 = bench::median(floor);
    std::printf("  report                     wall p50 %8.1f ms  min %8.1f ms\n", p50,
        *std::min_element(report.cbegin(), report.cend()));
    std::printf("  floor: one pass over every document  p50 %8.1f ms  (report / floor %.2f)\n", floorP50,
        floorP50 > 0 ? p50 / floorP50 : 0.0);
    return 0;
}
