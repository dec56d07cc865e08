// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/GoalTreeModel.h"

#include "cache/GoalGraph.h"
#include "core/Clock.h"
#include "core/GoalProgress.h"
#include "core/ProjectTimeline.h"
#include "core/RelationType.h"
#include "core/Words.h"
#include "models/BackgroundReader.h"
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

    // What a row shows, without its children.
    void copyData(const Node &other)
    {
        title = other.title;
        status = other.status;
        owner = other.owner;
        targetDate = other.targetDate;
        progress = other.progress;
        note = other.note;
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

// What GoalProgress asks of a catalog (a record by ref, and who names a goal as parent or
// contributes to it), answered from the tree's one read: the roll-up then costs no query
// per goal, and figures and structure come from the same commit.
class GoalGraphLookup final : public core::CatalogLookup
{
public:
    explicit GoalGraphLookup(const cache::GoalGraph &graph)
    {
        for (const QList<cache::GoalGraph::Item> *items : { &graph.goals, &graph.projects }) {
            for (const cache::GoalGraph::Item &item : *items)
                m_records.insert(item.record.entity.ref(), item.record);
        }
        for (const core::Relation &link : graph.links)
            m_to[link.target].append(link);
    }

    core::Result<std::optional<core::EntityRecord>> find(const core::EntityRef &ref) const override
    {
        const auto it = m_records.constFind(ref);
        return it == m_records.cend() ? std::optional<core::EntityRecord>() : std::optional<core::EntityRecord>(*it);
    }
    core::Result<QList<core::Relation>> relationsTo(const core::EntityRef &ref, QStringView type) const override
    {
        QList<core::Relation> out;
        for (const core::Relation &link : m_to.value(ref)) {
            if (type.isEmpty() || link.type.compare(type, Qt::CaseInsensitive) == 0)
                out.append(link);
        }
        return out;
    }
    // Not asked by GoalProgress.
    core::Result<QList<core::Relation>> relationsFrom(const core::EntityRef &, QStringView) const override
    {
        return QList<core::Relation>();
    }
    core::Result<QList<core::EntityRecord>> nameCandidates(QStringView, int) const override
    {
        return QList<core::EntityRecord>();
    }
    core::Result<QList<core::EntityRecord>> entitiesOfKind(QStringView, const QStringList &, int) const override
    {
        return QList<core::EntityRecord>();
    }
    core::Result<QList<core::SearchHit>> search(QStringView, int) const override { return QList<core::SearchHit>(); }

private:
    QHash<core::EntityRef, core::EntityRecord> m_records;
    QHash<core::EntityRef, QList<core::Relation>> m_to;
};

} // namespace

