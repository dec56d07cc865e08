// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/RelationDeriver.h"
#include "core/RelationType.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

using cairn::core::deriveRelations;
using cairn::core::Entity;
using cairn::core::EntityRef;
using cairn::core::Relation;
using cairn::core::relationsOf;
namespace relation = cairn::core::relation;

// Declared before the JSON test data: Qt 6.4's moc loses its way in raw strings holding "//".
class TestRelationDeriver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void derivesFromSpecFields_data();
    void derivesFromSpecFields();
    void everyRelationHasItsInverse();
    void completesRefsInTheEntityNamespace();
    void removesDuplicates();
    void leavesOutRefsThatDoNotParse();
    void locationsAndNamelessEntitiesHaveNone();
    void serverRelationsWin();
    void withoutServerRelationsDerives();
    void statedAreTheStatedHalf_data();
    void statedAreTheStatedHalf();
    void inverseNames();
};

namespace {

using Expected = QList<QStringList>; // {type, source, target}

Entity entityFrom(const char *json)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return Entity(document.object());
}

// Relations as lower-case "type source target" lines, so comparisons ignore ref spelling.
QSet<QString> lines(const QList<Relation> &relations)
{
    QSet<QString> out;
    for (const Relation &r : relations)
        out.insert(QStringLiteral("%1 %2 %3").arg(r.type, r.source.key(), r.target.key()));
    return out;
}

QString dump(const QList<Relation> &relations)
{
    QStringList out;
    for (const Relation &r : relations)
        out.append(QStringLiteral("%1 %2 %3").arg(r.type, r.source.toString(), r.target.toString()));
    return out.join(QLatin1Char('\n'));
}

const char *const fullComponent
    = R"({"apiVersion": "backstage.io/v1alpha1", "kind": "Component", "metadata": {"name": "checkout"},
  "spec": {"type": "service", "lifecycle": "production", "owner": "payments", "system": "shop", "subcomponentOf": "storefront",
           "providesApis": ["checkout-api"], "consumesApis": ["api:default/stock-api"], "dependsOn": ["resource:checkout-db"],
           "dependencyOf": ["component:web"]}})";
const char *const api
    = R"({"kind": "API", "metadata": {"name": "checkout-api"}, "spec": {"owner": "user:jdoe", "system": "shop", "definition": "x"}})";
const char *const resource
    = R"({"kind": "Resource", "metadata": {"name": "db"}, "spec": {"owner": "dba", "system": "shop", "dependsOn": ["resource:disk"], "dependencyOf": ["component:checkout"]}})";
const char *const systemEntity
    = R"({"kind": "System", "metadata": {"name": "shop"}, "spec": {"owner": "payments", "domain": "retail"}})";
const char *const domain
    = R"({"kind": "Domain", "metadata": {"name": "retail"}, "spec": {"owner": "leadership", "subdomainOf": "commerce"}})";
const char *const group
    = R"({"kind": "Group", "metadata": {"name": "payments"}, "spec": {"type": "team", "parent": "engineering", "children": ["payments-web"], "members": ["jdoe", "amina"]}})";
const char *const user
    = R"({"kind": "User", "metadata": {"name": "jdoe"}, "spec": {"memberOf": ["payments", "group:guilds/cpp"]}})";
const char *const project
    = R"({"apiVersion": "cairn.dev/v1", "kind": "Project", "metadata": {"name": "checkout-revamp"},
  "spec": {"owner": "user:default/jdoe", "team": "payments", "status": "at-risk", "goals": ["grow-conversion"],
           "contributors": ["user:amina", "web"], "components": ["checkout"]}})";
const char *const goal = R"({"apiVersion": "cairn.dev/v1", "kind": "Goal", "metadata": {"name": "grow-conversion"},
  "spec": {"owner": "leadership", "parent": "revenue-2027", "status": "on-track"}})";
const char *const aiResource
    = R"({"kind": "AiResource", "metadata": {"name": "review"}, "spec": {"type": "skill", "owner": "team-a", "system": "portal", "dependsOn": ["api:github"]}})";
const char *const unknownKind
    = R"({"kind": "Environment", "metadata": {"name": "prod"}, "spec": {"owner": "sre", "parent": "x", "members": ["y"]}})";

} // namespace

