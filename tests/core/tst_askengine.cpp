// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/AskEngine.h"

#include <QTest>

#include "fixtures/AnswerFixtures.h"

using namespace cairn::core;
using namespace cairn::fixtures;

class TestAskEngine : public QObject
{
    Q_OBJECT

    std::unique_ptr<CatalogLookup> m_examples;
    std::unique_ptr<CatalogLookup> m_org;

    AskResult ask(const CatalogLookup &lookup, const char *question)
    {
        AnswerOptions options;
        options.today = kToday();
        Result<AskResult> r = AskEngine(lookup, options).ask(QString::fromUtf8(question));
        if (!r)
            qFatal("%s", qPrintable(r.errorString()));
        return r.value();
    }

    static QStringList names(const QList<EntitySummary> &list)
    {
        QStringList out;
        for (const EntitySummary &s : list)
            out.append(s.ref.name());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_examples = makeCatalog(backstageExamples());
        m_org = makeCatalog(workOrg());
    }

    void whoOwnsInEnglishAndFrench()
    {
        for (const char *q :
            { "who owns artist-lookup?", "qui possède artist-lookup ?", "à qui appartient Artist-Lookup" }) {
            const AskResult r = ask(*m_examples, q);
            QCOMPARE(r.outcome, AskOutcome::Answer);
            QCOMPARE(r.focus, AnswerFocus::Who);
            QVERIFY2(r.headline.contains(QStringLiteral("team-a")), qPrintable(r.headline));
            QCOMPARE(r.answer->who.owner->members.size(), 4);
        }
    }

    void unresolvedOwnerHeadline()
    {
        const AskResult r = ask(*m_examples, "who owns playback-order");
        QVERIFY2(r.headline.contains(QStringLiteral("group:default/guest")), qPrintable(r.headline));
        QVERIFY(r.headline.contains(QStringLiteral("not in the catalog")));
    }

    void whoConsumesTheApi()
    {
        const AskResult r = ask(*m_examples, "who consumes the wayback-archive API?");
        QCOMPARE(r.outcome, AskOutcome::Answer);
        QVERIFY(r.answer->entity.ref.isKind(u"api"));
        QCOMPARE(names(r.items), QStringList { QStringLiteral("wayback-search") });
    }

    void membersOfTeamA()
    {
        const AskResult r = ask(*m_examples, "members of team-a");
        QCOMPARE(names(r.items),
            (QStringList { QStringLiteral("breanna.davison"), QStringLiteral("guest"), QStringLiteral("janelle.dawe"),
                QStringLiteral("nigel.manning") }));
    }

    void typoIsTakenWithANote()
    {
        const AskResult r = ask(*m_examples, "what is artst-lookup");
        QCOMPARE(r.outcome, AskOutcome::Answer);
        QCOMPARE(r.match, MatchKind::Typo);
        QVERIFY2(r.matchNote.contains(QStringLiteral("component:default/artist-lookup"), Qt::CaseInsensitive),
            qPrintable(r.matchNote));
        QCOMPARE(r.focus, AnswerFocus::What);
    }

    void accentInsensitiveQuestion()
    {
        const AskResult r = ask(*m_org, "c'est quoi amelie poulain");
        QCOMPARE(r.outcome, AskOutcome::Answer);
        QCOMPARE(r.answer->entity.ref.name(), QStringLiteral("amelie"));
    }

    void ambiguousListsCandidates()
    {
        const AskResult r = ask(*m_org, "who owns billing");
        QCOMPARE(r.outcome, AskOutcome::Candidates);
        QCOMPARE(r.candidates.size(), 2);
        QVERIFY(!r.answer.has_value());
    }

    void whyInBothLanguages()
    {
        const AskResult en = ask(*m_org, "why do we do checkout revamp?");
        QCOMPARE(en.focus, AnswerFocus::Why);
        QVERIFY2(en.headline.contains(QStringLiteral("Grow checkout conversion")), qPrintable(en.headline));
        const AskResult fr = ask(*m_examples, "pourquoi artist-lookup");
        QCOMPARE(fr.headline, QStringLiteral("No goal is linked to this component"));
    }

