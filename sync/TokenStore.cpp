// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/TokenStore.h"

#include <QEventLoop>
#include <qt6keychain/keychain.h>

namespace cairn::sync {

namespace {

// qtkeychain jobs are asynchronous; the sync worker and the command line wait for them.
void runToEnd(QKeychain::Job &job)
{
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
