// SPDX-License-Identifier: GPL-3.0-or-later
// File ▸ Snapshots: the list (when, why, how many entities), Restore… with its confirmation,
// Take Snapshot Now; the work runs on a worker and the dialog waits for it.

#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "cache/SnapshotStore.h"
#include "models/CacheChangeWatcher.h"
#include "models/ItemRoles.h"
#include "sync/SampleOrganisation.h"
#include "ui/MainWindow.h"
#include "ui/Sidebar.h"
#include "ui/SnapshotsDialog.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace cairn;

namespace {

qint64 liveEntities(const QString &cachePath)
{
    auto cache = cache::Cache::openReadOnly(cachePath);
    if (!cache)
        return -1;
    return (*cache)
        ->database()
        .queryInt(QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NULL"))
        .value();
}

} // namespace

class TestSnapshotsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void listsNewestFirstWithWhyAndHowMany();
    void restoresAfterConfirmingAndKeepsAWayBack();
    void takesASnapshotNow();
    void theWindowOpensItAndReloadsAfterARestore();
    void saysWhyItCannotList();

private:
    QTemporaryDir m_dir;
    QString m_cachePath;
    qint64 m_sampleEntities = 0;
    cache::SnapshotInfo m_byHand;
    cache::SnapshotInfo m_beforeRemoval;
};

void TestSnapshotsDialog::initTestCase()
{
    Q_INIT_RESOURCE(cairn_sample);
    Q_INIT_RESOURCE(cairn_icons);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CairnTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_snapshotsdialog"));
    QVERIFY(m_dir.isValid());
}

// The sample organisation, a snapshot by hand, then the source removed (a snapshot before it).
void TestSnapshotsDialog::init()
{
    static int n = 0;
    m_cachePath = m_dir.filePath(QStringLiteral("cache-%1.sqlite3").arg(++n));
    auto cache = cache::Cache::open(m_cachePath);
    QVERIFY2(cache, qPrintable(cache.errorString()));
    const sync::SyncOutcome loaded = sync::SampleOrganisation::load(**cache);
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    m_sampleEntities = liveEntities(m_cachePath);
    QVERIFY(m_sampleEntities > 30);
    cache::SnapshotStore store(**cache);
    auto byHand = store.create(cache::SnapshotReason::byHand());
    QVERIFY2(byHand, qPrintable(byHand.errorString()));
    m_byHand = *byHand;
    cache::CatalogWriter writer(**cache);
    auto removed = writer.removeSource(sync::SampleOrganisation::sourceName());
    QVERIFY2(removed, qPrintable(removed.errorString()));
    m_beforeRemoval = store.info(removed->snapshotId).value();
    QCOMPARE(liveEntities(m_cachePath), 0);
}

void TestSnapshotsDialog::listsNewestFirstWithWhyAndHowMany()
{
    ui::SnapshotsDialog dialog(m_cachePath, nullptr);
    QSignalSpy listed(&dialog, &ui::SnapshotsDialog::snapshotsListed);
    // The list is read on a worker: busy until it arrives.
    QVERIFY(dialog.isBusy());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("takeSnapshotButton"))->isEnabled());
    QVERIFY(listed.wait(30000));
    QVERIFY(!dialog.isBusy());

    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("snapshotList"));
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), 2);
    const QTreeWidgetItem *newest = list->topLevelItem(0);
    const QTreeWidgetItem *oldest = list->topLevelItem(1);
    QCOMPARE(
        newest->text(1), QStringLiteral("Before removing source “%1”").arg(sync::SampleOrganisation::sourceName()));
    QCOMPARE(oldest->text(1), QStringLiteral("Taken by hand"));
    QCOMPARE(newest->text(2), QLocale().toString(m_sampleEntities));
    QCOMPARE(oldest->text(2), QLocale().toString(m_sampleEntities));
    // Local time, and how long ago.
    QVERIFY2(newest->text(0).startsWith(
                 m_beforeRemoval.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
        qPrintable(newest->text(0)));
    QVERIFY2(newest->text(0).endsWith(QStringLiteral("(just now)")), qPrintable(newest->text(0)));
    QVERIFY(!newest->text(3).isEmpty());
    // The newest is selected, ready for Restore….
    QCOMPARE(list->currentItem(), newest);
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("restoreButton"))->isEnabled());

    // A snapshot from before reasons were kept shows a dash.
    QVERIFY(QFile::remove(m_cachePath + QStringLiteral(".snapshots/") + m_byHand.id + QStringLiteral(".json")));
    dialog.reload();
    QVERIFY(listed.wait(30000));
    QCOMPARE(list->topLevelItem(1)->text(1), QStringLiteral("—"));
}

