// SPDX-License-Identifier: GPL-3.0-or-later
// The directory hygiene report (cache::readHygieneReport) on catalogs imported the way
// `cairn import` and `cairn sample` do it: the fixture tests/data/hygiene (one finding per
// category, each beside a look-alike that must stay out, and a compass.yml without an
// owner), the bundled sample organisation Fennel and the Backstage examples
// (tests/data/backstage), all judged on 2026-11-24.
#include "cache/Cache.h"
#include "cache/HygieneReport.h"
#include "core/HygieneWords.h"
#include "sync/FileSource.h"
#include "sync/SampleOrganisation.h"
#include "sync/SyncEngine.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cairn;

namespace {

const QDate kToday(2026, 11, 24);

// "category ref detail", one line per item in report order: a failure shows the whole list.
QStringList lines(const QList<core::HygieneItem> &items)
{
    QStringList out;
    for (const core::HygieneItem &item : items)
        out.append(QStringLiteral("%1 %2 %3")
                       .arg(core::hygieneCategoryId(item.category), item.ref.toString(), item.detail)
                       .trimmed());
    return out;
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

} // namespace

class TestHygieneReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_caches = 0;

    std::unique_ptr<cache::Cache> newCache()
    {
        auto opened = cache::Cache::open(m_dir.filePath(QStringLiteral("cache-%1.sqlite3").arg(++m_caches)));
        if (!opened)
            qFatal("%s", qPrintable(opened.errorString()));
        return std::move(opened.value());
    }

    // As `cairn import` does it: one files source through the sync engine.
    static sync::SyncOutcome import(cache::Cache &cache, const QString &name, const QStringList &paths)
    {
        sync::FileSource source(paths);
        return sync::SyncEngine(cache).run(
            name, QStringLiteral("files"), paths.join(u'\n'), source, sync::SyncOptions {});
    }

    static QStringList report(cache::Cache &cache, QDate today = kToday)
    {
        core::Result<QList<core::HygieneItem>> items = cache::readHygieneReport(cache, today);
        if (!items)
            qWarning("%s", qPrintable(items.errorString()));
        return items ? lines(*items) : QStringList { QStringLiteral("error") };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Q_INIT_RESOURCE(cairn_sample);
    }

    void categoryIdsAreStable()
    {
        QStringList ids;
        for (core::HygieneCategory category : core::hygieneCategories()) {
            ids.append(core::hygieneCategoryId(category));
            QCOMPARE(core::hygieneCategoryFromId(ids.constLast()), category);
            QVERIFY(!core::HygieneWords::title(category).isEmpty());
        }
        QCOMPARE(ids,
            (QStringList { QStringLiteral("no-owner"), QStringLiteral("unresolved-owner"),
                QStringLiteral("group-without-members"), QStringLiteral("user-without-group"),
                QStringLiteral("component-without-system"), QStringLiteral("orphaned"),
                QStringLiteral("project-without-update"), QStringLiteral("project-overdue"),
                QStringLiteral("goal-without-project") }));
        QVERIFY(!core::hygieneCategoryFromId(u"no-such-thing"));
    }

    // Each category once, the look-alikes beside them left out (see the fixture's comments).
    void fixtureHasEachFindingAndNoLookAlike()
    {
        std::unique_ptr<cache::Cache> cache = newCache();
        const sync::SyncOutcome outcome
            = import(*cache, QStringLiteral("hygiene"), { QStringLiteral(CAIRN_TEST_DATA_DIR "/hygiene") });
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        // The compass.yml without ownerId is imported, not refused for "spec.owner is required".
        QStringList problems;
        for (const sync::CatalogProblem &problem : outcome.problems)
            problems.append(problem.message);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(outcome.summary.added, 26);
        QCOMPARE(report(*cache),
            (QStringList {
                QStringLiteral("no-owner Component:default/unowned-gateway"),
                QStringLiteral("unresolved-owner Component:default/lost-service group:default/nobody-team"),
                QStringLiteral("group-without-members Group:default/empty-team"),
                QStringLiteral("user-without-group User:default/carol"),
                QStringLiteral("user-without-group User:default/dave group:default/ghost-team"),
                QStringLiteral("component-without-system Component:default/loose-library"),
                QStringLiteral("component-without-system Component:default/unowned-gateway"),
                QStringLiteral("orphaned Component:default/old-worker"),
                QStringLiteral("project-without-update Project:default/never-updated-project"),
                QStringLiteral("project-without-update Project:default/quiet-project 2026-10-01"),
                QStringLiteral("project-overdue Project:default/late-project 2026-11-01"),
                QStringLiteral("goal-without-project Goal:default/lonely-goal"),
            }));

        // Judged on another day, the boundary project turns stale and overdue.
        const QStringList later = report(*cache, kToday.addDays(1));
        QVERIFY2(later.contains(QStringLiteral("project-without-update Project:default/boundary-project 2026-11-10")),
            qPrintable(later.join(u'\n')));
        QVERIFY2(later.contains(QStringLiteral("project-overdue Project:default/boundary-project 2026-11-24")),
            qPrintable(later.join(u'\n')));
    }

