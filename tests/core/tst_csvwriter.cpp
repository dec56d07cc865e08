// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/CsvWriter.h"

#include <QBuffer>
#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace cairn::core;

namespace {

using Rows = QList<QStringList>;

QByteArray writeCsv(const Rows &rows, const CsvOptions &options = {})
{
    QByteArray out;
    QBuffer buffer(&out);
    if (!buffer.open(QIODevice::WriteOnly))
        return {};
    CsvWriter writer(buffer, options);
    for (const QStringList &row : rows) {
        if (const Status status = writer.writeRow(row); !status)
            qFatal("writeRow failed: %s", qPrintable(status.errorString()));
    }
    if (const Status status = writer.finish(); !status)
        qFatal("finish failed: %s", qPrintable(status.errorString()));
    return out;
}

CsvOptions withDelimiter(CsvOptions::Delimiter delimiter, bool bom = false)
{
    CsvOptions options;
    options.delimiter = delimiter;
    options.byteOrderMark = bom;
    return options;
}

// A device that swallows everything and remembers the largest single write: the writer's
// memory is bounded when the device is handed blocks of bounded size.
class CountingDevice final : public QIODevice
{
public:
    qint64 total = 0;
    qint64 largestWrite = 0;
    qint64 writes = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 len) override
    {
        total += len;
        largestWrite = std::max(largestWrite, len);
        ++writes;
        return len;
    }
};

// A device that refuses every write, as a full disk does.
class RefusingDevice final : public QIODevice
{
public:
protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64) override
    {
        setErrorString(QStringLiteral("No space left on device"));
        return -1;
    }
};

// The cells of a table that a strict reader must give back exactly.
Rows awkwardTable()
{
    return {
        { QStringLiteral("name"), QStringLiteral("note"), QStringLiteral("tags"), QStringLiteral("owner") },
        { QStringLiteral("comma, inside"), QStringLiteral("semi;colon"), QStringLiteral("tab\there"),
            QStringLiteral("quote \" inside") },
        { QStringLiteral("line\nfeed"), QStringLiteral("carriage\rreturn"), QStringLiteral("both\r\nends"),
            QStringLiteral("\"\"") },
        { QString(), QStringLiteral(""), QStringLiteral(" padded "), QStringLiteral("\"quoted\"") },
        { QStringLiteral("Amélie Poulain"), QStringLiteral("東京"), QStringLiteral("🚀 launch"),
            QStringLiteral("Ça va, l'équipe ? « oui »") },
        { QStringLiteral("=HYPERLINK(\"http://evil\",\"x\")"), QStringLiteral("+1+1"), QStringLiteral("-2+3"),
            QStringLiteral("@SUM(A1:A2)") },
        { QStringLiteral("\tTAB"), QStringLiteral("\rCR"), QStringLiteral("\nLF"), QStringLiteral("=a,b;c\td\"e") },
        { QStringLiteral("'already"), QStringLiteral("a=b"), QStringLiteral(" =1+1"), QStringLiteral("trailing,") },
    };
}

struct PythonParse
{
    bool available = false;
    QString error;
    Rows rows;
};

// Parses with Python's csv module in strict mode: a reader we did not write, so a
// quoting mistake on our side cannot be mirrored by the same mistake in the check.
PythonParse parseWithPython(const QByteArray &csv, const CsvOptions &options)
{
    PythonParse result;
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        return result;
    result.available = true;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size()) {
        result.error = QStringLiteral("could not write %1").arg(path);
        return result;
    }
    file.close();

    static const QString script
        = QStringLiteral("import csv, json, sys\n"
                         "path, delimiter, encoding = sys.argv[1], sys.argv[2], sys.argv[3]\n"
                         "csv.field_size_limit(1 << 30)\n"
                         "with open(path, newline='', encoding=encoding) as f:\n"
                         "    rows = list(csv.reader(f, delimiter=delimiter, quotechar='\"', doublequote=True,\n"
                         "                           skipinitialspace=False, strict=True))\n"
                         "sys.stdout.write(json.dumps(rows, ensure_ascii=True))\n");
    QProcess process;
    process.start(python,
        { QStringLiteral("-c"), script, path, QString(options.delimiterChar()),
            options.byteOrderMark ? QStringLiteral("utf-8-sig") : QStringLiteral("utf-8") });
    if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        result.error = QString::fromUtf8(process.readAllStandardError());
        return result;
    }
    const QJsonArray rows = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
    for (const QJsonValue row : rows) {
        QStringList fields;
        for (const QJsonValue field : row.toArray())
            fields.append(field.toString());
        result.rows.append(fields);
    }
    return result;
}

