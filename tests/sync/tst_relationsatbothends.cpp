// SPDX-License-Identifier: GPL-3.0-or-later
// A source that states each relation at both ends (a Backstage catalog) has its backward
// relations (ownerOf, hasMember, ...) stored only where the forward one is missing
// (cache::SourceRunInput::relationsStatedAtBothEnds). Nothing a person reads may change:
// the test catalog (tests/data/backstage), given relations the way the catalog's stitcher
// does, is written once with the rule and once without, and every answer and every relation
// of v_relations must be the same.

#include "cache/Cache.h"
#include "cache/CatalogQuery.h"
#include "cache/CatalogWriter.h"
#include "core/AnswerEngine.h"
#include "core/AnswerFormatter.h"
#include "core/RelationDeriver.h"
#include "core/RelationType.h"
#include "sync/CatalogImporter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "fixtures/CatalogPair.h"

using namespace cairn;
using cairn::fixtures::firstDifference;

namespace {

const QString ExamplesDir = QStringLiteral(CAIRN_TEST_DATA_DIR "/backstage");
const QString DanglingTarget = QStringLiteral("component:default/not-in-this-catalog");

// The catalog as a Backstage server serves it: each relation given to both its ends
// (when both exist), and one backward relation whose forward end the catalog lacks.
QList<core::SourcedEntity> stitchedExamples()
{
    const sync::CatalogReadResult read = sync::CatalogImporter::read(
        { ExamplesDir + QStringLiteral("/all.yaml"), ExamplesDir + QStringLiteral("/org.yaml") });
    QSet<QString> keys;
    for (const core::SourcedEntity &sourced : read.entities)
        keys.insert(sourced.parsed().ref().key());
    QHash<QString, QJsonArray> stated;
    QSet<QString> seen;
    for (const core::SourcedEntity &sourced : read.entities) {
        for (const core::Relation &relation : core::deriveRelations(sourced.parsed())) {
            const QString source = relation.source.key();
            const QString line = source + u' ' + relation.type + u' ' + relation.target.key();
            if (!keys.contains(source) || seen.contains(line))
                continue;
            seen.insert(line);
            stated[source].append(QJsonObject {
                { QStringLiteral("type"), relation.type }, { QStringLiteral("targetRef"), relation.target.key() } });
        }
    }
    stated[QStringLiteral("group:default/team-a")].append(
        QJsonObject { { QStringLiteral("type"), core::relation::OwnerOf.toString() },
            { QStringLiteral("targetRef"), DanglingTarget } });
    QList<core::SourcedEntity> out;
    for (const core::SourcedEntity &sourced : read.entities) {
        QJsonObject document = sourced.parsed().document();
        document.insert(QStringLiteral("relations"), stated.value(sourced.parsed().ref().key()));
        out.append(core::SourcedEntity { core::Entity(document), sourced.origin });
    }
    return out;
}

struct Written
{
    std::unique_ptr<cache::Cache> cache;
    std::unique_ptr<cache::CatalogQuery> query;
};

Written write(const QString &path, const QList<core::SourcedEntity> &entities, bool bothEnds)
{
    Written out;
    auto opened = cache::Cache::open(path);
    if (!opened) {
        qWarning("%s", qPrintable(opened.errorString()));
        return out;
    }
    out.cache = std::move(opened.value());
    cache::SourceRunInput input;
    input.sourceName = QStringLiteral("catalog");
    input.sourceKind = QStringLiteral("backstage");
    input.location = QStringLiteral("https://backstage.example.com/api/catalog");
    input.entities = entities;
    input.relationsStatedAtBothEnds = bothEnds;
    if (core::Result<cache::RunSummary> applied = cache::CatalogWriter(*out.cache).applySourceRun(input); !applied) {
        qWarning("%s", qPrintable(applied.errorString()));
        out.cache.reset();
        return out;
    }
    out.query = std::make_unique<cache::CatalogQuery>(*out.cache);
    return out;
}

qint64 count(cache::Cache &cache, const QString &sql)
{
    core::Result<qint64> n = cache.database().queryInt(sql);
    return n ? n.value() : -1;
}

} // namespace

class TestRelationsAtBothEnds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_entities = stitchedExamples();
        QVERIFY(m_entities.size() > 40);
        m_asStated = write(m_dir.filePath(QStringLiteral("as-stated.sqlite3")), m_entities, false);
        m_once = write(m_dir.filePath(QStringLiteral("once.sqlite3")), m_entities, true);
        QVERIFY(m_asStated.query && m_once.query);
    }

    void backwardRelationsAreStoredOnlyWithoutTheirForwardOne()
    {
        const QString backward = [] {
            QStringList types;
            for (const core::relation::InversePair &pair : core::relation::inversePairs())
                types.append(u'\'' + pair.backward.toString() + u'\'');
            return types.join(u',');
        }();
        const qint64 stated = count(*m_asStated.cache, QStringLiteral("SELECT count(*) FROM relations"));
        const qint64 backwardStated = count(
            *m_asStated.cache, QStringLiteral("SELECT count(*) FROM relations WHERE type IN (%1)").arg(backward));
        QVERIFY(backwardStated > 20);
        // Only the one whose target the catalog lacks is left of them.
        QCOMPARE(count(*m_once.cache, QStringLiteral("SELECT count(*) FROM relations")), stated - backwardStated + 1);
        QCOMPARE(count(*m_once.cache,
                     QStringLiteral("SELECT count(*) FROM relations WHERE type IN (%1) AND target_key = '%2'")
                         .arg(backward, DanglingTarget)),
            1);
    }

    void everyRelationReadsTheSame()
    {
        const QString sql = QStringLiteral("SELECT group_concat(line, char(10)) FROM (SELECT DISTINCT source || ' ' || "
                                           "type || ' ' || target AS line FROM v_relations ORDER BY line)");
        const auto asStated = m_asStated.cache->database().queryText(sql);
        const auto once = m_once.cache->database().queryText(sql);
        QVERIFY(asStated.ok() && once.ok());
        QVERIFY(asStated.value().contains(QStringLiteral("group:default/team-a ownerOf ") + DanglingTarget));
        QCOMPARE(once.value(), asStated.value());
    }

    void everyAnswerIsTheSame()
    {
        core::AnswerOptions options;
        options.today = QDate(2026, 11, 24);
        const core::AnswerEngine asStated(*m_asStated.query, options);
        const core::AnswerEngine once(*m_once.query, options);
        int compared = 0;
        for (const core::SourcedEntity &sourced : std::as_const(m_entities)) {
            const core::EntityRef ref = sourced.parsed().ref();
            core::Result<core::Answer> a = asStated.answer(ref);
            core::Result<core::Answer> b = once.answer(ref);
            QVERIFY2(a && b, qPrintable(ref.toString()));
            const QString diff = firstDifference(
                core::AnswerFormatter::toJson(a.value()), core::AnswerFormatter::toJson(b.value()), ref.toString());
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
            ++compared;
        }
        QCOMPARE(compared, m_entities.size());
        // And an answer that reads backward relations: what team-a owns.
        core::Result<QList<core::Relation>> owned = m_once.query->relationsFrom(
            core::EntityRef(QStringLiteral("group"), QStringLiteral("default"), QStringLiteral("team-a")),
            core::relation::OwnerOf);
        QVERIFY(owned.ok());
        QVERIFY(owned->size() > 3);
    }

private:
    QTemporaryDir m_dir;
    QList<core::SourcedEntity> m_entities;
    Written m_asStated;
    Written m_once;
};

QTEST_GUILESS_MAIN(TestRelationsAtBothEnds)
#include "tst_relationsatbothends.moc"
