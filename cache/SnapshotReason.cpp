// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/SnapshotReason.h"

#include <array>
#include <utility>

namespace cairn::cache {

namespace {

// The words stored in the sidecar: part of the file format, never translated or renamed.
constexpr std::array<std::pair<SnapshotReason::Kind, const char16_t *>, 5> StoredNames { {
    { SnapshotReason::Kind::BeforeRemovals, u"before-removals" },
    { SnapshotReason::Kind::BeforeRestore, u"before-restore" },
    { SnapshotReason::Kind::BeforeSourceRemoval, u"before-source-removal" },
    { SnapshotReason::Kind::BeforePurge, u"before-purge" },
    { SnapshotReason::Kind::ByHand, u"by-hand" },
} };

} // namespace

QString SnapshotReason::describe() const
{
    switch (kind) {
    case Kind::BeforeRemovals:
        return QStringLiteral("before removals of \u201c%1\u201d").arg(subject);
    case Kind::BeforeRestore:
        return QStringLiteral("before restoring %1").arg(subject);
    case Kind::BeforeSourceRemoval:
        return QStringLiteral("before removing source \u201c%1\u201d").arg(subject);
    case Kind::BeforePurge:
        return QStringLiteral("before purging removed entities");
    case Kind::ByHand:
        return QStringLiteral("taken by hand");
    case Kind::Unknown:
        break;
    }
    return {};
}

QJsonObject SnapshotReason::toJson() const
{
    QJsonObject json;
    for (const auto &[k, name] : StoredNames) {
        if (k == kind)
            json.insert(QStringLiteral("reason"), QString::fromUtf16(name));
    }
    if (!subject.isEmpty())
        json.insert(QStringLiteral("subject"), subject);
    return json;
}

SnapshotReason SnapshotReason::fromJson(const QJsonObject &json)
{
    const QString stored = json.value(QStringLiteral("reason")).toString();
    for (const auto &[k, name] : StoredNames) {
        if (stored == QStringView(name))
            return { k, json.value(QStringLiteral("subject")).toString() };
    }
    return {};
}

} // namespace cairn::cache
