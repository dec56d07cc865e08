// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EntityRef.h"

#include <QSet>
#include <QTest>

using cairn::core::EntityRef;
using cairn::core::EntityRefContext;

class TestEntityRef : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesEveryForm_data();
    void parsesEveryForm();
    void formatsAsSpelled();
    void comparesAndHashesCaseInsensitively();
    void completesByField_data();
    void completesByField();
    void dependsOnHasNoDefaultKind();
    void namespaceComesFromTheReferringEntity();
    void defaultKinds_data();
    void defaultKinds();
    void malformedRefsAreErrorsThatQuoteTheText_data();
    void malformedRefsAreErrorsThatQuoteTheText();
    void nullAndKindChecks();
};

void TestEntityRef::parsesEveryForm_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("defaultKind");
    QTest::addColumn<QString>("defaultNamespace");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("name");

    QTest::newRow("kind:namespace/name") << QStringLiteral("component:payments/checkout") << QString()
                                         << QStringLiteral("default") << QStringLiteral("component")
                                         << QStringLiteral("payments") << QStringLiteral("checkout");
    QTest::newRow("kind:name") << QStringLiteral("user:jdoe") << QString() << QStringLiteral("ops")
                               << QStringLiteral("user") << QStringLiteral("ops") << QStringLiteral("jdoe");
    QTest::newRow("namespace/name") << QStringLiteral("ops/sre") << QStringLiteral("group") << QStringLiteral("default")
                                    << QStringLiteral("group") << QStringLiteral("ops") << QStringLiteral("sre");
    QTest::newRow("name") << QStringLiteral("sre") << QStringLiteral("group") << QStringLiteral("default")
                          << QStringLiteral("group") << QStringLiteral("default") << QStringLiteral("sre");
    QTest::newRow("written kind wins over default")
        << QStringLiteral("user:jdoe") << QStringLiteral("group") << QStringLiteral("default") << QStringLiteral("user")
        << QStringLiteral("default") << QStringLiteral("jdoe");
    QTest::newRow("surrounding spaces") << QStringLiteral("  api:default/orders \n") << QString()
                                        << QStringLiteral("default") << QStringLiteral("api")
                                        << QStringLiteral("default") << QStringLiteral("orders");
    QTest::newRow("dots and underscores in name")
        << QStringLiteral("user:janelle.dawe_2") << QString() << QStringLiteral("default") << QStringLiteral("user")
        << QStringLiteral("default") << QStringLiteral("janelle.dawe_2");
    QTest::newRow("empty default namespace means default")
        << QStringLiteral("group:x") << QString() << QString() << QStringLiteral("group") << QStringLiteral("default")
        << QStringLiteral("x");

    // What Backstage's parseEntityRef accepts, and a catalog therefore keeps: the name is
    // everything after the namespace, and its characters (and the kind's) are not checked.
    // Such refs resolve to nothing, and are reported as unresolved.
    QTest::newRow("two colons: the second is in the name")
        << QStringLiteral("group:a:b") << QString() << QStringLiteral("default") << QStringLiteral("group")
        << QStringLiteral("default") << QStringLiteral("a:b");
    QTest::newRow("two slashes: the second is in the name")
        << QStringLiteral("group:ns/a/b") << QString() << QStringLiteral("default") << QStringLiteral("group")
        << QStringLiteral("ns") << QStringLiteral("a/b");
    QTest::newRow("a colon in the name after the namespace")
        << QStringLiteral("component:default/foo:bar") << QString() << QStringLiteral("default")
        << QStringLiteral("component") << QStringLiteral("default") << QStringLiteral("foo:bar");
    QTest::newRow("slash before colon: the colon is in the name")
        << QStringLiteral("default/component:x") << QStringLiteral("group") << QStringLiteral("default")
        << QStringLiteral("group") << QStringLiteral("default") << QStringLiteral("component:x");
    QTest::newRow("a display name where a ref belongs")
        << QStringLiteral("Team A") << QStringLiteral("group") << QStringLiteral("default") << QStringLiteral("group")
        << QStringLiteral("default") << QStringLiteral("Team A");
    QTest::newRow("a kind with an underscore")
        << QStringLiteral("my_kind:foo") << QString() << QStringLiteral("default") << QStringLiteral("my_kind")
        << QStringLiteral("default") << QStringLiteral("foo");
}

void TestEntityRef::parsesEveryForm()
{
    QFETCH(QString, text);
    QFETCH(QString, defaultKind);
    QFETCH(QString, defaultNamespace);
    const auto parsed = EntityRef::parse(text, EntityRefContext { defaultKind, defaultNamespace });
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QTEST(parsed->kind(), "kind");
    QTEST(parsed->ns(), "ns");
    QTEST(parsed->name(), "name");
    QVERIFY(!parsed->isNull());
    // Refs are stored as text and read back: the full form parses to the same ref.
    const auto again = EntityRef::parse(parsed->toString());
    QVERIFY2(again.ok(), qPrintable(again.errorString()));
    QCOMPARE(again->key(), parsed->key());
    QCOMPARE(again->name(), parsed->name());
}

