// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/MemoryCatalog.h"

#include "core/NameMatcher.h"
#include "core/RelationDeriver.h"
#include "core/RelationType.h"

#include <algorithm>

namespace cairn::core {

MemoryCatalog::MemoryCatalog(const QList<Entity> &entities)
{
    for (const Entity &entity : entities)
        add(entity);
}

void MemoryCatalog::add(Entity entity, QString source, QDateTime removedAt)
{
    const EntityRef ref = entity.ref();
    if (ref.isNull())
        return; // validation reports such documents; nothing can refer to them
    EntityRecord record { std::move(entity), std::move(source), std::move(removedAt) };
    const auto it = m_index.constFind(ref);
    if (it != m_index.cend()) {
        m_records[*it] = std::move(record);
    } else {
        m_index.insert(ref, m_records.size());
        m_records.append(std::move(record));
    }
    m_relationsDirty = true;
}

void MemoryCatalog::buildRelations() const
{
    if (!m_relationsDirty)
        return;
    m_from.clear();
    m_to.clear();
    QSet<Relation> seen;
    const auto insert = [&](const Relation &r) {
        if (r.type.isEmpty() || seen.contains(r))
            return;
        seen.insert(r);
        m_from[r.source].append(r);
        m_to[r.target].append(r);
    };
    for (const EntityRecord &record : m_records) {
        const QList<Relation> relations = relationsOf(record.entity);
        for (const Relation &r : relations) {
            insert(r);
            // The lookup contract: every relation is visible under its inverse too.
            const QString inverse = relation::inverseOf(r.type);
            if (!inverse.isEmpty())
                insert(Relation { inverse, r.target, r.source });
        }
    }
    m_relationsDirty = false;
}

QList<Relation> MemoryCatalog::filtered(const QList<Relation> &relations, QStringView type)
{
    if (type.isEmpty())
        return relations;
    QList<Relation> out;
    for (const Relation &r : relations) {
        if (r.type.compare(type, Qt::CaseInsensitive) == 0)
            out.append(r);
    }
    return out;
}

Result<std::optional<EntityRecord>> MemoryCatalog::find(const EntityRef &ref) const
{
    const auto it = m_index.constFind(ref);
    if (it == m_index.cend())
        return std::optional<EntityRecord>();
    return std::optional<EntityRecord>(m_records.at(*it));
}

Result<QList<Relation>> MemoryCatalog::relationsFrom(const EntityRef &ref, QStringView type) const
{
    buildRelations();
    return filtered(m_from.value(ref), type);
}

Result<QList<Relation>> MemoryCatalog::relationsTo(const EntityRef &ref, QStringView type) const
{
    buildRelations();
    return filtered(m_to.value(ref), type);
}

Result<QList<EntityRecord>> MemoryCatalog::nameCandidates(QStringView text, int limit) const
{
    const QString needle = NameMatcher::normalize(text);
    if (needle.isEmpty() || limit <= 0)
        return QList<EntityRecord>();
    const int bound = NameMatcher::typoBound(needle.size());
    // Same tiers as the SQLite side: exact, prefix, then near spellings.
    QList<std::pair<int, qsizetype>> ranked;
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        const Entity &e = m_records.at(i).entity;
        int tier = 3;
        for (const QString &value : { e.name(), e.title(), e.displayName() }) {
            const QString norm = NameMatcher::normalize(value);
            if (norm.isEmpty())
                continue;
            if (norm == needle)
                tier = std::min(tier, 0);
            else if (norm.startsWith(needle))
                tier = std::min(tier, 1);
            else if (bound > 0 && NameMatcher::distance(needle, norm, bound) <= bound)
                tier = std::min(tier, 2);
        }
        if (tier < 3)
            ranked.append({ tier, i });
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<EntityRecord> out;
    for (const auto &[tier, i] : std::as_const(ranked)) {
        if (out.size() >= limit)
            break;
        out.append(m_records.at(i));
    }
    return out;
}

Result<QList<EntityRecord>> MemoryCatalog::entitiesOfKind(
    QStringView kind, const QStringList &statuses, int limit) const
{
    QList<EntityRecord> out;
    for (const EntityRecord &record : m_records) {
        if (record.isRemoved() || !record.entity.isKind(kind))
            continue;
        const QString status = record.entity.specString(u"status");
        if (!statuses.isEmpty() && std::none_of(statuses.cbegin(), statuses.cend(), [&](const QString &s) {
                return s.compare(status, Qt::CaseInsensitive) == 0;
            }))
            continue;
        out.append(record);
    }
    std::sort(out.begin(), out.end(),
        [](const EntityRecord &a, const EntityRecord &b) { return a.entity.ref() < b.entity.ref(); });
    if (limit >= 0 && out.size() > limit)
        out.resize(limit);
    return out;
}

Result<QList<SearchHit>> MemoryCatalog::search(QStringView text, int limit) const
{
    const QStringList words = NameMatcher::normalize(text).split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty() || limit <= 0)
        return QList<SearchHit>();
    QList<std::pair<int, qsizetype>> ranked;
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        const EntityRecord &record = m_records.at(i);
        if (record.isRemoved())
            continue;
        const Entity &e = record.entity;
        const QString names = NameMatcher::normalize(e.name() + u' ' + e.displayName());
        const QString body = names + u' ' + NameMatcher::normalize(e.description()) + u' '
            + NameMatcher::normalize(e.tags().join(u' '));
        const QStringList nameWords = names.split(u' ');
        const QStringList bodyWords = body.split(u' ', Qt::SkipEmptyParts);
        // Every word must start some word of the text; words found in the name or title rank first.
        bool all = true;
        bool inNames = true;
        for (const QString &w : words) {
            const auto starts = [&w](const QString &candidate) { return candidate.startsWith(w); };
            if (std::none_of(bodyWords.cbegin(), bodyWords.cend(), starts)) {
                all = false;
                break;
            }
            if (std::none_of(nameWords.cbegin(), nameWords.cend(), starts))
                inNames = false;
        }
        if (all)
            ranked.append({ inNames ? 0 : 1, i });
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<SearchHit> out;
    for (const auto &[tier, i] : std::as_const(ranked)) {
        if (out.size() >= limit)
            break;
        const Entity &e = m_records.at(i).entity;
        out.append(SearchHit { e.ref(), e.kind(), e.displayName(), e.owner(), false });
    }
    return out;
}

} // namespace cairn::core
