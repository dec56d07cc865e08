// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/TokenStore.h"

#include "sync/SyncLog.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <qt6keychain/keychain.h>

namespace cairn::sync {

namespace {

// qtkeychain jobs are asynchronous; the sync worker, the window's workers and the command
// line wait for them in an event loop of their own thread. The job is made in that thread
// (a QObject belongs to the thread that made it), so its answer comes to that loop. On a
// window's UI thread the wait would freeze the window for as long as the keychain takes
// (an unlock prompt: minutes), hence the warning: a trace for whoever called it there.
void runToEnd(QKeychain::Job &job)
{
    const QCoreApplication *app = QCoreApplication::instance();
    if (app && QThread::currentThread() == app->thread() && app->inherits("QGuiApplication"))
        qCWarning(syncLog) << "The keychain was asked on the UI thread; the window waits until it answers.";
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

QString keyFor(const QString &sourceName)
{
    return QStringLiteral("source/%1").arg(sourceName);
}

} // namespace

TokenStore::TokenStore(QString service)
    : m_service(std::move(service))
{ }

core::Status TokenStore::store(const QString &sourceName, const QString &token) const
{
    QKeychain::WritePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(keyFor(sourceName));
    job.setTextData(token);
    runToEnd(job);
    if (job.error() != QKeychain::NoError)
        return core::Error { QStringLiteral("Could not store the token of source \"%1\" in the system keychain: %2.")
                                 .arg(sourceName, job.errorString()) };
    return {};
}

core::Result<QString> TokenStore::read(const QString &sourceName) const
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(keyFor(sourceName));
    runToEnd(job);
    if (job.error() == QKeychain::EntryNotFound)
        return QString();
    if (job.error() != QKeychain::NoError)
        return core::Error { QStringLiteral("Could not read the token of source \"%1\" from the system keychain: %2.")
                                 .arg(sourceName, job.errorString()) };
    return job.textData();
}

core::Status TokenStore::remove(const QString &sourceName) const
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(keyFor(sourceName));
    runToEnd(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return core::Error { QStringLiteral("Could not remove the token of source \"%1\" from the system keychain: %2.")
                                 .arg(sourceName, job.errorString()) };
    return {};
}

core::Result<QString> TokenStore::readEnvironment(const QString &variable)
{
    const QString value = qEnvironmentVariable(variable.toLocal8Bit().constData());
    if (value.isEmpty())
        return core::Error { QStringLiteral("The environment variable %1, which should hold the token, is not set "
                                            "or empty. Set it before syncing.")
                                 .arg(variable),
            core::ErrorKind::Authentication };
    return value;
}

} // namespace cairn::sync
