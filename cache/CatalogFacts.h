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
    QStringList dependencies(const core::Entity &entity) const override;
    QStringList dependenciesOf(const QString &key) const { return m_deps.value(key); }
    // Every live entity's dependencies (sorted keys), by its key.
    const QHash<QString, QStringList> &allDependencies() const { return m_deps; }
    // The entities each live entity states itself a dependencyOf (sorted keys), by its key.
    const QHash<QString, QStringList> &allStatedFor() const { return m_statedFor; }

private:
    QHash<QString, Other> m_live;
    QHash<QString, QStringList> m_deps;
    QHash<QString, QStringList> m_statedFor;
};

} // namespace cairn::cache
