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

class BackgroundReader;

// Goals as a tree: top-level goals (no parent, or one that names no live goal), their
// sub-goals, and under each goal the projects that contribute to it (a project's
// spec.goals). Progress is core::GoalProgress's roll-up. A loop of parent goals is cut,
// not followed: the goal of the loop with the smallest ref becomes a top-level row and
// says so in its tooltip. A sync's changes arrive through refresh(), in place.
//
// The goals, projects and their roll-up are read and built on a BackgroundReader (at
// 100,000 entities the tree is thousands of goals): the model starts empty and fills
// when the first read arrives (readFinished).
class GoalTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GoalTreeModel)

public:
    enum Column { Title, Status, Progress, Owner, TargetDate, ColumnCount };

    // Starts reading the goals and projects of `cache`'s file on a reader of its own.
    explicit GoalTreeModel(cache::Cache &cache, QObject *parent = nullptr);
    ~GoalTreeModel() override;

    // Reads again and brings the tree to it: rows inserted, removed and changed, no reset
    // (the first read: one reset).
    void refresh();
    // True until the read asked for has arrived.
    bool isReading() const { return m_reading; }
    // Whether a tree has arrived yet (an empty tree before that is not "no goals").
    bool isLoaded() const { return m_loaded; }
    const QString &lastError() const { return m_lastError; }

    // The first row (depth first) showing `ref`; invalid when the tree has none.
    QModelIndex indexOf(const core::EntityRef &ref) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // A read arrived and was applied, or failed: lastError() says which.
    void readFinished();

private:
    struct Node;
    class TreeBuilder;

    // On the reader's thread.
    static core::Result<std::unique_ptr<Node>> read(cache::Cache &cache);
    void apply(core::Result<std::unique_ptr<Node>> fresh);
    void mergeChildren(Node &kept, std::vector<std::unique_ptr<Node>> fresh);
    QModelIndex indexOf(const Node &node, int column = 0) const;
    const Node *nodeOf(const QModelIndex &index) const;

    BackgroundReader *m_reader;
    std::unique_ptr<Node> m_root;
    QString m_lastError;
    bool m_reading = false;
    bool m_readAgain = false;
    bool m_loaded = false;
};

} // namespace cairn::models
