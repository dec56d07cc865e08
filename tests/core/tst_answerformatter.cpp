// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/AnswerFormatter.h"

#include <QJsonArray>
#include <QTest>

#include "fixtures/AnswerFixtures.h"

using namespace cairn::core;
using namespace cairn::fixtures;

class TestAnswerFormatter : public QObject
{
    Q_OBJECT

    std::unique_ptr<CatalogLookup> m_examples;
    std::unique_ptr<CatalogLookup> m_org;

    Answer answer(const CatalogLookup &lookup, const char *ref)
    {
        AnswerOptions options;
        options.today = kToday();
        return AnswerEngine(lookup, options).answer(EntityRef::parse(QString::fromUtf8(ref)).value()).value();
    }

    static QStringList keys(const QJsonObject &o)
    {
        QStringList k = o.keys();
        k.sort();
        return k;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_examples = makeCatalog(backstageExamples());
        m_org = makeCatalog(workOrg());
    }

    void jsonKeysAreStableWhateverTheKind()
    {
        // Every key is present for every kind, so scripts never test for existence.
        const QJsonObject component = AnswerFormatter::toJson(answer(*m_examples, "component:default/artist-lookup"));
        const QJsonObject project = AnswerFormatter::toJson(answer(*m_org, "project:default/checkout-revamp"));
        QCOMPARE(component.value(u"formatVersion").toInt(), 1);
        QCOMPARE(keys(component), keys(project));
        for (const char *section : { "what", "why", "who", "how" }) {
            const QString s = QString::fromUtf8(section);
            QCOMPARE(keys(component.value(s).toObject()), keys(project.value(s).toObject()));
        }
        QCOMPARE(keys(component.value(u"how").toObject()),
            (QStringList { QStringLiteral("consumesApis"), QStringLiteral("dependsOn"), QStringLiteral("health"),
                QStringLiteral("latestUpdates"), QStringLiteral("links"), QStringLiteral("progress"),
                QStringLiteral("providers"), QStringLiteral("providesApis"), QStringLiteral("scorecards"),
                QStringLiteral("timeline") }));
        QVERIFY(component.value(u"how").toObject().value(u"timeline").isNull());
        QVERIFY(component.value(u"how").toObject().value(u"health").isNull());
    }

    void jsonValues()
    {
        const QJsonObject o = AnswerFormatter::toJson(answer(*m_examples, "component:default/playback-order"));
        const QJsonObject owner = o.value(u"who").toObject().value(u"owner").toObject();
        QCOMPARE(owner.value(u"entity").toObject().value(u"ref").toString(), QStringLiteral("group:default/guest"));
        QCOMPARE(owner.value(u"entity").toObject().value(u"resolved").toBool(), false);
        const QJsonObject p = AnswerFormatter::toJson(answer(*m_org, "project:default/checkout-revamp"));
        const QJsonObject timeline = p.value(u"how").toObject().value(u"timeline").toObject();
        QCOMPARE(timeline.value(u"targetMoves").toInt(), 1);
        QCOMPARE(timeline.value(u"slipDays").toInt(), 45);
        QCOMPARE(timeline.value(u"currentTarget").toString(), QStringLiteral("2027-01-15"));
        QCOMPARE(p.value(u"what").toObject().value(u"startDate").toString(), QStringLiteral("2026-09-01"));
    }

    void askJson()
    {
        AskEngine engine(*m_examples);
        const QJsonObject o = AnswerFormatter::toJson(engine.ask(u"who owns wayback-archive").value());
        QCOMPARE(o.value(u"outcome").toString(), QStringLiteral("candidates"));
        QCOMPARE(o.value(u"question").toObject().value(u"intent").toString(), QStringLiteral("who-owns"));
        QCOMPARE(o.value(u"candidates").toArray().size(), 2);
        QVERIFY(o.value(u"answer").isNull());
        const QJsonObject answered = AnswerFormatter::toJson(engine.ask(u"qui possède artist-lookup").value());
        QCOMPARE(answered.value(u"outcome").toString(), QStringLiteral("answer"));
        QCOMPARE(answered.value(u"focus").toString(), QStringLiteral("who"));
        QCOMPARE(answered.value(u"question").toObject().value(u"language").toString(), QStringLiteral("fr"));
        QCOMPARE(keys(answered), keys(o));
    }

    void textShowsWhatAPersonNeeds()
    {
        const QString text = AnswerFormatter::toText(answer(*m_examples, "component:default/playback-order"));
        QVERIFY(text.contains(QStringLiteral("WHAT")) && text.contains(QStringLiteral("HOW")));
        QVERIFY2(
            text.contains(QStringLiteral("group:default/guest (unresolved: not in the catalog)")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("No goal is linked to this component")));
        const QString project = AnswerFormatter::toText(answer(*m_org, "project:default/cloud-savings"));
        QVERIFY2(
            project.contains(QStringLiteral("target moved 3 times, +60 days since first set")), qPrintable(project));
        QVERIFY(project.contains(QStringLiteral("off-track")));
        const QString asked = AnswerFormatter::toText(AskEngine(*m_examples).ask(u"members of team-a").value());
        QVERIFY2(asked.contains(QStringLiteral("janelle-dawe@example.com")), qPrintable(asked));
    }
};

QTEST_GUILESS_MAIN(TestAnswerFormatter)
#include "tst_answerformatter.moc"
