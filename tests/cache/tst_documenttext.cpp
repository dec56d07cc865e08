// SPDX-License-Identifier: GPL-3.0-or-later
// EntityRow::documentText writes a document with its own writer, for speed; the text must
// stay exactly QJsonDocument::toJson(Compact), which bundles deliver and hashes are taken
// of, so that the two forms of a document never differ. Compared here over every ASCII
// character, UTF-8 lengths, surrogates paired and not, numbers of each kind, nesting, and
// random documents.
#include "cache/EntityRow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace cairn;

namespace {

QByteArray qtText(const QJsonObject &document)
{
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

QByteArray ourText(const QJsonObject &document)
{
    return cache::EntityRow::documentText(core::Entity(document));
}

// Strings that reach every branch of the escaping.
QStringList trickyStrings()
{
    QStringList out = { QString(), QStringLiteral("plain"), QStringLiteral("quote\" back\\slash / solidus"),
        QStringLiteral("café ß Ω"), QStringLiteral("€ 日本語"), QStringLiteral("\U0001F600 \U00010000 \U0010FFFF"),
        QStringLiteral("\u007f\u0080\u07ff\u0800\uffff\ufffe\ufdd0") };
    QString ascii;
    for (char16_t c = 0; c < 0x80; ++c)
        ascii += QChar(c);
    out << ascii;
    const QChar high(0xd83d);
    const QChar low(0xde00);
    out << QString(high) << QString(low) << QString(high) + high + low << QString(low) + high
        << QStringLiteral("a") + high + QStringLiteral("b") << QStringLiteral("a") + low + low
        << QString(high) + QChar(u'x') << QStringLiteral("end") + high << QString(QChar(0xdbff)) + QChar(0xdfff);
    return out;
}

QJsonValue randomValue(QRandomGenerator &random, const QStringList &strings, int depth)
{
    switch (random.bounded(depth > 3 ? 5 : 7)) {
    case 0:
        return QJsonValue();
    case 1:
        return QJsonValue(random.bounded(2) == 1);
    case 2:
        return random.bounded(2) == 1 ? QJsonValue(qint64(random.generate64()) >> random.bounded(64))
                                      : QJsonValue(random.generateDouble() * std::pow(10.0, random.bounded(-20, 20)));
    case 3:
    case 4:
        return strings.at(random.bounded(strings.size()));
    case 5: {
        QJsonArray array;
        for (int i = random.bounded(5); i > 0; --i)
            array.append(randomValue(random, strings, depth + 1));
        return array;
    }
    default: {
        QJsonObject object;
        for (int i = random.bounded(6); i > 0; --i)
            object.insert(strings.at(random.bounded(strings.size())), randomValue(random, strings, depth + 1));
        return object;
    }
    }
}

} // namespace

class TestDocumentText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stringsAsValuesAndKeys()
    {
        const QStringList strings = trickyStrings();
        for (const QString &s : strings) {
            const QJsonObject document { { s, s }, { QStringLiteral("list"), QJsonArray { s, s } } };
            QCOMPARE(ourText(document), qtText(document));
        }
        // Every single character of the BMP, alone and in a pair with the next.
        for (uint c = 0; c <= 0xffff; ++c) {
            const QString s = QString(QChar(char16_t(c))) + QChar(char16_t((c + 1) & 0xffff));
            const QJsonObject document { { QStringLiteral("k"), s } };
            if (ourText(document) != qtText(document))
                QFAIL(qPrintable(QStringLiteral("differs for U+%1").arg(c, 4, 16, QLatin1Char('0'))));
        }
    }

    void numbers()
    {
        const QJsonArray numbers { 0, 1, -1, 42, 1.5, -0.0, 0.1, 1e300, -1e-300, 3.0, 1e21, 123456789012.0,
            double(std::numeric_limits<qint64>::max()), std::numeric_limits<double>::infinity(),
            std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::denorm_min(),
            QJsonValue(std::numeric_limits<qint64>::max()), QJsonValue(std::numeric_limits<qint64>::min()),
            QJsonValue(qint64(9007199254740993)) };
        const QJsonObject built { { QStringLiteral("n"), numbers }, { QStringLiteral("x"), 2.5 } };
        QCOMPARE(ourText(built), qtText(built));
        const QJsonObject parsed
            = QJsonDocument::fromJson("{\"a\":9007199254740993,\"b\":1.0,\"c\":-0,\"d\":1e2,\"e\":12345678901234567890,"
                                      "\"f\":0.30000000000000004,\"g\":-9223372036854775808,\"h\":[1,2.50,3e-7]}")
                  .object();
        QVERIFY(!parsed.isEmpty());
        QCOMPARE(ourText(parsed), qtText(parsed));
    }

    void structure()
    {
        QJsonArray withUndefined { 1, QJsonValue(), true, false };
        withUndefined.append(QJsonValue(QJsonValue::Undefined));
        const QJsonObject document { { QStringLiteral("empty object"), QJsonObject() },
            { QStringLiteral("empty list"), QJsonArray() }, { QStringLiteral("values"), withUndefined },
            { QStringLiteral("nested"),
                QJsonObject { { QStringLiteral("a"), QJsonArray { QJsonArray { QJsonObject() } } } } } };
        QCOMPARE(ourText(document), qtText(document));
        QCOMPARE(ourText(QJsonObject()), qtText(QJsonObject()));
    }

    void parsedEntities()
    {
        const QByteArray json = "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\","
                                "\"metadata\":{\"name\":\"svc\",\"title\":\"Svc \\u00e9\\ud83d\\ude00\","
                                "\"annotations\":{\"a/b\":\"x\\ny\\t\\\"z\\\"\"},\"tags\":[\"java\"],"
                                "\"links\":[{\"url\":\"https://x\",\"title\":\"X\"}]},"
                                "\"spec\":{\"type\":\"service\",\"owner\":\"group:default/a\","
                                "\"dependsOn\":[\"component:b\"]},"
                                "\"relations\":[{\"type\":\"ownedBy\",\"targetRef\":\"group:default/a\"}]}";
        const QJsonObject document = QJsonDocument::fromJson(json).object();
        QVERIFY(!document.isEmpty());
        QCOMPARE(ourText(document), qtText(document));
    }

    void randomDocuments()
    {
        QRandomGenerator random(20240601);
        const QStringList strings = trickyStrings() + QStringList { QStringLiteral("name"), QStringLiteral("spec") };
        for (int i = 0; i < 3000; ++i) {
            QJsonObject document;
            for (int key = random.bounded(8); key > 0; --key)
                document.insert(strings.at(random.bounded(strings.size())), randomValue(random, strings, 0));
            const QByteArray expected = qtText(document);
            if (ourText(document) != expected)
                QFAIL(qPrintable(QStringLiteral("differs for %1").arg(QString::fromUtf8(expected))));
        }
    }
};

QTEST_GUILESS_MAIN(TestDocumentText)
#include "tst_documenttext.moc"
