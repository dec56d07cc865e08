// SPDX-License-Identifier: GPL-3.0-or-later
// Against a REAL Backstage catalog backend (npm packages, tools/backstage-server): a full
// sync of the test catalog (tests/data/backstage), then an edit, an addition and a removal
// in the served files, and an incremental sync that sees exactly those three.
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "sync/BackstageClient.h"
#include "sync/BackstageSource.h"
#include "sync/CatalogImporter.h"
#include "sync/HttpClient.h"
#include "sync/SyncEngine.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "fixtures/BackstageServerGuard.h"

using namespace std::chrono_literals;
using cairn::cache::Cache;
using cairn::sync::BackstageClient;
using cairn::sync::BackstageSource;
using cairn::sync::HttpClient;
using cairn::sync::SyncEngine;
using cairn::sync::SyncOutcome;

class TestBackstageIntegration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullThenIncrementalSync();
};

namespace {

const QByteArray kToken = QByteArrayLiteral("cairn-integration-token-7731");
const QString kServer = QStringLiteral(CAIRN_SOURCE_DIR "/tools/backstage-server");

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(file);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(file, target))
            return false;
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QByteArray probe(const QString &name, const QString &description)
{
    return QStringLiteral(
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: %1\n  description: %2\n"
        "spec:\n  type: service\n  lifecycle: experimental\n  owner: cairn-nobody\n")
        .arg(name, description)
        .toUtf8();
}

// Runs wait-count.sh; true when the catalog reached the count.
bool waitCount(int count, int port, int timeoutS, bool exact, QString *said)
{
    QProcess wait;
    QStringList args { QString::number(count), QString::number(port), QString::fromLatin1(kToken),
        QString::number(timeoutS) };
    if (exact)
        args.append(QStringLiteral("exact"));
    wait.start(kServer + QStringLiteral("/wait-count.sh"), args);
    const bool ended = wait.waitForFinished((timeoutS + 30) * 1000);
    *said = QString::fromUtf8(wait.readAllStandardOutput() + wait.readAllStandardError()).trimmed();
    if (!ended) {
        wait.kill();
        wait.waitForFinished(5000);
        return false;
    }
    return wait.exitStatus() == QProcess::NormalExit && wait.exitCode() == 0;
}

// The catalog keeps processing (stitching relations) after an entity first shows; wait
// until two listings a few seconds apart agree, so "changed" means what the test changed.
QMap<QString, QString> stableListing(BackstageClient &client, int timeoutS)
{
    QMap<QString, QString> previous;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutS * 1000) {
        auto listing = client.listEntities();
        QMap<QString, QString> current;
        if (listing) {
            for (const auto &entity : std::as_const(listing->entities))
                current.insert(entity.ref.key(), entity.etag);
        }
        if (!current.isEmpty() && current == previous)
            return current;
        previous = current;
        QTest::qWait(4000);
    }
    return {};
}

} // namespace

