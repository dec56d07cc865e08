// SPDX-License-Identifier: GPL-3.0-or-later
// A cache path that points at a file that is not Cairn's (a mistyped --cache, another
// program's database) is refused and left byte for byte as it was; only Cairn's own files
// are opened, migrated, or moved aside when damaged.
#include "cache/Cache.h"
#include "cache/CacheOwnership.h"
#include "cache/CatalogWriter.h"
#include "cache/Database.h"
#include "cache/Schema.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

namespace {

enum class Content {
    Text,
    Markdown,
    Pdf,
    Binary,
    ForeignWithApplicationId,
    ForeignWithoutApplicationId,
    ForeignDamaged,
    ForeignSchemaUnreadable,
    BlankDatabase,
    EmptyFile,
    CairnBeforeApplicationIds,
    CairnDamagedBeforeApplicationIds,
    CairnSchemaUnreadable,
};

} // namespace

Q_DECLARE_METATYPE(Content)

namespace {

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Runs `sql` on a rollback-journal database at `path` (no WAL: the file is complete on its
// own, as another program's often is).
bool sqliteFile(const QString &path, const QString &sql)
{
    core::Result<Database> db = Database::open(path, Database::Mode::ReadWriteCreate);
    return db && db->exec(QStringLiteral("PRAGMA journal_mode=DELETE")) && db->exec(sql);
}

// Garbage from `from` to the end: from 4096, every page but the first (the schema reads);
// from 100, everything but the header (only the header's own fields read).
bool garbageFrom(const QString &path, qsizetype from)
{
    QByteArray bytes = test::fileBytes(path);
    if (bytes.size() <= 4096)
        return false;
    for (qsizetype i = from; i < bytes.size(); ++i)
        bytes[i] = char((i * 131 + 7) % 251);
    return writeBytes(path, bytes);
}

bool damagePagesAfterTheFirst(const QString &path)
{
    return garbageFrom(path, 4096);
}

bool make(Content content, const QString &path)
{
    const QString manyRows
        = QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                         "INSERT INTO notes SELECT i, printf('note %d, long enough to fill a few pages', i) FROM n;");
    switch (content) {
    case Content::Text:
        return writeBytes(path, QByteArray(10000, 'x'));
    case Content::Markdown:
        return writeBytes(path, "# My notes\n\nWho owns the payments API?\n");
    case Content::Pdf:
        return writeBytes(path, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n");
    case Content::Binary:
        return writeBytes(path, QByteArray("\x00\x01\x02\x03\xfe\xff", 6).repeated(100));
    case Content::ForeignWithApplicationId:
        return sqliteFile(path,
            QStringLiteral("PRAGMA application_id=305419896; CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);"));
    case Content::ForeignWithoutApplicationId:
        return sqliteFile(path,
            QStringLiteral("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); CREATE TABLE tags(name TEXT);"));
    case Content::ForeignDamaged:
        return sqliteFile(path, QStringLiteral("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);") + manyRows)
            && damagePagesAfterTheFirst(path);
    case Content::ForeignSchemaUnreadable:
        return sqliteFile(path, QStringLiteral("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);") + manyRows)
            && garbageFrom(path, 100);
    case Content::BlankDatabase:
        return sqliteFile(path, QStringLiteral("PRAGMA user_version=0"));
    case Content::EmptyFile:
        return writeBytes(path, QByteArray());
    case Content::CairnSchemaUnreadable:
    case Content::CairnBeforeApplicationIds:
    case Content::CairnDamagedBeforeApplicationIds: {
        {
            auto cache = Cache::open(path);
            if (!cache)
                return false;
            CatalogWriter writer(**cache);
            if (!writer.applySourceRun(test::run(QStringLiteral("a"), test::components(300))))
                return false;
        }
        if (content == Content::CairnSchemaUnreadable) // marked, and its header is all that reads
            return sqliteFile(path, QStringLiteral("PRAGMA user_version")) && garbageFrom(path, 100);
        // As a Cairn from before the mark left it.
        if (!sqliteFile(path, QStringLiteral("PRAGMA application_id=0")))
            return false;
        return content == Content::CairnBeforeApplicationIds || damagePagesAfterTheFirst(path);
    }
    }
    return false;
}

QStringList filesBeside(const QString &path)
{
    return QFileInfo(path).dir().entryList(QDir::Files | QDir::Hidden);
}

} // namespace

class TestCacheOwnership : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyCairnsFilesAreOpened_data()
    {
        QTest::addColumn<Content>("content");
        QTest::addColumn<QString>("refusal"); // empty: opened
        QTest::newRow("plain text") << Content::Text << QStringLiteral("it seems to be a text file (it begins “xxx");
        QTest::newRow("notes.md") << Content::Markdown
                                  << QStringLiteral("it seems to be a text file (it begins “# My notes”)");
        QTest::newRow("pdf") << Content::Pdf << QStringLiteral("it seems to be a PDF document");
        QTest::newRow("binary") << Content::Binary << QStringLiteral("it seems to be binary data of another kind");
        QTest::newRow("another program's database")
            << Content::ForeignWithApplicationId
            << QStringLiteral("another program's SQLite database (application id 0x12345678)");
        QTest::newRow("a database without an application id")
            << Content::ForeignWithoutApplicationId
            << QStringLiteral("another program's SQLite database (its tables: notes, tags)");
        QTest::newRow("another program's damaged database")
            << Content::ForeignDamaged << QStringLiteral("another program's SQLite database (its tables: notes)");
        QTest::newRow("another program's database, its schema unreadable")
            << Content::ForeignSchemaUnreadable
            << QStringLiteral("a damaged SQLite database that does not say whose it is");
        QTest::newRow("blank database") << Content::BlankDatabase << QString();
        QTest::newRow("empty file") << Content::EmptyFile << QString();
        QTest::newRow("cache from before application ids") << Content::CairnBeforeApplicationIds << QString();
    }

