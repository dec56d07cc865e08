// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Entity.h"

#include <QJsonDocument>
#include <QTest>

#include "fixtures/FixtureFile.h"

using cairn::core::DocumentOrigin;
using cairn::core::Entity;
using cairn::core::EntityRef;

class TestEntity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void envelopeAccessors();
    void metadataAccessors();
    void specAccessors();
    void ownerAndRefsAreCompleted();
    void defaultsWhenFieldsAreMissing();
    void displayNameFallsBack();
    void unknownKindsAndFieldsAreKept();
    void relationsArrayIsDetected();
    void originNamesFileAndLine();
};

namespace {

Entity entityFrom(const QByteArray &json)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return Entity(document.object());
}

// A component as a catalog file might hold it, with fields Cairn does not know.
QByteArray checkout()
{
    return cairn::fixtures::fixtureFile("checkout-component.json");
}

} // namespace

void TestEntity::envelopeAccessors()
{
    const Entity entity = entityFrom(checkout());
    QCOMPARE(entity.apiVersion(), QStringLiteral("backstage.io/v1alpha1"));
    QCOMPARE(entity.kind(), QStringLiteral("Component"));
    QCOMPARE(entity.ns(), QStringLiteral("shop"));
    QCOMPARE(entity.name(), QStringLiteral("checkout-service"));
    QCOMPARE(entity.ref(),
        EntityRef(QStringLiteral("component"), QStringLiteral("shop"), QStringLiteral("checkout-service")));
    QCOMPARE(entity.ref().toString(), QStringLiteral("Component:shop/checkout-service"));
    QVERIFY(entity.isKind(u"component"));
    QVERIFY(entity.isKind(u"COMPONENT"));
    QVERIFY(!entity.isKind(u"API"));
}

void TestEntity::metadataAccessors()
{
    const Entity entity = entityFrom(checkout());
    QCOMPARE(entity.title(), QStringLiteral("Checkout"));
    QCOMPARE(entity.description(), QStringLiteral("Takes the **money**."));
    QCOMPARE(entity.uid(), QStringLiteral("1b2c"));
    QCOMPARE(entity.etag(), QStringLiteral("e-7"));
    QCOMPARE(entity.tags(), (QStringList { QStringLiteral("java"), QStringLiteral("payments") }));
    QCOMPARE(entity.labels().value(QStringLiteral("tier")), QStringLiteral("1"));
    // A number where text belongs is shown as text, not dropped.
    QCOMPARE(entity.labels().value(QStringLiteral("team-size")), QStringLiteral("7"));
    QCOMPARE(entity.annotation(QStringLiteral("github.com/project-slug")), QStringLiteral("acme/checkout"));
    QCOMPARE(entity.annotations().size(), 1);
    QVERIFY(entity.annotation(QStringLiteral("absent")).isEmpty());

    const auto links = entity.links();
    QCOMPARE(links.size(), 1); // the entry without a url is not a link
    QCOMPARE(links.at(0).url, QStringLiteral("https://runbooks/checkout"));
    QCOMPARE(links.at(0).title, QStringLiteral("Runbook"));
    QCOMPARE(links.at(0).icon, QStringLiteral("docs"));
    QCOMPARE(links.at(0).type, QStringLiteral("runbook"));
}

void TestEntity::specAccessors()
{
    const Entity entity = entityFrom(checkout());
    QCOMPARE(entity.specType(), QStringLiteral("service"));
    QCOMPARE(entity.lifecycle(), QStringLiteral("production"));
    QCOMPARE(entity.specString(u"system"), QStringLiteral("shop"));
    QVERIFY(entity.specString(u"futureField").isEmpty()); // not text
    QCOMPARE(entity.specStringList(u"dependsOn").size(), 3);
    // A single string where a list is expected reads as a list of one.
    QCOMPARE(entity.specStringList(u"providesApis"), QStringList { QStringLiteral("checkout-api") });
    QCOMPARE(entity.spec().value(u"futureField").toArray().size(), 3);
}

