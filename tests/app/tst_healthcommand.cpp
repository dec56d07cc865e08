// SPDX-License-Identifier: GPL-3.0-or-later
// `cairn health` as a user runs it: the real executable on the sample organisation, with
// its filters, its JSON, scorecard files of the person's own and some given on the spot,
// and the health columns `cairn export --kind component` gains.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

class TestHealthCommand : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QString err;
    };

    // Every run is judged on the sample's "today", with a data folder of the test's own so
    // that the person's scorecard folder is the one the test writes.
    Run cairn(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(CAIRN_EXECUTABLE),
            QStringList { QStringLiteral("--cache"), m_cache, QStringLiteral("--today"), QStringLiteral("2026-11-24") }
                + arguments);
        Run run;
        if (!process.waitForFinished(120'000))
            return run;
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QJsonObject json(const QStringList &arguments, int expectedCode = 0)
    {
        const Run run = cairn(arguments + QStringList { QStringLiteral("--json") });
        if (run.code != expectedCode)
            qWarning() << "exit" << run.code << run.err;
        return run.code == expectedCode ? QJsonDocument::fromJson(run.out).object() : QJsonObject();
    }

    static QJsonObject itemFor(const QJsonObject &json, const QString &ref, const QString &scorecard)
    {
        for (const QJsonValue v : json.value(u"health").toArray()) {
            QJsonObject item = v.toObject();
            if (item.value(u"ref").toString() == ref && item.value(u"scorecard").toString() == scorecard)
                return item;
        }
        return {};
    }

    void writeFile(const QString &path, const QByteArray &text)
    {
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
    }

    QTemporaryDir m_dir;
    QString m_cache;

    static constexpr const char *RunbookCard = "name: Runbooks\n"
                                               "appliesTo: {kind: component}\n"
                                               "criteria:\n"
                                               "  - id: runbook\n"
                                               "    weight: 100\n"
                                               "    check: link\n"
                                               "    link: runbook\n";

private Q_SLOTS:
    void initTestCase()
    {
        m_cache = m_dir.filePath(QStringLiteral("cache.sqlite3"));
        const Run sample = cairn({ QStringLiteral("sample") });
        QVERIFY2(sample.code == 0, qPrintable(sample.err));
    }

    void listsEachScorecardWithItsEvidence()
    {
        const QJsonObject out = json({ QStringLiteral("health") });
        QCOMPARE(out.value(u"formatVersion").toInt(), 1);
        QCOMPARE(out.value(u"scorecards").toArray().size(), 2);
        QCOMPARE(out.value(u"problems").toArray().size(), 0);
        const QJsonObject resizer
            = itemFor(out, QStringLiteral("Component:default/image-resizer"), QStringLiteral("component-readiness"));
        QCOMPARE(resizer.value(u"band").toString(), QStringLiteral("failing"));
        QCOMPARE(resizer.value(u"owner").toString(), QStringLiteral("group:default/media-team"));
        const QJsonObject owner = resizer.value(u"criteria").toArray().at(0).toObject();
        QCOMPARE(owner.value(u"id").toString(), QStringLiteral("owner"));
        QCOMPARE(owner.value(u"finding").toString(), QStringLiteral("unresolved"));
        QCOMPARE(owner.value(u"evidence").toString(),
            QStringLiteral("spec.owner names group:default/media-team, which is not in the catalog"));

        const QJsonObject legacy
            = itemFor(out, QStringLiteral("Component:default/legacy-shop"), QStringLiteral("operational-health"));
        QCOMPARE(legacy.value(u"atRiskVia").toArray(),
            (QJsonArray {
                QStringLiteral("component:default/legacy-shop"), QStringLiteral("component:default/voucher-engine") }));

        // The text names what fails and why.
        const Run text
            = cairn({ QStringLiteral("health"), QStringLiteral("--scorecard"), QStringLiteral("Component readiness") });
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("Component:default/image-resizer"));
        QVERIFY(text.out.contains("spec.owner names group:default/media-team, which is not in the catalog"));
        QVERIFY(!text.out.contains("Operational health"));
    }

    void filtersNarrowTheListing()
    {
        const QJsonObject failing = json({ QStringLiteral("health"), QStringLiteral("--band"),
            QStringLiteral("failing"), QStringLiteral("--scorecard"), QStringLiteral("operational-health") });
        const QJsonArray items = failing.value(u"health").toArray();
        QVERIFY(!items.isEmpty());
        int previous = -1;
        for (const QJsonValue v : items) {
            QCOMPARE(v[u"band"].toString(), QStringLiteral("failing"));
            QCOMPARE(v[u"scorecard"].toString(), QStringLiteral("operational-health"));
            QVERIFY(v[u"score"].toInt() >= previous); // worst first
            previous = v[u"score"].toInt();
        }
        const QJsonObject owned
            = json({ QStringLiteral("health"), QStringLiteral("--owner"), QStringLiteral("checkout") });
        for (const QJsonValue v : owned.value(u"health").toArray())
            QCOMPARE(v[u"owner"].toString(), QStringLiteral("group:default/checkout"));
        QVERIFY(!owned.value(u"health").toArray().isEmpty());
        const QJsonObject gold = json({ QStringLiteral("health"), QStringLiteral("--level"), QStringLiteral("gold") });
        for (const QJsonValue v : gold.value(u"health").toArray())
            QCOMPARE(v[u"score"].toInt(), 100);
    }

    void badFiltersAreRefused()
    {
        Run run = cairn({ QStringLiteral("health"), QStringLiteral("--band"), QStringLiteral("red") });
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains(QStringLiteral("failing, needs-attention or passing")));
        run = cairn({ QStringLiteral("health"), QStringLiteral("--scorecard"), QStringLiteral("nope") });
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(QStringLiteral("There is no scorecard \u201cnope\u201d")));
    }

    void scorecardsOnTheSpot()
    {
        const QString dir = m_dir.filePath(QStringLiteral("extra"));
        writeFile(dir + QStringLiteral("/runbooks.yaml"), RunbookCard);
        writeFile(dir + QStringLiteral("/broken.yaml"),
            "name: Broken\ncriteria:\n  - id: x\n    weight: 100\n    check: nope\n");
        const Run run
            = cairn({ QStringLiteral("health"), QStringLiteral("--scorecards"), dir, QStringLiteral("--json") });
        QCOMPARE(run.code, 1); // a refused file given on the command line fails the command
        QVERIFY2(run.err.contains(dir + QStringLiteral("/broken.yaml:5: criteria.0.check:")), qPrintable(run.err));
        const QJsonObject out = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(out.value(u"scorecards").toArray().size(), 3);
        const QJsonObject storefront
            = itemFor(out, QStringLiteral("Component:default/web-storefront"), QStringLiteral("runbooks"));
        QCOMPARE(storefront.value(u"band").toString(), QStringLiteral("passing"));
        QCOMPARE(out.value(u"problems").toArray().at(0)[u"line"].toInt(), 5);
        // Nothing was stored: the next listing has the installed scorecards only.
        QCOMPARE(json({ QStringLiteral("health") }).value(u"scorecards").toArray().size(), 2);
    }

    void thePersonsOwnScorecardsAreStored()
    {
        const QString folder = m_dir.filePath(QStringLiteral("data/Cairn/cairn/scorecards"));
        writeFile(folder + QStringLiteral("/runbooks.yaml"), RunbookCard);
        writeFile(folder + QStringLiteral("/typo.yaml"), QByteArray(RunbookCard).replace("weight", "wieght"));
        const Run run = cairn({ QStringLiteral("health"), QStringLiteral("--scorecard"), QStringLiteral("runbooks"),
            QStringLiteral("--json") });
        QCOMPARE(run.code, 0); // a refused file of the folder is reported, the rest applies
        QVERIFY2(run.err.contains(QStringLiteral("typo.yaml:5: criteria.0.wieght: unknown key")), qPrintable(run.err));
        const QJsonObject out = QJsonDocument::fromJson(run.out).object();
        QVERIFY(!out.value(u"health").toArray().isEmpty());
        QCOMPARE(out.value(u"scorecards").toArray().size(), 3);

        // The export of components gains each stored scorecard's score and band.
        const Run csv = cairn({ QStringLiteral("export"), QStringLiteral("--kind"), QStringLiteral("component") });
        QCOMPARE(csv.code, 0);
        const QByteArray header = csv.out.left(csv.out.indexOf('\n'));
        QVERIFY2(header.contains("health,health_band,health_component_readiness,health_band_component_readiness,"
                                 "health_operational_health,health_band_operational_health,health_runbooks"),
            header.constData());
        QVERIFY(QDir(folder).removeRecursively());
    }

    void unknownScorecardColumnIsNamed()
    {
        const Run run = cairn({ QStringLiteral("export"), QStringLiteral("--kind"), QStringLiteral("component"),
            QStringLiteral("--columns"), QStringLiteral("name,health_nope") });
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("health_nope")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("health_component_readiness")));
    }
};

QTEST_GUILESS_MAIN(TestHealthCommand)
#include "tst_healthcommand.moc"
