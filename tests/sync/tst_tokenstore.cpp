// SPDX-License-Identifier: GPL-3.0-or-later
// The real TokenStore (qtkeychain) asked from a worker thread, as the window's workers ask
// it: each job is made in the worker and its answer comes to the worker's own event loop,
// so the call returns there, stored or refused, without the main thread turning. Where the
// machine has no keychain (no session bus, as on a build machine) the answer is a refusal
// that names the source and the keychain; a session bus is left alone unless
// CAIRN_TEST_REAL_KEYCHAIN=1 says that this machine's keychain may be written to. With a
// throwaway Secret Service (gnome-keyring) it stores, reads back and removes for real:
//
//   HOME=$(mktemp -d) CAIRN_TEST_REAL_KEYCHAIN=1 dbus-run-session -- sh -c 'printf pw |
//     gnome-keyring-daemon --unlock --components=secrets; build/ci/tests/sync/sync_tokenstore'
#include "sync/TokenStore.h"

#include <QCoreApplication>
#include <QTest>
#include <QThread>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

using cairn::sync::TokenStore;

class TestTokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersOnAWorkerThread();
};

void TestTokenStore::answersOnAWorkerThread()
{
    const bool sessionBus = !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
    if (sessionBus && qEnvironmentVariable("CAIRN_TEST_REAL_KEYCHAIN") != u"1")
        QSKIP("A session bus may lead to this machine's keychain; set CAIRN_TEST_REAL_KEYCHAIN=1 to use it.");

    struct Answer
    {
        bool offMainThread = false;
        cairn::core::Status stored;
        QString readBack;
        cairn::core::Status removed;
    };
    // The main thread waits without an event loop: only the worker's own loop can deliver
    // the keychain's answer.
    const QString service = QStringLiteral("CairnTest-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    const Answer answer = QtConcurrent::run([service] {
        Answer out;
        out.offMainThread = QThread::currentThread() != QCoreApplication::instance()->thread();
        const TokenStore store(service);
        out.stored = store.store(QStringLiteral("probe"), QStringLiteral("t0ken"));
        if (out.stored) {
            out.readBack = store.read(QStringLiteral("probe")).value();
            out.removed = store.remove(QStringLiteral("probe"));
        }
        return out;
    }).result();

    QVERIFY(answer.offMainThread);
    if (!answer.stored) {
        QVERIFY2(
            answer.stored.errorString().contains(QStringLiteral("\"probe\"")), qPrintable(answer.stored.errorString()));
        QVERIFY(answer.stored.errorString().contains(QStringLiteral("keychain")));
        QVERIFY(!answer.stored.errorString().contains(QStringLiteral("t0ken")));
        return;
    }
    QCOMPARE(answer.readBack, QStringLiteral("t0ken"));
    QVERIFY2(answer.removed.ok(), qPrintable(answer.removed.errorString()));
}

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
