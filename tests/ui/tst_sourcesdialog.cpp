// SPDX-License-Identifier: GPL-3.0-or-later
// The Sources dialog and its editor, driven offscreen as a person would, against loopback
// servers and a keychain that lives in memory: add a Backstage source whose token goes to
// the keychain (from a worker thread) and never to the cache, test connections that work
// and each way one fails, refuse input beside its field and keep it, test a bundle and a
// folder, edit, ask for a sync, and remove a source after a confirmation that says what
// happens to its entities. Saves pictures of the dialog and of a test's result.

#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "sync/FileSource.h"
#include "sync/SourceFactory.h"
#include "sync/SourceRegistry.h"
#include "sync/SyncEngine.h"
#include "sync/TokenStore.h"
#include "ui/SourceEditorDialog.h"
#include "ui/SourcesDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMutex>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeWidget>

#include "support/DarkPalette.h"
#include "support/FakeBackstageServer.h"

using cairn::cache::Cache;
using cairn::cache::CatalogWriter;
using cairn::sync::SourceFactory;
using cairn::sync::SourceRegistry;
using cairn::sync::test::CannedReply;
using cairn::sync::test::FakeBackstageServer;
using cairn::sync::test::LoopbackHttpServer;
using cairn::sync::test::RecordedRequest;
using cairn::ui::SourceEditorDialog;
using cairn::ui::SourcesDialog;

namespace {

// The keychain as a hash, guarded: the dialog calls it from its workers. It remembers
// whether any call came on the UI thread, which must never happen.
class MemoryKeychain final : public cairn::sync::TokenStore
{
public:
    cairn::core::Status store(const QString &sourceName, const QString &token) const override
    {
        note();
        QMutexLocker lock(&m_mutex);
        m_tokens.insert(sourceName, token);
        return {};
    }
    cairn::core::Result<QString> read(const QString &sourceName) const override
    {
        note();
        QMutexLocker lock(&m_mutex);
        return m_tokens.value(sourceName);
    }
    cairn::core::Status remove(const QString &sourceName) const override
    {
        note();
        QMutexLocker lock(&m_mutex);
        m_tokens.remove(sourceName);
        return {};
    }

    QHash<QString, QString> tokens() const
    {
        QMutexLocker lock(&m_mutex);
        return m_tokens;
    }
    int calls() const
    {
        QMutexLocker lock(&m_mutex);
        return m_calls;
    }
    bool calledOnUiThread() const
    {
        QMutexLocker lock(&m_mutex);
        return m_onUiThread;
    }
    void put(const QString &sourceName, const QString &token)
    {
        QMutexLocker lock(&m_mutex);
        m_tokens.insert(sourceName, token);
    }

private:
    void note() const
    {
        QMutexLocker lock(&m_mutex);
        ++m_calls;
        if (QThread::currentThread() == QCoreApplication::instance()->thread())
            m_onUiThread = true;
    }

    mutable QMutex m_mutex;
    mutable QHash<QString, QString> m_tokens;
    mutable int m_calls = 0;
    mutable bool m_onUiThread = false;
};

template<typename T> T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

QString screenshotPath(const QString &name)
{
    const QString folder = QStringLiteral(CAIRN_BINARY_DIR) + QStringLiteral("/screenshots");
    QDir().mkpath(folder);
    return folder + u'/' + name;
}

} // namespace

class TestSourcesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addsABackstageSourceWithItsTokenInTheKeychain();
    void testConnectionSaysWhatFailed();
    void testConnectionTellsACertificateNobodyTrusts();
    void testsABundleAndAFolder();
    void aTestCanBeCancelled();
    void refusedInputStaysWithItsReason();
    void editKeepsTheSyncStateAndTheName();
    void syncNowAsksTheWindow();
    void removeSaysWhatHappensAndTombstones();
    void anUnreadableCacheIsSaidSo();
    void refusalsReadOnADarkPalette();
    void picturesOfTheDialogs();