void TestRelationDeriver::derivesFromSpecFields_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected"); // forward relations only; inverses are checked below

    QTest::newRow("Component")
        << QByteArray(fullComponent)
        << QStringList { QStringLiteral("ownedBy component:default/checkout group:default/payments"),
               QStringLiteral("partOf component:default/checkout system:default/shop"),
               QStringLiteral("partOf component:default/checkout component:default/storefront"),
               QStringLiteral("providesApi component:default/checkout api:default/checkout-api"),
               QStringLiteral("consumesApi component:default/checkout api:default/stock-api"),
               QStringLiteral("dependsOn component:default/checkout resource:default/checkout-db"),
               QStringLiteral("dependencyOf component:default/checkout component:default/web") };
    QTest::newRow("API") << QByteArray(api)
                         << QStringList { QStringLiteral("ownedBy api:default/checkout-api user:default/jdoe"),
                                QStringLiteral("partOf api:default/checkout-api system:default/shop") };
    QTest::newRow("Resource") << QByteArray(resource)
                              << QStringList { QStringLiteral("ownedBy resource:default/db group:default/dba"),
                                     QStringLiteral("partOf resource:default/db system:default/shop"),
                                     QStringLiteral("dependsOn resource:default/db resource:default/disk"),
                                     QStringLiteral("dependencyOf resource:default/db component:default/checkout") };
    QTest::newRow("System") << QByteArray(systemEntity)
                            << QStringList { QStringLiteral("ownedBy system:default/shop group:default/payments"),
                                   QStringLiteral("partOf system:default/shop domain:default/retail") };
    QTest::newRow("Domain") << QByteArray(domain)
                            << QStringList { QStringLiteral("ownedBy domain:default/retail group:default/leadership"),
                                   QStringLiteral("partOf domain:default/retail domain:default/commerce") };
    QTest::newRow("Group") << QByteArray(group)
                           << QStringList { QStringLiteral("childOf group:default/payments group:default/engineering"),
                                  QStringLiteral("parentOf group:default/payments group:default/payments-web"),
                                  QStringLiteral("hasMember group:default/payments user:default/jdoe"),
                                  QStringLiteral("hasMember group:default/payments user:default/amina") };
    QTest::newRow("User") << QByteArray(user)
                          << QStringList { QStringLiteral("memberOf user:default/jdoe group:default/payments"),
                                 QStringLiteral("memberOf user:default/jdoe group:guilds/cpp") };
    QTest::newRow("Project")
        << QByteArray(project)
        << QStringList { QStringLiteral("ownedBy project:default/checkout-revamp user:default/jdoe"),
               QStringLiteral("hasTeam project:default/checkout-revamp group:default/payments"),
               QStringLiteral("contributesTo project:default/checkout-revamp goal:default/grow-conversion"),
               QStringLiteral("hasContributor project:default/checkout-revamp user:default/amina"),
               QStringLiteral("hasContributor project:default/checkout-revamp group:default/web"),
               QStringLiteral("worksOn project:default/checkout-revamp component:default/checkout") };
    QTest::newRow("Goal") << QByteArray(goal)
                          << QStringList { QStringLiteral(
                                               "ownedBy goal:default/grow-conversion group:default/leadership"),
                                 QStringLiteral("childOf goal:default/grow-conversion goal:default/revenue-2027") };
    QTest::newRow("AiResource gets the fields every kind shares")
        << QByteArray(aiResource)
        << QStringList { QStringLiteral("ownedBy airesource:default/review group:default/team-a"),
               QStringLiteral("partOf airesource:default/review system:default/portal"),
               QStringLiteral("dependsOn airesource:default/review api:default/github") };
    QTest::newRow("unknown kind: owner only, not Group's fields") << QByteArray(
        unknownKind) << QStringList { QStringLiteral("ownedBy environment:default/prod group:default/sre") };
}

void TestRelationDeriver::derivesFromSpecFields()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    const QList<Relation> relations = deriveRelations(entityFrom(json.constData()));
    QCOMPARE(relations.size(), expected.size() * 2);

    QSet<QString> expectedLines;
    for (const QString &line : std::as_const(expected)) {
        const QStringList parts = line.split(QLatin1Char(' '));
        expectedLines.insert(line);
        expectedLines.insert(
            QStringLiteral("%1 %2 %3").arg(relation::inverseOf(parts.at(0)), parts.at(2), parts.at(1)));
    }
    QVERIFY2(lines(relations) == expectedLines, qPrintable(dump(relations)));
}

void TestRelationDeriver::everyRelationHasItsInverse()
{
    const QList<Relation> relations = deriveRelations(entityFrom(fullComponent));
    const EntityRef self(QStringLiteral("component"), QStringLiteral("default"), QStringLiteral("checkout"));
    const EntityRef owner(QStringLiteral("group"), QStringLiteral("default"), QStringLiteral("payments"));
    QVERIFY(relations.contains(Relation { relation::OwnedBy.toString(), self, owner }));
    QVERIFY(relations.contains(Relation { relation::OwnerOf.toString(), owner, self }));
    for (const Relation &r : relations) {
        const Relation inverse { relation::inverseOf(r.type), r.target, r.source };
        QVERIFY2(relations.contains(inverse), qPrintable(r.type + QLatin1Char(' ') + r.target.toString()));
    }
    // The forward relation comes first, its inverse right after.
    QCOMPARE(relations.at(0).type, QStringLiteral("ownedBy"));
    QCOMPARE(relations.at(1).type, QStringLiteral("ownerOf"));
}

