// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/JsonItems.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using cairn::sync::findJsonItems;
using cairn::sync::parseJsonItem;
using cairn::sync::readStringMembers;

// The scan must split a list exactly where a JSON parser would: each item's bytes, parsed
// on their own, give the item the whole-document parse gives.
class TestJsonItems : public QObject
{
    Q_OBJECT

private:
    static QJsonArray parsedWhole(const QByteArray &data)
    {
        const QJsonDocument document = QJsonDocument::fromJson(data);
        return document.isArray() ? document.array() : document.object().value(u"items").toArray();
    }

private Q_SLOTS:
    void itemsAreWhereTheParserFindsThem_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("array") << QByteArray("[{\"kind\":\"Component\"},{\"kind\":\"Group\"}]");
        QTest::newRow("items object, members around it") << QByteArray(
            "{\"totalItems\":2,\"items\":[{\"a\":1},{\"b\":[1,2]}],\"pageInfo\":{\"nextCursor\":\"x]\"}}");
        QTest::newRow("escaped quotes") << QByteArray("[{\"t\":\"say \\\"hi\\\"\"},{\"t\":\"\\\"\"}]");
        QTest::newRow("backslash runs before quotes")
            << QByteArray("[{\"t\":\"a\\\\\"},{\"t\":\"b\\\\\\\\\"},{\"t\":\"c\\\\\\\"\"}]");
        QTest::newRow("brackets and commas in strings")
            << QByteArray("[{\"t\":\"}],{[\",\"u\":\"\\\\\"},{\"t\":\"\\\\\\\"]\"}]");
        QTest::newRow("nested") << QByteArray("[{\"a\":{\"b\":[{\"c\":[[]]},{}]}},[1,[2,{\"d\":\"e\"}]]]");
        QTest::newRow("scalars and null") << QByteArray("[null, 12.5e3 , \"text\", true ,{\"k\":null}]");
        QTest::newRow("spaces everywhere") << QByteArray(" \n[ \t{ \"a\" : [ 1 , 2 ] } ,\r\n { } ] \n");
        QTest::newRow("unicode") << QByteArray("[{\"name\":\"Zoë \\u00e9 ☃\"},{\"x\":\"\\u0022\"}]");
        QTest::newRow("empty") << QByteArray("[]");
        QTest::newRow("empty items") << QByteArray("{\"items\":[],\"totalItems\":0}");
    }

    void itemsAreWhereTheParserFindsThem()
    {
        QFETCH(QByteArray, data);
        const QJsonArray expected = parsedWhole(data);
        const std::optional<cairn::sync::JsonItems> found = findJsonItems(data);
        QVERIFY(found.has_value());
        QCOMPARE(found->items.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const auto [start, length] = found->items.at(i);
            const std::optional<QJsonValue> item = parseJsonItem(data, start, length);
            QVERIFY2(item.has_value(), data.mid(start, length).constData());
            QCOMPARE(*item, expected.at(i));
        }
    }

    void notAListIsLeftToTheParser_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("unterminated string") << QByteArray("[{\"a\":\"b}]");
        QTest::newRow("escaped closing quote") << QByteArray("[{\"a\":\"b\\\"}]");
        QTest::newRow("unclosed array") << QByteArray("[{\"a\":1}");
        QTest::newRow("trailing bytes") << QByteArray("[{\"a\":1}] x");
        QTest::newRow("no items member") << QByteArray("{\"entities\":[{\"a\":1}]}");
        QTest::newRow("items twice") << QByteArray("{\"items\":[],\"items\":[{\"a\":1}]}");
        QTest::newRow("missing comma") << QByteArray("[{\"a\":1} {\"b\":2}]");
        QTest::newRow("a scalar") << QByteArray("42");
        QTest::newRow("nothing") << QByteArray("  ");
    }

    void notAListIsLeftToTheParser()
    {
        QFETCH(QByteArray, data);
        QVERIFY(!findJsonItems(data).has_value());
    }

    void stringMembersAreReadAsAParserReadsThem_data()
    {
        QTest::addColumn<QByteArray>("item");
        QTest::newRow("a listing line") << QByteArray("{\"metadata\":{\"name\":\"ledger\",\"namespace\":\"ops\","
                                                      "\"uid\":\"u-1\",\"etag\":\"e-1\"},\"kind\":\"Component\"}");
        QTest::newRow("other members around them")
            << QByteArray("{\"apiVersion\":\"v1\",\"spec\":{\"name\":\"not this\",\"list\":[1,{\"kind\":\"x\"}]},"
                          "\"kind\":\"API\",\"metadata\":{\"tags\":[\"a\"],\"name\":\"n\",\"labels\":{}},"
                          "\"n\":null,\"b\":true,\"f\":-1.5e3}");
        QTest::newRow("escapes outside the wanted values") << QByteArray(
            "{\"kind\":\"Group\",\"metadata\":{\"description\":\"say \\\"hi\\\" \\u00e9\",\"name\":\"t\"}}");
        QTest::newRow("spaces") << QByteArray("{ \"kind\" : \"User\" ,\n \"metadata\" : { \"name\" : \"a\" } }");
        QTest::newRow("absent members") << QByteArray("{\"kind\":\"Group\"}");
        QTest::newRow("metadata not an object") << QByteArray("{\"kind\":\"Group\",\"metadata\":\"x\"}");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("a member twice: the last counts") << QByteArray("{\"kind\":\"A\",\"kind\":\"B\"}");
    }

    void stringMembersAreReadAsAParserReadsThem()
    {
        QFETCH(QByteArray, item);
        const QList<QByteArrayView> paths { "kind", "metadata.namespace", "metadata.name" };
        const std::optional<QList<QString>> values = readStringMembers(item, 0, item.size(), paths);
        QVERIFY(values.has_value());
        const QJsonObject parsed = QJsonDocument::fromJson(item).object();
        QCOMPARE(values->at(0), parsed.value(u"kind").toString());
        QCOMPARE(values->at(1), parsed.value(u"metadata").toObject().value(u"namespace").toString());
        QCOMPARE(values->at(2), parsed.value(u"metadata").toObject().value(u"name").toString());
    }

    void stringMembersOnlyWhenPlain_data()
    {
        QTest::addColumn<QByteArray>("item");
        QTest::newRow("an escape in a wanted value") << QByteArray("{\"kind\":\"Gr\\u006fup\"}");
        QTest::newRow("a wanted value outside ASCII") << QByteArray("{\"metadata\":{\"name\":\"Zo\xc3\xab\"}}");
        QTest::newRow("a wanted value not a string") << QByteArray("{\"kind\":7}");
        QTest::newRow("an escape in a key") << QByteArray("{\"k\\u0069nd\":\"Group\"}");
        QTest::newRow("not an object") << QByteArray("[\"kind\"]");
        QTest::newRow("cut short") << QByteArray("{\"kind\":\"Group\",\"metadata\":{\"name\":\"a\"}");
        QTest::newRow("missing colon") << QByteArray("{\"kind\" \"Group\"}");
    }

    void stringMembersOnlyWhenPlain()
    {
        QFETCH(QByteArray, item);
        QVERIFY(!readStringMembers(item, 0, item.size(), { "kind", "metadata.name" }).has_value());
    }

    void aBrokenItemIsNotParsed()
    {
        const QByteArray data = "[{\"a\":1},{\"b\":nope}]";
        const std::optional<cairn::sync::JsonItems> found = findJsonItems(data);
        QVERIFY(found.has_value()); // its brackets and strings are in order...
        QCOMPARE(found->items.size(), 2);
        QVERIFY(parseJsonItem(data, found->items.at(0).first, found->items.at(0).second).has_value());
        // ...but it is not JSON
        QVERIFY(!parseJsonItem(data, found->items.at(1).first, found->items.at(1).second).has_value());
    }
};

QTEST_GUILESS_MAIN(TestJsonItems)
#include "tst_jsonitems.moc"
