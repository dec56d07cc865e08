// SPDX-License-Identifier: GPL-3.0-or-later
// checkPart splits a large part across Qt's thread pool: its verdicts must be the
// sequential ones, each at its own entity's position, also when the pool is busy.
#include "sync/PartChecks.h"

#include <QJsonObject>
#include <QSemaphore>
#include <QTest>
#include <QThreadPool>

using namespace cairn;

namespace {

core::SourcedEntity component(const QString &name)
{
    const QJsonObject doc { { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
        { QStringLiteral("kind"), QStringLiteral("Component") },
        { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), name } } },
        { QStringLiteral("spec"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("service") },
                { QStringLiteral("lifecycle"), QStringLiteral("production") },
                { QStringLiteral("owner"), QStringLiteral("team-a") } } } };
    return core::SourcedEntity { core::Entity(doc), core::DocumentOrigin { QStringLiteral("test.json"), 1 } };
}

// Every 997th name breaks the name format.
QList<core::SourcedEntity> partOf(int count)
{
    QList<core::SourcedEntity> out;
    for (int i = 0; i < count; ++i)
        out.append(component(i % 997 == 5 ? QStringLiteral("not a name %1").arg(i) : QStringLiteral("svc-%1").arg(i)));
    return out;
}

} // namespace

class TestPartChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdictsAreTheSequentialOnes_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("a server's page, one thread") << 500;
        QTest::newRow("a bundle, split") << 9000;
        QTest::newRow("empty") << 0;
    }
    void verdictsAreTheSequentialOnes()
    {
        QFETCH(int, count);
        const QList<core::SourcedEntity> part = partOf(count);
        const std::vector<QList<core::ValidationProblem>> checked = sync::checkPart(part);
        QCOMPARE(qsizetype(checked.size()), part.size());
        int rejected = 0;
        for (qsizetype i = 0; i < part.size(); ++i) {
            const QList<core::ValidationProblem> expected = core::validateEntity(part.at(i).parsed());
            QCOMPARE(checked[size_t(i)].isEmpty(), expected.isEmpty());
            QCOMPARE(checked[size_t(i)].size(), expected.size());
            if (!expected.isEmpty()) {
                QCOMPARE(checked[size_t(i)].first().toString(), expected.first().toString());
                QVERIFY(i % 997 == 5);
                ++rejected;
            }
        }
        QCOMPARE(rejected, (count + 991) / 997);
    }

    void aBusyPoolLeavesTheSlicesToTheCaller()
    {
        QThreadPool *pool = QThreadPool::globalInstance();
        const int threads = pool->maxThreadCount();
        QSemaphore release, started;
        for (int i = 0; i < threads; ++i)
            pool->start([&] {
                started.release();
                release.acquire();
            });
        started.acquire(threads);
        const QList<core::SourcedEntity> part = partOf(9000);
        const std::vector<QList<core::ValidationProblem>> checked = sync::checkPart(part);
        release.release(threads);
        pool->waitForDone();
        QCOMPARE(qsizetype(checked.size()), part.size());
        QCOMPARE(std::count_if(checked.cbegin(), checked.cend(), [](const auto &p) { return !p.isEmpty(); }),
            qsizetype((9000 + 991) / 997));
    }
};

QTEST_GUILESS_MAIN(TestPartChecks)
#include "tst_partchecks.moc"
