// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/CairnProcess.h"

#include <QProcess>
#include <QRandomGenerator>

namespace cairn::reliability {

Finished runCairn(const QString &cache, const QStringList &arguments, int killAfterMs, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CAIRN_NOW"), QStringLiteral("2026-11-24T09:00:00.000Z"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("CAIRN_CACHE"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(CAIRN_EXECUTABLE), QStringList { QStringLiteral("--cache"), cache } + arguments);
    Finished finished;
    if (!process.waitForStarted()) {
        finished.output = process.errorString();
        return finished;
    }
    if (killAfterMs >= 0 && !process.waitForFinished(killAfterMs))
        process.kill();
    if (!process.waitForFinished(timeoutMs)) {
        finished.hung = process.state() != QProcess::NotRunning;
        process.kill();
        process.waitForFinished();
    }
    finished.crashed = process.exitStatus() != QProcess::NormalExit;
    finished.exitCode = finished.crashed ? -1 : process.exitCode();
    finished.output = QString::fromUtf8(process.readAll());
    return finished;
}

bool fullRun()
{
    return qEnvironmentVariableIntValue("CAIRN_RELIABILITY_FULL") == 1;
}

quint32 seedForThisRun(const char *repeats)
{
    const quint32 seed = qEnvironmentVariableIsSet("CAIRN_RELIABILITY_SEED")
        ? quint32(qEnvironmentVariableIntValue("CAIRN_RELIABILITY_SEED"))
        : QRandomGenerator::global()->generate();
    qInfo("seed %u (CAIRN_RELIABILITY_SEED=%u repeats %s)", seed, seed, repeats);
    return seed;
}

} // namespace cairn::reliability
