// SPDX-License-Identifier: GPL-3.0-or-later
// The components table narrowed to one owner and one health band, as the health
// dashboard asks (models::EntityTableModel::setOwnerFilter / setHealthBandFilter, SQL in
// cache::EntitySelection): the right rows and count on the sample organisation, in any
// sort, checked against the public views (v_components, v_health), and read on indexes.
#include "cache/Cache.h"
#include "cache/EntitySelection.h"
#include "cache/SqlTry.h"
#include "cache/Statement.h"
#include "models/EntityTableModel.h"
#include "models/ItemRoles.h"
#include "sync/SampleOrganisation.h"
#include "sync/ScorecardReader.h"

#include <QAbstractItemModelTester>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "tests/models/support/SettledModel.h"

using namespace cairn;
using models::EntityTableModel;

class TestEntityTableHealthFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void filtersByOwner();
    void filtersByWorstBand_data();
    void filtersByWorstBand();
    void filtersByOneScorecardsBand();
    void filtersComponentsWithoutOwner();
    void clearingTheFiltersShowsEveryComponent();
    void readsOnIndexes();

private:
    QStringList names(EntityTableModel &model);
    QStringList query(const QString &sql, const QStringList &values);

    QTemporaryDir m_dir;
    std::unique_ptr<cache::Cache> m_cache;
};

namespace {

const core::EntityRef Checkout = core::EntityRef::parse(u"group:default/checkout").value();

} // namespace

void TestEntityTableHealthFilter::initTestCase()
{
    Q_INIT_RESOURCE(cairn_sample);
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(sync::ScorecardReader::installForThisProcess(QDate(2026, 11, 24)).isEmpty());
    QVERIFY(m_dir.isValid());
    auto cache = cache::Cache::open(m_dir.filePath(QStringLiteral("sample.sqlite3")));
    QVERIFY2(cache, qPrintable(cache.errorString()));
    m_cache = std::move(cache).value();
    const sync::SyncOutcome loaded = sync::SampleOrganisation::load(*m_cache);
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
}

QStringList TestEntityTableHealthFilter::names(EntityTableModel &model)
{
    [&] { QVERIFY(tests::settle(model)); }();
    while (model.canFetchMore({})) {
        model.fetchMore({});
        [&] { QVERIFY(tests::settle(model)); }();
    }
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, 0).data(models::RefRole).value<core::EntityRef>().name());
    return out;
}

QStringList TestEntityTableHealthFilter::query(const QString &sql, const QStringList &values)
{
    QStringList out;
    core::Result<cache::Statement> q = m_cache->database().prepare(sql);
    if (!q)
        qFatal("%s", qPrintable(q.errorString()));
    for (int i = 0; i < values.size(); ++i)
        q->bind(i + 1, values.at(i));
    const core::Status read = cache::forEachRow(*q, [&out](const cache::Statement &row) { out.append(row.text(0)); });
    if (!read)
        qFatal("%s", qPrintable(read.errorString()));
    return out;
}

void TestEntityTableHealthFilter::filtersByOwner()
{
    EntityTableModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setKind(QStringLiteral("component"));
    model.setOwnerFilter(Checkout);
    const QStringList shown = names(model);
    QCOMPARE(shown,
        query(QStringLiteral("SELECT name FROM v_components WHERE owner = ?1 ORDER BY name"),
            { QStringLiteral("group:default/checkout") }));
    QCOMPARE(shown.size(), 6);
    QCOMPARE(model.totalCount(), 6);
    QCOMPARE(model.exportFilter().owner, Checkout);
}

void TestEntityTableHealthFilter::filtersByWorstBand_data()
{
    QTest::addColumn<core::HealthBand>("band");
    QTest::addColumn<QString>("bandId");
    QTest::addColumn<int>("sortHealth"); // sorted by the Health column, on its index
    QTest::newRow("failing") << core::HealthBand::Failing << QStringLiteral("failing") << 0;
    QTest::newRow("needs attention") << core::HealthBand::NeedsAttention << QStringLiteral("needs-attention") << 0;
    QTest::newRow("passing") << core::HealthBand::Passing << QStringLiteral("passing") << 0;
    QTest::newRow("failing by health") << core::HealthBand::Failing << QStringLiteral("failing") << 1;
    QTest::newRow("needs attention by health")
        << core::HealthBand::NeedsAttention << QStringLiteral("needs-attention") << 1;
}

