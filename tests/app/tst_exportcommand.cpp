// SPDX-License-Identifier: GPL-3.0-or-later
// `cairn export` as a user runs it: the real executable on a cache of the test catalog (tests/data/backstage).
#include "cache/Cache.h"
#include "sync/CatalogExporter.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

class TestExportCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void csvToFileAndStdout();
    void csvOptions();
    void unknownColumnIsAUsageError();
    void unwritablePathLeavesTheOldFile();
    void aFullDiskLeavesEverythingAsItWas();
    void reseedThroughYamlAndBundle();
    void serverOnlyFieldsAreStripped();
    void exportsOneHealthBand();

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QString err;
    };
    Run cairn(const QString &cache, const QStringList &arguments, qint64 fileSizeLimit = 0);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_cache;
};

namespace {

const QString kExamples = QStringLiteral(CAIRN_TEST_DATA_DIR "/backstage");

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

// Every file under `folder` (relative path → bytes), hidden ones too: what a failed export
// must leave exactly as it was.
QMap<QString, QByteArray> folderContents(const QString &folder)
{
    QMap<QString, QByteArray> out;
    const QDir root(folder);
    const QStringList entries = root.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        const QFileInfo info(root.filePath(entry));
        if (info.isDir() && !info.isSymLink()) {
            const QMap<QString, QByteArray> inner = folderContents(info.filePath());
            out.insert(entry + u'/', QByteArray("<folder>"));
            for (auto it = inner.constBegin(); it != inner.constEnd(); ++it)
                out.insert(entry + u'/' + it.key(), it.value());
        } else {
            out.insert(entry, fileBytes(info.filePath()));
        }
    }
    return out;
}

// Live documents by lower-case ref; Locations left out unless asked (the export leaves them out).
QMap<QString, QJsonObject> documents(const QString &cachePath, bool locations = false)
{
    QMap<QString, QJsonObject> out;
    auto cache = cairn::cache::Cache::openReadOnly(cachePath);
    if (!cache)
        return out;
    auto q = (*cache)->database().prepare(
        QStringLiteral("SELECT key, document FROM entities WHERE removed_at IS NULL AND (?1 OR kind <> 'location')"));
    if (!q)
        return out;
    q->bind(1, locations ? 1 : 0);
    while (*q->step() == cairn::cache::Statement::Step::Row)
        out.insert(q->text(0), QJsonDocument::fromJson(q->utf8(1)).object());
    return out;
}

// Documents equal after stripping what a server adds; reports the first difference.
bool sameDocuments(const QMap<QString, QJsonObject> &expected, const QMap<QString, QJsonObject> &actual, QString *why)
{
    if (expected.keys() != actual.keys()) {
        *why = QStringLiteral("refs differ: expected %1, got %2")
                   .arg(expected.keys().join(u' '), actual.keys().join(u' '));
        return false;
    }
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        const QJsonObject want = cairn::sync::CatalogExporter::catalogDocument(it.value());
        const QJsonObject got = actual.value(it.key());
        if (want != got) {
            *why = it.key() + QStringLiteral(":\n  expected ")
                + QString::fromUtf8(QJsonDocument(want).toJson(QJsonDocument::Compact))
                + QStringLiteral("\n  got      ")
                + QString::fromUtf8(QJsonDocument(got).toJson(QJsonDocument::Compact));
            return false;
        }
    }
    return true;
}

} // namespace

