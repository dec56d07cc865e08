// SPDX-License-Identifier: GPL-3.0-or-later
// `cairn ask` and `cairn show` as a user meets them: the real executable on a temp cache,
// right after `cairn sample`. Every command `cairn sample` suggests under "Try:" must give a
// real answer, the JSON must carry the documented keys, and mistakes must be said plainly.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

class TestAskCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sampleSuggestsCommands();
    void everySuggestedCommandAnswers_data();
    void everySuggestedCommandAnswers();
    void askJsonHasTheDocumentedKeys();
    void showPrintsTheFourSections();
    void showJsonIsAnAnswer();
    void showBareNameFallsBackToMatching();
    void unknownNameSaysSo();
    void ambiguousNameListsCandidates();
    void askWithoutQuestionIsAUsageError();

private:
    CliRun cairn(const QStringList &arguments) const;

    QTemporaryDir m_dir;
    QString m_cachePath;
    CliRun m_sample;
    QList<QStringList> m_tryCommands; // arguments after "cairn", as printed under "Try:"
};

namespace {

// Splits a suggested command line as a shell would for the simple quoting `cairn sample` uses.
QStringList shellWords(const QString &line)
{
    QStringList words;
    QString word;
    bool quoted = false;
    bool any = false;
    for (const QChar c : line) {
        if (c == u'"') {
            quoted = !quoted;
            any = true;
        } else if (c.isSpace() && !quoted) {
            if (any || !word.isEmpty())
                words.append(word);
            word.clear();
            any = false;
        } else {
            word.append(c);
        }
    }
    if (any || !word.isEmpty())
        words.append(word);
    return words;
}

QJsonObject parseObject(const QString &text, QString *error)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = parseError.errorString();
        return {};
    }
    return doc.object();
}

} // namespace

CliRun TestAskCommand::cairn(const QStringList &arguments) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CAIRN_EXECUTABLE), QStringList { QStringLiteral("--cache"), m_cachePath } + arguments);
    CliRun run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestAskCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cachePath = m_dir.filePath(QStringLiteral("cache.sqlite3"));
    m_sample = cairn({ QStringLiteral("sample") });
    QVERIFY2(m_sample.exitCode == 0, qPrintable(m_sample.out + m_sample.err));
    const qsizetype tryAt = m_sample.out.indexOf(QStringLiteral("\nTry:\n"));
    QVERIFY2(tryAt >= 0, qPrintable(m_sample.out));
    const QStringList lines = m_sample.out.mid(tryAt + 6).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        QStringList words = shellWords(line.trimmed());
        if (words.size() < 2 || words.first() != u"cairn")
            break;
        words.removeFirst();
        m_tryCommands.append(words);
    }
}

void TestAskCommand::sampleSuggestsCommands()
{
    QVERIFY2(m_sample.out.contains(QStringLiteral("now holds")), qPrintable(m_sample.out));
    QVERIFY2(m_tryCommands.size() >= 5, qPrintable(m_sample.out));
    int asks = 0;
    for (const QStringList &c : std::as_const(m_tryCommands))
        asks += c.first() == u"ask" ? 1 : 0;
    QVERIFY(asks >= 3);
}

