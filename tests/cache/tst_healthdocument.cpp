// SPDX-License-Identifier: GPL-3.0-or-later
// What health reads of a stored document (cache::health::subjectFrom), read straight from its
// text: exactly what HealthSubject::of gives for the entity Qt's own reader makes of it,
// except that a text over 64 KiB is cut, on a character boundary, so that one pasted log
// does not cost health ten times its size.

#include "cache/Cache.h"
#include "cache/Database.h"
#include "cache/HealthDocument.h"
#include "cache/Statement.h"
#include "core/HealthSubject.h"
#include "sync/SampleOrganisation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "support/CacheTestSupport.h"
#include "tests/core/fixtures/FixtureFile.h"

using namespace cairn;
using cairn::cache::health::kDocumentRoom;
using cairn::cache::health::kTextRead;
using cairn::cache::health::subjectFrom;

namespace {

// Read as the cache hands documents over: with room past the end, or without (a copy).
QByteArray stored(const QJsonObject &document, bool withRoom)
{
    QByteArray json = QJsonDocument(document).toJson(QJsonDocument::Compact);
    if (!withRoom)
        return json;
    QByteArray text;
    text.reserve(json.size() + kDocumentRoom);
    text.append(json);
    return text;
}

// Every kind of value a document holds, with texts that need escapes and that are not ASCII.
QJsonObject everyKindOfValue(int annotations)
{
    QJsonObject annotationsObject;
    for (int i = 0; i < annotations; ++i)
        annotationsObject.insert(QStringLiteral("example.com/key-%1").arg(i, 6, 10, QLatin1Char('0')),
            QStringLiteral("value \"%1\"\\ \n\t é 中 😀").arg(i));
    QJsonObject metadata {
        { QStringLiteral("name"), QStringLiteral("payments") },
        { QStringLiteral("title"), QStringLiteral("Paiements — équipe €") },
        { QStringLiteral("annotations"), annotationsObject },
        { QStringLiteral("tags"), QJsonArray { QStringLiteral("java"), QStringLiteral("ü") } },
    };
    QJsonObject spec {
        { QStringLiteral("owner"), QStringLiteral("group:default/team-a") },
        { QStringLiteral("replicas"), 3 },
        { QStringLiteral("negative"), -42 },
        { QStringLiteral("ratio"), 0.25 },
        { QStringLiteral("large"), 1e300 },
        { QStringLiteral("enabled"), true },
        { QStringLiteral("disabled"), false },
        { QStringLiteral("nothing"), QJsonValue(QJsonValue::Null) },
        { QStringLiteral("nested"),
            QJsonArray { QJsonArray { 1, 2 }, QJsonObject { { QStringLiteral("z"), 1 }, { QStringLiteral("a"), 2 } },
                QJsonArray {} } },
        { QStringLiteral("empty"), QJsonObject {} },
    };
    return QJsonObject {
        { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
        { QStringLiteral("kind"), QStringLiteral("Component") },
        { QStringLiteral("metadata"), metadata },
        { QStringLiteral("spec"), spec },
    };
}

// What Qt's reader makes of the text, as health reads it.
core::HealthSubject byQt(const QByteArray &text)
{
    return core::HealthSubject::of(core::Entity(QJsonDocument::fromJson(text).object()));
}

// Every entity of a fixture: a JSON array of documents, or of {case, entity} pairs.
QList<QJsonObject> documentsIn(const char *fixture)
{
    QList<QJsonObject> out;
    const QJsonDocument doc = QJsonDocument::fromJson(fixtures::fixtureFile(fixture));
    if (doc.isObject())
        out.append(doc.object());
    for (const QJsonValue item : doc.array())
        out.append(item.toObject().contains(u"entity") ? item.toObject().value(u"entity").toObject() : item.toObject());
    return out;
}

} // namespace

class TestHealthDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The Backstage examples and the organisations the tests use, every kind of entity in
    // them, read as the cache hands them over (with room and without).
    void readAsQtReadsTheFixtures()
    {
        int documents = 0;
        int withAnnotations = 0;
        int withLinks = 0;
        for (const char *fixture :
            { "backstage-examples.json", "backstage-kinds.json", "work-org.json", "checkout-component.json" }) {
            for (const QJsonObject &document : documentsIn(fixture)) {
                for (const bool withRoom : { true, false }) {
                    const QByteArray text = stored(document, withRoom);
                    const core::HealthSubject subject = subjectFrom(text);
                    QCOMPARE(subject, byQt(text));
                }
                const core::HealthSubject subject = subjectFrom(stored(document, true));
                ++documents;
                withAnnotations += subject.annotations.isEmpty() ? 0 : 1;
                withLinks += subject.links.isEmpty() ? 0 : 1;
            }
        }
        // The comparison saw documents with something in them.
        QVERIFY2(documents > 40, qPrintable(QString::number(documents)));
        QVERIFY2(withAnnotations >= 3, qPrintable(QString::number(withAnnotations)));
        QVERIFY2(withLinks > 2, qPrintable(QString::number(withLinks)));
    }

