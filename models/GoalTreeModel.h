// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/Result.h"

#include <QAbstractItemModel>
#include <QString>

#include <memory>
#include <vector>

namespace cairn::cache {
class Cache;
}

namespace cairn::models {

// Goals as a tree: top-level goals (no parent, or one that names no live goal), their
// sub-goals, and under each goal the projects that contribute to it (a project's
// spec.goals). Progress is core::GoalProgress's roll-up. A loop of parent goals is cut,
// not followed: the goal of the loop with the smallest ref becomes a top-level row and
// says so in its tooltip. A sync's changes arrive through refresh(), in place.
class GoalTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GoalTreeModel)

public:
    enum Column { Title, Status, Progress, Owner, TargetDate, ColumnCount };

    // Reads the goals and projects on `cache` (the UI thread's connection) now.
    explicit GoalTreeModel(cache::Cache &cache, QObject *parent = nullptr);
    ~GoalTreeModel() override;

    // Reads again and brings the tree to it: rows inserted, removed and changed, no reset.
    core::Status refresh();
    const QString &lastError() const { return m_lastError; }

    // The first row (depth first) showing `ref`; invalid when the tree has none.
    QModelIndex indexOf(const core::EntityRef &ref) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    class TreeBuilder;

    core::Result<std::unique_ptr<Node>> read() const;
    void mergeChildren(Node &kept, std::vector<std::unique_ptr<Node>> fresh);
    QModelIndex indexOf(const Node &node, int column = 0) const;
    const Node *nodeOf(const QModelIndex &index) const;

    cache::Cache &m_cache;
    std::unique_ptr<Node> m_root;
    QString m_lastError;
};

} // namespace cairn::models