TestExportCommand::Run TestExportCommand::cairn(
    const QString &cache, const QStringList &arguments, qint64 fileSizeLimit)
{
    QProcess process;
    if (fileSizeLimit > 0) {
        // A full disk, as far as the export can tell: writes past the limit fail with
        // EFBIG (the signal that would kill the process is ignored).
        process.setChildProcessModifier([fileSizeLimit] {
            const rlimit limit { rlim_t(fileSizeLimit), rlim_t(fileSizeLimit) };
            ::setrlimit(RLIMIT_FSIZE, &limit);
            ::signal(SIGXFSZ, SIG_IGN);
        });
    }
    process.start(QStringLiteral(CAIRN_EXECUTABLE), QStringList { QStringLiteral("--cache"), cache } + arguments);
    Run run;
    if (!process.waitForFinished(120'000))
        return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestExportCommand::initTestCase()
{
    QVERIFY(QFileInfo::exists(QStringLiteral(CAIRN_EXECUTABLE)));
    QVERIFY(m_dir.isValid());
    m_cache = path(QStringLiteral("a.sqlite3"));
    const Run imported = cairn(m_cache,
        { QStringLiteral("import"), kExamples + QStringLiteral("/all.yaml"), kExamples + QStringLiteral("/org.yaml") });
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
    QCOMPARE(documents(m_cache).size(), 48); // 54 entities, 6 of them Locations
}

void TestExportCommand::csvToFileAndStdout()
{
    const QString file = path(QStringLiteral("components.csv"));
    const Run run = cairn(m_cache,
        { QStringLiteral("export"), QStringLiteral("--kind"), QStringLiteral("component"), QStringLiteral("-o"),
            file });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(run.out.contains("Exported 12 rows"));
    const QByteArray csv = fileBytes(file);
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.size(), 12 + 2); // header, 12 components, "" after the last CRLF
    // The view's columns, then the health ones (each stored scorecard's too: tst_healthcommand).
    QVERIFY(lines.first().startsWith("ref,name,title,type,lifecycle,owner,system,tags,health,health_band,"
                                     "health_component_readiness,"));
    const auto hasRow = [&lines](const QByteArray &start) {
        return std::any_of(lines.cbegin(), lines.cend(), [&start](const QByteArray &l) { return l.startsWith(start); });
    };
    QVERIFY(hasRow("Component:default/artist-lookup,artist-lookup,,service,experimental,"
                   "group:default/team-a,artist-engagement-portal,java; data,"));
    QVERIFY(hasRow("Component:default/playback-order,playback-order,,service,production,"
                   "group:default/guest,,java; playback,"));
    QCOMPARE(lines.last(), QByteArray());

    // Standard output gets the same bytes, and nothing else.
    const Run toStdout
        = cairn(m_cache, { QStringLiteral("export"), QStringLiteral("--kind"), QStringLiteral("Component") });
    QCOMPARE(toStdout.code, 0);
    QCOMPARE(toStdout.out, csv);
}

void TestExportCommand::csvOptions()
{
    const Run run = cairn(m_cache,
        { QStringLiteral("export"), QStringLiteral("--kind"), QStringLiteral("user"), QStringLiteral("--columns"),
            QStringLiteral("name, email"), QStringLiteral("--bom"), QStringLiteral("--delimiter"), QStringLiteral(";"),
            QStringLiteral("--owner"), QStringLiteral("nobody"), QStringLiteral("-o"), QStringLiteral("-") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.out,
        QByteArray("\xEF\xBB\xBF"
                   "name;email\r\n")); // users own nothing

    const Run tabs = cairn(m_cache,
        { QStringLiteral("export"), QStringLiteral("--kind"), QStringLiteral("group"), QStringLiteral("--columns"),
            QStringLiteral("name,parent"), QStringLiteral("--delimiter"), QStringLiteral("tab"),
            QStringLiteral("--query"), QStringLiteral("team-a") });
    QCOMPARE(tabs.code, 0);
    QVERIFY2(tabs.out.startsWith("name\tparent\r\nteam-a\tbackstage\r\n"), tabs.out.constData());
}

void TestExportCommand::unknownColumnIsAUsageError()
{
    const QString file = path(QStringLiteral("never.csv"));
    const Run run = cairn(m_cache,
        { QStringLiteral("export"), QStringLiteral("--kind"), QStringLiteral("component"), QStringLiteral("--columns"),
            QStringLiteral("ref,colour"), QStringLiteral("-o"), file });
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(u"\"colour\""), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"ref, name, title, type, lifecycle, owner, system, subcomponent_of, tags, description"),
        qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(file));

    QCOMPARE(cairn(m_cache, { QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xml") }).code, 2);
    QCOMPARE(
        cairn(m_cache,
            { QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("yaml"), QStringLiteral("--bom") })
            .code,
        2);
}

void TestExportCommand::unwritablePathLeavesTheOldFile()
{
    // A folder that cannot exist: its parent is a file.
    QVERIFY(writeFile(path(QStringLiteral("plain-file")), "x"));
    const QString impossible = path(QStringLiteral("plain-file/out.csv"));
    Run run = cairn(m_cache, { QStringLiteral("export"), QStringLiteral("-o"), impossible });
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(impossible), qPrintable(run.err));

    // The disk fills up half way: the old file keeps its bytes, no temporary is left.
    const QString dir = path(QStringLiteral("full"));
    QVERIFY(QDir().mkpath(dir));
    const QString target = dir + QStringLiteral("/all.csv");
    QVERIFY(writeFile(target, "old,content\r\n"));
    // Keep the cache's -shm in place (and full size) so the child needs no file growth to read it.
    auto holder = cairn::cache::Cache::openReadOnly(m_cache);
    QVERIFY(holder);
    QVERIFY((*holder)->database().queryInt(QStringLiteral("SELECT count(*) FROM entities")));
    run = cairn(m_cache,
        { QStringLiteral("export"), QStringLiteral("--columns"), QStringLiteral("ref,document"), QStringLiteral("-o"),
            target },
        4096);
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(target), qPrintable(run.err));
    QCOMPARE(fileBytes(target), QByteArray("old,content\r\n"));
    QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("all.csv") });

    // A folder export whose second file fails: the files before it are not committed
    // either, so the folder holds exactly what it held (and a folder it created is gone).
    const QString byKind = path(QStringLiteral("full-by-kind"));
    QVERIFY(QDir().mkpath(byKind));
    QVERIFY(writeFile(byKind + QStringLiteral("/component.yaml"), "old: component\n"));
    QVERIFY(writeFile(byKind + QStringLiteral("/notes.txt"), "mine\n"));
    const QMap<QString, QByteArray> before = folderContents(byKind);
    run = cairn(m_cache,
        { QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("yaml"), QStringLiteral("-o"), byKind },
        2048); // airesource.yaml fits, api.yaml does not
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(byKind), qPrintable(run.err));
    QCOMPARE(folderContents(byKind), before);
    const QString fresh = path(QStringLiteral("fresh/by-kind"));
    run = cairn(m_cache,
        { QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("yaml"), QStringLiteral("-o"), fresh },
        2048); // airesource.yaml fits, api.yaml does not
    QCOMPARE(run.code, 1);
    QVERIFY2(!QFileInfo::exists(path(QStringLiteral("fresh"))), "a failed export left the folders it created");

    if (::geteuid() != 0) { // root writes anywhere: the permission case only means something for others
        QVERIFY(QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner));
        run = cairn(m_cache, { QStringLiteral("export"), QStringLiteral("-o"), target });
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(target), qPrintable(run.err));
        QCOMPARE(fileBytes(target), QByteArray("old,content\r\n"));
    }
}