    void onlyCairnsFilesAreOpened()
    {
        QFETCH(Content, content);
        QFETCH(QString, refusal);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.md"));
        QVERIFY(make(content, path));
        const QByteArray before = test::fileBytes(path);
        const QStringList filesBefore = filesBeside(path);

        auto cache = Cache::open(path);
        if (refusal.isEmpty()) {
            QVERIFY2(cache, qPrintable(cache.errorString()));
            QVERIFY((*cache)->quarantinedPath().isEmpty());
            // Marked as Cairn's from now on.
            QCOMPARE((*cache)->database().queryInt(QStringLiteral("PRAGMA application_id")).value(),
                qint64(CacheOwnership::ApplicationId));
            QCOMPARE((*cache)->database().userVersion().value(), Schema::latestVersion());
            return;
        }
        QVERIFY2(!cache, "a file that is not Cairn's was opened");
        QCOMPARE(cache.errorKind(), core::ErrorKind::ForeignFile);
        QVERIFY2(cache.errorString().startsWith(path + QStringLiteral(" is not a Cairn cache: ")),
            qPrintable(cache.errorString()));
        QVERIFY2(cache.errorString().contains(refusal), qPrintable(cache.errorString()));
        QVERIFY2(cache.errorString().contains(u"It was left as it is."), qPrintable(cache.errorString()));
        QCOMPARE(test::fileBytes(path), before);
        QCOMPARE(filesBeside(path), filesBefore); // no -wal, -shm or .damaged- beside it
    }

    // A damaged Cairn cache is still Cairn's, from before the mark (its schema says so) or
    // with nothing readable but its header (the mark says so): moved aside, never deleted.
    void aDamagedCairnCacheIsMovedAside_data()
    {
        QTest::addColumn<Content>("content");
        QTest::newRow("from before the mark") << Content::CairnDamagedBeforeApplicationIds;
        QTest::newRow("only its header reads") << Content::CairnSchemaUnreadable;
    }

    void aDamagedCairnCacheIsMovedAside()
    {
        QFETCH(Content, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite3"));
        QVERIFY(make(content, path));
        const QByteArray before = test::fileBytes(path);
        auto cache = Cache::open(path);
        QVERIFY2(cache, qPrintable(cache.errorString()));
        QVERIFY(!(*cache)->quarantinedPath().isEmpty());
        QCOMPARE(test::fileBytes((*cache)->quarantinedPath()), before);
    }

    // Every cache is marked from its creation, so that the next open knows it.
    void aNewCacheCarriesTheMark()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite3"));
        {
            auto cache = Cache::open(path);
            QVERIFY(cache);
            (*cache)->close(); // folds the WAL back: the header on disk is final
        }
        const QByteArray header = test::fileBytes(path).left(100);
        QCOMPARE(header.mid(68, 4), QByteArray("CAIR"));
    }
};

QTEST_GUILESS_MAIN(TestCacheOwnership)
#include "tst_cacheownership.moc"
