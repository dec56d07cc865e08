// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/GoalTreeModel.h"

#include "cache/CatalogQuery.h"
#include "core/GoalProgress.h"
#include "core/MemoryCatalog.h"
#include "core/ProjectTimeline.h"
#include "core/RelationType.h"
#include "models/ItemRoles.h"
#include "models/SortedRowsMerge.h"

#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace cairn::models {

struct GoalTreeModel::Node
{
    enum class Kind { Goal, Project }; // goals first among a goal's children

    Kind kind = Kind::Goal;
    core::EntityRef ref;
    QString title;
    QString status;
    QString owner;
    QDate targetDate;
    std::optional<double> progress;
    QString note; // why a goal is a top-level row though it has a parent (a loop)

    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    // The order of a goal's children, and the identity the refresh merge goes by.
    static bool less(const std::unique_ptr<Node> &a, const std::unique_ptr<Node> &b)
    {
        if (a->kind != b->kind)
            return a->kind < b->kind;
        const int byTitle = a->title.compare(b->title, Qt::CaseInsensitive);
        if (byTitle != 0)
            return byTitle < 0;
        return a->ref.key() < b->ref.key();
    }

    bool sameData(const Node &other) const
    {
        return status == other.status && owner == other.owner && targetDate == other.targetDate
            && progress == other.progress && note == other.note && title == other.title;
    }

    void adoptChildren()
    {
        for (std::size_t i = 0; i < children.size(); ++i) {
            children[i]->parent = this;
            children[i]->row = int(i);
        }
    }
};

namespace {

constexpr int MaxDepth = 32; // as GoalProgress: deeper is a data error, not a plan

QString progressText(const std::optional<double> &fraction)
{
    if (!fraction)
        return {};
    return GoalTreeModel::tr("%1 %").arg(QLocale().toString(qRound(*fraction * 100)));
}

} // namespace

// One read of every live goal and project, turned into the tree. GoalProgress runs on an
// in-memory catalog of that same read, so figures and structure come from one commit and
// the roll-up costs no query per goal.
class GoalTreeModel::TreeBuilder
{
public:
    TreeBuilder(const QList<core::EntityRecord> &goals, const QList<core::EntityRecord> &projects,
        QHash<QString, QString> owners)
        : m_progress(m_catalog)
        , m_owners(std::move(owners))
    {
        for (const core::EntityRecord &goal : goals) {
            m_catalog.add(goal.entity, goal.source);
            m_goals.insert(goal.entity.ref(), &goal.entity);
        }
        for (const core::EntityRecord &project : projects)
            m_catalog.add(project.entity, project.source);
        for (const core::EntityRecord &goal : goals) {
            const core::EntityRef ref = goal.entity.ref();
            QList<core::EntityRef> parents;
            for (const core::Relation &r : relations(ref, core::relation::ChildOf)) {
                if (m_goals.contains(r.target) && !parents.contains(r.target))
                    parents.append(r.target);
            }
            for (const core::EntityRef &parent : std::as_const(parents))
                m_subGoals[parent].append(ref);
            m_parents.insert(ref, parents);
        }
        for (const core::EntityRecord &project : projects) {
            QSet<core::EntityRef> seen;
            for (const core::Relation &r : relations(project.entity.ref(), core::relation::ContributesTo)) {
                if (m_goals.contains(r.target) && !seen.contains(r.target)) {
                    seen.insert(r.target);
                    m_contributors[r.target].append(&project.entity);
                }
            }
        }
    }

    core::Result<std::unique_ptr<Node>> build()
    {
        auto root = std::make_unique<Node>();
        QList<core::EntityRef> all = m_goals.keys();
        std::sort(all.begin(), all.end());
        QList<core::EntityRef> path;
        for (const core::EntityRef &goal : std::as_const(all)) {
            if (!m_parents.value(goal).isEmpty())
                continue;
            core::Result<std::unique_ptr<Node>> node = goalNode(goal, path);
            if (!node)
                return node.error();
            root->children.push_back(std::move(node).value());
        }
        // Goals not reached from a top-level one hang off a loop of parents: each loop is
        // cut at its smallest ref, which becomes a top-level row.
        for (const core::EntityRef &goal : std::as_const(all)) {
            if (m_reached.contains(goal))
                continue;
            const QList<core::EntityRef> loop = loopAbove(goal);
            core::EntityRef cut = goal;
            QString note = GoalTreeModel::tr("Deeper than %1 levels under its top-level goal").arg(MaxDepth);
            if (!loop.isEmpty()) {
                cut = *std::min_element(loop.begin(), loop.end());
                QStringList names;
                const qsizetype at = loop.indexOf(cut);
                for (qsizetype i = 0; i <= loop.size(); ++i)
                    names.append(m_goals.value(loop.at((at + i) % loop.size()))->displayName());
                note = GoalTreeModel::tr("Its parent goals loop back to it: %1").arg(names.join(QStringLiteral(" → ")));
            }
            core::Result<std::unique_ptr<Node>> node = goalNode(cut, path);
            if (!node)
                return node.error();
            (*node)->note = note;
            root->children.push_back(std::move(node).value());
        }
        std::sort(root->children.begin(), root->children.end(), &Node::less);
        root->adoptChildren();
        return root;
    }

private:
    QList<core::Relation> relations(const core::EntityRef &ref, QStringView type) const
    {
        core::Result<QList<core::Relation>> found = m_catalog.relationsFrom(ref, type);
        return found ? found.value() : QList<core::Relation>();
    }

