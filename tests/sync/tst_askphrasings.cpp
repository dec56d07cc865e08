// SPDX-License-Identifier: GPL-3.0-or-later
// The questions people type, intent by intent, in English and French (issue 18), asked of
// the SQLite cache as `cairn ask` asks them: the bundled sample Fennel, the Backstage
// examples, and an organisation whose names collide on purpose (two people called Alex
// Martin, a component and a project both called atlas, titles holding a kind word). Each
// row says what must come back: one entity, the candidates, a list, or nothing, and never
// a confident wrong answer.
#include "core/AskEngine.h"

#include <QTemporaryDir>
#include <QTest>

#include "fixtures/CatalogPair.h"

using namespace cairn;
using namespace cairn::core;
using cairn::fixtures::CatalogPair;
using cairn::fixtures::importFiles;

class TestAskPhrasings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void phrasings_data();
    void phrasings();
    void personAnswersWithTeamsAndWork();
    void notUnderstoodIsNotNotFound();
    void aTopGoalIsSaidToBeOne();

private:
    AskResult ask(const QString &catalog, const QString &question) const;

    QTemporaryDir m_dir;
    QHash<QString, CatalogPair *> m_catalogs;
    CatalogPair m_sample;
    CatalogPair m_examples;
    CatalogPair m_ambiguous;
};

void TestAskPhrasings::initTestCase()
{
    Q_INIT_RESOURCE(cairn_sample);
    QVERIFY(m_dir.isValid());
    const QString examples = QStringLiteral(CAIRN_TEST_DATA_DIR "/backstage");
    QVERIFY(importFiles(m_sample, m_dir.filePath(QStringLiteral("sample.sqlite3")), QStringLiteral("sample"),
        { QStringLiteral(":/sample") }));
    QVERIFY(importFiles(m_examples, m_dir.filePath(QStringLiteral("examples.sqlite3")), QStringLiteral("examples"),
        { examples + QStringLiteral("/all.yaml"), examples + QStringLiteral("/org.yaml") }));
    const QString ambiguous = QFINDTESTDATA("fixtures/ambiguous/org.yaml");
    QVERIFY(!ambiguous.isEmpty());
    QVERIFY(importFiles(
        m_ambiguous, m_dir.filePath(QStringLiteral("ambiguous.sqlite3")), QStringLiteral("ambiguous"), { ambiguous }));
    m_catalogs = { { QStringLiteral("sample"), &m_sample }, { QStringLiteral("examples"), &m_examples },
        { QStringLiteral("ambiguous"), &m_ambiguous } };
}

AskResult TestAskPhrasings::ask(const QString &catalog, const QString &question) const
{
    AnswerOptions options;
    options.today = QDate(2026, 11, 24); // "today" in the sample organisation
    Result<AskResult> r = AskEngine(*m_catalogs.value(catalog)->query, options).ask(question);
    if (!r)
        qFatal("%s: %s", qPrintable(question), qPrintable(r.errorString()));
    return r.value();
}

