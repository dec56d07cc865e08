// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EntityValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "fixtures/FixtureFile.h"

using cairn::core::Entity;
using cairn::core::validateEntity;
using cairn::core::ValidationProblem;

// Declared before the JSON test data: Qt 6.4's moc loses its way in raw strings holding "//".
class TestEntityValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backstageExamplesAreValid_data();
    void backstageExamplesAreValid();
    void cairnKindsAreValid_data();
    void cairnKindsAreValid();
    void unknownKindsOnlyHaveTheirEnvelopeChecked();
    void eachRuleReportsAnActionableProblem_data();
    void eachRuleReportsAnActionableProblem();
    void severalProblemsAreAllReported();
    void problemReadsAsALine();
    void formatRules();
    void verdictsMatchBackstage_data();
    void verdictsMatchBackstage();
};

namespace {

Entity entityFrom(const QByteArray &json)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s in %s", qPrintable(error.errorString()), json.constData());
    return Entity(document.object());
}

QString describe(const QList<ValidationProblem> &problems)
{
    QStringList lines;
    for (const ValidationProblem &problem : problems)
        lines.append(problem.toString());
    return lines.join(QLatin1Char('\n'));
}

// The documents of backstage-kinds.json (written for these tests in Backstage's descriptor
// format): one valid entity per row, named by what it covers.
QList<std::pair<QString, QByteArray>> backstageKinds()
{
    QList<std::pair<QString, QByteArray>> out;
    for (const QJsonValue row : QJsonDocument::fromJson(cairn::fixtures::fixtureFile("backstage-kinds.json")).array()) {
        const QJsonObject object = row.toObject();
        out.append({ object.value(u"case").toString(),
            QJsonDocument(object.value(u"entity").toObject()).toJson(QJsonDocument::Compact) });
    }
    return out;
}

// The Project and Goal of docs/architecture.md §1.
const char *const checkoutRevamp
    = R"({"apiVersion": "cairn.dev/v1", "kind": "Project", "metadata": {"name": "checkout-revamp", "title": "Checkout revamp"}, "spec": {"owner": "user:default/jdoe", "team": "group:default/payments", "status": "at-risk", "startDate": "2026-09-01", "targetDate": "2027-01-15", "goals": ["goal:default/grow-conversion"], "contributors": ["user:default/amina", "group:default/web"], "components": ["component:default/checkout-service"], "updates": [{"date": "2026-10-02", "status": "on-track", "targetDate": "2026-12-01", "author": "user:default/jdoe", "text": "Kick-off done"}, {"date": "2026-11-20T09:30:00Z", "status": "at-risk", "targetDate": "2027-01-15", "author": "jdoe", "text": "PSP delay"}]}})";
const char *const growConversion
    = R"({"apiVersion": "cairn.dev/v1", "kind": "Goal", "metadata": {"name": "grow-conversion", "title": "Grow checkout conversion to 4 %"}, "spec": {"owner": "group:default/leadership", "parent": "revenue-2027", "status": "on-track", "targetDate": "2027-06-30", "progress": {"current": 3.1, "target": 4, "unit": "%"}, "score": 0.7}})";
const char *const minimalProject
    = R"({"apiVersion": "cairn.dev/v1", "kind": "Project", "metadata": {"name": "p"}, "spec": {"owner": "web", "status": "pending"}})";

// A valid component the rule rows below break one field at a time.
const char *const base
    = R"({"apiVersion": "backstage.io/v1alpha1", "kind": "Component", "metadata": {"name": "checkout" %1}, "spec": {"type": "service", "lifecycle": "production", "owner": "payments" %2}})";

QByteArray component(const char *metadataExtra, const char *specExtra = "")
{
    return QString::fromUtf8(base).arg(QString::fromUtf8(metadataExtra), QString::fromUtf8(specExtra)).toUtf8();
}

QByteArray withSpec(const char *apiVersionAndKind, const char *spec)
{
    return QStringLiteral(R"({%1, "metadata": {"name": "x"}, "spec": %2})")
        .arg(QString::fromUtf8(apiVersionAndKind), QString::fromUtf8(spec))
        .toUtf8();
}

} // namespace

void TestEntityValidator::backstageExamplesAreValid_data()
{
    QTest::addColumn<QByteArray>("json");
    const QList<std::pair<QString, QByteArray>> rows = backstageKinds();
    QCOMPARE(rows.size(), 20);
    for (const auto &[name, json] : rows)
        QTest::newRow(qPrintable(name)) << json;
}

void TestEntityValidator::backstageExamplesAreValid()
{
    QFETCH(QByteArray, json);
    const auto problems = validateEntity(entityFrom(json));
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
}

