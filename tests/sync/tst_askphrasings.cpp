// SPDX-License-Identifier: GPL-3.0-or-later
// The questions people type, intent by intent, in English and French (issue 18), asked of
// the SQLite cache as `cairn ask` asks them: the bundled sample Fennel, the Backstage
// examples, and an organisation whose names collide on purpose (two people called Alex
// Martin, a component and a project both called atlas, titles holding a kind word). Each
// row says what must come back: one entity, the candidates, a list, or nothing, and never
// a confident wrong answer.
#include "core/AskEngine.h"
#include "core/ChangePeriod.h"

#include <QFile>
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
    void onCallNamesNoOneWhereNoOneIsNamed();
    void aTopGoalIsSaidToBeOne();
    void whatChangedListsTheRunsLines();
    void changePeriods_data();
    void changePeriods();

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
    // What is X
    for (const char *q : { "what is checkout-service", "what's checkout-service?", "tell me about checkout-service",
             "describe checkout-service", "what is the checkout-service component", "c'est quoi checkout-service",
             "qu'est-ce que checkout-service", "qu'est-ce que c'est que checkout-service", "décris checkout-service",
             "parle-moi du checkout-service" })
        row("sample", q, "what-is", "component:default/checkout-service");
    // Why X
    for (const char *q :
        { "why one-page-checkout", "why do we do one-page-checkout", "why does one-page-checkout exist",
            "why is there a one-page-checkout project", "why the one-page-checkout project",
            "pourquoi one-page-checkout", "pourquoi fait-on one-page-checkout", "pourquoi le projet one-page-checkout",
            "pourquoi one-page-checkout existe", "pourquoi avons-nous one-page-checkout" })
        row("sample", q, "why", "project:default/one-page-checkout");
    // How is it going
    for (const char *q :
        { "how is one-page-checkout going", "how's one-page-checkout doing", "status of one-page-checkout",
            "what is the progress of one-page-checkout", "how is the one-page-checkout project coming along",
            "comment va one-page-checkout", "où en est one-page-checkout", "comment avance le projet one-page-checkout",
            "quel est l'état du one-page-checkout", "comment se passe one-page-checkout" })
        row("sample", q, "how-is-it-going", "project:default/one-page-checkout");
    // Who depends on X
    for (const char *q : { "what depends on voucher-engine", "who depends on voucher-engine",
             "which services depend on voucher-engine", "who uses voucher-engine", "what relies on voucher-engine",
             "qui dépend de voucher-engine", "qu'est-ce qui dépend du voucher-engine", "qui utilise voucher-engine",
             "qui appelle voucher-engine", "quoi dépend de voucher-engine" })
        row("sample", q, "dependents", "component:default/voucher-engine");
    // What does a team own
    for (const char *q : { "what does storefront own", "what does the storefront team own",
             "what is owned by storefront", "which components does storefront own", "what's owned by storefront",
             "que possède storefront", "que gère l'équipe storefront", "qu'est-ce que possède storefront",
             "qu'est-ce que storefront possède", "que détient storefront" })
        row("sample", q, "owns", "group:default/storefront");
    // Goals of a team
    for (const char *q : { "goals of data", "what are the goals of data", "which goals does data have",
             "the goals of the data team", "goals for data", "objectifs de data", "les objectifs de l'équipe data",
             "quels sont les objectifs de data", "objectifs du data", "les objectifs de data" })
        row("sample", q, "goals-of", "group:default/data");
    // Show (a bare exact name is read as the "search" intent and shown whole)
    for (const char *q : { "show checkout-service", "open checkout-service", "display checkout-service",
             "show the checkout-service component", "checkout-service", "montre checkout-service",
             "affiche checkout-service", "ouvre checkout-service", "montre le composant checkout-service",
             "affiche le checkout-service" })
        row("sample", q, QString::fromUtf8(q) == u"checkout-service" ? "search" : "show",
            "component:default/checkout-service");
    // The same forms over Backstage's example catalog, which nobody here wrote.
    for (const char *q :
        { "who owns artist-lookup", "who maintains artist-lookup?", "artist-lookup's owner", "owner of artist-lookup",
            "who looks after artist-lookup", "qui possède artist-lookup", "à qui appartient artist-lookup",
            "le responsable d'artist-lookup", "qui gère artist-lookup", "qui est le propriétaire d'artist-lookup" })
        row("examples", q, "who-owns", "component:default/artist-lookup");
    for (const char *q : { "members of team-a", "who is on team-a", "who's in team-a", "team-a's members",
             "who works in team-a", "membres de team-a", "qui est dans team-a", "qui fait partie de team-a",
             "les membres de l'équipe team-a", "qui travaille chez team-a" })
        row("examples", q, "members", "group:default/team-a");
    for (const char *q : { "what depends on wayback-archive-storage", "who depends on wayback-archive-storage",
             "what relies on wayback-archive-storage", "who uses wayback-archive-storage",
             "which components depend on wayback-archive-storage", "qui dépend de wayback-archive-storage",
             "qu'est-ce qui dépend du wayback-archive-storage", "qui utilise wayback-archive-storage",
             "quoi dépend de wayback-archive-storage", "qui appelle wayback-archive-storage" })
        row("examples", q, "dependents", "component:default/wayback-archive-storage");
    for (const char *q : { "what does team-a own", "what is owned by team-a", "which components does team-a own",
             "what's owned by team-a", "what does the team-a team own", "que possède team-a",
             "qu'est-ce que possède team-a", "que gère team-a", "que détient l'équipe team-a",
             "qu'est-ce que team-a possède" })
        row("examples", q, "owns", "group:default/team-a");
    // And over the organisation of colliding names.
    for (const char *q : { "which projects contribute to faster-invoices", "projects for faster-invoices",
             "projects serving the faster-invoices goal", "what projects work towards faster-invoices",
             "projects contributing to faster-invoices", "quels projets contribuent à l'objectif faster-invoices",
             "projets de faster-invoices", "quels projets servent faster-invoices",
             "les projets qui contribuent à faster-invoices", "quels sont les projets de l'objectif faster-invoices" })
        row("ambiguous", q, "projects-for", "goal:default/faster-invoices");
    for (const char *q : { "what does Alex Martin work on", "what is Alex Martin working on",
             "what is alex martin doing", "what does alex martin work on?", "what is Alex working on",
             "sur quoi travaille Alex Martin", "à quoi travaille Alex Martin", "sur quoi travaille alex martin ?",
             "sur quoi travaille Alex", "que fait Alex Martin en ce moment" })
        row("ambiguous", q, "works-on", "candidates:2");
    for (const char *q : { "who is on call for invoice-store", "on call for invoice-store", "oncall for invoice-store",
             "who's on-call for invoice-store", "invoice-store's on-call", "qui est d'astreinte pour invoice-store",
             "qui est de garde pour invoice-store", "astreinte de invoice-store", "d'astreinte sur invoice-store",
             "qui assure l'astreinte du invoice-store" })
        row("ambiguous", q, "on-call", "component:default/invoice-store");
    for (const char *q : { "goals of billing-team", "what are the goals of billing-team", "goals for the Billing team",
             "which goals does billing-team have", "the goals of billing-team", "objectifs de billing-team",
             "les objectifs de l'équipe billing-team", "quels sont les objectifs de billing-team",
             "objectifs du billing-team", "les objectifs de billing-team" })
        row("ambiguous", q, "goals-of", "group:default/billing-team");
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
    r = ask(QStringLiteral("sample"), QStringLiteral("could you please tell me"));
    QCOMPARE(r.outcome, AskOutcome::NotFound);
    QVERIFY2(r.headline.contains(u"did not understand"), qPrintable(r.headline));
    // A bare unknown name is simply not there.
    r = ask(QStringLiteral("sample"), QStringLiteral("zorglub"));
    QCOMPARE(r.outcome, AskOutcome::NotFound);
    QVERIFY2(r.headline.contains(u"Nothing in the catalog matches"), qPrintable(r.headline));
}