void TestSnapshotsDialog::restoresAfterConfirmingAndKeepsAWayBack()
{
    ui::SnapshotsDialog dialog(m_cachePath, nullptr);
    dialog.resize(820, 360);
    dialog.show();
    QSignalSpy listed(&dialog, &ui::SnapshotsDialog::snapshotsListed);
    QSignalSpy restored(&dialog, &ui::SnapshotsDialog::restored);
    QVERIFY(listed.wait(30000));
    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("snapshotList"));
    auto *restore = dialog.findChild<QPushButton *>(QStringLiteral("restoreButton"));
    list->setCurrentItem(list->topLevelItem(1)); // taken by hand

    // The confirmation says what will happen; Restore goes ahead.
    QString question;
    QString consequences;
    QTimer::singleShot(0, &dialog, [&] {
        auto *box = dialog.findChild<QMessageBox *>(QStringLiteral("restoreConfirmation"));
        QVERIFY(box);
        question = box->text();
        consequences = box->informativeText();
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::AcceptRole)
                button->click();
        }
    });
    restore->click();
    QVERIFY2(question.contains(QStringLiteral("taken by hand")), qPrintable(question));
    QVERIFY2(question.contains(QLocale().toString(m_sampleEntities)), qPrintable(question));
    QVERIFY2(consequences.contains(QStringLiteral("kept as a new snapshot"))
            && consequences.contains(QStringLiteral("undo")) && consequences.contains(QStringLiteral("reloads")),
        qPrintable(consequences));
    // Running: nothing else can start, and the dialog does not close under it.
    QVERIFY(dialog.isBusy());
    QVERIFY(!restore->isEnabled());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("takeSnapshotButton"))->isEnabled());
    dialog.reject();
    QVERIFY(dialog.isVisible());

    QVERIFY(restored.wait(30000));
    QCOMPARE(restored.first().at(0).toString(), m_byHand.id);
    const QString undoId = restored.first().at(1).toString();
    QVERIFY(!undoId.isEmpty());
    // The cache holds the snapshot's content again.
    QCOMPARE(liveEntities(m_cachePath), m_sampleEntities);
    QVERIFY2(
        dialog.statusText().startsWith(QStringLiteral("Restored the snapshot of")), qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains(QStringLiteral("undo")), qPrintable(dialog.statusText()));

    // The state it replaced is the newest snapshot, selected, with its reason: one click undoes.
    QTRY_COMPARE_WITH_TIMEOUT(listed.size(), 2, 30000);
    QCOMPARE(list->topLevelItemCount(), 3);
    QCOMPARE(list->currentItem(), list->topLevelItem(0));
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Before restoring %1").arg(m_byHand.id));
    QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("0"));
    QCOMPARE(dialog.snapshots().constFirst().id, undoId);
    QVERIFY(restore->isEnabled());

    const QString shots = QStringLiteral(CAIRN_BINARY_DIR) + QStringLiteral("/screenshots");
    QVERIFY(QDir().mkpath(shots));
    QVERIFY(dialog.grab().save(shots + QStringLiteral("/snapshots-dialog.png")));

    dialog.restoreSnapshot(undoId);
    QVERIFY(restored.wait(30000));
    QCOMPARE(liveEntities(m_cachePath), 0);
}

void TestSnapshotsDialog::takesASnapshotNow()
{
    ui::SnapshotsDialog dialog(m_cachePath, nullptr);
    QSignalSpy listed(&dialog, &ui::SnapshotsDialog::snapshotsListed);
    QSignalSpy taken(&dialog, &ui::SnapshotsDialog::snapshotTaken);
    QVERIFY(listed.wait(30000));
    dialog.findChild<QPushButton *>(QStringLiteral("takeSnapshotButton"))->click();
    QVERIFY(dialog.isBusy());
    QVERIFY(taken.wait(30000));
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Snapshot taken")), qPrintable(dialog.statusText()));
    QTRY_COMPARE_WITH_TIMEOUT(listed.size(), 2, 30000);
    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("snapshotList"));
    QCOMPARE(list->topLevelItemCount(), 3);
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Taken by hand"));
    QCOMPARE(dialog.snapshots().constFirst().id, taken.first().at(0).toString());
    QCOMPARE(list->currentItem(), list->topLevelItem(0));
}

// File ▸ Snapshots… opens the dialog; a restore in it makes the window read the cache again.
void TestSnapshotsDialog::theWindowOpensItAndReloadsAfterARestore()
{
    QSettings().clear();
    auto cache = cache::Cache::open(m_cachePath);
    QVERIFY2(cache, qPrintable(cache.errorString()));
    ui::MainWindow window(**cache);
    window.changeWatcher()->stop(); // the reload must come from the dialog's signal
    window.show();
    QAbstractItemModel *counts = window.sidebar()->model();
    auto components = [counts] {
        for (int row = 0; row < counts->rowCount(); ++row) {
            const QModelIndex index = counts->index(row, 0);
            if (index.data(models::ViewIdRole).toString() == u"component")
                return index.data(models::CountRole).toInt();
        }
        return -1;
    };
    QCOMPARE(components(), 0);

    auto *action = window.findChild<QAction *>(QStringLiteral("snapshotsAction"));
    QVERIFY(action);
    action->trigger();
    auto *dialog = window.findChild<ui::SnapshotsDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QSignalSpy listed(dialog, &ui::SnapshotsDialog::snapshotsListed);
    QSignalSpy restored(dialog, &ui::SnapshotsDialog::restored);
    QVERIFY(listed.wait(30000));
    dialog->restoreSnapshot(m_byHand.id);
    QVERIFY(restored.wait(30000));
    QTRY_VERIFY(components() > 0); // the counts are read again on the window's reader
    QTRY_COMPARE_WITH_TIMEOUT(listed.size(), 2, 30000); // the dialog's own list follows the restore
}

// A cache that cannot be opened: the dialog says so, in words, instead of an empty list.
void TestSnapshotsDialog::saysWhyItCannotList()
{
    const QString missing = m_dir.filePath(QStringLiteral("no-such-folder/cache.sqlite3"));
    ui::SnapshotsDialog dialog(missing, nullptr);
    QSignalSpy listed(&dialog, &ui::SnapshotsDialog::snapshotsListed);
    QVERIFY(listed.wait(30000));
    QVERIFY2(dialog.statusText().startsWith(
                 QStringLiteral("Could not read the snapshots in ") + missing + QStringLiteral(".snapshots: ")),
        qPrintable(dialog.statusText()));
    QVERIFY(dialog.snapshots().isEmpty());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("restoreButton"))->isEnabled());
    QVERIFY(!dialog.isBusy());
}

QTEST_MAIN(TestSnapshotsDialog)
#include "tst_snapshotsdialog.moc"
