// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EntityValidator.h"
#include "sync/CatalogFileReader.h"
#include "sync/CompassMapper.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace cairn::sync;

namespace {

const QString kCheckout = QStringLiteral(CAIRN_TEST_DATA_DIR "/compass/checkout/compass.yml");

QJsonObject compassDocument(const QString &path)
{
    const CatalogFileContents contents = CatalogFileReader::read(path);
    if (!contents.problems.isEmpty() || contents.documents.size() != 1)
        return {};
    return contents.documents.first().object();
}

} // namespace

class TestCompassMapper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognisesCompassDocuments()
    {
        const QJsonObject plain { { QStringLiteral("name"), QStringLiteral("x") } };
        QVERIFY(CompassMapper::isCompassDocument(plain, QStringLiteral("/repo/compass.yml")));
        QVERIFY(CompassMapper::isCompassDocument(plain, QStringLiteral("/repo/Compass.yaml")));
        QVERIFY(!CompassMapper::isCompassDocument(plain, QStringLiteral("/repo/catalog-info.yaml")));
        const QJsonObject tagged { { QStringLiteral("configVersion"), 1 },
            { QStringLiteral("typeId"), QStringLiteral("SERVICE") } };
        QVERIFY(CompassMapper::isCompassDocument(tagged, QStringLiteral("/repo/anything.yaml")));
        QJsonObject withKind = tagged;
        withKind.insert(QStringLiteral("kind"), QStringLiteral("Component"));
        QVERIFY(!CompassMapper::isCompassDocument(withKind, QStringLiteral("/repo/compass.yml")));
    }

    void mapsCompassYmlFieldByField()
    {
        const QJsonObject compass = compassDocument(kCheckout);
        QVERIFY(!compass.isEmpty());
        const cairn::core::Result<QJsonObject> mapped = CompassMapper::toEntity(compass);
        QVERIFY2(mapped.ok(), qPrintable(mapped.errorString()));
        const QJsonObject &entity = *mapped;
        QCOMPARE(entity.value(u"apiVersion").toString(), QStringLiteral("backstage.io/v1alpha1"));
        QCOMPARE(entity.value(u"kind").toString(), QStringLiteral("Component"));

        const QJsonObject metadata = entity.value(u"metadata").toObject();
        QCOMPARE(metadata.value(u"name").toString(), QStringLiteral("checkout-service-eu"));
        QCOMPARE(metadata.value(u"title").toString(), QStringLiteral("Checkout Service (EU)"));
        QVERIFY(metadata.value(u"description").toString().startsWith(QStringLiteral("Takes a basket")));
        QCOMPARE(metadata.value(u"tags").toArray(),
            (QJsonArray {
                QStringLiteral("pci:scope"), QStringLiteral("payments"), QStringLiteral("customer-facing") }));
        QCOMPARE(metadata.value(u"labels").toObject().value(u"tier").toString(), QStringLiteral("1"));

        const QJsonObject annotations = metadata.value(u"annotations").toObject();
        QCOMPARE(annotations.value(u"compass.atlassian.com/id").toString(), compass.value(u"id").toString());
        QCOMPARE(annotations.value(u"compass.atlassian.com/owner-id").toString(),
            QStringLiteral("ari:cloud:identity::team/5e8d7c6b-4a39-4281-b7f6-e5d4c3b2a190"));
        QCOMPARE(annotations.value(u"compass.atlassian.com/tier").toString(), QStringLiteral("1"));
        QCOMPARE(annotations.value(u"compass.atlassian.com/type-id").toString(), QStringLiteral("SERVICE"));
        QCOMPARE(annotations.value(u"compass.atlassian.com/lifecycle").toString(), QStringLiteral("Active"));
        QCOMPARE(annotations.value(u"compass.atlassian.com/config-version").toString(), QStringLiteral("1"));
        QCOMPARE(
            annotations.value(u"compass.atlassian.com/custom-field.cost-center").toString(), QStringLiteral("CC-4711"));
        QCOMPARE(annotations.value(u"compass.atlassian.com/custom-field.reviewed").toString(), QStringLiteral("true"));
        QCOMPARE(
            annotations.value(u"compass.atlassian.com/custom-field.error-budget").toString(), QStringLiteral("0.5"));

        const QJsonArray links = metadata.value(u"links").toArray();
        QCOMPARE(links.size(), 7);
        const QStringList expectedTypes { QStringLiteral("repository"), QStringLiteral("documentation"),
            QStringLiteral("dashboard"), QStringLiteral("on-call"), QStringLiteral("chat"), QStringLiteral("project"),
            QStringLiteral("other") };
        for (qsizetype i = 0; i < links.size(); ++i)
            QCOMPARE(links.at(i).toObject().value(u"type").toString(), expectedTypes.at(i));
        QCOMPARE(links.at(0).toObject().value(u"title").toString(), QStringLiteral("Source code"));
        QCOMPARE(links.at(0).toObject().value(u"url").toString(),
            QStringLiteral("https://bitbucket.org/northwind/checkout-service"));
        QVERIFY(!links.at(6).toObject().contains(u"title")); // the OTHER_LINK has no name

        const QJsonObject spec = entity.value(u"spec").toObject();
        QCOMPARE(spec.value(u"type").toString(), QStringLiteral("service"));
        QCOMPARE(spec.value(u"lifecycle").toString(), QStringLiteral("production"));
        QCOMPARE(spec.value(u"owner").toString(), QStringLiteral("group:default/5e8d7c6b-4a39-4281-b7f6-e5d4c3b2a190"));
        QCOMPARE(spec.value(u"dependsOn").toArray(),
            (QJsonArray { QStringLiteral("component:default/a1b2c3d4-e5f6-4718-9a0b-c1d2e3f4a5b6"),
                QStringLiteral("component:default/ffffffff-0000-4000-8000-000000000001") }));
        // Custom fields are kept whole, typed values included.
        const QJsonArray customFields = spec.value(u"customFields").toArray();
        QCOMPARE(customFields.size(), 3);
        QCOMPARE(customFields.at(1).toObject().value(u"value"), QJsonValue(true));
        QCOMPARE(customFields.at(2).toObject().value(u"value"), QJsonValue(0.5));
        QCOMPARE(customFields.at(0).toObject().value(u"name").toString(), QStringLiteral("cost center"));
    }

    void lifecycleAndTypeWithoutOwner()
    {
        const QJsonObject compass
            = compassDocument(QStringLiteral(CAIRN_TEST_DATA_DIR "/compass/payments-gateway/compass.yaml"));
        const cairn::core::Result<QJsonObject> mapped = CompassMapper::toEntity(compass);
        QVERIFY(mapped.ok());
        const QJsonObject spec = mapped->value(u"spec").toObject();
        QCOMPARE(spec.value(u"type").toString(), QStringLiteral("cloud-resource"));
        QCOMPARE(spec.value(u"lifecycle").toString(), QStringLiteral("experimental"));
        QVERIFY(!spec.contains(u"owner")); // ownerId: null
        QVERIFY(!mapped->value(u"metadata")
                     .toObject()
                     .value(u"annotations")
                     .toObject()
                     .contains(u"compass.atlassian.com/owner-id"));
    }

    // Compass does not require an owner: the mapped component is valid without one (it
    // reaches the cache unowned, for hygiene to report) and says where it came from.
    void withoutOwnerIsValidAndMarkedAsCompass()
    {
        const QJsonObject compass
            = compassDocument(QStringLiteral(CAIRN_TEST_DATA_DIR "/compass/payments-gateway/compass.yaml"));
        const cairn::core::Result<QJsonObject> mapped = CompassMapper::toEntity(compass);
        QVERIFY(mapped.ok());
        const cairn::core::Entity entity(*mapped);
        QCOMPARE(entity.annotation(QStringLiteral("cairn.dev/mapped-from")), QStringLiteral("compass.yml"));
        const QList<cairn::core::ValidationProblem> problems = cairn::core::validateEntity(entity);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.first().toString()));

        // The same document without the mark is a Backstage component: its owner is required.
        QJsonObject unmarked = *mapped;
        QJsonObject metadata = unmarked.value(u"metadata").toObject();
        QJsonObject annotations = metadata.value(u"annotations").toObject();
        annotations.remove(u"cairn.dev/mapped-from");
        metadata.insert(QStringLiteral("annotations"), annotations);
        unmarked.insert(QStringLiteral("metadata"), metadata);
        const QList<cairn::core::ValidationProblem> refused
            = cairn::core::validateEntity(cairn::core::Entity(unmarked));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().field, QStringLiteral("spec.owner"));
    }

    void lifecycleUnknownWhenNotGiven()
    {
        const QJsonObject compass { { QStringLiteral("name"), QStringLiteral("bare") },
            { QStringLiteral("typeId"), QStringLiteral("LIBRARY") } };
        const cairn::core::Result<QJsonObject> mapped = CompassMapper::toEntity(compass);
        QVERIFY(mapped.ok());
        QCOMPARE(mapped->value(u"spec").toObject().value(u"lifecycle").toString(), QStringLiteral("unknown"));
        QCOMPARE(mapped->value(u"spec").toObject().value(u"type").toString(), QStringLiteral("library"));
    }

    void nameFallsBackToIdThenFails()
    {
        const QJsonObject idOnly { { QStringLiteral("id"),
            QStringLiteral("ari:cloud:compass:s:component/w/ABC-123") } };
        const cairn::core::Result<QJsonObject> mapped = CompassMapper::toEntity(idOnly);
        QVERIFY(mapped.ok());
        QCOMPARE(mapped->value(u"metadata").toObject().value(u"name").toString(), QStringLiteral("abc-123"));
        QVERIFY(!mapped->value(u"metadata").toObject().contains(u"title"));

        const cairn::core::Result<QJsonObject> nothing
            = CompassMapper::toEntity(QJsonObject { { QStringLiteral("name"), QStringLiteral("!!!") } });
        QVERIFY(!nothing.ok());
        QVERIFY(nothing.errorString().contains(QStringLiteral("name")));
    }

    void slugsFollowBackstagePatterns()
    {
        QCOMPARE(CompassMapper::slugifyName(u"Checkout Service (EU)"), QStringLiteral("checkout-service-eu"));
        QCOMPARE(CompassMapper::slugifyName(u"  Café Ölmühle  "), QStringLiteral("cafe-olmuhle"));
        QCOMPARE(CompassMapper::slugifyName(u"_a.b_"), QStringLiteral("a.b"));
        QCOMPARE(CompassMapper::slugifyName(u"***"), QString());
        const QString longName = CompassMapper::slugifyName(QString(70, u'x') + QStringLiteral("-y"));
        QCOMPARE(longName.size(), 63);
        QCOMPARE(CompassMapper::slugifyName(QString(62, u'x') + QStringLiteral("-y")), QString(62, u'x'));
        QCOMPARE(CompassMapper::slugifyTag(u"Customer Facing"), QStringLiteral("customer-facing"));
        QCOMPARE(CompassMapper::slugifyTag(u"C++ / Qt"), QStringLiteral("c++-qt"));
        QCOMPARE(CompassMapper::slugifyTag(u"PCI:scope"), QStringLiteral("pci:scope"));
    }
};

QTEST_GUILESS_MAIN(TestCompassMapper)
#include "tst_compassmapper.moc"