    // The loop of parents `goal` leads up to (each goal's first parent, by ref); empty when
    // its parents end at a top-level goal (it was left out for depth, not for a loop).
    QList<core::EntityRef> loopAbove(core::EntityRef goal) const
    {
        QList<core::EntityRef> chain;
        while (!chain.contains(goal)) {
            chain.append(goal);
            QList<core::EntityRef> parents = m_parents.value(goal);
            if (parents.isEmpty())
                return {};
            goal = *std::min_element(parents.begin(), parents.end());
        }
        return chain.mid(chain.indexOf(goal));
    }

    QString ownerText(const core::Entity &entity) const
    {
        const core::EntityRef owner = entity.owner();
        return owner.isNull() ? QString() : m_owners.value(owner.key(), owner.toString());
    }

    core::Result<std::unique_ptr<Node>> goalNode(const core::EntityRef &ref, QList<core::EntityRef> &path)
    {
        const core::Entity &goal = *m_goals.value(ref);
        m_reached.insert(ref);
        auto node = std::make_unique<Node>();
        node->kind = Node::Kind::Goal;
        node->ref = ref;
        node->title = goal.displayName();
        node->status = goal.specString(u"status");
        node->owner = ownerText(goal);
        node->targetDate = QDate::fromString(goal.specString(u"targetDate").left(10), Qt::ISODate);
        core::Result<core::GoalRollup> rollup = m_progress.of(ref);
        if (!rollup)
            return rollup.error();
        node->progress = rollup->fraction;

        path.append(ref);
        for (const core::EntityRef &sub : m_subGoals.value(ref)) {
            // A sub-goal already on the path closes a loop: cut here, never followed.
            if (path.contains(sub) || path.size() >= MaxDepth)
                continue;
            auto child = goalNode(sub, path);
            if (!child) {
                path.removeLast();
                return child.error();
            }
            node->children.push_back(std::move(child).value());
        }
        path.removeLast();
        for (const core::Entity *project : m_contributors.value(ref)) {
            auto child = std::make_unique<Node>();
            child->kind = Node::Kind::Project;
            child->ref = project->ref();
            const core::TimelineSummary timeline
                = core::ProjectTimeline::fromEntity(*project).summarize(QDate::currentDate());
            child->title = project->displayName();
            child->status = timeline.status;
            child->owner = ownerText(*project);
            child->targetDate = timeline.currentTarget;
            child->progress = core::GoalProgress::projectFraction(*project);
            node->children.push_back(std::move(child));
        }
        std::sort(node->children.begin(), node->children.end(), &Node::less);
        node->adoptChildren();
        return node;
    }

    core::MemoryCatalog m_catalog;
    core::GoalProgress m_progress;
    QHash<QString, QString> m_owners; // owner key -> display name
    QHash<core::EntityRef, const core::Entity *> m_goals;
    QHash<core::EntityRef, QList<core::EntityRef>> m_parents;
    QHash<core::EntityRef, QList<core::EntityRef>> m_subGoals;
    QHash<core::EntityRef, QList<const core::Entity *>> m_contributors;
    QSet<core::EntityRef> m_reached;
};

GoalTreeModel::GoalTreeModel(cache::CatalogQuery &query, QObject *parent)
    : QAbstractItemModel(parent)
    , m_query(query)
    , m_root(std::make_unique<Node>())
{
    core::Result<std::unique_ptr<Node>> first = read();
    if (first)
        m_root = std::move(first).value();
    else
        m_lastError = first.errorString();
}

GoalTreeModel::~GoalTreeModel() = default;

