// SPDX-License-Identifier: GPL-3.0-or-later
// The entity health reads from a stored document (cache::health::entityFrom): exactly what
// Qt's own reader makes of it, except that a text over 64 KiB is cut, on a character
// boundary, so that one pasted log does not cost health ten times its size.

#include "cache/HealthDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cairn;
using cairn::cache::health::entityFrom;
using cairn::cache::health::kDocumentRoom;
using cairn::cache::health::kTextRead;

namespace {

// Read as the cache hands documents over: with room past the end, or without (a copy).
QByteArray stored(const QJsonObject &document, bool withRoom)
{
    QByteArray json = QJsonDocument(document).toJson(QJsonDocument::Compact);
    if (!withRoom)
        return json;
    QByteArray text;
    text.reserve(json.size() + kDocumentRoom);
    text.append(json);
    return text;
}

// Every kind of value a document holds, with texts that need escapes and that are not ASCII.
QJsonObject everyKindOfValue(int annotations)
{
    QJsonObject annotationsObject;
    for (int i = 0; i < annotations; ++i)
        annotationsObject.insert(QStringLiteral("example.com/key-%1").arg(i, 6, 10, QLatin1Char('0')),
            QStringLiteral("value \"%1\"\\ \n\t é 中 😀").arg(i));
    QJsonObject metadata {
        { QStringLiteral("name"), QStringLiteral("payments") },
        { QStringLiteral("title"), QStringLiteral("Paiements — équipe €") },
        { QStringLiteral("annotations"), annotationsObject },
        { QStringLiteral("tags"), QJsonArray { QStringLiteral("java"), QStringLiteral("ü") } },
    };
    QJsonObject spec {
        { QStringLiteral("owner"), QStringLiteral("group:default/team-a") },
        { QStringLiteral("replicas"), 3 },
        { QStringLiteral("negative"), -42 },
        { QStringLiteral("ratio"), 0.25 },
        { QStringLiteral("large"), 1e300 },
        { QStringLiteral("enabled"), true },
        { QStringLiteral("disabled"), false },
        { QStringLiteral("nothing"), QJsonValue(QJsonValue::Null) },
        { QStringLiteral("nested"),
            QJsonArray { QJsonArray { 1, 2 }, QJsonObject { { QStringLiteral("z"), 1 }, { QStringLiteral("a"), 2 } },
                QJsonArray {} } },
        { QStringLiteral("empty"), QJsonObject {} },
    };
    return QJsonObject {
        { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
        { QStringLiteral("kind"), QStringLiteral("Component") },
        { QStringLiteral("metadata"), metadata },
        { QStringLiteral("spec"), spec },
    };
}

} // namespace

class TestHealthDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readAsQtReadsIt_data()
    {
        QTest::addColumn<int>("annotations");
        QTest::addColumn<bool>("longText");
        QTest::addColumn<bool>("withRoom");
        QTest::newRow("small, with room") << 3 << false << true;
        QTest::newRow("small, copied") << 3 << false << false;
        // Over 64 KiB in all, every text short: read as Qt reads it.
        QTest::newRow("many texts, with room") << 5000 << false << true;
        QTest::newRow("many texts, copied") << 5000 << false << false;
        // And with one text to cut: read by simdjson, the rest exactly as Qt reads it.
        QTest::newRow("many texts and a long one, with room") << 5000 << true << true;
        QTest::newRow("many texts and a long one, copied") << 5000 << true << false;
    }

    void readAsQtReadsIt()
    {
        QFETCH(int, annotations);
        QFETCH(bool, longText);
        QFETCH(bool, withRoom);
        QJsonObject document = everyKindOfValue(annotations);
        const QString log(kTextRead + 1, u'a');
        if (longText)
            document.insert(QStringLiteral("log"), log);
        const QByteArray text = stored(document, withRoom);
        QCOMPARE(text.size() > kTextRead, annotations > 100);
        QJsonObject expected = QJsonDocument::fromJson(text).object();
        if (longText)
            expected.insert(QStringLiteral("log"), log.left(kTextRead));
        QCOMPARE(entityFrom(text).document(), expected);
    }

    // Qt writes a double of 2^64 or more as an integer; such a document is still read, whole.
    void aHugeIntegerAsQtWritesIt()
    {
        QJsonObject document = everyKindOfValue(5000);
        document.insert(QStringLiteral("beyondInt64"), 18446744073709551615.0);
        document.insert(QStringLiteral("long"), QString(2 * kTextRead, u'a'));
        const QByteArray text = stored(document, true);
        QVERIFY(text.contains("18446744073709552000"));
        QCOMPARE(entityFrom(text).document(), QJsonDocument::fromJson(text).object());
    }

    void aLongTextIsCutOnACharacterBoundary()
    {
        // 'x' then three-byte characters: byte kTextRead falls inside one of them.
        QString description = QString(1, u'x') + QString(kTextRead, QChar(0x4E2D));
        QString annotation = QString(2 * kTextRead, u'a');
        QJsonObject document = everyKindOfValue(3);
        QJsonObject metadata = document.value(u"metadata").toObject();
        metadata.insert(QStringLiteral("description"), description);
        QJsonObject annotations = metadata.value(u"annotations").toObject();
        annotations.insert(QStringLiteral("cairn.dev/log"), annotation);
        metadata.insert(QStringLiteral("annotations"), annotations);
        document.insert(QStringLiteral("metadata"), metadata);

        const core::Entity entity = entityFrom(stored(document, true));
        // 1 + 3 × 21,845 bytes fit in 65,536; the next character would not.
        QCOMPARE(entity.description(), description.left(1 + (kTextRead - 1) / 3));
        QCOMPARE(entity.annotation(QStringLiteral("cairn.dev/log")), annotation.left(kTextRead));
        // Everything else is as Qt reads it.
        metadata.insert(QStringLiteral("description"), entity.description());
        annotations.insert(QStringLiteral("cairn.dev/log"), annotation.left(kTextRead));
        metadata.insert(QStringLiteral("annotations"), annotations);
        document.insert(QStringLiteral("metadata"), metadata);
        QCOMPARE(entity.document(), document);
    }

    void aDocumentThatDoesNotParseIsAnEmptyEntity()
    {
        QByteArray broken = stored(everyKindOfValue(5000), true);
        broken.chop(1);
        QVERIFY(entityFrom(broken).document().isEmpty());
        QVERIFY(entityFrom(QByteArrayLiteral("[1, 2]")).document().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHealthDocument)
#include "tst_healthdocument.moc"