void TestEntityValidator::cairnKindsAreValid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("project") << QByteArray(checkoutRevamp);
    QTest::newRow("minimal project") << QByteArray(minimalProject);
    QTest::newRow("goal") << QByteArray(growConversion);
    QTest::newRow("component mapped from Compass without owner")
        << QByteArray(R"({"apiVersion": "backstage.io/v1alpha1", "kind": "Component", "metadata": {"name": "x", )"
                      R"("annotations": {"cairn.dev/mapped-from": "compass.yml"}}, )"
                      R"("spec": {"type": "service", "lifecycle": "unknown"}})");
    QTest::newRow("goal with progress as text from YAML") << withSpec(R"("apiVersion": "cairn.dev/v1", "kind": "Goal")",
        R"({"owner": "x", "status": "done", "progress": {"current": "3", "target": "4.5"}})");
}

void TestEntityValidator::cairnKindsAreValid()
{
    QFETCH(QByteArray, json);
    const auto problems = validateEntity(entityFrom(json));
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
}

void TestEntityValidator::unknownKindsOnlyHaveTheirEnvelopeChecked()
{
    const QByteArray environment
        = R"({"apiVersion": "backstage.io/v1alpha1", "kind": "Environment", "metadata": {"name": "prod"},
        "spec": {"owner": 42, "dependsOn": "not a list", "whatever": [1, 2]}})";
    const auto problems = validateEntity(entityFrom(environment));
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));

    const QByteArray badName
        = R"({"apiVersion": "example.com/v2", "kind": "Environment", "metadata": {"name": "-prod"}})";
    const auto nameProblems = validateEntity(entityFrom(badName));
    QCOMPARE(nameProblems.size(), 1);
    QCOMPARE(nameProblems.at(0).field, QStringLiteral("metadata.name"));
}

