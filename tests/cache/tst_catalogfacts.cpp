// SPDX-License-Identifier: GPL-3.0-or-later
// CatalogFacts, the whole catalog's health facts read in one go, against what SQL answers
// entity by entity, on a catalog large enough that its entities and its relations are each
// read in several batches and gathered on two threads.
#include "cache/CatalogFacts.h"
#include "cache/CatalogWriter.h"
#include "cache/Database.h"
#include "cache/Statement.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include "support/CacheTestSupport.h"
#include "testsupport/SyntheticOrganisation.h"

using namespace cairn;
using namespace cairn::cache;

namespace {

// What the cache's own lookups answer (HealthStore reads them so for an update).
class SqlFacts
{
public:
    explicit SqlFacts(Database &db)
        : m_live(db.prepare(
            QStringLiteral("SELECT kind, coalesce(lifecycle, '') FROM entities WHERE key=:key AND removed_at IS NULL")))
        , m_deps(db.prepare(QStringLiteral(
              "SELECT r.target_key FROM relations r JOIN entities o ON o.id = r.origin_id "
              "WHERE o.key=:key AND r.type = 'dependsOn' AND o.removed_at IS NULL "
              "UNION SELECT o.key FROM relations r JOIN entities o ON o.id = r.origin_id "
              "WHERE r.target_key=:key AND r.type = 'dependencyOf' AND o.removed_at IS NULL ORDER BY 1")))
        , m_statedFor(db.prepare(
              QStringLiteral("SELECT DISTINCT r.target_key FROM relations r JOIN entities o ON o.id = r.origin_id "
                             "WHERE o.key=:key AND r.type = 'dependencyOf' AND o.removed_at IS NULL ORDER BY 1")))
    { }

    bool prepared() const { return m_live && m_deps && m_statedFor; }

    QString live(const QString &key)
    {
        m_live->reset();
        m_live->bind(":key", key);
        const core::Result<Statement::Step> step = m_live->step();
        return step && *step == Statement::Step::Row ? m_live->text(0) + u'\n' + m_live->text(1) : QString();
    }
    QStringList dependencies(const QString &key) { return keys(*m_deps, key); }
    QStringList statedFor(const QString &key) { return keys(*m_statedFor, key); }

private:
    static QStringList keys(Statement &q, const QString &key)
    {
        q.reset();
        q.bind(":key", key);
        QStringList out;
        while (true) {
            const core::Result<Statement::Step> step = q.step();
            if (!step || *step != Statement::Step::Row)
                return out;
            out.append(q.text(0));
        }
    }

    core::Result<Statement> m_live;
    core::Result<Statement> m_deps;
    core::Result<Statement> m_statedFor;
};

} // namespace

class TestCatalogFacts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void factsEqualTheCachesLookups()
    {
        QTemporaryDir dir;
        auto cache = test::cacheForCurrentTest(dir);
        Database &db = cache->database();
        // 12,000 entities: some 20,000 dependsOn, each entity's own. Every fifth component
        // also states itself a dependency of two others, one of which does not exist.
        const testsupport::SyntheticOrganisation organisation(12000);
        QList<core::SourcedEntity> entities;
        int components = 0;
        for (const core::Entity &e : organisation.entities()) {
            QJsonObject document = e.document();
            if (e.kind() == u"Component" && ++components % 5 == 0) {
                QJsonObject spec = document.value(u"spec").toObject();
                spec.insert(QStringLiteral("dependencyOf"),
                    QJsonArray { QStringLiteral("component:service-%1").arg(components * 7 % 5000),
                        QStringLiteral("component:gone-%1").arg(components) });
                document.insert(QStringLiteral("spec"), spec);
            }
            entities.append(core::SourcedEntity {
                core::Entity(document), core::DocumentOrigin { QStringLiteral("synthetic.yaml"), 1 } });
        }
        QVERIFY(CatalogWriter(*cache).applySourceRun(test::run(QStringLiteral("s"), entities)).ok());
        // Some entities removed: what they state no longer counts, and they are not live.
        QVERIFY(db.exec(QStringLiteral("UPDATE entities SET removed_at = '2026-12-01T00:00:00Z' WHERE id % 13 = 0")));
        QVERIFY(db.queryInt(QStringLiteral("SELECT count(*) FROM relations WHERE type = 'dependsOn'")).value() > 16384);
        QVERIFY(db.queryInt(QStringLiteral("SELECT count(*) FROM relations WHERE type = 'dependencyOf'")).value() > 0);

        CatalogFacts facts;
        QVERIFY(facts.load(db));
        SqlFacts sql(db);
        QVERIFY(sql.prepared());

        // Every key the catalog knows, and every key a relation names.
        QSet<QString> keys;
        auto all = db.prepare(QStringLiteral("SELECT key FROM entities UNION SELECT target_key FROM relations"));
        QVERIFY(all);
        while (*all->step() == Statement::Step::Row)
            keys.insert(all->text(0));
        int live = 0;
        int withDependencies = 0;
        for (const QString &key : std::as_const(keys)) {
            const std::optional<core::HealthFacts::Other> other = facts.live(key);
            QCOMPARE(other ? other->kind + u'\n' + other->lifecycle : QString(), sql.live(key));
            QCOMPARE(facts.dependenciesOf(key), sql.dependencies(key));
            QCOMPARE(facts.allStatedFor().value(key), sql.statedFor(key));
            live += other ? 1 : 0;
            withDependencies += facts.dependenciesOf(key).isEmpty() ? 0 : 1;
        }
        QCOMPARE(live, db.queryInt(QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL")).value());
        QCOMPARE(facts.allDependencies().size(), withDependencies);
        QVERIFY(withDependencies > 4000);
    }
};

QTEST_GUILESS_MAIN(TestCatalogFacts)
#include "tst_catalogfacts.moc"
