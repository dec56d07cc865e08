// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/JsonDocuments.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using cairn::sync::JsonDocument;
using cairn::sync::JsonDocumentReader;

// The text an import stores must be the text the cache always stored for the same document
// (Qt's compact form), or an unchanged entity would show as changed after an upgrade.
class TestJsonDocuments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesWhatQtWrites_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("sorted") << QByteArray(
            "{\"apiVersion\":\"v1\",\"kind\":\"Group\",\"metadata\":{\"name\":\"a\"}}");
        QTest::newRow("unsorted, spaced") << QByteArray(
            "{ \"spec\": {\"b\": 1, \"a\": [1, 2, {\"z\": null, \"y\": true}]},\n \"kind\" : \"Component\" }");
        QTest::newRow("duplicate keys: the last wins") << QByteArray("{\"b\":1,\"a\":2,\"b\":3,\"a\":4}");
        QTest::newRow("escapes") << QByteArray("{\"s\":\"q\\\" b\\\\ s\\/ t\\t n\\n u\\u0001 e\\u00e9 \\u20ac\"}");
        QTest::newRow("utf-8 keys") << QByteArray("{\"\xc3\xa9\":1,\"e\":2,\"\xef\xbc\xa1\":3,\"\xf0\x9f\x98\x80\":4}");
        QTest::newRow("numbers") << QByteArray(
            "{\"a\":0,\"b\":-0,\"c\":1.0,\"d\":1.5e3,\"e\":-2.25,\"f\":9007199254740993,\"g\":18446744073709551615,"
            "\"h\":1e20,\"i\":0.1,\"j\":123456789012345678901234}");
        QTest::newRow("empty") << QByteArray("{\"a\":{},\"b\":[],\"c\":\"\"}");
    }

    void writesWhatQtWrites()
    {
        QFETCH(QByteArray, text);
        JsonDocumentReader reader;
        JsonDocument document;
        QVERIFY(!reader.readValue(text, { QStringLiteral("x.ndjson"), 1 }, document).has_value());
        const QByteArray qt = QJsonDocument::fromJson(text).toJson(QJsonDocument::Compact);
        QCOMPARE(document.json, qt);
    }

    void readsWhatSaysWhatTheDocumentIs()
    {
        JsonDocumentReader reader;
        JsonDocument document;
        QVERIFY(!reader
                     .readValue("{\"metadata\":{\"labels\":{\"name\":\"no\"},\"name\":\"svc\",\"namespace\":\"ops\"},"
                                "\"kind\":\"Component\"}",
                         { QStringLiteral("x.ndjson"), 4 }, document)
                     .has_value());
        QCOMPARE(document.kind, QStringLiteral("Component"));
        QVERIFY(document.hasKind);
        QVERIFY(document.kindIsString);
        QCOMPARE(document.name, QStringLiteral("svc"));
        QCOMPARE(document.nameSpace, QStringLiteral("ops"));
        QCOMPARE(document.origin.line, 4);

        QVERIFY(!reader.readValue("{\"kind\":7,\"metadata\":\"x\"}", {}, document).has_value());
        QVERIFY(document.hasKind);
        QVERIFY(!document.kindIsString);
        QVERIFY(document.name.isEmpty());

        QVERIFY(!reader.readValue("[1,2]", {}, document).has_value());
        QVERIFY(!document.isMapping());
        QCOMPARE(document.valueType, QStringLiteral("a list"));
    }

    void givesEachItemItsLine()
    {
        JsonDocumentReader reader;
        const QByteArray text = "{\n  \"totalItems\": 2,\n  \"items\": [\n    {\"kind\": \"Group\"},\n\n"
                                "    {\"kind\": \"User\",\n     \"metadata\": {\"name\": \"u\"}}\n  ]\n}\n";
        const JsonDocumentReader::Result read = reader.readText(text, QStringLiteral("page.json"));
        QVERIFY(!read.error.has_value());
        QCOMPARE(read.read.shape, JsonDocumentReader::Shape::Items);
        QCOMPARE(read.read.documents.size(), 2);
        QCOMPARE(read.read.documents.at(0).origin.line, 4);
        QCOMPARE(read.read.documents.at(1).origin.line, 6);
        QCOMPARE(read.read.documents.at(1).name, QStringLiteral("u"));
    }

    void anEntityWithItemsIsOneEntity()
    {
        JsonDocumentReader reader;
        const JsonDocumentReader::Result read
            = reader.readText("{\"items\":[{\"kind\":\"x\"}],\"kind\":\"Thing\",\"metadata\":{\"name\":\"t\"}}", {});
        QVERIFY(!read.error.has_value());
        QCOMPARE(read.read.shape, JsonDocumentReader::Shape::Entity);
        QCOMPARE(read.read.documents.size(), 1);
        QCOMPARE(read.read.documents.at(0).kind, QStringLiteral("Thing"));
    }

    void brokenTextSaysWhereAndKeepsNothing_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::newRow("missing colon") << QByteArray("[\n  {\"kind\": \"Group\"},\n  {\"kind\" \"User\"}\n]\n") << 3;
        QTest::newRow("envelope broken after the items")
            << QByteArray("{\"items\": [{\"kind\": \"Group\"}],\n \"next\": tru}\n") << 2;
        QTest::newRow("trailing garbage") << QByteArray("[{\"kind\": \"Group\"}] x") << 0;
    }

    void brokenTextSaysWhereAndKeepsNothing()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        JsonDocumentReader reader;
        const JsonDocumentReader::Result read = reader.readText(text, QStringLiteral("x.json"));
        QVERIFY(read.error.has_value());
        QVERIFY(!read.error->message.isEmpty());
        if (line > 0)
            QCOMPARE(read.error->line, line);
        QVERIFY(read.read.documents.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJsonDocuments)
#include "tst_jsondocuments.moc"
