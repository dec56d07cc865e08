// SPDX-License-Identifier: GPL-3.0-or-later
// A damaged cache at start: the window paints, the check on its worker finds the damage,
// the file is moved aside (never deleted) and the window opens again on a fresh cache with
// a notice that says where the file went and offers the newest sound snapshot and a sync.

#include "cache/Cache.h"
#include "cache/Database.h"
#include "cache/SnapshotStore.h"
#include "models/ItemRoles.h"
#include "sync/SampleOrganisation.h"
#include "ui/DamagedCacheNotice.h"
#include "ui/DesktopSession.h"
#include "ui/MainWindow.h"
#include "ui/OverviewPage.h"
#include "ui/Sidebar.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

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

// What the window's sidebar counts for a view ("component", ...).
int sidebarCount(ui::MainWindow &window, const QString &viewId)
{
    QAbstractItemModel *counts = window.sidebar()->model();
    for (int row = 0; row < counts->rowCount(); ++row) {
        const QModelIndex index = counts->index(row, 0);
        if (index.data(models::ViewIdRole).toString() == viewId)
            return index.data(models::CountRole).toInt();
    }
    return -1;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Garbage over one page of an index of the entities: the header, the schema and the
// tables still read, so the cache opens (without the check) and the window paints, and
// quick_check, which walks every index, finds the damage.
QByteArray damage(const QString &path)
{
    qint64 page = 0;
    qint64 pageSize = 0;
    {
        auto db = cache::Database::open(path, cache::Database::Mode::ReadOnly);
        if (!db)
            return {};
        page = db->queryInt(QStringLiteral("SELECT max(rootpage) FROM sqlite_schema WHERE type = 'index' AND "
                                           "tbl_name = 'entities' AND name NOT LIKE 'sqlite_%'"))
                   .value();
        pageSize = db->queryInt(QStringLiteral("PRAGMA page_size")).value();
    }
    QByteArray bytes = fileBytes(path);
    if (page < 2 || page * pageSize > bytes.size())
        return {};
    for (qint64 i = (page - 1) * pageSize; i < page * pageSize; ++i)
        bytes[i] = char((i * 131 + 7) % 251);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return {};
    return bytes;
}

} // namespace

class TestDamagedCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void movesTheFileAsideAndOffersTheLatestGoodSnapshot();
    void withoutASnapshotOffersOnlyASync();
    void aFileThatIsNotADatabaseIsRefusedUntouched();

private:
    // The sample organisation in a cache at `m_cachePath`, closed (its WAL folded in).
    void fillCache(bool withSnapshot);
    ui::DamagedCacheNotice *waitForNotice(ui::DesktopSession &session);

    QTemporaryDir m_dir;
    QString m_cachePath;
    qint64 m_sampleEntities = 0;
    QString m_snapshotId;
};

void TestDamagedCache::initTestCase()
{
    Q_INIT_RESOURCE(cairn_sample);
    Q_INIT_RESOURCE(cairn_icons);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CairnTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_damagedcache"));
    QVERIFY(m_dir.isValid());
}

void TestDamagedCache::init()
{
    QSettings().clear();
    static int n = 0;
    m_cachePath = m_dir.filePath(QStringLiteral("case-%1/cache.sqlite3").arg(++n));
    QVERIFY(QDir().mkpath(QFileInfo(m_cachePath).absolutePath()));
}

void TestDamagedCache::fillCache(bool withSnapshot)
{
    auto cache = cache::Cache::open(m_cachePath);
    QVERIFY2(cache, qPrintable(cache.errorString()));
    const sync::SyncOutcome loaded = sync::SampleOrganisation::load(**cache);
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    m_sampleEntities = liveEntities(m_cachePath);
    QVERIFY(m_sampleEntities > 30);
    if (withSnapshot) {
        auto snapshot = cache::SnapshotStore(**cache).create(cache::SnapshotReason::byHand());
        QVERIFY2(snapshot, qPrintable(snapshot.errorString()));
        m_snapshotId = snapshot->id;
    }
}

ui::DamagedCacheNotice *TestDamagedCache::waitForNotice(ui::DesktopSession &session)
{
    auto *notice = session.window()->findChild<ui::DamagedCacheNotice *>();
    if (notice && notice->isSearching()) {
        QSignalSpy searched(notice, &ui::DamagedCacheNotice::searchFinished);
        if (!searched.wait(30000))
            return nullptr;
    }
    return notice;
}

