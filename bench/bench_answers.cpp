// SPDX-License-Identifier: GPL-3.0-or-later
// Answers and search-as-you-type at scale (issue 3 "Speed"), in process, on the SQLite cache:
//   - AnswerEngine::answer for random refs of every kind (owner resolution and reverse
//     relations included): median and p99, target median < 5 ms;
//   - AskEngine::ask for typical questions;
//   - CatalogQuery::search for 1, 2, 3 characters, then whole words: p50/p99, target p99 < 16 ms;
//   - the baseline in the same run: bm25-ranked FTS5 over everything for the same prefixes,
//     and bm25 over name and title only, so the ratio is measured, not remembered.
// Usage: bench_answers [ENTITIES=100000] [CACHE_FILE]. The cache file (default
// $TMPDIR/cairn-bench-answers-N.sqlite3) is reused when it already holds N entities.
#include "cache/Cache.h"
#include "cache/CatalogQuery.h"
#include "cache/CatalogWriter.h"
#include "core/AnswerEngine.h"
#include "core/AskEngine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "bench/Targets.h"
#include "testsupport/SyntheticOrganisation.h"

using namespace cairn;

namespace {

struct Figures
{
    double p50 = 0;
    double p99 = 0;
    double max = 0;
    qsizetype count = 0;
};

Figures figuresOf(QList<double> ms)
{
    Figures f;
    if (ms.isEmpty())
        return f;
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double p) { return ms.at(qMin(ms.size() - 1, qsizetype(p * double(ms.size())))); };
    f.p50 = at(0.50);
    f.p99 = at(0.99);
    f.max = ms.last();
    f.count = ms.size();
    return f;
}

void report(const char *what, const Figures &f, const char *target = "")
{
    std::printf("  %-48s wall p50 %7.3f p99 %7.3f ms (max %.1f)  (n=%lld)%s\n", what, f.p50, f.p99, f.max,
        static_cast<long long>(f.count), target);
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// Wall time and this process's CPU time side by side: on a shared, loaded VM a wall-clock
// p99 is mostly time the scheduler gave to someone else; CPU time is what the code costs.
class Clock
{
public:
    void start()
    {
        m_cpu = std::clock();
        m_wall.start();
    }
    void stop(QList<double> &wall, QList<double> &cpu) const
    {
        wall.append(msSince(m_wall));
        cpu.append(double(std::clock() - m_cpu) * 1000.0 / double(CLOCKS_PER_SEC));
    }

private:
    QElapsedTimer m_wall;
    std::clock_t m_cpu = 0;
};

void reportBoth(const char *what, const QList<double> &wall, const QList<double> &cpu, const char *target = "")
{
    const Figures w = figuresOf(wall);
    const Figures c = figuresOf(cpu);
    std::printf("  %-48s wall p50 %7.3f p99 %7.3f ms | cpu p50 %7.3f p99 %7.3f ms  (n=%lld)%s\n", what, w.p50, w.p99,
        c.p50, c.p99, static_cast<long long>(w.count), target);
}

core::Result<qint64> entityCount(cache::Cache &cache)
{
    return cache.database().queryInt(QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL"));
}

// Fills the cache with the synthetic organisation in one source run, as an import does.
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
    for (const core::Entity &e : org.entities())
        input.entities.append(core::SourcedEntity { e, {} });
    const qint64 generated = t.restart();
    core::Result<cache::RunSummary> summary = cache::CatalogWriter(cache).applySourceRun(input);
    if (!summary) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(summary.errorString()));
        return false;
    }
    std::printf("built: %d entities generated in %lld ms, imported in %lld ms\n", n, static_cast<long long>(generated),
        static_cast<long long>(t.elapsed()));
    return true;
}

// Random live refs per kind, drawn in SQL so a reused cache needs no regeneration.
QMap<QString, QList<core::EntityRef>> sampleRefs(cache::Cache &cache, int perKind)
{
    QMap<QString, QList<core::EntityRef>> out;
    core::Result<cache::Statement> q
        = cache.database().prepare(QStringLiteral("SELECT ref FROM (SELECT ref, kind, row_number() OVER (PARTITION BY "
                                                  "kind ORDER BY (id * 2654435761) % 1000003) AS k "
                                                  "FROM entities WHERE removed_at IS NULL) WHERE k <= ?1"));
    if (!q)
        return out;
    q->bind(1, perKind);
    for (;;) {
        core::Result<cache::Statement::Step> step = q->step();
        if (!step || *step == cache::Statement::Step::Done)
            break;
        core::Result<core::EntityRef> ref = core::EntityRef::parse(q->text(0));
        if (ref)
            out[ref->kind().toLower()].append(*ref);
    }
    return out;
}

