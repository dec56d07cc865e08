// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/LinkClassifier.h"

#include <QTest>

#include "fixtures/AnswerFixtures.h"

using namespace cairn::core;
using namespace cairn::fixtures;

class TestLinkClassifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("icon");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("category");
        const auto row = [](const char *name, const char *url, const char *title, const char *icon, const char *type,
                             const char *category) {
            QTest::newRow(name) << QString::fromUtf8(url) << QString::fromUtf8(title) << QString::fromUtf8(icon)
                                << QString::fromUtf8(type) << QString::fromUtf8(category);
        };
        row("type wins over icon", "https://x/y", "Docs", "dashboard", "runbook", "runbook");
        row("dashboard icon", "https://example.com/dashboard", "Dashboard", "dashboard", "", "dashboard");
        row("alert icon", "https://example.com/alert", "Alerts", "alert", "", "on-call");
        row("help icon", "https://example.com/help", "Support", "help", "", "documentation");
        row("github host", "https://github.com/acme/x", "Code", "", "", "repository");
        row("runbook title", "https://wiki/x", "Incident runbook", "", "", "runbook");
        row("slack host", "https://acme.slack.com/archives/C1", "#team", "", "", "chat");
        row("unknown", "https://example.com/web", "Website", "web", "", "other");
    }

    void classify()
    {
        QFETCH(QString, url);
        QFETCH(QString, title);
        QFETCH(QString, icon);
        QFETCH(QString, type);
        QFETCH(QString, category);
        QCOMPARE(LinkClassifier::categoryId(LinkClassifier::classify(EntityLink { url, title, icon, type })), category);
    }

    void annotationsAddLinks()
    {
        const QList<Entity> org = workOrg();
        const auto it
            = std::find_if(org.cbegin(), org.cend(), [](const Entity &e) { return e.name() == u"checkout-service"; });
        QVERIFY(it != org.cend());
        const QList<LinkGroup> groups = LinkClassifier::group(*it);
        QCOMPARE(groups.size(), 3);
        QCOMPARE(groups.at(0).category, LinkCategory::Repository);
        QCOMPARE(groups.at(0).links.first().url, QStringLiteral("https://github.com/acme/checkout"));
        QCOMPARE(groups.at(0).links.first().origin, QStringLiteral("github.com/project-slug"));
        QCOMPARE(groups.at(1).category, LinkCategory::Documentation);
        QCOMPARE(groups.at(1).links.first().url, QStringLiteral("dir:."));
        QCOMPARE(groups.at(2).category, LinkCategory::OnCall);
        QVERIFY(groups.at(2).links.first().url.contains(QStringLiteral("P123")));
    }

    void sourceLocationAndDedupe()
    {
        const Entity e(QJsonObject { { QStringLiteral("kind"), QStringLiteral("Component") },
            { QStringLiteral("metadata"),
                QJsonObject { { QStringLiteral("name"), QStringLiteral("c") },
                    { QStringLiteral("annotations"),
                        QJsonObject { { QStringLiteral("backstage.io/source-location"),
                            QStringLiteral("url:https://github.com/a/b") } } },
                    { QStringLiteral("links"),
                        QJsonArray { QJsonObject { { QStringLiteral("url"), QStringLiteral("https://github.com/a/b") },
                            { QStringLiteral("title"), QStringLiteral("Repo") } } } } } } });
        const QList<LinkGroup> groups = LinkClassifier::group(e);
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups.first().links.size(), 1); // the same URL once
        QCOMPARE(groups.first().links.first().origin, QStringLiteral("link"));
    }

    void artistLookupGroupsInOrder()
    {
        const QList<LinkGroup> groups = LinkClassifier::group(backstageExamples().first());
        QStringList ids;
        for (const LinkGroup &g : groups)
            ids.append(LinkClassifier::categoryId(g.category));
        QCOMPARE(ids,
            (QStringList { QStringLiteral("documentation"), QStringLiteral("dashboard"), QStringLiteral("on-call"),
                QStringLiteral("other") }));
    }
};

QTEST_GUILESS_MAIN(TestLinkClassifier)
#include "tst_linkclassifier.moc"
