// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"
#include "models/BackgroundReader.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace cairn;
using models::BackgroundReader;

class TestBackgroundReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_cache.reset();
        auto opened = cache::Cache::open(m_dir.filePath(QStringLiteral("cache.sqlite3")));
        QVERIFY2(opened, qPrintable(opened.errorString()));
        m_cache = std::move(opened).value();
    }

    void jobsRunInOrderOnTheReadersThreadAndAnswerOnTheOwners()
    {
        BackgroundReader reader(*m_cache);
        QList<int> answered;
        QSet<QThread *> ranOn;
        for (int i = 0; i < 3; ++i) {
            reader.run([&, i](core::Result<cache::Cache *> connection) {
                QVERIFY2(connection, qPrintable(connection.errorString()));
                ranOn.insert(QThread::currentThread()); // read here only after the answers below
                const core::Result<qint64> one = (*connection)->database().queryInt(QStringLiteral("SELECT %1").arg(i));
                BackgroundReader::deliver(this, [&, value = one ? *one : -1] {
                    QCOMPARE(QThread::currentThread(), thread());
                    answered.append(int(value));
                });
            });
        }
        QTRY_COMPARE(answered, (QList<int> { 0, 1, 2 }));
        QCOMPARE(ranOn.size(), 1);
        QVERIFY(!ranOn.contains(thread()));
    }

    void aPrivateInMemoryCacheIsReadOnTheOwnersThreadLater()
    {
        auto memory = cache::Cache::open(QStringLiteral(":memory:"));
        QVERIFY2(memory, qPrintable(memory.errorString()));
        BackgroundReader reader(**memory);
        bool ran = false;
        reader.run([&](const core::Result<cache::Cache *> &connection) {
            QVERIFY(connection);
            QCOMPARE(*connection, memory->get()); // the owner's own connection
            QCOMPARE(QThread::currentThread(), thread());
            ran = true;
        });
        QVERIFY(!ran); // queued, as on a thread: a model sees the same order of events
        QTRY_VERIFY(ran);
    }

    void aFileThatCannotBeOpenedReachesTheJobAsItsError()
    {
        const QString path = m_dir.filePath(QStringLiteral("gone.sqlite3"));
        auto opened = cache::Cache::open(path);
        QVERIFY2(opened, qPrintable(opened.errorString()));
        QVERIFY(QFile::remove(path)); // the reader opens read-only: it creates nothing
        BackgroundReader reader(**opened);
        QString error;
        bool answered = false;
        reader.run([&](const core::Result<cache::Cache *> &connection) {
            BackgroundReader::deliver(this, [&, message = connection.errorString()] {
                error = message;
                answered = true;
            });
        });
        QTRY_VERIFY(answered);
        QVERIFY2(!error.isEmpty(), "a reader without a connection must say why");
    }

    void goingAwayInterruptsTheReadInProgressAndDropsTheRest()
    {
        std::atomic<int> started = 0;
        std::atomic<bool> interrupted = false;
        std::atomic<int> ranAfter = 0;
        bool delivered = false;
        {
            BackgroundReader reader(*m_cache);
            reader.run([&](core::Result<cache::Cache *> connection) {
                QVERIFY(connection);
                started.store(1);
                // Counts far past what a test waits for, unless interrupted.
                const core::Result<qint64> n
                    = (*connection)
                          ->database()
                          .queryInt(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                                   "SELECT count(*) FROM c"));
                interrupted.store(!n && n.errorKind() == core::ErrorKind::Cancelled);
                BackgroundReader::deliver(this, [&] { delivered = true; });
            });
            reader.run([&](const core::Result<cache::Cache *> &) { ranAfter.fetch_add(1); });
            QTRY_COMPARE(started.load(), 1);
        }
        QVERIFY(interrupted.load());
        QCOMPARE(ranAfter.load(), 0);
        QCoreApplication::processEvents();
        QVERIFY(delivered); // the owner outlives the reader here: its answer still arrives
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<cache::Cache> m_cache;
};

QTEST_GUILESS_MAIN(TestBackgroundReader)
#include "tst_backgroundreader.moc"
