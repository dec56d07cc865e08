// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/MemoryCatalog.h"
#include "core/NameMatcher.h"

#include <QTest>

#include "fixtures/AnswerFixtures.h"

using namespace cairn::core;
using namespace cairn::fixtures;

class TestNameMatcher : public QObject
{
    Q_OBJECT

    std::unique_ptr<CatalogLookup> m_examples;
    std::unique_ptr<CatalogLookup> m_org;

    NameMatch match(const CatalogLookup &lookup, const QString &text, const QStringList &kinds = {})
    {
        Result<NameMatch> m = NameMatcher(lookup).match(text, kinds);
        if (!m)
            qFatal("%s", qPrintable(m.errorString()));
        return m.value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_examples = makeCatalog(backstageExamples());
        m_org = makeCatalog(workOrg());
    }

    void normalizes()
    {
        QCOMPARE(NameMatcher::normalize(u"  Amélie   Poulain "), QStringLiteral("amelie poulain"));
        QCOMPARE(NameMatcher::normalize(u"Artist-Lookup"), QStringLiteral("artist lookup"));
        QCOMPARE(NameMatcher::normalize(u"ÉQUIPE_ça.va"), QStringLiteral("equipe ca va"));
        QCOMPARE(NameMatcher::foldChar(u'É'), QChar(u'e'));
    }

    void distance()
    {
        QCOMPARE(NameMatcher::distance(u"artst lookup", u"artist lookup", 2), 1);
        QCOMPARE(NameMatcher::distance(u"tema", u"team", 2), 1); // transposition counts once
        QCOMPARE(NameMatcher::distance(u"abc", u"xyz", 1), 2); // bound + 1 when over
        QCOMPARE(NameMatcher::distance(u"same", u"same", 0), 0);
        QCOMPARE(NameMatcher::typoBound(3), 0);
        QCOMPARE(NameMatcher::typoBound(12), 2);
    }

    void exactByNameCaseInsensitive()
    {
        const NameMatch m = match(*m_examples, QStringLiteral("Artist-Lookup"));
        QCOMPARE(m.kind, MatchKind::Exact);
        QCOMPARE(m.candidates.first().record.entity.name(), QStringLiteral("artist-lookup"));
    }

    void exactByRef()
    {
        const NameMatch m = match(*m_examples, QStringLiteral("api:default/wayback-archive"));
        QCOMPARE(m.kind, MatchKind::Exact);
        QCOMPARE(m.candidates.first().matchedOn, QStringLiteral("ref"));
        QVERIFY(m.candidates.first().record.entity.isKind(u"api"));
    }

    void accentInsensitive()
    {
        const NameMatch m = match(*m_org, QStringLiteral("amelie poulain"));
        QCOMPARE(m.kind, MatchKind::Exact);
        QCOMPARE(m.candidates.first().record.entity.displayName(), QStringLiteral("Amélie Poulain"));
        QCOMPARE(m.candidates.first().matchedOn, QStringLiteral("displayName"));
        // And the other way round: an accented query finds a plain name.
        QCOMPARE(
            match(*m_org, QStringLiteral("Amélie")).candidates.first().record.entity.name(), QStringLiteral("amelie"));
    }

    void typoTolerance()
    {
        const NameMatch m = match(*m_examples, QStringLiteral("artst-lookup"));
        QCOMPARE(m.kind, MatchKind::Typo);
        QCOMPARE(m.candidates.first().record.entity.name(), QStringLiteral("artist-lookup"));
        QCOMPARE(m.candidates.first().distance, 1);
        // Too far is no match rather than a wild guess.
        QCOMPARE(match(*m_examples, QStringLiteral("zzzst-lookup")).kind, MatchKind::None);
    }

    void ambiguousTitlesGiveCandidates()
    {
        const NameMatch m = match(*m_org, QStringLiteral("billing"));
        QCOMPARE(m.kind, MatchKind::Ambiguous);
        QCOMPARE(m.candidates.size(), 2);
    }

    void sameNameDifferentKinds()
    {
        QCOMPARE(match(*m_examples, QStringLiteral("wayback-archive")).kind, MatchKind::Ambiguous);
        const NameMatch api = match(*m_examples, QStringLiteral("wayback-archive"), { QStringLiteral("api") });
        QCOMPARE(api.kind, MatchKind::Exact);
        QVERIFY(api.candidates.first().record.entity.isKind(u"api"));
    }

    void prefix()
    {
        const NameMatch m = match(*m_examples, QStringLiteral("artist-eng"));
        QCOMPARE(m.kind, MatchKind::Prefix);
        QCOMPARE(m.candidates.first().record.entity.name(), QStringLiteral("artist-engagement-portal"));
    }

    void liveBeatsRemoved()
    {
        MemoryCatalog catalog(workOrg());
        QList<Entity> all = workOrg();
        for (const Entity &e : all) {
            if (e.name() == u"legacy-billing")
                catalog.add(e, {}, QDateTime::currentDateTimeUtc());
        }
        const NameMatch m = match(catalog, QStringLiteral("billing"));
        QCOMPARE(m.kind, MatchKind::Exact);
        QCOMPARE(m.candidates.first().record.entity.name(), QStringLiteral("billing-ui"));
    }
};

QTEST_GUILESS_MAIN(TestNameMatcher)
#include "tst_namematcher.moc"