    // The bundled sample organisation's documents as its cache stores them, its health
    // annotations in them.
    void readAsQtReadsTheSampleOrganisation()
    {
        Q_INIT_RESOURCE(cairn_sample);
        const QTemporaryDir dir;
        const std::unique_ptr<cache::Cache> cache = cache::test::cacheForCurrentTest(dir);
        const sync::SyncOutcome outcome = sync::SampleOrganisation::load(*cache);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        auto rows = cache->database().prepare(QStringLiteral("SELECT document FROM entities"));
        QVERIFY(rows);
        int documents = 0;
        int onCall = 0;
        while (*rows->step() == cache::Statement::Step::Row) {
            const QByteArray text = rows->utf8(0, kDocumentRoom);
            const core::HealthSubject subject = subjectFrom(text);
            QCOMPARE(subject, byQt(text));
            ++documents;
            onCall += subject.annotation(u"cairn.dev/on-call").isEmpty() ? 0 : 1;
        }
        QVERIFY2(documents > 50, qPrintable(QString::number(documents)));
        QVERIFY2(onCall > 5, qPrintable(QString::number(onCall)));
    }

    void readsWhatHealthReads()
    {
        const core::HealthSubject s = subjectFrom(stored(documentsIn("checkout-component.json").constFirst(), true));
        QCOMPARE(s.kind, QStringLiteral("Component"));
        QCOMPARE(s.ns, QStringLiteral("shop"));
        QCOMPARE(s.name, QStringLiteral("checkout-service"));
        QVERIFY(s.description.startsWith(u"Takes the **mone"));
        QVERIFY(!s.ownerText.isEmpty());
        QVERIFY(!s.lifecycle.isEmpty());
        QCOMPARE(s.ref().key(), QStringLiteral("component:shop/checkout-service"));
    }

    void readAsQtReadsIt_data()
    {
        QTest::addColumn<int>("annotations");
        QTest::addColumn<bool>("withRoom");
        QTest::newRow("small, with room") << 3 << true;
        QTest::newRow("small, copied") << 3 << false;
        QTest::newRow("many texts, with room") << 5000 << true;
        QTest::newRow("many texts, copied") << 5000 << false;
    }

    // Values of every kind where health reads strings: only strings are read, as Entity's
    // accessors read them.
    void readAsQtReadsIt()
    {
        QFETCH(int, annotations);
        QFETCH(bool, withRoom);
        QJsonObject document = everyKindOfValue(annotations);
        QJsonObject metadata = document.value(u"metadata").toObject();
        QJsonObject notes = metadata.value(u"annotations").toObject();
        notes.insert(QStringLiteral("example.com/number"), 3);
        notes.insert(QStringLiteral("example.com/list"), QJsonArray { QStringLiteral("a") });
        metadata.insert(QStringLiteral("annotations"), notes);
        metadata.insert(QStringLiteral("namespace"), QString());
        metadata.insert(QStringLiteral("description"), 12);
        metadata.insert(QStringLiteral("links"),
            QJsonArray { QJsonObject { { QStringLiteral("url"), QStringLiteral("https://a.example") },
                             { QStringLiteral("title"), QStringLiteral("Runbook") }, { QStringLiteral("icon"), 3 } },
                QJsonObject { { QStringLiteral("title"), QStringLiteral("no url") } }, QStringLiteral("not a link"),
                QJsonObject { { QStringLiteral("url"), QStringLiteral("https://b.example") },
                    { QStringLiteral("type"), QStringLiteral("dashboard") } } });
        document.insert(QStringLiteral("metadata"), metadata);
        const QByteArray text = stored(document, withRoom);
        QCOMPARE(text.size() > kTextRead, annotations > 100);
        const core::HealthSubject subject = subjectFrom(text);
        QCOMPARE(subject, byQt(text));
        QCOMPARE(subject.ns, QStringLiteral("default"));
        QCOMPARE(subject.links.size(), 2);
        QCOMPARE(subject.annotation(u"example.com/number"), QString());
        QCOMPARE(subject.annotations.size(), annotations);
    }