void TestAskCommand::everySuggestedCommandAnswers_data()
{
    // What each suggestion must say; a suggestion not listed here fails, so a new one gets a check.
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("expected");
    const QHash<QString, QStringList> expectations {
        { QStringLiteral("ask who owns checkout-service"), { QStringLiteral("checkout"), QStringLiteral("WHO") } },
        { QStringLiteral("ask why one-page-checkout"), { QStringLiteral("Grow checkout conversion") } },
        { QStringLiteral("ask how is one-page-checkout going"),
            { QStringLiteral("at-risk"), QStringLiteral("target moved 3 times, +45 days since first set"),
                QStringLiteral("\n    - 2026-11-20 at-risk (target 2027-01-15)") } },
        // Asked in French, answered in French (tests/app/tst_askfrench.cpp says more).
        { QStringLiteral("ask qui possède payment-gateway"),
            { QStringLiteral("payment-gateway"), QStringLiteral("QUI"), QStringLiteral("Responsable") } },
        { QStringLiteral("ask projects at risk"),
            { QStringLiteral("one-page-checkout"), QStringLiteral("legacy-shop-retirement"),
                QStringLiteral("psp-consolidation") } },
        { QStringLiteral("ask what depends on voucher-engine"), { QStringLiteral("checkout-service") } },
        { QStringLiteral("show group:storefront"),
            { QStringLiteral("WHAT"), QStringLiteral("WHY"), QStringLiteral("WHO"), QStringLiteral("HOW") } },
        { QStringLiteral("list --kind component --query payment"), { QStringLiteral("payment-gateway") } },
        { QStringLiteral("check"), { QStringLiteral("ok") } },
    };
    for (const QStringList &c : std::as_const(m_tryCommands)) {
        const QString command = c.join(u' ');
        QTest::addRow("%s", qPrintable(command)) << command << expectations.value(command);
    }
}

void TestAskCommand::everySuggestedCommandAnswers()
{
    QFETCH(QString, command);
    QFETCH(QStringList, expected);
    QVERIFY2(!expected.isEmpty(), qPrintable(QStringLiteral("no expectation for the suggestion: ") + command));
    const QStringList arguments = shellWords(
        command.section(u' ', 0, 0) == u"ask" ? QStringLiteral("ask \"%1\"").arg(command.section(u' ', 1)) : command);
    const CliRun run = cairn(arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    for (const QString &text : expected)
        QVERIFY2(run.out.contains(text, Qt::CaseInsensitive),
            qPrintable(text + QStringLiteral(" missing from:\n") + run.out));
    // A suggestion must answer, not fall back to search or say it found nothing.
    if (arguments.first() == u"ask") {
        QString error;
        const QJsonObject json = parseObject(cairn(arguments + QStringList { QStringLiteral("--json") }).out, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString outcome = json.value(QStringLiteral("outcome")).toString();
        QVERIFY2(outcome == u"answer" || outcome == u"list", qPrintable(outcome));
    }
}

void TestAskCommand::askJsonHasTheDocumentedKeys()
{
    const CliRun run
        = cairn({ QStringLiteral("ask"), QStringLiteral("who owns checkout-service"), QStringLiteral("--json") });
    QCOMPARE(run.exitCode, 0);
    QString error;
    const QJsonObject json = parseObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + u'\n' + run.out));
    for (const char *key : { "formatVersion", "question", "outcome", "focus", "headline", "match", "matchNote",
             "answer", "items", "candidates", "hits" })
        QVERIFY2(json.contains(QString::fromLatin1(key)), key);
    QCOMPARE(json.value(QStringLiteral("formatVersion")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("outcome")).toString(), QStringLiteral("answer"));
    QCOMPARE(json.value(QStringLiteral("focus")).toString(), QStringLiteral("who"));
    const QJsonObject question = json.value(QStringLiteral("question")).toObject();
    for (const char *key : { "text", "intent", "subject", "kindHint", "action", "language" })
        QVERIFY2(question.contains(QString::fromLatin1(key)), key);
    const QJsonObject answer = json.value(QStringLiteral("answer")).toObject();
    for (const char *key : { "entity", "source", "removedAt", "what", "why", "who", "how" })
        QVERIFY2(answer.contains(QString::fromLatin1(key)), key);
    const QJsonObject owner = answer.value(QStringLiteral("who")).toObject().value(QStringLiteral("owner")).toObject();
    QCOMPARE(owner.value(QStringLiteral("entity")).toObject().value(QStringLiteral("resolved")).toBool(), true);
    QVERIFY(!owner.value(QStringLiteral("members")).toArray().isEmpty());
}