void TestEntityRef::formatsAsSpelled()
{
    const EntityRef ref(QStringLiteral("Component"), QStringLiteral("Payments"), QStringLiteral("Checkout-Service"));
    QCOMPARE(ref.toString(), QStringLiteral("Component:Payments/Checkout-Service"));
    QCOMPARE(ref.key(), QStringLiteral("component:payments/checkout-service"));

    // Formatting then parsing gives the same ref back.
    const auto reparsed = EntityRef::parse(ref.toString());
    QVERIFY(reparsed.ok());
    QCOMPARE(reparsed->toString(), ref.toString());
}

void TestEntityRef::comparesAndHashesCaseInsensitively()
{
    const EntityRef a(QStringLiteral("Group"), QStringLiteral("default"), QStringLiteral("Team-A"));
    const EntityRef b(QStringLiteral("group"), QStringLiteral("DEFAULT"), QStringLiteral("team-a"));
    const EntityRef other(QStringLiteral("user"), QStringLiteral("default"), QStringLiteral("team-a"));
    QVERIFY(a == b);
    QCOMPARE(qHash(a), qHash(b));
    QVERIFY(!(a == other));
    QVERIFY(a < other || other < a);

    QSet<EntityRef> set { a, b, other };
    QCOMPARE(set.size(), 2);
    QVERIFY(set.contains(EntityRef(QStringLiteral("GROUP"), QStringLiteral("Default"), QStringLiteral("TEAM-A"))));
}

void TestEntityRef::completesByField_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("referringKind");
    QTest::addColumn<QString>("expected");

    const QString component = QStringLiteral("Component");
    QTest::newRow("owner") << QStringLiteral("payments") << QStringLiteral("owner") << component
                           << QStringLiteral("group:default/payments");
    QTest::newRow("owner written as user")
        << QStringLiteral("user:jdoe") << QStringLiteral("owner") << component << QStringLiteral("user:default/jdoe");
    QTest::newRow("system") << QStringLiteral("shop") << QStringLiteral("system") << component
                            << QStringLiteral("system:default/shop");
    QTest::newRow("subcomponentOf") << QStringLiteral("shop-web") << QStringLiteral("subcomponentOf") << component
                                    << QStringLiteral("component:default/shop-web");
    QTest::newRow("providesApis") << QStringLiteral("orders") << QStringLiteral("providesApis") << component
                                  << QStringLiteral("api:default/orders");
    QTest::newRow("consumesApis") << QStringLiteral("stock") << QStringLiteral("consumesApis") << component
                                  << QStringLiteral("api:default/stock");
    QTest::newRow("domain") << QStringLiteral("retail") << QStringLiteral("domain") << QStringLiteral("System")
                            << QStringLiteral("domain:default/retail");
    QTest::newRow("subdomainOf") << QStringLiteral("retail") << QStringLiteral("subdomainOf")
                                 << QStringLiteral("Domain") << QStringLiteral("domain:default/retail");
    QTest::newRow("memberOf") << QStringLiteral("team-a") << QStringLiteral("memberOf") << QStringLiteral("User")
                              << QStringLiteral("group:default/team-a");
    QTest::newRow("Group parent") << QStringLiteral("backstage") << QStringLiteral("parent") << QStringLiteral("Group")
                                  << QStringLiteral("group:default/backstage");
    QTest::newRow("children") << QStringLiteral("team-b") << QStringLiteral("children") << QStringLiteral("Group")
                              << QStringLiteral("group:default/team-b");
    QTest::newRow("members") << QStringLiteral("jdoe") << QStringLiteral("members") << QStringLiteral("Group")
                             << QStringLiteral("user:default/jdoe");
    QTest::newRow("Goal parent") << QStringLiteral("revenue-2027") << QStringLiteral("parent") << QStringLiteral("Goal")
                                 << QStringLiteral("goal:default/revenue-2027");
    QTest::newRow("Goal parent, kind in any case") << QStringLiteral("revenue") << QStringLiteral("parent")
                                                   << QStringLiteral("goal") << QStringLiteral("goal:default/revenue");
    QTest::newRow("Project team") << QStringLiteral("payments") << QStringLiteral("team") << QStringLiteral("Project")
                                  << QStringLiteral("group:default/payments");
    QTest::newRow("Project goals") << QStringLiteral("grow") << QStringLiteral("goals") << QStringLiteral("Project")
                                   << QStringLiteral("goal:default/grow");
    QTest::newRow("Project contributors") << QStringLiteral("web") << QStringLiteral("contributors")
                                          << QStringLiteral("Project") << QStringLiteral("group:default/web");
    QTest::newRow("Project components") << QStringLiteral("checkout") << QStringLiteral("components")
                                        << QStringLiteral("Project") << QStringLiteral("component:default/checkout");
    QTest::newRow("update author") << QStringLiteral("jdoe") << QStringLiteral("author") << QStringLiteral("Project")
                                   << QStringLiteral("user:default/jdoe");
    QTest::newRow("dependsOn with kind") << QStringLiteral("resource:db") << QStringLiteral("dependsOn") << component
                                         << QStringLiteral("resource:default/db");
}

