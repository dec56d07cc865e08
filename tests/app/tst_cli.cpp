// SPDX-License-Identifier: GPL-3.0-or-later
// The command line as a user meets it: the real `cairn` binary run with QProcess on temp
// caches (HOME and XDG folders point into a temp dir, so the user's own cache is never
// touched), asserting exit codes, what stdout and stderr say, and what the cache holds.
#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sqlite3.h>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

QString component(const QString &name, const QString &owner = QStringLiteral("team-a"))
{
    return QStringLiteral("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: %1\n"
                          "spec:\n  type: service\n  lifecycle: production\n  owner: %2\n")
        .arg(name, owner);
}

bool writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(text.toUtf8()) >= 0 && file.flush();
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;

    QString cachePath() const { return m_home->filePath(QStringLiteral("cache.sqlite3")); }
    QString examples(const QString &file) const { return QStringLiteral(CAIRN_TEST_DATA_DIR "/backstage/") + file; }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("CAIRN_CACHE"));
        env.insert(QStringLiteral("HOME"), m_home->path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("xdg-data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("xdg-config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home->filePath(QStringLiteral("xdg-cache")));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        return env;
    }

    // Runs cairn with the arguments as given: no --cache added.
    Run bare(const QStringList &arguments, const QProcessEnvironment &env)
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(CAIRN_EXECUTABLE), arguments);
        Run run;
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished();
            run.err = QStringLiteral("cairn did not finish: ") + process.errorString();
            return run;
        }
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    // Runs cairn on the test's cache (global --cache first, as users usually write it).
    Run cairn(const QStringList &arguments)
    {
        return bare(QStringList { QStringLiteral("--cache"), cachePath() } + arguments, environment());
    }

    QJsonObject json(const QStringList &arguments)
    {
        const Run run = cairn(arguments);
        if (run.code != 0)
            qWarning("cairn %s: exit %d: %s", qPrintable(arguments.join(u' ')), run.code, qPrintable(run.err));
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }

    // Live entities per lower-case kind, from `list --json`.
    QMap<QString, int> kindsListed(const QStringList &extra = {})
    {
        QMap<QString, int> kinds;
        const QJsonArray entities = json(QStringList { QStringLiteral("list"), QStringLiteral("--json"),
                                             QStringLiteral("--limit"), QStringLiteral("100000") }
            + extra)
                                        .value(u"entities")
                                        .toArray();
        for (const QJsonValue v : entities)
            ++kinds[v.toObject().value(u"kind").toString().toLower()];
        return kinds;
    }

    QStringList refsListed(const QStringList &extra = {})
    {
        QStringList refs;
        const QJsonArray entities = json(QStringList { QStringLiteral("list"), QStringLiteral("--json") } + extra)
                                        .value(u"entities")
                                        .toArray();
        for (const QJsonValue v : entities)
            refs.append(v.toObject().value(u"ref").toString());
        return refs;
    }

    QStringList removedRefs()
    {
        QStringList refs;
        const QJsonArray removed
            = json({ QStringLiteral("removed"), QStringLiteral("--json") }).value(u"removed").toArray();
        for (const QJsonValue v : removed)
            refs.append(v.toObject().value(u"ref").toString());
        return refs;
    }

    // A folder of catalog files, one component per file: svc-0.yaml ... svc-(n-1).yaml.
    QString folderOfComponents(const QString &name, int count)
    {
        QString folder = m_home->filePath(name);
        for (int i = 0; i < count; ++i)
            writeFile(QStringLiteral("%1/svc-%2.yaml").arg(folder).arg(i),
                component(QStringLiteral("%1-svc-%2").arg(name).arg(i)));
        return folder;
    }

    static QString snapshotIdIn(const QString &text)
    {
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("\\b(\\d{8}T\\d{9})\\b")).match(text);
        return m.hasMatch() ? m.captured(1) : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
    }

    // `cairn list > /dev/full`: the answer never reached its reader, so the command fails
    // and says so, whichever command wrote it.
    void aFullStandardOutputIsAnError()
    {
        if (!QFileInfo::exists(QStringLiteral("/dev/full")))
            QSKIP("This system has no /dev/full.");
        QVERIFY(cairn({ QStringLiteral("sample") }).code == 0);
        for (const QStringList &arguments : { QStringList { QStringLiteral("list") },
                 QStringList { QStringLiteral("show"), QStringLiteral("checkout-service") },
                 QStringList { QStringLiteral("ask"), QStringLiteral("who owns checkout-service") } }) {
            QProcess process;
            process.setProcessEnvironment(environment());
            process.setStandardOutputFile(QStringLiteral("/dev/full"));
            process.start(
                QStringLiteral(CAIRN_EXECUTABLE), QStringList { QStringLiteral("--cache"), cachePath() } + arguments);
            QVERIFY(process.waitForFinished(120000));
            const QString err = QString::fromUtf8(process.readAllStandardError());
            QCOMPARE(process.exitCode(), 1);
            QVERIFY2(err.contains(QStringLiteral("Could not write to standard output: No space left on device")),
                qPrintable(arguments.join(u' ') + QStringLiteral(": ") + err));
        }
    }

    // A pasted page is not a question: refused with its length, and nothing is answered.
    void askRefusesAQuestionPastTheLimit()
    {
        QCOMPARE(cairn({ QStringLiteral("sample") }).code, 0);
        const Run run = cairn({ QStringLiteral("ask"), QStringLiteral("checkout-service").repeated(65) });
        QCOMPARE(run.code, 1);
        QVERIFY2(
            run.err.contains(u"The question is 1040 characters long; Cairn reads questions of up to 500 characters."),
            qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void versionAndHelp()
    {
        Run run = cairn({ QStringLiteral("--version") });
        QCOMPARE(run.code, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^cairn \\d+\\.\\d+\\.\\d+\\n$")).match(run.out).hasMatch(),
            qPrintable(run.out));

        run = cairn({ QStringLiteral("--help") });
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(u"Usage: cairn [--cache FILE] [--today DATE] COMMAND"));
        for (const char16_t *command : { u"sample", u"import", u"ask", u"show", u"list", u"removed", u"hygiene",
                 u"health", u"snapshot", u"check", u"purge" }) {
            QVERIFY2(QRegularExpression(QStringLiteral("\\n  cairn %1\\b").arg(QString::fromUtf16(command)))
                         .match(run.out)
                         .hasMatch(),
                qPrintable(QString::fromUtf16(command)));
        }
        QVERIFY(run.out.contains(u"Exit codes: 0 ok, 1 error, 2 usage, 3 held"));

        // A command's own help exits 0 and never opens the cache.
        run = cairn({ QStringLiteral("import"), QStringLiteral("--help") });
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(u"--allow-removals"));
        QVERIFY2(run.out.startsWith(u"Usage: cairn import [options] PATH..."), qPrintable(run.out));
        QVERIFY(!QFileInfo::exists(cachePath()));

        // No command at all: the help, as a usage error.
        run = cairn({});
        QCOMPARE(run.code, 2);
        QVERIFY(run.out.contains(u"Commands:"));
    }

    void unknownCommandIsAUsageErrorWithAHint()
    {
        const Run run = cairn({ QStringLiteral("frobnicate") });
        QCOMPARE(run.code, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(u"unknown command \"frobnicate\""), qPrintable(run.err));
        QVERIFY(run.err.contains(u"cairn --help"));
        QVERIFY(!QFileInfo::exists(cachePath()));
    }

    void usageErrorsExitTwo()
    {
        const QList<QStringList> wrong = {
            { QStringLiteral("show") },
            { QStringLiteral("show"), QStringLiteral("a"), QStringLiteral("b") },
            { QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("x") },
            { QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("0") },
            { QStringLiteral("list"), QStringLiteral("--no-such-option") },
            { QStringLiteral("import") },
            { QStringLiteral("snapshot") },
            { QStringLiteral("snapshot"), QStringLiteral("restore") },
            { QStringLiteral("purge") },
            { QStringLiteral("purge"), QStringLiteral("--older-than"), QStringLiteral("soon") },
            { QStringLiteral("purge"), QStringLiteral("--older-than"), QStringLiteral("-3") },
            { QStringLiteral("--cache") },
            { QStringLiteral("--cache="), QStringLiteral("list") },
            { QStringLiteral("--cache"), QString(), QStringLiteral("list") },
        };
        for (const QStringList &arguments : wrong) {
            const Run run
                = arguments.first().startsWith(u"--cache") ? bare(arguments, environment()) : cairn(arguments);
            QVERIFY2(run.code == 2, qPrintable(QStringLiteral("%1: exit %2").arg(arguments.join(u' ')).arg(run.code)));
            QVERIFY2(!run.err.trimmed().isEmpty(), qPrintable(arguments.join(u' ')));
        }
        // Usage errors are caught before any cache is opened, the default one included.
        QVERIFY(!QFileInfo::exists(cachePath()));
        QVERIFY(!QFileInfo::exists(m_home->filePath(QStringLiteral("xdg-data"))));
    }

    void errorsSayWhatAndExitOne()
    {
        const QString missing = m_home->filePath(QStringLiteral("no-such-folder/catalog.yaml"));
        Run run = cairn({ QStringLiteral("import"), missing });
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(missing) && run.err.contains(u"no such file or folder"), qPrintable(run.err));

        QCOMPARE(cairn({ QStringLiteral("import"), folderOfComponents(QStringLiteral("err"), 1) }).code, 0);
        run = cairn({ QStringLiteral("show"), QStringLiteral("component:default/nope") });
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"There is no component:default/nope in the cache"), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        run = cairn({ QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("nope") });
        QCOMPARE(run.code, 1);
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"outcome").toString(),
            QStringLiteral("not-found"));
        // A bare name that exists is shown like its full ref.
        run = cairn({ QStringLiteral("show"), QStringLiteral("err-svc-0") });
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(u"Component:default/err-svc-0"), qPrintable(run.out));
    }

    void aCacheThatCannotBeOpenedSaysWhatToType()
    {
        // A folder where the cache file should be: cache/ states the fact (a ReadOnly
        // failure), the command line names the flag.
        const Run run = bare({ QStringLiteral("--cache"), m_home->path(), QStringLiteral("list") }, environment());
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Cannot open the cache file %1").arg(m_home->path()))
                && run.err.contains(u"choose another file with --cache"),
            qPrintable(run.err));
    }

    void aDryRunWritesNothing()
    {
        const QString folder = folderOfComponents(QStringLiteral("dry"), 3);
        const Run run = cairn({ QStringLiteral("import"), folder, QStringLiteral("--dry-run") });
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.startsWith(u"Would apply: 3 added"), qPrintable(run.out));
        QVERIFY(refsListed().isEmpty());
    }

    void importsTheBackstageCatalog()
    {
        const QStringList files { examples(QStringLiteral("all.yaml")), examples(QStringLiteral("org.yaml")) };
        Run run = cairn(QStringList { QStringLiteral("import") } + files);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"54 added, 0 changed, 0 unchanged, 0 removed"), qPrintable(run.out));
        // The owner `guest` of playback-order (a group that does not exist) is a note, not an error.
        QVERIFY2(run.out.contains(u"Unresolved owners"), qPrintable(run.out));
        QVERIFY2(QRegularExpression(
                     QStringLiteral(
                         "Component:default/playback-order is owned by group:default/guest, which is not in the cache"))
                     .match(run.out)
                     .hasMatch(),
            qPrintable(run.out));
        QVERIFY2(!run.err.contains(u"playback-order"), qPrintable(run.err));

        const QMap<QString, int> expected { { QStringLiteral("user"), 12 }, { QStringLiteral("component"), 12 },
            { QStringLiteral("api"), 7 }, { QStringLiteral("location"), 6 }, { QStringLiteral("group"), 7 },
            { QStringLiteral("airesource"), 2 }, { QStringLiteral("domain"), 3 }, { QStringLiteral("system"), 3 },
            { QStringLiteral("resource"), 2 } };
        QCOMPARE(kindsListed(), expected);

        run = cairn({ QStringLiteral("check") });
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(u"Integrity:      ok"), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"Entities:       54 live, 0 removed upstream"), qPrintable(run.out));
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QVERIFY2(QRegularExpression(QStringLiteral("\\n  %1\\s+%2\\n").arg(it.key()).arg(it.value()))
                         .match(run.out)
                         .hasMatch(),
                qPrintable(it.key() + u'\n' + run.out));
        }

        // Every relation: the owner of a component is seen from both sides.
        run = cairn(
            { QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("component:default/playback-order") });
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(u"group:default/guest"));

        run = cairn(QStringList { QStringLiteral("import") } + files);
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(u"0 added, 0 changed, 54 unchanged, 0 removed"), qPrintable(run.out));
    }

    void cacheFromTheEnvironmentAndTheDefaultPlace()
    {
        const QString file = m_home->filePath(QStringLiteral("from-env/env.sqlite3"));
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("CAIRN_CACHE"), file);
        const QString folder = folderOfComponents(QStringLiteral("env"), 2);
        Run run = bare({ QStringLiteral("import"), folder }, env);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(QFileInfo::exists(file));
        QVERIFY(!QFileInfo::exists(cachePath()));
        // --cache wins over CAIRN_CACHE.
        run = bare({ QStringLiteral("--cache"), cachePath(), QStringLiteral("check") }, env);
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(u"0 live"));
        QVERIFY(QFileInfo::exists(cachePath()));

        // Neither: the cache lives under the (redirected) user data folder, created on demand.
        run = bare({ QStringLiteral("list") }, environment());
        QCOMPARE(run.code, 0);
        QVERIFY(QFileInfo::exists(m_home->filePath(QStringLiteral("xdg-data/Cairn/cairn/cache.sqlite3"))));
    }

    void aDeletedFileLeavesTombstones()
    {
        const QString folder = folderOfComponents(QStringLiteral("team"), 12);
        writeFile(folder + QStringLiteral("/gone.yaml"), component(QStringLiteral("old-service")));
        const QString other = folderOfComponents(QStringLiteral("other"), 3);
        Run run = cairn({ QStringLiteral("import"), folder });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(u"13 added"));

        QVERIFY(QFile::remove(folder + QStringLiteral("/gone.yaml")));
        run = cairn({ QStringLiteral("import"), folder });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"0 added, 0 changed, 12 unchanged, 1 removed upstream"), qPrintable(run.out));
        // As the source spelled it, as `cairn removed` and `cairn show` print it.
        QVERIFY2(run.out.contains(u"\n    Component:default/old-service\n"), qPrintable(run.out));

        QCOMPARE(removedRefs(), QStringList { QStringLiteral("Component:default/old-service") });
        run = cairn({ QStringLiteral("removed") });
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(u"Component:default/old-service"));
        run = cairn({ QStringLiteral("show"), QStringLiteral("Component:default/old-service") });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"Removed upstream"), qPrintable(run.out));
        QVERIFY(!refsListed().contains(u"Component:default/old-service"));
        QVERIFY(refsListed({ QStringLiteral("--include-removed") }).contains(u"Component:default/old-service"));

        // Another set of paths is another source: it never tombstones the first one's entities.
        run = cairn({ QStringLiteral("import"), other });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"3 added, 0 changed, 0 unchanged, 0 removed"), qPrintable(run.out));
        QCOMPARE(refsListed().size(), 15);
        QCOMPARE(removedRefs().size(), 1);

        // The file coming back brings the entity back to life.
        writeFile(folder + QStringLiteral("/gone.yaml"), component(QStringLiteral("old-service")));
        run = cairn({ QStringLiteral("import"), folder });
        QVERIFY2(run.out.contains(u"1 added, 0 changed, 12 unchanged, 0 removed"), qPrintable(run.out));
        QVERIFY(removedRefs().isEmpty());
    }

    void aBadDocumentIsReportedAndTheRestImported()
    {
        const QString folder = m_home->filePath(QStringLiteral("mixed"));
        // The second document lacks its required spec.owner.
        writeFile(folder + QStringLiteral("/catalog.yaml"),
            component(QStringLiteral("good-one")) + QStringLiteral("---\n")
                + QStringLiteral("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: no-owner\n"
                                 "spec:\n  type: service\n  lifecycle: production\n")
                + QStringLiteral("---\n") + component(QStringLiteral("good-two")));
        const Run run = cairn({ QStringLiteral("import"), folder });
        QCOMPARE(run.code, 1);
        QVERIFY2(QRegularExpression(
                     QStringLiteral(
                         "catalog\\.yaml:10 \\(Component:default/no-owner\\): invalid entity, skipped: spec\\.owner"))
                     .match(run.err)
                     .hasMatch(),
            qPrintable(run.err));
        QVERIFY2(run.out.contains(u"2 added") && run.out.contains(u"1 rejected"), qPrintable(run.out));
        const QStringList refs = refsListed();
        QCOMPARE(refs,
            (QStringList {
                QStringLiteral("Component:default/good-one"), QStringLiteral("Component:default/good-two") }));
    }

    void aYamlSyntaxErrorTombstonesNothing()
    {
        const QString folder = folderOfComponents(QStringLiteral("yaml"), 4);
        writeFile(folder + QStringLiteral("/pair.yaml"),
            component(QStringLiteral("pair-a")) + QStringLiteral("---\n") + component(QStringLiteral("pair-b")));
        Run run = cairn({ QStringLiteral("import"), folder });
        QVERIFY2(run.code == 0, qPrintable(run.err));

        writeFile(
            folder + QStringLiteral("/pair.yaml"), QStringLiteral("kind: Component\nmetadata: {name: [unclosed\n"));
        run = cairn({ QStringLiteral("import"), folder, QStringLiteral("--allow-removals") });
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"pair.yaml"), qPrintable(run.err));
        QVERIFY2(run.out.contains(u"0 removed"), qPrintable(run.out));
        QVERIFY(removedRefs().isEmpty());
        QCOMPARE(refsListed().size(), 6);
    }

    void aMassRemovalIsHeldUntilAllowed()
    {
        const QString folder = folderOfComponents(QStringLiteral("mass"), 10);
        Run run = cairn({ QStringLiteral("import"), folder });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        for (int i = 0; i < 8; ++i)
            QVERIFY(QFile::remove(QStringLiteral("%1/svc-%2.yaml").arg(folder).arg(i)));

        run = cairn({ QStringLiteral("import"), folder });
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(u"HELD") && run.err.contains(u"--allow-removals"), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"\n    Component:default/mass-svc-0\n"), qPrintable(run.err));
        QCOMPARE(refsListed().size(), 10);
        QVERIFY(removedRefs().isEmpty());
        run = cairn({ QStringLiteral("snapshot"), QStringLiteral("list") });
        QVERIFY(run.out.contains(u"No snapshots yet"));

        run = cairn({ QStringLiteral("import"), folder, QStringLiteral("--allow-removals") });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"8 removed upstream"), qPrintable(run.out));
        const QString snapshot = snapshotIdIn(run.out);
        QVERIFY2(!snapshot.isEmpty(), qPrintable(run.out));
        QCOMPARE(refsListed().size(), 2);
        QCOMPARE(removedRefs().size(), 8);

        run = cairn({ QStringLiteral("snapshot"), QStringLiteral("list") });
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(snapshot) && run.out.contains(u"10 entities"), qPrintable(run.out));
        // Why it was taken, last on its line.
        QVERIFY2(run.out.contains(u"10 entities  before removals of \u201c"), qPrintable(run.out));
    }

    void snapshotsRoundTrip()
    {
        const QString folder = folderOfComponents(QStringLiteral("snap"), 3);
        Run run = cairn({ QStringLiteral("import"), folder });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        run = cairn({ QStringLiteral("snapshot"), QStringLiteral("create") });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QString id = snapshotIdIn(run.out);
        QVERIFY2(!id.isEmpty(), qPrintable(run.out));
        QVERIFY(run.out.contains(u"3 entities"));

        writeFile(folder + QStringLiteral("/later.yaml"), component(QStringLiteral("later")));
        run = cairn({ QStringLiteral("import"), folder });
        QVERIFY(run.out.contains(u"1 added"));
        QCOMPARE(refsListed().size(), 4);

        run = cairn({ QStringLiteral("snapshot"), QStringLiteral("restore"), id });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QString before = snapshotIdIn(run.out.section(QStringLiteral("kept as snapshot"), 1));
        QVERIFY2(!before.isEmpty() && before != id, qPrintable(run.out));
        QCOMPARE(refsListed().size(), 3);
        QVERIFY(!refsListed().contains(u"Component:default/later"));

        run = cairn({ QStringLiteral("snapshot"), QStringLiteral("list") });
        QVERIFY(run.out.contains(id) && run.out.contains(before));
        QVERIFY2(run.out.contains(u"taken by hand") && run.out.contains(QStringLiteral("before restoring ") + id),
            qPrintable(run.out));
        // And the restore can itself be undone.
        run = cairn({ QStringLiteral("snapshot"), QStringLiteral("restore"), before });
        QCOMPARE(run.code, 0);
        QCOMPARE(refsListed().size(), 4);

        run = cairn({ QStringLiteral("snapshot"), QStringLiteral("restore"), QStringLiteral("20000101T000000000") });
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"snapshot list"), qPrintable(run.err));
    }

    void aSnapshotFromANewerCairnIsNotRestored()
    {
        Run run = cairn({ QStringLiteral("import"), folderOfComponents(QStringLiteral("future"), 2) });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        run = cairn({ QStringLiteral("snapshot"), QStringLiteral("create") });
        const QString id = snapshotIdIn(run.out);
        QVERIFY2(!id.isEmpty(), qPrintable(run.out));
        sqlite3 *db = nullptr;
        const QString snapshot = cachePath() + QStringLiteral(".snapshots/") + id + QStringLiteral(".sqlite3");
        QCOMPARE(sqlite3_open(QFile::encodeName(snapshot).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "PRAGMA user_version=999", nullptr, nullptr, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_close(db), SQLITE_OK);

        run = cairn({ QStringLiteral("snapshot"), QStringLiteral("restore"), id });
        QCOMPARE(run.code, 1);
        // The cache's fact, then the command line's advice.
        QVERIFY2(run.err.contains(u"999") && run.err.contains(u"newer"), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"Upgrade Cairn to restore it."), qPrintable(run.err));
        QCOMPARE(refsListed().size(), 2);
    }

    // `--cache notes.md`: a file that is not a cache is refused, untouched, by every command.
    void aFileThatIsNotACacheIsRefusedUntouched()
    {
        const QString notes = m_home->filePath(QStringLiteral("notes.md"));
        QVERIFY(writeFile(notes, QStringLiteral("# Notes\n\nAsk Amélie who owns billing.\n")));
        const QByteArray before = fileBytes(notes);
        for (const QStringList &arguments : { QStringList { QStringLiteral("check") },
                 QStringList { QStringLiteral("list") }, QStringList { QStringLiteral("sample") } }) {
            const Run run = bare(QStringList { QStringLiteral("--cache"), notes } + arguments, environment());
            QCOMPARE(run.code, 1);
            QVERIFY2(run.err.contains(notes
                         + QStringLiteral(" is not a Cairn cache: it seems to be a text file "
                                          "(it begins “# Notes”). It was left as it is.")),
                qPrintable(run.err));
            QVERIFY2(run.err.contains(u"Choose another file with --cache"), qPrintable(run.err));
            QVERIFY(run.out.isEmpty());
        }
        QCOMPARE(fileBytes(notes), before);
        QCOMPARE(QDir(m_home->path()).entryList({ QStringLiteral("notes.md*") }),
            QStringList { QStringLiteral("notes.md") });
    }

    // Damage in a cache: the command that finds it fails, saying where the file went and
    // which snapshot to restore; the next command works on the fresh cache.
    void aDamagedCacheIsMovedAsideAndTheCommandFails()
    {
        const QString folder = folderOfComponents(QStringLiteral("dmg"), 300);
        QCOMPARE(cairn({ QStringLiteral("import"), folder }).code, 0);
        Run run = cairn({ QStringLiteral("snapshot"), QStringLiteral("create") });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        // Garbage over every page but the first: the file still says it is a SQLite database.
        QCOMPARE(cairn({ QStringLiteral("check") }).code, 0); // folds the WAL back
        QFile file(cachePath());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        QVERIFY(bytes.size() > 8 * 4096);
        for (qsizetype i = 4096; i < bytes.size(); ++i)
            bytes[i] = char((i * 131 + 7) % 251);
        QVERIFY(file.seek(0));
        QCOMPARE(file.write(bytes), bytes.size());
        file.close();

        run = cairn({ QStringLiteral("check") });
        QCOMPARE(run.code, 1);
        QVERIFY(!run.out.contains(u"Integrity: ok"));
        const QStringList aside
            = QDir(m_home->path()).entryList({ QStringLiteral("cache.sqlite3.damaged-*") }, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QVERIFY(QRegularExpression(QStringLiteral("^cache\\.sqlite3\\.damaged-\\d{8}T\\d{6}$"))
                    .match(aside.first())
                    .hasMatch());
        QVERIFY2(run.err.contains(aside.first()), qPrintable(run.err));
        QCOMPARE(fileBytes(m_home->filePath(aside.first())), bytes);
        const QRegularExpressionMatch restore
            = QRegularExpression(QStringLiteral("300 live entities\\): `cairn snapshot restore (\\S+)`"))
                  .match(run.err);
        QVERIFY2(restore.hasMatch(), qPrintable(run.err));

        // The next command works on the fresh cache; the advice brings the catalog back.
        run = cairn({ QStringLiteral("check") });
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(u"0 live"), qPrintable(run.out));
        run = cairn({ QStringLiteral("snapshot"), QStringLiteral("restore"), restore.captured(1) });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(refsListed().size(), 300);
    }

    // CAIRN_NOW sets the clock every time-dependent rule reads (tests, reproducible
    // screenshots); a value that is not a time is refused before anything is written.
    void theClockCanBeSetFromTheEnvironment()
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("CAIRN_NOW"), QStringLiteral("2026-03-29T01:30:00Z"));
        Run run = bare({ QStringLiteral("--cache"), cachePath(), QStringLiteral("import"),
                           folderOfComponents(QStringLiteral("clock"), 2) },
            env);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        run = bare({ QStringLiteral("--cache"), cachePath(), QStringLiteral("log") }, env);
        QVERIFY2(run.out.contains(u"2026-03-29T01:30:00"), qPrintable(run.out));

        env.insert(QStringLiteral("CAIRN_NOW"), QStringLiteral("yesterday"));
        run = bare(
            { QStringLiteral("--cache"), m_home->filePath(QStringLiteral("other.sqlite3")), QStringLiteral("check") },
            env);
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"CAIRN_NOW takes a time as 2026-11-24T09:00:00Z, not \"yesterday\""),
            qPrintable(run.err));
        QVERIFY(!QFile::exists(m_home->filePath(QStringLiteral("other.sqlite3"))));
    }

    // Damage SQLite's integrity_check passes: a dropped view and table, a row whose
    // document no longer parses, a changed text. `check` names each and fails.
    void checkFindsMissingSchemaObjectsAndUnreadableRows()
    {
        QCOMPARE(cairn({ QStringLiteral("import"), folderOfComponents(QStringLiteral("schema"), 3) }).code, 0);
        QCOMPARE(cairn({ QStringLiteral("check") }).code, 0);
        const auto onCache = [this](const char *sql) {
            sqlite3 *db = nullptr;
            bool ok = sqlite3_open(QFile::encodeName(cachePath()).constData(), &db) == SQLITE_OK
                && sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
            sqlite3_close(db);
            return ok;
        };
        // (SQLite's JSON indexes keep malformed JSON out; what they let through still breaks
        // every reader of the row.)
        QVERIFY(onCache("UPDATE entities SET document = '[1, 2]' WHERE name = 'schema-svc-1';"
                        "UPDATE entities SET document = '{\"kind\": \"Group\", \"metadata\": {\"name\": \"x\"}}' "
                        "WHERE name = 'schema-svc-2';"
                        // A bit flipped in a text: still JSON, still this entity.
                        "UPDATE entities SET document = json_set(document, '$.metadata.description', 'flipped') "
                        "WHERE name = 'schema-svc-0';"));
        Run run = cairn({ QStringLiteral("check") });
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.contains(u"Integrity:      DAMAGED"), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"Entities:       3 live"), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"entity Component:default/schema-svc-1: its document is not a JSON object"),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(u"entity Component:default/schema-svc-2: its document is of another entity "
                                  u"(kind “Group”, name “x”)"),
            qPrintable(run.out));
        QVERIFY2(
            run.out.contains(u"entity Component:default/schema-svc-0: its document is not the text that was stored "
                             u"(its fingerprint differs)"),
            qPrintable(run.out));

        QVERIFY(onCache("DROP VIEW v_components; DROP TABLE purges;"));
        run = cairn({ QStringLiteral("check") });
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.contains(u"schema: view v_components is missing"), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"schema: table purges is missing"), qPrintable(run.out));
        QVERIFY2(run.err.contains(u"the cache is damaged"), qPrintable(run.err));
    }

    // Messages that used to mislead: each now says what happened, to what, and what to do.
    void messagesSayWhatHappened()
    {
        // A cut-off beyond the calendar printed as an empty date.
        Run run = cairn({ QStringLiteral("purge"), QStringLiteral("--older-than"), QStringLiteral("1000000000") });
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"--older-than takes a number of days from 0 to 36500, not \"1000000000\""),
            qPrintable(run.err));

        // A typed --cache in a folder that does not exist: said, not silently created.
        const QString missing = m_home->filePath(QStringLiteral("no-such-folder/cache.sqlite3"));
        run = bare({ QStringLiteral("--cache"), missing, QStringLiteral("list") }, environment());
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("The folder %1 for the cache %2 does not exist. Create it, or "
                                                 "choose another file with --cache.")
                                      .arg(QFileInfo(missing).absolutePath(), missing)),
            qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(QFileInfo(missing).absolutePath()));

        // An empty file or folder: "0 added" alone looked like success.
        const QString emptyFolder = m_home->filePath(QStringLiteral("empty-folder"));
        QVERIFY(QDir().mkpath(emptyFolder));
        const QString emptyFile = m_home->filePath(QStringLiteral("empty.yaml"));
        QVERIFY(writeFile(emptyFile, QString()));
        run = cairn({ QStringLiteral("import"), emptyFolder, emptyFile });
        QVERIFY2(
            run.err.contains(QStringLiteral("cairn: warning: the folder %1 holds no catalog files").arg(emptyFolder)),
            qPrintable(run.err));
        QVERIFY2(run.err.contains(
                     QStringLiteral("cairn: warning: %1 is empty; nothing is imported from it.").arg(emptyFile)),
            qPrintable(run.err));

        // A 10,000-character name is quoted short, once per place, not echoed whole.
        const QString longName = QString(10000, u'a');
        const QString longFile = m_home->filePath(QStringLiteral("long/catalog-info.yaml"));
        QVERIFY(writeFile(longFile, component(longName)));
        run = cairn({ QStringLiteral("import"), longFile });
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"… (10000 characters)"), qPrintable(run.err.left(400)));
        QVERIFY2(run.err.size() < 1000, qPrintable(run.err.left(400)));

        // `name: 12345` is a number to YAML, not a missing name.
        const QString numbered = m_home->filePath(QStringLiteral("numbered/catalog-info.yaml"));
        QVERIFY(writeFile(numbered, component(QStringLiteral("12345"))));
        run = cairn({ QStringLiteral("import"), numbered });
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"the Component's metadata.name is 12345, which YAML reads as a number, not as "
                                  u"text; quote it (name: \"12345\")"),
            qPrintable(run.err));
    }

    // `owner: Team A` (a display name where a ref belongs): Backstage keeps the entity and
    // shows the owner unresolved; so does Cairn, and its report says so.
    void anOwnerBackstageCannotResolveIsKeptAndReported()
    {
        const QString file = m_home->filePath(QStringLiteral("team-a/catalog-info.yaml"));
        QVERIFY(writeFile(file, component(QStringLiteral("kept"), QStringLiteral("Team A"))));
        const Run run = cairn({ QStringLiteral("import"), file });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"1 added"), qPrintable(run.out));
        QVERIFY2(
            run.out.contains(u"Component:default/kept is owned by group:default/team a, which is not in the cache"),
            qPrintable(run.out));
        QVERIFY(refsListed().contains(QStringLiteral("component:default/kept"), Qt::CaseInsensitive));
    }

    // Another writer holds the cache longer than Cairn waits: said as such, not as SQLite's
    // "database is locked" in a "BEGIN IMMEDIATE".
    void aLockedCacheSaysItIsInUse()
    {
        QCOMPARE(cairn({ QStringLiteral("import"), folderOfComponents(QStringLiteral("locked"), 1) }).code, 0);
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(cachePath()).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
        const Run run = cairn({ QStringLiteral("import"), folderOfComponents(QStringLiteral("locked"), 2) });
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("The cache %1 is in use").arg(cachePath())), qPrintable(run.err));
        QVERIFY2(
            !run.err.contains(u"BEGIN IMMEDIATE") && !run.err.contains(u"database is locked"), qPrintable(run.err));
    }

    void aNewerCacheIsRefusedAndLeftAlone()
    {
        QCOMPARE(cairn({ QStringLiteral("import"), folderOfComponents(QStringLiteral("new"), 1) }).code, 0);
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(cachePath()).constData(), &db), SQLITE_OK);
        // In rollback-journal mode, so that switching it to WAL would show in its header bytes.
        QCOMPARE(sqlite3_exec(db, "PRAGMA journal_mode=DELETE; PRAGMA user_version=999", nullptr, nullptr, nullptr),
            SQLITE_OK);
        QCOMPARE(sqlite3_close(db), SQLITE_OK);
        const QByteArray before = fileBytes(cachePath());

        for (const QStringList &arguments :
            { QStringList { QStringLiteral("list") }, QStringList { QStringLiteral("check") },
                QStringList { QStringLiteral("import"), m_home->filePath(QStringLiteral("new")) } }) {
            const Run run = cairn(arguments);
            QCOMPARE(run.code, 1);
            QVERIFY2(run.err.contains(u"999") && run.err.contains(u"newer"), qPrintable(run.err));
            // The command line words the advice for the cache's fact.
            QVERIFY2(run.err.contains(u"Upgrade Cairn or use another cache file with --cache."), qPrintable(run.err));
            QVERIFY(run.out.isEmpty());
        }
        QCOMPARE(fileBytes(cachePath()), before);
        QVERIFY(QDir(m_home->path()).entryList({ QStringLiteral("*.damaged-*") }).isEmpty());
    }

    void listJsonIsStable()
    {
        QCOMPARE(cairn({ QStringLiteral("import"), examples(QStringLiteral("all.yaml")),
                           examples(QStringLiteral("org.yaml")) })
                     .code,
            0);
        const Run run = cairn({ QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--kind"),
            QStringLiteral("user"), QStringLiteral("--limit"), QStringLiteral("2") });
        QCOMPARE(run.code, 0);
        QJsonParseError error;
        const QJsonObject top = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(top.keys(), (QStringList { QStringLiteral("entities"), QStringLiteral("formatVersion") }));
        QCOMPARE(top.value(u"formatVersion").toInt(), 1);
        const QJsonArray entities = top.value(u"entities").toArray();
        QCOMPARE(entities.size(), 2);
        const QJsonObject first = entities.first().toObject();
        QCOMPARE(first.keys(),
            (QStringList { QStringLiteral("email"), QStringLiteral("kind"), QStringLiteral("ref"),
                QStringLiteral("removed"), QStringLiteral("resolved"), QStringLiteral("status"),
                QStringLiteral("title"), QStringLiteral("type") }));
        QCOMPARE(first.value(u"ref").toString(), QStringLiteral("User:default/ada.moreau"));
        QCOMPARE(first.value(u"kind").toString(), QStringLiteral("User"));
        QCOMPARE(first.value(u"email").toString(), QStringLiteral("ada.moreau@example.com"));
        QCOMPARE(first.value(u"removed").toBool(), false);

        const QJsonObject removed = json({ QStringLiteral("removed"), QStringLiteral("--json") });
        QCOMPARE(removed.keys(), (QStringList { QStringLiteral("formatVersion"), QStringLiteral("removed") }));
    }

    // docs/cli-json.md, `cairn hygiene --json`: every key always there, a count for every
    // category (0 included), the items in report order with language-neutral details.
    void hygieneJsonIsStable()
    {
        // An empty cache: a clean report, every count 0, exit 0.
        Run run = cairn({ QStringLiteral("hygiene"), QStringLiteral("--json") });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QJsonParseError error;
        QJsonObject top = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QStringList topKeys { QStringLiteral("counts"), QStringLiteral("formatVersion"), QStringLiteral("items"),
            QStringLiteral("staleDays"), QStringLiteral("today") };
        QCOMPARE(top.keys(), topKeys);
        QCOMPARE(top.value(u"formatVersion").toInt(), 1);
        QCOMPARE(top.value(u"items").toArray().size(), 0);
        const QStringList categories { QStringLiteral("component-without-system"),
            QStringLiteral("goal-without-project"), QStringLiteral("group-without-members"), QStringLiteral("no-owner"),
            QStringLiteral("orphaned"), QStringLiteral("project-overdue"), QStringLiteral("project-without-update"),
            QStringLiteral("unresolved-owner"), QStringLiteral("user-without-group") };
        QCOMPARE(top.value(u"counts").toObject().keys(), categories);
        QCOMPARE(top.value(u"staleDays").toInt(), 14);
        QCOMPARE(top.value(u"today").toString(), QDate::currentDate().toString(Qt::ISODate));
        run = cairn({ QStringLiteral("hygiene") });
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.startsWith(u"The catalog is clean"), qPrintable(run.out));

        // The Backstage examples: playback-order's owner `guest` is group:default/guest, which
        // does not exist (only the user does).
        QCOMPARE(cairn({ QStringLiteral("import"), examples(QStringLiteral("all.yaml")),
                           examples(QStringLiteral("org.yaml")) })
                     .code,
            0);
        run = cairn({ QStringLiteral("hygiene"), QStringLiteral("--json") });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        top = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(top.keys(), topKeys);
        const QJsonArray items = top.value(u"items").toArray();
        QCOMPARE(top.value(u"counts").toObject().value(u"unresolved-owner").toInt(), 1);
        int total = 0;
        for (const QJsonValue count : top.value(u"counts").toObject())
            total += count.toInt();
        QCOMPARE(total, items.size());
        const QJsonObject first = items.first().toObject();
        QCOMPARE(first.keys(),
            (QStringList { QStringLiteral("category"), QStringLiteral("detail"), QStringLiteral("kind"),
                QStringLiteral("ref"), QStringLiteral("title") }));
        QCOMPARE(first.value(u"category").toString(), QStringLiteral("unresolved-owner"));
        QCOMPARE(first.value(u"ref").toString(), QStringLiteral("Component:default/playback-order"));
        QCOMPARE(first.value(u"kind").toString(), QStringLiteral("Component"));
        QCOMPARE(first.value(u"detail").toString(), QStringLiteral("group:default/guest"));

        // As text: a heading per category, a line per item that names it and says why.
        run = cairn({ QStringLiteral("hygiene") });
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.startsWith(u"Owner not in the catalog (1)\n"), qPrintable(run.out));
        QVERIFY2(
            run.out.contains(QRegularExpression(QStringLiteral(
                "\\n  Component:default/playback-order +Its owner group:default/guest is not in the catalog.\\n"))),
            qPrintable(run.out));

        // A usage error is one.
        QCOMPARE(cairn({ QStringLiteral("hygiene"), QStringLiteral("--nope") }).code, 2);
    }

    // The global --today judges the stale and overdue projects, as `cairn health` does.
    void hygieneJudgesOnToday()
    {
        QCOMPARE(cairn({ QStringLiteral("sample") }).code, 0);
        const auto findings = [&](const QString &today) {
            const QJsonObject top
                = json({ QStringLiteral("--today"), today, QStringLiteral("hygiene"), QStringLiteral("--json") });
            [&] { QCOMPARE(top.value(u"today").toString(), today); }();
            QStringList out;
            for (const QJsonValue item : top.value(u"items").toArray())
                out.append(
                    item[u"category"].toString() + u' ' + item[u"ref"].toString() + u' ' + item[u"detail"].toString());
            return out;
        };
        QCOMPARE(findings(QStringLiteral("2026-11-24")),
            (QStringList { QStringLiteral("unresolved-owner Component:default/image-resizer group:default/media-team"),
                QStringLiteral("project-without-update Project:default/demand-forecasting-v2 2026-10-21"),
                QStringLiteral("goal-without-project Goal:default/on-time-deliveries ") }));
        // A week later two more projects have gone quiet (last update 2026-11-16).
        const QStringList later = findings(QStringLiteral("2026-12-02"));
        QCOMPARE(later.size(), 5);
        QVERIFY2(later.contains(QStringLiteral("project-without-update Project:default/cafe-club-launch 2026-11-16")),
            qPrintable(later.join(u'\n')));
        // As text, in days counted to that day.
        const Run run = cairn({ QStringLiteral("--today"), QStringLiteral("2026-11-24"), QStringLiteral("hygiene") });
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(u"Not finished; last update on 2026-10-21, 34 days ago."), qPrintable(run.out));
    }

    void purgeRemovesOnlyOldTombstonesAfterASnapshot()
    {
        const QString folder = folderOfComponents(QStringLiteral("purge"), 12);
        writeFile(folder + QStringLiteral("/gone.yaml"), component(QStringLiteral("gone")));
        QCOMPARE(cairn({ QStringLiteral("import"), folder }).code, 0);
        QVERIFY(QFile::remove(folder + QStringLiteral("/gone.yaml")));
        QCOMPARE(cairn({ QStringLiteral("import"), folder }).code, 0);
        QCOMPARE(removedRefs(), QStringList { QStringLiteral("Component:default/gone") });

        // Tombstones younger than the retention period stay.
        Run run = cairn({ QStringLiteral("purge"), QStringLiteral("--older-than"), QStringLiteral("30") });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"Nothing to purge"), qPrintable(run.out));
        QCOMPARE(removedRefs().size(), 1);

        run = cairn({ QStringLiteral("purge"), QStringLiteral("--older-than"), QStringLiteral("0"),
            QStringLiteral("--dry-run") });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(
            run.out.contains(u"Would purge 1") && run.out.contains(u"Component:default/gone"), qPrintable(run.out));
        QCOMPARE(removedRefs().size(), 1);
        // The removal run above took a snapshot; the dry run must not add one, the purge must.
        const int snapshotsBefore
            = int(cairn({ QStringLiteral("snapshot"), QStringLiteral("list") })
                      .out.count(QRegularExpression(QStringLiteral("^\\d{8}T"), QRegularExpression::MultilineOption)));

        run = cairn({ QStringLiteral("purge"), QStringLiteral("--older-than"), QStringLiteral("0") });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"Purged 1") && run.out.contains(u"Component:default/gone"), qPrintable(run.out));
        const QString snapshot = snapshotIdIn(run.out);
        QVERIFY2(!snapshot.isEmpty(), qPrintable(run.out));
        QVERIFY(removedRefs().isEmpty());
        QCOMPARE(refsListed({ QStringLiteral("--include-removed") }).size(), 12);
        run = cairn({ QStringLiteral("snapshot"), QStringLiteral("list") });
        QCOMPARE(
            int(run.out.count(QRegularExpression(QStringLiteral("^\\d{8}T"), QRegularExpression::MultilineOption))),
            snapshotsBefore + 1);

        // The snapshot taken first brings the purged tombstone back.
        QCOMPARE(cairn({ QStringLiteral("snapshot"), QStringLiteral("restore"), snapshot }).code, 0);
        QCOMPARE(removedRefs(), QStringList { QStringLiteral("Component:default/gone") });
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
