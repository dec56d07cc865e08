// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/CatalogFileReader.h"
#include "sync/YamlToJson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace cairn::sync;

namespace {

QString dataFile(const QString &name)
{
    return QStringLiteral(CAIRN_TEST_DATA_DIR "/catalog/") + name;
}

QString nameOf(const CatalogDocument &document)
{
    return document.object().value(u"metadata").toObject().value(u"name").toString();
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(content);
}

} // namespace

class TestCatalogFileReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void multiDocumentYamlHasLinesPerDocument()
    {
        const CatalogFileContents contents = CatalogFileReader::read(dataFile(QStringLiteral("multi.yaml")));
        QVERIFY(contents.problems.isEmpty());
        QCOMPARE(contents.documents.size(), 3);
        QCOMPARE(nameOf(contents.documents.at(0)), QStringLiteral("lighthouse"));
        QCOMPARE(contents.documents.at(0).origin.line, 3);
        QCOMPARE(contents.documents.at(1).origin.line, 11);
        // After its `---`, a comment and a blank line: the document starts where its content does.
        QCOMPARE(nameOf(contents.documents.at(2)), QStringLiteral("beacon-api"));
        QCOMPARE(contents.documents.at(2).origin.line, 20);
        QCOMPARE(contents.documents.at(2).origin.file, dataFile(QStringLiteral("multi.yaml")));
        // An indented `---` inside a block scalar is text, not a document marker.
        const QString description
            = contents.documents.at(2).object().value(u"metadata").toObject().value(u"description").toString();
        QVERIFY2(description.contains(QStringLiteral("\n---\n")), qPrintable(description));
    }

    void scalarsKeepTheirYamlType()
    {
        const CatalogFileContents contents = CatalogFileReader::read(dataFile(QStringLiteral("scalars.yaml")));
        QVERIFY(contents.problems.isEmpty());
        QCOMPARE(contents.documents.size(), 1);
        const QJsonObject spec = contents.documents.first().object().value(u"spec").toObject();
        QCOMPARE(spec.value(u"plainTrue"), QJsonValue(true));
        QCOMPARE(spec.value(u"quotedTrue"), QJsonValue(QStringLiteral("true")));
        QCOMPARE(spec.value(u"plainFalse"), QJsonValue(false));
        QCOMPARE(spec.value(u"plainFloat"), QJsonValue(1.5));
        QCOMPARE(spec.value(u"quotedFloat"), QJsonValue(QStringLiteral("1.5")));
        QCOMPARE(spec.value(u"singleQuoted"), QJsonValue(QStringLiteral("42")));
        QCOMPARE(spec.value(u"plainInt").type(), QJsonValue::Double);
        QCOMPARE(spec.value(u"plainInt").toInteger(), 42);
        QCOMPARE(spec.value(u"negative").toInteger(), -7);
        QCOMPARE(spec.value(u"hex").toInteger(), 31);
        QCOMPARE(spec.value(u"date"), QJsonValue(QStringLiteral("2026-01-01")));
        QCOMPARE(spec.value(u"version"), QJsonValue(QStringLiteral("1.2.3")));
        // YAML 1.2, as Backstage reads it: `yes` is a word, not a boolean.
        QCOMPARE(spec.value(u"yes"), QJsonValue(QStringLiteral("yes")));
        QVERIFY(spec.value(u"nothing").isNull());
        QVERIFY(spec.value(u"tilde").isNull());
        QVERIFY(spec.value(u"empty").isNull());
        QCOMPARE(spec.value(u"taggedString"), QJsonValue(QStringLiteral("12")));
        QCOMPARE(spec.value(u"literal"), QJsonValue(QStringLiteral("true\n")));
        QCOMPARE(spec.value(u"infinity"), QJsonValue(QStringLiteral(".inf")));
        const QJsonObject progress = spec.value(u"progress").toObject();
        QCOMPARE(progress.value(u"current"), QJsonValue(3.1));
        QCOMPARE(progress.value(u"unit"), QJsonValue(QStringLiteral("%")));
    }

    void yamlSyntaxErrorCostsOnlyItsDocument()
    {
        const QByteArray text = "kind: Group\n" // 1
                                "metadata: {name: a}\n" // 2
                                "---\n" // 3
                                "kind: Group\n" // 4
                                "metadata: {name: [b\n" // 5  unclosed flow sequence
                                "---\n" // 6
                                "kind: Group\n" // 7
                                "metadata: {name: c}\n"; // 8
        const YamlParseResult result = YamlToJson::parse(text);
        QCOMPARE(result.documents.size(), 2);
        QCOMPARE(result.documents.at(0).line, 1);
        QCOMPARE(result.documents.at(1).line, 7);
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.first().line >= 4 && result.errors.first().line <= 6,
            qPrintable(QString::number(result.errors.first().line)));
        QVERIFY(!result.errors.first().message.isEmpty());
    }

    void yamlErrorOnAKnownLine()
    {
        const QByteArray text = "# c\n"
                                "kind: Group\n"
                                "metadata:\n"
                                "  name: x\n"
                                "   bad: indentation\n";
        const YamlParseResult result = YamlToJson::parse(text);
        QCOMPARE(result.documents.size(), 0);
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors.first().line, 5);
    }

    void duplicateKeysAreAnError()
    {
        const YamlParseResult result = YamlToJson::parse("kind: Group\nmetadata: {name: x}\nkind: User\n");
        QCOMPARE(result.documents.size(), 0);
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors.first().line, 3);
        QVERIFY(result.errors.first().message.contains(QStringLiteral("kind")));
    }

    void aliasBombIsStopped()
    {
        QByteArray text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (char level = 'b'; level <= 'h'; ++level) {
            const char previous = char(level - 1);
            text += QByteArray(1, level) + ": &" + QByteArray(1, level) + " [";
            for (int i = 0; i < 10; ++i)
                text += (i ? ", *" : "*") + QByteArray(1, previous);
            text += "]\n";
        }
        const YamlParseResult result = YamlToJson::parse(text);
        QCOMPARE(result.documents.size(), 0);
        QCOMPARE(result.errors.size(), 1);
    }

    // Broken JSON-like text read as YAML made yaml-cpp report empty documents for ever (the
    // import hung); found by tests/fuzz, whose input this is.
    void aParserThatStopsMovingIsAnError()
    {
        QFile file(QStringLiteral(CAIRN_SOURCE_DIR "/tests/fuzz/regressions/catalogfile/yaml-parser-stalls"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const YamlParseResult result = YamlToJson::parse(file.readAll());
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.first().message.contains(u"cannot be read as YAML from here on"),
            qPrintable(result.errors.first().message));
    }

    void aliasesAndKeysReadAsWritten()
    {
        const QByteArray text = "kind: Component\n"
                                "metadata:\n"
                                "  name: &n payments\n"
                                "  labels: &l {tier: '1', 012: octal-looking key}\n"
                                "  annotations:\n"
                                "    *n : the key is the anchored text\n"
                                "    ? [a, b]\n"
                                "    : a list as a key\n"
                                "    ? {x: 1}\n"
                                "    : a mapping as a key\n"
                                "    ~: a null key\n"
                                "spec:\n"
                                "  owner: *n\n"
                                "  copy: *l\n";
        const YamlParseResult result = YamlToJson::parse(text);
        QVERIFY(result.errors.isEmpty());
        QCOMPARE(result.documents.size(), 1);
        const QJsonObject root = result.documents.first().value.toObject();
        const QJsonObject metadata = root.value(u"metadata").toObject();
        const QJsonObject labels = metadata.value(u"labels").toObject();
        QCOMPARE(labels.value(u"012"), QJsonValue(QStringLiteral("octal-looking key")));
        QCOMPARE(labels.value(u"tier"), QJsonValue(QStringLiteral("1")));
        const QJsonObject annotations = metadata.value(u"annotations").toObject();
        QCOMPARE(annotations.value(u"payments"), QJsonValue(QStringLiteral("the key is the anchored text")));
        QCOMPARE(annotations.value(u"[\"a\",\"b\"]"), QJsonValue(QStringLiteral("a list as a key")));
        QCOMPARE(annotations.value(u"{\"x\":1}"), QJsonValue(QStringLiteral("a mapping as a key")));
        QCOMPARE(annotations.value(u"null"), QJsonValue(QStringLiteral("a null key")));
        QCOMPARE(annotations.size(), 4);
        const QJsonObject spec = root.value(u"spec").toObject();
        QCOMPARE(spec.value(u"owner"), QJsonValue(QStringLiteral("payments")));
        QCOMPARE(spec.value(u"copy").toObject(), labels);
    }

    void aMappingOfManyKeysIsReadWhole()
    {
        // 50,000 keys written out of order: all read, each with its value. (A quadratic
        // build took minutes for 300,000; the speed is bench material, the result is not.)
        QByteArray text = "kind: Component\nmetadata:\n  name: many\n  annotations:\n";
        constexpr int keys = 50'000;
        for (int i = keys - 1; i >= 0; --i)
            text += "    key-" + QByteArray::number(i) + ": value " + QByteArray::number(i) + "\n";
        text += "    key-777: again\n";
        YamlParseResult result = YamlToJson::parse(text);
        QCOMPARE(result.documents.size(), 0);
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors.first().line, 5 + keys);
        QVERIFY(result.errors.first().message.contains(u"key-777"));

        text.chop(QByteArrayLiteral("    key-777: again\n").size());
        result = YamlToJson::parse(text);
        QVERIFY(result.errors.isEmpty());
        const QJsonObject annotations
            = result.documents.first().value.toObject().value(u"metadata").toObject().value(u"annotations").toObject();
        QCOMPARE(annotations.size(), keys);
        QCOMPARE(annotations.value(u"key-0"), QJsonValue(QStringLiteral("value 0")));
        QCOMPARE(annotations.value(u"key-49999"), QJsonValue(QStringLiteral("value 49999")));
    }

    void emptyDocumentsAreSkipped()
    {
        const YamlParseResult result = YamlToJson::parse("---\n# nothing\n---\nkind: Group\n---\n...\n");
        QVERIFY(result.errors.isEmpty());
        QCOMPARE(result.documents.size(), 1);
        QCOMPARE(result.documents.first().line, 4);
    }

    void jsonSingleEntity()
    {
        const CatalogFileContents contents = CatalogFileReader::read(dataFile(QStringLiteral("single.json")));
        QVERIFY(contents.problems.isEmpty());
        QCOMPARE(contents.documents.size(), 1);
        QCOMPARE(nameOf(contents.documents.first()), QStringLiteral("json-single"));
        QCOMPARE(contents.documents.first().origin.line, 1);
    }

    void jsonArrayGivesEachEntityItsLine()
    {
        const CatalogFileContents contents = CatalogFileReader::read(dataFile(QStringLiteral("array.json")));
        QVERIFY(contents.problems.isEmpty());
        QCOMPARE(contents.documents.size(), 3);
        QCOMPARE(nameOf(contents.documents.at(0)), QStringLiteral("json-array-one"));
        QCOMPARE(contents.documents.at(0).origin.line, 2);
        QCOMPARE(contents.documents.at(1).origin.line, 8);
        QCOMPARE(nameOf(contents.documents.at(2)), QStringLiteral("json-array-three"));
        QCOMPARE(contents.documents.at(2).origin.line, 11);
    }

    void jsonItemsObject()
    {
        const CatalogFileContents contents = CatalogFileReader::read(dataFile(QStringLiteral("items.json")));
        QVERIFY(contents.problems.isEmpty());
        QCOMPARE(contents.documents.size(), 2);
        QCOMPARE(nameOf(contents.documents.at(0)), QStringLiteral("items-one"));
        QCOMPARE(contents.documents.at(0).origin.line, 5);
        QCOMPARE(nameOf(contents.documents.at(1)), QStringLiteral("items-two"));
        QCOMPARE(contents.documents.at(1).origin.line, 6);
    }

    void jsonSyntaxErrorHasLine()
    {
        const CatalogFileContents contents
            = CatalogFileReader::parse("[\n  {\"kind\": \"Group\"},\n  {\"kind\" \"User\"}\n]\n",
                QStringLiteral("x.json"), CatalogFileReader::Format::Json);
        QCOMPARE(contents.documents.size(), 0);
        QCOMPARE(contents.problems.size(), 1);
        QCOMPARE(contents.problems.first().origin.file, QStringLiteral("x.json"));
        QCOMPARE(contents.problems.first().origin.line, 3);
    }

    void ndjsonBadLineIsReportedAndTheRestRead()
    {
        const CatalogFileContents contents = CatalogFileReader::read(dataFile(QStringLiteral("entities.ndjson")));
        QCOMPARE(contents.documents.size(), 3);
        QCOMPARE(nameOf(contents.documents.at(0)), QStringLiteral("nd-one"));
        QCOMPARE(contents.documents.at(0).origin.line, 1);
        QCOMPARE(contents.documents.at(1).origin.line, 3); // line 2 is blank
        QCOMPARE(nameOf(contents.documents.at(2)), QStringLiteral("nd-three"));
        QCOMPARE(contents.documents.at(2).origin.line, 5);
        QCOMPARE(contents.problems.size(), 1);
        QCOMPARE(contents.problems.first().origin.line, 4);
    }

    void folderSearchIsRecursiveSortedAndSkipsHidden()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.path();
        writeFile(root + QStringLiteral("/b.yaml"), "kind: Group\n");
        writeFile(root + QStringLiteral("/a/deep/c.json"), "{}");
        writeFile(root + QStringLiteral("/a/list.jsonl"), "{}");
        writeFile(root + QStringLiteral("/a/notes.txt"), "not a catalog file");
        writeFile(root + QStringLiteral("/A.YML"), "kind: Group\n");
        writeFile(root + QStringLiteral("/.git/config.yaml"), "kind: Group\n");
        writeFile(root + QStringLiteral("/.hidden.yaml"), "kind: Group\n");
        writeFile(root + QStringLiteral("/node_modules/pkg/package.json"), "{}");
        const QStringList files = CatalogFileReader::filesInFolder(root);
        const QStringList expected { root + QStringLiteral("/A.YML"), root + QStringLiteral("/a/deep/c.json"),
            root + QStringLiteral("/a/list.jsonl"), root + QStringLiteral("/b.yaml") };
        QCOMPARE(files, expected);
    }

    void resourcePathsReadLikeFiles()
    {
        const QStringList files = CatalogFileReader::filesInFolder(QStringLiteral(":/sample"));
        QVERIFY(!files.isEmpty());
        QVERIFY(files.contains(QStringLiteral(":/sample/org.yaml")));
        const CatalogFileContents contents = CatalogFileReader::read(QStringLiteral(":/sample/org.yaml"));
        QVERIFY(contents.problems.isEmpty());
        QVERIFY(!contents.documents.isEmpty());
        QCOMPARE(contents.documents.first().origin.file, QStringLiteral(":/sample/org.yaml"));
        QVERIFY(contents.documents.first().origin.line > 0);
    }

    void unreadableFileIsAProblem()
    {
        const CatalogFileContents contents = CatalogFileReader::read(dataFile(QStringLiteral("does-not-exist.yaml")));
        QCOMPARE(contents.documents.size(), 0);
        QCOMPARE(contents.problems.size(), 1);
        QCOMPARE(contents.problems.first().origin.file, dataFile(QStringLiteral("does-not-exist.yaml")));
    }

    // A link to /dev/zero would be read until memory runs out; a FIFO would wait for a
    // writer forever. Neither is opened: each is a problem of its own file.
    void specialFilesAreNotRead()
    {
        QTemporaryDir dir;
        const QString zero = dir.filePath(QStringLiteral("zero.yaml"));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), zero));
        const QString fifo = dir.filePath(QStringLiteral("fifo.yaml"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        for (const QString &path : { zero, fifo }) {
            const CatalogFileContents contents = CatalogFileReader::read(path);
            QVERIFY(contents.documents.isEmpty());
            QCOMPARE(contents.problems.size(), 1);
            QVERIFY2(contents.problems.first().message.startsWith(u"not a regular file"),
                qPrintable(contents.problems.first().message));
            QCOMPARE(contents.problems.first().origin.file, path);
        }
    }

    // The limit on one file: 256 MiB unless CAIRN_MAX_FILE_MB says otherwise; a file over it
    // is refused unread, with the way to raise it.
    void aFileOverTheLimitIsRefused()
    {
        QCOMPARE(CatalogFileReader::maxFileSize(), CatalogFileReader::DefaultMaxFileSize);
        QTemporaryDir dir;
        const QString big = dir.filePath(QStringLiteral("big.yaml"));
        QByteArray yaml("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: big\n"
                        "  description: ");
        yaml += QByteArray(2 * 1024 * 1024, 'x') + "\nspec: {type: service, lifecycle: production, owner: a}\n";
        writeFile(big, yaml);
        QCOMPARE(CatalogFileReader::read(big).documents.size(), 1);

        qputenv("CAIRN_MAX_FILE_MB", "1");
        const auto restore = qScopeGuard([] { qunsetenv("CAIRN_MAX_FILE_MB"); });
        QCOMPARE(CatalogFileReader::maxFileSize(), qint64(1024 * 1024));
        const CatalogFileContents contents = CatalogFileReader::read(big);
        QVERIFY(contents.documents.isEmpty());
        QCOMPARE(contents.problems.size(), 1);
        QVERIFY2(contents.problems.first().message.startsWith(u"the file is larger than 1 MiB"),
            qPrintable(contents.problems.first().message));
        QVERIFY2(contents.problems.first().message.contains(u"CAIRN_MAX_FILE_MB"),
            qPrintable(contents.problems.first().message));

        qputenv("CAIRN_MAX_FILE_MB", "lots"); // nonsense is ignored, not a limit of 0
        QCOMPARE(CatalogFileReader::maxFileSize(), CatalogFileReader::DefaultMaxFileSize);
    }

    // 10,000 levels of YAML nesting: yaml-cpp's guard calls it "bad file"; it is said as
    // what it is, as JSON says "too deeply nested".
    void deepNestingIsSaidAsSuch()
    {
        const QByteArray yaml
            = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: deep\nspec:\n  x: "
            + QByteArray(10000, '[') + QByteArray(10000, ']') + '\n';
        const CatalogFileContents contents
            = CatalogFileReader::parse(yaml, QStringLiteral("deep.yaml"), CatalogFileReader::Format::Yaml);
        QVERIFY(contents.documents.isEmpty());
        QCOMPARE(contents.problems.size(), 1);
        QVERIFY2(contents.problems.first().message.contains(u"nested too deeply (more than 256 levels)"),
            qPrintable(contents.problems.first().message));
        QVERIFY2(
            !contents.problems.first().message.contains(u"bad file"), qPrintable(contents.problems.first().message));
    }

    // A binary file is said to be one (it read as "unknown escape character" or a string);
    // Latin-1 bytes are kept as U+FFFD, and the reader is told on which line.
    void binaryAndNonUtf8FilesAreSaidAsSuch()
    {
        QByteArray binary;
        for (int i = 0; i < 1024; ++i)
            binary.append(char(i % 256));
        const CatalogFileContents refused
            = CatalogFileReader::parse(binary, QStringLiteral("blob.yaml"), CatalogFileReader::Format::Yaml);
        QVERIFY(refused.documents.isEmpty());
        QCOMPARE(refused.problems.size(), 1);
        QVERIFY2(refused.problems.first().message.startsWith(u"the file is not UTF-8 text (it holds NUL bytes"),
            qPrintable(refused.problems.first().message));

        const QByteArray latin1 = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: cafe\n"
                                  "  description: caf\xe9\nspec: {type: service, lifecycle: production, owner: a}\n";
        const CatalogFileContents kept
            = CatalogFileReader::parse(latin1, QStringLiteral("cafe.yaml"), CatalogFileReader::Format::Yaml);
        QCOMPARE(kept.documents.size(), 1);
        QVERIFY(kept.problems.isEmpty());
        QCOMPARE(kept.notes.size(), 1);
        QCOMPARE(kept.notes.first().origin.line, 5);
        QVERIFY2(kept.notes.first().message.contains(u"not UTF-8"), qPrintable(kept.notes.first().message));
    }

    // `name: "unclosed` runs on through `spec:`: the entity is refused for other reasons, and
    // the note says what is likely wrong. A value quoted over several lines on purpose, or
    // closed on its line, gets no note.
    void anUnclosedQuoteIsPointedAt()
    {
        const QByteArray unclosed = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n"
                                    "  name: \"checkout\nspec:\n  type: service\n";
        const CatalogFileContents contents
            = CatalogFileReader::parse(unclosed, QStringLiteral("q.yaml"), CatalogFileReader::Format::Yaml);
        QCOMPARE(contents.notes.size(), 1);
        QCOMPARE(contents.notes.first().origin.line, 4);
        QVERIFY2(
            contents.notes.first().message.contains(u"is never closed"), qPrintable(contents.notes.first().message));

        const QByteArray fine = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n"
                                "  description: \"a long text\n    over two lines\"\n  title: 'it''s: fine'\n"
                                "spec: {type: service, lifecycle: production, owner: a}\n";
        const CatalogFileContents quiet
            = CatalogFileReader::parse(fine, QStringLiteral("f.yaml"), CatalogFileReader::Format::Yaml);
        QCOMPARE(quiet.documents.size(), 1);
        QVERIFY(quiet.notes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCatalogFileReader)
#include "tst_catalogfilereader.moc"
