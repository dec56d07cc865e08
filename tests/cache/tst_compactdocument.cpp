// SPDX-License-Identifier: GPL-3.0-or-later
// Documents delivered as compact text (SourcedEntity::json, as a bundle delivers them) are
// written exactly as parsed ones are: same stored text and hash, so switching between the
// two forms never makes a run see changes that are not there.
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/EntityRow.h"

#include <QTemporaryDir>
#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

namespace {

QList<core::SourcedEntity> compacted(const QList<core::SourcedEntity> &parsed)
{
    QList<core::SourcedEntity> out;
    for (const core::SourcedEntity &sourced : parsed)
        out.append(core::SourcedEntity::compact(sourced.entity.document(), sourced.origin));
    return out;
}

} // namespace

class TestCompactDocument : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;

    QByteArray rows()
    {
        auto text = m_cache->database().queryText(
            QStringLiteral("SELECT group_concat(key || '|' || document || '|' || content_hash || '|' || "
                           "coalesce(owner_key, '') || '|' "
                           "|| display_name, ';') FROM (SELECT * FROM entities ORDER BY key)"));
        return text ? text->toUtf8() : QByteArray();
    }

private Q_SLOTS:
    void init()
    {
        static int n = 0;
        auto cache = Cache::open(m_dir.filePath(QStringLiteral("compact-%1.sqlite3").arg(++n)));
        QVERIFY2(cache.ok(), qPrintable(cache.errorString()));
        m_cache = std::move(cache).value();
    }
    void cleanup() { m_cache.reset(); }

    void compactTextIsTheStoredText()
    {
        const core::SourcedEntity parsed = test::component(QStringLiteral("ledger"));
        const core::SourcedEntity compact = core::SourcedEntity::compact(parsed.entity.document(), parsed.origin);
        QVERIFY(compact.isCompact());
        QVERIFY(!parsed.isCompact());
        QCOMPARE(compact.parsed().document(), parsed.entity.document());
        const EntityRow a = EntityRow::from(parsed);
        const EntityRow b = EntityRow::from(compact);
        QCOMPARE(b.document, a.document);
        QCOMPARE(b.contentHash, a.contentHash);
        QCOMPARE(b.ownerKey, a.ownerKey);
        QCOMPARE(b.relations.size(), a.relations.size());
    }

    void bothFormsWriteTheSameRows()
    {
        QList<core::SourcedEntity> parsed = test::components(20);
        parsed.append(test::group(QStringLiteral("team-a"), QStringLiteral("Team A")));

        CatalogWriter writer(*m_cache);
        auto first = writer.applySourceRun(test::run(QStringLiteral("s"), compacted(parsed)));
        QVERIFY2(first.ok(), qPrintable(first.errorString()));
        QCOMPARE(first->added, 21);
        const QByteArray written = rows();

        // The parsed form of the same documents finds nothing changed, and the other way round.
        auto again = writer.applySourceRun(test::run(QStringLiteral("s"), parsed));
        QVERIFY2(again.ok(), qPrintable(again.errorString()));
        QCOMPARE(again->unchanged, 21);
        QCOMPARE(again->changed, 0);
        auto compactAgain = writer.applySourceRun(test::run(QStringLiteral("s"), compacted(parsed)));
        QVERIFY2(compactAgain.ok(), qPrintable(compactAgain.errorString()));
        QCOMPARE(compactAgain->unchanged, 21);
        QCOMPARE(rows(), written);

        // A parsed first import stores the very same rows.
        auto other = Cache::open(m_dir.filePath(QStringLiteral("parsed.sqlite3")));
        QVERIFY(other.ok());
        CatalogWriter otherWriter(*other.value());
        QVERIFY(otherWriter.applySourceRun(test::run(QStringLiteral("s"), parsed)).ok());
        std::swap(m_cache, other.value());
        QCOMPARE(rows(), written);
        std::swap(m_cache, other.value());
    }

    void compactChangesAreSeenAndGuarded()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("s"), compacted(test::components(20)))).ok());
        const QByteArray before = rows();

        // Most of the source gone: held, nothing applied, compact or not.
        auto held = writer.applySourceRun(test::run(QStringLiteral("s"), compacted(test::components(3))));
        QVERIFY2(held.ok(), qPrintable(held.errorString()));
        QVERIFY(held->held);
        QCOMPARE(held->removed, 17);
        QCOMPARE(rows(), before);

        // A dry run with a changed owner reports the change and writes nothing.
        QList<core::SourcedEntity> next = test::components(20);
        next[0] = test::component(QStringLiteral("svc-0"), QStringLiteral("team-b"));
        SourceRunInput dry = test::run(QStringLiteral("s"), compacted(next));
        dry.dryRun = true;
        auto planned = writer.applySourceRun(dry);
        QVERIFY2(planned.ok(), qPrintable(planned.errorString()));
        QCOMPARE(planned->changed, 1);
        QCOMPARE(rows(), before);

        auto applied = writer.applySourceRun(test::run(QStringLiteral("s"), compacted(next)));
        QVERIFY2(applied.ok(), qPrintable(applied.errorString()));
        QCOMPARE(applied->changed, 1);
        QCOMPARE(applied->unchanged, 19);
        auto owner = m_cache->database().queryText(
            QStringLiteral("SELECT owner_key FROM entities WHERE key='component:default/svc-0'"));
        QVERIFY(owner.ok());
        QCOMPARE(owner.value(), QStringLiteral("group:default/team-b"));
    }
};

QTEST_GUILESS_MAIN(TestCompactDocument)
#include "tst_compactdocument.moc"