void TestEntityValidator::eachRuleReportsAnActionableProblem_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("fragment"); // the quoted bad value, or what is allowed

    // Envelope.
    QTest::newRow("apiVersion missing") << QByteArray(
        R"({"kind": "Component", "metadata": {"name": "x"}, "spec": {"type": "s", "lifecycle": "l", "owner": "o"}})")
                                        << QStringLiteral("apiVersion")
                                        << QStringLiteral("is required, e.g. backstage.io/v1alpha1");
    QTest::newRow("apiVersion not text") << QByteArray(
        R"({"apiVersion": 1, "kind": "Thing", "metadata": {"name": "x"}})")
                                         << QStringLiteral("apiVersion") << QStringLiteral("not the number 1");
    QTest::newRow("apiVersion malformed")
        << QByteArray(R"({"apiVersion": "backstage.io/v1/alpha", "kind": "Thing", "metadata": {"name": "x"}})")
        << QStringLiteral("apiVersion") << QStringLiteral("\"backstage.io/v1/alpha\" is not a valid apiVersion");
    QTest::newRow("apiVersion of another kind") << QByteArray(
        R"({"apiVersion": "cairn.dev/v1", "kind": "Component", "metadata": {"name": "x"}, "spec": {"type": "s", "lifecycle": "l", "owner": "o"}})")
                                                << QStringLiteral("apiVersion")
                                                << QStringLiteral("use backstage.io/v1alpha1, backstage.io/v1beta1");
    QTest::newRow("kind missing") << QByteArray(R"({"apiVersion": "a/b", "metadata": {"name": "x"}})")
                                  << QStringLiteral("kind") << QStringLiteral("is required");
    QTest::newRow("kind with a dash") << QByteArray(
        R"({"apiVersion": "a/b", "kind": "My-Kind", "metadata": {"name": "x"}})")
                                      << QStringLiteral("kind") << QStringLiteral("\"My-Kind\" is not a valid kind");
    QTest::newRow("kind starting with a digit")
        << QByteArray(R"({"apiVersion": "a/b", "kind": "1Kind", "metadata": {"name": "x"}})") << QStringLiteral("kind")
        << QStringLiteral("starting with a letter");
    QTest::newRow("metadata missing") << QByteArray(R"({"apiVersion": "a/b", "kind": "Thing"})")
                                      << QStringLiteral("metadata") << QStringLiteral("is required");
    QTest::newRow("spec not a mapping") << QByteArray(
        R"({"apiVersion": "a/b", "kind": "Thing", "metadata": {"name": "x"}, "spec": [1]})")
                                        << QStringLiteral("spec") << QStringLiteral("must be a mapping, not a list");
    QTest::newRow("spec missing for a known kind")
        << QByteArray(R"({"apiVersion": "backstage.io/v1alpha1", "kind": "System", "metadata": {"name": "x"}})")
        << QStringLiteral("spec") << QStringLiteral("is required for kind System");

    // metadata.name and namespace.
    QTest::newRow("name missing") << QByteArray(R"({"apiVersion": "a/b", "kind": "Thing", "metadata": {}})")
                                  << QStringLiteral("metadata.name") << QStringLiteral("is required");
    QTest::newRow("name with a space") << QByteArray(
        R"({"apiVersion": "a/b", "kind": "Thing", "metadata": {"name": "Check out"}})")
                                       << QStringLiteral("metadata.name")
                                       << QStringLiteral("\"Check out\" is not a valid name");
    QTest::newRow("name ending with a dash")
        << QByteArray(R"({"apiVersion": "a/b", "kind": "Thing", "metadata": {"name": "checkout-"}})")
        << QStringLiteral("metadata.name") << QStringLiteral("starting and ending with a letter or digit");
    const QByteArray longName
        = "{\"apiVersion\": \"a/b\", \"kind\": \"Thing\", \"metadata\": {\"name\": \"" + QByteArray(64, 'a') + "\"}}";
    QTest::newRow("name of 64 characters") << longName << QStringLiteral("metadata.name")
                                           << QStringLiteral("is 64 characters long; a name may have at most 63");
    QTest::newRow("name not text") << QByteArray(R"({"apiVersion": "a/b", "kind": "Thing", "metadata": {"name": 12}})")
                                   << QStringLiteral("metadata.name")
                                   << QStringLiteral("must be text, not the number 12");
    QTest::newRow("namespace upper-case")
        << QByteArray(R"({"apiVersion": "a/b", "kind": "Thing", "metadata": {"name": "x", "namespace": "Ops"}})")
        << QStringLiteral("metadata.namespace") << QStringLiteral("\"Ops\" is not a valid namespace");
    QTest::newRow("namespace with underscore")
        << QByteArray(R"({"apiVersion": "a/b", "kind": "Thing", "metadata": {"name": "x", "namespace": "my_ns"}})")
        << QStringLiteral("metadata.namespace") << QStringLiteral("lower-case letters, digits and '-'");
    const QByteArray longNs
        = "{\"apiVersion\": \"a/b\", \"kind\": \"Thing\", \"metadata\": {\"name\": \"x\", \"namespace\": \""
        + QByteArray(64, 'n') + "\"}}";
    QTest::newRow("namespace of 64 characters")
        << longNs << QStringLiteral("metadata.namespace") << QStringLiteral("at most 63");
    QTest::newRow("title not text") << component(R"(, "title": ["a"])") << QStringLiteral("metadata.title")
                                    << QStringLiteral("must be text");

    // Tags, links, labels, annotations.
    QTest::newRow("tag upper-case") << component(R"(, "tags": ["java", "Payments"])")
                                    << QStringLiteral("metadata.tags[1]")
                                    << QStringLiteral("\"Payments\" is not a valid tag");
    QTest::newRow("tag with a space") << component(R"(, "tags": ["tier 1"])") << QStringLiteral("metadata.tags[0]")
                                      << QStringLiteral("\"tier 1\"");
    QTest::newRow("tag with a double dash")
        << component(R"(, "tags": ["a--b"])") << QStringLiteral("metadata.tags[0]") << QStringLiteral("single '-'");
    const QByteArray longTag = component(QByteArray(", \"tags\": [\"" + QByteArray(64, 't') + "\"]").constData());
    QTest::newRow("tag of 64 characters")
        << longTag << QStringLiteral("metadata.tags[0]") << QStringLiteral("at most 63");
    QTest::newRow("tags not a list") << component(R"(, "tags": "java")") << QStringLiteral("metadata.tags")
                                     << QStringLiteral("must be a list of tags");
    QTest::newRow("link without url") << component(R"(, "links": [{"url": "https://a"}, {"title": "Runbook"}])")
                                      << QStringLiteral("metadata.links[1].url")
                                      << QStringLiteral("every link needs the address");
    QTest::newRow("link with empty url") << component(R"(, "links": [{"url": ""}])")
                                         << QStringLiteral("metadata.links[0].url") << QStringLiteral("is required");
    QTest::newRow("link title not text") << component(R"(, "links": [{"url": "https://a", "title": 3}])")
                                         << QStringLiteral("metadata.links[0].title") << QStringLiteral("must be text");
    QTest::newRow("label value with a space")
        << component(R"(, "labels": {"tier": "tier one"})") << QStringLiteral("metadata.labels.tier")
        << QStringLiteral("\"tier one\" is not a valid label value");
    QTest::newRow("label key with two slashes")
        << component(R"(, "labels": {"a/b/c": "x"})") << QStringLiteral("metadata.labels.a/b/c")
        << QStringLiteral("the key \"a/b/c\" is not valid");
    QTest::newRow("annotation value not text")
        << component(R"(, "annotations": {"example.com/size": 3})")
        << QStringLiteral("metadata.annotations.example.com/size") << QStringLiteral("put quotes around it");
    QTest::newRow("server relation without target") << QByteArray(
        R"({"apiVersion": "a/b", "kind": "Thing", "metadata": {"name": "x"}, "relations": [{"type": "ownedBy"}]})")
                                                    << QStringLiteral("relations[0].targetRef")
                                                    << QStringLiteral("is required");
    QTest::newRow("server relation with bad target") << QByteArray(
        R"({"apiVersion": "a/b", "kind": "Thing", "metadata": {"name": "x"}, "relations": [{"type": "ownedBy", "targetRef": "team-a"}]})")
                                                     << QStringLiteral("relations[0].targetRef")
                                                     << QStringLiteral("\"team-a\"");

    // Required spec fields per kind.
    QTest::newRow("component without owner")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "Component")",
               R"({"type": "service", "lifecycle": "production"})")
        << QStringLiteral("spec.owner") << QStringLiteral("is required for kind Component");
    // The Compass mark (core/CompassOrigin.h) spares a component's owner only.
    QTest::newRow("system marked as from Compass without owner")
        << QByteArray(R"({"apiVersion": "backstage.io/v1alpha1", "kind": "System", "metadata": {"name": "x", )"
                      R"("annotations": {"cairn.dev/mapped-from": "compass.yml"}}, "spec": {}})")
        << QStringLiteral("spec.owner") << QStringLiteral("is required for kind System");
    QTest::newRow("component without type") << withSpec(
        R"("apiVersion": "backstage.io/v1alpha1", "kind": "Component")", R"({"lifecycle": "production", "owner": "a"})")
                                            << QStringLiteral("spec.type")
                                            << QStringLiteral("is required for kind Component");
    QTest::newRow("component without lifecycle")
        << withSpec(
               R"("apiVersion": "backstage.io/v1alpha1", "kind": "Component")", R"({"type": "service", "owner": "a"})")
        << QStringLiteral("spec.lifecycle") << QStringLiteral("is required for kind Component");
    QTest::newRow("component with empty type")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "component")",
               R"({"type": "", "lifecycle": "production", "owner": "a"})")
        << QStringLiteral("spec.type") << QStringLiteral("is empty");
    QTest::newRow("API without definition")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "API")",
               R"({"type": "openapi", "lifecycle": "production", "owner": "a"})")
        << QStringLiteral("spec.definition") << QStringLiteral("is required for kind API");
    QTest::newRow("API with a bad placeholder") << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "API")",
        R"({"type": "openapi", "lifecycle": "production", "owner": "a", "definition": {"text": "x"}})")
                                                << QStringLiteral("spec.definition") << QStringLiteral("$text");
    QTest::newRow("MCP server without remotes")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "API")",
               R"({"type": "mcp-server", "lifecycle": "production", "owner": "a"})")
        << QStringLiteral("spec.remotes") << QStringLiteral("is required for an mcp-server API");
    QTest::newRow("MCP server remote without url")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "API")",
               R"({"type": "mcp-server", "lifecycle": "production", "owner": "a", "remotes": [{"type": "sse"}]})")
        << QStringLiteral("spec.remotes[0].url") << QStringLiteral("is required");
    QTest::newRow("resource without type")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "Resource")", R"({"owner": "a"})")
        << QStringLiteral("spec.type") << QStringLiteral("is required for kind Resource");
    QTest::newRow("system without owner")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "System")", R"({"domain": "a"})")
        << QStringLiteral("spec.owner") << QStringLiteral("is required for kind System");
    QTest::newRow("domain without owner")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "Domain")", R"({})")
        << QStringLiteral("spec.owner") << QStringLiteral("is required for kind Domain");
    QTest::newRow("group without children")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "Group")", R"({"type": "team"})")
        << QStringLiteral("spec.children") << QStringLiteral("write [] when it has none");
    QTest::newRow("group without type") << withSpec(
        R"("apiVersion": "backstage.io/v1alpha1", "kind": "Group")", R"({"children": []})")
                                        << QStringLiteral("spec.type") << QStringLiteral("is required for kind Group");
    QTest::newRow("group profile email not text")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "Group")",
               R"({"type": "team", "children": [], "profile": {"email": false}})")
        << QStringLiteral("spec.profile.email") << QStringLiteral("must be text, not false");
    QTest::newRow("user without memberOf")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "User")", R"({"profile": {}})")
        << QStringLiteral("spec.memberOf") << QStringLiteral("is required for kind User");
    QTest::newRow("user memberOf not a list")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "User")", R"({"memberOf": "team-a"})")
        << QStringLiteral("spec.memberOf") << QStringLiteral("must be a list, not the text \"team-a\"; write [team-a]");
    QTest::newRow("location with a bad presence")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "Location")",
               R"({"target": "./a.yaml", "presence": "maybe"})")
        << QStringLiteral("spec.presence") << QStringLiteral("use required or optional");
    QTest::newRow("AI resource without owner")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "AiResource")",
               R"({"type": "skill", "lifecycle": "production"})")
        << QStringLiteral("spec.owner") << QStringLiteral("is required for kind AiResource");
    QTest::newRow("AI rule without rationale")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "AiResource")",
               R"({"type": "rule", "lifecycle": "production", "owner": "a", "category": "c"})")
        << QStringLiteral("spec.rationale") << QStringLiteral("is required for an AiResource of type rule");
    QTest::newRow("AI plugin without skills")
        << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "AiResource")",
               R"({"type": "plugin", "lifecycle": "production", "owner": "a"})")
        << QStringLiteral("spec.skills") << QStringLiteral("is required for an AiResource of type plugin");

    // Ref-valued spec fields must parse.
    QTest::newRow("dependsOn without kind")
        << component("", R"(, "dependsOn": ["component:a", "checkout-db"])") << QStringLiteral("spec.dependsOn[1]")
        << QStringLiteral("\"checkout-db\": it has no kind");
    QTest::newRow("dependencyOf without kind") << component("", R"(, "dependencyOf": ["web"])")
                                               << QStringLiteral("spec.dependencyOf[0]") << QStringLiteral("\"web\"");
    QTest::newRow("providesApis item not text")
        << component("", R"(, "providesApis": [7])") << QStringLiteral("spec.providesApis[0]")
        << QStringLiteral("must be text, not the number 7");
    QTest::newRow("consumesApis not a list") << component("", R"(, "consumesApis": "orders")")
                                             << QStringLiteral("spec.consumesApis") << QStringLiteral("must be a list");
    QTest::newRow("subcomponentOf without a name")
        << component("", R"(, "subcomponentOf": "component:")") << QStringLiteral("spec.subcomponentOf")
        << QStringLiteral("\"component:\": the name is empty");
    QTest::newRow("group member empty") << withSpec(R"("apiVersion": "backstage.io/v1alpha1", "kind": "Group")",
        R"({"type": "team", "children": [], "members": [""]})")
                                        << QStringLiteral("spec.members[0]") << QStringLiteral("is empty");

    // Project.
    const char *project = R"("apiVersion": "cairn.dev/v1", "kind": "Project")";
    QTest::newRow("project without owner") << withSpec(project, R"({"status": "done"})") << QStringLiteral("spec.owner")
                                           << QStringLiteral("is required for kind Project");
    QTest::newRow("project without status") << withSpec(project, R"({"owner": "a"})") << QStringLiteral("spec.status")
                                            << QStringLiteral("is required for kind Project");
    QTest::newRow("project status unknown")
        << withSpec(project, R"({"owner": "a", "status": "completed"})") << QStringLiteral("spec.status")
        << QStringLiteral("\"completed\" is not a status; use one of pending, on-track, at-risk, off-track, paused, "
                          "done, cancelled");
    QTest::newRow("project start date not ISO")
        << withSpec(project, R"({"owner": "a", "status": "done", "startDate": "01/09/2026"})")
        << QStringLiteral("spec.startDate") << QStringLiteral("\"01/09/2026\" is not a date");
    QTest::newRow("project target date impossible")
        << withSpec(project, R"({"owner": "a", "status": "done", "targetDate": "2027-02-30"})")
        << QStringLiteral("spec.targetDate") << QStringLiteral("\"2027-02-30\"");
    QTest::newRow("project year only") << withSpec(project, R"({"owner": "a", "status": "done", "targetDate": "2027"})")
                                       << QStringLiteral("spec.targetDate") << QStringLiteral("such as 2026-09-01");
    QTest::newRow("project goals bad ref")
        << withSpec(project, R"({"owner": "a", "status": "done", "goals": ["goal:"]})")
        << QStringLiteral("spec.goals[0]") << QStringLiteral("\"goal:\"");
    QTest::newRow("project team bad ref") << withSpec(project, R"({"owner": "a", "status": "done", "team": "a/"})")
                                          << QStringLiteral("spec.team") << QStringLiteral("\"a/\"");
    QTest::newRow("update without date") << withSpec(
        project, R"({"owner": "a", "status": "done", "updates": [{"text": "hi"}]})")
                                         << QStringLiteral("spec.updates[0].date")
                                         << QStringLiteral("is required for each project update");
    QTest::newRow("update with a bad date") << withSpec(
        project, R"({"owner": "a", "status": "done", "updates": [{"date": "2026-10-02"}, {"date": "yesterday"}]})")
                                            << QStringLiteral("spec.updates[1].date")
                                            << QStringLiteral("\"yesterday\" is not a date");
    QTest::newRow("update with a bad status")
        << withSpec(
               project, R"({"owner": "a", "status": "done", "updates": [{"date": "2026-10-02", "status": "fine"}]})")
        << QStringLiteral("spec.updates[0].status") << QStringLiteral("\"fine\" is not a status");
    QTest::newRow("update with a bad target date") << withSpec(
        project, R"({"owner": "a", "status": "done", "updates": [{"date": "2026-10-02", "targetDate": "soon"}]})")
                                                   << QStringLiteral("spec.updates[0].targetDate")
                                                   << QStringLiteral("\"soon\"");
    QTest::newRow("update not a mapping")
        << withSpec(project, R"({"owner": "a", "status": "done", "updates": ["did stuff"]})")
        << QStringLiteral("spec.updates[0]") << QStringLiteral("must be a mapping with at least a date");
    QTest::newRow("updates not a list") << withSpec(
        project, R"({"owner": "a", "status": "done", "updates": {"date": "2026-10-02"}})")
                                        << QStringLiteral("spec.updates") << QStringLiteral("must be a list");

    // Goal.
    const char *goal = R"("apiVersion": "cairn.dev/v1", "kind": "Goal")";
    QTest::newRow("goal without status") << withSpec(goal, R"({"owner": "a"})") << QStringLiteral("spec.status")
                                         << QStringLiteral("is required for kind Goal");
    QTest::newRow("goal without owner") << withSpec(goal, R"({"status": "paused"})") << QStringLiteral("spec.owner")
                                        << QStringLiteral("is required for kind Goal");
    QTest::newRow("goal progress current not a number")
        << withSpec(goal, R"({"owner": "a", "status": "done", "progress": {"current": "lots", "target": 4}})")
        << QStringLiteral("spec.progress.current")
        << QStringLiteral("must be a number, e.g. 3.1, not the text \"lots\"");
    QTest::newRow("goal progress target not a number")
        << withSpec(goal, R"({"owner": "a", "status": "done", "progress": {"current": 1, "target": [4]}})")
        << QStringLiteral("spec.progress.target") << QStringLiteral("must be a number");
    QTest::newRow("goal progress not a mapping")
        << withSpec(goal, R"({"owner": "a", "status": "done", "progress": 50})") << QStringLiteral("spec.progress")
        << QStringLiteral("must be a mapping {current, target, unit}");
    QTest::newRow("goal score out of range") << withSpec(goal, R"({"owner": "a", "status": "done", "score": 1.5})")
                                             << QStringLiteral("spec.score") << QStringLiteral("from 0.0 to 1.0");
    QTest::newRow("goal target date bad") << withSpec(goal, R"({"owner": "a", "status": "done", "targetDate": "Q3"})")
                                          << QStringLiteral("spec.targetDate") << QStringLiteral("\"Q3\"");
    QTest::newRow("goal parent bad ref") << withSpec(goal, R"({"owner": "a", "status": "done", "parent": ":x"})")
                                         << QStringLiteral("spec.parent") << QStringLiteral("\":x\"");
}