    // Every item says why in words: the owner it names, the date.
    void itemsSayWhy()
    {
        const core::HygieneItem unresolved { core::HygieneCategory::UnresolvedOwner,
            core::EntityRef::parse(u"component:default/x").value(), QStringLiteral("x"), QStringLiteral("component"),
            QStringLiteral("group:default/guest") };
        QCOMPARE(core::HygieneWords::reason(unresolved, kToday),
            QStringLiteral("Its owner group:default/guest is not in the catalog."));
        core::HygieneItem ownedByAnApi = unresolved;
        ownedByAnApi.detail = QStringLiteral("api:default/payments");
        QCOMPARE(core::HygieneWords::reason(ownedByAnApi, kToday),
            QStringLiteral("Its owner api:default/payments is not a team or a person: only they can own."));
        core::HygieneItem quiet = unresolved;
        quiet.category = core::HygieneCategory::ProjectWithoutUpdate;
        quiet.detail = QStringLiteral("2026-10-01");
        QCOMPARE(core::HygieneWords::reason(quiet, kToday),
            QStringLiteral("Not finished; last update on 2026-10-01, 54 days ago."));
        quiet.detail.clear();
        QCOMPARE(core::HygieneWords::reason(quiet, kToday), QStringLiteral("Not finished, and no status update ever."));
        core::HygieneItem late = quiet;
        late.category = core::HygieneCategory::ProjectOverdue;
        late.detail = QStringLiteral("2026-11-01");
        QCOMPARE(core::HygieneWords::reason(late, kToday),
            QStringLiteral("Not done, and its target date 2026-11-01 passed 23 days ago."));
    }