    void howIsItGoingShowsSlipAndStatus()
    {
        const AskResult r = ask(*m_org, "how is cloud savings going?");
        QVERIFY2(r.headline.contains(QStringLiteral("off-track")), qPrintable(r.headline));
        QVERIFY2(r.headline.contains(QStringLiteral("target moved 3 times, +60 days")), qPrintable(r.headline));
    }

    void dependsOnAndDependents()
    {
        // wayback-search is a Component and an API: only a component depends on things, and
        // only an API is consumed, so the verb decides; "about" does not, and both are offered.
        AskResult r = ask(*m_examples, "what does wayback-search depend on");
        QCOMPARE(r.outcome, AskOutcome::Answer);
        QVERIFY(r.answer->entity.ref.isKind(u"component"));
        r = ask(*m_examples, "who consumes wayback-archive");
        QCOMPARE(r.outcome, AskOutcome::Answer);
        QVERIFY(r.answer->entity.ref.isKind(u"api"));
        QCOMPARE(ask(*m_examples, "tell me about wayback-search").outcome, AskOutcome::Candidates);
        QCOMPARE(names(ask(*m_examples, "what does the wayback-search component depend on").items),
            QStringList { QStringLiteral("wayback-archive") });
        QCOMPARE(
            names(ask(*m_org, "qui dépend de payments-db").items), QStringList { QStringLiteral("checkout-service") });
    }

    void whatDoesTeamOwn()
    {
        const AskResult r = ask(*m_examples, "what does team-a own?");
        QCOMPARE(r.items.size(), 8);
        QVERIFY(r.headline.contains(QStringLiteral("8 entities")));
    }

    void projectsAtRisk()
    {
        for (const char *q : { "projects at risk", "projets à risque ?" }) {
            const AskResult r = ask(*m_org, q);
            QCOMPARE(r.outcome, AskOutcome::List);
            QCOMPARE(
                names(r.items), (QStringList { QStringLiteral("checkout-revamp"), QStringLiteral("cloud-savings") }));
        }
    }

    void goalsOfTeam()
    {
        const AskResult r = ask(*m_org, "goals of payments");
        QStringList goals = names(r.items);
        goals.sort();
        // Owned (cut-costs, loop-a, loop-b) and served by projects it carries (cut-costs, grow-conversion).
        QCOMPARE(goals,
            (QStringList { QStringLiteral("cut-costs"), QStringLiteral("grow-conversion"), QStringLiteral("loop-a"),
                QStringLiteral("loop-b") }));
    }

    void fallsBackToSearch()
    {
        const AskResult r = ask(*m_examples, "machine archive");
        QCOMPARE(r.outcome, AskOutcome::Search);
        QVERIFY(!r.hits.isEmpty());
        QCOMPARE(r.hits.first().owner.toString(), QStringLiteral("group:default/team-a"));
        QCOMPARE(ask(*m_examples, "who owns nothing-like-this-at-all").outcome, AskOutcome::NotFound);
    }

    void bareNameShowsEverything()
    {
        const AskResult r = ask(*m_examples, "artist-lookup");
        QCOMPARE(r.outcome, AskOutcome::Answer);
        QCOMPARE(r.focus, AnswerFocus::All);
    }

    // A pasted page is refused with its length and the limit, not turned into a query over
    // every word of it; a question at the limit is still read.
    void aQuestionLongerThanTheLimitIsRefused()
    {
        const QString atLimit = QStringLiteral("who owns artist-lookup").leftJustified(AskEngine::MaxQuestionLength);
        const Result<AskResult> read = AskEngine(*m_examples).ask(atLimit);
        QVERIFY2(read, qPrintable(read.errorString()));
        QCOMPARE(read->outcome, AskOutcome::Answer);

        const Result<AskResult> refused = AskEngine(*m_examples).ask(atLimit + u'x');
        QVERIFY(!refused);
        QCOMPARE(refused.errorKind(), ErrorKind::InvalidInput);
        QVERIFY2(refused.errorString().contains(u"501 characters") && refused.errorString().contains(u"up to 500"),
            qPrintable(refused.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestAskEngine)
#include "tst_askengine.moc"