void TestEntityValidator::eachRuleReportsAnActionableProblem()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, fragment);
    const auto problems = validateEntity(entityFrom(json));
    // Exactly the one problem this row introduces: nothing else about the document is wrong.
    QVERIFY2(problems.size() == 1, qPrintable(describe(problems)));
    QCOMPARE(problems.at(0).field, field);
    QVERIFY2(problems.at(0).message.contains(fragment), qPrintable(problems.at(0).message));
}

void TestEntityValidator::severalProblemsAreAllReported()
{
    const auto problems = validateEntity(entityFrom(
        R"({"apiVersion": "backstage.io/v1alpha1", "kind": "Component", "metadata": {"name": "Bad Name", "namespace": "NS", "tags": ["OK?"]}, "spec": {"dependsOn": ["x"]}})"));
    QStringList fields;
    for (const ValidationProblem &problem : problems)
        fields.append(problem.field);
    QCOMPARE(fields,
        (QStringList { QStringLiteral("metadata.name"), QStringLiteral("metadata.namespace"),
            QStringLiteral("metadata.tags[0]"), QStringLiteral("spec.type"), QStringLiteral("spec.lifecycle"),
            QStringLiteral("spec.owner"), QStringLiteral("spec.dependsOn[0]") }));
}

void TestEntityValidator::problemReadsAsALine()
{
    QCOMPARE((ValidationProblem { QStringLiteral("spec.owner"), QStringLiteral("is required") }).toString(),
        QStringLiteral("spec.owner: is required"));
    QCOMPARE(
        (ValidationProblem { QString(), QStringLiteral("not an entity") }).toString(), QStringLiteral("not an entity"));
}

