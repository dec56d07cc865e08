// SPDX-License-Identifier: GPL-3.0-or-later
// bench_healthdashboard [N [ROUNDS [CACHE_FILE]]]: the health dashboard's reads over a file
// cache of N synthetic entities (default 100,000) with the built-in scorecards judged on
// 2026-11-24: models::HealthSummary::read for each component's worst scorecard and for each
// scorecard (what the window's reader does on opening the dashboard, on a chooser change
// and after a commit), and the components table narrowed to one team and band as a click
// on a bar asks (models::EntityTableModel, timed until its first page and count arrived).
// ROUNDS times each (default 10); p50 and max wall milliseconds. CACHE_FILE, when given, is
// kept and reused when it already holds entities.
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "core/SourcedEntity.h"
#include "models/EntityTableModel.h"
#include "models/HealthSummary.h"
#include "sync/ScorecardReader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

#include "testsupport/SyntheticOrganisation.h"

using namespace cairn;

namespace {

void timeIt(const char *what, int rounds, const std::function<bool()> &once)
{
    QList<double> wall;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!once()) {
            std::printf("%-60s failed\n", what);
            return;
        }
        wall.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(wall.begin(), wall.end());
    std::printf("%-60s p50 %8.1f ms   max %8.1f ms\n", what, wall.at(wall.size() / 2), wall.constLast());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 100000;
    const int rounds = args.size() > 2 ? qMax(1, args.at(2).toInt()) : 10;
    QTemporaryDir dir;
    const QString path
        = args.size() > 3 ? args.at(3) : dir.filePath(QStringLiteral("cairn-bench-health-%1.sqlite3").arg(count));
    (void)sync::ScorecardReader::installForThisProcess(QDate(2026, 11, 24));
    auto opened = cache::Cache::open(path);
    if (!opened)
        return std::fprintf(stderr, "bench_healthdashboard: %s\n", qPrintable(opened.errorString())), 1;
    cache::Cache &cache = **opened;
    const core::Result<qint64> held = cache.database().queryInt(QStringLiteral("SELECT count(*) FROM entities"));
    if (!held || *held == 0) {
        const testsupport::SyntheticOrganisation organisation(count);
        cache::SourceRunInput run;
        run.sourceName = QStringLiteral("bench");
        run.sourceKind = QStringLiteral("files");
        for (const core::Entity &entity : organisation.entities())
            run.entities.append(core::SourcedEntity { entity, core::DocumentOrigin { QStringLiteral("bench"), 1 } });
        if (!cache::CatalogWriter(cache).applySourceRun(run))
            return std::fprintf(stderr, "bench_healthdashboard: import failed\n"), 1;
    }
    std::printf("bench_healthdashboard: %s, %d rounds\n", qPrintable(path), rounds);

    models::HealthSummary last;
    const auto summary = [&](const QString &scorecard) {
        return [&cache, &last, scorecard] {
            core::Result<models::HealthSummary> read = models::HealthSummary::read(cache, scorecard);
            if (read)
                last = *read;
            return bool(read);
        };
    };
    timeIt("HealthSummary::read, each component's worst", rounds, summary({}));
    std::printf("  %d components, %lld teams, %lld scorecards\n", last.components, qlonglong(last.teams.size()),
        qlonglong(last.scorecards.size()));
    const QList<models::HealthSummary::Scorecard> scorecards = last.scorecards;
    for (const models::HealthSummary::Scorecard &s : scorecards)
        timeIt(qPrintable(QStringLiteral("HealthSummary::read, %1").arg(s.id)), rounds, summary(s.id));
    if (last.teams.isEmpty())
        return 0;

    // The most failing team, as the top bar of the chart.
    const models::HealthSummary::Team team = last.teams.constFirst();
    models::EntityTableModel model(cache);
    model.setKind(QStringLiteral("component"));
    const auto settled = [&model] {
        if (!model.isReading())
            return true;
        QEventLoop loop;
        QObject::connect(&model, &models::EntityTableModel::settled, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        return !model.isReading();
    };
    if (!settled())
        return 1;
    bool flip = false;
    const auto narrow = [&](std::optional<core::HealthBand> band, const QString &scorecard) {
        return [&, band, scorecard] {
            // Alternately narrowed and not, so that every round asks for new rows.
            flip = !flip;
            model.setOwnerFilter(flip ? team.owner : core::EntityRef(), flip && team.owner.isNull());
            model.setHealthBandFilter(flip ? band : std::nullopt, scorecard);
            return settled() && model.totalCount() >= 0;
        };
    };
    timeIt("table: a team's components (and back)", rounds, narrow(std::nullopt, {}));
    timeIt("table: a team's failing components (and back)", rounds, narrow(core::HealthBand::Failing, {}));
    if (!scorecards.isEmpty())
        timeIt("table: a team's failing ones of one scorecard (and back)", rounds,
            narrow(core::HealthBand::Failing, scorecards.constLast().id));
    model.setOwnerFilter({});
    timeIt("table: every passing component", rounds, [&] {
        flip = !flip;
        model.setHealthBandFilter(flip ? std::optional(core::HealthBand::Passing) : std::nullopt);
        return settled();
    });
    return 0;
}