    // Tags as one string, kind and spec values that are not strings, members out of order
    // and given twice: the last of a name is the one read, as Qt reads it.
    void readAsQtReadsAnUntidyDocument()
    {
        const QByteArray text = QByteArrayLiteral(
            R"({"spec": {"owner": "group:a", "type": 7, "owner": "team-b", "lifecycle": ["x"]},
                "metadata": {"tags": "solo", "name": "n", "annotations": {"b": "2", "a": "1", "b": "3", "c": null},
                             "name": "m", "namespace": "ns"},
                "kind": 5, "kind": "API"})");
        const core::HealthSubject subject = subjectFrom(text);
        QCOMPARE(subject, byQt(text));
        QCOMPARE(subject.kind, QStringLiteral("API"));
        QCOMPARE(subject.name, QStringLiteral("m"));
        QCOMPARE(subject.ownerText, QStringLiteral("team-b"));
        QCOMPARE(subject.tags, QStringList { QStringLiteral("solo") });
        QCOMPARE(subject.annotation(u"b"), QStringLiteral("3"));
        QCOMPARE(subject.annotation(u"a"), QStringLiteral("1"));
    }

    // Qt writes a double of 2^64 or more as an integer, which simdjson refuses: such a
    // document is still read, its texts cut all the same.
    void aHugeIntegerAsQtWritesIt()
    {
        QJsonObject document = everyKindOfValue(5000);
        document.insert(QStringLiteral("beyondInt64"), 18446744073709551615.0);
        QJsonObject metadata = document.value(u"metadata").toObject();
        metadata.insert(QStringLiteral("description"), QString(2 * kTextRead, u'a'));
        document.insert(QStringLiteral("metadata"), metadata);
        const QByteArray text = stored(document, true);
        QVERIFY(text.contains("18446744073709552000"));
        core::HealthSubject expected = byQt(text);
        QCOMPARE(expected.description.size(), 2 * kTextRead);
        expected.description.truncate(kTextRead);
        QCOMPARE(subjectFrom(text), expected);
    }

    void aLongTextIsCutOnACharacterBoundary()
    {
        // 'x' then three-byte characters: byte kTextRead falls inside one of them.
        QString description = QString(1, u'x') + QString(kTextRead, QChar(0x4E2D));
        QString annotation = QString(2 * kTextRead, u'a');
        QJsonObject document = everyKindOfValue(3);
        QJsonObject metadata = document.value(u"metadata").toObject();
        metadata.insert(QStringLiteral("description"), description);
        QJsonObject annotations = metadata.value(u"annotations").toObject();
        annotations.insert(QStringLiteral("cairn.dev/log"), annotation);
        metadata.insert(QStringLiteral("annotations"), annotations);
        document.insert(QStringLiteral("metadata"), metadata);
        const QByteArray text = stored(document, true);

        const core::HealthSubject subject = subjectFrom(text);
        // 1 + 3 × 21,845 bytes fit in 65,536; the next character would not.
        QCOMPARE(subject.description, description.left(1 + (kTextRead - 1) / 3));
        QCOMPARE(subject.annotation(u"cairn.dev/log"), annotation.left(kTextRead));
        // Everything else is as Qt reads it.
        core::HealthSubject expected = byQt(text);
        expected.description = subject.description;
        for (auto &[key, value] : expected.annotations)
            if (key == u"cairn.dev/log")
                value = annotation.left(kTextRead);
        QCOMPARE(subject, expected);
    }

    void aDocumentThatDoesNotParseIsAnEmptyEntity()
    {
        QByteArray broken = stored(everyKindOfValue(5000), true);
        broken.chop(1);
        QCOMPARE(subjectFrom(broken), core::HealthSubject());
        QCOMPARE(subjectFrom(QByteArrayLiteral("[1, 2]")), core::HealthSubject());
    }
};

QTEST_GUILESS_MAIN(TestHealthDocument)
#include "tst_healthdocument.moc"