void TestBackstageIntegration::fullThenIncrementalSync()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("npm")).isEmpty())
        QSKIP("node and npm are needed to run the real Backstage catalog backend (tools/install-deps installs them)");
    for (const char *var : { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
        qunsetenv(var);
    QElapsedTimer total;
    total.start();

    // The served catalog: a temp copy of the test catalog under a root Location of our own.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString served = dir.filePath(QStringLiteral("catalog"));
    QVERIFY(copyTree(QStringLiteral(CAIRN_TEST_DATA_DIR "/backstage"), served));
    const QString extra = served + QStringLiteral("/cairn-extra.yaml");
    QVERIFY(writeFile(extra, probe(QStringLiteral("cairn-probe-removed"), QStringLiteral("goes away"))));
    const QString root = served + QStringLiteral("/cairn-root.yaml");
    QVERIFY(writeFile(root,
        "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: cairn-root\nspec:\n"
        "  targets:\n    - ./all.yaml\n    - ./org.yaml\n    - ./cairn-extra.yaml\n"));
    const QString edited = served + QStringLiteral("/components/artist-lookup.yaml");
    QVERIFY(QFileInfo::exists(edited));
    // What Cairn's own reader finds in the same files, plus the Location Backstage makes
    // for its config: what the server should serve, give or take kinds it drops.
    const int expected = int(cairn::sync::CatalogImporter::read({ root }).entities.size()) + 1;

    const int port = cairn::sync::test::freeLoopbackPort();
    QVERIFY(port > 0);
    cairn::sync::test::BackstageServerGuard guard;
    QProcess serve;
    serve.start(kServer + QStringLiteral("/serve.sh"), { root, QString::number(port), QString::fromLatin1(kToken) });
    QVERIFY2(serve.waitForFinished(600'000), "serve.sh did not return within 10 minutes");
    const QByteArray pidText = serve.readAllStandardOutput().trimmed();
    guard.pid = pidText.toLongLong();
    QVERIFY2(serve.exitCode() == 0 && guard.pid > 0, serve.readAllStandardError().constData());

    QString said;
    // The catalog drops a few documents Cairn's reader accepts, so wait for most of them,
    // then for the catalog to settle; the test expects whatever it then serves.
    QVERIFY2(waitCount(expected * 3 / 4, port, 240, false, &said), qPrintable(said));
    QUrl base(QStringLiteral("http://127.0.0.1:%1/api/catalog").arg(port));
    HttpClient::Options options;
    options.idleTimeout = 60s;
    HttpClient http(options);
    BackstageClient observer(http, base, kToken, QStringLiteral("observer"));
    QMap<QString, QString> servedNow = stableListing(observer, 180);
    QVERIFY(!servedNow.isEmpty());
    qInfo("the catalog serves %d entities (Cairn's reader counted %d + 1)", int(servedNow.size()), expected - 1);

    // Full sync.
    auto opened = Cache::open(dir.filePath(QStringLiteral("cache.sqlite3")));
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    Cache &cache = *opened.value();
    BackstageSource::Settings settings;
    settings.sourceName = QStringLiteral("backstage");
    settings.baseUrl = base;
    settings.token = kToken;
    settings.http = options;
    const auto sync = [&] {
        BackstageSource source(settings);
        return SyncEngine(cache).run(settings.sourceName, QStringLiteral("backstage"), base.toString(), source, {});
    };
    const SyncOutcome full = sync();
    QVERIFY2(full.ok, qPrintable(full.error));
    for (const auto &problem : full.problems)
        qWarning("rejected: %s %s", qPrintable(problem.ref), qPrintable(problem.message));
    QCOMPARE(full.summary.added, int(servedNow.size()));
    QVERIFY(full.problems.isEmpty());
    auto live = cache.database().queryInt(QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL"));
    QCOMPARE(live.value(), qint64(servedNow.size()));
    // The Location Backstage generates for its config file is there too.
    auto generated = cache.database().queryInt(
        QStringLiteral("SELECT count(*) FROM entities WHERE key LIKE 'location:default/generated-%'"));
    QVERIFY(generated.value() >= 1);
    // The server's relations arrays came along: every stored relation is one its origin's
    // document states, and a group's ownerOf (only ever in that array: no Group's spec says
    // what it owns) reads from the group's end.
    auto stored = cache.database().queryInt(QStringLiteral("SELECT count(*) FROM relations"));
    QVERIFY(stored.value() > 0);
    auto notStated = cache.database().queryInt(QStringLiteral(
        "SELECT count(*) FROM relations r JOIN entities o ON o.id = r.origin_id WHERE NOT EXISTS (SELECT 1 FROM "
        "json_each(o.document, '$.relations') j WHERE json_extract(j.value, '$.type') = r.type "
        "AND lower(json_extract(j.value, '$.targetRef')) = r.target_key)"));
    QCOMPARE(notStated.value(), 0);
    auto owns = cache.database().queryInt(
        QStringLiteral("SELECT count(*) FROM v_relations WHERE source LIKE 'group:%' AND type = 'ownerOf'"));
    QVERIFY(owns.value() >= 1);
    // Each relation stored once: the server gives the group an ownerOf for each ownedBy, and
    // the group's is kept only for what the catalog does not have.
    auto twice = cache.database().queryInt(
        QStringLiteral("SELECT count(*) FROM relations r JOIN entities t ON t.key = r.target_key "
                       "WHERE r.type = 'ownerOf' AND t.removed_at IS NULL"));
    QCOMPARE(twice.value(), 0);

    // Edit one, add one, remove one, in the served files.
    QFile file(edited);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray yaml = file.readAll();
    file.close();
    const QByteArray before = "  description: Finds an artist by name, alias or catalogue number\n";
    QVERIFY(yaml.contains(before));
    yaml.replace(before, "  description: Artist Lookup, edited by the Cairn test\n");
    QVERIFY(writeFile(edited, yaml));
    QVERIFY(writeFile(extra, probe(QStringLiteral("cairn-probe-added"), QStringLiteral("new here"))));
    const int count = int(servedNow.size());
    QVERIFY2(waitCount(count + 1, port, 120, false, &said), qPrintable(said)); // the addition shows first
    QVERIFY2(waitCount(count, port, 180, true, &said), qPrintable(said)); // then the orphan goes
    QMap<QString, QString> after;
    QElapsedTimer waitEdit;
    waitEdit.start();
    while (waitEdit.elapsed() < 120'000) {
        after = stableListing(observer, 120);
        if (after.value(QStringLiteral("component:default/artist-lookup"))
            != servedNow.value(QStringLiteral("component:default/artist-lookup")))
            break;
        QTest::qWait(2000);
    }
    QVERIFY(after.contains(QStringLiteral("component:default/cairn-probe-added")));
    QVERIFY(!after.contains(QStringLiteral("component:default/cairn-probe-removed")));
    int differing = 0;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        differing += servedNow.contains(it.key()) && servedNow.value(it.key()) != it.value();
    QCOMPARE(differing, 1); // only the edited entity changed upstream

    // Incremental sync: the listing (one page) and one by-refs request for the two.
    const SyncOutcome incremental = sync();
    QVERIFY2(incremental.ok, qPrintable(incremental.error));
    qInfo("incremental: +%d ~%d =%d -%d held %d, %d requests", incremental.summary.added, incremental.summary.changed,
        incremental.summary.unchanged, incremental.summary.removed, int(incremental.summary.held),
        incremental.requests);
    for (const auto &problem : incremental.problems)
        qWarning("rejected: %s %s", qPrintable(problem.ref), qPrintable(problem.message));
    QCOMPARE(incremental.summary.added, 1);
    QCOMPARE(incremental.summary.changed, 1);
    QCOMPARE(incremental.summary.removed, 1);
    QCOMPARE(incremental.summary.unchanged, count - 2); // all but the edited and the removed
    QCOMPARE(incremental.summary.addedRefs.first().key(), QStringLiteral("component:default/cairn-probe-added"));
    QCOMPARE(incremental.summary.changedRefs.first().key(), QStringLiteral("component:default/artist-lookup"));
    QCOMPARE(incremental.summary.removedRefs.first().key(), QStringLiteral("component:default/cairn-probe-removed"));
    QCOMPARE(incremental.requests, 2);
    auto description
        = cache.database().queryText(QStringLiteral("SELECT json_extract(document, '$.metadata.description') FROM "
                                                    "entities WHERE key = 'component:default/artist-lookup'"));
    QCOMPARE(description.value(), QStringLiteral("Artist Lookup, edited by the Cairn test"));

    // Nothing changed since: the listing alone, now answered 304 against the stored validator.
    const SyncOutcome again = sync();
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(again.summary.unchanged, count);
    QCOMPARE(again.requests, 1);
    QVERIFY(again.notModified);
    qInfo("integration test took %lld s", total.elapsed() / 1000);
}

QTEST_GUILESS_MAIN(TestBackstageIntegration)
#include "tst_backstage_integration.moc"