void TestEntity::ownerAndRefsAreCompleted()
{
    const Entity entity = entityFrom(checkout());
    // A bare owner is a group in the entity's own namespace.
    QCOMPARE(entity.owner().toString(), QStringLiteral("group:shop/payments"));

    // Refs that do not parse are left out; the others are completed.
    const QList<EntityRef> deps = entity.specRefs(u"dependsOn");
    QCOMPARE(deps.size(), 2);
    QCOMPARE(deps.at(0).toString(), QStringLiteral("resource:shop/checkout-db"));
    QCOMPARE(deps.at(1).toString(), QStringLiteral("component:default/stock"));

    const QList<EntityRef> apis = entity.specRefs(u"providesApis");
    QCOMPARE(apis.size(), 1);
    QCOMPARE(apis.at(0).toString(), QStringLiteral("api:shop/checkout-api"));

    const Entity badOwner
        = entityFrom(R"({"kind": "Component", "metadata": {"name": "x"}, "spec": {"owner": "group:default/"}})");
    QVERIFY(badOwner.owner().isNull());
    // As Backstage reads it: the second ':' belongs to the name, which resolves to nothing.
    const Entity oddOwner
        = entityFrom(R"({"kind": "Component", "metadata": {"name": "x"}, "spec": {"owner": "group:a:b"}})");
    QCOMPARE(oddOwner.owner().toString(), QStringLiteral("group:default/a:b"));
    const Entity userOwner
        = entityFrom(R"({"kind": "Component", "metadata": {"name": "x"}, "spec": {"owner": "user:jdoe"}})");
    QCOMPARE(userOwner.owner().toString(), QStringLiteral("user:default/jdoe"));
}

void TestEntity::defaultsWhenFieldsAreMissing()
{
    const Entity entity = entityFrom(R"({"kind": "Component", "metadata": {"name": "lonely"}})");
    QCOMPARE(entity.ns(), QStringLiteral("default"));
    QCOMPARE(entity.ref().toString(), QStringLiteral("Component:default/lonely"));
    QVERIFY(entity.owner().isNull());
    QVERIFY(entity.tags().isEmpty());
    QVERIFY(entity.links().isEmpty());
    QVERIFY(entity.specRefs(u"dependsOn").isEmpty());
    QVERIFY(entity.apiVersion().isEmpty());

    QVERIFY(entityFrom(R"({"metadata": {"name": "no-kind"}})").ref().isNull());
    QVERIFY(entityFrom(R"({"kind": "Component", "metadata": {}})").ref().isNull());
    QVERIFY(Entity().ref().isNull());
}

void TestEntity::displayNameFallsBack()
{
    QCOMPARE(entityFrom(checkout()).displayName(), QStringLiteral("Checkout"));
    QCOMPARE(entityFrom(
                 R"({"kind": "User", "metadata": {"name": "jdoe"}, "spec": {"profile": {"displayName": "Jane Doe"}}})")
                 .displayName(),
        QStringLiteral("Jane Doe"));
    QCOMPARE(entityFrom(R"({"kind": "User", "metadata": {"name": "jdoe"}, "spec": {"profile": {}}})").displayName(),
        QStringLiteral("jdoe"));
}

void TestEntity::unknownKindsAndFieldsAreKept()
{
    const char *const environment = R"({
      "apiVersion": "backstage.io/v1alpha1",
      "kind": "Environment",
      "metadata": {"name": "prod", "whatever": {"deep": [1, {"x": null}]}},
      "spec": {"stage": "live", "regions": ["eu", "us"]},
      "extraRoot": 42
    })";
    const QJsonObject original = QJsonDocument::fromJson(QByteArray(environment)).object();
    const Entity entity(original);
    QCOMPARE(entity.document(), original);
    QCOMPARE(entity.ref().toString(), QStringLiteral("Environment:default/prod"));
    QCOMPARE(entity.specStringList(u"regions"), (QStringList { QStringLiteral("eu"), QStringLiteral("us") }));
    QCOMPARE(entity.document().value(u"extraRoot").toInt(), 42);
    QVERIFY(entity.metadata().value(u"whatever").isObject());

    const Entity component = entityFrom(checkout());
    QVERIFY(component.metadata().value(u"x-custom").toObject().value(u"kept").toBool());
    QVERIFY(component.document().value(u"status").isObject());
}

void TestEntity::relationsArrayIsDetected()
{
    QVERIFY(!entityFrom(checkout()).hasRelations());
    QVERIFY(entityFrom(R"({"kind": "Component", "metadata": {"name": "x"}, "relations": []})").hasRelations());
    QVERIFY(!entityFrom(R"({"kind": "Component", "metadata": {"name": "x"}, "relations": "nope"})").hasRelations());
}

void TestEntity::originNamesFileAndLine()
{
    QCOMPARE((DocumentOrigin { QStringLiteral("org.yaml"), 12 }).toString(), QStringLiteral("org.yaml:12"));
    QCOMPARE((DocumentOrigin { QStringLiteral("https://host/x.yaml"), 0 }).toString(),
        QStringLiteral("https://host/x.yaml"));
    QVERIFY(DocumentOrigin {}.toString().isEmpty());
}

QTEST_APPLESS_MAIN(TestEntity)
#include "tst_entity.moc"