void TestEntityValidator::formatRules()
{
    using namespace cairn::core;
    QVERIFY(isValidEntityName(u"a"));
    QVERIFY(isValidEntityName(u"janelle.dawe_2"));
    QVERIFY(isValidEntityName(QString(63, u'a')));
    QVERIFY(!isValidEntityName(QString(64, u'a')));
    QVERIFY(!isValidEntityName(u""));
    QVERIFY(!isValidEntityName(u"_a"));
    QVERIFY(!isValidEntityName(u"a."));

    QVERIFY(isValidNamespace(u"default"));
    QVERIFY(isValidNamespace(u"team--a1"));
    QVERIFY(!isValidNamespace(u"-a"));
    QVERIFY(!isValidNamespace(u"a.b"));

    QVERIFY(isValidKind(u"AiResource"));
    QVERIFY(!isValidKind(u"Ai_Resource"));

    QVERIFY(isValidTag(u"c++"));
    QVERIFY(isValidTag(u"tier-1"));
    QVERIFY(isValidTag(u"#hash:tag"));
    QVERIFY(!isValidTag(u"-a"));
    QVERIFY(!isValidTag(u"a-"));

    QVERIFY(isValidApiVersion(u"backstage.io/v1alpha1"));
    QVERIFY(isValidApiVersion(u"v1"));
    QVERIFY(!isValidApiVersion(u"Backstage.io/v1"));
    QVERIFY(!isValidApiVersion(u"backstage.io/v1-alpha"));

    QVERIFY(isValidLabelKey(u"backstage.io/source-location"));
    QVERIFY(isValidLabelKey(u"goVersion"));
    QVERIFY(!isValidLabelKey(u"/x"));
    QVERIFY(isValidLabelValue(u""));
    QVERIFY(!isValidLabelValue(u"a b"));

    QVERIFY(isValidIsoDate(u"2026-09-01"));
    QVERIFY(isValidIsoDate(u"2026-09-01T10:00:00Z"));
    QVERIFY(isValidIsoDate(u"2026-09-01T10:00:00.123+02:00"));
    QVERIFY(!isValidIsoDate(u"2026-9-1"));
    QVERIFY(!isValidIsoDate(u"2026-13-01"));
    QVERIFY(!isValidIsoDate(u""));

    QCOMPARE(workStatuses().size(), 7);
}