void TestAskPhrasings::onCallNamesNoOneWhereNoOneIsNamed()
{
    // invoice-store names no on-call person and has no on-call link: said, not invented.
    const AskResult r = ask(QStringLiteral("ambiguous"), QStringLiteral("who is on call for invoice-store"));
    QVERIFY2(r.headline.contains(u"names no one on call"), qPrintable(r.headline));
    QVERIFY(r.items.isEmpty());
    const AskResult named = ask(QStringLiteral("sample"), QStringLiteral("who is on call for payment-gateway"));
    QCOMPARE(named.items.size(), 1);
    QCOMPARE(named.items.first().ref.toString().toLower(), QStringLiteral("user:default/helene-mercier"));
}

void TestAskPhrasings::aTopGoalIsSaidToBeOne()
{
    const AskResult top = ask(QStringLiteral("sample"), QStringLiteral("why profitable-growth-2027"));
    QVERIFY2(top.headline.contains(u"top-level goal"), qPrintable(top.headline));
    QVERIFY2(!top.headline.contains(u"serves Profitable"), qPrintable(top.headline));
    const AskResult child = ask(QStringLiteral("sample"), QStringLiteral("why grow-conversion"));
    QVERIFY2(child.headline.contains(u"serves Profitable growth in 2027"), qPrintable(child.headline));
}

