// SPDX-License-Identifier: GPL-3.0-or-later
// The health dashboard's numbers on the sample organisation (Fennel, judged on 2026-11-24):
// per scorecard, per owning team and the worst components, checked against the figures
// the sample plants and against cache::HealthReader's listing, which reads the same
// health another way (every result decoded).
#include "cache/Cache.h"
#include "cache/HealthReader.h"
#include "models/HealthSummary.h"
#include "sync/SampleOrganisation.h"
#include "sync/ScorecardReader.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
using models::HealthSummary;

class TestHealthSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void countsEachScorecardOnTheSample();
    void agreesWithTheHealthListing();
    void groupsByOwningTeamWorstFirst();
    void oneScorecardsTeamsLevelsAndWorst();
    void worstComponentsByTheirWorstScorecard();
    void componentsWithoutOwnerHaveABucket();
    void emptyWhenNoScorecardApplies();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<cache::Cache> m_cache;
};

namespace {

const QString Readiness = QStringLiteral("component-readiness");
const QString Operational = QStringLiteral("operational-health");

const HealthSummary::Scorecard *find(const HealthSummary &summary, const QString &id)
{
    for (const HealthSummary::Scorecard &s : summary.scorecards) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

HealthSummary readSummary(cache::Cache &cache, const QString &scorecard = {}, int worst = 20)
{
    core::Result<HealthSummary> summary = HealthSummary::read(cache, scorecard, worst);
    if (!summary)
        qFatal("%s", qPrintable(summary.errorString()));
    return *summary;
}

} // namespace

void TestHealthSummary::initTestCase()
{
    Q_INIT_RESOURCE(cairn_sample);
    QStandardPaths::setTestModeEnabled(true); // no scorecards of the person running the tests
    QVERIFY(m_dir.isValid());
    // The built-in scorecards, judged on the sample's "today".
    QVERIFY(sync::ScorecardReader::installForThisProcess(QDate(2026, 11, 24)).isEmpty());
}

void TestHealthSummary::init()
{
    static int n = 0;
    auto cache = cache::Cache::open(m_dir.filePath(QStringLiteral("sample-%1.sqlite3").arg(++n)));
    QVERIFY2(cache, qPrintable(cache.errorString()));
    m_cache = std::move(cache).value();
    const sync::SyncOutcome loaded = sync::SampleOrganisation::load(*m_cache);
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
}

void TestHealthSummary::cleanup()
{
    m_cache.reset();
}

void TestHealthSummary::countsEachScorecardOnTheSample()
{
    const HealthSummary summary = readSummary(*m_cache);
    QCOMPARE(summary.components, 38);
    QCOMPARE(summary.withoutHealth, 0);
    QVERIFY(!summary.isEmpty());
    QCOMPARE(summary.scorecards.size(), 2);
    QCOMPARE(summary.scorecards.at(0).id, Readiness); // the scorecards' order
    QCOMPARE(summary.scorecards.at(0).name, QStringLiteral("Component readiness"));
    QCOMPARE(summary.scorecards.at(1).id, Operational);

    const HealthSummary::Scorecard &readiness = summary.scorecards.at(0);
    QCOMPARE(readiness.bands, (models::BandCounts { 1, 17, 20 })); // failing, needs attention, passing
    QCOMPARE(readiness.levels, (models::LevelCounts { 1, 3, 14, 20 })); // none, bronze, silver, gold
    QCOMPARE(readiness.atRisk, 13);
    const HealthSummary::Scorecard &operational = summary.scorecards.at(1);
    QCOMPARE(operational.bands, (models::BandCounts { 11, 21, 6 }));
    QCOMPARE(operational.levels, (models::LevelCounts { 11, 17, 4, 6 }));
    QCOMPARE(operational.atRisk, 15);
    QCOMPARE(operational.total(), 38);
}

void TestHealthSummary::agreesWithTheHealthListing()
{
    const HealthSummary summary = readSummary(*m_cache);
    cache::HealthReader reader(m_cache->database());
    core::Result<QList<cache::EntityHealth>> all = reader.list({});
    QVERIFY2(all, qPrintable(all.errorString()));
    QHash<QString, models::BandCounts> bands;
    QHash<QString, models::LevelCounts> levels;
    QHash<QString, int> atRisk;
    for (const cache::EntityHealth &h : std::as_const(*all)) {
        if (h.kind.compare(QStringLiteral("component"), Qt::CaseInsensitive) != 0)
            continue;
        ++bands[h.result.scorecardId][int(h.result.band)];
        ++levels[h.result.scorecardId][int(h.result.level)];
        atRisk[h.result.scorecardId] += h.result.riskPath.isEmpty() ? 0 : 1;
    }
    QCOMPARE(bands.size(), summary.scorecards.size());
    for (const HealthSummary::Scorecard &s : summary.scorecards) {
        QCOMPARE(s.bands, bands.value(s.id));
        QCOMPARE(s.levels, levels.value(s.id));
        QCOMPARE(s.atRisk, atRisk.value(s.id));
    }
}

void TestHealthSummary::groupsByOwningTeamWorstFirst()
{
    // Each component's worst band (the Health column's).
    const HealthSummary summary = readSummary(*m_cache);
    QCOMPARE(summary.scorecard, QString());
    QStringList names;
    int total = 0;
    for (const HealthSummary::Team &team : summary.teams) {
        names.append(team.name);
        total += team.total();
        QCOMPARE(team.levels, (models::LevelCounts {})); // a component has a level per scorecard only
    }
    // Most failing, then most needing attention, then by name.
    QCOMPARE(names,
        (QStringList { QStringLiteral("Checkout & Payments"), QStringLiteral("Storefront"),
            QStringLiteral("Data & Forecasting"), QStringLiteral("Fulfilment"), QStringLiteral("Catalogue & Search"),
            QStringLiteral("Customer care tools"), QStringLiteral("Mobile apps"), QStringLiteral("Platform"),
            QStringLiteral("group:default/media-team") }));
    QCOMPARE(total, 38);
    const HealthSummary::Team &checkout = summary.teams.at(0);
    QCOMPARE(checkout.state, HealthSummary::OwnerState::Resolved);
    QCOMPARE(checkout.owner, core::EntityRef::parse(u"group:default/checkout").value());
    QCOMPARE(checkout.bands, (models::BandCounts { 2, 2, 2 }));
    // image-resizer's owner is not in the catalog: its own bucket, named by the ref.
    const HealthSummary::Team &media = summary.teams.constLast();
    QCOMPARE(media.state, HealthSummary::OwnerState::NotFound);
    QCOMPARE(media.owner, core::EntityRef::parse(u"group:default/media-team").value());
    QCOMPARE(media.bands, (models::BandCounts { 1, 0, 0 }));
}

void TestHealthSummary::oneScorecardsTeamsLevelsAndWorst()
{
    const HealthSummary summary = readSummary(*m_cache, Operational, 5);
    QCOMPARE(summary.scorecard, Operational);
    const HealthSummary::Scorecard *operational = find(summary, Operational);
    QVERIFY(operational);
    models::BandCounts bands {};
    models::LevelCounts levels {};
    for (const HealthSummary::Team &team : summary.teams) {
        for (int i = 0; i < 3; ++i)
            bands[i] += team.bands[i];
        for (int i = 0; i < 4; ++i)
            levels[i] += team.levels[i];
    }
    // Every component of the scorecard is in one team, with its band and its level.
    QCOMPARE(bands, operational->bands);
    QCOMPARE(levels, operational->levels);
    // The teams' order follows this scorecard's bands.
    for (qsizetype i = 1; i < summary.teams.size(); ++i) {
        const HealthSummary::Team &a = summary.teams.at(i - 1);
        const HealthSummary::Team &b = summary.teams.at(i);
        QVERIFY(a.bands[0] > b.bands[0] || (a.bands[0] == b.bands[0] && a.bands[1] >= b.bands[1]));
    }

    QCOMPARE(summary.worst.size(), 5);
    QCOMPARE(summary.worst.at(0).ref, core::EntityRef::parse(u"component:default/legacy-shop").value());
    QCOMPARE(summary.worst.at(0).score, 0);
    QCOMPARE(summary.worst.at(0).band, core::HealthBand::Failing);
    QCOMPARE(summary.worst.at(0).scorecardName, QStringLiteral("Operational health"));
    // Lowest first, ties by name.
    QStringList names;
    for (const HealthSummary::Component &c : summary.worst)
        names.append(c.ref.name());
    QCOMPARE(names,
        (QStringList { QStringLiteral("legacy-shop"), QStringLiteral("cafe-club"), QStringLiteral("image-resizer"),
            QStringLiteral("voucher-engine"), QStringLiteral("android-app") }));
    for (const HealthSummary::Component &c : summary.worst)
        QVERIFY2(!c.failed.isEmpty(), qPrintable(c.ref.toString()));
}

void TestHealthSummary::worstComponentsByTheirWorstScorecard()
{
    const HealthSummary summary = readSummary(*m_cache, {}, 3);
    QCOMPARE(summary.worst.size(), 3);
    QCOMPARE(summary.worst.at(0).ref.name(), QStringLiteral("legacy-shop"));
    // image-resizer: 35 % on readiness, 20 % on operational health: the latter is its worst.
    const auto resizer = std::find_if(summary.worst.cbegin(), summary.worst.cend(),
        [](const HealthSummary::Component &c) { return c.ref.name() == u"image-resizer"; });
    QVERIFY(resizer != summary.worst.cend());
    QCOMPARE(resizer->score, 20);
    QCOMPARE(resizer->scorecardName, QStringLiteral("Operational health"));
    QCOMPARE(resizer->ownerName, QStringLiteral("group:default/media-team"));
    // The failed criteria by name, as the scorecard words them, not by id.
    for (const QString &failed : resizer->failed)
        QVERIFY2(failed.contains(u' '), qPrintable(failed));
}

void TestHealthSummary::componentsWithoutOwnerHaveABucket()
{
    // The sample names an owner for every component; a Compass file may not.
    QVERIFY(m_cache->database().exec(
        QStringLiteral("UPDATE entities SET owner_key = NULL WHERE key IN ('component:default/legacy-shop', "
                       "'component:default/cafe-club')")));
    const HealthSummary summary = readSummary(*m_cache);
    const HealthSummary::Team &none = summary.teams.constLast(); // last, however failing
    QCOMPARE(none.state, HealthSummary::OwnerState::None);
    QVERIFY(none.owner.isNull());
    QCOMPARE(none.total(), 2);
    QCOMPARE(none.bands[int(core::HealthBand::Failing)], 2);
    const auto legacy = std::find_if(summary.worst.cbegin(), summary.worst.cend(),
        [](const HealthSummary::Component &c) { return c.ref.name() == u"legacy-shop"; });
    QVERIFY(legacy != summary.worst.cend());
    QCOMPARE(legacy->ownerName, QString());
}

void TestHealthSummary::emptyWhenNoScorecardApplies()
{
    QVERIFY(m_cache->database().exec(
        QStringLiteral("DELETE FROM health; UPDATE entities SET health_score = NULL, health_band = NULL;")));
    const HealthSummary summary = readSummary(*m_cache);
    QCOMPARE(summary.components, 38);
    QCOMPARE(summary.withoutHealth, 38);
    QVERIFY(summary.isEmpty());
    QVERIFY(summary.teams.isEmpty());
    QVERIFY(summary.worst.isEmpty());
    for (const HealthSummary::Scorecard &s : summary.scorecards)
        QCOMPARE(s.total(), 0);
}

QTEST_GUILESS_MAIN(TestHealthSummary)
#include "tst_healthsummary.moc"