// Backstage's own verdicts, field by field and kind by kind (Entity.schema.json,
// EntityMeta.schema.json, the kinds' schemas, parseEntityRef and FieldFormatEntityPolicy's
// link rules): Cairn keeps every entity a Backstage catalog keeps, and refuses what it
// refuses, naming the field.
void TestEntityValidator::verdictsMatchBackstage_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field"); // empty: valid

    const auto kindWith = [](const char *kind, const char *spec) {
        return QStringLiteral(
            R"({"apiVersion": "backstage.io/v1alpha1", "kind": "%1", "metadata": {"name": "x"}, "spec": %2})")
            .arg(QString::fromUtf8(kind), QString::fromUtf8(spec))
            .toUtf8();
    };
    const auto withOwner = [](const char *owner) {
        return component("", "").replace("\"owner\": \"payments\"", QByteArray("\"owner\": \"") + owner + '"');
    };

    // Refs: Backstage parses them leniently and keeps the entity; the ref is unresolved.
    QTest::newRow("owner: a display name with a space") << withOwner("Team A") << QString();
    QTest::newRow("owner: two colons") << withOwner("group:a:b") << QString();
    QTest::newRow("owner: two slashes") << withOwner("group:ns/a/b") << QString();
    QTest::newRow("owner: a colon after the namespace") << withOwner("group:default/a:b") << QString();
    QTest::newRow("dependsOn: a kind with an underscore")
        << component("", R"(, "dependsOn": ["my_kind:foo"])") << QString();
    QTest::newRow("system: two colons") << component("", R"(, "system": "system:a:b")") << QString();
    QTest::newRow("owner: empty") << withOwner("") << QStringLiteral("spec.owner");
    QTest::newRow("owner: no name after the namespace") << withOwner("group:default/") << QStringLiteral("spec.owner");
    QTest::newRow("API owner with a space")
        << kindWith("API", R"({"type": "openapi", "lifecycle": "production", "owner": "Team A", "definition": "x"})")
        << QString();
    QTest::newRow("Group parent with two colons")
        << kindWith("Group", R"({"type": "team", "children": [], "parent": "group:a:b"})") << QString();
    QTest::newRow("User memberOf a display name") << kindWith("User", R"({"memberOf": ["Team A"]})") << QString();
    QTest::newRow("System owner with two slashes") << kindWith("System", R"({"owner": "group:ns/a/b"})") << QString();
    QTest::newRow("Resource owner with a space")
        << kindWith("Resource", R"({"type": "database", "owner": "Team A"})") << QString();
    QTest::newRow("Domain owner with a space") << kindWith("Domain", R"({"owner": "Team A"})") << QString();

    // Text fields: minLength 1, white space counts.
    QTest::newRow("type: a space") << component("", "").replace("\"type\": \"service\"", "\"type\": \" \"")
                                   << QString();
    QTest::newRow("lifecycle: a space") << component("", "").replace("\"lifecycle\": \"production\"",
        "\"lifecycle\": \" \"") << QString();
    QTest::newRow("type: empty") << component("", "").replace("\"type\": \"service\"", "\"type\": \"\"")
                                 << QStringLiteral("spec.type");

    // The envelope is closed, but for what a server adds.
    QTest::newRow("relations and status from a server")
        << QByteArray(R"({"apiVersion": "backstage.io/v1alpha1", "kind": "Component", "metadata": {"name": "x"},
            "spec": {"type": "service", "lifecycle": "production", "owner": "a"},
            "relations": [{"type": "ownedBy", "targetRef": "group:default/a"}], "status": {"items": []}})")
        << QString();
    QTest::newRow("an unknown root field")
        << QByteArray(R"({"apiVersion": "backstage.io/v1alpha1", "kind": "Component", "metadata": {"name": "x"},
            "spec": {"type": "service", "lifecycle": "production", "owner": "a"}, "extra": true})")
        << QStringLiteral("extra");
    QTest::newRow("spec spelled Spec") << QByteArray(
        R"({"apiVersion": "a/b", "kind": "Thing", "metadata": {"name": "x"}, "Spec": {}})")
                                       << QStringLiteral("Spec");

    // metadata.uid and etag: what a server sets; minLength 1.
    QTest::newRow("uid") << component(R"(, "uid": "e01199ab-08cc-44c2-8e19-5c29ded82521")") << QString();
    QTest::newRow("uid: empty") << component(R"(, "uid": "")") << QStringLiteral("metadata.uid");
    QTest::newRow("etag") << component(R"(, "etag": "lsndfkjsndfkjnsdfkjnsd==")") << QString();
    QTest::newRow("etag: empty") << component(R"(, "etag": "")") << QStringLiteral("metadata.etag");

    // Links: the url is a URL (new URL() parses it); title and icon say something.
    QTest::newRow("link: https") << component(
        R"(, "links": [{"url": "https://admin.example-org.com", "title": "Admin", "icon": "dashboard", "type": "admin"}])")
                                 << QString();
    QTest::newRow("link: mailto") << component(R"(, "links": [{"url": "mailto:team@example.com"}])") << QString();
    QTest::newRow("link url: a word") << component(R"(, "links": [{"url": "invalid"}])")
                                      << QStringLiteral("metadata.links[0].url");
    QTest::newRow("link url: abc") << component(R"(, "links": [{"url": "abc"}])")
                                   << QStringLiteral("metadata.links[0].url");
    QTest::newRow("link url: a scheme without a host")
        << component(R"(, "links": [{"url": "https://"}])") << QStringLiteral("metadata.links[0].url");
    QTest::newRow("link title: empty") << component(R"(, "links": [{"url": "https://a.example", "title": ""}])")
                                       << QStringLiteral("metadata.links[0].title");
    QTest::newRow("link title: blank") << component(R"(, "links": [{"url": "https://a.example", "title": "  "}])")
                                       << QStringLiteral("metadata.links[0].title");
    QTest::newRow("link icon: empty") << component(R"(, "links": [{"url": "https://a.example", "icon": ""}])")
                                      << QStringLiteral("metadata.links[0].icon");
}

void TestEntityValidator::verdictsMatchBackstage()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const QList<ValidationProblem> problems = validateEntity(entityFrom(json));
    if (field.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
        return;
    }
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().field, field);
}

QTEST_APPLESS_MAIN(TestEntityValidator)
#include "tst_entityvalidator.moc"
