// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/NavigationHistory.h"

#include <QSignalSpy>
#include <QTest>

using cairn::core::EntityRef;
using cairn::ui::NavigationHistory;

namespace {

EntityRef component(const QString &name)
{
    return EntityRef(QStringLiteral("component"), QStringLiteral("default"), name);
}

} // namespace

class TestNavigationHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goesBackAndForwardLikeABrowser();
    void aNewVisitDropsWhatWasAhead();
    void repeatsAndNullsAreNotPlaces();
    void keepsABoundedNumberOfPlaces();
};

void TestNavigationHistory::goesBackAndForwardLikeABrowser()
{
    NavigationHistory history;
    QVERIFY(!history.canGoBack());
    QVERIFY(history.back().isNull());
    history.visit(component(QStringLiteral("a")));
    history.visit(component(QStringLiteral("b")));
    history.visit(component(QStringLiteral("c")));
    QCOMPARE(history.back(), component(QStringLiteral("b")));
    QCOMPARE(history.back(), component(QStringLiteral("a")));
    QVERIFY(!history.canGoBack());
    QVERIFY(history.back().isNull());
    QCOMPARE(history.current(), component(QStringLiteral("a")));
    QCOMPARE(history.forward(), component(QStringLiteral("b")));
    QCOMPARE(history.forward(), component(QStringLiteral("c")));
    QVERIFY(!history.canGoForward());
}

void TestNavigationHistory::aNewVisitDropsWhatWasAhead()
{
    NavigationHistory history;
    history.visit(component(QStringLiteral("a")));
    history.visit(component(QStringLiteral("b")));
    history.back();
    history.visit(component(QStringLiteral("x")));
    QVERIFY(!history.canGoForward());
    QCOMPARE(history.back(), component(QStringLiteral("a")));
}

void TestNavigationHistory::repeatsAndNullsAreNotPlaces()
{
    NavigationHistory history;
    QSignalSpy changed(&history, &NavigationHistory::changed);
    history.visit(component(QStringLiteral("a")));
    history.visit(EntityRef(QStringLiteral("Component"), QStringLiteral("default"), QStringLiteral("A")));
    history.visit({});
    QCOMPARE(changed.count(), 1);
    QVERIFY(!history.canGoBack());
}

void TestNavigationHistory::keepsABoundedNumberOfPlaces()
{
    NavigationHistory history;
    for (int i = 0; i < NavigationHistory::MaxPlaces + 50; ++i)
        history.visit(component(QString::number(i)));
    int steps = 0;
    while (history.canGoBack()) {
        history.back();
        ++steps;
    }
    QCOMPARE(steps, NavigationHistory::MaxPlaces - 1);
    QCOMPARE(history.current(), component(QString::number(50)));
}

QTEST_GUILESS_MAIN(TestNavigationHistory)
#include "tst_navigationhistory.moc"
