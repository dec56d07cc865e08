// SPDX-License-Identifier: GPL-3.0-or-later
// bench_table [N [ROUNDS [CACHE_FILE]]]: the desktop's entity table (models::EntityTableModel) over a file
// cache of N synthetic entities (default 100,000), each operation timed from the call until
// its rows and count have arrived from the model's reader threads (what the reads cost;
// the UI thread's share is bench_desktop's): choosing a kind (the first page), sorting on every column a kind's
// table shows by default in both orders, typing a filter, scrolling the largest kind to its
// end page by page, and a refresh after another connection changed 5 rows. Each operation
// ROUNDS times (default 10); p50, p99 and max in milliseconds. CACHE_FILE, when given, is
// kept and reused when it already holds entities (the import is then skipped); the rows
// the refresh rounds change are changed in it. Figures: bench/README.md.
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/EntityColumns.h"
#include "core/SourcedEntity.h"
#include "models/EntityTableModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <functional>

#include "testsupport/SyntheticOrganisation.h"

using namespace cairn;

namespace {

const QStringList Kinds { QString(), QStringLiteral("component"), QStringLiteral("api"), QStringLiteral("resource"),
    QStringLiteral("system"), QStringLiteral("domain"), QStringLiteral("project"), QStringLiteral("goal"),
    QStringLiteral("group"), QStringLiteral("user") };

// Wall-clock and process CPU milliseconds of each run of one operation. The machine these
// figures come from is shared: wall time includes what the scheduler gave to others.
struct Samples
{
    QList<double> wall;
    QList<double> cpu;

    void append(const Samples &other)
    {
        wall.append(other.wall);
        cpu.append(other.cpu);
    }

    void print(const QString &what) const
    {
        const auto stats = [](QList<double> values) {
            std::sort(values.begin(), values.end());
            const auto at = [&](double p) {
                return values.isEmpty() ? 0.0
                                        : values.at(std::min(values.size() - 1, qsizetype(p * double(values.size()))));
            };
            return std::array<double, 3> { at(0.5), at(0.99), values.isEmpty() ? 0.0 : values.constLast() };
        };
        const auto w = stats(wall);
        const auto c = stats(cpu);
        std::printf("  %-46s n=%-4lld wall p50 %7.2f p99 %7.2f max %7.2f | cpu p50 %7.2f p99 %7.2f max %7.2f ms\n",
            qPrintable(what), static_cast<long long>(wall.size()), w[0], w[1], w[2], c[0], c[1], c[2]);
    }

