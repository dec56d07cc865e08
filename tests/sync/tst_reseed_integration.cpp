// SPDX-License-Identifier: GPL-3.0-or-later
// Re-seed: the test catalog (tests/data/backstage) goes into a cache, comes back out with
// `cairn export --format yaml`, is served by a REAL Backstage catalog backend, and is synced
// into a new cache with `cairn source add` + `cairn sync`; both caches must then hold the
// same entities.
// Only the command line is used, as someone rebuilding a lost catalog would.
#include "cache/Cache.h"
#include "sync/CatalogExporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "fixtures/BackstageServerGuard.h"

class TestReseedIntegration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportServeSyncCompare();
};

namespace {

const QString kServer = QStringLiteral(CAIRN_SOURCE_DIR "/tools/backstage-server");
const QString kToken = QStringLiteral("cairn-reseed-token-5512");

// The test runs the real executable; tests/app knows it from CMake, a sync test finds it in
// the build tree (or $CAIRN_EXECUTABLE).
QString cairnExecutable()
{
    QString fromEnvironment = qEnvironmentVariable("CAIRN_EXECUTABLE");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../../app/cairn"));
}

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run runCairn(const QString &cache, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CAIRN_RESEED_TOKEN"), kToken);
    process.setProcessEnvironment(environment);
    process.start(cairnExecutable(), QStringList { QStringLiteral("--cache"), cache } + arguments);
    Run run;
    if (!process.waitForFinished(600'000))
        return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// Live documents by lower-case ref, as the caches hold them.
QMap<QString, QJsonObject> documents(const QString &cachePath)
{
    QMap<QString, QJsonObject> out;
    auto cache = cairn::cache::Cache::openReadOnly(cachePath);
    if (!cache)
        return out;
    auto q
        = (*cache)->database().prepare(QStringLiteral("SELECT key, document FROM entities WHERE removed_at IS NULL"));
    if (!q)
        return out;
    while (*q->step() == cairn::cache::Statement::Step::Row)
        out.insert(q->text(0), QJsonDocument::fromJson(q->utf8(1)).object());
    return out;
}

// The catalog backend sorts the ref lists of a spec (seen live: store-gateway's providesApis
// [store-api, store-events, hello-grpc] comes back alphabetical); their order carries no
// meaning, so both sides are compared with string lists sorted.
QJsonObject withSortedStringLists(const QJsonObject &spec)
{
    QJsonObject out = spec;
    for (auto it = out.begin(); it != out.end(); ++it) {
        if (!it.value().isArray())
            continue;
        const QJsonArray array = it.value().toArray();
        const bool allStrings
            = std::all_of(array.begin(), array.end(), [](const QJsonValue &value) { return value.isString(); });
        if (!allStrings)
            continue;
        QStringList items = QVariant(array.toVariantList()).toStringList();
        items.sort();
        it.value() = QJsonArray::fromStringList(items);
    }
    return out;
}

// What both sides must agree on: the document without server-only fields, with the
// namespace a server fills in when the author left it out.
QJsonObject comparable(const QJsonObject &document)
{
    QJsonObject out = cairn::sync::CatalogExporter::catalogDocument(document);
    QJsonObject metadata = out.value(u"metadata").toObject();
    if (!metadata.contains(u"namespace"))
        metadata.insert(QStringLiteral("namespace"), QStringLiteral("default"));
    out.insert(QStringLiteral("metadata"), metadata);
    if (out.value(u"spec").isObject())
        out.insert(QStringLiteral("spec"), withSortedStringLists(out.value(u"spec").toObject()));
    return out;
}

// A $text/$json/$yaml placeholder: a server resolves it when it reads the file (here
// offline, or relative to a file that is not beside the export), a file import keeps it.
bool hasPlaceholder(const QJsonValue &value)
{
    if (value.isArray()) {
        for (const QJsonValue item : value.toArray()) {
            if (hasPlaceholder(item))
                return true;
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it.key().startsWith(u'$') || hasPlaceholder(it.value()))
                return true;
        }
    }
    return false;
}

// Kinds the test server's catalog keeps (serve.sh rules; Project and Goal have no processor).
const QSet<QString> &servedKinds()
{
    static const QSet<QString> kinds { QStringLiteral("component"), QStringLiteral("system"), QStringLiteral("api"),
        QStringLiteral("resource"), QStringLiteral("group"), QStringLiteral("user"), QStringLiteral("domain") };
    return kinds;
}

// What the test server keeps: its kinds, no unresolvable placeholder, and (catalog backend
// 4.0.0, seen live) only APIs with a `definition`: it drops the newer `mcp-server` APIs,
// which have `remotes` instead.
bool serverKeeps(const QJsonObject &document)
{
    const QString kind = document.value(u"kind").toString().toLower();
    if (kind == u"api" && !document.value(u"spec").toObject().contains(u"definition"))
        return false;
    return servedKinds().contains(kind) && !hasPlaceholder(document);
}

int servedCount(int port)
{
    QProcess curl;
    curl.start(QStringLiteral("curl"),
        { QStringLiteral("-sf"), QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + kToken,
            QStringLiteral("http://127.0.0.1:%1/api/catalog/entities/by-query?limit=0").arg(port) });
    if (!curl.waitForFinished(30'000) || curl.exitCode() != 0)
        return -1;
    return QJsonDocument::fromJson(curl.readAllStandardOutput()).object().value(u"totalItems").toInt(-1);
}

} // namespace

void TestReseedIntegration::exportServeSyncCompare()
{
    // The whole build makes the binary; a missing one is a failure, never a silent skip.
    QVERIFY2(QFileInfo(cairnExecutable()).isExecutable(),
        qPrintable(
            QStringLiteral("the cairn executable is not built at %1 (build target cairn, or set CAIRN_EXECUTABLE)")
                .arg(cairnExecutable())));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    // 1. The test catalog into cache A, then back out as catalog files, one per kind. A stock
    // Backstage rejects a whole file that holds a kind its rules do not allow (AiResource
    // here: seen live, the server then ingests nothing of it), so a re-seed registers the
    // files of the kinds it takes through a root Location, as docs/export.md tells people to.
    const QString catalog = QStringLiteral(CAIRN_TEST_DATA_DIR "/backstage");
    const QString cacheA = dir.filePath(QStringLiteral("a.sqlite3"));
    Run run = runCairn(cacheA,
        { QStringLiteral("import"), catalog + QStringLiteral("/all.yaml"), catalog + QStringLiteral("/org.yaml") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QString exportDir = dir.filePath(QStringLiteral("export"));
    run = runCairn(cacheA,
        { QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("yaml"), QStringLiteral("-o"),
            exportDir });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QStringList kindFiles = QDir(exportDir).entryList({ QStringLiteral("*.yaml") }, QDir::Files, QDir::Name);
    QVERIFY2(kindFiles.size() > 5, qPrintable(kindFiles.join(u' ')));
    const QString exported = dir.filePath(QStringLiteral("export/catalog-info.yaml"));
    {
        QFile root(exported);
        QVERIFY(root.open(QIODevice::WriteOnly));
        QByteArray text = "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: reseed-root\n"
                          "spec:\n  targets:\n";
        // One target the server refuses (a kind outside its rules) fails the whole Location.
        for (const QString &file : kindFiles) {
            if (servedKinds().contains(QFileInfo(file).completeBaseName()))
                text += "    - ./" + file.toUtf8() + '\n';
        }
        QVERIFY(root.write(text) == text.size());
    }

    QMap<QString, QJsonObject> original = documents(cacheA);
    QMap<QString, QJsonObject> expected; // what the server should serve back
    QStringList notServable;
    for (auto it = original.constBegin(); it != original.constEnd(); ++it) {
        if (it.value().value(u"kind").toString().compare(u"location", Qt::CaseInsensitive) == 0)
            continue; // not exported (CatalogExportOptions::includeLocations)
        if (serverKeeps(it.value()))
            expected.insert(it.key(), comparable(it.value()));
        else
            notServable.append(it.key());
    }
    qInfo("%d entities exported; %d servable by this Backstage; not servable (kind without processor or unresolvable "
          "placeholder): %s",
        int(expected.size() + notServable.size()), int(expected.size()), qPrintable(notServable.join(u' ')));
    // 48 exported; not servable: the two AiResources, the wayback-archive API (its $text names
    // a host the server may not read) and the catalog-mcp API (remotes, no definition).
    QCOMPARE(int(expected.size()), 44);
    QCOMPARE(int(notServable.size()), 4);

    // 2. Serve the export with a real Backstage catalog backend.
    const int port = cairn::sync::test::freeLoopbackPort();
    QVERIFY(port > 0);
    cairn::sync::test::BackstageServerGuard guard;
    QProcess serve;
    serve.start(kServer + QStringLiteral("/serve.sh"), { exported, QString::number(port), kToken });
    QVERIFY2(serve.waitForFinished(600'000), "serve.sh did not return within 10 minutes");
    guard.pid = serve.readAllStandardOutput().trimmed().toLongLong();
    QVERIFY2(serve.exitCode() == 0 && guard.pid > 0, serve.readAllStandardError().constData());
    // +2: the Location Backstage makes for its config file, and the root Location above.
    QProcess wait;
    wait.start(kServer + QStringLiteral("/wait-count.sh"),
        { QString::number(expected.size() + 2), QString::number(port), kToken, QStringLiteral("480") });
    QVERIFY(wait.waitForFinished(540'000));
    QVERIFY2(wait.exitCode() == 0,
        qPrintable(QStringLiteral("the server did not ingest the export: %1 (served now: %2)")
                       .arg(QString::fromUtf8(wait.readAllStandardError()))
                       .arg(servedCount(port))));

    // 3. Sync a new cache from it, through the command line.
    const QString cacheB = dir.filePath(QStringLiteral("b.sqlite3"));
    run = runCairn(cacheB,
        { QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("reseeded"), QStringLiteral("--backstage"),
            QStringLiteral("http://127.0.0.1:%1/api/catalog").arg(port), QStringLiteral("--token-env"),
            QStringLiteral("CAIRN_RESEED_TOKEN") });
    QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
    run = runCairn(cacheB, { QStringLiteral("sync"), QStringLiteral("reseeded") });
    QVERIFY2(run.code == 0, qPrintable(run.err + run.out));

    // 4. Entity by entity: the same documents once server-only fields are stripped; the
    // extra entities are the Locations: the server's own for its config file, and the root.
    QMap<QString, QJsonObject> synced = documents(cacheB);
    QStringList extra;
    for (auto it = synced.constBegin(); it != synced.constEnd(); ++it) {
        if (expected.contains(it.key()))
            continue;
        const QJsonObject annotations = it.value().value(u"metadata").toObject().value(u"annotations").toObject();
        const QString name = it.value().value(u"metadata").toObject().value(u"name").toString();
        const bool configLocation = it.value().value(u"kind").toString() == u"Location"
            && (annotations.value(u"backstage.io/managed-by-location").toString().startsWith(u"bootstrap:")
                || name.startsWith(u"generated-") || name == u"reseed-root");
        if (!configLocation)
            extra.append(it.key());
    }
    QVERIFY2(extra.isEmpty(), qPrintable(QStringLiteral("served but not exported: ") + extra.join(u' ')));
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        QVERIFY2(synced.contains(it.key()), qPrintable(QStringLiteral("exported but not served: ") + it.key()));
        const QJsonObject back = comparable(synced.value(it.key()));
        QVERIFY2(back == it.value(),
            qPrintable(it.key() + QStringLiteral("\n  exported ")
                + QString::fromUtf8(QJsonDocument(it.value()).toJson(QJsonDocument::Compact))
                + QStringLiteral("\n  served   ")
                + QString::fromUtf8(QJsonDocument(back).toJson(QJsonDocument::Compact))));
    }
}

int main(int argc, char *argv[])
{
    // Starting the server and waiting for it to ingest takes minutes on a loaded machine:
    // past QtTest's 5-minute watchdog, which would abort without stopping the server.
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "1150000");
    QCoreApplication app(argc, argv);
    TestReseedIntegration test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_reseed_integration.moc"