void TestRelationDeriver::completesRefsInTheEntityNamespace()
{
    const QList<Relation> relations = deriveRelations(entityFrom(
        R"({"kind": "Component", "metadata": {"name": "c", "namespace": "ops"},
            "spec": {"owner": "sre", "system": "default/shop", "dependsOn": ["resource:other/db", "component:cache"]}})"));
    const QSet<QString> got = lines(relations);
    QVERIFY2(got.contains(QStringLiteral("ownedBy component:ops/c group:ops/sre")), qPrintable(dump(relations)));
    QVERIFY(got.contains(QStringLiteral("ownerOf group:ops/sre component:ops/c")));
    QVERIFY(got.contains(QStringLiteral("partOf component:ops/c system:default/shop")));
    QVERIFY(got.contains(QStringLiteral("dependsOn component:ops/c resource:other/db")));
    QVERIFY(got.contains(QStringLiteral("dependsOn component:ops/c component:ops/cache")));
    QCOMPARE(relations.size(), 8);
}

void TestRelationDeriver::removesDuplicates()
{
    // The same dependency three ways, and a Group naming a member both bare and in full.
    const QList<Relation> component = deriveRelations(entityFrom(
        R"({"kind": "Component", "metadata": {"name": "c"}, "spec": {"dependsOn": ["component:db", "Component:default/DB", "component:default/db"]}})"));
    QCOMPARE(component.size(), 2);

    const QList<Relation> group = deriveRelations(entityFrom(
        R"({"kind": "Group", "metadata": {"name": "g"}, "spec": {"type": "team", "children": [], "members": ["jdoe", "user:default/jdoe"]}})"));
    QCOMPARE(group.size(), 2);
}

void TestRelationDeriver::leavesOutRefsThatDoNotParse()
{
    // "db" has no kind (dependsOn assumes none) and 5 is not text: left out. "Team A" parses
    // as Backstage parses it, into a ref no entity has: kept, to be shown unresolved.
    const QList<Relation> relations = deriveRelations(entityFrom(
        R"({"kind": "Component", "metadata": {"name": "c"}, "spec": {"owner": "Team A", "dependsOn": ["db", "resource:db"], "system": 5}})"));
    QCOMPARE(lines(relations),
        (QSet<QString> { QStringLiteral("dependsOn component:default/c resource:default/db"),
            QStringLiteral("dependencyOf resource:default/db component:default/c"),
            QStringLiteral("ownedBy component:default/c group:default/team a"),
            QStringLiteral("ownerOf group:default/team a component:default/c") }));
}

void TestRelationDeriver::locationsAndNamelessEntitiesHaveNone()
{
    QVERIFY(deriveRelations(
        entityFrom(R"({"kind": "Location", "metadata": {"name": "l"}, "spec": {"target": "./a.yaml", "owner": "x"}})"))
                .isEmpty());
    QVERIFY(deriveRelations(entityFrom(R"({"kind": "Component", "metadata": {}, "spec": {"owner": "x"}})")).isEmpty());
    QVERIFY(relationsOf(
        entityFrom(
            R"({"kind": "Component", "metadata": {}, "relations": [{"type": "ownedBy", "targetRef": "group:default/x"}]})"))
                .isEmpty());
    QVERIFY(deriveRelations(Entity()).isEmpty());
}

void TestRelationDeriver::serverRelationsWin()
{
    // The server's list is used as it is, even where the spec says something else.
    const Entity entity
        = entityFrom(R"({"kind": "Component", "metadata": {"name": "playback-order", "namespace": "media"},
        "spec": {"owner": "spec-owner", "dependsOn": ["component:not-listed"]},
        "relations": [
          {"type": "ownedBy", "targetRef": "user:default/guest"},
          {"type": "ownedBy", "targetRef": "user:default/guest"},
          {"type": "partOf", "target": {"kind": "system", "namespace": "media", "name": "audio"}},
          {"type": "scannedBy", "targetRef": "component:default/scanner"},
          {"type": "dependsOn", "targetRef": "not a ref"},
          {"targetRef": "component:default/typeless"}
        ]})");
    const QList<Relation> relations = relationsOf(entity);
    QCOMPARE(lines(relations),
        (QSet<QString> { QStringLiteral("ownedBy component:media/playback-order user:default/guest"),
            QStringLiteral("ownerOf user:default/guest component:media/playback-order"),
            QStringLiteral("partOf component:media/playback-order system:media/audio"),
            QStringLiteral("hasPart system:media/audio component:media/playback-order"),
            // A type Cairn has no inverse for is kept one way.
            QStringLiteral("scannedBy component:media/playback-order component:default/scanner") }));
    QCOMPARE(relations.size(), 5);
    QCOMPARE(relations.at(0).source.toString(), QStringLiteral("Component:media/playback-order"));

    // An empty array from a server means "no relations", not "derive them".
    QVERIFY(relationsOf(
        entityFrom(R"({"kind": "Component", "metadata": {"name": "c"}, "spec": {"owner": "x"}, "relations": []})"))
                .isEmpty());
}