private:
    // A dialog whose list has been read.
    std::unique_ptr<SourcesDialog> openDialog();
    // Opens the Add (or Edit, when a source is selected and `edit`) editor.
    SourceEditorDialog *openEditor(SourcesDialog &dialog, bool edit = false);
    void fill(SourceEditorDialog *editor, const QString &name, const QString &kind, const QString &location);
    // Clicks Test connection and returns the words of the result.
    QString test(SourceEditorDialog *editor);
    void addFolderSource(const QString &name, const QString &folder);
    QByteArray cacheBytes() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_cachePath;
    std::unique_ptr<MemoryKeychain> m_keychain;
};

void TestSourcesDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cachePath = m_dir->filePath(QStringLiteral("cache.sqlite3"));
    // The window has created the cache before it opens the dialog.
    auto cache = Cache::open(m_cachePath);
    QVERIFY2(cache.ok(), qPrintable(cache.errorString()));
    m_keychain = std::make_unique<MemoryKeychain>();
}

void TestSourcesDialog::cleanup()
{
    QVERIFY(!m_keychain->calledOnUiThread());
    m_keychain.reset();
    m_dir.reset();
}

std::unique_ptr<SourcesDialog> TestSourcesDialog::openDialog()
{
    auto dialog = std::make_unique<SourcesDialog>(m_cachePath, *m_keychain);
    QSignalSpy listed(dialog.get(), &SourcesDialog::sourcesListed);
    dialog->show();
    if (dialog->isBusy())
        [&listed] { QVERIFY(!listed.isEmpty() || listed.wait(30000)); }();
    return dialog;
}

SourceEditorDialog *TestSourcesDialog::openEditor(SourcesDialog &dialog, bool edit)
{
    if (edit)
        dialog.editSource();
    else
        dialog.addSource();
    SourceEditorDialog *editor = dialog.editor();
    if (editor && !QTest::qWaitForWindowExposed(editor))
        qWarning("the editor was not shown");
    return editor;
}

void TestSourcesDialog::fill(
    SourceEditorDialog *editor, const QString &name, const QString &kind, const QString &location)
{
    child<QLineEdit>(editor, "sourceName")->setText(name);
    auto *kinds = child<QComboBox>(editor, "sourceKind");
    kinds->setCurrentIndex(kinds->findData(kind));
    child<QLineEdit>(editor, "sourceLocation")->setText(location);
}

QString TestSourcesDialog::test(SourceEditorDialog *editor)
{
    QSignalSpy finished(editor, &SourceEditorDialog::testFinished);
    QTest::mouseClick(child<QPushButton>(editor, "testButton"), Qt::LeftButton);
    if (finished.isEmpty() && !finished.wait(60000))
        return QStringLiteral("(no answer)");
    return finished.constFirst().constFirst().toString();
}

void TestSourcesDialog::addFolderSource(const QString &name, const QString &folder)
{
    auto cache = Cache::open(m_cachePath);
    QVERIFY2(cache.ok(), qPrintable(cache.errorString()));
    auto added = SourceRegistry(**cache, *m_keychain)
                     .add({ name, SourceFactory::kindFiles(), folder, SourceRegistry::TokenPlace::None, {} });
    QVERIFY(added.ok());
    QCOMPARE(added->problem, SourceRegistry::Problem::None);
    cairn::sync::FileSource files({ added->source.location });
    cairn::sync::SyncEngine engine(**cache);
    const cairn::sync::SyncOutcome outcome = engine.run(name, SourceFactory::kindFiles(), added->source.location, files,
        cairn::sync::SyncOptions { true, false, 0.10 });
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
}

