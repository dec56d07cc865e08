// SPDX-License-Identifier: GPL-3.0-or-later
// The detail pane's page: every entity a cairn: link that parses back to its ref, web and
// e-mail links as they are, Markdown rendered, catalog text never taken as HTML.
#include "core/AnswerEngine.h"
#include "core/MemoryCatalog.h"
#include "ui/AnswerHtml.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QPalette>
#include <QTest>
#include <QTextDocument>

using cairn::core::Entity;
using cairn::core::EntityRef;
using cairn::ui::AnswerHtml;

namespace {

// JSON written with single quotes, which read better inside C++ strings.
Entity entity(const char *json)
{
    return Entity(QJsonDocument::fromJson(QByteArray(json).replace('\'', '"')).object());
}

cairn::core::MemoryCatalog catalog()
{
    return cairn::core::MemoryCatalog({
        entity("{'apiVersion':'backstage.io/v1alpha1','kind':'Component','metadata':{'name':'checkout',"
               "'title':'Checkout <script>alert(1)</script>','description':'Takes **payments** for the shop.',"
               "'links':[{'url':'https://runbooks.example.com/checkout','title':'Runbook','type':'runbook'}]},"
               "'spec':{'type':'service','lifecycle':'production','owner':'group:default/payments',"
               "'dependsOn':['component:default/ghost']}}"),
        entity("{'apiVersion':'backstage.io/v1alpha1','kind':'Group','metadata':{'name':'payments'},"
               "'spec':{'type':'team','profile':{'displayName':'Payments','email':'payments@example.com'},"
               "'children':[],'members':['amina']}}"),
        entity("{'apiVersion':'backstage.io/v1alpha1','kind':'User','metadata':{'name':'amina'},"
               "'spec':{'profile':{'displayName':'Amina Haddad'},'memberOf':['payments']}}"),
    });
}

} // namespace

class TestAnswerHtml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entityLinksRoundTrip();
    void rendersTheFourSectionsWithLinks();
    void neverTakesCatalogTextAsHtml();
    void saysWhatIsMissing();
};

void TestAnswerHtml::entityLinksRoundTrip()
{
    const EntityRef ref(QStringLiteral("component"), QStringLiteral("ns-1"), QStringLiteral("a.b_c"));
    const QUrl url = AnswerHtml::entityUrl(ref);
    QCOMPARE(url.scheme(), QStringLiteral("cairn"));
    QCOMPARE(AnswerHtml::refFromUrl(url), std::optional<EntityRef>(ref));
    QCOMPARE(AnswerHtml::refFromUrl(QUrl(url.toString())), std::optional<EntityRef>(ref));
    QVERIFY(!AnswerHtml::refFromUrl(QUrl(QStringLiteral("https://example.com/x"))));
}

void TestAnswerHtml::rendersTheFourSectionsWithLinks()
{
    const cairn::core::MemoryCatalog lookup = catalog();
    cairn::core::AnswerEngine engine(lookup);
    const auto answer = engine.answer(EntityRef::parse(u"component:default/checkout").value());
    QVERIFY2(answer, qPrintable(answer.errorString()));
    QTextDocument document;
    document.setHtml(AnswerHtml(QGuiApplication::palette()).render(*answer));
    const QString text = document.toPlainText();
    for (const char *section : { "WHAT", "WHY", "WHO", "HOW" })
        QVERIFY2(text.contains(QString::fromLatin1(section)), section);
    QVERIFY2(text.contains(QStringLiteral("Takes payments for the shop.")), qPrintable(text)); // Markdown rendered
    QVERIFY(!text.contains(QStringLiteral("**")));
    const QString html = AnswerHtml(QGuiApplication::palette()).render(*answer);
    QVERIFY(html.contains(QStringLiteral("href=\"cairn:group:default/payments\""), Qt::CaseInsensitive));
    QVERIFY(html.contains(QStringLiteral("href=\"mailto:payments@example.com\"")));
    QVERIFY(html.contains(QStringLiteral("href=\"https://runbooks.example.com/checkout\"")));
    // A dependency that names nothing stays visible, marked as such.
    QVERIFY(text.contains(QStringLiteral("component:default/ghost (not in the catalog)")));
}

void TestAnswerHtml::neverTakesCatalogTextAsHtml()
{
    const cairn::core::MemoryCatalog lookup = catalog();
    cairn::core::AnswerEngine engine(lookup);
    const auto answer = engine.answer(EntityRef::parse(u"component:default/checkout").value());
    QVERIFY(answer);
    const QString html = AnswerHtml(QGuiApplication::palette()).render(*answer);
    QVERIFY(!html.contains(QStringLiteral("<script>")));
    QTextDocument document;
    document.setHtml(html);
    QVERIFY(document.toPlainText().contains(QStringLiteral("Checkout <script>alert(1)</script>")));
}

void TestAnswerHtml::saysWhatIsMissing()
{
    QTextDocument document;
    document.setHtml(
        AnswerHtml(QGuiApplication::palette()).renderMissing(EntityRef::parse(u"group:default/guest").value()));
    QVERIFY(document.toPlainText().contains(QStringLiteral("group:default/guest")));
    QVERIFY(document.toPlainText().contains(QStringLiteral("Nothing in the cache has this reference")));
}

QTEST_MAIN(TestAnswerHtml)
#include "tst_answerhtml.moc"