void TestEntityTableHealthFilter::filtersByWorstBand()
{
    QFETCH(core::HealthBand, band);
    QFETCH(QString, bandId);
    QFETCH(int, sortHealth);
    EntityTableModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setKind(QStringLiteral("component"));
    if (sortHealth)
        model.sort(int(model.columnIds().indexOf(QStringLiteral("health"))), Qt::AscendingOrder);
    model.setOwnerFilter(Checkout);
    model.setHealthBandFilter(band);
    QStringList shown = names(model);
    QStringList expected
        = query(QStringLiteral("SELECT name FROM v_components WHERE owner = ?1 AND health_band = ?2 ORDER BY name"),
            { QStringLiteral("group:default/checkout"), bandId });
    QVERIFY(!expected.isEmpty()); // Checkout & Payments has components in every band
    if (sortHealth)
        std::sort(shown.begin(), shown.end());
    QCOMPARE(shown, expected);
    QCOMPARE(model.totalCount(), expected.size());

    // Without the owner: every component in that band.
    model.setOwnerFilter({});
    shown = names(model);
    expected = query(QStringLiteral("SELECT name FROM v_components WHERE health_band = ?1 ORDER BY name"), { bandId });
    if (sortHealth)
        std::sort(shown.begin(), shown.end());
    QCOMPARE(shown, expected);
    QCOMPARE(model.totalCount(), expected.size());
}

void TestEntityTableHealthFilter::filtersByOneScorecardsBand()
{
    EntityTableModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setKind(QStringLiteral("component"));
    model.setOwnerFilter(Checkout);
    model.setHealthBandFilter(core::HealthBand::Failing, QStringLiteral("operational-health"));
    const QStringList shown = names(model);
    const QStringList expected = query(QStringLiteral("SELECT name FROM v_health WHERE owner = ?1 AND scorecard = ?2 "
                                                      "AND band = 'failing' AND kind = 'Component' ORDER BY name"),
        { QStringLiteral("group:default/checkout"), QStringLiteral("operational-health") });
    QVERIFY(!expected.isEmpty());
    QCOMPARE(shown, expected);
    QCOMPARE(model.totalCount(), expected.size());
    // Not the worst band: readiness fails none of them, operational health does.
    QVERIFY(shown
        != query(QStringLiteral("SELECT name FROM v_health WHERE owner = ?1 AND scorecard = ?2 AND band = 'failing' "
                                "ORDER BY name"),
            { QStringLiteral("group:default/checkout"), QStringLiteral("component-readiness") }));
}

void TestEntityTableHealthFilter::filtersComponentsWithoutOwner()
{
    QVERIFY(m_cache->database().exec(
        QStringLiteral("UPDATE entities SET owner_key = NULL WHERE key = 'component:default/legacy-shop'")));
    EntityTableModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setKind(QStringLiteral("component"));
    model.setOwnerFilter({}, true);
    QCOMPARE(names(model), QStringList { QStringLiteral("legacy-shop") });
    QCOMPARE(model.totalCount(), 1);
    QVERIFY(m_cache->database().exec(QStringLiteral(
        "UPDATE entities SET owner_key = 'group:default/platform' WHERE key = 'component:default/legacy-shop'")));
}

void TestEntityTableHealthFilter::clearingTheFiltersShowsEveryComponent()
{
    EntityTableModel model(*m_cache);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setKind(QStringLiteral("component"));
    model.setOwnerFilter(Checkout);
    model.setHealthBandFilter(core::HealthBand::Passing);
    QCOMPARE(names(model).size(), 2);
    model.setOwnerFilter({});
    model.setHealthBandFilter(std::nullopt);
    QCOMPARE(names(model).size(), 38);
    QCOMPARE(model.totalCount(), 38);
    QVERIFY(!model.exportFilter().healthBand);
    QVERIFY(model.exportFilter().owner.isNull());
}

void TestEntityTableHealthFilter::readsOnIndexes()
{
    // At 100,000 components a band must not read every row: the worst band is a range of
    // the components' health index, a scorecard's band one of health_by_scorecard, an
    // owner one of the owner index.
    auto plan = [this](const cache::ExportFilter &filter) {
        const cache::EntitySelection selection(filter);
        QStringList steps;
        core::Result<cache::Statement> q
            = m_cache->database().prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + selection.countSql());
        if (!q)
            qFatal("%s", qPrintable(q.errorString()));
        selection.bind(*q);
        (void)cache::forEachRow(*q, [&steps](const cache::Statement &row) { steps.append(row.text(3)); });
        return steps.join(u'\n');
    };
    cache::ExportFilter filter;
    filter.kind = QStringLiteral("component");
    filter.owner = Checkout;
    filter.healthBand = core::HealthBand::Failing;
    QString steps = plan(filter);
    QVERIFY2(steps.contains(QStringLiteral("entities_component_by_health")), qPrintable(steps));
    QVERIFY2(steps.contains(QStringLiteral("entities_owner")), qPrintable(steps));
    filter.healthScorecard = QStringLiteral("operational-health");
    steps = plan(filter);
    QVERIFY2(steps.contains(QStringLiteral("health_by_scorecard")), qPrintable(steps));
}

QTEST_GUILESS_MAIN(TestEntityTableHealthFilter)
#include "tst_entitytablehealthfilter.moc"
