// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/QuestionParser.h"

#include <QTest>

using namespace cairn::core;

class TestQuestionParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("intent");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("kindHint");
        QTest::addColumn<QString>("language");
        const auto row
            = [](const char *q, const char *intent, const char *subject, const char *hint, const char *lang) {
                  QTest::newRow(q) << QString::fromUtf8(q) << QString::fromUtf8(intent) << QString::fromUtf8(subject)
                                   << QString::fromUtf8(hint) << QString::fromUtf8(lang);
              };
        row("who owns artist-lookup?", "who-owns", "artist-lookup", "", "en");
        // What changed: the subject is the period asked about.
        row("what changed", "what-changed", "", "", "en");
        row("What changed since yesterday?", "what-changed", "since yesterday", "", "en");
        row("what has changed this week", "what-changed", "this week", "", "en");
        row("what's new since Monday", "what-changed", "since Monday", "", "en");
        row("what was removed", "what-changed", "", "", "en");
        row("recent changes", "what-changed", "", "", "en");
        row("quoi de neuf", "what-changed", "", "", "fr");
        row("qu'est-ce qui a changé depuis hier ?", "what-changed", "depuis hier", "", "fr");
        row("qu'est ce qui a changé cette semaine", "what-changed", "cette semaine", "", "fr");
        row("qu'est-ce qui a été supprimé depuis lundi", "what-changed", "depuis lundi", "", "fr");
        row("les derniers changements", "what-changed", "", "", "fr");
        // French articles and contractions, the same in every pattern.
        row("qui s'occupe du service de paiement", "who-owns", "paiement", "component", "fr");
        row("qui est responsable des paiements", "who-owns", "paiements", "", "fr");
        row("le responsable de checkout-service", "who-owns", "checkout-service", "", "fr");
        row("quels projets contribuent à l'objectif grow-conversion", "projects-for", "grow-conversion", "goal", "fr");
        row("Who owns the artist-lookup service ?", "who-owns", "artist-lookup", "component", "en");
        row("who is on team-a", "members", "team-a", "", "en");
        row("members of team-a", "members", "team-a", "", "en");
        row("What is wayback-archive?", "what-is", "wayback-archive", "", "en");
        row("what's artist-lookup", "what-is", "artist-lookup", "", "en");
        row("why checkout-revamp", "why", "checkout-revamp", "", "en");
        row("why do we do \"Checkout revamp\"?", "why", "Checkout revamp", "", "en");
        row("how do I deploy artist-lookup", "how-to", "artist-lookup", "", "en");
        row("how is checkout-revamp going?", "how-is-it-going", "checkout-revamp", "", "en");
        row("what does wayback-search depend on", "depends-on", "wayback-search", "", "en");
        row("what depends on wayback-archive", "dependents", "wayback-archive", "", "en");
        row("who consumes the wayback-archive API?", "dependents", "wayback-archive", "api", "en");
        row("what does team-a own?", "owns", "team-a", "", "en");
        row("projects at risk", "projects-at-risk", "", "", "en");
        row("Which projects are at risk?", "projects-at-risk", "", "", "en");
        row("goals of payments", "goals-of", "payments", "", "en");
        row("qui possède artist-lookup ?", "who-owns", "artist-lookup", "", "fr");
        row("À qui appartient playback-order", "who-owns", "playback-order", "", "fr");
        row("c'est quoi wayback-archive ?", "what-is", "wayback-archive", "", "fr");
        row("Qu’est-ce que l'API wayback-archive", "what-is", "wayback-archive", "api", "fr");
        row("pourquoi checkout-revamp", "why", "checkout-revamp", "", "fr");
        row("Pourquoi fait-on le projet Checkout revamp ?", "why", "Checkout revamp", "project", "fr");
        row("comment déployer artist-lookup", "how-to", "artist-lookup", "", "fr");
        row("où en est checkout-revamp", "how-is-it-going", "checkout-revamp", "", "fr");
        row("de quoi dépend wayback-search", "depends-on", "wayback-search", "", "fr");
        row("qui dépend de wayback-archive", "dependents", "wayback-archive", "", "fr");
        row("membres de l'équipe payments", "members", "payments", "group", "fr");
        row("que possède team-a", "owns", "team-a", "", "fr");
        row("projets à risque ?", "projects-at-risk", "", "", "fr");
        row("objectifs de payments", "goals-of", "payments", "", "fr");
        row("pourquoi Amélie", "why", "Amélie", "", "fr");
        row("wayback machine archive", "search", "wayback machine archive", "", "en");
    }

    void parses()
    {
        QFETCH(QString, question);
        QFETCH(QString, intent);
        QFETCH(QString, subject);
        QFETCH(QString, kindHint);
        QFETCH(QString, language);
        const ParsedQuestion q = QuestionParser::parse(question);
        QCOMPARE(ParsedQuestion::intentId(q.intent), intent);
        QCOMPARE(q.subject, subject);
        QCOMPARE(q.kindHint, kindHint);
        QCOMPARE(q.language, language);
    }

    void howToKeepsTheActionInEnglish()
    {
        QCOMPARE(QuestionParser::parse(u"how do I run artist-lookup").action, QStringLiteral("run"));
        QCOMPARE(QuestionParser::parse(u"comment lancer artist-lookup ?").action, QStringLiteral("run"));
        QCOMPARE(QuestionParser::parse(u"comment déployer artist-lookup").action, QStringLiteral("deploy"));
    }

    void rawSubjectKeepsTheKindWord()
    {
        const ParsedQuestion q = QuestionParser::parse(u"members of team a");
        QCOMPARE(q.subject, QStringLiteral("a"));
        QCOMPARE(q.rawSubject, QStringLiteral("team a"));
    }
};

QTEST_GUILESS_MAIN(TestQuestionParser)
#include "tst_questionparser.moc"