void TestRelationDeriver::withoutServerRelationsDerives()
{
    const Entity entity = entityFrom(fullComponent);
    QCOMPARE(relationsOf(entity), deriveRelations(entity));
    QCOMPARE(relationsOf(entity).size(), 14);
}

void TestRelationDeriver::statedAreTheStatedHalf_data()
{
    QTest::addColumn<QByteArray>("json");
    for (const char *spec :
        { fullComponent, api, resource, systemEntity, domain, group, user, project, goal, aiResource, unknownKind })
        QTest::newRow(spec) << QByteArray(spec);
    // Server refs as they come, and as they could: spelled in capitals, padded, without a
    // namespace, the deprecated target object, broken, repeated.
    QTest::newRow("server refs") << QByteArray(
        R"({"kind": "Component", "metadata": {"name": "player", "namespace": "media"},
        "spec": {"owner": "x"},
        "relations": [
          {"type": "ownedBy", "targetRef": "group:default/audio"},
          {"type": "ownedBy", "targetRef": "Group:Default/Audio"},
          {"type": "dependsOn", "targetRef": "  component:default/decoder "},
          {"type": "dependsOn", "targetRef": "component:decoder-v2"},
          {"type": "partOf", "target": {"kind": "System", "namespace": "media", "name": "Audio"}},
          {"type": "partOf", "target": {"kind": "system", "name": "nowhere"}},
          {"type": "consumesApi", "targetRef": "api:media/a:b"},
          {"type": "providesApi", "targetRef": "not a ref"},
          {"type": "scannedBy", "targetRef": "component:default/scanner"},
          {"type": "scannedBy", "targetRef": "component:default/scanner"}
        ]})");
    // A large group: past a few dozen relations the stated set stops searching its list and
    // keeps a set. Every member twice, the second time after the switch, and the first
    // relations repeated at the end, so that both what came before the switch and after
    // it are recognised.
    QByteArray members;
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 60; ++i)
            members += QByteArrayLiteral(R"({"type": "hasMember", "targetRef": "user:default/u)")
                + QByteArray::number(i) + "\"},";
    }
    members
        += R"({"type": "childOf", "targetRef": "group:default/parent"}, {"type": "hasMember", "targetRef": "User:default/U0"})";
    QTest::newRow("large group") << QByteArray(
        R"({"kind": "Group", "metadata": {"name": "everyone"}, "spec": {"type": "team", "children": []},
        "relations": [)"
        + members + "]}");
}

// What the cache stores for an entity is exactly the part of relationsOf() whose source is
// the entity, with the target's key: the rest are the inverses it reads from the other end.
void TestRelationDeriver::statedAreTheStatedHalf()
{
    QFETCH(QByteArray, json);
    const Entity entity = entityFrom(json.constData());
    const QString self = entity.ref().key();
    QSet<QString> expected;
    for (const Relation &relation : relationsOf(entity)) {
        if (relation.source.key() == self)
            expected.insert(relation.type + u' ' + relation.target.key());
    }
    const QList<cairn::core::StatedRelation> stated = cairn::core::statedRelationsOf(entity);
    QSet<QString> actual;
    for (const cairn::core::StatedRelation &relation : stated)
        actual.insert(relation.type + u' ' + relation.targetKey);
    QCOMPARE(actual, expected);
    QCOMPARE(stated.size(), actual.size()); // each once
    QVERIFY(!stated.isEmpty());
}

void TestRelationDeriver::inverseNames()
{
    QCOMPARE(relation::inverseOf(relation::OwnedBy), QStringLiteral("ownerOf"));
    QCOMPARE(relation::inverseOf(relation::OwnerOf), QStringLiteral("ownedBy"));
    QCOMPARE(relation::inverseOf(relation::HasTeam), QStringLiteral("teamOf"));
    QCOMPARE(relation::inverseOf(relation::WorkedOnBy), QStringLiteral("worksOn"));
    QVERIFY(relation::inverseOf(u"scannedBy").isEmpty());
}

QTEST_APPLESS_MAIN(TestRelationDeriver)
#include "tst_relationderiver.moc"