// The same on a real filesystem that fills up (a 64 KiB tmpfs, mounted when the tests run
// as root, as in CI): every kind of export fails with the system's reason, and every file
// and folder on it is exactly as it was.
void TestExportCommand::aFullDiskLeavesEverythingAsItWas()
{
    if (::geteuid() != 0)
        QSKIP("Mounting a small tmpfs needs root (CI runs as root); the file-size limit case covers the rest.");
    const QString disk = path(QStringLiteral("small-disk"));
    QVERIFY(QDir().mkpath(disk));
    QProcess mount;
    mount.start(QStringLiteral("mount"),
        { QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), QStringLiteral("size=64k"),
            QStringLiteral("tmpfs"), disk });
    if (!mount.waitForFinished(30'000) || mount.exitStatus() != QProcess::NormalExit || mount.exitCode() != 0)
        QSKIP(qPrintable(QStringLiteral("This machine does not let root mount a tmpfs: ")
            + QString::fromLocal8Bit(mount.readAllStandardError()).trimmed()));
    const auto unmount = qScopeGuard([&disk] { QProcess::execute(QStringLiteral("umount"), { disk }); });

    const QString csv = disk + QStringLiteral("/components.csv");
    const QString yaml = disk + QStringLiteral("/all.yaml");
    const QString bundle = disk + QStringLiteral("/bundle.json");
    const QString byKind = disk + QStringLiteral("/by-kind");
    QVERIFY(writeFile(csv, "old,content\r\n"));
    QVERIFY(writeFile(yaml, "old: yaml\n"));
    QVERIFY(writeFile(bundle, "{\"items\": []}\n"));
    QVERIFY(QDir().mkpath(byKind));
    QVERIFY(writeFile(byKind + QStringLiteral("/component.yaml"), "old: component\n"));
    // Fill the disk, then give back 8 KiB: less than any of the exports below needs.
    {
        QFile filler(disk + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray block(4096, 'f');
        while (filler.write(block) == block.size()) { }
        QVERIFY(filler.resize(std::max<qint64>(0, filler.size() - 8192)));
    }
    const QMap<QString, QByteArray> before = folderContents(disk);

    const QList<QStringList> exports = {
        { QStringLiteral("--columns"), QStringLiteral("ref,document"), QStringLiteral("-o"), csv },
        { QStringLiteral("--format"), QStringLiteral("yaml"), QStringLiteral("-o"), yaml },
        { QStringLiteral("--format"), QStringLiteral("bundle"), QStringLiteral("-o"), bundle },
        { QStringLiteral("--format"), QStringLiteral("yaml"), QStringLiteral("-o"), byKind },
        { QStringLiteral("--format"), QStringLiteral("yaml"), QStringLiteral("-o"), disk + QStringLiteral("/new/x") },
    };
    for (const QStringList &arguments : exports) {
        const Run run = cairn(m_cache, QStringList { QStringLiteral("export") } + arguments);
        const QString what = arguments.join(u' ');
        QVERIFY2(run.code == 1, qPrintable(what + QStringLiteral(" exited %1: %2").arg(run.code).arg(run.err)));
        QVERIFY2(run.err.contains(QStringLiteral("Could not write ") + disk)
                && run.err.contains(QStringLiteral(": No space left on device")),
            qPrintable(what + QStringLiteral(": ") + run.err));
        QVERIFY2(!run.out.contains("Exported"), qPrintable(what));
        QCOMPARE(folderContents(disk), before);
    }
}

// Re-seed: export the directory, import the export into a second cache, compare entity by entity.
void TestExportCommand::reseedThroughYamlAndBundle()
{
    const QMap<QString, QJsonObject> original = documents(m_cache);
    struct Way
    {
        QStringList exportArgs;
        QString importPath;
    };
    const QList<Way> ways = {
        { { QStringLiteral("--format"), QStringLiteral("yaml"), QStringLiteral("-o"),
              path(QStringLiteral("all.yaml")) },
            path(QStringLiteral("all.yaml")) },
        { { QStringLiteral("--format"), QStringLiteral("yaml"), QStringLiteral("-o"), path(QStringLiteral("by-kind")) },
            path(QStringLiteral("by-kind")) },
        { { QStringLiteral("--format"), QStringLiteral("bundle"), QStringLiteral("-o"),
              path(QStringLiteral("bundle.json")) },
            path(QStringLiteral("bundle.json")) },
    };
    int n = 0;
    for (const Way &way : ways) {
        const Run exported = cairn(m_cache, QStringList { QStringLiteral("export") } + way.exportArgs);
        QVERIFY2(exported.code == 0, qPrintable(exported.err));
        QVERIFY(exported.out.contains(QByteArray::number(original.size()) + " entities"));
        const QString second = path(QStringLiteral("reseed-%1.sqlite3").arg(++n));
        const Run imported = cairn(second, { QStringLiteral("import"), way.importPath });
        QVERIFY2(imported.code == 0, qPrintable(imported.err));
        QString why;
        QVERIFY2(sameDocuments(original, documents(second, true), &why), qPrintable(way.importPath + u' ' + why));
    }
    QVERIFY(QFileInfo::exists(path(QStringLiteral("by-kind/component.yaml"))));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("by-kind/location.yaml"))));
}

