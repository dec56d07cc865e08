// SPDX-License-Identifier: GPL-3.0-or-later
// findUnresolvedRefs: the live entities whose relations of one type name nothing live,
// per source or over all, in key order.
#include "cache/CatalogWriter.h"
#include "cache/UnresolvedRefs.h"

#include <QTemporaryDir>
#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

class TestUnresolvedRefs : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;

    QStringList unresolved(const QString &type, const QString &source = {})
    {
        auto found = findUnresolvedRefs(*m_cache, type, source);
        if (!found)
            return { found.errorString() };
        QStringList out;
        for (const UnresolvedRef &ref : found.value())
            out.append(ref.entity.toString() + u' ' + ref.relation + u' ' + ref.target);
        return out;
    }

private Q_SLOTS:
    void init() { m_cache = test::cacheForCurrentTest(m_dir); }
    void cleanup() { m_cache.reset(); }

    void ownersThatAreNotLive()
    {
        CatalogWriter writer(*m_cache);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("a"),
            { test::component(QStringLiteral("zeta"), QStringLiteral("ghosts")),
                test::component(QStringLiteral("alpha"), QStringLiteral("ghosts")),
                test::component(QStringLiteral("beta"), QStringLiteral("team-a")),
                test::component(QStringLiteral("gamma"), QStringLiteral("leaving")),
                test::group(QStringLiteral("team-a"), QStringLiteral("Team A")),
                test::group(QStringLiteral("leaving"), QStringLiteral("Leaving")) })));
        QVERIFY(writer.applySourceRun(
            test::run(QStringLiteral("b"), { test::component(QStringLiteral("other"), QStringLiteral("nobody")) })));
        // Two entities name the same missing owner: both listed, by key.
        QCOMPARE(unresolved(QStringLiteral("ownedBy")),
            QStringList({ QStringLiteral("Component:default/alpha ownedBy group:default/ghosts"),
                QStringLiteral("Component:default/other ownedBy group:default/nobody"),
                QStringLiteral("Component:default/zeta ownedBy group:default/ghosts") }));
        QCOMPARE(unresolved(QStringLiteral("ownedBy"), QStringLiteral("b")),
            QStringList({ QStringLiteral("Component:default/other ownedBy group:default/nobody") }));
        QCOMPARE(unresolved(QStringLiteral("ownedBy"), QStringLiteral("nowhere")), QStringList());
        QCOMPARE(unresolved(QStringLiteral("dependsOn")), QStringList());

        // The owner gets a tombstone: what it owned is unresolved now. The one whose
        // entity is gone itself is not listed.
        SourceRunInput again = test::run(QStringLiteral("a"),
            { test::component(QStringLiteral("alpha"), QStringLiteral("ghosts")),
                test::component(QStringLiteral("beta"), QStringLiteral("team-a")),
                test::component(QStringLiteral("gamma"), QStringLiteral("leaving")),
                test::group(QStringLiteral("team-a"), QStringLiteral("Team A")) });
        again.allowRemovals = true; // two of six: past the guard
        auto removed = writer.applySourceRun(again);
        QVERIFY2(removed, qPrintable(removed.errorString()));
        QCOMPARE(removed->removed, 2);
        QCOMPARE(unresolved(QStringLiteral("ownedBy"), QStringLiteral("a")),
            QStringList({ QStringLiteral("Component:default/alpha ownedBy group:default/ghosts"),
                QStringLiteral("Component:default/gamma ownedBy group:default/leaving") }));
    }
};

QTEST_GUILESS_MAIN(TestUnresolvedRefs)
#include "tst_unresolvedrefs.moc"
