// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SourceRun.h"
#include "sync/ConnectionTest.h"
#include "sync/SourceRegistry.h"

#include <QCoreApplication>
#include <QSslError>
#include <QString>

namespace cairn::ui {

// How the window words what sync::SourceRegistry and sync::ConnectionTest answer with facts:
// a source's kind and token place, a refused request, a connection test's finding.
class SourceWords
{
    Q_DECLARE_TR_FUNCTIONS(SourceWords)

public:
    // "backstage" -> "Backstage catalog"; an unknown kind as written.
    static QString kind(const QString &kind);
    // "System keychain", "$CATALOG_TOKEN", or "None".
    static QString tokenPlace(const cache::SourceInfo &source);
    // Why the request was refused, in words for the field it is about.
    static QString problem(sync::SourceRegistry::Problem problem, const sync::SourceRegistry::Request &request,
        const sync::SourceRegistry::Addition &addition = {});
    // What a connection test found. `tokenSent`: whether the test sent a token.
    static QString finding(const sync::ConnectionTest::Finding &finding, const QString &kind, bool tokenSent);
    // Why a certificate is not trusted: "it is self-signed".
    static QString tlsReason(const QSslError &error);
};

} // namespace cairn::ui