void TestExportCommand::serverOnlyFieldsAreStripped()
{
    // A document as a Backstage server serves it (and a Backstage-synced cache keeps it).
    const QByteArray served
        = R"({"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"ledger","namespace":"default",)"
          R"("uid":"0b9c5a8e","etag":"f00d","annotations":{"backstage.io/managed-by-location":"url:https://x/catalog.yaml",)"
          R"("backstage.io/managed-by-origin-location":"url:https://x/catalog.yaml","backstage.io/techdocs-ref":"dir:."},)"
          R"("labels":{"tier":"1"},"tags":["finance"]},"spec":{"type":"service","lifecycle":"production","owner":"group:finance",)"
          R"("version":"2.10","since":"2024-05-01","enabled":"on","replicas":3},)"
          R"("relations":[{"type":"ownedBy","targetRef":"group:default/finance"}],"status":{"items":[]}})";
    QVERIFY(writeFile(path(QStringLiteral("served.json")), served));
    const QString cache = path(QStringLiteral("served.sqlite3"));
    QCOMPARE(cairn(cache, { QStringLiteral("import"), path(QStringLiteral("served.json")) }).code, 0);
    const QJsonObject expected = QJsonDocument::fromJson(
        R"({"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"ledger","namespace":"default",)"
        R"("annotations":{"backstage.io/techdocs-ref":"dir:."},"labels":{"tier":"1"},"tags":["finance"]},)"
        R"("spec":{"type":"service","lifecycle":"production","owner":"group:finance","version":"2.10","since":"2024-05-01",)"
        R"("enabled":"on","replicas":3}})")
                                     .object();
    for (const QString &format : { QStringLiteral("yaml"), QStringLiteral("bundle") }) {
        const QString out
            = path(format == u"yaml" ? QStringLiteral("served-yaml") : QStringLiteral("served.bundle.json"));
        const Run run
            = cairn(cache, { QStringLiteral("export"), QStringLiteral("--format"), format, QStringLiteral("-o"), out });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QString again = path(QStringLiteral("served-again-") + format + QStringLiteral(".sqlite3"));
        const QString importPath = format == u"yaml" ? out + QStringLiteral("/component.yaml") : out;
        QVERIFY2(cairn(again, { QStringLiteral("import"), importPath }).code == 0, qPrintable(importPath));
        const QMap<QString, QJsonObject> back = documents(again);
        QCOMPARE(back.keys(), QStringList { QStringLiteral("component:default/ledger") });
        QCOMPARE(back.first(), expected);
    }
    // The YAML keeps strings as strings.
    const QByteArray yaml = fileBytes(path(QStringLiteral("served-yaml/component.yaml")));
    QVERIFY2(yaml.contains("version: \"2.10\"") && yaml.contains("since: \"2024-05-01\"")
            && yaml.contains("enabled: \"on\"") && yaml.contains("replicas: 3") && !yaml.contains("uid")
            && !yaml.contains("managed-by"),
        yaml.constData());
}