    template<typename F> double time(F &&run)
    {
        QElapsedTimer timer;
        const std::clock_t cpuStart = std::clock();
        timer.start();
        run();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        wall.append(ms);
        cpu.append(double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC);
        return ms;
    }
};

// Until the reads the model was asked for have arrived (they run on its reader threads);
// false, and why, when one failed.
bool settled(models::EntityTableModel &model, const char *what)
{
    while (model.isReading())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    if (model.lastError().isEmpty())
        return true;
    std::fprintf(stderr, "bench_table: %s: %s\n", what, qPrintable(model.lastError()));
    return false;
}

// Asks the model (`ask` calls one of its setters) and waits for the answer.
bool read(models::EntityTableModel &model, const std::function<void()> &ask, const char *what)
{
    ask();
    return settled(model, what);
}

bool check(const core::Status &status, const char *what)
{
    if (status)
        return true;
    std::fprintf(stderr, "bench_table: %s: %s\n", what, qPrintable(status.errorString()));
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 100'000;
    const int rounds = args.size() > 2 ? args.at(2).toInt() : 10;

    QTemporaryDir dir;
    const QString path = args.size() > 3 ? args.at(3) : dir.filePath(QStringLiteral("cache.sqlite3"));
    auto opened = cache::Cache::open(path);
    if (!opened)
        return check(opened.error(), "open"), 1;
    cache::Cache &cache = **opened;
    const core::Result<qint64> entities = cache.database().queryInt(QStringLiteral("SELECT count(*) FROM entities"));
    const qint64 held = entities ? *entities : 0;
    if (held == 0) {
        const testsupport::SyntheticOrganisation organisation(count);
        cache::SourceRunInput run;
        run.sourceName = QStringLiteral("bench");
        run.sourceKind = QStringLiteral("files");
        for (const core::Entity &entity : organisation.entities())
            run.entities.append(core::SourcedEntity { entity, core::DocumentOrigin { QStringLiteral("bench"), 1 } });
        bool ok = true;
        Samples import;
        import.time([&] { ok = bool(cache::CatalogWriter(cache).applySourceRun(run));
    });
    if (!ok)
        return std::fprintf(stderr, "bench_table: import failed\n"), 1;
    std::printf("bench_table: %d entities, %d rounds\n", count, rounds);
    import.print(QStringLiteral("import (applySourceRun, new cache)"));
}
else
{
    std::printf(
        "bench_table: %lld entities in %s; %d rounds\n", static_cast<long long>(held), qPrintable(path), rounds);
}

models::EntityTableModel model(cache);
QMap<qint64, QString> byCount; // the largest kind last
Samples firstPage;
for (int round = 0; round < rounds; ++round) {
    for (const QString &kind : Kinds) {
        bool ok = true;
        firstPage.time([&] {
            ok = read(
                model, [&] { model.setKind(kind); }, "setKind");
        });
        if (!ok)
            return 1;
        if (round == 0 && !kind.isEmpty())
            byCount.insert(model.totalCount(), kind);
    }
}
std::printf("setKind (first page and count), every kind and each of 9:\n");
firstPage.print(QStringLiteral("setKind"));
for (auto it = byCount.cbegin(); it != byCount.cend(); ++it)
    std::printf("    %s: %lld rows\n", qPrintable(it.value()), static_cast<long long>(it.key()));

std::printf("sort (first page), each column a kind's table shows by default, both orders:\n");
Samples allSorts;
for (const QString &kind : Kinds) {
    if (!read(
            model, [&] { model.setKind(kind); }, "setKind"))
        return 1;
    Samples kindSorts;
    double worst = 0;
    QString worstColumn;
    for (int round = 0; round < rounds; ++round) {
        for (int section : model.defaultVisibleColumns()) {
            for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
                const double ms = kindSorts.time([&] {
                    model.sort(section, order);
                    settled(model, "sort");
                });
                if (!model.lastError().isEmpty())
                    return std::fprintf(stderr, "bench_table: %s\n", qPrintable(model.lastError())), 1;
                if (ms > worst) {
                    worst = ms;
                    worstColumn = model.columnId(section)
                        + (order == Qt::AscendingOrder ? QStringLiteral(" asc") : QStringLiteral(" desc"));
                }
            }
        }
    }
    allSorts.append(kindSorts);
    kindSorts.print(
        (kind.isEmpty() ? QStringLiteral("every kind") : kind) + QStringLiteral(" (max: ") + worstColumn + u')');
}
allSorts.print(QStringLiteral("all sorts"));

std::printf("filter as you type (reset, first page and count):\n");
for (const QString &kind : { QString(), QStringLiteral("component") }) {
    if (!read(
            model, [&] { model.setKind(kind); }, "setKind"))
        return 1;
    model.sort(int(model.columnIds().indexOf(QStringLiteral("name"))), Qt::AscendingOrder);
    settled(model, "sort");
    for (const QString &text : { QStringLiteral("p"), QStringLiteral("pa"), QStringLiteral("pay"),
             QStringLiteral("paym"), QStringLiteral("e") }) {
        Samples keystroke;
        qint64 rows = 0;
        for (int round = 0; round < rounds; ++round) {
            if (!read(
                    model, [&] { model.setFilterText(QString()); }, "setFilterText"))
                return 1;
            bool ok = true;
            keystroke.time([&] {
                ok = read(
                    model, [&] { model.setFilterText(text); }, "setFilterText");
            });
            if (!ok)
                return 1;
            rows = model.totalCount();
        }
        keystroke.print(QStringLiteral("%1 \"%2\" (%3 rows)")
                            .arg(kind.isEmpty() ? QStringLiteral("every kind") : kind, text)
                            .arg(rows));
    }
    if (!read(
            model, [&] { model.setFilterText(QString()); }, "setFilterText"))
        return 1;
}

const QString largest = byCount.last();
std::printf("fetchMore to the end of the largest kind (%s), page by page:\n", qPrintable(largest));
for (const bool descending : { false, true }) {
    if (!read(
            model, [&] { model.setKind(largest); }, "setKind"))
        return 1;
    // The deepest keys: a sort on a JSON expression, and name.
    const QString column = descending ? QStringLiteral("system") : QStringLiteral("name");
    model.sort(int(model.columnIds().indexOf(column)), descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    settled(model, "sort");
    Samples pages;
    Samples whole;
    const double total = whole.time([&] {
        while (model.canFetchMore({}))
            pages.time([&] {
                model.fetchMore({});
                settled(model, "fetchMore");
            });
    });
    if (model.rowCount() != model.totalCount())
        return std::fprintf(stderr, "bench_table: %d rows of %lld\n", model.rowCount(),
                   static_cast<long long>(model.totalCount())),
               1;
    pages.print(QStringLiteral("fetchMore, by %1 %2 (%3 rows, %4 ms in all)")
                    .arg(column, descending ? QStringLiteral("desc") : QStringLiteral("asc"))
                    .arg(model.rowCount())
                    .arg(total, 0, 'f', 0));
}

std::printf("refresh after another connection changed 5 rows:\n");
auto other = cache::Cache::open(path);
if (!other)
    return check(other.error(), "open"), 1;
for (const int loadedPages : { 1, 20 }) {
    if (!read(
            model, [&] { model.setKind(largest); }, "setKind"))
        return 1;
    for (int page = 1; page < loadedPages; ++page) {
        model.fetchMore({});
        settled(model, "fetchMore");
    }
    Samples refreshes;
    for (int round = 0; round < rounds; ++round) {
        // Titles of three loaded rows and one beyond them, and one row's tombstone
        // toggled: what a small sync commits.
        const QString sql = QStringLiteral(
            "UPDATE entities SET title = 'Changed %1 ' || id WHERE id IN (SELECT id FROM entities WHERE kind = "
            "'%2' ORDER BY name LIMIT 3 OFFSET %3) OR id = (SELECT id FROM entities WHERE kind = '%2' ORDER BY "
            "name DESC LIMIT 1); UPDATE entities SET removed_at = CASE WHEN removed_at IS NULL THEN "
            "'2026-12-01T00:00:00.000Z' END WHERE id = (SELECT id FROM entities WHERE kind = '%2' ORDER BY name "
            "LIMIT 1 OFFSET 5)")
                                .arg(round)
                                .arg(largest)
                                .arg(10 + round);
        if (!check((*other)->database().exec(sql), "change"))
            return 1;
        bool ok = true;
        refreshes.time([&] {
            ok = read(
                model, [&] { model.refresh(); }, "refresh");
        });
        if (!ok)
            return 1;
    }
    refreshes.print(QStringLiteral("refresh, %1 rows loaded").arg(model.rowCount()));
}
return 0;
}
