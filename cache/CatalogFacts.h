// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/ScorecardEvaluator.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace cairn::cache {

class Database;

// The whole catalog's health facts in memory (every live entity's kind and lifecycle, and
// the dependency graph), for an evaluation of everything: one read of each table instead of
// lookups per entity. Read-only once loaded, so evaluations on several threads may share it.
class CatalogFacts : public core::HealthFacts
{
public:
    core::Status load(Database &db);

    std::optional<Other> live(const QString &key) const override;
    QStringList dependencies(const core::HealthSubject &entity) const override;
    QStringList dependenciesOf(const QString &key) const { return m_deps.value(key); }
    // Every live entity's dependencies (sorted keys), by its key.
    const QHash<QString, QStringList> &allDependencies() const { return m_deps; }
    // The entities each live entity states itself a dependencyOf (sorted keys), by its key.
    const QHash<QString, QStringList> &allStatedFor() const { return m_statedFor; }

    // The facts as the evaluation of one entity reads them: its dependencies found once, by
    // the key it is stored under, where each scorecard and health::evaluate would otherwise
    // build the entity's ref from its document to ask (8 % of a recompute's evaluation).
    class OfEntity final : public core::HealthFacts
    {
    public:
        OfEntity(const CatalogFacts &all, const QString &key)
            : m_all(all)
            , m_dependencies(all.dependenciesOf(key))
        { }
        std::optional<Other> live(const QString &key) const override { return m_all.live(key); }
        QStringList dependencies(const core::HealthSubject &) const override { return m_dependencies; }

    private:
        const CatalogFacts &m_all;
        QStringList m_dependencies;
    };

private:
    QHash<QString, Other> m_live;
    QStringList m_words; // what m_live's kinds and lifecycles are lent from (fromRawData)
    QHash<QString, QStringList> m_deps;
    QHash<QString, QStringList> m_statedFor;
};

} // namespace cairn::cache