void TestAskPhrasings::whatChangedListsTheRunsLines()
{
    // One organisation imported, then again with atlas (the component) changed and the API
    // gone: the answers read the runs' lines, newest first, with their source.
    const QString original = QFINDTESTDATA("fixtures/ambiguous/org.yaml");
    QFile in(original);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray text = in.readAll();
    const QString file = m_dir.filePath(QStringLiteral("changing.yaml"));
    const auto write = [&file](const QByteArray &bytes) {
        QFile out(file);
        return out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(bytes) == bytes.size();
    };
    QVERIFY(write(text));
    CatalogPair changing;
    const QString cachePath = m_dir.filePath(QStringLiteral("changing.sqlite3"));
    QVERIFY(importFiles(changing, cachePath, QStringLiteral("org"), { file }));
    QByteArray second = text;
    second.replace("The map tiles service.", "The map tiles service, now with traffic.");
    second.truncate(second.indexOf("---\napiVersion: backstage.io/v1alpha1\nkind: API"));
    second += text.mid(text.indexOf("---\napiVersion: cairn.dev/v1\nkind: Goal"));
    QVERIFY(write(second));
    CatalogPair again;
    changing = CatalogPair();
    QVERIFY(importFiles(again, cachePath, QStringLiteral("org"), { file }));

    AnswerOptions options;
    options.today = QDate::currentDate();
    const auto askIt = [&](const char *question) {
        Result<AskResult> r = AskEngine(*again.query, options).ask(QString::fromUtf8(question));
        if (!r)
            qFatal("%s", qPrintable(r.errorString()));
        return r.value();
    };
    const auto lines = [](const AskResult &r) {
        QStringList out;
        for (const CatalogChange &c : r.changes)
            out.append(c.change + u' ' + c.ref.toString().toLower() + u' ' + c.source);
        return out;
    };
    for (const char *q : { "what changed today", "qu'est-ce qui a changé aujourd'hui", "recent changes", "quoi de neuf",
             "what's new this week" }) {
        const AskResult r = askIt(q);
        QCOMPARE(r.outcome, AskOutcome::List);
        const QStringList got = lines(r);
        QVERIFY2(got.size() == 12, qPrintable(got.join(u", "))); // 10 added, then 1 changed and 1 removed
        QCOMPARE(got.first().section(u' ', 0, 0) == u"added", false); // newest first: the second run
        QVERIFY(got.contains(u"changed component:default/atlas org"));
        QVERIFY(got.contains(u"removed api:default/api-entrepot org"));
        QVERIFY(got.contains(u"added user:default/alex-martin-lyon org"));
    }
    QCOMPARE(lines(askIt("what was removed")), QStringList { QStringLiteral("removed api:default/api-entrepot org") });
    QCOMPARE(lines(askIt("qu'est-ce qui a été modifié depuis hier")),
        QStringList { QStringLiteral("changed component:default/atlas org") });
    QCOMPARE(askIt("what was removed since tomorrow-ish").outcome, AskOutcome::NotFound);
    // A removed entity keeps its title in the line: the cache keeps its tombstone.
    const AskResult removed = askIt("what was removed");
    QCOMPARE(removed.changes.first().title, QStringLiteral("API Entrepôt"));
}

void TestAskPhrasings::changePeriods_data()
{
    QTest::addColumn<QString>("words");
    QTest::addColumn<QDate>("start");
    const QDate wednesday(2026, 11, 25);
    QTest::newRow("none") << QString() << QDate(2026, 11, 19);
    QTest::newRow("since yesterday") << QStringLiteral("since yesterday") << QDate(2026, 11, 24);
    QTest::newRow("depuis hier") << QStringLiteral("depuis hier") << QDate(2026, 11, 24);
    QTest::newRow("today") << QStringLiteral("today") << wednesday;
    QTest::newRow("since Monday") << QStringLiteral("since Monday") << QDate(2026, 11, 23);
    QTest::newRow("depuis mercredi") << QStringLiteral("depuis mercredi") << QDate(2026, 11, 18);
    QTest::newRow("this week") << QStringLiteral("this week") << QDate(2026, 11, 23);
    QTest::newRow("la semaine dernière") << QStringLiteral("depuis la semaine dernière") << QDate(2026, 11, 16);
    QTest::newRow("last 3 days") << QStringLiteral("in the last 3 days") << QDate(2026, 11, 22);
    QTest::newRow("iso") << QStringLiteral("since 2026-11-01") << QDate(2026, 11, 1);
    QTest::newRow("future") << QStringLiteral("since 2027-01-01") << QDate();
    QTest::newRow("nonsense") << QStringLiteral("since the dawn of time") << QDate();
}

void TestAskPhrasings::changePeriods()
{
    QFETCH(QString, words);
    QFETCH(QDate, start);
    const std::optional<QDate> got = ChangePeriod::start(words, QDate(2026, 11, 25));
    QCOMPARE(got.value_or(QDate()), start);
}

QTEST_GUILESS_MAIN(TestAskPhrasings)
#include "tst_askphrasings.moc"