void TestEntityRef::completesByField()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QFETCH(QString, referringKind);
    const auto parsed = EntityRef::parseInField(text, field, referringKind, u"default");
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QTEST(parsed->toString(), "expected");
}

void TestEntityRef::dependsOnHasNoDefaultKind()
{
    for (const QString &field : { QStringLiteral("dependsOn"), QStringLiteral("dependencyOf") }) {
        const auto parsed = EntityRef::parseInField(u"database", field, u"Component", u"default");
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.errorString().contains(QStringLiteral("\"database\"")), qPrintable(parsed.errorString()));
        QVERIFY2(parsed.errorString().contains(QStringLiteral("no kind")), qPrintable(parsed.errorString()));
        QVERIFY2(parsed.errorString().contains(QStringLiteral("kind:database")), qPrintable(parsed.errorString()));
    }
}

void TestEntityRef::namespaceComesFromTheReferringEntity()
{
    const auto bare = EntityRef::parseInField(u"sre", u"owner", u"Component", u"ops");
    QVERIFY(bare.ok());
    QCOMPARE(bare->toString(), QStringLiteral("group:ops/sre"));

    const auto written = EntityRef::parseInField(u"default/sre", u"owner", u"Component", u"ops");
    QVERIFY(written.ok());
    QCOMPARE(written->toString(), QStringLiteral("group:default/sre"));

    const auto noNamespace = EntityRef::parseInField(u"sre", u"owner", u"Component", {});
    QVERIFY(noNamespace.ok());
    QCOMPARE(noNamespace->ns(), QStringLiteral("default"));
}

void TestEntityRef::defaultKinds_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("referringKind");
    QTest::addColumn<QString>("kind");
    QTest::newRow("owner") << QStringLiteral("owner") << QStringLiteral("Component") << QStringLiteral("group");
    QTest::newRow("dependsOn") << QStringLiteral("dependsOn") << QStringLiteral("Component") << QString();
    QTest::newRow("dependencyOf") << QStringLiteral("dependencyOf") << QStringLiteral("Resource") << QString();
    QTest::newRow("parent in Group") << QStringLiteral("parent") << QStringLiteral("Group") << QStringLiteral("group");
    QTest::newRow("parent in Goal") << QStringLiteral("parent") << QStringLiteral("Goal") << QStringLiteral("goal");
    QTest::newRow("unknown field") << QStringLiteral("favouriteColour") << QStringLiteral("Component") << QString();
}

void TestEntityRef::defaultKinds()
{
    QFETCH(QString, field);
    QFETCH(QString, referringKind);
    QTEST(EntityRef::defaultKindForField(field, referringKind), "kind");
}

void TestEntityRef::malformedRefsAreErrorsThatQuoteTheText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("problem");
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("empty");
    QTest::newRow("empty kind") << QStringLiteral(":default/x") << QStringLiteral("kind before ':' is empty");
    QTest::newRow("empty name after kind") << QStringLiteral("component:") << QStringLiteral("name is empty");
    QTest::newRow("empty name after namespace")
        << QStringLiteral("component:default/") << QStringLiteral("name is empty");
    QTest::newRow("empty namespace") << QStringLiteral("component:/x")
                                     << QStringLiteral("namespace before '/' is empty");
    QTest::newRow("no kind and no default") << QStringLiteral("default/x") << QStringLiteral("no kind");
}

void TestEntityRef::malformedRefsAreErrorsThatQuoteTheText()
{
    QFETCH(QString, text);
    QFETCH(QString, problem);
    const auto parsed = EntityRef::parse(text);
    QVERIFY(!parsed.ok());
    const QString message = parsed.errorString();
    QVERIFY2(message.startsWith(QStringLiteral("Invalid entity reference \"%1\"").arg(text)), qPrintable(message));
    QVERIFY2(message.contains(problem), qPrintable(message));
}

void TestEntityRef::nullAndKindChecks()
{
    const EntityRef null;
    QVERIFY(null.isNull());
    QVERIFY(null == EntityRef());

    const EntityRef ref(QStringLiteral("Component"), QStringLiteral("default"), QStringLiteral("x"));
    QVERIFY(!ref.isNull());
    QVERIFY(ref.isKind(u"component"));
    QVERIFY(ref.isKind(u"COMPONENT"));
    QVERIFY(!ref.isKind(u"api"));
}

QTEST_APPLESS_MAIN(TestEntityRef)
#include "tst_entityref.moc"
