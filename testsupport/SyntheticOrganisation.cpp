// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport/SyntheticOrganisation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>
#include <array>

namespace cairn::testsupport {

namespace {

const std::array<const char *, 24> words = {
    "payment",
    "checkout",
    "search",
    "catalog",
    "billing",
    "invoice",
    "ledger",
    "shipping",
    "cart",
    "profile",
    "identity",
    "pricing",
    "stock",
    "order",
    "refund",
    "review",
    "media",
    "delivery",
    "route",
    "notify",
    "campaign",
    "loyalty",
    "fraud",
    "report",
};
const std::array<const char *, 7> statuses
    = { "pending", "on-track", "at-risk", "off-track", "paused", "done", "cancelled" };
const std::array<const char *, 3> lifecycles = { "production", "experimental", "deprecated" };

QString word(QRandomGenerator &random)
{
    return QString::fromLatin1(words[random.bounded(int(words.size()))]);
}

QJsonObject envelope(const QString &apiVersion, const QString &kind, const QString &name, const QString &title,
    const QString &description, const QJsonObject &spec)
{
    QJsonObject metadata { { QStringLiteral("name"), name },
        { QStringLiteral("namespace"), QStringLiteral("default") } };
    if (!title.isEmpty())
        metadata.insert(QStringLiteral("title"), title);
    if (!description.isEmpty())
        metadata.insert(QStringLiteral("description"), description);
    return QJsonObject { { QStringLiteral("apiVersion"), apiVersion }, { QStringLiteral("kind"), kind },
        { QStringLiteral("metadata"), metadata }, { QStringLiteral("spec"), spec } };
}

} // namespace

SyntheticOrganisation::SyntheticOrganisation(int entityCount, quint32 seed)
{
    QRandomGenerator random(seed);
    const auto share = [entityCount](double fraction) { return std::max(1, int(entityCount * fraction)); };
    const int groups = share(0.02), users = share(0.15), systems = share(0.04), domains = share(0.005);
    const int apis = share(0.15), resources = share(0.12), projects = share(0.04), goals = share(0.025);
    const int components
        = std::max(1, entityCount - groups - users - systems - domains - apis - resources - projects - goals);
    m_entities.reserve(entityCount);
    const QString backstage = QStringLiteral("backstage.io/v1alpha1");
    const QString cairnApi = QStringLiteral("cairn.dev/v1");
    const auto group = [](int i) { return QStringLiteral("group:default/team-%1").arg(i); };

    for (int i = 0; i < domains; ++i)
        m_entities.append(
            core::Entity(envelope(backstage, QStringLiteral("Domain"), QStringLiteral("domain-%1").arg(i), QString(),
                QStringLiteral("Business domain %1").arg(i), { { QStringLiteral("owner"), group(i % groups) } })));
    for (int i = 0; i < groups; ++i) {
        QJsonObject spec { { QStringLiteral("type"), QStringLiteral("team") },
            { QStringLiteral("children"), QJsonArray() },
            { QStringLiteral("profile"),
                QJsonObject { { QStringLiteral("displayName"), QStringLiteral("Team %1 %2").arg(word(random)).arg(i) },
                    { QStringLiteral("email"), QStringLiteral("team-%1@example.com").arg(i) } } } };
        if (i > 0)
            spec.insert(QStringLiteral("parent"), QStringLiteral("team-%1").arg((i - 1) / 4));
        m_entities.append(core::Entity(envelope(
            backstage, QStringLiteral("Group"), QStringLiteral("team-%1").arg(i), QString(), QString(), spec)));
    }
    for (int i = 0; i < users; ++i) {
        const QJsonObject spec { { QStringLiteral("memberOf"),
                                     QJsonArray { QStringLiteral("team-%1").arg(i % groups) } },
            { QStringLiteral("profile"),
                QJsonObject { { QStringLiteral("displayName"), QStringLiteral("Person %1").arg(i) },
                    { QStringLiteral("email"), QStringLiteral("person-%1@example.com").arg(i) } } } };
        m_entities.append(core::Entity(envelope(
            backstage, QStringLiteral("User"), QStringLiteral("person-%1").arg(i), QString(), QString(), spec)));
    }
    for (int i = 0; i < systems; ++i)
        m_entities.append(core::Entity(envelope(backstage, QStringLiteral("System"), QStringLiteral("system-%1").arg(i),
            QStringLiteral("%1 platform %2").arg(word(random)).arg(i),
            QStringLiteral("Groups the %1 services").arg(word(random)),
            { { QStringLiteral("owner"), group(i % groups) },
                { QStringLiteral("domain"), QStringLiteral("domain-%1").arg(i % domains) } })));
    for (int i = 0; i < apis; ++i)
        m_entities.append(core::Entity(envelope(backstage, QStringLiteral("API"), QStringLiteral("api-%1").arg(i),
            QStringLiteral("%1 API %2").arg(word(random)).arg(i), QString(),
            { { QStringLiteral("type"), QStringLiteral("openapi") },
                { QStringLiteral("lifecycle"), QString::fromLatin1(lifecycles[random.bounded(3)]) },
                { QStringLiteral("owner"), group(random.bounded(groups)) },
                { QStringLiteral("system"), QStringLiteral("system-%1").arg(random.bounded(systems)) },
                { QStringLiteral("definition"), QStringLiteral("openapi: 3.0.0") } })));
    for (int i = 0; i < resources; ++i)
        m_entities.append(core::Entity(
            envelope(backstage, QStringLiteral("Resource"), QStringLiteral("db-%1").arg(i), QString(), QString(),
                { { QStringLiteral("type"), QStringLiteral("database") },
                    { QStringLiteral("owner"), group(random.bounded(groups)) },
                    { QStringLiteral("system"), QStringLiteral("system-%1").arg(random.bounded(systems)) } })));
    for (int i = 0; i < components; ++i) {
        QJsonArray dependsOn;
        const int dependencies = random.bounded(9);
        for (int d = 0; d < dependencies; ++d) {
            if (random.bounded(3) == 0)
                dependsOn.append(QStringLiteral("resource:db-%1").arg(random.bounded(resources)));
            else
                dependsOn.append(QStringLiteral("component:service-%1").arg(random.bounded(components)));
        }
        const QString w = word(random);
        const QJsonObject spec { { QStringLiteral("type"), QStringLiteral("service") },
            { QStringLiteral("lifecycle"), QString::fromLatin1(lifecycles[random.bounded(3)]) },
            { QStringLiteral("owner"), group(random.bounded(groups)) },
            { QStringLiteral("system"), QStringLiteral("system-%1").arg(random.bounded(systems)) },
            { QStringLiteral("dependsOn"), dependsOn },
            { QStringLiteral("providesApis"), QJsonArray { QStringLiteral("api-%1").arg(i % apis) } },
            { QStringLiteral("consumesApis"), QJsonArray { QStringLiteral("api-%1").arg(random.bounded(apis)) } } };
        QJsonObject document = envelope(backstage, QStringLiteral("Component"), QStringLiteral("service-%1").arg(i),
            QStringLiteral("%1 service %2").arg(w).arg(i),
            QStringLiteral("Handles %1 for the %2 flow.").arg(w, word(random)), spec);
        QJsonObject metadata = document.value(u"metadata").toObject();
        metadata.insert(QStringLiteral("tags"), QJsonArray { w, QStringLiteral("tier-%1").arg(random.bounded(3) + 1) });
        metadata.insert(QStringLiteral("links"),
            QJsonArray {
                QJsonObject { { QStringLiteral("url"), QStringLiteral("https://git.example.com/%1-%2").arg(w).arg(i) },
                    { QStringLiteral("title"), QStringLiteral("Repository") },
                    { QStringLiteral("type"), QStringLiteral("repository") } } });
        document.insert(QStringLiteral("metadata"), metadata);
        m_entities.append(core::Entity(document));
    }
    for (int i = 0; i < goals; ++i) {
        QJsonObject spec { { QStringLiteral("owner"), group(random.bounded(groups)) },
            { QStringLiteral("status"), QString::fromLatin1(statuses[random.bounded(int(statuses.size()))]) },
            { QStringLiteral("targetDate"), QStringLiteral("2027-06-30") },
            { QStringLiteral("progress"),
                QJsonObject { { QStringLiteral("current"), random.bounded(100) }, { QStringLiteral("target"), 100 },
                    { QStringLiteral("unit"), QStringLiteral("%") } } } };
        if (i > 0)
            spec.insert(QStringLiteral("parent"), QStringLiteral("goal-%1").arg((i - 1) / 3));
        m_entities.append(core::Entity(envelope(cairnApi, QStringLiteral("Goal"), QStringLiteral("goal-%1").arg(i),
            QStringLiteral("Grow %1 %2").arg(word(random)).arg(i), QString(), spec)));
    }
    for (int i = 0; i < projects; ++i) {
        const QJsonObject spec { { QStringLiteral("owner"), group(random.bounded(groups)) },
            { QStringLiteral("team"), group(random.bounded(groups)) },
            { QStringLiteral("status"), QString::fromLatin1(statuses[random.bounded(int(statuses.size()))]) },
            { QStringLiteral("startDate"), QStringLiteral("2026-09-01") },
            { QStringLiteral("targetDate"), QStringLiteral("2027-01-15") },
            { QStringLiteral("goals"), QJsonArray { QStringLiteral("goal-%1").arg(random.bounded(goals)) } },
            { QStringLiteral("components"),
                QJsonArray { QStringLiteral("component:service-%1").arg(random.bounded(components)) } },
            { QStringLiteral("updates"),
                QJsonArray { QJsonObject { { QStringLiteral("date"), QStringLiteral("2026-10-02") },
                    { QStringLiteral("status"), QStringLiteral("on-track") },
                    { QStringLiteral("targetDate"), QStringLiteral("2026-12-01") },
                    { QStringLiteral("text"), QStringLiteral("Kick-off done") } } } } };
        m_entities.append(
            core::Entity(envelope(cairnApi, QStringLiteral("Project"), QStringLiteral("project-%1").arg(i),
                QStringLiteral("%1 revamp %2").arg(word(random)).arg(i), QString(), spec)));
    }
}

} // namespace cairn::testsupport
