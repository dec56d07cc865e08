// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/SyntheticCatalog.h"

#include "core/Entity.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "testsupport/SyntheticOrganisation.h"

namespace cairn::reliability {

QByteArray syntheticCatalog(int count, bool edited)
{
    const testsupport::SyntheticOrganisation organisation(count);
    const QList<core::Entity> &entities = organisation.entities();
    QByteArray out;
    for (qsizetype i = 0; i < entities.size(); ++i) {
        QJsonObject document = entities.at(i).document();
        if (edited && i % 25 == 7)
            continue;
        if (edited && i % 3 == 0) {
            QJsonObject metadata = document.value(QStringLiteral("metadata")).toObject();
            metadata.insert(QStringLiteral("description"), QStringLiteral("Edited: version 2 of entity %1").arg(i));
            document.insert(QStringLiteral("metadata"), metadata);
        }
        out += QJsonDocument(document).toJson(QJsonDocument::Compact) + '\n';
    }
    for (int i = 0; edited && i < 100; ++i) {
        const QJsonObject metadata { { QStringLiteral("name"), QStringLiteral("new-service-%1").arg(i) },
            { QStringLiteral("namespace"), QStringLiteral("default") } };
        const QJsonObject spec { { QStringLiteral("type"), QStringLiteral("service") },
            { QStringLiteral("lifecycle"), QStringLiteral("production") },
            { QStringLiteral("owner"), QStringLiteral("group:default/nobody") } };
        out += QJsonDocument(QJsonObject { { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
                                 { QStringLiteral("kind"), QStringLiteral("Component") },
                                 { QStringLiteral("metadata"), metadata }, { QStringLiteral("spec"), spec } })
                   .toJson(QJsonDocument::Compact)
            + '\n';
    }
    return out;
}

} // namespace cairn::reliability