QByteArray TestSourcesDialog::cacheBytes() const
{
    QByteArray bytes;
    for (const QString &suffix : { QString(), QStringLiteral("-wal") }) {
        QFile file(m_cachePath + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

void TestSourcesDialog::addsABackstageSourceWithItsTokenInTheKeychain()
{
    FakeBackstageServer server(QByteArrayLiteral("s3cret-catalog-token"));
    for (int i = 0; i < 1234; ++i)
        server.putEntity(QStringLiteral("Component"), QStringLiteral("c%1").arg(i));
    QVERIFY(server.start());

    const auto dialog = openDialog();
    QCOMPARE(dialog->sourceList()->topLevelItemCount(), 0);
    QPointer<SourceEditorDialog> editor = openEditor(*dialog);
    QVERIFY(editor);
    QVERIFY(!editor->isEditing());
    fill(editor, QStringLiteral("backstage"), SourceFactory::kindBackstage(), server.baseUrl().toString());
    child<QRadioButton>(editor, "tokenKeychain")->setChecked(true);
    auto *token = child<QLineEdit>(editor, "tokenValue");
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    token->setText(QStringLiteral("s3cret-catalog-token"));

    // The token typed, not yet stored, is the one the test sends.
    const QString result = test(editor);
    QVERIFY2(result.startsWith(QStringLiteral("Connected: the catalog lists 1")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("234 entities")), qPrintable(result));
    QCOMPARE(server.requests().constLast().header("Authorization"), QByteArray("Bearer s3cret-catalog-token"));
    QVERIFY(m_keychain->tokens().isEmpty());

    QSignalSpy changed(dialog.get(), &SourcesDialog::sourcesChanged);
    QSignalSpy listed(dialog.get(), &SourcesDialog::sourcesListed);
    editor->save();
    QVERIFY(editor->isSaving());
    QVERIFY(!changed.isEmpty() || changed.wait(30000));
    QVERIFY(!listed.isEmpty() || listed.wait(30000));
    QVERIFY(!editor || !editor->isVisible());

    QCOMPARE(m_keychain->tokens().value(QStringLiteral("backstage")), QStringLiteral("s3cret-catalog-token"));
    QVERIFY(!cacheBytes().isEmpty());
    QVERIFY(!cacheBytes().contains("s3cret-catalog-token"));
    QCOMPARE(dialog->sourceList()->topLevelItemCount(), 1);
    QTreeWidgetItem *row = dialog->sourceList()->topLevelItem(0);
    QCOMPARE(row->text(0), QStringLiteral("backstage"));
    QCOMPARE(row->text(1), QStringLiteral("Backstage catalog"));
    QCOMPARE(row->text(2), server.baseUrl().toString());
    QCOMPARE(row->text(3), QStringLiteral("System keychain"));
    QCOMPARE(row->text(4), QStringLiteral("0"));
    QVERIFY2(dialog->statusText().contains(QStringLiteral("Added")), qPrintable(dialog->statusText()));
}

void TestSourcesDialog::testConnectionSaysWhatFailed()
{
    FakeBackstageServer server(QByteArrayLiteral("right-token"));
    server.putEntity(QStringLiteral("Group"), QStringLiteral("team-a"));
    QVERIFY(server.start());
    LoopbackHttpServer notBackstage;
    notBackstage.setHandler([](const RecordedRequest &) {
        CannedReply reply;
        reply.body = QByteArrayLiteral("<html><body>Intranet</body></html>");
        reply.withHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html"));
        return reply;
    });
    QVERIFY(notBackstage.start());
    QTcpServer reserve;
    QVERIFY(reserve.listen(QHostAddress::LocalHost));
    const quint16 closedPort = reserve.serverPort();
    reserve.close();

    const auto dialog = openDialog();
    SourceEditorDialog *editor = openEditor(*dialog);
    QVERIFY(editor);
    fill(editor, QStringLiteral("bs"), SourceFactory::kindBackstage(), server.baseUrl().toString());
    child<QRadioButton>(editor, "tokenKeychain")->setChecked(true);
    child<QLineEdit>(editor, "tokenValue")->setText(QStringLiteral("wrong-token"));
    QString result = test(editor);
    QVERIFY2(result.startsWith(QStringLiteral("The token was refused")), qPrintable(result));
    QVERIFY(!child<QLabel>(editor, "testDetail")->text().contains(QStringLiteral("wrong-token")));

    child<QRadioButton>(editor, "tokenNone")->setChecked(true);
    result = test(editor);
    QVERIFY2(result.startsWith(QStringLiteral("The server wants a token")), qPrintable(result));

    child<QRadioButton>(editor, "tokenKeychain")->setChecked(true);
    child<QLineEdit>(editor, "tokenValue")->setText(QStringLiteral("right-token"));
    child<QLineEdit>(editor, "sourceLocation")->setText(server.http().url(QStringLiteral("/api/nothing")).toString());
    result = test(editor);
    QVERIFY2(result.startsWith(QStringLiteral("Nothing at this address (HTTP 404)")), qPrintable(result));

    child<QLineEdit>(editor, "sourceLocation")->setText(notBackstage.url(QStringLiteral("/")).toString());
    result = test(editor);
    QVERIFY2(result.startsWith(QStringLiteral("Not a Backstage catalog")), qPrintable(result));

    child<QLineEdit>(editor, "sourceLocation")
        ->setText(QStringLiteral("http://127.0.0.1:%1/api/catalog").arg(closedPort));
    result = test(editor);
    QVERIFY2(result.startsWith(QStringLiteral("Connection refused")), qPrintable(result));
    QVERIFY2(result.contains(QString::number(closedPort)), qPrintable(result));

    child<QLineEdit>(editor, "sourceLocation")
        ->setText(QStringLiteral("https://catalog.cairn-test.invalid/api/catalog"));
    result = test(editor);
    QVERIFY2(result.startsWith(QStringLiteral("Host not found")), qPrintable(result));

    // Nothing was stored by testing.
    QVERIFY(m_keychain->tokens().isEmpty());
    QCOMPARE(m_keychain->calls(), 0);
    editor->reject();
}

void TestSourcesDialog::testConnectionTellsACertificateNobodyTrusts()
{
    FakeBackstageServer server(QByteArrayLiteral("right-token"));
    server.putEntity(QStringLiteral("Group"), QStringLiteral("team-a"));
    QVERIFY(server.start(QHostAddress::LocalHost, true));
    const auto dialog = openDialog();
    SourceEditorDialog *editor = openEditor(*dialog);
    QVERIFY(editor);
    fill(editor, QStringLiteral("bs"), SourceFactory::kindBackstage(), server.baseUrl().toString());
    child<QRadioButton>(editor, "tokenKeychain")->setChecked(true);
    child<QLineEdit>(editor, "tokenValue")->setText(QStringLiteral("right-token"));
    const QString result = test(editor);
    QVERIFY2(result.startsWith(QStringLiteral("Certificate not trusted")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("self-signed")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("not even the token")), qPrintable(result));
    for (const RecordedRequest &request : server.requests())
        QVERIFY(!request.hasHeader("Authorization"));
    QVERIFY(editor->grab().save(screenshotPath(QStringLiteral("sources-test-untrusted.png"))));
    editor->reject();
}

void TestSourcesDialog::testsABundleAndAFolder()
{
    const auto dialog = openDialog();
    SourceEditorDialog *editor = openEditor(*dialog);
    QVERIFY(editor);
    // Tested before it has a name: the address is what is tested.
    fill(editor, QString(), SourceFactory::kindBundle(), QStringLiteral(CAIRN_TEST_DATA_DIR "/catalog/array.json"));
    QVERIFY(child<QPushButton>(editor, "browseButton")->isVisible());
    QString result = test(editor);
    QVERIFY2(result.startsWith(QStringLiteral("Read: the bundle holds")), qPrintable(result));

    child<QLineEdit>(editor, "sourceLocation")->setText(QStringLiteral(CAIRN_TEST_DATA_DIR "/catalog/multi.yaml"));
    result = test(editor);
    QVERIFY2(result.startsWith(QStringLiteral("Cannot read a bundle here")), qPrintable(result));
    QVERIFY(!child<QLabel>(editor, "testDetail")->text().isEmpty());

    fill(
        editor, QStringLiteral("folder"), SourceFactory::kindFiles(), QStringLiteral(CAIRN_TEST_DATA_DIR "/backstage"));
    // A folder is read from this computer: no token to choose.
    QVERIFY(!child<QWidget>(editor, "tokenBox")->isVisible());
    result = test(editor);
    QVERIFY2(result.startsWith(QStringLiteral("Read: ")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("catalog files with")), qPrintable(result));
    editor->reject();
}

void TestSourcesDialog::aTestCanBeCancelled()
{
    // A server that takes the connection and never answers: the test would wait for the
    // client's idle timeout, unless the person cancels.
    LoopbackHttpServer silent;
    silent.setHandler([](const RecordedRequest &) {
        CannedReply reply;
        reply.mode = CannedReply::Mode::Silent;
        return reply;
    });
    QVERIFY(silent.start());
    const auto dialog = openDialog();
    SourceEditorDialog *editor = openEditor(*dialog);
    QVERIFY(editor);
    fill(editor, QStringLiteral("bs"), SourceFactory::kindBackstage(),
        silent.url(QStringLiteral("/api/catalog")).toString());
    QSignalSpy finished(editor, &SourceEditorDialog::testFinished);
    QTest::mouseClick(child<QPushButton>(editor, "testButton"), Qt::LeftButton);
    QVERIFY(editor->isTesting());
    auto *cancel = child<QPushButton>(editor, "cancelTestButton");
    QVERIFY(cancel->isVisible());
    QVERIFY(!child<QPushButton>(editor, "testButton")->isEnabled());
    // Once the request is on the wire, so that cancelling stops a real exchange.
    QTRY_VERIFY_WITH_TIMEOUT(!silent.requests().isEmpty(), 30000);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!editor->isTesting());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.constFirst().constFirst().toString(), QStringLiteral("Test cancelled."));
    QVERIFY(!cancel->isVisible());
    QVERIFY(child<QPushButton>(editor, "testButton")->isEnabled());
    editor->reject();
}

void TestSourcesDialog::refusedInputStaysWithItsReason()
{
    addFolderSource(QStringLiteral("taken"), QStringLiteral(CAIRN_TEST_DATA_DIR "/catalog"));
    const auto dialog = openDialog();
    SourceEditorDialog *editor = openEditor(*dialog);
    QVERIFY(editor);
    const QString secretUrl = QStringLiteral("https://ann:hunter2@backstage.example.com/api/catalog");
    fill(editor, QStringLiteral("bs"), SourceFactory::kindBackstage(), secretUrl);
    editor->save();
    QVERIFY(editor->isVisible());
    QVERIFY(!editor->isSaving());
    auto *problem = child<QLabel>(editor, "locationProblem");
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("password")), qPrintable(problem->text()));
    QVERIFY2(problem->text().contains(QStringLiteral("cache")), qPrintable(problem->text()));
    QCOMPARE(child<QLineEdit>(editor, "sourceLocation")->text(), secretUrl);
    QVERIFY(editor->grab().save(screenshotPath(QStringLiteral("sources-refused-url.png"))));
    // Not even tested: the secret goes nowhere. The refusal is found at once, on this thread.
    QTest::mouseClick(child<QPushButton>(editor, "testButton"), Qt::LeftButton);
    QVERIFY(!editor->isTesting());
    QCOMPARE(editor->testResult(), QString());
    QVERIFY(problem->isVisible());

    // The registry's own refusal, found on the worker: the name belongs to another source.
    fill(editor, QStringLiteral("taken"), SourceFactory::kindBackstage(),
        QStringLiteral("https://backstage.example.com/api/catalog"));
    QSignalSpy listed(dialog.get(), &SourcesDialog::sourcesListed);
    editor->save();
    QVERIFY(editor->isSaving());
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isSaving(), 30000);
    QVERIFY(editor->isVisible());
    auto *nameProblem = child<QLabel>(editor, "nameProblem");
    QVERIFY(nameProblem->isVisible());
    QVERIFY2(
        nameProblem->text().contains(QStringLiteral("Another source has this name")), qPrintable(nameProblem->text()));
    QCOMPARE(child<QLineEdit>(editor, "sourceName")->text(), QStringLiteral("taken"));

    // A keychain chosen without a token.
    fill(editor, QStringLiteral("bs"), SourceFactory::kindBackstage(),
        QStringLiteral("https://backstage.example.com/api/catalog"));
    child<QRadioButton>(editor, "tokenKeychain")->setChecked(true);
    editor->save();
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isSaving(), 30000);
    QVERIFY(editor->isVisible());
    QVERIFY(child<QLabel>(editor, "tokenProblem")->isVisible());
    QCOMPARE(dialog->sources().size(), 1);
    editor->reject();
}

