// SPDX-License-Identifier: GPL-3.0-or-later
// The content hash a sync tells changed documents from unchanged ones by: the very values
// earlier versions stored (XXH64, seed 0, 16 hex digits; the hand-written XXH64 they came
// from is now libxxhash's), and caches that still hold the SHA-1 of older versions read
// without a single entity shown as changed.
#include "cache/CatalogWriter.h"
#include "cache/ContentHash.h"
#include "cache/Database.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

#include "support/CacheTestSupport.h"

using namespace cairn;
using namespace cairn::cache;

namespace {

// Bytes 0..n-1 of the pattern (i * 31 + 7) mod 256, for the length vectors below.
QByteArray pattern(int n)
{
    QByteArray out(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        out[i] = char((i * 31 + 7) & 0xff);
    return out;
}

} // namespace

class TestContentHash : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString storedHash(Cache &cache, const QString &key)
    {
        return cache.database()
            .queryText(QStringLiteral("SELECT content_hash FROM entities WHERE key='%1'").arg(key))
            .value();
    }

private Q_SLOTS:
    // Reference values from an independent implementation (the xxhashjs package), as the
    // hand-written XXH64 of earlier versions stored them: a cache they wrote must read as
    // unchanged.
    void knownValues_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<quint64>("expected");
        QTest::newRow("empty") << QByteArray() << quint64(0xef46db3751d8e999ULL);
        QTest::newRow("a") << QByteArray("a") << quint64(0xd24ec4f1a98c6e5bULL);
        QTest::newRow("abc") << QByteArray("abc") << quint64(0x44bc2cf5ad770999ULL);
        QTest::newRow("abcd") << QByteArray("abcd") << quint64(0xde0327b0d25d92ccULL);
        QTest::newRow("8 bytes") << QByteArray("12345678") << quint64(0xd2d02f08cf7cfd4aULL);
        QTest::newRow("9 bytes") << QByteArray("123456789") << quint64(0x8cb841db40e6ae83ULL);
        QTest::newRow("43 bytes") << QByteArray("The quick brown fox jumps over the lazy dog")
                                  << quint64(0x0b242d361fda71bcULL);
        QTest::newRow("UTF-8 document") << QStringLiteral(
            "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\",\"metadata\":{\"name\":\"svc-\u00e9\"}}")
                                               .toUtf8()
                                        << quint64(0x78896cf5345a582aULL);
        // Every way the input can end: no stripe, one or more 32-byte stripes, then 0-3
        // lanes of 8, an optional 4 and 0-3 single bytes.
        const quint64 byLength[] = { 0xef46db3751d8e999, 0xa96c7f0ce858bbb7, 0xac378c5993cd5f9a, 0x56e6957632a487f9,
            0xc60d15b1e3ff8f04, 0x808815858624dd4e, 0xcf22b4e87e9bbd00, 0xafbefc3d6c6f9a8e, 0x3da5c7aa269683e0,
            0x4b17a9ba9e215c09, 0x6b889090b8a922b8, 0x1fc070e44716bd8e, 0x8fe8ab1c1fd0666e, 0x0382284cc19c4abb,
            0x1523f762201ba56e, 0xae2a37eb9357caa7, 0xa19ad429b02bc413, 0xfe9f0feb7eeedc09, 0xa44dbc53c815d4fe,
            0x3693e04c0dfc7dd2, 0x0bfbadb368e7f37c, 0xfe78683697d5c575, 0xb07142420c77fe7f, 0xe77b1fcea84118c3,
            0x929438e5c2159ef9, 0x7e6c95919380459f, 0xaf2efe1aa0cf37dc, 0x8edaa24c28d12ec6, 0xa36b5c4091187d2a,
            0xeb1fee1bf0954759, 0x6a54ebe6fe40b928, 0x4a74f3a1a39ad4a1, 0x8d57d6a4671cc43d, 0x62c9fd21ed857664,
            0x42cce8a8f5fc5f1f, 0x85cbcf9e0d9cbeca, 0xa4475c606b0abc3c, 0x5d71d9fc4b676d9f, 0x88a74ab8eaeb0218,
            0x1789542489e59cc4, 0x49b45332e280f187, 0xb410b48464dc1268, 0x9dacb790a1526540, 0x7c296a6b49b188e7,
            0xa6b69c7cee5d5b54, 0xaa6aeb7198c8c81c, 0x7c4b5a84f7cd59f3, 0x05e3ab06c6bb0a6b, 0x9f31c521803da811,
            0x9f787017de727118, 0xca2eee5cb9fb5469, 0x33a29bd165146948, 0x76d9caacc61b6870, 0xa7a6e96a5be18eb9,
            0x4a6d8c8cb7ab9234, 0x2471440903895716, 0x69aea7699abf3484, 0x49e8d867c0ac8865, 0xd3928f8d2530d5ee,
            0x8a1f4d8f4c9045fe, 0xeafefbf83ab62c32, 0x1be3ba2ea41289be, 0x7acaef6ae2f7a5b6, 0x5c320a0d2707057f,
            0x7bbabbc45729d17e, 0xf3980c34bae65dc1, 0x37082d58ba4215f9, 0x6acef358c3e521bd, 0x2c0a027bbf50ec18,
            0x7d90ea5f45d705cb, 0x383a51c48c4f8f4c, 0x31bf591b718974d1, 0x4063b91780eca3e6, 0xfe37944ee4de1188,
            0x62c6dce103a4f939, 0x68372688b22c91bd, 0x43a0f285258bfbd3, 0xdb97af1abc152d81, 0x1ef3d95869e00ae6,
            0xf09091af6c3d95d5, 0x7fb26396efcaa30f, 0xf9bad4217aa6cfc7, 0xb6a5a7dcaac8d5d3, 0xea36b2cca41aa5db,
            0x9d023a6680a69206, 0x6da6c43a8402b3d5, 0x21b67dff095c57d5, 0x51389dfe4ea33d31, 0xf8c13e3ac3588869,
            0x624408ea804d589c, 0xe02b69577487c15b, 0x4b92a391bc6cb1f1, 0x5a85982492327a09, 0x66962b5f6d39b1cd,
            0x7521d2ac06453b07, 0x90f6cb6d1db41380, 0x1a4b207385051b55, 0xb8016eeff392be5d, 0xe2f2aea4f6c4a4c1,
            0xede5c62df22ab2d0, 0xefa0ad2d3e70c151 };
        for (int n = 0; n < int(std::size(byLength)); ++n)
            QTest::addRow("pattern of %d bytes", n) << pattern(n) << quint64(byLength[n]);
    }
    void knownValues()
    {
        QFETCH(QByteArray, text);
        QFETCH(quint64, expected);
        QCOMPARE(ContentHash::of(text), QByteArray::number(expected, 16).rightJustified(16, '0'));
    }

    void textFormIsSixteenHexDigits()
    {
        QCOMPARE(ContentHash::of(QByteArray()), QByteArray("ef46db3751d8e999"));
        QCOMPARE(ContentHash::of("The quick brown fox jumps over the lazy dog"), QByteArray("0b242d361fda71bc"));
        // Leading zero digits are kept: the 47-byte pattern hashes to 0x05e3ab06c6bb0a6b.
        QCOMPARE(ContentHash::of(pattern(47)), QByteArray("05e3ab06c6bb0a6b"));
    }

    void matchesItsOwnAndTheOldSha1()
    {
        const QByteArray text = "{\"kind\":\"Component\"}";
        const QByteArray sha1 = QCryptographicHash::hash(text, QCryptographicHash::Sha1).toHex();
        QVERIFY(ContentHash::matches(ContentHash::of(text), text));
        QVERIFY(ContentHash::matches(sha1, text));
        QVERIFY(!ContentHash::matches(ContentHash::of(text), text + ' '));
        QVERIFY(!ContentHash::matches(sha1, text + ' '));
        QVERIFY(!ContentHash::matches(QByteArray(), text));
    }

    // A cache from before this hash: its rows hold SHA-1. Syncing the same documents changes
    // nothing; a changed one is seen as changed and stored with the new hash.
    void cacheWithSha1HashesSyncsWithoutFalseChanges()
    {
        auto cache = test::cacheForCurrentTest(m_dir);
        CatalogWriter writer(*cache);
        const QList<core::SourcedEntity> entities = test::components(3);
        QVERIFY(writer.applySourceRun(test::run(QStringLiteral("catalog"), entities)));
        for (const core::SourcedEntity &sourced : entities) {
            const QString key = sourced.entity.ref().key();
            const QByteArray document
                = cache->database()
                      .queryText(QStringLiteral("SELECT document FROM entities WHERE key='%1'").arg(key))
                      .value()
                      .toUtf8();
            const QString sha1
                = QString::fromLatin1(QCryptographicHash::hash(document, QCryptographicHash::Sha1).toHex());
            QVERIFY(cache->database().exec(
                QStringLiteral("UPDATE entities SET content_hash='%1' WHERE key='%2'").arg(sha1, key)));
            QCOMPARE(storedHash(*cache, key), sha1);
        }

        auto same = writer.applySourceRun(test::run(QStringLiteral("catalog"), entities));
        QVERIFY2(same, qPrintable(same.errorString()));
        QCOMPARE(same->unchanged, 3);
        QCOMPARE(same->changed, 0);

        QList<core::SourcedEntity> edited = entities;
        edited[1] = test::component(QStringLiteral("svc-1"), QStringLiteral("team-b"));
        auto changed = writer.applySourceRun(test::run(QStringLiteral("catalog"), edited));
        QVERIFY2(changed, qPrintable(changed.errorString()));
        QCOMPARE(changed->changed, 1);
        QCOMPARE(changed->unchanged, 2);
        QCOMPARE(storedHash(*cache, QStringLiteral("component:default/svc-1")).size(), 16);
        QCOMPARE(storedHash(*cache, QStringLiteral("component:default/svc-0")).size(), 40);
    }
};

QTEST_GUILESS_MAIN(TestContentHash)
#include "tst_contenthash.moc"
