// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/ChildBuild.h"

#include <QCoreApplication>
#include <QProcess>

namespace cairn::bench {

namespace {
const QString BuildOnly = QStringLiteral("--build-only");
}

bool isBuildOnly(const QStringList &args, int &n, QString &path)
{
    if (args.size() != 4 || args.at(1) != BuildOnly)
        return false;
    n = args.at(2).toInt();
    path = args.at(3);
    return true;
}

bool buildInChildProcess(int n, const QString &path)
{
    QProcess builder;
    builder.setProcessChannelMode(QProcess::ForwardedChannels);
    builder.start(QCoreApplication::applicationFilePath(), { BuildOnly, QString::number(n), path });
    return builder.waitForFinished(-1) && builder.exitStatus() == QProcess::NormalExit && builder.exitCode() == 0;
}

} // namespace cairn::bench