// The tree of one GoalGraph read.
class GoalTreeModel::TreeBuilder
{
public:
    explicit TreeBuilder(const cache::GoalGraph &graph)
        : m_lookup(graph)
        , m_progress(m_lookup)
    {
        for (const cache::GoalGraph::Item &goal : graph.goals)
            m_goals.insert(goal.record.entity.ref(), &goal);
        // A project's row is the same under every goal it serves: made once.
        QHash<core::EntityRef, const cache::GoalGraph::Item *> projects;
        for (const cache::GoalGraph::Item &project : graph.projects)
            projects.insert(project.record.entity.ref(), &project);
        for (const core::Relation &link : graph.links) {
            if (link.type == core::relation::ChildOf) {
                m_subGoals[link.target].append(link.source);
                m_parents[link.source].append(link.target);
            } else if (const auto project = projects.constFind(link.source); project != projects.cend()) {
                if (!m_projectRows.contains(link.source))
                    m_projectRows.insert(link.source, projectRow(**project));
                m_contributors[link.target].append(link.source);
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
                    names.append(m_goals.value(loop.at((at + i) % loop.size()))->record.entity.displayName());
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
    // The loop of parents `goal` leads up to (each goal's first parent, by ref); empty when
    // its parents end at a top-level goal (it was left out for depth, not for a loop).
    QList<core::EntityRef> loopAbove(core::EntityRef goal) const
    {
        QList<core::EntityRef> chain;
        while (!chain.contains(goal)) {
            chain.append(goal);
            const QList<core::EntityRef> parents = m_parents.value(goal);
            if (parents.isEmpty())
                return {};
            goal = *std::min_element(parents.begin(), parents.end());
        }
        return chain.mid(chain.indexOf(goal));
    }

    static QString ownerText(const cache::GoalGraph::Item &item)
    {
        const core::EntityRef owner = item.record.entity.owner();
        if (owner.isNull())
            return {};
        return item.ownerName.isEmpty() ? owner.toString() : item.ownerName;
    }

    static std::shared_ptr<const Node> projectRow(const cache::GoalGraph::Item &item)
    {
        const core::Entity &project = item.record.entity;
        const core::TimelineSummary timeline
            = core::ProjectTimeline::fromEntity(project).summarize(core::clock::today());
        auto row = std::make_shared<Node>();
        row->kind = Node::Kind::Project;
        row->ref = project.ref();
        row->title = project.displayName();
        row->status = timeline.status;
        row->owner = ownerText(item);
        row->targetDate = timeline.currentTarget;
        row->progress = core::GoalProgress::projectFraction(project);
        return row;
    }

    core::Result<std::unique_ptr<Node>> goalNode(const core::EntityRef &ref, QList<core::EntityRef> &path)
    {
        const cache::GoalGraph::Item &item = *m_goals.value(ref);
        const core::Entity &goal = item.record.entity;
        m_reached.insert(ref);
        auto node = std::make_unique<Node>();
        node->kind = Node::Kind::Goal;
        node->ref = ref;
        node->title = goal.displayName();
        node->status = goal.specString(u"status");
        node->owner = ownerText(item);
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
        for (const core::EntityRef &project : m_contributors.value(ref)) {
            const Node &row = *m_projectRows.value(project);
            auto child = std::make_unique<Node>();
            child->kind = row.kind;
            child->ref = row.ref;
            child->copyData(row);
            node->children.push_back(std::move(child));
        }
        std::sort(node->children.begin(), node->children.end(), &Node::less);
        node->adoptChildren();
        return node;
    }

    GoalGraphLookup m_lookup;
    core::GoalProgress m_progress;
    QHash<core::EntityRef, const cache::GoalGraph::Item *> m_goals;
    QHash<core::EntityRef, QList<core::EntityRef>> m_parents;
    QHash<core::EntityRef, QList<core::EntityRef>> m_subGoals;
    QHash<core::EntityRef, QList<core::EntityRef>> m_contributors;
    QHash<core::EntityRef, std::shared_ptr<const Node>> m_projectRows;
    QSet<core::EntityRef> m_reached;
};

GoalTreeModel::GoalTreeModel(cache::Cache &cache, QObject *parent)
    : QAbstractItemModel(parent)
    , m_reader(new BackgroundReader(cache, this))
    , m_root(std::make_unique<Node>())
{
    refresh();
}

GoalTreeModel::~GoalTreeModel()
{
    delete m_reader; // its thread ends while the model is whole
}

core::Result<std::unique_ptr<GoalTreeModel::Node>> GoalTreeModel::read(cache::Cache &cache)
{
    core::Result<cache::GoalGraph> graph = cache::GoalGraph::read(cache);
    if (!graph)
        return graph.error();
    TreeBuilder builder(graph.value());
    return builder.build();
}

void GoalTreeModel::refresh()
{
    if (m_reading) {
        m_readAgain = true; // the read in flight may have started before the change
        return;
    }
    m_reading = true;
    m_reader->run([this](core::Result<cache::Cache *> reader) {
        // Shared, as a queued call's arguments are copied; the tree itself moves once.
        auto fresh = std::make_shared<core::Result<std::unique_ptr<Node>>>(
            reader ? read(**reader) : core::Result<std::unique_ptr<Node>>(reader.error()));
        BackgroundReader::deliver(this, [this, fresh] { apply(std::move(*fresh)); });
    });
}

void GoalTreeModel::apply(core::Result<std::unique_ptr<Node>> fresh)
{
    m_reading = false;
    if (!fresh) {
        m_lastError = fresh.errorString();
    } else {
        m_lastError.clear();
        if (!m_loaded) {
            // The first tree: one reset rather than thousands of inserted rows.
            beginResetModel();
            m_root = std::move(fresh).value();
            endResetModel();
        } else {
            mergeChildren(*m_root, std::move((*fresh)->children));
        }
        m_loaded = true;
    }
    if (m_readAgain) {
        m_readAgain = false;
        refresh();
    }
    Q_EMIT readFinished();
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
        if (changed)
            node->copyData(*update);
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
        return sort ? node.status : core::Words::status(node.status);
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