void TestSourcesDialog::editKeepsTheSyncStateAndTheName()
{
    // Set up as an earlier save left it, without the dialog (and off its keychain counter).
    const QString url = QStringLiteral("https://backstage.example.com/api/catalog");
    {
        auto cache = Cache::open(m_cachePath);
        QVERIFY(cache.ok());
        QVERIFY(CatalogWriter(**cache)
                    .addSource(QStringLiteral("bs"), SourceFactory::kindBackstage(), url,
                        QJsonObject { { SourceFactory::optionTokenKeychain(), true },
                            { QStringLiteral("state"), QJsonObject { { QStringLiteral("v"), 7 } } } })
                    .ok());
    }
    m_keychain->put(QStringLiteral("bs"), QStringLiteral("kept-token"));
    const auto dialog = openDialog();
    QVERIFY(dialog->selectSource(QStringLiteral("bs")));
    SourceEditorDialog *editor = openEditor(*dialog, true);
    QVERIFY(editor);
    QVERIFY(editor->isEditing());
    auto *name = child<QLineEdit>(editor, "sourceName");
    QVERIFY(name->isReadOnly());
    QVERIFY(name->toolTip().contains(QStringLiteral("add a new source")));
    QVERIFY(child<QRadioButton>(editor, "tokenKeychain")->isChecked());
    QVERIFY(child<QLineEdit>(editor, "tokenValue")->text().isEmpty());

    // Saved as it is, the stored token stays and so does the sync state.
    QSignalSpy changed(dialog.get(), &SourcesDialog::sourcesChanged);
    editor->save();
    QVERIFY(!changed.isEmpty() || changed.wait(30000));
    QCOMPARE(m_keychain->tokens().value(QStringLiteral("bs")), QStringLiteral("kept-token"));
    auto cache = Cache::openReadOnly(m_cachePath);
    QVERIFY(cache.ok());
    auto sources = CatalogWriter(**cache).sources();
    QVERIFY(sources.ok());
    QCOMPARE(sources->size(), 1);
    QCOMPARE(sources->constFirst().options.value(u"state").toObject().value(u"v").toInt(), 7);

    // Moved to another address: the same source, its sync state dropped.
    QSignalSpy listed(dialog.get(), &SourcesDialog::sourcesListed);
    QVERIFY(!listed.isEmpty() || listed.wait(30000));
    QVERIFY(dialog->selectSource(QStringLiteral("bs")));
    editor = openEditor(*dialog, true);
    QVERIFY(editor);
    child<QLineEdit>(editor, "sourceLocation")->setText(QStringLiteral("https://catalog.example.org/api/catalog"));
    QSignalSpy listedAgain(dialog.get(), &SourcesDialog::sourcesListed);
    changed.clear();
    editor->save();
    QVERIFY(!changed.isEmpty() || changed.wait(30000));
    QVERIFY(!listedAgain.isEmpty() || listedAgain.wait(30000));
    QVERIFY2(dialog->statusText().contains(QStringLiteral("new location")), qPrintable(dialog->statusText()));
    sources = CatalogWriter(**cache).sources();
    QVERIFY(sources.ok());
    QCOMPARE(sources->size(), 1);
    QCOMPARE(sources->constFirst().location, QStringLiteral("https://catalog.example.org/api/catalog"));
    QVERIFY(!sources->constFirst().options.contains(u"state"));
    QCOMPARE(m_keychain->tokens().value(QStringLiteral("bs")), QStringLiteral("kept-token"));
}

