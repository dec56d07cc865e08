// SPDX-License-Identifier: GPL-3.0-or-later
// `cairn ask` speaks the reader's language: a question asked in French is answered in French
// (headline, sections, statuses, slips, dates), one asked in English in English, whatever the
// system's language; `cairn show` follows the system's; the JSON stays language-neutral.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestAskFrench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void frenchQuestionsGetFrenchAnswers_data();
    void frenchQuestionsGetFrenchAnswers();
    void englishQuestionStaysEnglishOnAFrenchSystem();
    void showFollowsTheSystemLanguage();
    void jsonStaysLanguageNeutral();

private:
    QString cairn(const QStringList &arguments, const QString &lang = QStringLiteral("C.UTF-8")) const;

    QTemporaryDir m_dir;
    QString m_cachePath;
};

QString TestAskFrench::cairn(const QStringList &arguments, const QString &lang) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("LANG"));
    env.insert(QStringLiteral("LC_ALL"), lang);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CAIRN_EXECUTABLE), QStringList { QStringLiteral("--cache"), m_cachePath } + arguments);
    if (!process.waitForFinished(60000))
        return QStringLiteral("(timed out)");
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

void TestAskFrench::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cachePath = m_dir.filePath(QStringLiteral("cache.sqlite3"));
    const QString out = cairn({ QStringLiteral("sample") });
    QVERIFY2(out.contains(QStringLiteral("now holds 147 entities")), qPrintable(out));
}

void TestAskFrench::frenchQuestionsGetFrenchAnswers_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QStringList>("expected");
    const QChar nbsp(0x00A0);
    QTest::newRow("who owns") << QStringLiteral("qui possède checkout-service ?")
                              << QStringList { QStringLiteral("checkout-service appartient à Checkout & Payments"),
                                     QStringLiteral("QUI"), QStringLiteral("Responsable") + nbsp + u':',
                                     QStringLiteral("membre") + nbsp + u':' };
    QTest::newRow("what is") << QStringLiteral("c'est quoi payment-gateway")
                             << QStringList { QStringLiteral("payment-gateway") + nbsp
                                        + QStringLiteral(": composant service (en production)"),
                                    QStringLiteral("QUOI"), QStringLiteral("Cycle de vie") + nbsp + u':',
                                    QStringLiteral("Système") };
    QTest::newRow("why") << QStringLiteral("pourquoi le projet one-page-checkout")
                         << QStringList { QStringLiteral("One-page checkout (one-page-checkout) sert l’objectif"),
                                QStringLiteral("POURQUOI"), QStringLiteral("(à risque)") };
    QTest::newRow("how is it going") << QStringLiteral("où en est le projet one-page-checkout ?")
                                     << QStringList { QStringLiteral(
                                                          "One-page checkout (one-page-checkout) est à risque"),
                                            QStringLiteral("échéance repoussée 3 fois, +45 jours"),
                                            QStringLiteral("COMMENT"), QStringLiteral("15 janvier 2027"),
                                            QStringLiteral("Dernières nouvelles") };
}

void TestAskFrench::frenchQuestionsGetFrenchAnswers()
{
    QFETCH(QString, question);
    QFETCH(QStringList, expected);
    // On an English system too: the question's language wins.
    const QString out = cairn({ QStringLiteral("ask"), question });
    for (const QString &text : expected)
        QVERIFY2(out.contains(text), qPrintable(QStringLiteral("no \"%1\" in:\n%2").arg(text, out)));
    for (const char *english : { "WHO", "WHAT", "WHY", "HOW", "is owned by", "Owner:", "at-risk", "target moved" })
        QVERIFY2(!out.contains(QString::fromLatin1(english)), english);
}

void TestAskFrench::englishQuestionStaysEnglishOnAFrenchSystem()
{
    const QString out
        = cairn({ QStringLiteral("ask"), QStringLiteral("who owns checkout-service") }, QStringLiteral("fr_FR.UTF-8"));
    QVERIFY2(out.contains(QStringLiteral("checkout-service is owned by Checkout & Payments")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Owner:")), qPrintable(out));
}

void TestAskFrench::showFollowsTheSystemLanguage()
{
    const QString french = cairn(
        { QStringLiteral("show"), QStringLiteral("project:default/one-page-checkout") }, QStringLiteral("fr_FR.UTF-8"));
    for (const char *section : { "QUOI", "POURQUOI", "QUI", "COMMENT" })
        QVERIFY2(french.contains(QString::fromLatin1(section)), qPrintable(french));
    QVERIFY2(french.contains(QStringLiteral("échéance repoussée 3 fois")), qPrintable(french));
    const QString english = cairn({ QStringLiteral("show"), QStringLiteral("project:default/one-page-checkout") });
    QVERIFY2(english.contains(QStringLiteral("target moved 3 times, +45 days since first set")), qPrintable(english));
}

void TestAskFrench::jsonStaysLanguageNeutral()
{
    const QString out = cairn(
        { QStringLiteral("ask"), QStringLiteral("--json"), QStringLiteral("où en est le projet one-page-checkout") },
        QStringLiteral("fr_FR.UTF-8"));
    const QJsonObject json = QJsonDocument::fromJson(out.toUtf8()).object();
    QVERIFY2(!json.isEmpty(), qPrintable(out));
    const QJsonObject question = json.value(QStringLiteral("question")).toObject();
    QCOMPARE(question.value(QStringLiteral("language")).toString(), QStringLiteral("fr"));
    QCOMPARE(question.value(QStringLiteral("intent")).toString(), QStringLiteral("how-is-it-going"));
    QCOMPARE(json.value(QStringLiteral("focus")).toString(), QStringLiteral("how"));
    const QJsonObject timeline = json.value(QStringLiteral("answer"))
                                     .toObject()
                                     .value(QStringLiteral("how"))
                                     .toObject()
                                     .value(QStringLiteral("timeline"))
                                     .toObject();
    QCOMPARE(timeline.value(QStringLiteral("status")).toString(), QStringLiteral("at-risk"));
    QCOMPARE(timeline.value(QStringLiteral("slipText")).toString(),
        QStringLiteral("target moved 3 times, +45 days since first set"));
    QCOMPARE(timeline.value(QStringLiteral("currentTarget")).toString(), QStringLiteral("2027-01-15"));
}

QTEST_GUILESS_MAIN(TestAskFrench)
#include "tst_askfrench.moc"
