// SPDX-License-Identifier: GPL-3.0-or-later
// The entities around one entity in the graph of what uses what, read from the cache: on
// the sample organisation (depth, both directions, APIs provided and consumed, health),
// and on small catalogs made for a cycle, a missing target, a tombstone and a hub whose
// thousands of dependents the cap must leave out.

#include "cache/CatalogWriter.h"
#include "cache/Database.h"
#include "cache/DependencyNeighbourhood.h"
#include "cache/HealthPolicy.h"
#include "sync/SampleOrganisation.h"
#include "sync/ScorecardReader.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>

#include "support/CacheTestSupport.h"

using namespace cairn;
using cache::DependencyNeighbourhood;
using Hood = DependencyNeighbourhood;
using cache::Statement;

namespace {

// "Today" in the sample organisation: its deploy dates are judged against it.
const QDate SampleToday(2026, 11, 24);

std::shared_ptr<cache::HealthPolicy> builtInPolicy()
{
    auto policy = std::make_shared<cache::HealthPolicy>();
    const sync::ScorecardSet set = sync::ScorecardReader::builtIn();
    if (!set.errors.isEmpty())
        qFatal("%s", qPrintable(set.errors.constFirst().toString()));
    policy->scorecards = set.scorecards;
    policy->today = [] { return SampleToday; };
    return policy;
}

core::EntityRef ref(const char *text)
{
    return core::EntityRef::parse(QString::fromLatin1(text)).value();
}

core::SourcedEntity dependingComponent(const QString &name, const QStringList &dependsOn,
    const QStringList &provides = {}, const QStringList &consumes = {})
{
    QJsonObject spec { { QStringLiteral("type"), QStringLiteral("service") },
        { QStringLiteral("lifecycle"), QStringLiteral("production") },
        { QStringLiteral("owner"), QStringLiteral("team-a") },
        { QStringLiteral("dependsOn"), QJsonArray::fromStringList(dependsOn) } };
    if (!provides.isEmpty())
        spec.insert(QStringLiteral("providesApis"), QJsonArray::fromStringList(provides));
    if (!consumes.isEmpty())
        spec.insert(QStringLiteral("consumesApis"), QJsonArray::fromStringList(consumes));
    return cache::test::entity(QStringLiteral("Component"), name, spec);
}

// The nodes' keys, centre first.
QStringList keysOf(const Hood &hood)
{
    QStringList keys;
    for (const Hood::Node &node : hood.nodes)
        keys.append(node.ref.key());
    return keys;
}

QSet<QString> keySet(const Hood &hood)
{
    const QStringList keys = keysOf(hood);
    return QSet<QString>(keys.cbegin(), keys.cend());
}

QString typeWord(Hood::EdgeType type)
{
    switch (type) {
    case Hood::EdgeType::DependsOn:
        return QStringLiteral("dependsOn");
    case Hood::EdgeType::ProvidesApi:
        return QStringLiteral("providesApi");
    case Hood::EdgeType::ConsumesApi:
        return QStringLiteral("consumesApi");
    }
    return {};
}

// "from type to" for every edge, by name.
QSet<QString> edgesOf(const Hood &hood)
{
    QSet<QString> edges;
    for (const Hood::Edge &edge : hood.edges)
        edges.insert(hood.nodes.at(edge.from).ref.name() + u' ' + typeWord(edge.type) + u' '
            + hood.nodes.at(edge.to).ref.name());
    return edges;
}

const Hood::Node &node(const Hood &hood, const char *text)
{
    const int index = hood.indexOf(ref(text));
    if (index < 0)
        qFatal("%s is not in the neighbourhood", text);
    return hood.nodes.at(index);
}

} // namespace

