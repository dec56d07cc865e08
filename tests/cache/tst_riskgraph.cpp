// SPDX-License-Identifier: GPL-3.0-or-later
// The risk paths of a whole catalog on numbers (cache::RiskGraph), which a recompute finds
// per scorecard: each is the very path core::DependencyRisk::pathFrom walks for its entity,
// on any graph (cycles, failing entities that depend on failing ones, dependencies on
// entities that state none, failing entities outside the graph), and only the wanted ones.
#include "cache/RiskGraph.h"
#include "core/DependencyRisk.h"

#include <QRandomGenerator>
#include <QTest>

using namespace cairn;
using namespace Qt::StringLiterals;

class TestRiskGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachPathIsPathFroms_data()
    {
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("size");
        for (int seed = 1; seed <= 60; ++seed)
            QTest::addRow("graph %d", seed) << seed << 5 + (seed * 7) % 60;
        QTest::addRow("large") << 99 << 3000;
    }

    void eachPathIsPathFroms()
    {
        QFETCH(int, seed);
        QFETCH(int, size);
        QRandomGenerator random { quint32(seed) };
        QHash<QString, QStringList> deps;
        QSet<QString> failingKeys;
        const auto name = [](int i) { return u"e%1"_s.arg(i, 4, 10, QLatin1Char('0')); };
        // A fifth of the entities state no dependency (no entry at all), as most do.
        for (int i = 0; i < size; ++i) {
            if (random.bounded(100) < 12)
                failingKeys.insert(name(i));
            if (random.bounded(5) == 0)
                continue;
            QStringList out;
            for (int d = random.bounded(4); d > 0; --d)
                out.append(name(random.bounded(size + 3))); // and some no entity has
            out.sort();
            out.removeDuplicates();
            if (!out.isEmpty())
                deps.insert(name(i), out);
        }
        QSet<QString> wantedKeys;
        for (int i = 0; i < size + 3; ++i)
            if (random.bounded(4) != 0)
                wantedKeys.insert(name(i));

        const std::vector<std::pair<QString, QStringList>> found = cache::RiskGraph(deps).paths(
            failingKeys, [&wantedKeys](const QString &k) { return wantedKeys.contains(k); });

        const auto dependencies = [&deps](const QString &k) { return deps.value(k); };
        const auto failing = [&failingKeys](const QString &k) { return failingKeys.contains(k); };
        QHash<QString, QStringList> byKey;
        for (const auto &[key, path] : found) {
            QVERIFY2(!byKey.contains(key), qPrintable(key));
            byKey.insert(key, path);
        }
        int atRisk = 0;
        for (int i = 0; i < size + 3; ++i) {
            const QString key = name(i);
            const QStringList expected
                = wantedKeys.contains(key) ? core::DependencyRisk::pathFrom(key, dependencies, failing) : QStringList();
            QCOMPARE(byKey.value(key), expected);
            atRisk += expected.isEmpty() ? 0 : 1;
        }
        if (size >= 40)
            QVERIFY(atRisk > 0); // the graph had something to find

        // Shared out in parts of its numbers, the walk finds the same paths.
        const cache::RiskGraph graph(deps);
        const auto wanted = [&](int node) { return wantedKeys.contains(graph.keyOf(node)); };
        const auto whole = graph.numberedPaths(failingKeys, wanted);
        std::vector<std::pair<int, QList<int>>> parts;
        const int cut = graph.size() / 3;
        for (const auto &[from, to] : { std::pair { 0, cut }, std::pair { cut, graph.size() } })
            for (auto &partFound : graph.numberedPaths(failingKeys, wanted, from, to))
                parts.push_back(std::move(partFound));
        QVERIFY(parts == whole);
        QCOMPARE(qsizetype(whole.size()), qsizetype(found.size()));
    }

    // The cycle of DependencyRisk's own test: two shortest ways, the first in key order
    // taken; a failing entity is not at risk through itself.
    void theShortestPathThroughACycle()
    {
        const QHash<QString, QStringList> deps { { u"a"_s, { u"b"_s } }, { u"b"_s, { u"c"_s, u"d"_s } },
            { u"c"_s, { u"a"_s, u"e"_s } }, { u"d"_s, { u"e"_s } } };
        const auto found
            = cache::RiskGraph(deps).paths({ u"e"_s }, [](const QString &k) { return k == u"a" || k == u"e"; });
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found.front().first, u"a"_s);
        QCOMPARE(found.front().second, (QStringList { u"a"_s, u"b"_s, u"c"_s, u"e"_s }));
    }

    void anEmptyGraphHasNoPaths()
    {
        QVERIFY(cache::RiskGraph().paths({ u"a"_s }, [](const QString &) { return true; }).empty());
        QVERIFY(cache::RiskGraph({ { u"a"_s, { u"b"_s } } }).paths({}, [](const QString &) { return true; }).empty());
    }
};

QTEST_GUILESS_MAIN(TestRiskGraph)
#include "tst_riskgraph.moc"