void TestAskPhrasings::phrasings_data()
{
    QTest::addColumn<QString>("catalog");
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("intent");
    // "ref" of the answer; "candidates:N"; "list" (projects at risk, non-empty);
    // "not-found"; "search" (hits, no answer)
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *catalog, const char *question, const char *intent, const char *expected) {
        QTest::newRow(question) << QString::fromUtf8(catalog) << QString::fromUtf8(question)
                                << QString::fromUtf8(intent) << QString::fromUtf8(expected);
    };
    // Who owns X
    for (const char *q : { "who owns checkout-service", "who maintains checkout-service?", "checkout-service's owner",
             "owner of checkout-service", "who is responsible for checkout-service", "qui possède checkout-service",
             "le responsable de checkout-service", "qui s'occupe du checkout-service",
             "qui est responsable de checkout-service", "à qui appartient checkout-service ?" })
        row("sample", q, "who-owns", "component:default/checkout-service");
    // Late projects
    for (const char *q : { "which projects are late", "which projects are overdue", "projects at risk", "late projects",
             "what projects are behind schedule", "quels projets sont en retard", "quels sont les projets en retard",
             "projets en retard", "projets à risque", "liste des projets en difficulté" })
        row("sample", q, "projects-at-risk", "list");
    // A person's work
    for (const char *q : { "what does Hélène Mercier work on", "what is Hélène Mercier working on",
             "what does helene mercier work on?", "what is Hélène working on", "what is Hélène Mercier doing",
             "sur quoi travaille Hélène Mercier", "à quoi travaille Hélène Mercier", "sur quoi travaille Hélène",
             "sur quoi travaille helene mercier ?", "que fait Hélène Mercier en ce moment" })
        row("sample", q, "works-on", "user:default/helene-mercier");
    // A goal's projects
    for (const char *q : { "which projects contribute to grow-conversion", "projects for grow-conversion",
             "what projects work towards grow-conversion", "projects contributing to grow-conversion",
             "which projects serve the grow-conversion goal", "quels projets contribuent à l'objectif grow-conversion",
             "projets de grow-conversion", "quels sont les projets de l'objectif grow-conversion",
             "quels projets servent grow-conversion", "les projets qui contribuent à grow-conversion" })
        row("sample", q, "projects-for", "goal:default/grow-conversion");
    // Dependencies
    for (const char *q : { "payment-gateway's dependencies", "what does payment-gateway depend on",
             "dependencies of payment-gateway", "what are the dependencies of payment-gateway",
             "which services does payment-gateway use", "les dépendances de payment-gateway",
             "de quoi dépend payment-gateway", "quelles sont les dépendances du payment-gateway",
             "de quoi a besoin payment-gateway", "dépendances de payment-gateway" })
        row("sample", q, "depends-on", "component:default/payment-gateway");
    // On call
    for (const char *q :
        { "who is on call for payment-gateway", "who's on-call for payment-gateway", "on call for payment-gateway",
            "oncall for payment-gateway", "payment-gateway's on-call", "qui est d'astreinte pour payment-gateway",
            "d'astreinte sur payment-gateway", "qui est de garde pour payment-gateway", "astreinte de payment-gateway",
            "qui assure l'astreinte du payment-gateway" })
        row("sample", q, "on-call", "component:default/payment-gateway");
    // How to, and where its links are
    for (const char *q : { "how do I deploy payment-gateway", "where is the runbook of payment-gateway",
             "runbook for payment-gateway", "where are the docs for payment-gateway",
             "where can I find the dashboard of payment-gateway", "comment déployer payment-gateway",
             "où est la doc de payment-gateway", "où est le runbook du payment-gateway",
             "où trouver la documentation de payment-gateway", "le dépôt de payment-gateway" })
        row("sample", q, "how-to", "component:default/payment-gateway");
    // Members of a team
    for (const char *q : { "who is on the storefront team", "members of storefront", "who's in storefront",
             "storefront's members", "who works in storefront", "membres de storefront", "qui est dans storefront",
             "qui fait partie de storefront", "les membres de l'équipe storefront", "qui travaille chez storefront" })
        row("sample", q, "members", "group:default/storefront");
    // The verb decides the kind; the kind word in a title does not get stripped away.
    row("examples", "who consumes wayback-archive", "dependents", "api:default/wayback-archive");
    row("examples", "qui consomme wayback-archive", "dependents", "api:default/wayback-archive");
    row("examples", "what does wayback-search depend on", "depends-on", "component:default/wayback-search");
    row("ambiguous", "what is API Entrepôt", "what-is", "api:default/api-entrepot");
    row("ambiguous", "membres de l'Équipe Paiements", "members", "group:default/equipe-paiements");
    row("ambiguous", "who is on the Billing team", "members", "group:default/billing-team");
    row("ambiguous", "what is the billing system", "what-is", "system:default/billing");
    // Ambiguous names: the candidates, never a guess.
    row("ambiguous", "who is Alex Martin", "what-is", "candidates:2");
    row("ambiguous", "c'est qui Alex Martin", "what-is", "candidates:2");
    row("ambiguous", "what is atlas", "what-is", "candidates:2");
    row("ambiguous", "how is atlas going", "how-is-it-going", "project:default/atlas");
    row("ambiguous", "what does atlas depend on", "depends-on", "component:default/atlas");
    // Nothing there: nothing invented.
    row("ambiguous", "who owns ghost-service", "who-owns", "not-found");
    row("sample", "qui possède ghost-service", "who-owns", "not-found");
}

void TestAskPhrasings::phrasings()
{
    QFETCH(QString, catalog);
    QFETCH(QString, question);
    QFETCH(QString, intent);
    QFETCH(QString, expected);
    const AskResult r = ask(catalog, question);
    QCOMPARE(ParsedQuestion::intentId(r.question.intent), intent);
    const QString said = QStringLiteral("%1: %2").arg(AskResult::outcomeId(r.outcome), r.headline);
    if (expected == u"list") {
        QCOMPARE(r.outcome, AskOutcome::List);
        QVERIFY2(!r.items.isEmpty(), qPrintable(said));
    } else if (expected == u"not-found") {
        QCOMPARE(r.outcome, AskOutcome::NotFound);
        QVERIFY(!r.answer);
    } else if (expected.startsWith(u"candidates:")) {
        QCOMPARE(r.outcome, AskOutcome::Candidates);
        QCOMPARE(r.candidates.size(), expected.mid(11).toInt());
    } else {
        QVERIFY2(r.outcome == AskOutcome::Answer, qPrintable(said));
        QCOMPARE(r.answer->entity.ref.toString().toLower(), expected);
    }
}

