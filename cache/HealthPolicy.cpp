// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/HealthPolicy.h"

#include "core/ScorecardJson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QMutexLocker>

namespace cairn::cache {

namespace {

// Installed at start, read by every thread that opens a writable cache (the sync worker's
// among them): guarded, though in practice it is set before those threads start.
QMutex policyMutex;
std::shared_ptr<const HealthPolicy> policy;

} // namespace

QString HealthPolicy::fingerprint() const
{
    QJsonArray all;
    for (const core::Scorecard &s : scorecards)
        all.append(core::ScorecardJson::toJson(s));
    const QByteArray json = QJsonDocument(all).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex().left(32));
}

void HealthPolicy::install(std::shared_ptr<const HealthPolicy> installedPolicy)
{
    const QMutexLocker lock(&policyMutex);
    policy = std::move(installedPolicy);
}

std::shared_ptr<const HealthPolicy> HealthPolicy::installed()
{
    const QMutexLocker lock(&policyMutex);
    return policy;
}

} // namespace cairn::cache