class TestDependencyNeighbourhood : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<cache::Cache> m_cache;

    Hood read(const char *centre, int depth, int maxNodes = Hood::DefaultMaxNodes)
    {
        core::Result<Hood> hood = Hood::read(*m_cache, ref(centre), depth, maxNodes);
        if (!hood)
            qFatal("read failed: %s", qPrintable(hood.errorString()));
        return std::move(hood).value();
    }

    void loadSample()
    {
        Q_INIT_RESOURCE(cairn_sample);
        const sync::SyncOutcome outcome = sync::SampleOrganisation::load(*m_cache);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
    }

    void apply(const QList<core::SourcedEntity> &entities)
    {
        cache::CatalogWriter writer(*m_cache);
        auto applied = writer.applySourceRun(cache::test::run(QStringLiteral("test"), entities));
        QVERIFY2(applied, qPrintable(applied.errorString()));
    }

private Q_SLOTS:
    void init() { m_cache = cache::test::cacheForCurrentTest(m_dir); }
    void cleanup() { m_cache.reset(); }

    void dependenciesAndApisOneRelationAway()
    {
        loadSample();
        const Hood hood = read("component:default/checkout-service", 1);
        QCOMPARE(hood.depth, 1);
        QCOMPARE(hood.nodes.constFirst().ref.key(), QStringLiteral("component:default/checkout-service"));
        QCOMPARE(hood.nodes.constFirst().distance, 0);
        // What it depends on, the APIs it consumes and the one it provides; nothing depends on it.
        QCOMPARE(keySet(hood),
            QSet<QString>({ QStringLiteral("component:default/checkout-service"),
                QStringLiteral("resource:default/checkout-db"), QStringLiteral("component:default/basket-service"),
                QStringLiteral("component:default/payment-gateway"), QStringLiteral("component:default/delivery-slots"),
                QStringLiteral("component:default/order-service"), QStringLiteral("component:default/voucher-engine"),
                QStringLiteral("component:default/promotions-service"), QStringLiteral("api:default/basket-api"),
                QStringLiteral("api:default/payments-api"), QStringLiteral("api:default/delivery-slots-api"),
                QStringLiteral("api:default/voucher-api"), QStringLiteral("api:default/checkout-api") }));
        for (qsizetype i = 1; i < hood.nodes.size(); ++i)
            QCOMPARE(hood.nodes.at(i).distance, 1);
        QVERIFY(hood.omitted.isEmpty());

        const QSet<QString> edges = edgesOf(hood);
        // The centre's own relations, as they read forward.
        QVERIFY(edges.contains(QStringLiteral("checkout-service dependsOn voucher-engine")));
        QVERIFY(edges.contains(QStringLiteral("checkout-service consumesApi basket-api")));
        QVERIFY(edges.contains(QStringLiteral("checkout-service providesApi checkout-api")));
        // Relations between two of its neighbours are there too: who provides what it consumes.
        QVERIFY(edges.contains(QStringLiteral("voucher-engine providesApi voucher-api")));
        QVERIFY(edges.contains(QStringLiteral("order-service dependsOn payment-gateway")));
        QVERIFY(edges.contains(QStringLiteral("voucher-engine dependsOn checkout-db")));
        // Each once, though Cairn could read them from either end.
        QCOMPARE(edges.size(), hood.edges.size());
        // The node's words come from the cache.
        const Hood::Node &voucher = node(hood, "component:default/voucher-engine");
        QCOMPARE(voucher.kind, QStringLiteral("component"));
        QCOMPARE(voucher.type, QStringLiteral("service"));
        QCOMPARE(voucher.presence, Hood::Presence::Live);
        QCOMPARE(node(hood, "api:default/voucher-api").kind, QStringLiteral("api"));
    }

    void deeperReachesFurther()
    {
        loadSample();
        const Hood two = read("component:default/checkout-service", 2);
        const Hood three = read("component:default/checkout-service", 3);
        // checkout-service > delivery-slots > route-planner > demand-forecasting.
        QCOMPARE(node(two, "component:default/route-planner").distance, 2);
        QCOMPARE(two.indexOf(ref("component:default/demand-forecasting")), -1);
        QCOMPARE(node(three, "component:default/demand-forecasting").distance, 3);
        // An API's provider is one relation further than the API.
        QCOMPARE(node(two, "component:default/price-engine").distance, 2);
        QCOMPARE(node(two, "api:default/pricing-api").distance, 2);
        QVERIFY(keySet(three).contains(keySet(two)));
        // Depth is clamped to what the window offers.
        QCOMPARE(read("component:default/checkout-service", 9).depth, Hood::MaxDepth);
        QCOMPARE(read("component:default/checkout-service", 0).depth, Hood::MinDepth);
    }

    void dependentsAndConsumersTheOtherWay()
    {
        loadSample();
        const Hood one = read("component:default/payment-gateway", 1);
        QCOMPARE(keySet(one),
            QSet<QString>({ QStringLiteral("component:default/payment-gateway"),
                QStringLiteral("resource:default/payments-db"), QStringLiteral("resource:default/event-bus"),
                QStringLiteral("api:default/payments-api"), QStringLiteral("component:default/checkout-service"),
                QStringLiteral("component:default/order-service"),
                QStringLiteral("component:default/refund-service") }));
        const Hood two = read("component:default/payment-gateway", 2);
        // Who depends on its dependents.
        for (const char *dependent : { "component:default/cafe-club", "component:default/fulfilment-orchestrator",
                 "component:default/driver-app", "component:default/care-console" })
            QCOMPARE(node(two, dependent).distance, 2);
        // A dependent's own dependencies are not the gateway's neighbourhood: the two
        // directions are followed apart.
        QCOMPARE(two.indexOf(ref("component:default/delivery-slots")), -1);
        QCOMPARE(two.indexOf(ref("resource:default/orders-db")), -1);
        QVERIFY(edgesOf(two).contains(QStringLiteral("care-console dependsOn refund-service")));
    }

    void anApiBetweenItsConsumersAndProviders()
    {
        loadSample();
        const Hood hood = read("api:default/payments-api", 1);
        QCOMPARE(keySet(hood),
            QSet<QString>({ QStringLiteral("api:default/payments-api"),
                QStringLiteral("component:default/payment-gateway"),
                QStringLiteral("component:default/checkout-service"), QStringLiteral("component:default/order-service"),
                QStringLiteral("component:default/refund-service") }));
        const QSet<QString> edges = edgesOf(hood);
        QVERIFY(edges.contains(QStringLiteral("payment-gateway providesApi payments-api")));
        QVERIFY(edges.contains(QStringLiteral("refund-service consumesApi payments-api")));
        QVERIFY(edges.contains(QStringLiteral("checkout-service dependsOn payment-gateway")));
    }

    void anEntityWithoutRelationsStandsAlone()
    {
        loadSample();
        const Hood hood = read("component:default/help-centre", 3);
        QCOMPARE(keysOf(hood), QStringList({ QStringLiteral("component:default/help-centre") }));
        QVERIFY(hood.edges.isEmpty());
        QCOMPARE(hood.nodes.constFirst().presence, Hood::Presence::Live);
        // A team has no dependencies: the same, not an error.
        QCOMPARE(read("group:default/checkout", 2).nodes.size(), 1);
    }

    void healthOfTheSample()
    {
        // The built-in scorecards, as the programs install them at start: the sample's
        // health is computed as it is imported (cache::HealthStore).
        cache::HealthPolicy::install(builtInPolicy());
        loadSample();
        const Hood hood = read("component:default/checkout-service", 2);
        // Every node's band is the entity's worst scorecard's, as stored.
        Statement bands = std::move(m_cache->database().prepare(QStringLiteral(
                                        "SELECT coalesce(health_band, '') FROM entities WHERE key = ?1")))
                              .value();
        int banded = 0;
        for (const Hood::Node &n : hood.nodes) {
            bands.reset();
            bands.bind(1, n.ref.key());
            QCOMPARE(bands.step().value(), Statement::Step::Row);
            QCOMPARE(n.healthBand, bands.text(0));
            banded += n.healthBand.isEmpty() ? 0 : 1;
        }
        QVERIFY(banded > 5);
        // The cases the sample plants: the deprecated voucher-engine fails, and
        // checkout-service, which depends on it, is at risk through it.
        QCOMPARE(node(hood, "component:default/voucher-engine").healthBand, QStringLiteral("failing"));
        QVERIFY(node(hood, "component:default/voucher-engine").riskPaths.isEmpty());
        QVERIFY(hood.nodes.constFirst().riskPaths.contains(
            QStringList({ QStringLiteral("component:default/checkout-service"),
                QStringLiteral("component:default/voucher-engine") })));
        // No scorecard applies to a database: no band, no risk.
        QCOMPARE(node(hood, "resource:default/checkout-db").healthBand, QString());
        QVERIFY(node(hood, "resource:default/checkout-db").riskPaths.isEmpty());

        // Each path is one of v_health's at_risk_via, the worst scorecard's first, none twice.
        Statement view = std::move(
            m_cache->database().prepare(QStringLiteral("SELECT at_risk_via FROM v_health WHERE lower(ref) = ?1 "
                                                       "AND at_risk_via IS NOT NULL ORDER BY score, scorecard")))
                             .value();
        for (const Hood::Node &n : hood.nodes) {
            view.reset();
            view.bind(1, n.ref.key());
            QStringList expected;
            QVERIFY(cache::forEachRow(view, [&expected](const Statement &row) {
                if (!expected.contains(row.text(0)))
                    expected.append(row.text(0));
            }));
            QStringList paths;
            for (const QStringList &path : n.riskPaths)
                paths.append(path.join(QStringLiteral(" > ")));
            QCOMPARE(paths, expected);
        }
        cache::HealthPolicy::install(nullptr);
    }

    void cyclesEndAndEachEdgeOnce()
    {
        // a -> b -> c -> a, and a -> c.
        apply(
            { dependingComponent(QStringLiteral("a"), { QStringLiteral("component:b"), QStringLiteral("component:c") }),
                dependingComponent(QStringLiteral("b"), { QStringLiteral("component:c") }),
                dependingComponent(QStringLiteral("c"), { QStringLiteral("component:a") }) });
        const Hood hood = read("component:default/a", 3);
        QCOMPARE(keySet(hood),
            QSet<QString>({ QStringLiteral("component:default/a"), QStringLiteral("component:default/b"),
                QStringLiteral("component:default/c") }));
        QCOMPARE(edgesOf(hood),
            QSet<QString>({ QStringLiteral("a dependsOn b"), QStringLiteral("a dependsOn c"),
                QStringLiteral("b dependsOn c"), QStringLiteral("c dependsOn a") }));
        QCOMPARE(hood.edges.size(), 4);
        // Reached both ways round the cycle, each entity is one node, at its nearest.
        QCOMPARE(node(hood, "component:default/c").distance, 1);
        QCOMPARE(node(hood, "component:default/b").distance, 1);
    }

    void missingTargetsAndTombstones()
    {
        apply({ dependingComponent(QStringLiteral("web"),
                    { QStringLiteral("component:api-gateway"), QStringLiteral("resource:ghost-db") }),
            dependingComponent(QStringLiteral("api-gateway"), {}),
            dependingComponent(QStringLiteral("legacy"), { QStringLiteral("component:web") }) });
        Hood hood = read("component:default/web", 1);
        const Hood::Node &ghost = node(hood, "resource:default/ghost-db");
        QCOMPARE(ghost.presence, Hood::Presence::Missing);
        QCOMPARE(ghost.kind, QStringLiteral("resource"));
        QCOMPARE(ghost.title, QStringLiteral("ghost-db"));
        QVERIFY(hood.indexOf(ref("component:default/legacy")) > 0);

        // The dependent is gone upstream: what its tombstone stated no longer counts, as
        // in v_relations. The dependency gone upstream stays, marked.
        cache::CatalogWriter writer(*m_cache);
        cache::SourceRunInput again = cache::test::run(QStringLiteral("test"),
            { dependingComponent(QStringLiteral("web"),
                { QStringLiteral("component:api-gateway"), QStringLiteral("resource:ghost-db") }) });
        again.allowRemovals = true;
        auto removed = writer.applySourceRun(again);
        QVERIFY2(removed, qPrintable(removed.errorString()));
        QCOMPARE(removed->removed, 2);
        hood = read("component:default/web", 1);
        QCOMPARE(hood.indexOf(ref("component:default/legacy")), -1);
        QCOMPARE(node(hood, "component:default/api-gateway").presence, Hood::Presence::Removed);

        // A centre the cache does not hold: itself, missing, and whoever names it.
        const Hood missing = read("resource:default/ghost-db", 1);
        QCOMPARE(missing.nodes.constFirst().presence, Hood::Presence::Missing);
        QCOMPARE(keysOf(missing),
            QStringList({ QStringLiteral("resource:default/ghost-db"), QStringLiteral("component:default/web") }));
    }

    void aHubIsCappedFairlyAndSaysHowManyWereLeftOut()
    {
        // 2,000 services depend on a hub, which itself depends on three things.
        QList<core::SourcedEntity> entities { dependingComponent(QStringLiteral("hub"),
            { QStringLiteral("component:store"), QStringLiteral("component:queue"),
                QStringLiteral("component:cache") }) };
        for (const char *name : { "store", "queue", "cache" })
            entities.append(dependingComponent(QString::fromLatin1(name), { QStringLiteral("component:disk") }));
        entities.append(dependingComponent(QStringLiteral("disk"), {}));
        for (int i = 0; i < 2000; ++i)
            entities.append(dependingComponent(
                QStringLiteral("svc-%1").arg(i, 4, 10, QLatin1Char('0')), { QStringLiteral("component:hub") }));
        apply(entities);

        QElapsedTimer timer;
        timer.start();
        const Hood hood = read("component:default/hub", 2, 50);
        qInfo("read a capped 2-deep neighbourhood of a hub with 2,000 dependents in %lld ms", timer.elapsed());
        QCOMPARE(hood.nodes.size(), 50);
        // Its three dependencies are not crowded out by the dependents; the level after
        // them gets nothing, and says so.
        for (const char *dependency :
            { "component:default/store", "component:default/queue", "component:default/cache" })
            QCOMPARE(node(hood, dependency).distance, 1);
        QCOMPARE(hood.indexOf(ref("component:default/disk")), -1);
        int dependentsShown = 0;
        for (const Hood::Node &n : hood.nodes)
            dependentsShown += n.ref.name().startsWith(QStringLiteral("svc-")) ? 1 : 0;
        QCOMPARE(dependentsShown, 46);
        // The first ones by name, so the same catalog always shows the same graph.
        QCOMPARE(node(hood, "component:default/svc-0000").distance, 1);
        QCOMPARE(hood.indexOf(ref("component:default/svc-1999")), -1);

        int hubDependents = -1;
        int toDisk = 0;
        for (const Hood::Omitted &omitted : hood.omitted) {
            const QString name = hood.nodes.at(omitted.node).ref.name();
            if (name == u"hub" && omitted.direction == Hood::Direction::Dependents)
                hubDependents = omitted.count;
            if (omitted.direction == Hood::Direction::Dependencies)
                toDisk += omitted.count;
        }
        QCOMPARE(hubDependents, 2000 - 46);
        // disk, once for each of the three that depend on it.
        QCOMPARE(toDisk, 3);
        QCOMPARE(hood.omittedCount(), 2000 - 46 + 3);
        // Every edge joins two shown nodes.
        for (const Hood::Edge &edge : hood.edges) {
            QVERIFY(edge.from >= 0 && edge.from < hood.nodes.size());
            QVERIFY(edge.to >= 0 && edge.to < hood.nodes.size());
        }
        QCOMPARE(hood.edges.size(), 3 + 46);
    }
};

QTEST_GUILESS_MAIN(TestDependencyNeighbourhood)
#include "tst_dependencyneighbourhood.moc"