void TestSourcesDialog::syncNowAsksTheWindow()
{
    addFolderSource(QStringLiteral("folder"), QStringLiteral(CAIRN_TEST_DATA_DIR "/catalog"));
    const auto dialog = openDialog();
    QVERIFY(dialog->selectSource(QStringLiteral("folder")));
    QSignalSpy asked(dialog.get(), &SourcesDialog::syncRequested);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "syncButton"), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.constFirst().constFirst().toString(), QStringLiteral("folder"));
}

void TestSourcesDialog::removeSaysWhatHappensAndTombstones()
{
    addFolderSource(QStringLiteral("org"), QStringLiteral(CAIRN_TEST_DATA_DIR "/backstage"));
    // Its token in the keychain too, so that the removal forgets it.
    {
        auto cache = Cache::open(m_cachePath);
        QVERIFY(cache.ok());
        auto options = CatalogWriter(**cache).sourceOptions(QStringLiteral("org"));
        QVERIFY(options.ok());
        QJsonObject withToken = *options;
        withToken.insert(SourceFactory::optionTokenKeychain(), true);
        QVERIFY(CatalogWriter(**cache).saveSourceOptions(QStringLiteral("org"), withToken).ok());
    }
    m_keychain->put(QStringLiteral("org"), QStringLiteral("org-token"));

    const auto dialog = openDialog();
    QCOMPARE(dialog->sources().size(), 1);
    const int live = dialog->sources().constFirst().liveEntities;
    QVERIFY(live > 10);
    QVERIFY(dialog->selectSource(QStringLiteral("org")));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "removeButton"), Qt::LeftButton);
    QPointer<QMessageBox> box = dialog->removeConfirmation();
    QVERIFY(box);
    const QString words = box->text() + u'\n' + box->informativeText();
    QVERIFY2(words.contains(QStringLiteral("Its %1 entities will be kept as removed upstream").arg(live)),
        qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("Removed upstream")), qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("snapshot")), qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("keychain is forgotten")), qPrintable(words));
    QVERIFY(QTest::qWaitForWindowExposed(box));
    QVERIFY(box->grab().save(screenshotPath(QStringLiteral("sources-remove-confirmation.png"))));

    QSignalSpy changed(dialog.get(), &SourcesDialog::sourcesChanged);
    QSignalSpy listed(dialog.get(), &SourcesDialog::sourcesListed);
    QTest::mouseClick(child<QPushButton>(box, "confirmRemoveButton"), Qt::LeftButton);
    QVERIFY(dialog->isBusy());
    QVERIFY(!changed.isEmpty() || changed.wait(30000));
    QVERIFY(!listed.isEmpty() || listed.wait(30000));
    QVERIFY2(dialog->statusText().contains(QStringLiteral("Removed “org”. Its %1 entities").arg(live)),
        qPrintable(dialog->statusText()));
    QVERIFY2(dialog->statusText().contains(QStringLiteral("Snapshot")), qPrintable(dialog->statusText()));
    QCOMPARE(dialog->sourceList()->topLevelItemCount(), 0);
    QVERIFY(!m_keychain->tokens().contains(QStringLiteral("org")));

    auto cache = Cache::openReadOnly(m_cachePath);
    QVERIFY(cache.ok());
    auto statement
        = (*cache)->database().prepare(QStringLiteral("SELECT count(*) FROM entities WHERE removed_at IS NOT NULL"));
    QVERIFY(statement.ok());
    auto step = statement->step();
    QVERIFY(step.ok());
    QCOMPARE(statement->int64(0), qint64(live));
}