void TestAskPhrasings::personAnswersWithTeamsAndWork()
{
    const AskResult who = ask(QStringLiteral("sample"), QStringLiteral("who is Hélène Mercier"));
    QCOMPARE(who.outcome, AskOutcome::Answer);
    QVERIFY2(who.headline.contains(u"Checkout & Payments"), qPrintable(who.headline));
    QVERIFY2(who.headline.contains(u"helene.mercier@fennel.example.com"), qPrintable(who.headline));
    QStringList items;
    for (const EntitySummary &s : who.items)
        items.append(s.ref.toString().toLower());
    QVERIFY2(items.contains(u"project:default/psp-consolidation"), qPrintable(items.join(u' '))); // she owns it
    QVERIFY2(items.contains(u"project:default/one-page-checkout"), qPrintable(items.join(u' '))); // contributes
    QVERIFY2(items.contains(u"component:default/payment-gateway"), qPrintable(items.join(u' '))); // her team's

    // A typo in a first name alone still finds her, and says so.
    const AskResult typo = ask(QStringLiteral("sample"), QStringLiteral("who is helen"));
    QCOMPARE(typo.answer->entity.ref.toString().toLower(), QStringLiteral("user:default/helene-mercier"));
    QVERIFY(!typo.matchNote.isEmpty());

    // Who works on a project: the owner and the team's people, not only the team.
    const AskResult works = ask(QStringLiteral("sample"), QStringLiteral("who works on one-page-checkout"));
    QStringList people;
    for (const EntitySummary &s : works.items)
        people.append(s.ref.toString().toLower());
    QVERIFY2(people.contains(u"user:default/jdoe"), qPrintable(people.join(u' '))); // the owner
    QVERIFY2(people.contains(u"group:default/checkout"), qPrintable(people.join(u' '))); // the team
    QVERIFY2(people.contains(u"user:default/helene-mercier"), qPrintable(people.join(u' ')));
    QCOMPARE(people.size(), QSet<QString>(people.cbegin(), people.cend()).size());
}

void TestAskPhrasings::notUnderstoodIsNotNotFound()
{
    // Words that name entities, in a form not understood: said so, with what they match.
    AskResult r = ask(QStringLiteral("sample"), QStringLiteral("tell me everything on payment-gateway and the PSP"));
    QVERIFY(r.outcome == AskOutcome::Search || r.outcome == AskOutcome::Answer);
    r = ask(QStringLiteral("sample"), QStringLiteral("was ist los mit payment-gateway heute"));
    QCOMPARE(r.outcome, AskOutcome::Search);
    QVERIFY2(r.headline.contains(u"did not understand"), qPrintable(r.headline));
    QVERIFY(!r.headline.contains(u"Nothing"));
    QVERIFY(std::any_of(
        r.hits.cbegin(), r.hits.cend(), [](const SearchHit &h) { return h.ref.name() == u"payment-gateway"; }));
    // A question of no known form and no known word: not understood, not "nothing matches".
    r = ask(QStringLiteral("sample"), QStringLiteral("what changed since yesterday"));
    QCOMPARE(r.outcome, AskOutcome::NotFound);
    QVERIFY2(r.headline.contains(u"did not understand"), qPrintable(r.headline));
    // A bare unknown name is simply not there.
    r = ask(QStringLiteral("sample"), QStringLiteral("zorglub"));
    QCOMPARE(r.outcome, AskOutcome::NotFound);
    QVERIFY2(r.headline.contains(u"Nothing in the catalog matches"), qPrintable(r.headline));
}

void TestAskPhrasings::aTopGoalIsSaidToBeOne()
{
    const AskResult top = ask(QStringLiteral("sample"), QStringLiteral("why profitable-growth-2027"));
    QVERIFY2(top.headline.contains(u"top-level goal"), qPrintable(top.headline));
    QVERIFY2(!top.headline.contains(u"serves Profitable"), qPrintable(top.headline));
    const AskResult child = ask(QStringLiteral("sample"), QStringLiteral("why grow-conversion"));
    QVERIFY2(child.headline.contains(u"serves Profitable growth in 2027"), qPrintable(child.headline));
}

QTEST_GUILESS_MAIN(TestAskPhrasings)
#include "tst_askphrasings.moc"
