// SPDX-License-Identifier: GPL-3.0-or-later
// JSON written as text (the health rows, risk paths and graph rows a recompute stores): what
// it writes must read back, through Qt's parser, as exactly what was written, whatever the
// characters: the cache no longer checks it with json_valid.
#include "core/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace cairn::core;

class TestJsonText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stringArraysReadBackAsWritten_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::newRow("none") << QStringList();
        QTest::newRow("keys") << QStringList { QStringLiteral("component:default/a"), QStringLiteral("user:x/b") };
        QTest::newRow("empty string") << QStringList { QString() };
        QTest::newRow("quotes and backslashes")
            << QStringList { QStringLiteral("a\"b"), QStringLiteral("c\\d"), QStringLiteral("\\\"") };
        QTest::newRow("escapes at both ends and between plain runs")
            << QStringList { QStringLiteral("\"plain\\ run\n\tanother\""), QStringLiteral("x\"") };
        QTest::newRow("line breaks and tabs") << QStringList { QStringLiteral("a\nb\r\nc\td") };
        QString control;
        for (char16_t c = 0; c < 0x20; ++c)
            control += QChar(c);
        QTest::newRow("every control character") << QStringList { control + QStringLiteral("\x7f") };
        QTest::newRow("beyond ASCII") << QStringList { QStringLiteral("équipe"), QStringLiteral("団体 😀") };
    }

    void stringArraysReadBackAsWritten()
    {
        QFETCH(QStringList, values);
        const QString text = JsonText::stringArray(values);
        QJsonParseError error;
        const QJsonDocument read = QJsonDocument::fromJson(text.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(read.isArray());
        QCOMPARE(read.array().size(), values.size());
        for (qsizetype i = 0; i < values.size(); ++i)
            QCOMPARE(read.array().at(i).toString(), values.at(i));
    }

    // The UTF-8 writer gives the very bytes of the other's text in UTF-8: stored rows written
    // by either compare equal. Every kind of character, at random, lone surrogates too.
    void utf8IsTheTextsUtf8()
    {
        const QList<char16_t> alphabet { u'a', u'Z', u' ', u'"', u'\\', u'\n', u'\r', u'\t', 0x01, 0x1f, 0x7f, 0x80,
            0xe9, 0x4e2d, 0xd83d, 0xde00, 0xfffd, 0xffff };
        QRandomGenerator random(20261205);
        for (int n = 0; n < 5000; ++n) {
            QString text;
            const int length = int(random.bounded(40));
            for (int i = 0; i < length; ++i)
                text += QChar(alphabet.at(random.bounded(alphabet.size())));
            QString expected = QStringLiteral("[1,");
            JsonText::appendString(expected, text);
            QByteArray written = QByteArrayLiteral("[1,");
            JsonText::appendString(written, text);
            QCOMPARE(written, expected.toUtf8());
        }
        const QStringList values { QStringLiteral("équipe"), QStringLiteral("a\"b"), QString() };
        QCOMPARE(JsonText::stringArrayUtf8(values), JsonText::stringArray(values).toUtf8());
        QCOMPARE(JsonText::stringArrayUtf8({}), QByteArrayLiteral("[]"));
    }

    // Appended many times to one text, which grows as it must.
    void manyStringsAppendedToOneText()
    {
        QByteArray written;
        QString expected;
        for (int i = 0; i < 2000; ++i) {
            const QString value = QStringLiteral("key-%1 \"é\"").arg(i);
            JsonText::appendString(written, value);
            JsonText::appendString(expected, value);
        }
        QCOMPARE(written, expected.toUtf8());
    }

    void aStringIsQuotedAndAppended()
    {
        QString out = QStringLiteral("[1,");
        JsonText::appendString(out, u"say \"hi\"");
        QCOMPARE(out, QStringLiteral("[1,\"say \\\"hi\\\"\""));
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
