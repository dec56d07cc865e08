// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/Cache.h"
#include "cache/SourceRun.h"
#include "core/SourcedEntity.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace cairn::cache::test {

// A catalog document as a source would deliver it.
inline core::SourcedEntity entity(
    const QString &kind, const QString &name, const QJsonObject &spec = {}, const QJsonObject &extraMetadata = {})
{
    QJsonObject metadata = extraMetadata;
    metadata.insert(QStringLiteral("name"), name);
    metadata.insert(QStringLiteral("namespace"), QStringLiteral("default"));
    QJsonObject doc { { QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1") },
        { QStringLiteral("kind"), kind }, { QStringLiteral("metadata"), metadata }, { QStringLiteral("spec"), spec } };
    return core::SourcedEntity { core::Entity(doc), core::DocumentOrigin { QStringLiteral("test.yaml"), 1 } };
}

inline core::SourcedEntity component(
    const QString &name, const QString &owner = QStringLiteral("team-a"), const QJsonObject &extraMetadata = {})
{
    return entity(QStringLiteral("Component"), name,
        QJsonObject { { QStringLiteral("type"), QStringLiteral("service") },
            { QStringLiteral("lifecycle"), QStringLiteral("production") }, { QStringLiteral("owner"), owner } },
        extraMetadata);
}

inline core::SourcedEntity group(const QString &name, const QString &displayName)
{
    return entity(QStringLiteral("Group"), name,
        QJsonObject { { QStringLiteral("type"), QStringLiteral("team") },
            { QStringLiteral("profile"),
                QJsonObject { { QStringLiteral("displayName"), displayName },
                    { QStringLiteral("email"), name + QStringLiteral("@example.com") } } },
            { QStringLiteral("children"), QJsonArray() } });
}

inline QList<core::SourcedEntity> components(int count, const QString &prefix = QStringLiteral("svc"))
{
    QList<core::SourcedEntity> out;
    for (int i = 0; i < count; ++i)
        out.append(component(QStringLiteral("%1-%2").arg(prefix).arg(i)));
    return out;
}

inline SourceRunInput run(const QString &source, QList<core::SourcedEntity> entities)
{
    SourceRunInput in;
    in.sourceName = source;
    in.sourceKind = QStringLiteral("files");
    in.location = QStringLiteral("/tmp/") + source;
    in.entities = std::move(entities);
    return in;
}

inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    return f.readAll();
}

// A fresh cache file in `dir`, named after the test function that is running.
inline std::unique_ptr<Cache> cacheForCurrentTest(const QTemporaryDir &dir)
{
    return std::move(
        Cache::open(dir.filePath(QStringLiteral("%1.sqlite3").arg(QLatin1StringView(QTest::currentTestFunction())))))
        .value();
}

inline qint64 count(Cache &cache, const QString &sql)
{
    core::Result<qint64> n = cache.database().queryInt(sql);
    return n ? *n : -1;
}

} // namespace cairn::cache::test