// bm25 over every FTS hit, the design the issue rules out: the in-run baseline.
Figures bm25Search(
    cache::Cache &cache, const QString &sqlMatch, const QStringList &texts, int rounds, bool nameAndTitle)
{
    QList<double> ms;
    core::Result<cache::Statement> q = cache.database().prepare(QStringLiteral(
        "SELECT e.id, e.ref, e.display_name, e.owner_key FROM entities e JOIN (SELECT rowid, bm25(entities_fts) AS "
        "rank FROM entities_fts WHERE entities_fts MATCH ?1 ORDER BY rank LIMIT 50) f ON f.rowid = e.id "
        "WHERE e.removed_at IS NULL ORDER BY f.rank"));
    if (!q) {
        std::fprintf(stderr, "%s\n", qPrintable(q.errorString()));
        return {};
    }
    QElapsedTimer t;
    for (int r = 0; r < rounds; ++r) {
        for (const QString &text : texts) {
            QString match = sqlMatch.arg(text);
            if (nameAndTitle)
                match = QStringLiteral("{name title} : ") + match;
            t.start();
            q->reset();
            q->bind(1, match);
            int rows = 0;
            for (;;) {
                core::Result<cache::Statement::Step> step = q->step();
                if (!step || *step == cache::Statement::Step::Done)
                    break;
                ++rows;
            }
            ms.append(msSince(t));
        }
    }
    return figuresOf(ms);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int n = args.size() > 1 ? args.at(1).toInt() : 100000;
    const QString path
        = args.size() > 2 ? args.at(2) : QDir::temp().filePath(QStringLiteral("cairn-bench-answers-%1.sqlite3").arg(n));

    core::Result<std::unique_ptr<cache::Cache>> opened = cache::Cache::open(path);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.errorString()));
        return 1;
    }
    cache::Cache &cache = *opened.value();
    core::Result<qint64> count = entityCount(cache);
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
    cache::Cache &c = *opened.value();
    cache::CatalogQuery query(c);
    core::AnswerOptions options;
    options.today = QDate(2026, 11, 24);
    const core::AnswerEngine engine(query, options);

    // Warm the page cache and the statement paths once, as a running app would be.
    const QMap<QString, QList<core::EntityRef>> refs = sampleRefs(c, 200);
    for (const auto &list : refs)
        for (const core::EntityRef &r : list)
            (void)engine.answer(r);

    // CAIRN_BENCH_KIND=group: only that kind's answers, for a profiler (perf, callgrind).
    const QString onlyKind = qEnvironmentVariable("CAIRN_BENCH_KIND");
    std::printf("\nAnswerEngine::answer (target: median < 5 ms)\n");
    QList<double> all, allCpu;
    Clock clock;
    for (auto it = refs.cbegin(); it != refs.cend(); ++it) {
        if (!onlyKind.isEmpty() && it.key() != onlyKind)
            continue;
        QList<double> ms, cpu;
        for (int round = 0; round < 3; ++round) {
            for (const core::EntityRef &r : it.value()) {
                clock.start();
                core::Result<core::Answer> a = engine.answer(r);
                clock.stop(ms, cpu);
                if (!a) {
                    std::fprintf(stderr, "%s: %s\n", qPrintable(r.toString()), qPrintable(a.errorString()));
                    return 1;
                }
            }
        }
        all += ms;
        allCpu += cpu;
        reportBoth(qPrintable(it.key()), ms, cpu);
    }
    const Figures answers = figuresOf(all);
    reportBoth("every kind", all, allCpu);
    if (!onlyKind.isEmpty())
        return 0; // a profiling run, not a measurement of the targets

    std::printf("\nAskEngine::ask\n");
    core::AskEngine asker(query, options);
    const QStringList questions {
        QStringLiteral("who owns service-4711"),
        QStringLiteral("what is service-123"),
        QStringLiteral("who is on team-42"),
        QStringLiteral("what depends on db-77"),
        QStringLiteral("what does service-9 depend on"),
        QStringLiteral("why project-12"),
        QStringLiteral("how is project-99 going"),
        QStringLiteral("what does team-7 own"),
        QStringLiteral("goals of team-3"),
        QStringLiteral("who consumes api-15"),
        QStringLiteral("qui possède servce-4711"),
        QStringLiteral("c'est quoi person 123"),
        QStringLiteral("projects at risk"),
        QStringLiteral("payment ledger"),
        // issue 18's second pass
        QStringLiteral("what does person-123 work on"),
        QStringLiteral("who is person-123"),
        QStringLiteral("which projects contribute to goal-12"),
        QStringLiteral("who is on call for service-4711"),
        QStringLiteral("where is the runbook of service-4711"),
        QStringLiteral("qui s'occupe du service-4711"),
        QStringLiteral("what changed since yesterday"),
        QStringLiteral("was ist los mit service-4711 heute"),
    };
    constexpr int AskRounds = 20;
    QList<double> askAll, askCpu;
    double slowestP99 = 0.0;
    QString slowest;
    for (const QString &question : questions) {
        QList<double> ms, cpu;
        for (int round = 0; round < AskRounds; ++round) {
            clock.start();
            core::Result<core::AskResult> r = asker.ask(question);
            clock.stop(ms, cpu);
            if (!r)
                return 1;
        }
        askAll += ms;
        askCpu += cpu;
        if (const double p99 = figuresOf(ms).p99; p99 > slowestP99) {
            slowestP99 = p99;
            slowest = question;
        }
        // What it answered, so a fast "not found" cannot pass for a fast answer.
        const core::Result<core::AskResult> last = asker.ask(question);
        reportBoth(qPrintable(QStringLiteral("\"%1\" -> %2").arg(question, core::AskResult::outcomeId(last->outcome))),
            ms, cpu);
    }
    reportBoth("every question", askAll, askCpu);
    // The share of reading the question (68 patterns, English and French) in those times.
    QList<double> parseMs, parseCpu;
    for (int round = 0; round < 20; ++round) {
        for (const QString &question : questions) {
            clock.start();
            const core::ParsedQuestion parsed = core::QuestionParser::parse(question);
            clock.stop(parseMs, parseCpu);
            if (parsed.text.isEmpty())
                return 1;
        }
    }
    reportBoth("QuestionParser::parse alone", parseMs, parseCpu);

    std::printf("\nCatalogQuery::search, limit 50 (target: p99 < 16 ms)\n");
    const QList<QStringList> typed {
        { QStringLiteral("p"), QStringLiteral("s"), QStringLiteral("c"), QStringLiteral("t"), QStringLiteral("l") },
        { QStringLiteral("pa"), QStringLiteral("se"), QStringLiteral("ch"), QStringLiteral("te"),
            QStringLiteral("le") },
        { QStringLiteral("pay"), QStringLiteral("ser"), QStringLiteral("che"), QStringLiteral("tea"),
            QStringLiteral("led") },
        { QStringLiteral("payment"), QStringLiteral("service"), QStringLiteral("checkout"), QStringLiteral("team"),
            QStringLiteral("ledger flow"), QStringLiteral("person 123"), QStringLiteral("zzz") },
    };
    const char *labels[] = { "1 character", "2 characters", "3 characters", "whole words" };
    QList<double> searchAll, searchCpu;
    QList<Figures> ours;
    for (qsizetype i = 0; i < typed.size(); ++i) {
        QList<double> ms, cpu;
        for (int round = 0; round < 40; ++round) {
            for (const QString &text : typed.at(i)) {
                clock.start();
                core::Result<QList<core::SearchHit>> hits = query.search(text, 50);
                clock.stop(ms, cpu);
                if (!hits)
                    return 1;
            }
        }
        searchAll += ms;
        searchCpu += cpu;
        ours.append(figuresOf(ms));
        reportBoth(labels[i], ms, cpu);
    }
    const Figures search = figuresOf(searchAll);
    reportBoth("all prefixes", searchAll, searchCpu);

    std::printf("\nBaseline: FTS5 ranked with bm25, first 50 (same texts)\n");
    QList<Figures> baseline;
    for (qsizetype i = 0; i < typed.size(); ++i) {
        QStringList texts;
        for (const QString &text : typed.at(i))
            texts.append(cache::CatalogQuery::ftsPrefixQuery(text).isEmpty()
                    ? u'"' + text + QStringLiteral("\"*")
                    : cache::CatalogQuery::ftsPrefixQuery(text));
        const int rounds = i == 0 ? 3 : 10; // 1-letter prefixes scan every term: few rounds
        const Figures f = bm25Search(c, QStringLiteral("%1"), texts, rounds, false);
        report(qPrintable(QStringLiteral("bm25 everything, %1").arg(QLatin1StringView(labels[i]))), f);
        baseline.append(f);
        report(qPrintable(QStringLiteral("bm25 name+title, %1").arg(QLatin1StringView(labels[i]))),
            bm25Search(c, QStringLiteral("%1"), texts, rounds, true));
    }
    std::printf("\nSummary\n");
    for (qsizetype i = 0; i < typed.size(); ++i)
        std::printf("  bm25 over everything / ours, %-13s p50 %5.0fx  p99 %5.0fx\n", labels[i],
            baseline.at(i).p50 / qMax(0.001, ours.at(i).p50), baseline.at(i).p99 / qMax(0.001, ours.at(i).p99));
    // Latencies pooled over every round: a p50 or p99 over thousands of calls is already
    // the robust figure the median of rounds is for elsewhere.
    bench::figureAtMost("answer, every kind, wall p50", answers.p50, answers.count, 5.0, "ms", "issue 3");
    bench::figureAtMost("search as you type, wall p99", search.p99, search.count, 16.0, "ms", "issue 3");
    const Figures asked = figuresOf(askAll);
    bench::figureAtMost("ask, every question, wall p50", asked.p50, asked.count, 1.0, "ms", "issue 18");
    bench::figureAtMost(qPrintable(QStringLiteral("ask, the slowest question's wall p99 (\"%1\")").arg(slowest)),
        slowestP99, AskRounds, 16.0, "ms", "issue 18");
    return bench::exitStatus();
}