void TestAskCommand::showPrintsTheFourSections()
{
    const CliRun run = cairn({ QStringLiteral("show"), QStringLiteral("component:default/checkout-service") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    qsizetype at = 0;
    for (const char *section : { "WHAT", "WHY", "WHO", "HOW" }) {
        const QRegularExpression heading(
            QStringLiteral("^%1\\b").arg(QLatin1StringView(section)), QRegularExpression::MultilineOption);
        const QRegularExpressionMatch m = heading.match(run.out, at);
        QVERIFY2(m.hasMatch(),
            qPrintable(QStringLiteral("%1 missing or out of order in:\n%2").arg(QLatin1StringView(section), run.out)));
        at = m.capturedEnd();
    }
    QVERIFY(run.out.contains(QStringLiteral("checkout-service")));
    QVERIFY(run.out.contains(QStringLiteral("voucher-engine"))); // How: its dependencies
    QVERIFY(run.out.contains(QStringLiteral("one-page-checkout"))); // Why: the project touching it
}

void TestAskCommand::showJsonIsAnAnswer()
{
    const CliRun run = cairn(
        { QStringLiteral("show"), QStringLiteral("project:default/one-page-checkout"), QStringLiteral("--json") });
    QCOMPARE(run.exitCode, 0);
    QString error;
    const QJsonObject json = parseObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const char *key : { "formatVersion", "entity", "what", "why", "who", "how" })
        QVERIFY2(json.contains(QString::fromLatin1(key)), key);
    const QJsonObject timeline
        = json.value(QStringLiteral("how")).toObject().value(QStringLiteral("timeline")).toObject();
    QCOMPARE(timeline.value(QStringLiteral("slipText")).toString(),
        QStringLiteral("target moved 3 times, +45 days since first set"));
}

void TestAskCommand::showBareNameFallsBackToMatching()
{
    const CliRun run = cairn({ QStringLiteral("show"), QStringLiteral("checkout-service") });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("WHO")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("component:default/checkout-service"), Qt::CaseInsensitive));
}

void TestAskCommand::unknownNameSaysSo()
{
    // `show` names one entity: not there is a failure for a script (exit 1), said plainly.
    const CliRun show = cairn({ QStringLiteral("show"), QStringLiteral("component:default/no-such-thing-xyz") });
    QCOMPARE(show.exitCode, 1);
    const QString said = show.out + show.err;
    QVERIFY2(said.contains(QStringLiteral("no-such-thing-xyz")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("There is no"), Qt::CaseInsensitive)
            || said.contains(QStringLiteral("Nothing"), Qt::CaseInsensitive)
            || said.contains(QStringLiteral("not found"), Qt::CaseInsensitive),
        qPrintable(said));
    // `ask`: finding nothing is an answer (exit 0), and the JSON says so.
    const CliRun ask
        = cairn({ QStringLiteral("ask"), QStringLiteral("who owns zzqx-unknown-thing"), QStringLiteral("--json") });
    QCOMPARE(ask.exitCode, 0);
    QString error;
    const QJsonObject json = parseObject(ask.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(json.value(QStringLiteral("outcome")).toString(), QStringLiteral("not-found"));
    QVERIFY(json.value(QStringLiteral("answer")).isNull());
}

void TestAskCommand::ambiguousNameListsCandidates()
{
    // "payment" starts payment-gateway, payments-db, ... : several candidates, none chosen.
    const CliRun run = cairn({ QStringLiteral("ask"), QStringLiteral("what is payment"), QStringLiteral("--json") });
    QCOMPARE(run.exitCode, 0);
    QString error;
    const QJsonObject json = parseObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString outcome = json.value(QStringLiteral("outcome")).toString();
    QVERIFY2(outcome == u"candidates" || outcome == u"search", qPrintable(run.out));
    const qsizetype listed = json.value(QStringLiteral("candidates")).toArray().size()
        + json.value(QStringLiteral("hits")).toArray().size();
    QVERIFY2(listed >= 2, qPrintable(run.out));
    QVERIFY(json.value(QStringLiteral("answer")).isNull());
}

void TestAskCommand::askWithoutQuestionIsAUsageError()
{
    const CliRun run = cairn({ QStringLiteral("ask") });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("question"), Qt::CaseInsensitive), qPrintable(run.err));
    QCOMPARE(cairn({ QStringLiteral("ask"), QStringLiteral("   ") }).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestAskCommand)
#include "tst_askcommand.moc"
