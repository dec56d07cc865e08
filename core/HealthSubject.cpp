// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/HealthSubject.h"

#include <algorithm>

namespace cairn::core {

void HealthSubject::sortAnnotations(QList<std::pair<QString, QString>> &annotations)
{
    // Stable, and the last of equal keys kept: a document that names a key twice means its
    // last value, as Qt's reader keeps it.
    std::stable_sort(
        annotations.begin(), annotations.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    const auto last = std::unique(
        annotations.rbegin(), annotations.rend(), [](const auto &a, const auto &b) { return a.first == b.first; });
    annotations.erase(annotations.begin(), last.base());
}

HealthSubject HealthSubject::of(const Entity &entity)
{
    HealthSubject s;
    s.kind = entity.kind();
    s.ns = entity.ns();
    s.name = entity.name();
    s.type = entity.specType();
    s.lifecycle = entity.lifecycle();
    s.ownerText = entity.specString(u"owner");
    s.description = entity.description();
    s.tags = entity.tags();
    const QJsonObject annotations = entity.metadata().value(u"annotations").toObject();
    for (auto it = annotations.begin(); it != annotations.end(); ++it)
        if (it.value().isString())
            s.annotations.append({ it.key(), it.value().toString() });
    sortAnnotations(s.annotations);
    s.links = entity.links();
    return s;
}

QString HealthSubject::annotation(QStringView key) const
{
    const auto it = std::lower_bound(annotations.cbegin(), annotations.cend(), key,
        [](const std::pair<QString, QString> &a, QStringView k) { return QStringView(a.first) < k; });
    return it != annotations.cend() && it->first == key ? it->second : QString();
}

EntityRef HealthSubject::owner() const
{
    if (ownerText.isEmpty())
        return {};
    Result<EntityRef> parsed = EntityRef::parseInField(ownerText, u"owner", kind, ns);
    return parsed ? parsed.value() : EntityRef();
}

EntityRef HealthSubject::ref() const
{
    if (kind.isEmpty() || name.isEmpty())
        return {};
    return EntityRef(kind, ns, name);
}

} // namespace cairn::core