Rows neutralisedTable(const Rows &rows)
{
    Rows expected;
    for (const QStringList &row : rows) {
        QStringList fields;
        for (const QString &cell : row)
            fields.append(CsvWriter::neutralised(cell));
        expected.append(fields);
    }
    return expected;
}

const QList<QChar> formulaTriggers = { QLatin1Char('='), QLatin1Char('+'), QLatin1Char('-'), QLatin1Char('@'),
    QLatin1Char('\t'), QLatin1Char('\r'), QLatin1Char('\n') };

} // namespace

class TestCsvWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsEndWithCrlf()
    {
        const QByteArray csv = writeCsv({ { QStringLiteral("name"), QStringLiteral("owner") },
            { QStringLiteral("cairn"), QStringLiteral("team-a") } });
        QCOMPARE(csv, QByteArray("name,owner\r\ncairn,team-a\r\n"));
    }

    void fieldIsQuotedOnlyWhenItMustBe_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QByteArray>("written");
        QTest::newRow("plain") << QStringLiteral("plain text") << QByteArray("plain text");
        QTest::newRow("delimiter") << QStringLiteral("a,b") << QByteArray("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("only a quote") << QStringLiteral("\"") << QByteArray("\"\"\"\"");
        QTest::newRow("LF") << QStringLiteral("two\nlines") << QByteArray("\"two\nlines\"");
        QTest::newRow("CR") << QStringLiteral("two\rlines") << QByteArray("\"two\rlines\"");
        QTest::newRow("CRLF") << QStringLiteral("two\r\nlines") << QByteArray("\"two\r\nlines\"");
        QTest::newRow("other delimiters") << QStringLiteral("a;b\tc") << QByteArray("a;b\tc");
        QTest::newRow("spaces kept") << QStringLiteral("  a  ") << QByteArray("  a  ");
        QTest::newRow("apostrophe") << QStringLiteral("l'équipe") << QByteArray("l'\xC3\xA9quipe");
    }
    void fieldIsQuotedOnlyWhenItMustBe()
    {
        QFETCH(QString, field);
        QFETCH(QByteArray, written);
        const QByteArray csv = writeCsv({ { QStringLiteral("x"), field, QStringLiteral("y") } });
        QCOMPARE(csv, QByteArray("x,") + written + QByteArray(",y\r\n"));
    }

    void eachDelimiterQuotesOnlyItself_data()
    {
        QTest::addColumn<int>("delimiter");
        QTest::addColumn<QByteArray>("written");
        // Cells: "a,b" "c;d" "e<TAB>f" — only the chosen delimiter forces quotes.
        QTest::newRow("comma") << int(CsvOptions::Delimiter::Comma) << QByteArray("\"a,b\",c;d,e\tf\r\n");
        QTest::newRow("semicolon") << int(CsvOptions::Delimiter::Semicolon) << QByteArray("a,b;\"c;d\";e\tf\r\n");
        QTest::newRow("tab") << int(CsvOptions::Delimiter::Tab) << QByteArray("a,b\tc;d\t\"e\tf\"\r\n");
    }
    void eachDelimiterQuotesOnlyItself()
    {
        QFETCH(int, delimiter);
        QFETCH(QByteArray, written);
        const auto options = withDelimiter(static_cast<CsvOptions::Delimiter>(delimiter));
        QCOMPARE(
            writeCsv({ { QStringLiteral("a,b"), QStringLiteral("c;d"), QStringLiteral("e\tf") } }, options), written);
    }

    void delimiterParsesFromCommandLineText()
    {
        QCOMPARE(CsvOptions::parseDelimiter(u",").value(), CsvOptions::Delimiter::Comma);
        QCOMPARE(CsvOptions::parseDelimiter(u";").value(), CsvOptions::Delimiter::Semicolon);
        QCOMPARE(CsvOptions::parseDelimiter(u"tab").value(), CsvOptions::Delimiter::Tab);
        QCOMPARE(CsvOptions::parseDelimiter(u"\t").value(), CsvOptions::Delimiter::Tab);
        const auto bad = CsvOptions::parseDelimiter(u"|");
        QVERIFY(!bad);
        QVERIFY2(bad.errorString().contains(u"\"|\""), qPrintable(bad.errorString()));
    }

    void byteOrderMarkOnlyWhenAsked()
    {
        const Rows rows = { { QStringLiteral("Amélie") } };
        const QByteArray bom("\xEF\xBB\xBF");
        const QByteArray with = writeCsv(rows, withDelimiter(CsvOptions::Delimiter::Comma, true));
        QCOMPARE(with, bom + QByteArray("Am\xC3\xA9lie\r\n"));
        const QByteArray without = writeCsv(rows, withDelimiter(CsvOptions::Delimiter::Comma, false));
        QCOMPARE(without, QByteArray("Am\xC3\xA9lie\r\n"));
        // Even with no row at all, a BOM-asked file starts with it, once.
        QCOMPARE(writeCsv({}, withDelimiter(CsvOptions::Delimiter::Semicolon, true)), bom);
        QCOMPARE(writeCsv({}), QByteArray());
    }

    void emptyAndNullValuesAreEmptyFields()
    {
        QCOMPARE(writeCsv({ { QString(), QStringLiteral(""), QString() } }), QByteArray(",,\r\n"));
        // A record of one empty field must not read back as a blank line (no record).
        QCOMPARE(writeCsv({ { QStringLiteral("h") }, { QString() }, { QStringLiteral("") } }),
            QByteArray("h\r\n\"\"\r\n\"\"\r\n"));

        QByteArray out;
        QBuffer buffer(&out);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        CsvWriter writer(buffer);
        QVERIFY(writer.writeValues({ QVariant(), QVariant(QString()), QVariant(QDate()), QVariant(QDateTime()),
            QVariant(QStringList()), QVariant(0) }));
        QVERIFY(writer.finish());
        QCOMPARE(out, QByteArray(",,,,,0\r\n"));
    }

    void nonAsciiIsUtf8()
    {
        const QByteArray csv = writeCsv({ { QStringLiteral("Amélie"), QStringLiteral("東京"), QStringLiteral("🚀") } });
        QCOMPARE(csv, QByteArray("Am\xC3\xA9lie,\xE6\x9D\xB1\xE4\xBA\xAC,\xF0\x9F\x9A\x80\r\n"));
    }

    void formulaTriggersAreNeutralisedInEveryColumn()
    {
        const int columns = 4;
        for (const QChar trigger : formulaTriggers) {
            for (int column = 0; column < columns; ++column) {
                QStringList row(columns, QStringLiteral("ok"));
                row[column] = trigger + QStringLiteral("cmd|' /C calc'!A0");
                const QByteArray csv = writeCsv({ row, row }); // as header and as data
                QByteArray cell = QByteArray("'") + QString(trigger).toUtf8() + QByteArray("cmd|' /C calc'!A0");
                if (trigger == QLatin1Char('\r') || trigger == QLatin1Char('\n'))
                    cell = '"' + cell + '"';
                QByteArray record;
                for (int i = 0; i < columns; ++i)
                    record += (i ? QByteArray(",") : QByteArray()) + (i == column ? cell : QByteArray("ok"));
                record += "\r\n";
                QVERIFY2(csv == record + record,
                    qPrintable(QStringLiteral("trigger U+%1 in column %2: %3")
                                   .arg(trigger.unicode(), 4, 16, QLatin1Char('0'))
                                   .arg(column)
                                   .arg(QString::fromUtf8(csv.toPercentEncoding()))));
            }
        }
    }

    void neutralisedCellIsQuotedWhenItNeedsIt()
    {
        // The leading ' comes first, then the usual quoting of what the cell contains.
        QCOMPARE(writeCsv({ { QStringLiteral("=a,\"b\"") } }), QByteArray("\"'=a,\"\"b\"\"\"\r\n"));
        // Tab starts a formula and, with tab as delimiter, also needs quotes.
        QCOMPARE(writeCsv({ { QStringLiteral("\tx") } }, withDelimiter(CsvOptions::Delimiter::Tab)),
            QByteArray("\"'\tx\"\r\n"));
    }

    void harmlessCellsAreLeftAlone_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::newRow("inner =") << QStringLiteral("a=b");
        QTest::newRow("leading space") << QStringLiteral(" =1+1");
        QTest::newRow("apostrophe") << QStringLiteral("'quoted");
        QTest::newRow("number") << QStringLiteral("42");
        QTest::newRow("empty") << QString();
    }
    void harmlessCellsAreLeftAlone()
    {
        QFETCH(QString, cell);
        QVERIFY(!CsvWriter::startsFormula(cell));
        QCOMPARE(CsvWriter::neutralised(cell), cell);
        QCOMPARE(writeCsv({ { cell, QStringLiteral("x") } }), cell.toUtf8() + QByteArray(",x\r\n"));
    }

    void megabyteField()
    {
        QString big;
        big.reserve(1 << 20);
        const QString chunk = QStringLiteral("Amélie \"東京\" 🚀,\r\n;\t");
        while (big.size() < (1 << 20))
            big += chunk;
        const QString cell = QStringLiteral("=") + big;
        const QByteArray csv = writeCsv({ { QStringLiteral("a"), QStringLiteral("b") }, { cell, big } });

        QByteArray inner = big.toUtf8();
        inner.replace('"', QByteArray("\"\""));
        const QByteArray expected
            = QByteArray("a,b\r\n\"'=") + inner + QByteArray("\",\"") + inner + QByteArray("\"\r\n");
        QCOMPARE(csv.size(), expected.size());
        QVERIFY(csv == expected);

        const PythonParse parsed = parseWithPython(csv, {});
        if (!parsed.available)
            QSKIP("python3 is not installed");
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.rows.size(), 2);
        QVERIFY(parsed.rows[1] == (QStringList { QStringLiteral("'") + cell, big }));
    }

    void formatsValuesForCells()
    {
        QCOMPARE(CsvWriter::formatValue(QDate(2024, 2, 29)), QStringLiteral("2024-02-29"));
        QCOMPARE(CsvWriter::formatValue(QDateTime(QDate(2024, 5, 1), QTime(12, 30, 5), Qt::UTC)),
            QStringLiteral("2024-05-01T12:30:05Z"));
        QCOMPARE(CsvWriter::formatValue(QDateTime(QDate(2024, 5, 1), QTime(12, 30, 5, 250), Qt::UTC)),
            QStringLiteral("2024-05-01T12:30:05.250Z"));
        QCOMPARE(CsvWriter::formatValue(QDateTime(QDate(2024, 5, 1), QTime(12, 30), Qt::OffsetFromUTC, 2 * 3600)),
            QStringLiteral("2024-05-01T12:30:00+02:00"));
        QCOMPARE(
            CsvWriter::formatValue(QDateTime(QDate(2024, 1, 1), QTime(9, 0), Qt::OffsetFromUTC, -(5 * 3600 + 1800))),
            QStringLiteral("2024-01-01T09:00:00-05:30"));
        // Local time carries its offset, so the value means the same instant everywhere.
        const QDateTime local(QDate(2024, 5, 1), QTime(12, 30), Qt::LocalTime);
        const QString localText = CsvWriter::formatValue(local);
        QVERIFY2(QRegularExpression(QStringLiteral("^2024-05-01T12:30:00([+-]\\d\\d:\\d\\d|Z)$"))
                     .match(localText)
                     .hasMatch(),
            qPrintable(localText));
        QCOMPARE(QDateTime::fromString(localText, Qt::ISODate).toMSecsSinceEpoch(), local.toMSecsSinceEpoch());

        QCOMPARE(CsvWriter::formatValue(QTime(8, 5, 3)), QStringLiteral("08:05:03"));
        QCOMPARE(CsvWriter::formatValue(QStringList { QStringLiteral("team-a"), QStringLiteral("team-b") }),
            QStringLiteral("team-a; team-b"));
        QCOMPARE(CsvWriter::formatValue(QVariantList { QDate(2024, 1, 2), QStringLiteral("x"), 3 }),
            QStringLiteral("2024-01-02; x; 3"));
        QCOMPARE(CsvWriter::formatValue(1.5), QStringLiteral("1.5"));
        QCOMPARE(CsvWriter::formatValue(true), QStringLiteral("true"));
        QCOMPARE(CsvWriter::formatValue(-7), QStringLiteral("-7"));
        QCOMPARE(CsvWriter::formatValue(QVariant()), QString());
    }

    void raggedRecordIsAnError()
    {
        QByteArray out;
        QBuffer buffer(&out);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        CsvWriter writer(buffer);
        QVERIFY(writer.writeRow(QStringList { QStringLiteral("a"), QStringLiteral("b") }));
        const Status status = writer.writeRow(QStringList { QStringLiteral("only one") });
        QVERIFY(!status);
        QVERIFY2(status.errorString().contains(u"record 2"), qPrintable(status.errorString()));
        QVERIFY(!writer.finish());
    }

    void writeFailureIsReportedAndKept()
    {
        RefusingDevice device;
        QVERIFY(device.open(QIODevice::WriteOnly));
        CsvWriter writer(device);
        // Buffered: a small row may not reach the device yet, but finish() must fail.
        Status status = writer.writeRow(QStringList { QStringLiteral("a") });
        status = writer.finish();
        QVERIFY(!status);
        QVERIFY2(status.errorString().contains(u"No space left on device"), qPrintable(status.errorString()));
        // The first failure sticks: nothing later pretends to have succeeded.
        QVERIFY(!writer.writeRow(QStringList { QStringLiteral("b") }));
        QVERIFY(!writer.finish());
        QCOMPARE(writer.status().errorString(), status.errorString());

        // A large row fails as soon as it is handed over, not only at finish().
        RefusingDevice device2;
        QVERIFY(device2.open(QIODevice::WriteOnly));
        CsvWriter writer2(device2);
        QVERIFY(!writer2.writeRow(QStringList { QString(200'000, QLatin1Char('x')) }));
    }

    void deviceNotOpenIsAnError()
    {
        QBuffer closed;
        CsvWriter writer(closed);
        const Status status = writer.writeRow(QStringList { QStringLiteral("a") });
        QVERIFY(!status);
        QVERIFY(status.errorString().contains(u"not open"));
    }

    void strictParserReadsEveryFieldBack_data()
    {
        QTest::addColumn<int>("delimiter");
        QTest::addColumn<bool>("bom");
        for (const auto &[name, delimiter] : { std::pair { "comma", CsvOptions::Delimiter::Comma },
                 std::pair { "semicolon", CsvOptions::Delimiter::Semicolon },
                 std::pair { "tab", CsvOptions::Delimiter::Tab } }) {
            QTest::addRow("%s", name) << int(delimiter) << false;
            QTest::addRow("%s+bom", name) << int(delimiter) << true;
        }
    }
    void strictParserReadsEveryFieldBack()
    {
        QFETCH(int, delimiter);
        QFETCH(bool, bom);
        const CsvOptions options = withDelimiter(static_cast<CsvOptions::Delimiter>(delimiter), bom);
        Rows table = awkwardTable();
        // Every trigger in every column, as a data row.
        for (const QChar trigger : formulaTriggers) {
            QStringList row;
            for (int column = 0; column < 4; ++column)
                row.append(trigger + QStringLiteral("x%1").arg(column));
            table.append(row);
        }
        const QByteArray csv = writeCsv(table, options);
        QVERIFY(csv.endsWith("\r\n"));

        const PythonParse parsed = parseWithPython(csv, options);
        if (!parsed.available)
            QSKIP("python3 is not installed");
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        const Rows expected = neutralisedTable(table);
        QCOMPARE(parsed.rows.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(parsed.rows[i], expected[i]);
        // The check is not vacuous: formula cells do come back with their leading '.
        QCOMPARE(parsed.rows[5][0], QStringLiteral("'=HYPERLINK(\"http://evil\",\"x\")"));
    }

    void manyRowsInConstantMemory()
    {
        // 100,000 rows x 8 columns, the size the export issue asks to be fast.
        CountingDevice device;
        QVERIFY(device.open(QIODevice::WriteOnly));
        QList<QStringList> samples;
        for (int i = 0; i < 97; ++i) {
            samples.append({ QStringLiteral("component-%1").arg(i), QStringLiteral("Service number %1").arg(i),
                QStringLiteral("team-%1").arg(i % 7), QStringLiteral("production"), QStringLiteral("service"),
                QStringLiteral("2024-01-%1").arg(i % 28 + 1, 2, 10, QLatin1Char('0')), QStringLiteral("java; backend"),
                QStringLiteral("Owner, with comma") });
        }
        QElapsedTimer timer;
        timer.start();
        CsvWriter writer(device);
        for (int row = 0; row < 100'000; ++row)
            QVERIFY(writer.writeRow(samples[row % samples.size()]));
        QVERIFY(writer.finish());
        const qint64 ms = timer.elapsed();
        qInfo("100000 rows x 8 columns: %lld bytes in %lld ms, %lld device writes", device.total, ms, device.writes);

        QCOMPARE(writer.rowsWritten(), 100'000);
        QCOMPARE(writer.bytesWritten(), device.total);
        QVERIFY(device.total > 5'000'000);
        // Bounded blocks: the writer never holds the whole output.
        QVERIFY2(device.largestWrite <= 128 * 1024, qPrintable(QString::number(device.largestWrite)));
        QVERIFY(device.writes >= device.total / (128 * 1024));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
