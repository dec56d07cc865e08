// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "sync/CatalogExporter.h"
#include "sync/CatalogImporter.h"
#include "sync/YamlToJson.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
using namespace cairn::sync;

class TestCatalogExporter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<cache::Cache> m_cache;
    QList<QJsonObject> m_liveDocuments; // as delivered, in export order (kind, name)

    static QJsonObject json(const char *text) { return QJsonDocument::fromJson(QByteArray(text)).object(); }

    static core::SourcedEntity sourced(const QJsonObject &document)
    {
        return core::SourcedEntity { core::Entity(document), core::DocumentOrigin { QStringLiteral("test.yaml"), 1 } };
    }

    QByteArray yamlOf(const CatalogExportOptions &options)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        core::Result<qint64> n = CatalogExporter(*m_cache).writeYaml(buffer, options);
        return n ? buffer.data() : QByteArray();
    }

    static QList<QJsonObject> parseYaml(const QByteArray &yaml)
    {
        const YamlParseResult parsed = YamlToJson::parse(yaml);
        QList<QJsonObject> out;
        for (const YamlError &error : parsed.errors)
            qWarning("YAML error line %d: %s", error.line, qPrintable(error.message));
        if (!parsed.errors.isEmpty())
            return out;
        for (const YamlDocument &doc : parsed.documents)
            out.append(doc.value.toObject());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cache = std::move(cache::Cache::open(QStringLiteral(":memory:"))).value();
        // What a Backstage server returns: uid, etag, relations, status and managed-by
        // annotations on top of what the author wrote.
        const QJsonObject fromServer = json(
            "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\","
            "\"metadata\":{\"name\":\"checkout\",\"namespace\":\"default\",\"uid\":\"7c1d\",\"etag\":\"abc\","
            "\"title\":\"Checkout\",\"annotations\":{\"backstage.io/managed-by-location\":\"file:/x.yaml\","
            "\"backstage.io/managed-by-origin-location\":\"file:/x.yaml\",\"github.com/project-slug\":\"acme/"
            "checkout\"},"
            "\"tags\":[\"web\"],\"links\":[{\"url\":\"https://x\",\"title\":\"Repo\"}]},"
            "\"spec\":{\"type\":\"service\",\"lifecycle\":\"production\",\"owner\":\"team-a\",\"version\":\"1.10\","
            "\"replicas\":3,\"ratio\":0.25,\"public\":true,\"retired\":null,\"since\":\"2024-05-01\",\"flag\":\"on\"},"
            "\"relations\":[{\"type\":\"ownedBy\",\"targetRef\":\"group:default/team-a\"}],"
            "\"status\":{\"items\":[]}}");
        const QJsonObject project = json(
            "{\"apiVersion\":\"cairn.dev/v1\",\"kind\":\"Project\",\"metadata\":{\"name\":\"revamp\","
            "\"description\":\"Line one\\nline two with trailing space \\n\"},"
            "\"spec\":{\"owner\":\"team-a\",\"status\":\"at-risk\",\"startDate\":\"2026-09-01\",\"goals\":[],"
            "\"updates\":[{\"date\":\"2026-10-02\",\"status\":\"on-track\",\"text\":\"  indented\\nsecond\"}]}}");
        const QJsonObject location
            = json("{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Location\",\"metadata\":{\"name\":\"root\"},"
                   "\"spec\":{\"targets\":[\"./a.yaml\"]}}");
        const QJsonObject gone
            = json("{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\",\"metadata\":{\"name\":\"gone\"},"
                   "\"spec\":{\"owner\":\"team-a\",\"type\":\"service\",\"lifecycle\":\"deprecated\"}}");
        cache::CatalogWriter writer(*m_cache);
        cache::SourceRunInput run;
        run.sourceName = QStringLiteral("test");
        run.sourceKind = QStringLiteral("files");
        run.entities = { sourced(fromServer), sourced(project), sourced(location), sourced(gone) };
        QVERIFY(writer.applySourceRun(run));
        run.entities.removeLast();
        run.allowRemovals = true;
        QVERIFY(writer.applySourceRun(run));
        m_liveDocuments = { fromServer, project };
    }

    void stripsServerOnlyFields()
    {
        const QJsonObject stripped = CatalogExporter::catalogDocument(m_liveDocuments.first());
        QVERIFY(!stripped.contains(u"relations"));
        QVERIFY(!stripped.contains(u"status"));
        const QJsonObject metadata = stripped.value(u"metadata").toObject();
        QVERIFY(!metadata.contains(u"uid"));
        QVERIFY(!metadata.contains(u"etag"));
        QCOMPARE(metadata.value(u"annotations").toObject(),
            QJsonObject({ { QStringLiteral("github.com/project-slug"), QStringLiteral("acme/checkout") } }));
        // Everything else is kept as it was.
        QJsonObject expected = m_liveDocuments.first();
        expected.remove(QStringLiteral("relations"));
        expected.remove(QStringLiteral("status"));
        QJsonObject expectedMetadata = expected.value(u"metadata").toObject();
        expectedMetadata.remove(QStringLiteral("uid"));
        expectedMetadata.remove(QStringLiteral("etag"));
        expectedMetadata.insert(QStringLiteral("annotations"), metadata.value(u"annotations"));
        expected.insert(QStringLiteral("metadata"), expectedMetadata);
        QCOMPARE(stripped, expected);
        // spec.status of a Project is the author's, not the server's.
        QCOMPARE(CatalogExporter::catalogDocument(m_liveDocuments.last()), m_liveDocuments.last());

        // Annotations left empty by the server's go; an author's empty object stays.
        QCOMPARE(CatalogExporter::catalogDocument(json("{\"metadata\":{\"name\":\"a\",\"annotations\":"
                                                       "{\"backstage.io/managed-by-location\":\"url:x\"}}}")),
            json("{\"metadata\":{\"name\":\"a\"}}"));
        QCOMPARE(CatalogExporter::catalogDocument(json("{\"metadata\":{\"name\":\"a\",\"annotations\":{}}}")),
            json("{\"metadata\":{\"name\":\"a\",\"annotations\":{}}}"));
    }

    void quotesStringsThatLookLikeSomethingElse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("quoted");
        for (const char *text : { "", "true", "False", "yes", "No", "on", "OFF", "y", "n", "~", "null", "NULL", "123",
                 "-7", "+1", "1.10", "1e3", ".5", "0x1F", "0o17", "017", "1_000", "12:30", ".inf", "-.Inf", ".NaN",
                 "2024-05-01", "2024-05-01T10:00:00Z", "2024-5-1 10:00", "1.0.0", "=", "<<" })
            QTest::newRow(text) << QString::fromUtf8(text) << true;
        for (const char *text : { "team-a", "production", "truely", "nothing", "v1.2", "group:default/team-a", "x1" })
            QTest::newRow(text) << QString::fromUtf8(text) << false;
    }
    void quotesStringsThatLookLikeSomethingElse()
    {
        QFETCH(QString, text);
        QFETCH(bool, quoted);
        QCOMPARE(CatalogExporter::needsQuotes(text), quoted);
        // Whatever the rule says, the text must come back a string, unchanged.
        const QJsonObject document { { QStringLiteral("value"), text } };
        const QList<QJsonObject> back = parseYaml(CatalogExporter::toYaml(document));
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.first(), document);
    }

    void everyValueRoundTrips_data()
    {
        QTest::addColumn<QJsonValue>("value");
        const char *strings[] = { "line\n", "two\nlines\n", "no final break\nhere", "two breaks\n\n",
            "\nleading break\n", "  leading spaces\nx\n", "\ttab first\n", "crlf\r\nlines\r\n", "bell\x07", "del\x7F",
            "trailing ", " both ", "# not a comment", "a: b", "- item", "[flow]", "{flow}", "'single'", "\"double\"",
            "a #b", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick", "|", ">", "? key", "---", "...",
            "Équipe Paiements", "数据平台", "emoji 😀 ok", "mixed\nÉ\n😀\n", "   ", "key:", "\xC2\x85nel" };
        for (const char *text : strings)
            QTest::newRow(text) << QJsonValue(QString::fromUtf8(text));
        QTest::newRow("int") << QJsonValue(42);
        QTest::newRow("negative") << QJsonValue(-3);
        QTest::newRow("fraction") << QJsonValue(3.1);
        QTest::newRow("tiny") << QJsonValue(1e-7);
        QTest::newRow("big") << QJsonValue(1e21);
        QTest::newRow("true") << QJsonValue(true);
        QTest::newRow("null") << QJsonValue(QJsonValue::Null);
        QTest::newRow("empty object") << QJsonValue(QJsonObject());
        QTest::newRow("empty array") << QJsonValue(QJsonArray());
        QTest::newRow("nested") << QJsonValue(
            QJsonArray { QJsonObject { { QStringLiteral("on"), QJsonArray { 1, QStringLiteral("1") } } },
                QJsonArray { QJsonArray {} } });
    }
    void everyValueRoundTrips()
    {
        QFETCH(QJsonValue, value);
        const QJsonObject document { { QStringLiteral("v"), value },
            { QStringLiteral("123"), QStringLiteral("key is a string") } };
        const QByteArray yaml = CatalogExporter::toYaml(document);
        const QList<QJsonObject> back = parseYaml(yaml);
        QVERIFY2(back.size() == 1, yaml.constData());
        QVERIFY2(back.first() == document, yaml.constData());
    }

    void yamlKeepsKeyOrderAndTypes()
    {
        QCOMPARE(
            CatalogExporter::toYaml(json("{\"apiVersion\":\"v1\",\"kind\":\"Component\",\"metadata\":{\"name\":\"a\","
                                         "\"tags\":[]},\"spec\":{\"n\":3,\"s\":\"3\",\"b\":false,\"d\":\"2024-05-01\","
                                         "\"text\":\"Line one\\nline two\\n\"}}")),
            QByteArray("apiVersion: v1\n"
                       "kind: Component\n"
                       "metadata:\n"
                       "  name: a\n"
                       "  tags: []\n"
                       "spec:\n"
                       "  b: false\n"
                       "  d: \"2024-05-01\"\n"
                       "  \"n\": 3\n" // YAML 1.1 reads a plain n as false
                       "  s: \"3\"\n"
                       "  text: |\n"
                       "    Line one\n"
                       "    line two\n"));
    }

    void writesLiveDocumentsWithoutLocations()
    {
        const QList<QJsonObject> back = parseYaml(yamlOf({}));
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(0), CatalogExporter::catalogDocument(m_liveDocuments.at(0)));
        QCOMPARE(back.at(1), m_liveDocuments.at(1));

        CatalogExportOptions all;
        all.filter.includeRemoved = true;
        all.includeLocations = true;
        QStringList names;
        for (const QJsonObject &doc : parseYaml(yamlOf(all)))
            names.append(doc.value(u"metadata").toObject().value(u"name").toString());
        QCOMPARE(names,
            (QStringList { QStringLiteral("checkout"), QStringLiteral("gone"), QStringLiteral("root"),
                QStringLiteral("revamp") }));

        CatalogExportOptions locations;
        locations.filter.kind = QStringLiteral("Location");
        QCOMPARE(parseYaml(yamlOf(locations)).size(), 1);
    }

    void writesABundle()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QCOMPARE(*CatalogExporter(*m_cache).writeBundle(buffer, {}), qint64(2));
        QJsonParseError error;
        const QJsonDocument bundle = QJsonDocument::fromJson(buffer.data(), &error);
        QVERIFY2(bundle.isObject(), qPrintable(error.errorString()));
        const QJsonArray items = bundle.object().value(u"items").toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject(), CatalogExporter::catalogDocument(m_liveDocuments.at(0)));
        QCOMPARE(items.at(1).toObject(), m_liveDocuments.at(1));
        QCOMPARE(buffer.data().count('\n'), 4); // opening line, one line per entity, closing line

        CatalogExportOptions nothing;
        nothing.filter.kind = QStringLiteral("nothing");
        QBuffer empty;
        empty.open(QIODevice::WriteOnly);
        QCOMPARE(*CatalogExporter(*m_cache).writeBundle(empty, nothing), qint64(0));
        QCOMPARE(QJsonDocument::fromJson(empty.data()).object().value(u"items").toArray().size(), 0);
    }

    void writesOneFilePerKindAndReadsBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("out"));
        CatalogExportOptions options;
        options.filter.includeRemoved = true;
        QCOMPARE(*CatalogExporter(*m_cache).writeYamlDirectory(folder, options), qint64(3));
        QCOMPARE(QDir(folder).entryList(QDir::Files),
            (QStringList { QStringLiteral("component.yaml"), QStringLiteral("project.yaml") }));
        // Another Cairn reads the folder back: the same documents, stripped.
        const CatalogReadResult read = CatalogImporter::read({ folder });
        QVERIFY(read.problems.isEmpty());
        QCOMPARE(read.entities.size(), 3);
        QCOMPARE(read.entities.at(0).parsed().document(), CatalogExporter::catalogDocument(m_liveDocuments.at(0)));
        QCOMPARE(read.entities.at(2).parsed().document(), m_liveDocuments.at(1));
    }

    // A link in the folder where a file goes is not written through: the export is refused
    // before anything is written, and what the link points at keeps its bytes.
    void aLinkInTheFolderIsNotWrittenThrough()
    {
        QTemporaryDir dir;
        const QString precious = dir.filePath(QStringLiteral("precious.txt"));
        {
            QFile file(precious);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("keep me\n");
        }
        const QString folder = dir.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(folder));
        if (!QFile::link(precious, QDir(folder).filePath(QStringLiteral("project.yaml"))))
            QSKIP("This file system cannot make symbolic links.");
        CatalogExportOptions options;
        options.filter.includeRemoved = true;
        const core::Result<qint64> n = CatalogExporter(*m_cache).writeYamlDirectory(folder, options);
        QVERIFY(!n);
        QVERIFY2(n.errorString().contains(u"is a symbolic link") && n.errorString().contains(u"nothing was written"),
            qPrintable(n.errorString()));
        QFile kept(precious);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("keep me\n"));
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::System), QStringList { QStringLiteral("project.yaml") });
    }

    void cancelLeavesAnError()
    {
        CatalogExporter exporter(*m_cache);
        exporter.setCancelCheck([] { return true; });
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        core::Result<qint64> n = exporter.writeYaml(buffer, {});
        QVERIFY(!n);
        QVERIFY(n.errorString().contains(u"cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestCatalogExporter)
#include "tst_catalogexporter.moc"
