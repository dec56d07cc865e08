// SPDX-License-Identifier: GPL-3.0-or-later
// The dialog a person decides a held mass removal in: what would go, grouped by kind, the
// totals, each entity openable, and two choices that carry exactly the listed refs.
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "sync/SyncOutcome.h"
#include "ui/HeldRemovalsDialog.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using cairn::cache::Cache;
using cairn::cache::CatalogWriter;
using cairn::cache::SourceRunInput;
using cairn::core::EntityRef;
using cairn::sync::SyncOutcome;
using cairn::ui::HeldRemovalsDialog;

namespace {

const QString Source = QStringLiteral("github-catalog");

cairn::core::SourcedEntity document(const QString &kind, const QString &name, const QJsonObject &spec,
    const QString &title = {}, const QString &description = {})
{
    QJsonObject metadata { { QStringLiteral("name"), name },
        { QStringLiteral("namespace"), QStringLiteral("default") } };
    if (!title.isEmpty())
        metadata.insert(QStringLiteral("title"), title);
    if (!description.isEmpty())
        metadata.insert(QStringLiteral("description"), description);
    const QJsonObject doc { { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
        { QStringLiteral("kind"), kind }, { QStringLiteral("metadata"), metadata }, { QStringLiteral("spec"), spec } };
    return cairn::core::SourcedEntity { cairn::core::Entity(doc),
        cairn::core::DocumentOrigin { QStringLiteral("catalog.yaml"), 1 } };
}

cairn::core::SourcedEntity component(
    const QString &name, const QString &owner, const QString &title = {}, const QString &description = {})
{
    return document(QStringLiteral("Component"), name,
        { { QStringLiteral("type"), QStringLiteral("service") },
            { QStringLiteral("lifecycle"), QStringLiteral("production") }, { QStringLiteral("owner"), owner } },
        title, description);
}

cairn::core::SourcedEntity team(const QString &name, const QString &displayName)
{
    return document(QStringLiteral("Group"), name,
        { { QStringLiteral("type"), QStringLiteral("team") },
            { QStringLiteral("profile"), QJsonObject { { QStringLiteral("displayName"), displayName } } },
            { QStringLiteral("children"), QJsonArray() } });
}

cairn::core::SourcedEntity person(const QString &name, const QString &displayName)
{
    return document(QStringLiteral("User"), name,
        { { QStringLiteral("profile"), QJsonObject { { QStringLiteral("displayName"), displayName } } },
            { QStringLiteral("memberOf"), QJsonArray() } });
}

// What the catalog holds at first (18 entities), and the 7 of them it still has later
// besides two components the caller adds (six components, two teams and a person gone).
QList<cairn::core::SourcedEntity> catalog(bool later)
{
    QList<cairn::core::SourcedEntity> out { team(QStringLiteral("payments"), QStringLiteral("Payments")),
        team(QStringLiteral("web"), QStringLiteral("Web")),
        person(QStringLiteral("amina"), QStringLiteral("Amina K.")) };
    const QStringList services { QStringLiteral("checkout"), QStringLiteral("ledger"), QStringLiteral("search") };
    for (const QString &s : services)
        out.append(component(s, QStringLiteral("payments"), s + QStringLiteral(" service")));
    out.append(component(QStringLiteral("card-vault"), QStringLiteral("payments"), QStringLiteral("Card vault"),
        QStringLiteral("Stores card tokens for checkout.\nPCI scope: yes.")));
    if (later)
        return out;
    for (const QString &s : { QStringLiteral("billing-api"), QStringLiteral("Anti-Fraud"), QStringLiteral("emails"),
             QStringLiteral("invoices"), QStringLiteral("zebra"), QStringLiteral("receipts") })
        out.append(component(s, QStringLiteral("web"), QString(),
            QStringLiteral("The %1 of the old platform, retired with the monolith.").arg(s)));
    out.append(team(QStringLiteral("legacy"), QStringLiteral("Legacy platform")));
    out.append(team(QStringLiteral("ops"), QStringLiteral("Operations")));
    out.append(person(QStringLiteral("bob"), QStringLiteral("Bob Martin")));
    out.append(component(QStringLiteral("edge"), QStringLiteral("web")));
    out.append(component(QStringLiteral("maps"), QStringLiteral("web")));
    return out;
}

QStringList childNames(const QAbstractItemModel *model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(parent); ++row)
        names.append(model->index(row, 0, parent).data().toString());
    return names;
}

} // namespace

class TestHeldRemovalsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Thousands written as people of this language write them.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto opened = Cache::open(m_dir->filePath(QStringLiteral("cache.sqlite3")));
        QVERIFY2(opened, qPrintable(opened.errorString()));
        m_cache = std::move(opened).value();
        CatalogWriter writer(*m_cache);
        SourceRunInput first;
        first.sourceName = Source;
        first.sourceKind = QStringLiteral("backstage");
        first.entities = catalog(false);
        QVERIFY(writer.applySourceRun(first));
        // Later, half of the source has gone: held.
        SourceRunInput later = first;
        later.entities = catalog(true);
        later.entities.append(component(QStringLiteral("edge"), QStringLiteral("web")));
        later.entities.append(component(QStringLiteral("maps"), QStringLiteral("web")));
        auto held = writer.applySourceRun(later);
        QVERIFY2(held, qPrintable(held.errorString()));
        QVERIFY(held->held);
        m_held = SyncOutcome {};
        m_held.sourceName = Source;
        m_held.ok = true;
        m_held.errorKind = cairn::core::ErrorKind::Held;
        m_held.summary = *held;
    }

    void cleanup()
    {
        m_cache.reset();
        m_dir.reset();
    }

    void listsWhatWouldGoGroupedByKind()
    {
        HeldRemovalsDialog dialog(*m_cache, m_held, nullptr);
        QCOMPARE(m_held.summary.removedRefs.size(), 9);
        const QAbstractItemModel *model = dialog.view()->model();
        QCOMPARE(childNames(model, {}),
            (QStringList {
                QStringLiteral("Components (6)"), QStringLiteral("Teams (2)"), QStringLiteral("People (1)") }));
        // By name within a kind, whatever its case.
        QCOMPARE(childNames(model, model->index(0, 0)),
            (QStringList { QStringLiteral("Anti-Fraud"), QStringLiteral("billing-api"), QStringLiteral("emails"),
                QStringLiteral("invoices"), QStringLiteral("receipts"), QStringLiteral("zebra") }));
        QCOMPARE(
            childNames(model, model->index(1, 0)), (QStringList { QStringLiteral("legacy"), QStringLiteral("ops") }));
        // Title or description, and the owner by name.
        const QModelIndex billing = model->index(1, 0, model->index(0, 0));
        QCOMPARE(billing.siblingAtColumn(1).data().toString(),
            QStringLiteral("The billing-api of the old platform, retired with the monolith."));
        QCOMPARE(billing.siblingAtColumn(2).data().toString(), QStringLiteral("Web"));
        const QModelIndex legacy = model->index(0, 0, model->index(1, 0));
        QCOMPARE(legacy.siblingAtColumn(1).data().toString(), QStringLiteral("Legacy platform"));
        QCOMPARE(model->index(0, 1, model->index(2, 0)).data().toString(), QStringLiteral("Bob Martin"));
        QVERIFY(dialog.view()->isExpanded(model->index(0, 0)));
    }

    void theHeadlineSaysTheTotals()
    {
        HeldRemovalsDialog dialog(*m_cache, m_held, nullptr);
        QCOMPARE(dialog.headline(),
            QStringLiteral("The sync of \u201cgithub-catalog\u201d would remove 9 of 18 entities (50.0 %). Nothing has "
                           "been removed yet."));
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("headline"))->text(), dialog.headline());
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("upstreamChanged"))->isVisibleTo(&dialog));
        QVERIFY(dialog.keepButton()->isVisibleTo(&dialog));
        QVERIFY(!dialog.isModal());

        // A large catalog: grouped thousands, one decimal. Refs the cache does not hold are
        // listed by their names.
        SyncOutcome large = m_held;
        large.summary.removedRefs.clear();
        for (int i = 0; i < 240; ++i)
            large.summary.removedRefs.append(EntityRef(QStringLiteral("Component"), QStringLiteral("default"),
                QStringLiteral("gone-%1").arg(i, 3, 10, QLatin1Char('0'))));
        large.summary.removed = 240;
        large.summary.liveBefore = 1900;
        large.summary.upstreamChanged = true;
        HeldRemovalsDialog changed(*m_cache, large, nullptr);
        QCOMPARE(changed.headline(),
            QStringLiteral(
                "The sync of \u201cgithub-catalog\u201d would remove 240 of 1,900 entities (12.6 %). Nothing "
                "has been removed yet."));
        const QLabel *note = changed.findChild<QLabel *>(QStringLiteral("upstreamChanged"));
        QVERIFY(note->isVisibleTo(&changed));
        QCOMPARE(
            note->text(), QStringLiteral("The source changed since you were shown the list: this is the new list."));
        QCOMPARE(childNames(changed.view()->model(), {}), QStringList { QStringLiteral("Components (240)") });
    }

    void entitiesOpenWithDoubleClickOrEnter()
    {
        HeldRemovalsDialog dialog(*m_cache, m_held, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy activated(&dialog, &HeldRemovalsDialog::entityActivated);
        QSignalSpy applied(&dialog, &HeldRemovalsDialog::applyChosen);
        QSignalSpy kept(&dialog, &HeldRemovalsDialog::keepChosen);
        QTreeView *view = dialog.view();
        const QAbstractItemModel *model = view->model();

        const QModelIndex ops = model->index(1, 0, model->index(1, 0));
        view->setCurrentIndex(ops);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().value<EntityRef>().key(), QStringLiteral("group:default/ops"));
        // Enter opened the entity, nothing more: no choice made, the dialog still open.
        QCOMPARE(applied.size() + kept.size(), 0);
        QVERIFY(dialog.isVisible());

        const QModelIndex zebra = model->index(5, 2, model->index(0, 0));
        const QRect cell = view->visualRect(zebra);
        QVERIFY(cell.isValid());
        // A double-click is a click, then a second press that the view takes as a double one.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.last().first().value<EntityRef>().key(), QStringLiteral("component:default/zebra"));

        // A kind's row opens nothing.
        view->setCurrentIndex(model->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.size(), 2);
    }

    void bothChoicesCarryExactlyTheListedRefs()
    {
        {
            HeldRemovalsDialog dialog(*m_cache, m_held, nullptr);
            dialog.show();
            QSignalSpy applied(&dialog, &HeldRemovalsDialog::applyChosen);
            QSignalSpy kept(&dialog, &HeldRemovalsDialog::keepChosen);
            QVERIFY(!dialog.applyButton()->toolTip().isEmpty());
            QVERIFY2(
                dialog.applyButton()->toolTip().contains(u"snapshot"), qPrintable(dialog.applyButton()->toolTip()));
            QVERIFY(!dialog.keepButton()->toolTip().isEmpty());
            QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
            QCOMPARE(applied.size(), 1);
            QCOMPARE(kept.size(), 0);
            QCOMPARE(applied.first().at(0).toString(), Source);
            QCOMPARE(applied.first().at(1).value<QList<EntityRef>>(), m_held.summary.removedRefs);
            QVERIFY(!dialog.isVisible());
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        {
            HeldRemovalsDialog dialog(*m_cache, m_held, nullptr);
            dialog.show();
            QSignalSpy applied(&dialog, &HeldRemovalsDialog::applyChosen);
            QSignalSpy kept(&dialog, &HeldRemovalsDialog::keepChosen);
            QTest::mouseClick(dialog.keepButton(), Qt::LeftButton);
            QCOMPARE(kept.size(), 1);
            QCOMPARE(applied.size(), 0);
            QCOMPARE(kept.first().at(0).toString(), Source);
            QCOMPARE(kept.first().at(1).value<QList<EntityRef>>(), m_held.summary.removedRefs);
        }
        {
            // Closing decides nothing.
            HeldRemovalsDialog dialog(*m_cache, m_held, nullptr);
            dialog.show();
            QSignalSpy applied(&dialog, &HeldRemovalsDialog::applyChosen);
            QSignalSpy kept(&dialog, &HeldRemovalsDialog::keepChosen);
            QTest::keyClick(&dialog, Qt::Key_Escape);
            QVERIFY(!dialog.isVisible());
            QCOMPARE(applied.size() + kept.size(), 0);
        }
    }

    // Opened later on what a person kept: only the removals can be chosen.
    void keptEntitiesCanBeRemovedLater()
    {
        const QList<EntityRef> kept = m_held.summary.removedRefs.mid(0, 3);
        std::unique_ptr<HeldRemovalsDialog> dialog(HeldRemovalsDialog::forKept(*m_cache, Source, kept, nullptr));
        QVERIFY(!dialog->keepButton());
        QCOMPARE(dialog->headline(),
            QStringLiteral("You kept 3 entities of \u201cgithub-catalog\u201d that the source no longer has. Nothing "
                           "is removed unless you apply the removals."));
        dialog->show();
        QSignalSpy applied(dialog.get(), &HeldRemovalsDialog::applyChosen);
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied.first().at(1).value<QList<EntityRef>>(), kept);
    }

#ifdef CAIRN_BINARY_DIR
    void screenshot()
    {
        HeldRemovalsDialog dialog(*m_cache, m_held, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString dir = QStringLiteral(CAIRN_BINARY_DIR) + QStringLiteral("/screenshots");
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/held-removals.png")));

        // Held again: the source changed since the list the person was shown.
        SyncOutcome again = m_held;
        again.summary.upstreamChanged = true;
        again.summary.removedRefs.removeLast();
        HeldRemovalsDialog changed(*m_cache, again, nullptr);
        changed.show();
        QVERIFY(QTest::qWaitForWindowExposed(&changed));
        QVERIFY(changed.grab().save(dir + QStringLiteral("/held-removals-changed.png")));
    }
#endif

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Cache> m_cache;
    SyncOutcome m_held;
};

QTEST_MAIN(TestHeldRemovalsDialog)
#include "tst_heldremovalsdialog.moc"