void TestExportCommand::exportsOneHealthBand()
{
    // Every component with its worst band, then those of each band alone: the same rows.
    const QStringList columns { QStringLiteral("--columns"), QStringLiteral("ref,health_band") };
    const QStringList base { QStringLiteral("--today"), QStringLiteral("2026-11-24"), QStringLiteral("export"),
        QStringLiteral("--kind"), QStringLiteral("component") };
    const Run all = cairn(m_cache, base + columns);
    QVERIFY2(all.code == 0, qPrintable(all.err));
    QList<QByteArray> rows = all.out.split('\n');
    rows.removeFirst(); // the header
    rows.removeAll(QByteArray());
    QCOMPARE(rows.size(), 12);
    int seen = 0;
    for (const char *band : { "failing", "needs-attention", "passing" }) {
        const Run one
            = cairn(m_cache, base + columns + QStringList { QStringLiteral("--band"), QString::fromLatin1(band) });
        QVERIFY2(one.code == 0, qPrintable(one.err));
        QList<QByteArray> banded = one.out.split('\n');
        banded.removeFirst();
        banded.removeAll(QByteArray());
        QList<QByteArray> expected;
        for (const QByteArray &row : std::as_const(rows)) {
            if (row.endsWith(QByteArray(",") + band + "\r"))
                expected.append(row);
        }
        QCOMPARE(banded, expected);
        seen += int(banded.size());
    }
    QCOMPARE(seen, 12); // a scorecard applies to every component of the examples
    const Run wrong = cairn(m_cache, base + QStringList { QStringLiteral("--band"), QStringLiteral("green") });
    QCOMPARE(wrong.code, 2);
    QVERIFY2(wrong.err.contains(QStringLiteral("unknown band")), qPrintable(wrong.err));
}

QTEST_GUILESS_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