void TestSourcesDialog::anUnreadableCacheIsSaidSo()
{
    const QString missing = m_dir->filePath(QStringLiteral("no-such-folder/cache.sqlite3"));
    SourcesDialog dialog(missing, *m_keychain);
    QSignalSpy listed(&dialog, &SourcesDialog::sourcesListed);
    QVERIFY(!listed.isEmpty() || listed.wait(30000));
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Could not read the sources from the cache")),
        qPrintable(dialog.statusText()));
    QVERIFY(dialog.statusText().contains(missing));
    QCOMPARE(dialog.sourceList()->topLevelItemCount(), 0);
}

void TestSourcesDialog::refusalsReadOnADarkPalette()
{
    // As a system in dark mode gives it.
    const QPalette light = QApplication::palette();
    QApplication::setPalette(cairn::tests::darkPalette());
    const auto restore = qScopeGuard([&light] { QApplication::setPalette(light); });

    QTcpServer reserve;
    QVERIFY(reserve.listen(QHostAddress::LocalHost));
    const quint16 closedPort = reserve.serverPort();
    reserve.close();
    const auto dialog = openDialog();
    SourceEditorDialog *editor = openEditor(*dialog);
    QVERIFY(editor);
    fill(editor, QString(), SourceFactory::kindBackstage(),
        QStringLiteral("http://127.0.0.1:%1/api/catalog").arg(closedPort));
    const QString result = test(editor);
    QVERIFY2(result.startsWith(QStringLiteral("Connection refused")), qPrintable(result));
    editor->save(); // no name: refused beside the name
    auto *nameProblem = child<QLabel>(editor, "nameProblem");
    QVERIFY(nameProblem->isVisible());
    // Light text on the dark window, for the refusal and for the failed test alike.
    QVERIFY(nameProblem->palette().color(QPalette::WindowText).lightness() > 128);
    QVERIFY(child<QLabel>(editor, "testResult")->palette().color(QPalette::WindowText).lightness() > 128);
    QVERIFY(editor->grab().save(screenshotPath(QStringLiteral("sources-dark.png"))));
    editor->reject();
}