core::Result<std::unique_ptr<GoalTreeModel::Node>> GoalTreeModel::read() const
{
    // Both lists on the (kind, name) index; unbounded, since a tree cannot show a part.
    cache::EntityFilter filter;
    filter.limit = -1;
    filter.kind = QStringLiteral("goal");
    core::Result<QList<core::EntityRecord>> goals = m_query.list(filter);
    if (!goals)
        return goals.error();
    filter.kind = QStringLiteral("project");
    core::Result<QList<core::EntityRecord>> projects = m_query.list(filter);
    if (!projects)
        return projects.error();
    // Owners are few (teams and people): one key lookup each.
    QHash<QString, QString> owners;
    for (const QList<core::EntityRecord> *list : { &goals.value(), &projects.value() }) {
        for (const core::EntityRecord &record : *list) {
            const core::EntityRef owner = record.entity.owner();
            if (owner.isNull() || owners.contains(owner.key()))
                continue;
            core::Result<std::optional<core::EntityRecord>> found = m_query.find(owner);
            if (!found)
                return found.error();
            owners.insert(owner.key(), *found ? (*found)->entity.displayName() : owner.toString());
        }
    }
    TreeBuilder builder(goals.value(), projects.value(), std::move(owners));
    return builder.build();
}

core::Status GoalTreeModel::refresh()
{
    core::Result<std::unique_ptr<Node>> fresh = read();
    if (!fresh) {
        m_lastError = fresh.errorString();
        return fresh.error();
    }
    m_lastError.clear();
    mergeChildren(*m_root, std::move((*fresh)->children));
    return {};
}

void GoalTreeModel::mergeChildren(Node &kept, std::vector<std::unique_ptr<Node>> fresh)
{
    const QModelIndex parent = &kept == m_root.get() ? QModelIndex() : indexOf(kept);
    SortedRowsMerge<std::unique_ptr<Node>> merge;
    merge.beginRemove = [&](int first, int last) { beginRemoveRows(parent, first, last); };
    merge.beginInsert = [&](int first, int last) { beginInsertRows(parent, first, last); };
    // Rows and parents are renumbered before the end signal: views ask for them then.
    merge.endRemove = [&] {
        kept.adoptChildren();
        endRemoveRows();
    };
    merge.endInsert = [&] {
        kept.adoptChildren();
        endInsertRows();
    };
    merge.keep = [&](int, std::unique_ptr<Node> &node, std::unique_ptr<Node> &update) {
        const bool changed = !node->sameData(*update);
        if (changed) {
            node->title = update->title;
            node->status = update->status;
            node->owner = update->owner;
            node->targetDate = update->targetDate;
            node->progress = update->progress;
            node->note = update->note;
        }
        mergeChildren(*node, std::move(update->children));
        return changed;
    };
    merge.changed = [&](int first, int last) {
        Q_EMIT dataChanged(index(first, 0, parent), index(last, ColumnCount - 1, parent));
    };
    merge.apply(kept.children, std::move(fresh), &Node::less);
}

const GoalTreeModel::Node *GoalTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<const Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex GoalTreeModel::indexOf(const Node &node, int column) const
{
    return createIndex(node.row, column, const_cast<Node *>(&node));
}

QModelIndex GoalTreeModel::indexOf(const core::EntityRef &ref) const
{
    std::vector<const Node *> stack { m_root.get() };
    while (!stack.empty()) {
        const Node *node = stack.back();
        stack.pop_back();
        if (node != m_root.get() && node->ref == ref)
            return indexOf(*node);
        for (auto it = node->children.rbegin(); it != node->children.rend(); ++it)
            stack.push_back(it->get());
    }
    return {};
}

QModelIndex GoalTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return indexOf(*nodeOf(parent)->children.at(std::size_t(row)), column);
}

QModelIndex GoalTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *parent = nodeOf(child)->parent;
    return parent == m_root.get() || !parent ? QModelIndex() : indexOf(*parent);
}

int GoalTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int GoalTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant GoalTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeOf(index);
    switch (role) {
    case RefRole:
        return QVariant::fromValue(node.ref);
    case KindRole:
        return node.kind == Node::Kind::Goal ? QStringLiteral("goal") : QStringLiteral("project");
    case ProgressRole:
        return node.progress ? QVariant(*node.progress) : QVariant();
    case RemovedRole:
        return false;
    case Qt::ToolTipRole:
        if (index.column() != Title)
            return {};
        return node.note.isEmpty() ? node.ref.toString() : node.ref.toString() + u'\n' + node.note;
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (Column(index.column())) {
    case Title:
        return sort ? QVariant(node.title.toLower()) : QVariant(node.title);
    case Status:
        return node.status;
    case Progress:
        if (sort)
            return node.progress ? QVariant(*node.progress) : QVariant(-1.0);
        return progressText(node.progress);
    case Owner:
        return sort ? QVariant(node.owner.toLower()) : QVariant(node.owner);
    case TargetDate:
        if (sort)
            return node.targetDate.toString(Qt::ISODate);
        return node.targetDate.isValid() ? QLocale().toString(node.targetDate, QLocale::ShortFormat) : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant GoalTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Title:
        return tr("Title");
    case Status:
        return tr("Status");
    case Progress:
        return tr("Progress");
    case Owner:
        return tr("Owner");
    case TargetDate:
        return tr("Target date");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cairn::models
