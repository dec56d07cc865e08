// SPDX-License-Identifier: GPL-3.0-or-later
// Scorecard files (docs/scorecards.md): the built-in ones read cleanly, a person's own file
// is read the same way, and a malformed one is refused with its file, the line to fix and
// what is wrong, while the other files of its folder still apply.

#include "sync/ScorecardReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
using sync::ScorecardReader;

namespace {

void write(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

const QByteArray Valid = "name: Runbooks\n"
                         "appliesTo:\n"
                         "  kind: [component]\n"
                         "  type: service\n"
                         "criteria:\n"
                         "  - id: runbook\n"
                         "    weight: 60\n"
                         "    check: link\n"
                         "    link: runbook\n"
                         "  - id: tier\n"
                         "    name: Tier set\n"
                         "    weight: 40\n"
                         "    check: annotation\n"
                         "    annotation: cairn.dev/tier\n"
                         "    equals: '1'\n";

} // namespace

class TestScorecardReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Q_INIT_RESOURCE(cairn_sample); }

    void builtInScorecardsRead()
    {
        const sync::ScorecardSet set = ScorecardReader::builtIn();
        QVERIFY2(set.errors.isEmpty(), qPrintable(set.errors.value(0).toString()));
        QCOMPARE(set.scorecards.size(), 2);
        QCOMPARE(set.scorecards.at(0).id, QStringLiteral("component-readiness"));
        QCOMPARE(set.scorecards.at(1).name, QStringLiteral("Operational health"));
        for (const core::Scorecard &s : set.scorecards) {
            int total = 0;
            for (const core::Criterion &c : s.criteria)
                total += c.weight;
            QCOMPARE(total, 100);
            QCOMPARE(s.origin, QStringLiteral("built-in"));
        }
    }

    void aPersonsFileReads()
    {
        const sync::ScorecardSet set
            = ScorecardReader::readText(Valid, QStringLiteral("runbooks.yaml"), QStringLiteral("runbooks"));
        QVERIFY(set.errors.isEmpty());
        const core::Scorecard &s = set.scorecards.constFirst();
        QCOMPARE(s.id, QStringLiteral("runbooks")); // from the file name
        QCOMPARE(s.appliesTo.types, QStringList { QStringLiteral("service") });
        QCOMPARE(s.criteria.at(0).name, QStringLiteral("runbook")); // the id when no name
        QCOMPARE(s.criteria.at(1).check, core::AnnotationCheck::Equals);
        QCOMPARE(s.criteria.at(1).value, QStringLiteral("1"));
    }

    void malformedFilesSayWhereAndWhat_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QByteArray misspelt = Valid;
        misspelt.replace("    weight: 40\n", "    wieght: 40\n");
        QTest::newRow("misspelt key") << misspelt << 12 << "criteria.1.wieght: unknown key";
        QByteArray weights = Valid;
        weights.replace("weight: 40", "weight: 30");
        QTest::newRow("weights") << weights << 6 << "criteria: the weights add up to 90, not 100";
        QByteArray check = Valid;
        check.replace("check: link", "check: links");
        QTest::newRow("unknown check") << check << 8 << "criteria.0.check: \u201clinks\u201d is not a check";
        QByteArray link = Valid;
        link.replace("link: runbook", "link: wiki");
        QTest::newRow("unknown link") << link << 9 << "criteria.0.link: \u201cwiki\u201d is not a link type";
        QTest::newRow("no name") << QByteArray("criteria: []\n") << 1 << "name: is required";
        QTest::newRow("not yaml") << QByteArray("name: [unclosed\n") << 2 << "not valid YAML";
        QByteArray levels = Valid + "levels: {bronze: 80, silver: 60}\n";
        QTest::newRow("levels") << levels << 16 << "levels: must rise";
        QByteArray twoChecks = Valid;
        twoChecks.replace("    equals: '1'\n", "    equals: '1'\n    atLeast: 2\n");
        QTest::newRow("two checks") << twoChecks << 10 << "criteria.1: takes one of present";
    }
    void malformedFilesSayWhereAndWhat()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, message);
        const sync::ScorecardSet set
            = ScorecardReader::readText(text, QStringLiteral("mine.yaml"), QStringLiteral("mine"));
        QVERIFY(set.scorecards.isEmpty());
        QVERIFY(!set.errors.isEmpty());
        const sync::ScorecardFileError &e = set.errors.constFirst();
        QCOMPARE(e.file, QStringLiteral("mine.yaml"));
        QVERIFY2(e.message.startsWith(message), qPrintable(e.toString()));
        QCOMPARE(e.line, line);
    }

    void aRefusedFileLeavesTheOthers()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("a-good.yaml")), Valid);
        QByteArray bad = Valid;
        bad.replace("weight: 60", "weight: sixty");
        write(dir.filePath(QStringLiteral("b-bad.yml")), bad);
        write(dir.filePath(QStringLiteral("notes.txt")), "not a scorecard");
        const sync::ScorecardSet set = ScorecardReader::load({ dir.path() });
        QCOMPARE(set.scorecards.size(), 3); // two built-in, a-good
        QCOMPARE(set.scorecards.constLast().id, QStringLiteral("a-good"));
        QCOMPARE(set.errors.size(), 1);
        QCOMPARE(set.errors.constFirst().toString(),
            dir.filePath(QStringLiteral("b-bad.yml"))
                + QStringLiteral(":7: criteria.0.weight: must be a whole number from 1 to 100"));
    }

    void anIdAlreadyTakenIsRefused()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("mine.yaml")), "id: component-readiness\n" + Valid);
        const sync::ScorecardSet set = ScorecardReader::load({ dir.path() });
        QCOMPARE(set.scorecards.size(), 2);
        QCOMPARE(set.errors.size(), 1);
        QVERIFY(set.errors.constFirst().message.contains(QStringLiteral("already a scorecard")));
    }
};

QTEST_GUILESS_MAIN(TestScorecardReader)
#include "tst_scorecardreader.moc"
