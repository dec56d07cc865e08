// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Database.h"
#include "cache/Statement.h"
#include "cache/Transaction.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cairn::cache;

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Database openDb(const QString &path)
    {
        auto db = Database::open(path);
        if (!db)
            qFatal("%s", qPrintable(db.errorString()));
        auto configured = db->configure();
        if (!configured)
            qFatal("%s", qPrintable(configured.errorString()));
        auto created
            = db->exec(QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT, i INTEGER, d REAL, b BLOB)"));
        if (!created)
            qFatal("%s", qPrintable(created.errorString()));
        return std::move(db).value();
    }

private Q_SLOTS:
    void bindAndRead_data()
    {
        QTest::addColumn<bool>("onFile");
        QTest::newRow("memory") << false;
        QTest::newRow("file") << true;
    }

    void bindAndRead()
    {
        QFETCH(bool, onFile);
        Database db = openDb(onFile ? m_dir.filePath(QStringLiteral("bind.sqlite3")) : QStringLiteral(":memory:"));
        auto insert = db.prepare(QStringLiteral("INSERT INTO t(s, i, d, b) VALUES(:s, ?2, ?3, ?4)"));
        QVERIFY2(insert, qPrintable(insert.errorString()));
        QVERIFY(insert->bind(":s", QStringLiteral("héllo ✓")));
        insert->bind(2, qint64(1) << 40);
        insert->bind(3, 2.5);
        insert->bindBlob(4, QByteArray("\0\1\2", 3));
        QVERIFY(insert->exec());
        insert->reset();
        insert->bindNull(1);
        QVERIFY(insert->exec());
        QVERIFY(!insert->bind(":missing", 1));

        auto select = db.prepare(QStringLiteral("SELECT s, i, d, b FROM t ORDER BY id"));
        QVERIFY(select);
        QCOMPARE(select->step().value(), Statement::Step::Row);
        QCOMPARE(select->text(0), QStringLiteral("héllo ✓"));
        QCOMPARE(select->int64(1), qint64(1) << 40);
        QCOMPARE(select->real(2), 2.5);
        QCOMPARE(select->blob(3), QByteArray("\0\1\2", 3));
        QCOMPARE(select->step().value(), Statement::Step::Row);
        QVERIFY(select->isNull(0));
        QVERIFY(select->text(0).isNull());
        QCOMPARE(select->step().value(), Statement::Step::Done);
    }

    // A large text is converted into a buffer of its exact size: every width of UTF-8 (and a
    // lone surrogate, written as U+FFFD) must come back whole, and a small text after it too.
    void largeTextsRoundTrip()
    {
        Database db = openDb(QStringLiteral(":memory:"));
        const QString piece = QStringLiteral("a\u00e9\u2713") + QString::fromUcs4(U"\U0001F600", 1);
        QString large;
        while (large.size() < 200'000)
            large += piece;
        const QString lone = large + QChar(0xD800);
        auto insert = db.prepare(QStringLiteral("INSERT INTO t(s) VALUES(?1)"));
        QVERIFY(insert);
        for (const QString &text : { large, lone, QStringLiteral("small") }) {
            insert->bind(1, text);
            QVERIFY(insert->exec());
            insert->reset();
        }
        auto select = db.prepare(QStringLiteral("SELECT s, length(CAST(s AS BLOB)) FROM t ORDER BY id"));
        QVERIFY(select);
        QCOMPARE(select->step().value(), Statement::Step::Row);
        QCOMPARE(select->text(0), large);
        QCOMPARE(select->int64(1), qint64(large.toUtf8().size()));
        QCOMPARE(select->step().value(), Statement::Step::Row);
        QCOMPARE(select->text(0), large + QChar(0xFFFD));
        QCOMPARE(select->step().value(), Statement::Step::Row);
        QCOMPARE(select->text(0), QStringLiteral("small"));
    }

    // Bound text is held by the statement and read in place: each row must still get its
    // own value when the buffers are reused, shared with the caller, or moved with the
    // statement, and a running statement must keep the value it started with.
    void boundTextIsHeldPerRow()
    {
        Database db = openDb(QStringLiteral(":memory:"));
        auto insert = db.prepare(QStringLiteral("INSERT INTO t(s, b) VALUES(?1, ?2)"));
        QVERIFY(insert);
        const QStringList values { QStringLiteral("a much longer first value, to leave a large buffer behind"),
            QStringLiteral("short"), QStringLiteral("\U0001F600 surrogates and \u00e9"), QString(),
            QStringLiteral("") };
        for (const QString &value : values) {
            insert->reset();
            insert->bind(1, value);
            QByteArray utf8 = value.toUtf8() + "!";
            insert->bindUtf8(2, utf8);
            utf8.fill('x'); // the caller's copy changes; the bound one must not
            QVERIFY(insert->exec());
        }
        Statement moved = std::move(insert).value();
        moved.reset();
        moved.bind(1, QStringLiteral("after the move"));
        moved.bindUtf8(2, QByteArray());
        QVERIFY(moved.exec());

        auto select = db.prepare(QStringLiteral("SELECT s, ?1 FROM t WHERE s = ?1 ORDER BY id"));
        QVERIFY(select);
        QStringList expected = values;
        expected.append(QStringLiteral("after the move"));
        auto all = db.prepare(QStringLiteral("SELECT s, CAST(b AS TEXT) FROM t ORDER BY id"));
        QVERIFY(all);
        for (qsizetype row = 0; row < expected.size(); ++row) {
            QCOMPARE(all->step().value(), Statement::Step::Row);
            QCOMPARE(all->text(0), expected[row].isNull() ? QStringLiteral("") : expected[row]);
            QCOMPARE(all->text(1), row + 1 < expected.size() ? expected[row] + u'!' : QStringLiteral(""));
        }
        QCOMPARE(all->step().value(), Statement::Step::Done);

        // Rebinding a running statement changes nothing until it is reset.
        select->bind(1, QStringLiteral("short"));
        QCOMPARE(select->step().value(), Statement::Step::Row);
        select->bind(1, QStringLiteral("a much longer first value, to leave a large buffer behind"));
        QCOMPARE(select->text(0), QStringLiteral("short"));
        QCOMPARE(select->text(1), QStringLiteral("short"));
        QCOMPARE(select->step().value(), Statement::Step::Done);

        // Nor does binding one that has run to its end without a reset: SQLite refuses it,
        // and the next run (which resets by itself) still reads the text it had.
        auto count = db.prepare(QStringLiteral("SELECT count(*), ?1 FROM t WHERE s = ?1"));
        QVERIFY(count);
        count->bind(1, QStringLiteral("short"));
        QCOMPARE(count->step().value(), Statement::Step::Row);
        QCOMPARE(count->step().value(), Statement::Step::Done);
        count->bind(1, QStringLiteral("a much longer first value, to leave a large buffer behind, and more"));
        QCOMPARE(count->step().value(), Statement::Step::Row);
        QCOMPARE(count->int64(0), 1);
        QCOMPARE(count->text(1), QStringLiteral("short"));
    }

    void errorsCarrySqliteText()
    {
        Database db = openDb(QStringLiteral(":memory:"));
        auto bad = db.prepare(QStringLiteral("SELECT * FROM no_such_table"));
        QVERIFY(!bad);
        QVERIFY2(bad.errorString().contains(QStringLiteral("no such table")), qPrintable(bad.errorString()));
        auto failing = db.exec(QStringLiteral("INSERT INTO t(id) VALUES(1); INSERT INTO t(id) VALUES(1);"));
        QVERIFY(!failing);
        QVERIFY2(failing.errorString().contains(QStringLiteral("UNIQUE")), qPrintable(failing.errorString()));
    }

    void transactionRollsBackOnDestruction()
    {
        const QString path = m_dir.filePath(QStringLiteral("tx.sqlite3"));
        Database db = openDb(path);
        {
            auto tx = Transaction::begin(db);
            QVERIFY(tx);
            QVERIFY(db.inTransaction());
            QVERIFY(db.exec(QStringLiteral("INSERT INTO t(s) VALUES('lost')")));
        }
        QVERIFY(!db.inTransaction());
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM t")).value(), 0);
        {
            auto tx = Transaction::begin(db);
            QVERIFY(db.exec(QStringLiteral("INSERT INTO t(s) VALUES('kept')")));
            QVERIFY(tx->commit());
            QVERIFY(!tx->isActive());
        }
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM t")).value(), 1);

        // Another connection sees only committed rows.
        auto other = Database::open(path, Database::Mode::ReadOnly);
        QVERIFY(other);
        QCOMPARE(other->queryInt(QStringLiteral("SELECT count(*) FROM t")).value(), 1);
    }

    void walAndForeignKeysAreOn()
    {
        Database db = openDb(m_dir.filePath(QStringLiteral("pragmas.sqlite3")));
        QCOMPARE(db.queryText(QStringLiteral("PRAGMA journal_mode")).value(), QStringLiteral("wal"));
        QCOMPARE(db.queryInt(QStringLiteral("PRAGMA foreign_keys")).value(), 1);
        QVERIFY(db.queryInt(QStringLiteral("PRAGMA busy_timeout")).value() > 0);
    }

    void statementOutlivingMoveIsSafe()
    {
        Database db = openDb(QStringLiteral(":memory:"));
        auto s = db.prepare(QStringLiteral("SELECT 42"));
        QVERIFY(s);
        Statement moved = std::move(s).value();
        QVERIFY(moved.isValid());
        QCOMPARE(moved.step().value(), Statement::Step::Row);
        QCOMPARE(moved.int32(0), 42);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
