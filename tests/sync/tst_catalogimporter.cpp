// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/CatalogImporter.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn::sync;

namespace {

// Our Backstage-format catalog: every kind, relation and oddity the tests rely on.
const QString kExamples = QStringLiteral(CAIRN_TEST_DATA_DIR "/backstage");
const QString kCatalog = QStringLiteral(CAIRN_TEST_DATA_DIR "/catalog");

const cairn::core::SourcedEntity *find(const CatalogReadResult &result, const QString &ref)
{
    const auto parsed = cairn::core::EntityRef::parse(ref);
    for (const cairn::core::SourcedEntity &sourced : result.entities) {
        if (parsed.ok() && sourced.parsed().ref() == *parsed)
            return &sourced;
    }
    return nullptr;
}

QString describe(const QList<CatalogProblem> &problems)
{
    QStringList lines;
    for (const CatalogProblem &p : problems)
        lines.append(p.origin.toString() + u' ' + p.ref + u' ' + p.message);
    return lines.join(u'\n');
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(content);
}

const QByteArray kGroup
    = "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: %1\nspec: {type: team, children: []}\n";

QByteArray group(const char *name)
{
    return QByteArray(kGroup).replace("%1", name);
}

} // namespace

class TestCatalogImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backstageCatalogReadsEveryKind()
    {
        const CatalogReadResult result = CatalogImporter::read(
            { kExamples + QStringLiteral("/all.yaml"), kExamples + QStringLiteral("/org.yaml") });
        QVERIFY2(result.problems.isEmpty(), qPrintable(describe(result.problems)));
        QCOMPARE(result.entities.size(), 54);
        QCOMPARE(result.filesRead.size(), 31);
        QHash<QString, int> kinds;
        for (const cairn::core::SourcedEntity &sourced : result.entities) {
            ++kinds[sourced.parsed().kind()];
            QVERIFY(!sourced.origin.file.isEmpty());
            QVERIFY(sourced.origin.line > 0);
        }
        QCOMPARE(kinds.value(QStringLiteral("User")), 12);
        QCOMPARE(kinds.value(QStringLiteral("Component")), 12);
        QCOMPARE(kinds.value(QStringLiteral("API")), 7);
        QCOMPARE(kinds.value(QStringLiteral("Group")), 7);
        QCOMPARE(kinds.value(QStringLiteral("Location")), 6);
        QCOMPARE(kinds.value(QStringLiteral("Domain")), 3);
        QCOMPARE(kinds.value(QStringLiteral("System")), 3);
        QCOMPARE(kinds.value(QStringLiteral("AiResource")), 2);
        QCOMPARE(kinds.value(QStringLiteral("Resource")), 2);
        QCOMPARE(kinds.size(), 9);

        QVERIFY(find(result, QStringLiteral("user:default/guest")));
        QVERIFY(find(result, QStringLiteral("user:development/guest")));
        const cairn::core::SourcedEntity *playback = find(result, QStringLiteral("component:default/playback-order"));
        QVERIFY(playback);
        QCOMPARE(playback->parsed().spec().value(u"owner").toString(), QStringLiteral("guest"));
        QVERIFY(playback->origin.file.endsWith(QStringLiteral("components/playback-order.yaml")));
        QCOMPARE(playback->origin.line, 3); // after the two comment lines
        // The root Location comes first, then what it points at, in the order written.
        QCOMPARE(result.entities.first().parsed().name(), QStringLiteral("example-all"));
    }

    void explicitFilesOfEveryFormat()
    {
        const CatalogReadResult result = CatalogImporter::read({ kCatalog + QStringLiteral("/multi.yaml"),
            kCatalog + QStringLiteral("/single.json"), kCatalog + QStringLiteral("/array.json"),
            kCatalog + QStringLiteral("/items.json"), kCatalog + QStringLiteral("/entities.ndjson") });
        QCOMPARE(result.entities.size(), 3 + 1 + 3 + 2 + 3);
        QCOMPARE(result.problems.size(), 1); // the broken NDJSON line
        QCOMPARE(result.problems.first().origin.file, kCatalog + QStringLiteral("/entities.ndjson"));
        QCOMPARE(result.problems.first().origin.line, 4);
        const cairn::core::SourcedEntity *beacon = find(result, QStringLiteral("component:default/beacon-api"));
        QVERIFY(beacon);
        QCOMPARE(beacon->origin.line, 20);
        QCOMPARE(result.filesRead.size(), 5);
    }

    void badDocumentsAreProblemsWithFileLineAndRef()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("mixed.yaml"));
        writeFile(file,
            group("first") + // 1-5
                "---\n- just\n- a list\n" // 6-8
                "---\napiVersion: v1\nmetadata: {name: kindless}\n" // 9-11
                "---\napiVersion: v1\nkind: Group\nmetadata: {}\n" // 12-15
                "---\n"
                + group("FIRST") + // 16-21 duplicate (case-insensitive)
                "---\n" + group("last")); // 22-
        const CatalogReadResult result = CatalogImporter::read({ file });
        QCOMPARE(result.entities.size(), 2);
        QCOMPARE(result.entities.at(0).parsed().name(), QStringLiteral("first"));
        QCOMPARE(result.entities.at(1).parsed().name(), QStringLiteral("last"));
        QCOMPARE(result.entities.at(1).origin.line, 23);
        QCOMPARE(result.problems.size(), 4);
        QCOMPARE(result.problems.at(0).origin.line, 7);
        QVERIFY(result.problems.at(0).message.contains(QStringLiteral("not a mapping")));
        QCOMPARE(result.problems.at(1).origin.line, 10);
        QVERIFY(result.problems.at(1).message.contains(QStringLiteral("no kind")));
        QVERIFY(result.problems.at(1).message.contains(QStringLiteral("kindless")));
        QCOMPARE(result.problems.at(2).origin.line, 13);
        QVERIFY(result.problems.at(2).message.contains(QStringLiteral("metadata.name")));
        QCOMPARE(result.problems.at(3).origin.line, 17);
        QCOMPARE(result.problems.at(3).ref, QStringLiteral("Group:default/FIRST"));
        QVERIFY2(result.problems.at(3).message.contains(file + QStringLiteral(":1")),
            qPrintable(result.problems.at(3).message));
        for (const CatalogProblem &problem : result.problems)
            QCOMPARE(problem.origin.file, file);
    }

    void yamlSyntaxErrorDoesNotStopOtherFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("a-broken.yaml")),
            "# c\n" + group("before") + "---\nkind: Group\nmetadata: {name: [oops\n");
        writeFile(dir.filePath(QStringLiteral("b-fine.yaml")), group("after"));
        const CatalogReadResult result = CatalogImporter::read({ dir.path() });
        QCOMPARE(result.entities.size(), 2);
        QVERIFY(find(result, QStringLiteral("group:default/before")));
        QVERIFY(find(result, QStringLiteral("group:default/after")));
        QCOMPARE(result.problems.size(), 1);
        QCOMPARE(result.problems.first().origin.file, dir.filePath(QStringLiteral("a-broken.yaml")));
        QVERIFY2(result.problems.first().origin.line >= 7, qPrintable(describe(result.problems)));
        QVERIFY(result.problems.first().message.contains(QStringLiteral("YAML")));
    }

    void locationLoopTerminates()
    {
        const CatalogReadResult result = CatalogImporter::read({ kCatalog + QStringLiteral("/loop/a.yaml") });
        QVERIFY2(result.problems.isEmpty(), qPrintable(describe(result.problems)));
        QCOMPARE(result.filesRead.size(), 2);
        QCOMPARE(result.entities.size(), 4);
        QVERIFY(find(result, QStringLiteral("location:default/loop-a")));
        QVERIFY(find(result, QStringLiteral("location:default/loop-b")));
        QVERIFY(find(result, QStringLiteral("component:default/from-a")));
        QVERIFY(find(result, QStringLiteral("component:default/from-b")));
        QCOMPARE(result.notes.size(), 2); // b -> a, and b -> itself
        QCOMPARE(result.notes.first().ref, QStringLiteral("Location:default/loop-b"));
    }

    void presenceOptionalAndRequired()
    {
        const QString root = kCatalog + QStringLiteral("/presence/root.yaml");
        const CatalogReadResult result = CatalogImporter::read({ root });
        QVERIFY(find(result, QStringLiteral("resource:default/present-db")));
        QCOMPARE(result.entities.size(), 4);
        QCOMPARE(result.problems.size(), 1);
        const CatalogProblem &missing = result.problems.first();
        QCOMPARE(missing.ref, QStringLiteral("Location:default/required-things"));
        QCOMPARE(missing.origin.file, root);
        QCOMPARE(missing.origin.line, 12);
        QVERIFY(missing.message.contains(QStringLiteral("./not-there.yaml")));
        QVERIFY(!missing.message.contains(QStringLiteral("not-there-and-fine")));
        // The remote target is not fetched, and says so.
        QCOMPARE(result.notes.size(), 1);
        QCOMPARE(result.notes.first().ref, QStringLiteral("Location:default/remote-things"));
    }

    void folderIsReadRecursivelyIgnoringHiddenFolders()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("catalog-info.yaml")), group("top"));
        writeFile(dir.filePath(QStringLiteral("services/deep/catalog-info.yaml")), group("deep"));
        writeFile(dir.filePath(QStringLiteral(".git/catalog-info.yaml")), group("in-git"));
        writeFile(dir.filePath(QStringLiteral(".github/workflows/ci.yml")), "on: push\njobs: {}\n");
        writeFile(dir.filePath(QStringLiteral("package.json")), "{\"name\": \"web\", \"version\": \"1.0.0\"}");
        const CatalogReadResult result = CatalogImporter::read({ dir.path() });
        QVERIFY2(result.problems.isEmpty(), qPrintable(describe(result.problems)));
        QCOMPARE(result.entities.size(), 2);
        QCOMPARE(result.entities.at(0).parsed().name(), QStringLiteral("top"));
        QCOMPARE(result.entities.at(1).parsed().name(), QStringLiteral("deep"));
        QVERIFY(!find(result, QStringLiteral("group:default/in-git")));
        // package.json is not a catalog file: skipped with a note, not a problem.
        QCOMPARE(result.filesRead.size(), 2);
        QCOMPARE(result.notes.size(), 1);
        QVERIFY(result.notes.first().origin.file.endsWith(QStringLiteral("package.json")));
        // A file named explicitly is strict.
        const CatalogReadResult strict = CatalogImporter::read({ dir.filePath(QStringLiteral("package.json")) });
        QCOMPARE(strict.problems.size(), 1);
    }

    void folderAndLocationsReadEachFileOnce()
    {
        const CatalogReadResult result
            = CatalogImporter::read({ kCatalog + QStringLiteral("/loop"), kCatalog + QStringLiteral("/loop/b.yaml") });
        QVERIFY(result.problems.isEmpty());
        QCOMPARE(result.entities.size(), 4);
        QCOMPARE(result.filesRead.size(), 2);
    }

    void locationWildcards()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("root.yaml")),
            "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {name: teams}\n"
            "spec:\n  targets: ['./teams/**/*.yaml', './none/*.yaml']\n");
        writeFile(dir.filePath(QStringLiteral("teams/a.yaml")), group("team-a"));
        writeFile(dir.filePath(QStringLiteral("teams/x/b.yaml")), group("team-b"));
        writeFile(dir.filePath(QStringLiteral("teams/c.json")), "{}");
        const CatalogReadResult result = CatalogImporter::read({ dir.filePath(QStringLiteral("root.yaml")) });
        QCOMPARE(result.entities.size(), 3);
        QVERIFY(find(result, QStringLiteral("group:default/team-a")));
        QVERIFY(find(result, QStringLiteral("group:default/team-b")));
        QCOMPARE(result.problems.size(), 1); // ./none/*.yaml matches nothing and is required
        QVERIFY(result.problems.first().message.contains(QStringLiteral("./none/*.yaml")));
    }

    void compassFilesAreMappedAndDependenciesResolved()
    {
        const CatalogReadResult result = CatalogImporter::read({ QStringLiteral(CAIRN_TEST_DATA_DIR "/compass") });
        QVERIFY2(result.problems.isEmpty(), qPrintable(describe(result.problems)));
        QCOMPARE(result.entities.size(), 2);
        const cairn::core::SourcedEntity *checkout
            = find(result, QStringLiteral("component:default/checkout-service-eu"));
        QVERIFY(checkout);
        QCOMPARE(checkout->origin.line, 4);
        QVERIFY(find(result, QStringLiteral("component:default/payments-gateway")));
        // The DEPENDS_ON ARI of payments-gateway now names it; the unknown one keeps its id.
        QCOMPARE(checkout->parsed().spec().value(u"dependsOn").toArray(),
            (QJsonArray { QStringLiteral("Component:default/payments-gateway"),
                QStringLiteral("component:default/ffffffff-0000-4000-8000-000000000001") }));
    }

    void missingPathIsAProblem()
    {
        const CatalogReadResult result = CatalogImporter::read(
            { kCatalog + QStringLiteral("/nope.yaml"), kCatalog + QStringLiteral("/single.json") });
        QCOMPARE(result.entities.size(), 1);
        QCOMPARE(result.problems.size(), 1);
        QCOMPARE(result.problems.first().origin.file, kCatalog + QStringLiteral("/nope.yaml"));
    }

    void sampleOrganisationReadsFromResources()
    {
        const CatalogReadResult result = CatalogImporter::read({ QStringLiteral(":/sample") });
        QVERIFY2(result.problems.isEmpty(), qPrintable(describe(result.problems)));
        QVERIFY(!result.entities.isEmpty());
        for (const QString &file : result.filesRead)
            QVERIFY2(file.startsWith(QStringLiteral(":/sample/")), qPrintable(file));
        QVERIFY(result.entities.first().origin.file.startsWith(QStringLiteral(":/sample/")));
    }

    void defaultSourceNameIsStable()
    {
        const QString all = kExamples + QStringLiteral("/all.yaml");
        const QString org = kExamples + QStringLiteral("/org.yaml");
        const QString single = CatalogImporter::defaultSourceName({ all });
        QCOMPARE(single, QStringLiteral("files:") + QFileInfo(all).canonicalFilePath());
        QCOMPARE(
            CatalogImporter::defaultSourceName({ kExamples + QStringLiteral("/./components/../all.yaml") }), single);
        const QString pair = CatalogImporter::defaultSourceName({ all, org });
        QCOMPARE(CatalogImporter::defaultSourceName({ org, all }), pair);
        QCOMPARE(CatalogImporter::defaultSourceName({ org, all, org }), pair);
        QVERIFY(pair.startsWith(QStringLiteral("files:")));
        QVERIFY(pair != single);
        QCOMPARE(CatalogImporter::defaultSourceName({ QStringLiteral(":/sample") }), QStringLiteral("files::/sample"));
    }
};

QTEST_GUILESS_MAIN(TestCatalogImporter)
#include "tst_catalogimporter.moc"