    // An owner that is in the catalog but owns nothing (an API) is listed with the owners
    // that do not resolve: Backstage keeps such an entity, and so does Cairn.
    void anOwnerThatIsNoTeamOrPersonIsListed()
    {
        std::unique_ptr<cache::Cache> cache = newCache();
        const QString file = m_dir.filePath(QStringLiteral("owned-by-an-api.yaml"));
        QVERIFY(writeFile(file,
            "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: payments}\n"
            "spec: {type: openapi, lifecycle: production, owner: team-a, definition: x}\n---\n"
            "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: team-a}\n"
            "spec: {type: team, children: []}\n---\n"
            "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: odd}\n"
            "spec: {type: service, lifecycle: production, owner: 'api:payments', system: s}\n"));
        const sync::SyncOutcome outcome = import(*cache, QStringLiteral("odd"), { file });
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.unresolved.size(), 1);
        QVERIFY(outcome.unresolved.constFirst().notAnOwner);
        const QStringList found = report(*cache);
        QVERIFY2(found.contains(QStringLiteral("unresolved-owner Component:default/odd api:default/payments")),
            qPrintable(found.join(u'\n')));
        QVERIFY2(!found.contains(QStringLiteral("unresolved-owner API:default/payments group:default/team-a")),
            qPrintable(found.join(u'\n')));
    }

    // A member, a child team or a group that is only a tombstone does not count.
    void tombstonesDoNotCount()
    {
        std::unique_ptr<cache::Cache> cache = newCache();
        QVERIFY(import(*cache, QStringLiteral("hygiene"), { QStringLiteral(CAIRN_TEST_DATA_DIR "/hygiene") }).ok);
        const QString people = m_dir.filePath(QStringLiteral("people.yaml"));
        QVERIFY(writeFile(people,
            "apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: {name: erin}\n"
            "spec: {memberOf: [empty-team]}\n---\n"
            "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: ghost-team}\n"
            "spec: {type: team, children: []}\n"));
        QVERIFY(import(*cache, QStringLiteral("people"), { people }).ok);
        QStringList found = report(*cache);
        QVERIFY2(!found.contains(QStringLiteral("group-without-members Group:default/empty-team")),
            qPrintable(found.join(u'\n')));
        QVERIFY2(!found.contains(QStringLiteral("user-without-group User:default/dave group:default/ghost-team")),
            qPrintable(found.join(u'\n')));

        // Both go upstream: their tombstones stay in the cache, and the findings come back.
        QVERIFY(writeFile(people,
            "apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: {name: frank}\n"
            "spec: {memberOf: [team-with-members]}\n"));
        sync::SyncOptions options;
        options.allowRemovals = true;
        sync::FileSource source({ people });
        const sync::SyncOutcome removed
            = sync::SyncEngine(*cache).run(QStringLiteral("people"), QStringLiteral("files"), people, source, options);
        QVERIFY2(removed.ok, qPrintable(removed.error));
        QCOMPARE(removed.summary.removed, 2);
        found = report(*cache);
        QVERIFY2(found.contains(QStringLiteral("group-without-members Group:default/empty-team")),
            qPrintable(found.join(u'\n')));
        QVERIFY2(found.contains(QStringLiteral("user-without-group User:default/dave group:default/ghost-team")),
            qPrintable(found.join(u'\n')));
    }

    // Goals whose parents loop: the walk up from a goal with a project ends, and a loop
    // nobody works on is reported whole.
    void goalLoopsEnd()
    {
        std::unique_ptr<cache::Cache> cache = newCache();
        const QString goals = m_dir.filePath(QStringLiteral("goals.yaml"));
        const auto goal = [](const char *name, const char *parent) {
            return QByteArray("apiVersion: cairn.dev/v1\nkind: Goal\nmetadata: {name: ") + name
                + "}\nspec: {owner: user:default/x, status: on-track, parent: " + parent + "}\n---\n";
        };
        QVERIFY(writeFile(goals,
            goal("a", "b") + goal("b", "a") + goal("c", "d") + goal("d", "c")
                + "apiVersion: cairn.dev/v1\nkind: Project\nmetadata: {name: p}\n"
                  "spec: {owner: user:default/x, status: on-track, goals: [a], "
                  "updates: [{date: '2026-11-20'}]}\n"));
        const sync::SyncOutcome outcome = import(*cache, QStringLiteral("goals"), { goals });
        QVERIFY(outcome.ok && outcome.problems.isEmpty());
        QCOMPARE(outcome.summary.added, 5);
        QStringList found = report(*cache);
        found.removeIf([](const QString &line) { return !line.startsWith(u"goal-without-project"); });
        QCOMPARE(found,
            (QStringList { QStringLiteral("goal-without-project Goal:default/c"),
                QStringLiteral("goal-without-project Goal:default/d") }));
    }

    // Fennel, the bundled sample, plants a few on purpose.
    void sampleOrganisation()
    {
        std::unique_ptr<cache::Cache> cache = newCache();
        const sync::SyncOutcome outcome = sync::SampleOrganisation::load(*cache);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(report(*cache),
            (QStringList {
                QStringLiteral("unresolved-owner Component:default/image-resizer group:default/media-team"),
                QStringLiteral("project-without-update Project:default/demand-forecasting-v2 2026-10-21"),
                QStringLiteral("goal-without-project Goal:default/on-time-deliveries"),
            }));
    }

    // The Backstage examples: `owner: guest` completes to group:default/guest, which does not
    // exist (only user:default/guest does); four components are in no system.
    void backstageExamples()
    {
        std::unique_ptr<cache::Cache> cache = newCache();
        const sync::SyncOutcome outcome = import(*cache, QStringLiteral("examples"),
            { QStringLiteral(CAIRN_TEST_DATA_DIR "/backstage/all.yaml"),
                QStringLiteral(CAIRN_TEST_DATA_DIR "/backstage/org.yaml") });
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(report(*cache),
            (QStringList {
                QStringLiteral("unresolved-owner Component:default/playback-order group:default/guest"),
                QStringLiteral("component-without-system Component:default/playback-order"),
                QStringLiteral("component-without-system Component:default/store-gateway"),
                QStringLiteral("component-without-system Component:default/wayback-archive"),
                QStringLiteral("component-without-system Component:default/wayback-search"),
            }));
    }

    void emptyCacheIsClean()
    {
        std::unique_ptr<cache::Cache> cache = newCache();
        QCOMPARE(report(*cache), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestHygieneReport)
#include "tst_hygienereport.moc"