void TestDamagedCache::movesTheFileAsideAndOffersTheLatestGoodSnapshot()
{
    fillCache(true);
    const QByteArray damaged = damage(m_cachePath);
    QVERIFY(!damaged.isEmpty());

    ui::DesktopSession::Options options;
    options.cachePath = m_cachePath;
    ui::DesktopSession session(options);
    QSignalSpy checked(&session, &ui::DesktopSession::integrityChecked);
    QSignalSpy movedAside(&session, &ui::DesktopSession::cacheMovedAside);
    QCOMPARE(session.start(), QString());
    QVERIFY(movedAside.wait(30000));
    QCOMPARE(checked.size(), 1);
    QVERIFY(!checked.first().at(0).toString().isEmpty());

    // Moved, byte for byte, next to where it was; a fresh cache in its place.
    const QString movedTo = movedAside.first().at(0).toString();
    QVERIFY2(movedTo.startsWith(m_cachePath + QStringLiteral(".damaged-")), qPrintable(movedTo));
    QCOMPARE(fileBytes(movedTo), damaged);
    QCOMPARE(liveEntities(m_cachePath), 0);
    QCOMPARE(sidebarCount(*session.window(), QStringLiteral("component")), 0);

    // The window says so in itself, with the path to copy and the offer.
    ui::DamagedCacheNotice *notice = waitForNotice(session);
    QVERIFY(notice);
    QVERIFY(notice->isVisible());
    auto *path = notice->findChild<QLineEdit *>(QStringLiteral("damagedCachePath"));
    QCOMPARE(path->text(), movedTo);
    QVERIFY(path->isReadOnly());
    QVERIFY(notice->findChild<QPushButton *>(QStringLiteral("showDamagedCacheFolder"))->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("Nothing was deleted")), qPrintable(notice->text()));
    // SQLite's words are there for whoever looks into the file, on one line.
    const QString details = notice->findChild<QLabel *>(QStringLiteral("damagedCacheDetails"))->text();
    QVERIFY2(details.startsWith(QStringLiteral("The check said: ")) && details.size() > 20 && !details.contains(u'\n')
            && !details.contains(QStringLiteral("***")),
        qPrintable(details));
    QVERIFY(notice->offeredSnapshot().has_value());
    QCOMPARE(notice->offeredSnapshot()->id, m_snapshotId);
    auto *offer = notice->findChild<QLabel *>(QStringLiteral("damagedCacheOffer"));
    QVERIFY2(offer->text().contains(QStringLiteral("latest good snapshot"))
            && offer->text().contains(QStringLiteral("taken by hand")),
        qPrintable(offer->text()));
    auto *restore = notice->findChild<QPushButton *>(QStringLiteral("restoreLatestSnapshotButton"));
    auto *sync = notice->findChild<QPushButton *>(QStringLiteral("syncAgainButton"));
    QVERIFY(restore->isVisible() && restore->isEnabled());
    QVERIFY(sync->isVisible() && sync->isEnabled());
    QVERIFY(session.window()->bannerText().isEmpty()); // the notice says it all

    const QString shots = QStringLiteral(CAIRN_BINARY_DIR) + QStringLiteral("/screenshots");
    QVERIFY(QDir().mkpath(shots));
    session.window()->resize(1280, 800);
    QVERIFY(session.window()->grab().save(shots + QStringLiteral("/damaged-cache.png")));

    // Restore: on the worker, then the window reads the entities back.
    QSignalSpy restored(notice, &ui::DamagedCacheNotice::restored);
    restore->click();
    QVERIFY(!restore->isEnabled());
    QVERIFY(!sync->isEnabled());
    QVERIFY(!notice->findChild<QToolButton *>(QStringLiteral("dismissDamagedCacheNotice"))->isEnabled());
    QVERIFY(restored.wait(30000));
    QCOMPARE(restored.first().at(0).toString(), m_snapshotId);
    QCOMPARE(liveEntities(m_cachePath), m_sampleEntities);
    QVERIFY(!restore->isVisible());
    QVERIFY2(offer->text().startsWith(QStringLiteral("Restored the snapshot of")), qPrintable(offer->text()));
    QVERIFY(QFileInfo::exists(movedTo)); // still there, for whoever wants to look into it
    QVERIFY(sync->isEnabled());
    // The window read the cache again: the entities are back in it.
    QTRY_VERIFY(sidebarCount(*session.window(), QStringLiteral("component")) > 0); // read on the window's reader
    // The picture once the overview's read (on its worker) and the notice's new layout are in.
    QTRY_VERIFY(session.window()->overviewPage()->isUpToDate());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(session.window()->grab().save(shots + QStringLiteral("/damaged-cache-restored.png")));
}

void TestDamagedCache::withoutASnapshotOffersOnlyASync()
{
    fillCache(false);
    QVERIFY(!damage(m_cachePath).isEmpty());
    ui::DesktopSession::Options options;
    options.cachePath = m_cachePath;
    ui::DesktopSession session(options);
    QSignalSpy movedAside(&session, &ui::DesktopSession::cacheMovedAside);
    QCOMPARE(session.start(), QString());
    QVERIFY(movedAside.wait(30000));
    ui::DamagedCacheNotice *notice = waitForNotice(session);
    QVERIFY(notice);
    QVERIFY(!notice->offeredSnapshot().has_value());
    auto *offer = notice->findChild<QLabel *>(QStringLiteral("damagedCacheOffer"));
    QVERIFY2(
        offer->text().startsWith(QStringLiteral("There is no sound snapshot to restore")), qPrintable(offer->text()));
    QVERIFY(!notice->findChild<QPushButton *>(QStringLiteral("restoreLatestSnapshotButton"))->isVisible());
    auto *sync = notice->findChild<QPushButton *>(QStringLiteral("syncAgainButton"));
    QVERIFY(sync->isVisible());
    QSignalSpy syncRequested(notice, &ui::DamagedCacheNotice::syncRequested);
    sync->click();
    QCOMPARE(syncRequested.size(), 1);
}

// Not a database at all (a mistyped cache path): refused before the window opens, the
// file left as it was; the start error is what the person is shown.
void TestDamagedCache::aFileThatIsNotADatabaseIsRefusedUntouched()
{
    {
        QFile file(m_cachePath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(10000, 'x'));
    }
    ui::DesktopSession::Options options;
    options.cachePath = m_cachePath;
    ui::DesktopSession session(options);
    const QString error = session.start();
    QVERIFY2(error.contains(u"is not a Cairn cache: it seems to be a text file"), qPrintable(error));
    QVERIFY2(error.contains(u"Start Cairn with another cache file"), qPrintable(error));
    QVERIFY(!session.window());
    QCOMPARE(fileBytes(m_cachePath), QByteArray(10000, 'x'));
    QCOMPARE(QFileInfo(m_cachePath).dir().entryList({ QFileInfo(m_cachePath).fileName() + u'*' }, QDir::Files),
        QStringList { QFileInfo(m_cachePath).fileName() });
}

QTEST_MAIN(TestDamagedCache)
#include "tst_damagedcache.moc"