void TestSourcesDialog::picturesOfTheDialogs()
{
    FakeBackstageServer server(QByteArrayLiteral("right-token"));
    for (int i = 0; i < 1234; ++i)
        server.putEntity(QStringLiteral("Component"), QStringLiteral("c%1").arg(i));
    QVERIFY(server.start());
    addFolderSource(QStringLiteral("platform-catalog"), QStringLiteral(CAIRN_TEST_DATA_DIR "/backstage"));
    addFolderSource(QStringLiteral("compass"), QStringLiteral(CAIRN_TEST_DATA_DIR "/compass"));
    {
        auto cache = Cache::open(m_cachePath);
        QVERIFY(cache.ok());
        QVERIFY(SourceRegistry(**cache, *m_keychain)
                    .add({ QStringLiteral("backstage"), SourceFactory::kindBackstage(),
                        QStringLiteral("https://backstage.example.com/api/catalog"),
                        SourceRegistry::TokenPlace::Environment, QStringLiteral("BACKSTAGE_TOKEN") })
                    .ok());
    }
    const auto dialog = openDialog();
    QCOMPARE(dialog->sources().size(), 3);
    dialog->resize(980, 360);
    QVERIFY(dialog->selectSource(QStringLiteral("platform-catalog")));
    const QString listPicture = screenshotPath(QStringLiteral("sources-dialog.png"));
    QVERIFY(dialog->grab().save(listPicture));

    SourceEditorDialog *editor = openEditor(*dialog);
    QVERIFY(editor);
    fill(editor, QStringLiteral("company-backstage"), SourceFactory::kindBackstage(), server.baseUrl().toString());
    child<QRadioButton>(editor, "tokenKeychain")->setChecked(true);
    child<QLineEdit>(editor, "tokenValue")->setText(QStringLiteral("right-token"));
    const QString result = test(editor);
    QVERIFY2(result.startsWith(QStringLiteral("Connected")), qPrintable(result));
    const QString testPicture = screenshotPath(QStringLiteral("sources-test-connection.png"));
    QVERIFY(editor->grab().save(testPicture));
    editor->reject();

    for (const QString &path : { listPicture, testPicture }) {
        const QImage image(path);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 300);
    }
}

QTEST_MAIN(TestSourcesDialog)
#include "tst_sourcesdialog.moc"
